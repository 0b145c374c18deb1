import Foundation
import Synchronization

/// Every ffmpeg the engine has running, with the temporary files it writes.
///
/// When the engine process exits (a clean `engine stop` returns from main), the children
/// must not go on writing half files: an `atexit` handler stops them (SIGTERM, then SIGKILL)
/// and removes their temporary files. An engine killed outright cannot do this; its next
/// start finds the pids in the queue and does it then.
enum ChildProcesses {
    private static let children = Mutex<[pid_t: [String]]>([:])
    private static let installed = Mutex(false)

    static func add(_ pid: pid_t, temps: [String]) {
        installAtExit()
        children.withLock { $0[pid] = temps }
    }

    static func remove(_ pid: pid_t) {
        _ = children.withLock { $0.removeValue(forKey: pid) }
    }

    static func installAtExit() {
        let first = installed.withLock { done -> Bool in
            defer { done = true }
            return !done
        }
        if first { atexit { ChildProcesses.stopAll() } }
    }

    /// SIGTERM to every child, up to 3 s for them to go, SIGKILL to the rest; temporary files removed.
    static func stopAll() {
        let all = children.withLock { list -> [pid_t: [String]] in
            defer { list = [:] }
            return list
        }
        guard !all.isEmpty else { return }
        stop(Array(all.keys), grace: 3)
        for temps in all.values { for t in temps { unlink(t) } }
    }

    /// SIGTERM to every pid at once, up to `grace` seconds for them all to go, then SIGKILL
    /// to the rest: one wait, however many processes.
    static func stop(_ pids: [pid_t], grace: TimeInterval) {
        guard !pids.isEmpty else { return }
        for pid in pids { kill(pid, SIGTERM) }
        let deadline = Date().addingTimeInterval(grace)
        var left = Set(pids)
        while !left.isEmpty && Date() < deadline {
            for pid in left where kill(pid, 0) != 0 || waitpid(pid, nil, WNOHANG) == pid { left.remove(pid) }
            if !left.isEmpty { usleep(50_000) }
        }
        for pid in left { kill(pid, SIGKILL) }
    }

    /// True when `pid` is a live ffmpeg writing one of `temps` (a child of a previous engine).
    static func isOurs(_ pid: pid_t, temps: [String]) -> Bool {
        guard pid > 0, kill(pid, 0) == 0,
              let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return false }
        let args = data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        return args.contains { temps.contains($0) }
    }
}
