import Engine
import Foundation

/// The Wanted tab as styled lines: a summary, one row per wanted item (type, what is wanted,
/// profile, status in color, quality on disk, the latest grab or import), and the history of
/// the item under the cursor at the bottom. A pure function of the state.
enum WantedRows {
    /// Lines kept at the bottom for the history of the item under the cursor.
    static let historyLines = 3

    /// Item rows in a body `height` lines tall: less the heading, the header, a gap and the history.
    static func listRows(forBody height: Int) -> Int { max(0, height - 3 - historyLines) }

    static func lines(_ state: WantedState, width: Int, height: Int) -> [StyledLine] {
        var out = [heading(state, width: width)]
        let latestWidth = max(10, width - 84)
        out.append(StyledLine([
            Span(TerminalText.pad("   ID", to: 6), .header), Span(TerminalText.pad("  TYPE", to: 11), .header),
            Span(TerminalText.pad("WANTED", to: 34), .header), Span(TerminalText.pad("PROFILE", to: 10), .header),
            Span(TerminalText.pad("STATUS", to: 10), .header), Span(TerminalText.pad("ON DISK", to: 13), .header),
            Span(TerminalText.pad("LATEST", to: latestWidth), .header),
        ]).fitted(to: width, fill: .header))
        let body = listRows(forBody: height)
        if state.items.isEmpty {
            out.append(StyledLine("  " + (state.loaded ? "Nothing wanted yet. Press a:  wanted add tv \"Show\" --season 1 --episode 2  (or movie, music, book, …)"
                                                        : "Loading the wanted list…"), .dim).fitted(to: width))
        }
        let start = min(state.scroll, max(0, state.items.count - 1))
        for i in start..<min(state.items.count, start + body) {
            out.append(row(state.items[i], latest: state.latest(state.items[i]), selected: i == state.cursor, latestWidth: latestWidth, width: width))
        }
        out = DetailRows.pad(out, to: height - historyLines, width: width)
        out += historyRows(state, width: width)
        return DetailRows.pad(out, to: height, width: width)
    }

    static func heading(_ state: WantedState, width: Int) -> StyledLine {
        let c = state.counts
        let text = "  WANTED  \(c[.wanted] ?? 0) wanted, \(c[.grabbed] ?? 0) grabbed, \(c[.imported] ?? 0) imported"
            + "    Enter searches the indexers for it now, a adds, d removes"
        return StyledLine(text, .title).fitted(to: width)
    }

    static func statusRole(_ status: WantedItem.Status) -> Role {
        switch status {
        case .wanted: return .queued
        case .grabbed: return .downloading
        case .imported: return .seeding
        }
    }

    static func row(_ item: WantedItem, latest: AcquisitionHistoryEntry?, selected: Bool, latestWidth: Int, width: Int) -> StyledLine {
        var line = StyledLine([
            Span(TerminalText.pad("   \(item.id ?? 0)", to: 6)), Span(TerminalText.pad("  " + item.type.rawValue, to: 11), .dim),
            Span(TerminalText.pad(TerminalText.inert(item.label), to: 34)), Span(TerminalText.pad(TerminalText.inert(item.profile ?? "default"), to: 10), .dim),
            Span(TerminalText.pad(item.status.rawValue, to: 10), statusRole(item.status)),
            Span(TerminalText.pad(TerminalText.inert(item.currentQuality ?? ""), to: 13)),
            Span(TerminalText.pad(latest.map(summary) ?? "", to: latestWidth), latest.map(role) ?? .dim),
        ]).fitted(to: width)
        if selected { line = line.restyled(.selected) }
        return line
    }

    /// "grab failed: …", "imported WEBDL-1080p", "grabbed WEBDL-1080p from kelp".
    static func summary(_ e: AcquisitionHistoryEntry) -> String {
        let text: String
        switch (e.kind, e.state) {
        case (_, "failed"): text = "\(e.kind) failed" + (e.message.map { ": \($0)" } ?? "")
        case ("grab", "grabbed"): text = "grabbed \(e.quality ?? "")" + (e.indexer.map { " from \($0)" } ?? "")
        case ("grab", "removed"): text = "grab removed" + (e.message.map { ": \($0)" } ?? "")
        default: text = "\(e.state) \(e.quality ?? "")"
        }
        return TerminalText.inert(text)
    }

    static func role(_ e: AcquisitionHistoryEntry) -> Role {
        switch e.state {
        case "failed": return .error
        case "removed": return .stalled
        case "imported": return .seeding
        default: return .downloading
        }
    }

    /// The item under the cursor: its newest grabs and imports, one a line.
    static func historyRows(_ state: WantedState, width: Int) -> [StyledLine] {
        guard let item = state.current else { return [] }
        let entries = item.id.flatMap { state.history[$0] } ?? []
        guard !entries.isEmpty else {
            return [StyledLine("  #\(item.id ?? 0) " + TerminalText.inert(item.label) + ": no grabs or imports yet", .dim).fitted(to: width)]
        }
        return entries.prefix(historyLines).map { e in
            StyledLine([Span("  " + Console.clock(Double(e.at)) + "  ", .dim),
                        Span(TerminalText.pad(e.kind, to: 7), .accent), Span(summary(e) + "  ", role(e)),
                        Span(TerminalText.inert(e.title), .dim)]).fitted(to: width)
        }
    }
}
