import Foundation
import Synchronization

/// One ffmpeg run: spawned with `posix_spawn` from an argv array (never a shell), stdout
/// read line by line for `-progress`, the tail of stderr kept for the failure reason.
///
/// The child starts with an empty signal mask and default handlers (the engine ignores
/// SIGPIPE and SIGHUP, and dispositions set to ignore survive exec), so SIGTERM stops it.
/// `terminate` sends SIGTERM and, if it is still there after the grace period, SIGKILL; the
/// child is never reaped before that decision, so the pid cannot have been reused.
final class FFmpegProcess: Sendable {
    let pid: pid_t
    private let stdoutFD: Int32
    private let stderrTail = Mutex<[UInt8]>([])
    private let exited = Mutex(false)
    private let stderrDone = DispatchSemaphore(value: 0)
    static let tailBytes = 4096

    private init(pid: pid_t, stdoutFD: Int32, stderrFD: Int32) {
        self.pid = pid
        self.stdoutFD = stdoutFD
        let thread = Thread { [self] in
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let n = read(stderrFD, &buffer, buffer.count)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                stderrTail.withLock { tail in
                    tail.append(contentsOf: buffer[0..<n])
                    if tail.count > Self.tailBytes * 2 { tail.removeFirst(tail.count - Self.tailBytes) }
                }
            }
            close(stderrFD)
            stderrDone.signal()
        }
        thread.name = "ffmpeg-stderr"
        thread.start()
    }

    /// Starts `argv[0]` (an absolute path) with `argv`.
    static func spawn(_ argv: [String]) throws -> FFmpegProcess {
        guard let program = argv.first, program.hasPrefix("/") else {
            throw EngineError.failed("ffmpeg must be given by absolute path, not '\(argv.first ?? "")'")
        }
        var out: [Int32] = [0, 0], err: [Int32] = [0, 0]
        guard seedtui_pipe2(&out, O_CLOEXEC) == 0 else { throw EngineError.failed("cannot create a pipe: \(String(cString: strerror(errno)))") }
        guard seedtui_pipe2(&err, O_CLOEXEC) == 0 else {
            close(out[0]); close(out[1])
            throw EngineError.failed("cannot create a pipe: \(String(cString: strerror(errno)))")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, out[1], 1)
        posix_spawn_file_actions_adddup2(&actions, err[1], 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let cArgs = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, program, &actions, &attributes, cArgs, environ)
        close(out[1])
        close(err[1])
        guard rc == 0 else {
            close(out[0]); close(err[0])
            throw EngineError.failed("cannot start \(program): \(String(cString: strerror(rc)))")
        }
        return FFmpegProcess(pid: pid, stdoutFD: out[0], stderrFD: err[0])
    }

    /// Calls `line` for every stdout line until ffmpeg closes it. Blocks.
    func readLines(_ line: (Substring) -> Void) {
        var pending = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = read(stdoutFD, &buffer, buffer.count)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            pending.append(contentsOf: buffer[0..<n])
            while let nl = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let text = String(decoding: pending[..<nl], as: UTF8.self)
                line(Substring(text))
                pending.removeSubrange(...nl)
            }
        }
        close(stdoutFD)
    }

    /// How the process ended: its exit code, or the signal that killed it.
    struct Exit: Sendable, Equatable {
        var code: Int32?
        var signal: Int32?
        var success: Bool { code == 0 }
        var description: String { signal.map { "killed by signal \($0)" } ?? "exit status \(code ?? -1)" }
    }

    /// Waits for the exit (without reaping first, so `terminate` never signals a reused pid).
    func wait() -> Exit {
        var info = siginfo_t()
        while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) != 0 && errno == EINTR {}
        exited.withLock { $0 = true }
        var status: Int32 = 0
        var reaped: pid_t
        repeat { reaped = waitpid(pid, &status, 0) } while reaped < 0 && errno == EINTR
        ChildProcesses.remove(pid)
        stderrDone.wait()
        guard reaped == pid else { return Exit(code: nil, signal: nil) }
        let low = status & 0x7f
        return low == 0 ? Exit(code: (status >> 8) & 0xff, signal: nil) : Exit(code: nil, signal: low)
    }

    /// SIGTERM now; SIGKILL after `grace` seconds if it has not exited.
    func terminate(grace: Double = 5) {
        exited.withLock { gone in if !gone { kill(pid, SIGTERM) } }
        DispatchQueue.global().asyncAfter(deadline: .now() + grace) { [self] in
            exited.withLock { gone in if !gone { kill(pid, SIGKILL) } }
        }
    }

    /// The last lines ffmpeg wrote to stderr.
    var tail: String {
        let bytes = stderrTail.withLock { $0.suffix(Self.tailBytes) }
        return String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The failure reason: the last meaningful stderr lines, joined into one line.
    static func reason(fromTail tail: String, exit: Exit) -> String {
        let lines = tail.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("Conversion failed") }
        let picked = lines.suffix(2).joined(separator: "; ")
        let cut = picked.count > 300 ? String(picked.prefix(300)) + "…" : picked
        return cut.isEmpty ? "ffmpeg failed (\(exit.description))" : "ffmpeg failed (\(exit.description)): \(cut)"
    }
}

/// glibc's pipe2, which Swift does not import without _GNU_SOURCE: pipes created close-on-exec
/// at once, so an ffmpeg started at the same moment by another job cannot inherit them (and
/// hold this job's stdout open past its end).
@_silgen_name("pipe2")
private func seedtui_pipe2(_ fds: UnsafeMutablePointer<Int32>, _ flags: Int32) -> Int32
