import Engine
import Foundation

/// The Library tab as styled lines: the tree (or search results) with sizes and a one-line
/// summary per item, or one item's fields and streams. A pure function of the state.
enum LibraryRows {
    static func lines(_ state: LibraryState, width: Int, height: Int) -> [StyledLine] {
        if let id = state.showing { return detail(state, id: id, width: width, height: height) }
        var out: [StyledLine] = []
        var heading = state.search.isEmpty ? "  LIBRARY" : "  SEARCH \"\(TerminalText.inert(state.search))\" — \(state.results.count) found (Esc clears)"
        if let scan = state.scan, scan.phase != .done && scan.phase != .failed {
            heading += "   scanning: \(scan.seen) seen, \(scan.read)/\(scan.changed) read"
        }
        out.append(StyledLine([Span(TerminalText.pad(heading, to: max(0, width - 18)), .header),
                               Span(TerminalText.pad("ITEMS", to: 8, alignRight: true), .header),
                               Span(TerminalText.pad("SIZE", to: 10, alignRight: true), .header)]).fitted(to: width, fill: .header))
        let body = height - 1
        if state.nodes.isEmpty {
            let text = state.roots.isEmpty
                ? "No library yet. Add a folder with  :library add PATH --type movies  (tv, music, audiobooks, podcasts, photos, books, comics, videos), then  :scan"
                : (state.search.isEmpty ? "Nothing catalogued yet: press R to scan." : "Nothing matches.")
            out.append(StyledLine("  " + text, .dim).fitted(to: width))
        }
        let start = min(state.scroll, max(0, state.nodes.count - 1))
        for i in start..<min(state.nodes.count, start + body) {
            out.append(row(state.nodes[i], item: state.nodes[i].itemId.flatMap(state.item), selected: i == state.cursor, width: width))
        }
        return DetailRows.pad(out, to: height, width: width)
    }

    static func row(_ node: LibraryState.Node, item: LibraryItem?, selected: Bool, width: Int) -> StyledLine {
        let indent = String(repeating: "  ", count: node.depth + 1)
        let marker = node.itemId == nil ? (node.expanded ? "▾ " : "▸ ") : "  "
        let summary = item.map(Self.summary) ?? ""
        let right = (node.itemId == nil ? TerminalText.pad(String(node.count), to: 8, alignRight: true) : String(repeating: " ", count: 8))
            + TerminalText.pad(Units.formatBytes(node.size), to: 10, alignRight: true)
        let titleWidth = max(8, width - TerminalText.width(right) - TerminalText.width(indent) - 2 - (summary.isEmpty ? 0 : min(34, width / 3)))
        let title = TerminalText.pad(TerminalText.inert(node.title), to: titleWidth)
        let summaryText = summary.isEmpty ? "" : " " + TerminalText.pad(TerminalText.inert(summary), to: min(34, width / 3) - 1)
        let titleRole: Role = item?.error != nil ? .error : (node.itemId == nil ? (node.depth == 0 ? .title : .accent) : .normal)
        var line = StyledLine([Span(indent + marker, .dim), Span(title, titleRole), Span(summaryText, .dim), Span(right, .dim)]).fitted(to: width)
        if selected { line = line.restyled(.selected) }
        return line
    }

    /// Resolution, codec, HDR and duration; pages; photo date; or the error.
    static func summary(_ i: LibraryItem) -> String {
        if i.error != nil { return "unreadable" }
        var parts: [String] = []
        if let h = i.height, i.videoCodec != nil { parts.append(h >= 2000 ? "4K" : "\(h)p") }
        if let v = i.videoCodec { parts.append(v) }
        if let hdr = i.hdr { parts.append(hdr) }
        if i.videoCodec == nil, let a = i.audioCodecs.first { parts.append(a) }
        if let d = i.duration { parts.append(Units.formatDuration(Int64(d.rounded()))) }
        if let p = i.pages { parts.append("\(p)p") }
        if let t = i.takenAt { parts.append(String(t.prefix(10))) }
        return parts.joined(separator: " ")
    }

    static func detail(_ state: LibraryState, id: Int64, width: Int, height: Int) -> [StyledLine] {
        guard let shown = state.shown, shown.item.id == id else {
            return DetailRows.pad([StyledLine("  loading item #\(id)…", .dim).fitted(to: width)], to: height, width: width)
        }
        let i = shown.item
        var out = [StyledLine("  " + TerminalText.inert(LibraryTitles.full(i)) + "   (Esc back, c re-read)", .title).fitted(to: width)]
        func field(_ name: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            out.append(StyledLine([Span("  " + TerminalText.pad(name, to: 16), .dim), Span(TerminalText.inert(value))]).fitted(to: width))
        }
        field("path", i.path)
        field("type", i.type.rawValue)
        field("error", i.error)
        field("size", Units.formatBytes(i.size))
        field("duration", i.duration.map { Units.formatDuration(Int64($0.rounded())) })
        field("series", i.series)
        field("season", i.season.map(String.init))
        field("episodes", i.episodes.map(String.init).joined(separator: ", "))
        field("episode title", i.episodeTitle)
        field("year", i.year.map(String.init))
        field("artist", i.artist)
        field("album", i.album)
        field("track", i.track.map(String.init))
        field("author", i.author)
        field("narrator", i.narrator)
        field("chapters", i.chapters.map(String.init))
        field("pages", i.pages.map(String.init))
        field("taken", i.takenAt)
        field("camera", i.camera)
        field("location", i.latitude.flatMap { lat in i.longitude.map { String(format: "%.5f, %.5f", lat, $0) } })
        field("channel", i.channel)
        field("quality", i.quality)
        field("sidecars", i.sidecars.joined(separator: ", "))
        if let probe = shown.detail?.probe {
            out.append(StyledLine().fitted(to: width))
            out.append(StyledLine("  Streams", .title).fitted(to: width))
            for s in probe.streams {
                var parts = ["#\(s.index) \(s.type)", s.codec]
                if let p = s.profile { parts.append(p) }
                if let w = s.width, let h = s.height { parts.append("\(w)x\(h)") }
                if let d = s.bitDepth, s.type == "video" { parts.append("\(d)-bit") }
                if let hdr = s.hdr { parts.append(hdr) }
                if let l = s.channelLayout { parts.append(l) }
                if let l = s.language { parts.append("[\(l)]") }
                if s.isDefault { parts.append("default") }
                if s.isForced { parts.append("forced") }
                out.append(StyledLine("    " + TerminalText.inert(parts.joined(separator: "  ")), .normal).fitted(to: width))
            }
            let tags = probe.tags.filter { !["encoder", "major_brand", "minor_version", "compatible_brands"].contains($0.key) }
            if !tags.isEmpty {
                out.append(StyledLine("  Tags", .title).fitted(to: width))
                for (k, v) in tags.sorted(by: { $0.key < $1.key }) { field(k, v) }
            }
        }
        return DetailRows.pad(out, to: height, width: width)
    }
}
