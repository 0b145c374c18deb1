import Foundation

/// Runs programs with Foundation's `Process`: an argv array, stdin from /dev/null, a
/// timeout, and output capped so a chatty or hostile tool cannot fill memory.
///
/// Each run waits on its own thread rather than a Dispatch worker: detection starts a
/// few dozen ffmpeg trials at once, and on a two-core machine Dispatch would run only two
/// of them at a time, turning a parallel probe into a queue.
public struct ProcessToolRunner: ToolRunner {
    /// Bytes kept of each of stdout and stderr; the rest is read and dropped.
    public var outputLimit: Int
    /// Directories searched after PATH, for daemons started with a bare environment.
    public var fallbackDirectories: [String]

    public init(outputLimit: Int = 1 << 20,
                fallbackDirectories: [String] = ["/usr/local/bin", "/usr/bin", "/bin", "/usr/sbin", "/sbin"]) {
        self.outputLimit = outputLimit
        self.fallbackDirectories = fallbackDirectories
    }

    public func locate(_ program: String) -> String? { ExecutableSearch.find(program, extra: fallbackDirectories) }

    public func run(_ executable: String, _ arguments: [String], environment: [String: String], timeout: Duration) async -> ToolResult {
        let limit = outputLimit
        return await withCheckedContinuation { continuation in
            let thread = Thread {
                continuation.resume(returning: Self.runBlocking(executable, arguments, environment, timeout, limit))
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
    }

    static func runBlocking(_ executable: String, _ arguments: [String], _ environment: [String: String],
                            _ timeout: Duration, _ limit: Int) -> ToolResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        do {
            try process.run()
        } catch {
            return ToolResult(status: -1, launchError: "\(executable): \(error.localizedDescription)")
        }
        let stdout = BoundedReader(handle: out.fileHandleForReading, limit: limit)
        let stderr = BoundedReader(handle: err.fileHandleForReading, limit: limit)
        stdout.start()
        stderr.start()

        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        var timedOut = false
        if exited.wait(timeout: .now() + seconds) == .timedOut {
            timedOut = true
            // The whole tree: a grandchild holding the pipes would keep Foundation from
            // reporting the exit at all. SIGKILL follows because children inherit this
            // thread's signal mask, in which SIGTERM may be blocked.
            let pid = process.processIdentifier
            for victim in [pid] + Self.descendants(of: pid) { kill(victim, SIGTERM) }
            if exited.wait(timeout: .now() + 0.5) == .timedOut {
                for victim in [pid] + Self.descendants(of: pid) { kill(victim, SIGKILL) }
                _ = exited.wait(timeout: .now() + 2)
            }
        }
        // A grandchild may still hold the pipes open; give the readers a moment, not forever.
        let stdoutText = stdout.finish(waiting: 1.0)
        let stderrText = stderr.finish(waiting: 1.0)
        return ToolResult(status: timedOut ? -1 : process.terminationStatus,
                          stdout: stdoutText, stderr: stderrText, timedOut: timedOut)
    }
}

extension ProcessToolRunner {
    /// Every process below `pid`, from /proc (Linux), collected before anything is killed
    /// so that orphans are not missed.
    static func descendants(of pid: pid_t) -> [pid_t] {
        var children: [pid_t: [pid_t]] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let child = pid_t(name),
                  let stat = try? String(contentsOfFile: "/proc/\(name)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { continue }
            // After "pid (comm)": state, then the parent's pid.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            if fields.count > 1, let parent = pid_t(fields[1]) { children[parent, default: []].append(child) }
        }
        var out: [pid_t] = []
        var queue = children[pid] ?? []
        while let next = queue.popLast() {
            out.append(next)
            queue += children[next] ?? []
        }
        return out
    }
}

/// Drains one pipe on its own thread, keeping the first `limit` bytes.
private final class BoundedReader: @unchecked Sendable {
    private let handle: FileHandle
    private let limit: Int
    private let lock = NSLock()
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(handle: FileHandle, limit: Int) {
        self.handle = handle
        self.limit = limit
    }

    func start() {
        let thread = Thread { [self] in
            let fd = handle.fileDescriptor
            var buffer = [UInt8](repeating: 0, count: 16 * 1024)
            while true {
                let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                lock.lock()
                if data.count < limit { data.append(contentsOf: buffer[0..<min(n, limit - data.count)]) }
                lock.unlock()
            }
            done.signal()
        }
        thread.stackSize = 256 * 1024
        thread.start()
    }

    func finish(waiting seconds: Double) -> String {
        _ = done.wait(timeout: .now() + seconds)
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: data, as: UTF8.self)
    }
}
