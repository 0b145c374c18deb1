import Engine
import Foundation

/// The Search tab as styled lines: what was asked and how the indexers answered, then one
/// row per release (verdict in color, quality, size, seeders, indexer, title, first reason),
/// and every reason of the release under the cursor. A pure function of the state.
enum SearchRows {
    static func lines(_ state: SearchState, width: Int, height: Int) -> [StyledLine] {
        var out = [heading(state, width: width)]
        let reasonWidth = width >= 110 ? min(44, (width - 70) / 2) : 0
        var header = [Span(TerminalText.pad("    #", to: 6), .header), Span(TerminalText.pad("VERDICT", to: 10), .header),
                      Span(TerminalText.pad("QUALITY", to: 14), .header), Span(TerminalText.pad("SIZE", to: 9, alignRight: true), .header),
                      Span(TerminalText.pad("SEEDS", to: 7, alignRight: true), .header), Span("  " + TerminalText.pad("INDEXER", to: 12), .header)]
        let titleWidth = max(10, width - 60 - reasonWidth)
        header.append(Span(TerminalText.pad("TITLE", to: titleWidth), .header))
        if reasonWidth > 0 { header.append(Span(" REASON", .header)) }
        out.append(StyledLine(header).fitted(to: width, fill: .header))
        let body = height - 2 - (state.current?.rejections.isEmpty == false ? 1 : 0)
        if state.releases.isEmpty {
            out.append(StyledLine("  " + emptyText(state), state.error != nil ? .error : .dim).fitted(to: width))
        }
        let start = min(state.scroll, max(0, state.releases.count - 1))
        for i in start..<min(state.releases.count, start + max(0, body)) {
            out.append(row(state.releases[i], selected: i == state.cursor, titleWidth: titleWidth, reasonWidth: reasonWidth, width: width))
        }
        out = Array(out.prefix(max(2, height - 1)))
        if let d = state.current, !d.rejections.isEmpty {
            while out.count < height - 1 { out.append(StyledLine().fitted(to: width)) }
            let reasons = d.rejections.map { TerminalText.inert($0.reason) }.joined(separator: "; ")
            out.append(StyledLine("  #\(d.rank) rejected: " + reasons, .error).fitted(to: width))
        }
        return DetailRows.pad(out, to: height, width: width)
    }

    static func heading(_ state: SearchState, width: Int) -> StyledLine {
        guard let request = state.request else {
            return StyledLine("  SEARCH the indexers: press / and type a query (tv: …, movie: …, music: … pick a type)", .title).fitted(to: width)
        }
        var text = "  SEARCH \"\(TerminalText.inert(request.text))\"" + (request.type.map { " (\($0.rawValue))" } ?? "")
        if let r = state.result {
            let answered = r.outcomes.filter { $0.status == "ok" }.count
            text += " — \(r.releases.count) releases, \(r.releases.filter(\.accepted).count) accepted by profile '\(TerminalText.inert(r.profile))'; "
                + "\(answered) of \(r.outcomes.count) indexers answered   (Enter grabs)"
        } else if state.error == nil {
            text += " — searching…"
        }
        return StyledLine(text, .title).fitted(to: width)
    }

    static func emptyText(_ state: SearchState) -> String {
        if let e = state.error { return TerminalText.inert(e) }
        guard state.request != nil else { return "No search yet. Press / to search." }
        guard let r = state.result else { return "Asking the indexers…" }
        if let failed = r.outcomes.first(where: { $0.status != "ok" }), let m = failed.message, !r.outcomes.contains(where: { $0.status == "ok" }) {
            return TerminalText.inert(m)
        }
        return "No releases found."
    }

    static func row(_ d: Decision, selected: Bool, titleWidth: Int, reasonWidth: Int, width: Int) -> StyledLine {
        let r = d.release
        var spans = [
            Span(TerminalText.pad(String(d.rank), to: 5, alignRight: true) + " "),
            Span(TerminalText.pad(d.accepted ? "accepted" : "rejected", to: 10), d.accepted ? .seeding : .error),
            Span(TerminalText.pad(TerminalText.inert(d.quality), to: 14), .accent),
            Span(TerminalText.pad(r.size.map { Units.formatBytes($0) } ?? "?", to: 9, alignRight: true)),
            Span(TerminalText.pad(r.seeders.map(String.init) ?? (r.releaseProtocol == .usenet ? "nzb" : "?"), to: 7, alignRight: true)),
            Span("  " + TerminalText.pad(TerminalText.inert(r.indexer), to: 12), .dim),
            Span(TerminalText.pad(TerminalText.inert(r.title), to: titleWidth)),
        ]
        if reasonWidth > 0, let first = d.rejections.first {
            spans.append(Span(" " + TerminalText.pad(TerminalText.inert(first.reason), to: reasonWidth - 1), .dim))
        }
        var line = StyledLine(spans).fitted(to: width)
        if selected { line = line.restyled(.selected) }
        return line
    }
}
