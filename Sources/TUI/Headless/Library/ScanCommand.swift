import ArgumentParser
import Engine
import Foundation

/// `scan [PATH] [--full] [--wait]`: the engine scans; the command can wait for it.
struct Scan: HeadlessCommand {
    static let configuration = CommandConfiguration(
        abstract: "Scan the library (all roots, or one folder) for new, changed, moved and removed files.",
        discussion: "Only new or changed files are read unless --full. With --wait, shows progress on a terminal and exits 1 if files could not be read.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "A library root or a folder inside one (default: every root).") var path: String?
    @Flag(name: .long, help: "Read every file again.") var full = false
    @Flag(name: .long, help: "Wait until the scan is done.") var wait = false
    @Option(name: .long, help: "With --wait, give up after this many seconds (exit 4).") var timeout: Double?

    func execute() throws {
        var progress = try call(Methods.LibraryScan(path: path.map(absolutePath), full: full))
        if wait {
            let deadline = timeout.map { Date().addingTimeInterval($0) }
            let showProgress = isatty(STDERR_FILENO) != 0 && Console.capture == nil
            while progress.phase != .done && progress.phase != .failed {
                if let deadline, Date() > deadline {
                    if showProgress { FileHandle.standardError.write(Data("\n".utf8)) }
                    throw EngineError.timeout("scan #\(progress.id) still running after \(Int(timeout!)) s (\(progress.read) of \(progress.changed) read)")
                }
                // The engine answers as soon as the scan ends, else with its progress after 0.25 s.
                progress = try call(Methods.LibraryScanStatus(id: progress.id, waitMs: 250)) ?? progress
                if showProgress {
                    FileHandle.standardError.write(Data("\r\u{1B}[K\(progress.phase.rawValue): \(progress.seen) seen, \(progress.read)/\(progress.changed) read".utf8))
                }
            }
            if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        }
        if global.json { try Console.writeJSON(progress) } else if wait {
            Console.out("scan #\(progress.id) \(progress.phase.rawValue): \(progress.seen) files, \(progress.added) added, \(progress.updated) updated, \(progress.moved) moved, \(progress.removed) removed, \(progress.failed) unreadable")
            for p in progress.problems { Console.error(p) }
        } else {
            Console.out("scan #\(progress.id) queued; `scan --wait` or `events` show when it is done")
        }
        if wait && (progress.phase == .failed || progress.failed > 0) {
            throw EngineError.failed("\(progress.failed) file(s) could not be read; `library list --json` shows each error")
        }
    }
}
