import Engine
import Foundation

/// The human forms of transcoding answers: job tables, progress bars, argv lines.
enum TranscodeText {
    static func name(_ path: String) -> String { (path as NSString).lastPathComponent }

    /// argv as a shell would need it typed, for people (never run through a shell).
    static func shellLine(_ argv: [String]) -> String {
        argv.map { arg in
            let safe = !arg.isEmpty && arg.allSatisfy { $0.isLetter || $0.isNumber || "-_./:=,+@%".contains($0) }
            return safe ? arg : "'" + arg.replacingOccurrences(of: "'", with: "'\\''") + "'"
        }.joined(separator: " ")
    }

    static func percent(_ p: Double?) -> String { p.map { String(format: "%.1f%%", $0) } ?? "-" }
    static func speed(_ s: Double?) -> String { s.map { String(format: "%.2fx", $0) } ?? "-" }
    static func eta(_ e: Double?) -> String { e.map { Units.formatDuration(Int64($0.rounded())) } ?? "-" }

    static func stateColor(_ state: String) -> String {
        switch state {
        case "running": return "32"
        case "done": return "36"
        case "failed": return "31"
        case "queued", "cancelled": return "90"
        default: return "0"
        }
    }

    static func printTable(_ jobs: [Methods.JobView]) {
        var table = Table([.init(title: "ID", alignRight: true), .init(title: "STATE"), .init(title: "DONE", alignRight: true),
                           .init(title: "SPEED", alignRight: true), .init(title: "ETA", alignRight: true), .init(title: "ON"),
                           .init(title: "PRESET"), .init(title: "FILE", flexible: true)])
        for j in jobs {
            let on = j.encoder.map { "\(j.device ?? "?") \($0)" } ?? (j.device ?? "")
            let file = name(j.input) + (j.state == "failed" ? "  (\(j.reason ?? "failed"))" : "")
            table.add([j.id.map(String.init) ?? "-", j.state, j.state == "done" ? "100%" : percent(j.percent),
                       j.state == "running" ? speed(j.speed) : "", j.state == "running" ? eta(j.eta) : "", on,
                       j.preset ?? (j.rule.map { "rule #\($0)" } ?? "-"), file],
                      color: (1, stateColor(j.state)))
        }
        table.print()
    }

    static func detailLines(_ j: Methods.JobView) -> [String] {
        var lines: [String] = []
        func add(_ key: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            lines.append(TerminalText.pad(key, to: 10) + TerminalText.inert(value))
        }
        add("job", j.id.map { "#\($0)" })
        add("state", j.state + (j.attempts > 1 ? " (attempt \(j.attempts))" : ""))
        add("input", j.input)
        add("target", j.target)
        add("preset", j.preset)
        add("rule", j.rule.map { "#\($0)" })
        add("does", j.recipe)
        if j.state == "running" {
            add("progress", "\(percent(j.percent)), \(j.fps.map { String(format: "%.0f fps", $0) } ?? "- fps"), \(speed(j.speed)), ETA \(eta(j.eta))")
        }
        add("encoder", j.encoder.map { "\($0) (\(j.device ?? "?"))" })
        add("reason", j.reason)
        for n in j.notes { add("note", n) }
        for o in j.outputs { add("output", o) }
        if let argv = j.argv { add("argv", shellLine(argv)) }
        if let tail = j.stderrTail {
            lines.append("stderr:")
            tail.split(separator: "\n").suffix(12).forEach { lines.append("  " + TerminalText.inert(String($0))) }
        }
        return lines
    }

    /// One status line for `--wait` on a terminal: the running job's bar, and the count.
    static func progressLine(_ jobs: [Methods.JobView], width: Int) -> String {
        let finished = jobs.filter(\.isFinal).count
        let count = jobs.count > 1 ? " [\(finished)/\(jobs.count)]" : ""
        guard let j = jobs.first(where: { $0.state == "running" }) else {
            return "waiting for a free slot…" + count
        }
        let p = j.percent ?? 0
        let barWidth = max(10, min(30, width - 60))
        let filled = Int((p / 100 * Double(barWidth)).rounded())
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: barWidth - filled)
        var text = "#\(j.id ?? 0) \(bar) \(String(format: "%5.1f%%", p))"
        if let fps = j.fps { text += String(format: " %3.0f fps", fps) }
        if let s = j.speed { text += " " + speed(s) }
        if let e = j.eta { text += " ETA " + eta(e) }
        text += count + " " + TerminalText.inert(name(j.input))
        return TerminalText.truncate(text, to: max(20, width - 1))
    }
}
