import ArgumentParser
import Engine
import Foundation

/// `transcode FILE… --preset P`, `transcode --library QUERY --preset P`, `transcode --auto`.
struct TranscodeCommand: HeadlessCommand {
    static let configuration = CommandConfiguration(
        commandName: "transcode",
        abstract: "Queue transcoding jobs for files, for library items, or by the rules (--auto).",
        discussion: """
            Outputs go beside the input (NAME.EXT, or NAME.PRESET.EXT when that is the input itself), through a \
            temporary .NAME.seedtui-tmp.EXT that is verified by probing before it is renamed into place. Originals \
            are kept unless --replace (never for a file a torrent seeds from). With --dry-run nothing is queued and \
            each job's exact ffmpeg argv is printed. --auto applies the rules (`rules list`) to their libraries' \
            catalogues; run `scan --wait` first; files that already meet their rule are skipped, so cron can run it \
            every night. With --wait, exits 1 if a job failed or was cancelled, 4 on --timeout.
            """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Media files.") var files: [String] = []
    @Option(name: .long, help: "The preset (`presets list`).") var preset: String?
    @Option(name: .long, help: "Output file (one input only), or a folder to write into.") var output: String?
    @Option(name: .long, help: "Transcode the media items a library search finds.") var library: String?
    @Flag(name: .long, help: "Apply the rules to their libraries.") var auto = false
    @Flag(name: .long, help: "Put the output in place of the original.") var replace = false
    @Option(name: .long, help: "Higher runs first (default 0).") var priority: Int = 0
    @Flag(name: .long, help: "Wait until the jobs end (a progress bar on stderr when it is a terminal).") var wait = false
    @Option(name: .long, help: "With --wait, stop waiting after this many seconds (exit 4; the jobs go on).") var timeout: Double?
    @Flag(name: .customLong("dry-run"), help: "Plan only: print each job's exact ffmpeg argv; queue nothing.") var dryRun = false

    func validate() throws {
        let modes = [!files.isEmpty, library != nil, auto].filter { $0 }.count
        if modes == 0 { throw ValidationError("give media files, --library QUERY or --auto") }
        if modes > 1 { throw ValidationError("give files, --library QUERY or --auto, not several") }
        if !auto && preset == nil { throw ValidationError("choose a preset with --preset NAME (`presets list` shows them)") }
        if let timeout, !(timeout > 0) { throw ValidationError("--timeout must be a positive number of seconds") }
        if dryRun && wait { throw ValidationError("--dry-run queues nothing to wait for") }
    }

    func execute() throws {
        let request = Methods.TranscodeSubmit(
            files: files.map { (absolutePath($0) as NSString).standardizingPath }, library: library, auto: auto, preset: preset,
            output: output.map(absolutePath), replace: replace, dryRun: dryRun, priority: priority)
        let result = try call(request)
        if dryRun {
            if global.json { try Console.writeJSON(result); return }
            for (i, job) in result.jobs.enumerated() {
                if i > 0 { Console.out("") }
                TranscodeText.detailLines(job).forEach { Console.out($0) }
            }
            printSkipped(result)
            if result.jobs.isEmpty { Console.out("nothing to do (\(plural(result.checked, "file")) checked)") }
            return
        }
        var jobs = result.jobs
        if !wait {
            if global.json { try Console.writeJSON(result); return }
            for j in jobs { Console.out("job #\(j.id ?? 0) \(j.state): \(TerminalText.inert(j.input)) → \(TerminalText.inert(TranscodeText.name(j.target)))") }
            printSkipped(result)
            if jobs.isEmpty {
                Console.out("nothing queued (\(plural(result.checked, "file")) checked)" + (auto && result.checked == 0 ? "; the rules' libraries have no catalogued media yet: run `scan --wait` first" : ""))
            } else {
                Console.out("\(plural(jobs.count, "job")) queued; `jobs` shows progress")
            }
            return
        }
        jobs = try waitFor(jobs)
        if global.json {
            try Console.writeJSON(Methods.TranscodeSubmit.Result(jobs: jobs, skipped: result.skipped, checked: result.checked))
        } else {
            for j in jobs {
                switch j.state {
                case "done":
                    Console.out("job #\(j.id ?? 0) done: \(j.outputs.map { TerminalText.inert($0) }.joined(separator: ", "))")
                default:
                    Console.out("job #\(j.id ?? 0) \(j.state): \(TerminalText.inert(j.input))" + (j.reason.map { " (\(TerminalText.inert($0)))" } ?? ""))
                }
                for n in j.notes { Console.out("  note: \(TerminalText.inert(n))") }
            }
            printSkipped(result)
        }
        let bad = jobs.filter { $0.state != "done" }
        if let first = bad.first {
            throw EngineError.failed("\(plural(bad.count, "job")) did not finish: #\(first.id ?? 0) \(first.state)" + (first.reason.map { ": \($0)" } ?? ""))
        }
    }

    func printSkipped(_ result: Methods.TranscodeSubmit.Result) {
        for s in result.skipped { Console.out("skipped \(TerminalText.inert(s.input)): \(TerminalText.inert(s.reason))") }
    }

    /// Long-polls the engine until every job is final; draws one progress line on a terminal.
    func waitFor(_ initial: [Methods.JobView]) throws -> [Methods.JobView] {
        let ids = initial.compactMap(\.id)
        guard !ids.isEmpty else { return initial }
        let deadline = timeout.map { Date().addingTimeInterval($0) }
        let showProgress = isatty(STDERR_FILENO) != 0 && Console.capture == nil
        var jobs = initial
        defer { if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) } }
        while jobs.contains(where: { !$0.isFinal }) {
            if let deadline, Date() >= deadline {
                let left = jobs.filter { !$0.isFinal }
                throw EngineError.timeout("\(plural(left.count, "job")) still \(left.first!.state) after \(Int(timeout!)) s; they go on (`jobs` shows them)")
            }
            var waitMs = showProgress ? 500 : 5000
            if let deadline { waitMs = max(50, min(waitMs, Int(deadline.timeIntervalSinceNow * 1000))) }
            jobs = try call(Methods.TranscodeJobs(ids: ids, waitMs: waitMs))
            if showProgress {
                let width = Console.width(of: STDERR_FILENO)
                FileHandle.standardError.write(Data(("\r\u{1B}[K" + TranscodeText.progressLine(jobs, width: width)).utf8))
            }
        }
        return jobs
    }
}
