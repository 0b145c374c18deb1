import Foundation

/// Where one engine keeps everything: the database, the control socket and the lock.
///
/// One home, one engine. The home is created private (0700) because seedboxes are
/// shared machines and the socket would let anyone who can reach it run hooks as you.
public struct EngineHome: Sendable, Equatable {
    public let directory: URL

    public init(directory: URL) { self.directory = directory.standardizedFileURL }

    /// `--home`, then `SEEDTUI_HOME`, then `$XDG_DATA_HOME/seedtui`, then `~/.local/share/seedtui`.
    public static func resolve(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> EngineHome {
        if let explicit, !explicit.isEmpty { return EngineHome(directory: URL(fileURLWithPath: explicit.expandingTilde)) }
        if let env = environment["SEEDTUI_HOME"], !env.isEmpty { return EngineHome(directory: URL(fileURLWithPath: env.expandingTilde)) }
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
            return EngineHome(directory: URL(fileURLWithPath: xdg).appendingPathComponent("seedtui"))
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return EngineHome(directory: URL(fileURLWithPath: home).appendingPathComponent(".local/share/seedtui"))
    }

    public var path: String { directory.path }
    public var databasePath: String { directory.appendingPathComponent("seedtui.db").path }
    public var socketPath: String { directory.appendingPathComponent("engine.sock").path }
    public var lockPath: String { directory.appendingPathComponent("engine.lock").path }
    public var logPath: String { directory.appendingPathComponent("engine.log").path }

    /// Creates the home with mode 0700, or tightens an existing one that others can read.
    public func prepare() throws {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: path, isDirectory: &isDir) {
            guard isDir.boolValue else {
                throw EngineError.invalid("home \(path) exists and is not a directory; pass another --home")
            }
        } else {
            do {
                try fm.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw EngineError.failed("cannot create home \(path): \(error.localizedDescription); check the parent's permissions or pass another --home")
            }
        }
        if chmod(path, 0o700) != 0 {
            throw EngineError.failed("cannot make home \(path) private: \(String(cString: strerror(errno)))")
        }
    }
}

extension String {
    var expandingTilde: String {
        guard hasPrefix("~") else { return self }
        let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
        return home + dropFirst()
    }
}
