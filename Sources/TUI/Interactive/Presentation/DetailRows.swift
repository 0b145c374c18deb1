import Engine
import Foundation

/// The detail view of one torrent: general facts, a file tree, peers, trackers, pieces.
enum DetailRows {
    /// One line of the file tree: a directory or a file with its index in the torrent.
    struct TreeItem {
        var depth: Int
        var name: String
        var file: TorrentDetail.File?
        var size: Int64
        var done: Int64
    }

    static func tree(_ files: [TorrentDetail.File]) -> [TreeItem] {
        var items: [TreeItem] = []
        var openDirs: [String] = []
        // libtorrent lists files directory by directory, so one pass builds the tree.
        for file in files {
            let parts = file.path.split(separator: "/").map(String.init)
            let dirs = Array(parts.dropLast())
            var common = 0
            while common < min(dirs.count, openDirs.count) && dirs[common] == openDirs[common] { common += 1 }
            openDirs = Array(openDirs.prefix(common))
            for (depth, dir) in dirs.enumerated().dropFirst(common) {
                let prefix = dirs.prefix(depth + 1).joined(separator: "/") + "/"
                let inside = files.filter { $0.path.hasPrefix(prefix) }
                items.append(TreeItem(depth: depth, name: dir + "/", file: nil, size: inside.reduce(0) { $0 + $1.size },
                                      done: inside.reduce(0) { $0 + $1.downloaded }))
                openDirs.append(dir)
            }
            items.append(TreeItem(depth: dirs.count, name: parts.last ?? file.path, file: file, size: file.size, done: file.downloaded))
        }
        return items
    }

    static func itemCount(_ d: AppState.Detail) -> Int {
        guard let r = d.result else { return 0 }
        switch d.page {
        case .general: return generalFields(r).count
        case .files: return tree(r.detail.files).count
        case .peers: return r.detail.peers.count
        case .trackers: return r.detail.trackers.count
        case .pieces: return 0
        }
    }

    static func file(at index: Int, in d: AppState.Detail) -> TorrentDetail.File? {
        guard let r = d.result else { return nil }
        let items = tree(r.detail.files)
        return items.indices.contains(index) ? items[index].file : nil
    }

    static func generalFields(_ r: Methods.Detail.Result) -> [(String, String)] {
        let t = r.torrent
        func date(_ v: Int64?) -> String { v.map { Console.isoDate(Double($0)) } ?? "-" }
        return [
            ("Name", t.name), ("Info hash", t.infoHash), ("State", t.state.rawValue),
            ("Progress", String(format: "%.2f%% of %@", t.progress * 100, Units.formatBytes(t.size))),
            ("Downloaded", Units.formatBytes(t.downloaded)), ("Uploaded", Units.formatBytes(t.uploaded)),
            ("Ratio", String(format: "%.3f", t.ratio)),
            ("Rates", "↓ \(Units.formatRate(t.downRate))   ↑ \(Units.formatRate(t.upRate))"),
            ("Limits", "↓ \(t.downloadLimit == 0 ? "none" : Units.formatRate(t.downloadLimit))   ↑ \(t.uploadLimit == 0 ? "none" : Units.formatRate(t.uploadLimit))"),
            ("Peers", "\(t.peers) connected, \(t.seeds) seeds; swarm \(t.swarmPeers) peers, \(t.swarmSeeds) seeds"),
            ("ETA", Units.formatDuration(t.eta)), ("Save path", t.savePath), ("Category", t.category ?? "-"),
            ("Tags", t.tags.isEmpty ? "-" : t.tags.joined(separator: ", ")), ("Queue position", t.queuePosition < 0 ? "-" : String(t.queuePosition)),
            ("Added", date(t.addedAt)), ("Completed", date(t.completedAt)), ("Seeding time", Units.formatDuration(t.seedingTime)),
            ("Source", r.source.map(HTTPFetcher.redacted) ?? "-"), ("Error", t.error ?? "-"),
            ("Tracker message", r.lastTrackerMessage ?? "-"),
        ]
    }

    static func lines(_ d: AppState.Detail, fallback: TorrentSnapshot?, width: Int, height: Int) -> [StyledLine] {
        var tabs: [Span] = [Span(" ")]
        for page in AppState.DetailPage.allCases {
            tabs.append(Span(" \(page.title) ", page == d.page ? .tabActive : .tabInactive))
            tabs.append(Span(" "))
        }
        let name = TerminalText.inert(d.result?.torrent.name ?? fallback?.name ?? "#\(d.id)")
        tabs.append(Span(" " + name, .title))
        var out = [StyledLine(tabs).fitted(to: width)]
        let body = height
        guard let r = d.result else {
            out.append(StyledLine("  loading…", .dim).fitted(to: width))
            return pad(out, to: body + 1, width: width)
        }
        var content: [StyledLine] = []
        switch d.page {
        case .general:
            for (i, (k, v)) in generalFields(r).enumerated() {
                let line = StyledLine([Span("  " + TerminalText.pad(k, to: 16), .accent), Span(TerminalText.inert(v))]).fitted(to: width)
                content.append(i == d.cursor ? line.restyled(.selected) : line)
            }
        case .files:
            let items = tree(r.detail.files)
            let sizeW = 10, prioW = 8, doneW = 8
            let nameW = max(8, width - sizeW - prioW - doneW - 5)
            content.append(StyledLine([Span("  " + TerminalText.pad("FILE", to: nameW) + " " + TerminalText.pad("PRIORITY", to: prioW) + " "
                                            + TerminalText.pad("DONE", to: doneW, alignRight: true) + " " + TerminalText.pad("SIZE", to: sizeW, alignRight: true), .header)]).fitted(to: width, fill: .header))
            for (i, item) in items.enumerated() {
                let indent = String(repeating: "  ", count: item.depth)
                let prio = item.file.map { priorityLabel($0.priority) } ?? ""
                let pct = item.size > 0 ? String(format: "%.1f%%", Double(item.done) / Double(item.size) * 100) : "100%"
                let role: Role = item.file == nil ? .accent : (item.file!.priority == 0 ? .dim : .normal)
                var line = StyledLine([Span("  " + TerminalText.pad(indent + TerminalText.inert(item.name), to: nameW), role),
                                       Span(" " + TerminalText.pad(prio, to: prioW)),
                                       Span(" " + TerminalText.pad(pct, to: doneW, alignRight: true)),
                                       Span(" " + TerminalText.pad(Units.formatBytes(item.size), to: sizeW, alignRight: true))]).fitted(to: width)
                if i == d.cursor { line = line.restyled(.selected) }
                content.append(line)
            }
        case .peers:
            content.append(StyledLine("  " + TerminalText.pad("ADDRESS", to: 22) + TerminalText.pad("CLIENT", to: 20) + TerminalText.pad("DONE", to: 7, alignRight: true)
                                      + TerminalText.pad("DOWN", to: 11, alignRight: true) + TerminalText.pad("UP", to: 11, alignRight: true) + "  FLAGS", .header).fitted(to: width, fill: .header))
            for (i, p) in r.detail.peers.enumerated() {
                let flags = [p.seed ? "S" : "", p.encrypted ? "E" : "", p.incoming ? "I" : "", p.utp ? "U" : ""].joined()
                var line = StyledLine("  " + TerminalText.pad(p.address, to: 22) + TerminalText.pad(TerminalText.inert(p.client), to: 20)
                                      + TerminalText.pad(String(format: "%.0f%%", p.progress * 100), to: 7, alignRight: true)
                                      + TerminalText.pad(Units.formatRate(p.downRate), to: 11, alignRight: true)
                                      + TerminalText.pad(Units.formatRate(p.upRate), to: 11, alignRight: true) + "  " + flags).fitted(to: width)
                if i == d.cursor { line = line.restyled(.selected) }
                content.append(line)
            }
            if r.detail.peers.isEmpty { content.append(StyledLine("  no peers connected", .dim).fitted(to: width)) }
        case .trackers:
            content.append(StyledLine("  TIER  " + TerminalText.pad("STATUS", to: 14) + TerminalText.pad("SEEDS", to: 7, alignRight: true)
                                      + TerminalText.pad("PEERS", to: 7, alignRight: true) + "  URL", .header).fitted(to: width, fill: .header))
            for (i, t) in r.detail.trackers.enumerated() {
                let role: Role = t.status == "error" ? .error : (t.status == "working" ? .seeding : .normal)
                var line = StyledLine([Span("  " + TerminalText.pad(String(t.tier), to: 4, alignRight: true) + "  "),
                                       Span(TerminalText.pad(t.status, to: 14), role),
                                       Span(TerminalText.pad(t.seeds < 0 ? "?" : String(t.seeds), to: 7, alignRight: true)
                                            + TerminalText.pad(t.peers < 0 ? "?" : String(t.peers), to: 7, alignRight: true)
                                            + "  " + TerminalText.inert(HTTPFetcher.redacted(t.url))
                                            + (t.message.isEmpty ? "" : "  (" + TerminalText.inert(t.message) + ")"))]).fitted(to: width)
                if i == d.cursor { line = line.restyled(.selected) }
                content.append(line)
            }
        case .pieces:
            content = pieceMap(r.detail.pieces, pieceLength: r.detail.pieceLength, width: width, height: body)
        }
        let start = min(d.scroll, max(0, content.count - 1))
        let headerRows = [.files, .peers, .trackers].contains(d.page) ? 1 : 0
        if headerRows == 1, !content.isEmpty {
            out.append(content[0])
            out.append(contentsOf: content.dropFirst().dropFirst(start).prefix(body - 1))
        } else {
            out.append(contentsOf: content.dropFirst(start).prefix(body))
        }
        return pad(out, to: body + 1, width: width)
    }

    static func priorityLabel(_ p: Int) -> String {
        switch p {
        case 0: return "skip"
        case 1...3: return "low"
        case 4: return "normal"
        default: return "high"
        }
    }

    /// Pieces as blocks, each cell standing for as many pieces as needed to fit the area.
    static func pieceMap(_ pieces: String, pieceLength: Int, width: Int, height: Int) -> [StyledLine] {
        let bits = Array(pieces.utf8)
        guard !bits.isEmpty else { return [StyledLine("  no piece information yet", .dim).fitted(to: width)] }
        let have = bits.filter { $0 == UInt8(ascii: "1") }.count
        var out = [StyledLine("  \(have) of \(bits.count) pieces of \(Units.formatBytes(Int64(pieceLength)))   █ have  ▒ some  ░ missing", .dim).fitted(to: width)]
        let cols = max(1, width - 4)
        let cells = min(bits.count, cols * max(1, height - 1))
        let per = Double(bits.count) / Double(cells)
        var line: [Span] = [Span("  ")]
        for cell in 0..<cells {
            let a = Int(Double(cell) * per), b = max(a + 1, Int(Double(cell + 1) * per))
            let slice = bits[a..<min(b, bits.count)]
            let got = slice.filter { $0 == UInt8(ascii: "1") }.count
            let (ch, role): (String, Role) = got == slice.count ? ("█", .downloading) : (got == 0 ? ("░", .dim) : ("▒", .stalled))
            if line.last?.role == role { line[line.count - 1].text += ch } else { line.append(Span(ch, role)) }
            if (cell + 1) % cols == 0 {
                out.append(StyledLine(line).fitted(to: width))
                line = [Span("  ")]
            }
        }
        if line.count > 1 { out.append(StyledLine(line).fitted(to: width)) }
        return out
    }

    static func pad(_ lines: [StyledLine], to count: Int, width: Int) -> [StyledLine] {
        var out = lines
        while out.count < count { out.append(StyledLine().fitted(to: width)) }
        return Array(out.prefix(count))
    }
}
