import ArgumentParser
import Engine
import Foundation

/// Exit codes of the headless mode, documented in seedtui(1).
enum ExitStatus {
    static let failed: Int32 = 1
    static let usage: Int32 = 2
    static let unreachable: Int32 = 3
    static let timeout: Int32 = 4

    static func code(for error: EngineError) -> Int32 {
        switch error {
        case .invalid, .notFound: return usage
        case .failed: return failed
        case .unreachable: return unreachable
        case .timeout: return timeout
        }
    }
}

/// Options every headless command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "Engine home directory (default: $SEEDTUI_HOME, else $XDG_DATA_HOME/seedtui, else ~/.local/share/seedtui).")
    var home: String?

    @Flag(name: .long, help: "Print one JSON document on stdout.")
    var json = false

    var engineHome: EngineHome { EngineHome.resolve(explicit: home ?? Defaults.home) }
}

/// Process-wide defaults set by `seedtui --headless --home DIR` before a batch.
enum Defaults {
    nonisolated(unsafe) static var home: String?
}

/// Connections reused across the commands of one process (a batch from stdin makes many).
final class Clients: @unchecked Sendable {
    static let shared = Clients()
    private var byHome: [String: EngineClient] = [:]
    private let lock = NSLock()

    func client(_ home: EngineHome, autostart: Bool = true) throws -> EngineClient {
        lock.lock()
        defer { lock.unlock() }
        if let c = byHome[home.path] { return c }
        let c = try EngineClient(home: home, autostart: autostart)
        byHome[home.path] = c
        return c
    }

    func forget(_ home: EngineHome) {
        lock.lock()
        byHome.removeValue(forKey: home.path)
        lock.unlock()
    }
}

/// A headless command: does its work against the engine, throwing `EngineError`s.
protocol HeadlessCommand: ParsableCommand {
    var global: GlobalOptions { get }
    func execute() throws
}

extension HeadlessCommand {
    mutating func run() throws {
        do {
            try execute()
        } catch let error as EngineError {
            Console.error(error.message)
            throw ExitCode(ExitStatus.code(for: error))
        }
    }

    func client() throws -> EngineClient { try Clients.shared.client(global.engineHome) }

    func call<M: EngineMethod>(_ method: M) throws -> M.Result { try client().call(method) }

    /// The answer of a command that returns nothing: `{}` with --json, else `line` for people.
    func done(_ line: @autoclosure () -> String) throws {
        if global.json { try Console.writeJSON(Empty()) } else { Console.out(line()) }
    }
}

/// Selector arguments shared by every command that acts on torrents.
struct SelectorOptions: ParsableArguments {
    @Argument(help: "Torrents: ids from `list`, info-hashes or unique prefixes, or `all`.")
    var torrents: [String] = []

    @Option(name: .long, help: "Filter such as name~ubuntu, state=seeding, ratio>2, category=tv (repeatable).")
    var filter: [String] = []

    var selector: TorrentSelector { TorrentSelector(terms: torrents, filters: filter) }

    func validate() throws {
        if torrents.isEmpty && filter.isEmpty {
            throw ValidationError("select torrents: give ids, info-hashes, 'all' or --filter")
        }
    }
}

extension EngineClient {
    /// The list as typed values, for tables and `wait`.
    func listSnapshots(_ selector: TorrentSelector? = nil) throws -> [TorrentSnapshot] {
        let raw = try call(Methods.List(selector: selector))
        return try JSONDecoder().decode(Methods.ListPage.self, from: Data(raw.bytes)).torrents
    }
}

func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
