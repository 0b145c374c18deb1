import Engine
import Foundation

/// The torrents table as styled lines: a pure function of the state and the width.
///
/// Columns give way on narrow terminals in a fixed order (category first, name
/// never), so the layout at any width is decided here and nowhere else.
enum TorrentsRows {
    struct Column {
        var title: String
        var width: Int
        var right: Bool
        var sort: TorrentsState.SortColumn?
        /// Lower goes first when space runs out.
        var keep: Int
    }

    static let all: [Column] = [
        Column(title: "SIZE", width: 9, right: true, sort: .size, keep: 6),
        Column(title: "PROGRESS", width: 10, right: false, sort: .progress, keep: 9),
        Column(title: "STATE", width: 11, right: false, sort: .state, keep: 8),
        Column(title: "DOWN", width: 10, right: true, sort: .down, keep: 7),
        Column(title: "UP", width: 10, right: true, sort: .up, keep: 5),
        Column(title: "ETA", width: 7, right: true, sort: .eta, keep: 4),
        Column(title: "RATIO", width: 5, right: true, sort: .ratio, keep: 3),
        Column(title: "PEERS", width: 7, right: true, sort: .peers, keep: 2),
        Column(title: "CATEGORY", width: 10, right: false, sort: .category, keep: 1),
    ]

    /// The name keeps about a third of the width (at least 12 columns); other columns give way.
    static func minimumName(for width: Int) -> Int { max(12, min(40, width / 3)) }

    /// The columns that fit beside the name.
    static func columns(for width: Int) -> [Column] {
        var chosen = all
        func used(_ cols: [Column]) -> Int { cols.reduce(0) { $0 + $1.width + 1 } + 2 }
        while used(chosen) + minimumName(for: width) > width, let drop = chosen.min(by: { $0.keep < $1.keep }) {
            chosen.removeAll { $0.title == drop.title }
        }
        return chosen
    }

    static func header(_ state: TorrentsState, width: Int) -> StyledLine {
        let cols = columns(for: width)
        let nameWidth = width - cols.reduce(0) { $0 + $1.width + 1 } - 2
        func title(_ text: String, _ sort: TorrentsState.SortColumn?) -> String {
            sort == state.sort ? text + (state.descending ? "▼" : "▲") : text
        }
        var spans = [Span("  " + TerminalText.pad(title("NAME", .name), to: nameWidth), .header)]
        for c in cols { spans.append(Span(" " + TerminalText.pad(title(c.title, c.sort), to: c.width, alignRight: c.right), .header)) }
        return StyledLine(spans).fitted(to: width, fill: .header)
    }

    static func row(_ t: TorrentSnapshot, selected: Bool, marked: Bool, width: Int) -> StyledLine {
        let cols = columns(for: width)
        let nameWidth = width - cols.reduce(0) { $0 + $1.width + 1 } - 2
        var spans = [Span(marked ? "● " : "  ", .marked), Span(TerminalText.pad(TerminalText.inert(t.name), to: nameWidth))]
        for c in cols {
            spans.append(Span(" "))
            switch c.title {
            case "PROGRESS": spans.append(contentsOf: progressBar(t.progress, width: c.width))
            case "STATE": spans.append(Span(TerminalText.pad(t.state.rawValue, to: c.width), role(for: t.state)))
            default: spans.append(Span(TerminalText.pad(cell(c.title, t), to: c.width, alignRight: c.right)))
            }
        }
        var line = StyledLine(spans).fitted(to: width)
        if selected { line = line.restyled(marked ? .selectedMarked : .selected) } else if marked {
            line = StyledLine(line.spans.enumerated().map { $0.offset == 1 ? Span($0.element.text, .marked) : $0.element })
        }
        return line
    }

    static func cell(_ column: String, _ t: TorrentSnapshot) -> String {
        switch column {
        case "SIZE": return t.size > 0 ? Units.formatBytes(t.size) : "?"
        case "DOWN": return t.downRate > 0 ? Units.formatRate(t.downRate) : ""
        case "UP": return t.upRate > 0 ? Units.formatRate(t.upRate) : ""
        case "ETA": return [.downloading, .stalled].contains(t.state) && t.progress < 1 ? Units.formatDuration(t.eta) : ""
        case "RATIO": return String(format: "%.2f", t.ratio)
        case "PEERS": return "\(t.peers)/\(t.seeds)"
        case "CATEGORY": return TerminalText.inert(t.category ?? "")
        default: return ""
        }
    }

    /// `[ 42.0% ]` drawn as a bar: the done part in one role, the rest in another.
    static func progressBar(_ progress: Double, width: Int) -> [Span] {
        let label = progress >= 1 ? "100%" : String(format: "%.1f%%", progress * 100)
        let left = max(0, (width - label.count) / 2)
        let chars = Array((String(repeating: " ", count: left) + label).padding(toLength: width, withPad: " ", startingAt: 0))
        let filled = max(0, min(width, Int((progress * Double(width)).rounded(.down))))
        return [Span(String(chars[0..<filled]), .progressDone), Span(String(chars[filled..<width]), .progressTodo)]
    }

    static func role(for state: TorrentState) -> Role {
        switch state {
        case .downloading: return .downloading
        case .seeding: return .seeding
        case .paused: return .paused
        case .stalled, .metadata: return .stalled
        case .queued, .loading: return .queued
        case .checking, .moving: return .checking
        case .error: return .error
        }
    }

    /// The visible window of the list: header plus `height` rows.
    static func lines(_ state: TorrentsState, width: Int, height: Int) -> [StyledLine] {
        var out = [header(state, width: width)]
        let start = min(state.scroll, max(0, state.order.count - 1))
        for i in start..<min(state.order.count, start + height) {
            guard let t = state.rows[state.order[i]] else { continue }
            out.append(row(t, selected: i == state.cursor, marked: state.marked.contains(t.id), width: width))
        }
        if state.order.isEmpty {
            let text = state.revision == nil ? "Loading the torrent list…" : state.rows.isEmpty ? "No torrents yet. Press a to add one, : for commands, ? for help." : "Nothing matches the filter '\(TerminalText.inert(state.filter))'."
            out.append(StyledLine("  " + text, .dim).fitted(to: width))
        }
        while out.count < height + 1 { out.append(StyledLine().fitted(to: width)) }
        return out
    }
}
