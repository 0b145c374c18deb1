import Foundation

/// Starts an engine for a home in the background, detached from the terminal, so
/// downloads go on after the TUI quits or the SSH session drops.
public enum EngineLauncher {
    /// Spawns `seedtui --headless engine run --home HOME` in a new session (setsid),
    /// stdin from /dev/null, stdout and stderr appended to the home's engine.log.
    public static func spawn(home: EngineHome) throws -> pid_t {
        let executable = try currentExecutable()
        rotateLog(home)
        let argv = [executable, "--headless", "engine", "run", "--home", home.path]
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, home.logPath, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        closeInheritedDescriptors(&actions)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // POSIX_SPAWN_SETSID (glibc): a session of its own, so a hang-up of ours never reaches it.
        posix_spawnattr_setflags(&attributes, Int16(0x80))
        var pid: pid_t = 0
        let cArgs = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        let rc = posix_spawn(&pid, executable, &actions, &attributes, cArgs, environ)
        guard rc == 0 else {
            throw EngineError.unreachable("cannot start the engine (\(executable)): \(String(cString: strerror(rc)))")
        }
        // Reap it if it exits while we wait, so isAlive sees the truth; a detached engine outlives us.
        let child = pid
        Thread.detachNewThread { var status: Int32 = 0; waitpid(child, &status, 0) }
        return child
    }

    /// The engine must not keep our other descriptors: a caller's pipe held open by a
    /// long-lived engine would make `seedtui ... | cat` wait forever.
    private static func closeInheritedDescriptors(_ actions: inout posix_spawn_file_actions_t) {
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        if let symbol = dlsym(dlopen(nil, RTLD_NOW), "posix_spawn_file_actions_addclosefrom_np") {
            _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, 3)
            return
        }
        // glibc before 2.34: close what is open now, one by one.
        let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd"))?.compactMap { Int32($0) } ?? []
        for fd in open where fd > 2 && fcntl(fd, F_GETFD) != -1 {
            posix_spawn_file_actions_addclose(&actions, fd)
        }
    }

    /// Keeps engine.log bounded: past 10 MiB it becomes engine.log.1 at the next start.
    static func rotateLog(_ home: EngineHome) {
        guard let size = (try? FileManager.default.attributesOfItem(atPath: home.logPath)[.size] as? NSNumber)?.intValue,
              size > 10 * 1024 * 1024 else { return }
        _ = rename(home.logPath, home.logPath + ".1")
    }

    static func isAlive(_ pid: pid_t) -> Bool {
        if kill(pid, 0) != 0 { return false }
        // A zombie awaiting our reaper thread still answers kill(0): look at its state.
        if let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
           let close = stat.lastIndex(of: ")") {
            let state = stat[stat.index(close, offsetBy: 2)]
            return state != "Z"
        }
        return true
    }

    static func currentExecutable() throws -> String {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        if let override = ProcessInfo.processInfo.environment["SEEDTUI_EXECUTABLE"] { return override }
        throw EngineError.unreachable("cannot find the seedtui executable to start an engine")
    }

    /// The last meaningful line of engine.log, to explain a failed start.
    static func lastLogLine(_ home: EngineHome) -> String? {
        guard let text = try? String(contentsOfFile: home.logPath, encoding: .utf8) else { return nil }
        return text.split(separator: "\n").last.map { String($0) }
    }
}
