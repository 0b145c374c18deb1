import Engine
import Foundation

/// The Jobs tab as styled lines: state, a progress bar, fps, speed, ETA, encoder and file.
enum JobsRows {
    static func lines(_ state: JobsState, width: Int, height: Int) -> [StyledLine] {
        var out = [StyledLine([Span(TerminalText.pad("  ID", to: 7), .header), Span(TerminalText.pad("STATE", to: 10), .header),
                               Span(TerminalText.pad("PROGRESS", to: 22), .header), Span(TerminalText.pad("FPS", to: 7, alignRight: true), .header),
                               Span(TerminalText.pad("SPEED", to: 7, alignRight: true), .header), Span(TerminalText.pad("ETA", to: 8, alignRight: true), .header),
                               Span("  " + TerminalText.pad("ENCODER", to: 14), .header), Span("FILE", .header)]).fitted(to: width, fill: .header)]
        if state.jobs.isEmpty {
            out.append(StyledLine("  " + (state.loaded ? "No transcode jobs. Queue one with  :transcode FILE --preset hevc-archive" : "Loading the jobs…"), .dim).fitted(to: width))
        }
        let start = min(state.scroll, max(0, state.jobs.count - 1))
        for i in start..<min(state.jobs.count, start + height - 1) {
            out.append(row(state.jobs[i], selected: i == state.cursor, width: width))
        }
        if let job = state.current, let reason = job.reason, out.count < height {
            out.append(StyledLine("  #\(job.id ?? 0): " + TerminalText.inert(reason), .error).fitted(to: width))
        }
        return DetailRows.pad(out, to: height, width: width)
    }

    static func row(_ job: Methods.JobView, selected: Bool, width: Int) -> StyledLine {
        let role: Role
        switch job.state {
        case "running": role = .downloading
        case "done": role = .seeding
        case "failed": role = .error
        case "cancelled": role = .paused
        default: role = .queued
        }
        let percent = job.percent ?? (job.state == "done" ? 100 : 0)
        let filled = Int((percent / 100 * 14).rounded())
        let bar = String(repeating: "█", count: max(0, min(14, filled))) + String(repeating: "░", count: max(0, 14 - filled))
        let eta = job.eta.map { Units.formatDuration(Int64($0.rounded())) } ?? ""
        let encoder = (job.encoder ?? "") + (job.device.map { " (\($0))" } ?? "")
        let file = (job.input as NSString).lastPathComponent
        var line = StyledLine([
            Span(TerminalText.pad("  \(job.id ?? 0)", to: 7)), Span(TerminalText.pad(job.state, to: 10), role),
            Span(bar, .progressDone), Span(TerminalText.pad(String(format: " %5.1f%%", percent), to: 8)),
            Span(TerminalText.pad(job.fps.map { String(format: "%.0f", $0) } ?? "", to: 7, alignRight: true)),
            Span(TerminalText.pad(job.speed.map { String(format: "%.2fx", $0) } ?? "", to: 7, alignRight: true)),
            Span(TerminalText.pad(eta, to: 8, alignRight: true)),
            Span("  " + TerminalText.pad(TerminalText.inert(encoder), to: 14), .dim), Span(TerminalText.inert(file)),
        ]).fitted(to: width)
        if selected { line = line.restyled(.selected) }
        return line
    }
}
