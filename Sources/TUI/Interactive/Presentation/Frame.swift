import Engine
import Foundation

/// The whole screen as lines: tab bar, the current view, and the status line.
/// A pure function of the state and the window size.
enum Frame {
    static func compose(_ state: AppState) -> [StyledLine] {
        let width = state.columns, height = state.rows
        if state.tooSmall { return tooSmall(width: width, height: height) }
        var lines = [tabBar(state, width: width)]
        let bodyHeight = height - 2
        if let output = state.output {
            lines += OutputRows.lines(output, width: width, height: bodyHeight)
        } else if state.showHelp {
            lines += HelpRows.lines(state.keymap, scroll: state.helpScroll, width: width, height: bodyHeight)
        } else if let d = state.detail {
            lines += DetailRows.lines(d, fallback: state.torrents.rows[d.id], width: width, height: bodyHeight - 1)
        } else {
            switch state.tab {
            case .torrents: lines += TorrentsRows.lines(state.torrents, width: width, height: bodyHeight - 1)
            case .rates: lines += RatesRows.lines(state, width: width, height: bodyHeight)
            case .events: lines += EventsRows.lines(state.events, scroll: state.eventScroll, width: width, height: bodyHeight)
            case .library: lines += LibraryRows.lines(state.library, width: width, height: bodyHeight)
            case .jobs: lines += JobsRows.lines(state.jobs, width: width, height: bodyHeight)
            case .search: lines += SearchRows.lines(state.search, width: width, height: bodyHeight)
            case .wanted: lines += WantedRows.lines(state.wanted, width: width, height: bodyHeight)
            }
        }
        lines = Array(lines.prefix(height - 1))
        while lines.count < height - 1 { lines.append(StyledLine().fitted(to: width)) }
        if let confirmation = state.confirmation {
            lines[max(1, (height - 1) / 2)] = dialog(confirmation, width: width)
        }
        lines.append(bottomLine(state, width: width))
        return lines
    }

    static func tabBar(_ state: AppState, width: Int) -> StyledLine {
        var spans: [Span] = []
        for tab in AppState.Tab.allCases {
            let active = tab == state.tab && !state.showHelp && state.output == nil
            spans.append(Span(" \(tab.rawValue + 1) \(tab.title) ", active ? .tabActive : .tabInactive))
        }
        let count = state.torrents.rows.count
        var right = "\(count) torrent\(count == 1 ? "" : "s")"
        if state.torrents.order.count != count { right = "\(state.torrents.order.count) of " + right }
        if !state.torrents.marked.isEmpty { right += ", \(state.torrents.marked.count) marked" }
        if state.torrents.visualAnchor != nil { right += " (visual)" }
        let left = StyledLine(spans)
        let gap = max(1, width - left.width - TerminalText.width(right) - 1)
        return StyledLine(spans + [Span(String(repeating: " ", count: gap), .tabInactive), Span(right + " ", .tabInactive)]).fitted(to: width, fill: .tabInactive)
    }

    static func bottomLine(_ state: AppState, width: Int) -> StyledLine {
        if let p = state.prompt {
            return StyledLine([Span(p.label, .prompt), Span(TerminalText.inert(p.text) + "█", .prompt)]).fitted(to: width, fill: .prompt)
        }
        if !state.connection.connected {
            return StyledLine(" ✖ " + TerminalText.inert(state.connection.message), .statusError).fitted(to: width, fill: .statusError)
        }
        if let m = state.message {
            return StyledLine(" " + TerminalText.inert(m.text), m.isError ? .statusError : .statusOK).fitted(to: width, fill: m.isError ? .statusError : .statusOK)
        }
        guard let s = state.session else { return StyledLine(" connected", .statusBar).fitted(to: width, fill: .statusBar) }
        var parts = ["↓ \(Units.formatRate(s.downRate))" + (s.downloadLimit > 0 ? " [\(Units.formatRate(s.downloadLimit))]" : ""),
                     "↑ \(Units.formatRate(s.upRate))" + (s.uploadLimit > 0 ? " [\(Units.formatRate(s.uploadLimit))]" : "")]
        if s.altSpeedActive { parts.append("alt speed") }
        if let free = s.freeSpace { parts.append("free \(Units.formatBytes(free))") }
        if let iface = s.interface { parts.append(s.interfaceUp ? "via \(iface)" : "\(iface) DOWN: stopped") }
        parts.append("engine ok")
        let role: Role = (s.interface != nil && !s.interfaceUp) ? .statusError : .statusBar
        let help = "? help "
        let text = " " + parts.joined(separator: "  │  ")
        let gap = max(1, width - TerminalText.width(text) - help.count)
        return StyledLine(text + String(repeating: " ", count: gap) + help, role).fitted(to: width, fill: role)
    }

    static func dialog(_ c: AppState.Confirmation, width: Int) -> StyledLine {
        let text: String
        switch c {
        case .remove(let ids):
            text = "Remove \(ids.count) torrent\(ids.count == 1 ? "" : "s")?  y: keep the data   D: delete the data too   any other key: cancel"
        case .removeWanted(let item):
            text = "Stop wanting #\(item.id ?? 0) \(TerminalText.inert(item.label))? Its downloads and library files stay.  y: remove   any other key: cancel"
        case .stopEngine:
            text = "Stop the engine? Every download stops until it is started again.  y: stop   any other key: cancel"
        }
        return StyledLine("  " + text, .dialog).fitted(to: width, fill: .dialog)
    }

    static func tooSmall(width: Int, height: Int) -> [StyledLine] {
        var lines = Array(repeating: StyledLine().fitted(to: width), count: height)
        let message = "terminal too small: \(width)×\(height), need \(AppState.minimumColumns)×\(AppState.minimumRows)"
        lines[height / 2] = StyledLine(TerminalText.truncate(message, to: width), .statusError).fitted(to: width)
        return lines
    }
}

/// A command's whole answer: the command line, then what it printed, scrolled with j/k.
enum OutputRows {
    static func lines(_ output: CommandOutput, width: Int, height: Int) -> [StyledLine] {
        let command = TerminalText.inert(":" + output.command.joined(separator: " "))
        var out = [StyledLine("  \(command)   (\(output.lines.count) lines; j/k scroll, any other key closes)", .title).fitted(to: width)]
        let body = max(0, height - 1)
        let start = min(output.scroll, max(0, output.lines.count - body))
        for line in output.lines.dropFirst(start).prefix(body) {
            let role: Role = output.isError && line.hasPrefix("seedtui: ") ? .error : .normal
            out.append(StyledLine("  " + TerminalText.inert(line), role).fitted(to: width))
        }
        return DetailRows.pad(out, to: height, width: width)
    }
}

enum HelpRows {
    /// Bindings in one column, or two side by side when the terminal is wide enough.
    static func lines(_ keymap: Keymap, scroll: Int, width: Int, height: Int) -> [StyledLine] {
        let entries = keymap.bindings.map { b in
            [Span("  " + TerminalText.pad(b.keys.joined(separator: " "), to: 16), .accent), Span(TerminalText.pad(b.action.rawValue, to: 15), .dim), Span(b.action.summary)]
        }
        var body: [StyledLine] = []
        if twoColumns(width) {
            let half = (entries.count + 1) / 2
            for i in 0..<half {
                let left = StyledLine(entries[i]).fitted(to: columnWidth)
                let right = i + half < entries.count ? StyledLine(entries[i + half]) : StyledLine()
                body.append(StyledLine(left.spans + right.spans).fitted(to: width))
            }
        } else {
            body = entries.map { StyledLine($0).fitted(to: width) }
        }
        var content = [StyledLine("  Keys (change with `config set keymap 'ACTION=KEY KEY;…'`; j/k scroll, any other key closes)", .title).fitted(to: width), StyledLine().fitted(to: width)]
        content += body
        content.append(StyledLine().fitted(to: width))
        content.append(StyledLine("  The : prompt takes every `seedtui --headless` command, e.g. :pause --filter state=seeding", .dim).fitted(to: width))
        let start = min(scroll, max(0, content.count - height))
        return DetailRows.pad(Array(content.dropFirst(start)), to: height, width: width)
    }

    /// How many lines `lines` makes, so that scrolling stops at its end.
    static func lineCount(_ keymap: Keymap, width: Int) -> Int {
        let n = keymap.bindings.count
        return 4 + (twoColumns(width) ? (n + 1) / 2 : n)
    }

    private static let columnWidth = 84

    private static func twoColumns(_ width: Int) -> Bool { width >= columnWidth * 2 }
}

enum EventsRows {
    static func lines(_ events: [EventRecord], scroll: Int?, width: Int, height: Int) -> [StyledLine] {
        guard !events.isEmpty else { return DetailRows.pad([StyledLine("  no events yet", .dim).fitted(to: width)], to: height, width: width) }
        let start = scroll ?? max(0, events.count - height)
        let out = events.dropFirst(start).prefix(height).map { e -> StyledLine in
            let role: Role = e.level == "error" ? .error : (e.level == "warning" ? .stalled : .normal)
            return StyledLine([Span("  " + Console.clock(Double(e.at), withSeconds: true) + "  ", .dim),
                               Span(TerminalText.pad(e.kind, to: 9), .accent), Span(TerminalText.inert(e.message), role)]).fitted(to: width)
        }
        return DetailRows.pad(Array(out), to: height, width: width)
    }
}

enum RatesRows {
    static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// The last `width` samples as a one-line sparkline, scaled to the peak shown.
    static func sparkline(_ samples: [Int64], width: Int) -> String {
        let shown = Array(samples.suffix(width))
        let peak = max(1, shown.max() ?? 1)
        let line = shown.map { v -> Character in v <= 0 ? " " : blocks[min(7, Int(Double(v) / Double(peak) * 7.999))] }
        return String(repeating: " ", count: max(0, width - line.count)) + String(line)
    }

    static func lines(_ state: AppState, width: Int, height: Int) -> [StyledLine] {
        let r = state.rates
        let w = max(10, width - 4)
        func block(_ title: String, _ samples: [Int64], _ role: Role) -> [StyledLine] {
            let now = samples.last ?? 0, peak = samples.suffix(w).max() ?? 0
            let avg = samples.isEmpty ? 0 : samples.suffix(60).reduce(0, +) / Int64(min(60, samples.count))
            let rows = max(1, (height - 6) / 2)
            var out = [StyledLine("  \(title)  now \(Units.formatRate(now))   1-min avg \(Units.formatRate(avg))   peak \(Units.formatRate(peak))", .title).fitted(to: width)]
            out += sparkRows(samples, width: w, rows: rows).map { StyledLine([Span("  "), Span($0, role)]).fitted(to: width) }
            return out
        }
        var out = block("Download", r.down, .sparkDown) + [StyledLine().fitted(to: width)] + block("Upload", r.up, .sparkUp)
        if let s = state.session {
            out.append(StyledLine().fitted(to: width))
            out.append(StyledLine("  limits ↓ \(s.downloadLimit == 0 ? "none" : Units.formatRate(s.downloadLimit))  ↑ \(s.uploadLimit == 0 ? "none" : Units.formatRate(s.uploadLimit))"
                                  + (s.altSpeedActive ? "  (alternative speed)" : "") + "   one column per second", .dim).fitted(to: width))
        }
        return DetailRows.pad(out, to: height, width: width)
    }

    /// A sparkline several rows tall: each row shows its slice of the height.
    static func sparkRows(_ samples: [Int64], width: Int, rows: Int) -> [String] {
        let shown = Array(samples.suffix(width))
        let peak = Double(max(1, shown.max() ?? 1))
        return (0..<rows).map { row -> String in
            let floor = Double(rows - 1 - row) / Double(rows)
            let chars = shown.map { v -> Character in
                let level = Double(v) / peak - floor
                if level <= 0 { return " " }
                return blocks[min(7, Int(level * Double(rows) * 7.999))]
            }
            return String(repeating: " ", count: max(0, width - chars.count)) + String(chars)
        }
    }
}
