import Foundation

/// A connection to the home's engine, starting the engine first if none runs.
///
/// Blocking and sequential on purpose: a headless command makes a handful of calls and
/// exits, and the TUI runs its client on a thread of its own.
public final class EngineClient: @unchecked Sendable {
    public let home: EngineHome
    private var fd: Int32 = -1
    private var nextId: Int64 = 1
    private var pending: [UInt8] = []
    private let lock = NSLock()

    /// Connects, starting an engine in the background when `autostart` and none answers.
    public init(home: EngineHome, autostart: Bool = true, startTimeout: TimeInterval = 20) throws {
        self.home = home
        if let fd = try? Self.connect(home.socketPath) {
            self.fd = fd
            return
        }
        guard autostart else {
            throw EngineError.unreachable("no engine is running on \(home.path); start one with `seedtui --headless engine start`")
        }
        try home.prepare()
        let pid = try EngineLauncher.spawn(home: home)
        let deadline = Date().addingTimeInterval(startTimeout)
        while Date() < deadline {
            if let fd = try? Self.connect(home.socketPath) {
                self.fd = fd
                return
            }
            if !EngineLauncher.isAlive(pid) {
                // It may have lost a race to another engine that now answers.
                if let fd = try? Self.connect(home.socketPath) { self.fd = fd; return }
                throw EngineError.unreachable("the engine exited at start: \(EngineLauncher.lastLogLine(home) ?? "see \(home.logPath)")")
            }
            usleep(20_000)
        }
        throw EngineError.unreachable("the engine did not answer within \(Int(startTimeout)) s; see \(home.logPath)")
    }

    deinit { if fd >= 0 { close(fd) } }

    static func connect(_ path: String) throws -> Int32 {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw EngineError.unreachable("socket: \(String(cString: strerror(errno)))") }
        var addr = sockaddr_un()
        addr.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: addr.sun_path) else {
            close(fd)
            throw EngineError.unreachable("socket path \(path) is too long for a Unix socket; use a shorter --home")
        }
        withUnsafeMutableBytes(of: &addr.sun_path) { raw in
            for (i, b) in bytes.enumerated() { raw[i] = b }
            raw[bytes.count] = 0
        }
        let rc = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Foundation.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        if rc != 0 {
            let message = String(cString: strerror(errno))
            close(fd)
            throw EngineError.unreachable("cannot reach the engine at \(path): \(message)")
        }
        return fd
    }

    /// Sends one call and waits for its answer.
    public func call<M: EngineMethod>(_ method: M) throws -> M.Result {
        let bytes = try callRaw(method)
        if M.Result.self == RawJSON.self { return RawJSON(bytes: bytes) as! M.Result }
        do {
            return try JSONDecoder().decode(M.Result.self, from: Data(bytes))
        } catch {
            throw EngineError.failed("the engine's answer to \(M.name) was not understood: \(error)")
        }
    }

    /// Sends one call and returns the raw JSON of its result.
    public func callRaw<M: EngineMethod>(_ method: M) throws -> [UInt8] {
        lock.lock()
        defer { lock.unlock() }
        let id = nextId
        nextId += 1
        var line = try JSONEncoder().encode(WireProtocol.Request(id: id, method: M.name, params: method))
        line.append(UInt8(ascii: "\n"))
        try writeAll(Array(line))
        let answer = try readLine()
        let prefix = WireProtocol.successPrefix(id: id)
        if answer.count > prefix.count, answer.starts(with: prefix), answer.last == UInt8(ascii: "}") {
            return Array(answer[prefix.count..<(answer.count - 1)])
        }
        guard let failure = try? JSONDecoder().decode(WireProtocol.FailureLine.self, from: Data(answer)), let body = failure.error else {
            throw EngineError.failed("the engine sent an answer that is not part of the protocol")
        }
        throw EngineError(code: body.code, message: body.message)
    }

    private func writeAll(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n < 0 {
                if errno == EINTR { continue }
                throw EngineError.unreachable("lost the engine while sending: \(String(cString: strerror(errno)))")
            }
            offset += n
        }
    }

    private func readLine() throws -> [UInt8] {
        var chunk = [UInt8](repeating: 0, count: 256 * 1024)
        // Only bytes not yet searched are scanned for the newline: answers run to megabytes.
        var scanned = 0
        while true {
            if let newline = pending[scanned...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = Array(pending[..<newline])
                pending.removeSubrange(...newline)
                return line
            }
            scanned = pending.count
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { throw EngineError.unreachable("the engine closed the connection") }
            pending.append(contentsOf: chunk[0..<n])
        }
    }
}
