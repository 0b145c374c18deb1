import Foundation
import XCTest

/// Runs the real `seedtui` binary against a throwaway home, loopback only.
///
/// Every engine a test starts is stopped in `tearDown` (gracefully, then SIGKILL),
/// and every command has a time limit, so a hung engine fails a test instead of CI.
final class Harness {
    static let binary: String = {
        if let env = ProcessInfo.processInfo.environment["SEEDTUI_BIN"] { return env }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/seedtui").path
    }()

    let root: URL
    private(set) var homes: [String] = []
    private var processes: [Process] = []

    init() throws {
        root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("seedtui-test-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { root.appendingPathComponent(name).path }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var stdoutData: Data
    }

    /// `seedtui --headless --home HOME args...`
    @discardableResult
    func run(home: String, _ args: [String], stdin: String? = nil, timeout: TimeInterval = 60,
             environment: [String: String] = [:]) throws -> Result {
        if !homes.contains(home) { homes.append(home) }
        return try Self.exec(Self.binary, ["--headless", "--home", home] + args, stdin: stdin, timeout: timeout,
                             environment: ["SEEDTUI_NETWORK": "loopback"].merging(environment) { $1 })
    }

    static func exec(_ program: String, _ args: [String], stdin: String? = nil, timeout: TimeInterval = 60,
                     environment: [String: String] = [:], directory: String? = nil) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: program)
        p.arguments = args
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (k, v) in environment { env[k] = v }
        p.environment = env
        if let directory { p.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe(), err = Pipe(), input = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = input
        try p.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try? input.fileHandleForWriting.close()
        // Read both pipes while waiting so a large output cannot block the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data(), errData = Data()
        group.enter()
        DispatchQueue.global().async { outData = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter()
        DispatchQueue.global().async { errData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let deadline = Date().addingTimeInterval(timeout)
        while p.isRunning && Date() < deadline { usleep(10_000) }
        if p.isRunning {
            p.terminate()
            usleep(200_000)
            if p.isRunning { kill(p.processIdentifier, SIGKILL) }
            throw HarnessError.timeout("\(program) \(args.joined(separator: " ")) ran past \(Int(timeout)) s")
        }
        p.waitUntilExit()
        group.wait()
        return Result(status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self), stdoutData: outData)
    }

    /// Runs a program that starts a daemon (tmux's server) with a clean signal mask and
    /// default handlers: Foundation spawns children with signals blocked, and tmux's client
    /// then waits forever for its server's signal.
    static func execDaemonizing(_ program: String, _ args: [String], timeout: TimeInterval = 10) throws -> Int32 {
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
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd: Int32 in [0, 1, 2] { posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0) }
        let argv = ([program] + args).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, program, &actions, &attributes, argv, environ)
        guard rc == 0 else { throw HarnessError.unexpected("cannot start \(program): \(String(cString: strerror(rc)))") }
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while waitpid(pid, &status, WNOHANG) == 0 {
            if Date() > deadline { kill(pid, SIGKILL); throw HarnessError.timeout("\(program) ran past \(Int(timeout)) s") }
            usleep(10_000)
        }
        return (status >> 8) & 0xFF
    }

    /// Starts a long-running helper (tracker, foreign client) stopped at tear-down.
    @discardableResult
    func spawn(_ program: String, _ args: [String], directory: String? = nil, log: String? = nil) throws -> Process {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: program)
        p.arguments = args
        if let directory { p.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let sink = log.map { path -> FileHandle in
            _ = FileManager.default.createFile(atPath: path, contents: nil)
            return FileHandle(forWritingAtPath: path)!
        } ?? FileHandle.nullDevice
        p.standardOutput = sink
        p.standardError = sink
        p.standardInput = FileHandle.nullDevice
        try p.run()
        processes.append(p)
        return p
    }

    func json(_ result: Result) throws -> Any {
        try JSONSerialization.jsonObject(with: result.stdoutData, options: [.fragmentsAllowed])
    }

    func list(home: String) throws -> [[String: Any]] {
        let r = try run(home: home, ["list", "--json"])
        guard r.status == 0, let rows = try json(r) as? [[String: Any]] else {
            throw HarnessError.unexpected("list failed: \(r.stderr)")
        }
        return rows
    }

    /// The pid of the engine holding a home's lock.
    func enginePid(home: String) -> pid_t? {
        guard let text = try? String(contentsOfFile: home + "/engine.lock", encoding: .utf8) else { return nil }
        return pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    func waitUntil(_ what: String, timeout: TimeInterval, _ condition: () throws -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try condition() { return }
            usleep(100_000)
        }
        throw HarnessError.timeout("\(what) did not happen within \(Int(timeout)) s")
    }

    /// Stops the helper processes (trackers stay: they are cheap and tests may still need them).
    func tearDownForeign() {
        for p in processes where p.isRunning && !(p.executableURL?.path.hasSuffix("opentracker") ?? false) {
            p.terminate()
            p.waitUntilExit()
        }
    }

    func tearDown() {
        for home in homes {
            _ = try? run(home: home, ["engine", "stop", "--timeout", "30"], timeout: 40)
            if let pid = enginePid(home: home), pid > 0, kill(pid, 0) == 0 { kill(pid, SIGKILL) }
        }
        for p in processes where p.isRunning {
            p.terminate()
            usleep(100_000)
            if p.isRunning { kill(p.processIdentifier, SIGKILL) }
        }
        try? FileManager.default.removeItem(at: root)
    }

    static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = 0
        _ = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) } }
        return Int(UInt16(bigEndian: addr.sin_port))
    }

    static func which(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let p = "\(dir)/\(name)"
            if access(p, X_OK) == 0 { return p }
        }
        for dir in ["/usr/bin", "/usr/sbin", "/bin"] where access("\(dir)/\(name)", X_OK) == 0 { return "\(dir)/\(name)" }
        return nil
    }

    /// A file of random bytes.
    func payload(_ name: String, bytes: Int) throws -> String {
        let p = path(name)
        try FileManager.default.createDirectory(atPath: (p as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        var data = Data(count: bytes)
        data.withUnsafeMutableBytes { buf in
            var state: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes)
            let words = buf.bindMemory(to: UInt64.self)
            for i in 0..<words.count {
                state ^= state << 13; state ^= state >> 7; state ^= state << 17
                words[i] = state
            }
        }
        try data.write(to: URL(fileURLWithPath: p))
        return p
    }
}

enum HarnessError: Error, CustomStringConvertible {
    case timeout(String)
    case unexpected(String)
    var description: String {
        switch self { case .timeout(let m), .unexpected(let m): return m }
    }
}

/// Debian's opentracker on a free loopback port, with a whitelist of info-hashes.
final class Tracker {
    let port: Int
    let process: Process
    var announce: String { "http://127.0.0.1:\(port)/announce" }

    init(harness: Harness, hashes: [String], port chosen: Int? = nil) throws {
        guard let binary = Harness.which("opentracker") else { throw XCTSkip("opentracker is not installed (make test-deps)") }
        let dir = harness.path("tracker-\(UUID().uuidString.prefix(6))")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try (hashes.joined(separator: "\n") + "\n").write(toFile: dir + "/wl.txt", atomically: true, encoding: .utf8)
        // opentracker drops to `nobody` and chroots into dir: the path down to it must be traversable.
        chmod(dir, 0o755)
        chmod(dir + "/wl.txt", 0o644)
        chmod(harness.root.path, 0o755)
        port = chosen ?? Harness.freePort()
        process = try harness.spawn(binary, ["-i", "127.0.0.1", "-p", String(port), "-P", String(port), "-w", "wl.txt", "-d", dir, "-u", "nobody"])
        // Ready when it accepts connections.
        try harness.waitUntil("opentracker to listen", timeout: 10) { Tracker.accepts(port: port) }
    }

    static func accepts(port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = in_port_t(UInt16(port).bigEndian)
        return withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } } == 0
    }
}

/// The info-hash of a .torrent file (SHA-1 of its bencoded info dictionary).
func infoHash(ofTorrent path: String) throws -> String {
    let r = try Harness.exec("/usr/bin/env", ["python3", "-c", """
        import hashlib,sys
        d=open(sys.argv[1],'rb').read()
        def skip(b,p):
            c=b[p:p+1]
            if c==b'i': return b.index(b'e',p)+1
            if c in (b'l',b'd'):
                p+=1
                while b[p:p+1]!=b'e': p=skip(b,p)
                return p+1
            n=b.index(b':',p); return n+1+int(b[p:n])
        i=d.index(b'4:info')+6
        print(hashlib.sha1(d[i:skip(d,i)]).hexdigest())
        """, path])
    guard r.status == 0 else { throw HarnessError.unexpected("cannot hash \(path): \(r.stderr)") }
    return r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
}

/// A test with a harness and one engine home, both cleaned up after it.
class HomeTestCase: XCTestCase {
    var h: Harness!
    var home: String!

    override func setUpWithError() throws {
        h = try Harness()
        home = h.path("home")
    }

    override func tearDown() { h.tearDown() }
}
