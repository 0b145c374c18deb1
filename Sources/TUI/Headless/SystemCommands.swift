import ArgumentParser
import Engine
import Foundation
import Logging

struct Create: HeadlessCommand {
    static let configuration = CommandConfiguration(abstract: "Create a .torrent from a file or directory.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "File or directory to share.") var path: String
    @Option(name: [.short, .long], help: "Where to write the .torrent (default: NAME.torrent here).") var output: String?
    @Option(name: .long, help: "Tracker announce URL (repeatable; each is its own tier).") var tracker: [String] = []
    @Option(name: .long, help: "Comment stored in the torrent.") var comment: String?
    @Option(name: .long, help: "Piece size such as 256k or 4M (default: automatic).") var pieceSize: String?
    @Flag(name: .long, help: "Mark the torrent private (no DHT or peer exchange).") var `private` = false
    @Flag(name: .long, help: "Add it to the engine and seed it from where it lies.") var add = false

    func execute() throws {
        let source = absolutePath(path)
        var piece: Int32 = 0
        if let pieceSize {
            guard let bytes = Units.parseBytes(pieceSize), bytes >= 16 * 1024, bytes <= 128 * 1024 * 1024, bytes & (bytes - 1) == 0 else {
                throw EngineError.invalid("--piece-size '\(pieceSize)' must be a power of two from 16k to 128M")
            }
            piece = Int32(bytes)
        }
        let data = try TorrentFactory.create(path: source, trackers: tracker, comment: comment, pieceSize: piece, isPrivate: `private`)
        let name = (source as NSString).lastPathComponent
        let target = absolutePath(output ?? name + ".torrent")
        guard FileManager.default.createFile(atPath: target, contents: data) else {
            throw EngineError.failed("cannot write \(target); check the directory's permissions")
        }
        var added: TorrentSnapshot?
        if add {
            added = try call(Methods.Add(torrent: data, origin: target, savePath: (source as NSString).deletingLastPathComponent))
        }
        if global.json {
            struct Out: Encodable { var path: String; var bytes: Int; var added: TorrentSnapshot? }
            try Console.writeJSON(Out(path: target, bytes: data.count, added: added))
        } else {
            Console.out("wrote \(TerminalText.inert(target)) (\(data.count) bytes)")
            if let added { Console.out("added #\(added.id) \(TerminalText.inert(added.name))") }
        }
    }
}

struct Wait: HeadlessCommand {
    static let configuration = CommandConfiguration(abstract: "Block until every selected torrent reaches a state.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var select: SelectorOptions
    @Option(name: .long, help: "downloading, seeding, paused (or any state name).") var state: String
    @Option(name: .long, help: "Give up after this many seconds (exit 4).") var timeout: Double = 3600

    func execute() throws {
        guard let wanted = TorrentState(rawValue: state.lowercased()) else {
            throw EngineError.invalid("state '\(state)' must be one of \(TorrentState.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let deadline = Date().addingTimeInterval(timeout)
        let selector = select.selector
        while true {
            let rows = try client().listSnapshots(selector)
            if rows.isEmpty { throw EngineError.notFound("no torrent matches the selection") }
            let notYet = rows.filter { !reached($0, wanted) }
            if notYet.isEmpty {
                if global.json { try Console.writeJSON(rows) }
                return
            }
            if Date() >= deadline {
                let names = notYet.prefix(3).map { "#\($0.id) (\($0.state.rawValue))" }.joined(separator: ", ")
                throw EngineError.timeout("\(plural(notYet.count, "torrent")) not \(wanted.rawValue) after \(Int(timeout)) s: \(names)")
            }
            usleep(200_000)
        }
    }

    /// Seeding covers a finished download that is queued or stalled for upload slots.
    func reached(_ t: TorrentSnapshot, _ wanted: TorrentState) -> Bool {
        if t.state == wanted { return true }
        switch wanted {
        case .seeding: return t.progress >= 1 && t.completed == t.size && t.size > 0 && [.queued, .stalled].contains(t.state)
        case .downloading: return t.state == .stalled
        default: return false
        }
    }
}

struct Status: HeadlessCommand {
    static let configuration = CommandConfiguration(abstract: "Global rates, limits, counts and free space.")
    @OptionGroup var global: GlobalOptions

    func execute() throws {
        let s = try call(Methods.SessionStatus())
        if global.json { try Console.writeJSON(s); return }
        Console.out("down \(Units.formatRate(s.downRate)) (limit \(s.downloadLimit == 0 ? "none" : Units.formatRate(s.downloadLimit)))  "
                    + "up \(Units.formatRate(s.upRate)) (limit \(s.uploadLimit == 0 ? "none" : Units.formatRate(s.uploadLimit)))"
                    + (s.altSpeedActive ? "  [alternative speed]" : ""))
        let states = s.states.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        Console.out("\(plural(s.torrents, "torrent"))\(states.isEmpty ? "" : ": " + states)")
        Console.out("free space in \(TerminalText.inert(s.savePath)): \(s.freeSpace.map(Units.formatBytes) ?? "unknown")")
        Console.out("listening on port \(s.listenPort)" + (s.interface.map { " via \($0) (\(s.interfaceUp ? "up" : "DOWN: torrents stopped"))" } ?? ""))
    }
}

struct Config: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Read and change engine settings.",
                                                    subcommands: [Get.self, Set.self, ListKeys.self])

    struct Get: HeadlessCommand {
        static let configuration = CommandConfiguration(abstract: "Print one setting's value.")
        @OptionGroup var global: GlobalOptions
        @Argument var key: String
        func execute() throws {
            let entries = try call(Methods.ConfigList())
            guard let entry = entries.first(where: { $0.key == key }) else {
                throw EngineError.invalid("unknown setting '\(key)'; `config list` shows them all")
            }
            if global.json { try Console.writeJSON(entry) } else { Console.out(TerminalText.inert(entry.value)) }
        }
    }

    struct Set: HeadlessCommand {
        static let configuration = CommandConfiguration(abstract: "Change a setting; it applies at once.")
        @OptionGroup var global: GlobalOptions
        @Argument var key: String
        // Taken as is, so negative values such as -1 are values, not options.
        @Argument(parsing: .allUnrecognized) var value: [String] = []
        func validate() throws {
            if value.isEmpty { throw ValidationError("give a value: config set KEY VALUE") }
        }
        func execute() throws {
            let result = try call(Methods.ConfigSet(key: key, value: value.joined(separator: " ")))
            if global.json { try Console.writeJSON(result); return }
            Console.out("\(result.key) = \(TerminalText.inert(result.value))" + (result.needsRestart ? " (applies after `engine stop` and a new start)" : ""))
        }
    }

    struct ListKeys: HeadlessCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Every setting with its value and meaning.")
        @OptionGroup var global: GlobalOptions
        func execute() throws {
            let entries = try call(Methods.ConfigList())
            if global.json { try Console.writeJSON(entries); return }
            var table = Table([.init(title: "KEY"), .init(title: "VALUE"), .init(title: "DESCRIPTION", flexible: true)])
            for e in entries { table.add([e.key, e.value == e.defaultValue ? e.value : e.value + " *", e.summary]) }
            table.print()
        }
    }
}

struct Category: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Categories: a save path and share rules for a group of torrents.",
                                                    subcommands: [AddCategory.self, ListCategories.self, RemoveCategory.self])

    struct AddCategory: HeadlessCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Create or change a category.")
        @OptionGroup var global: GlobalOptions
        @Argument var name: String
        @Option(name: .long, help: "Save path for its torrents.") var savePath: String?
        @Option(name: .long, parsing: .unconditional, help: "Ratio limit (overrides ratio_limit; -1 = none).") var ratioLimit: Double?
        @Option(name: .long, help: "Seeding time limit such as 7d.") var seedTimeLimit: String?
        @Option(name: .long, help: "Idle seeding time limit such as 2d.") var idleSeedTimeLimit: String?
        @Option(name: .long, help: "pause, remove or remove_data.") var shareAction: String?

        func execute() throws {
            func duration(_ text: String?, _ flag: String) throws -> Int64? {
                guard let text else { return nil }
                guard let d = Units.parseDuration(text) else { throw EngineError.invalid("\(flag) '\(text)' is not a duration such as 90m or 7d") }
                return d
            }
            let record = CategoryRecord(name: name, savePath: savePath.map(absolutePath), ratioLimit: ratioLimit,
                                        seedTimeLimit: try duration(seedTimeLimit, "--seed-time-limit"),
                                        idleSeedTimeLimit: try duration(idleSeedTimeLimit, "--idle-seed-time-limit"),
                                        shareAction: shareAction)
            let saved = try call(Methods.CategorySave(category: record))
            if global.json { try Console.writeJSON(saved) } else { Console.out("category \(TerminalText.inert(saved.name)) saved") }
        }
    }

    struct ListCategories: HeadlessCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List categories.")
        @OptionGroup var global: GlobalOptions
        func execute() throws {
            let all = try call(Methods.CategoryList())
            if global.json { try Console.writeJSON(all); return }
            var table = Table([.init(title: "NAME"), .init(title: "SAVE PATH", flexible: true), .init(title: "RATIO"),
                               .init(title: "SEED TIME"), .init(title: "IDLE"), .init(title: "ACTION")])
            for c in all {
                table.add([c.name, c.savePath ?? "", c.ratioLimit.map { String($0) } ?? "", c.seedTimeLimit.map { Units.formatDuration($0) } ?? "",
                           c.idleSeedTimeLimit.map { Units.formatDuration($0) } ?? "", c.shareAction ?? ""])
            }
            table.print()
        }
    }

    struct RemoveCategory: HeadlessCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a category (its torrents keep going, uncategorized).")
        @OptionGroup var global: GlobalOptions
        @Argument var name: String
        func execute() throws {
            _ = try call(Methods.CategoryRemove(name: name))
            try done("category \(TerminalText.inert(name)) removed")
        }
    }
}

struct Events: HeadlessCommand {
    static let configuration = CommandConfiguration(abstract: "The engine's history: adds, completions, errors, rule actions.")
    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: "How many recent events.") var limit: Int = 50

    func execute() throws {
        let events = try call(Methods.Events(limit: limit))
        if global.json { try Console.writeJSON(events); return }
        let f = ISO8601DateFormatter()
        for e in events {
            Console.out("\(f.string(from: Date(timeIntervalSince1970: TimeInterval(e.at))))  \(TerminalText.pad(e.level, to: 7))\(TerminalText.pad(e.kind, to: 9))\(TerminalText.inert(e.message))")
        }
    }
}

struct DB: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "db", abstract: "Check or back up the database.",
                                                    subcommands: [Check.self, Backup.self])

    struct Check: HeadlessCommand {
        static let configuration = CommandConfiguration(abstract: "Run SQLite's integrity and foreign-key checks.")
        @OptionGroup var global: GlobalOptions
        func execute() throws {
            let result = try call(Methods.DatabaseCheck())
            if global.json { try Console.writeJSON(result) } else {
                Console.out(result.ok ? "ok" : result.problems.joined(separator: "\n"))
            }
            if !result.ok { throw EngineError.failed("the database has \(plural(result.problems.count, "problem")); restore a backup") }
        }
    }

    struct Backup: HeadlessCommand {
        static let configuration = CommandConfiguration(abstract: "Write a consistent copy of the database (SQLite online backup).")
        @OptionGroup var global: GlobalOptions
        @Argument var path: String
        func execute() throws {
            let result = try call(Methods.DatabaseBackup(path: absolutePath(path)))
            if global.json { try Console.writeJSON(result) } else { Console.out("backed up to \(TerminalText.inert(result.path)) (\(Units.formatBytes(result.bytes)))") }
        }
    }
}

struct EngineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "engine", abstract: "Run, start, stop or inspect the engine of a home.",
                                                    subcommands: [Run.self, Start.self, Stop.self, EngineStatusCommand.self])

    struct Run: HeadlessCommand {
        static let configuration = CommandConfiguration(abstract: "Run the engine in the foreground (for systemd).")
        @OptionGroup var global: GlobalOptions
        func execute() throws {
            let home = global.engineHome
            var logger = Logger(label: "seedtui.engine")
            logger.logLevel = ProcessInfo.processInfo.environment["SEEDTUI_LOG"].flatMap(Logger.Level.init(rawValue:)) ?? .info
            let box = ResultBox()
            let semaphore = DispatchSemaphore(value: 0)
            Task.detached {
                do { try await EngineProcess.run(home: home, logger: logger) } catch { box.error = error }
                semaphore.signal()
            }
            semaphore.wait()
            if let error = box.error as? EngineError { throw error }
            if let error = box.error { throw EngineError.failed("\(error)") }
        }
    }

    struct Start: HeadlessCommand {
        static let configuration = CommandConfiguration(abstract: "Start the engine in the background if it is not running.")
        @OptionGroup var global: GlobalOptions
        func execute() throws {
            let home = global.engineHome
            let wasRunning = HomeLockProbe.holder(home) != nil
            let status = try Clients.shared.client(home).call(Methods.EngineStatus())
            if global.json { try Console.writeJSON(status); return }
            Console.out(wasRunning ? "engine already running (pid \(status.pid))" : "engine started (pid \(status.pid))")
        }
    }

    struct Stop: HeadlessCommand {
        static let configuration = CommandConfiguration(abstract: "Stop the engine after saving resume data for every torrent.")
        @OptionGroup var global: GlobalOptions
        @Option(name: .long, help: "Seconds to wait for it to finish.") var timeout: Double = 120
        func execute() throws {
            let home = global.engineHome
            let client: EngineClient
            do { client = try Clients.shared.client(home, autostart: false) } catch {
                try done("no engine is running on \(TerminalText.inert(home.path))")
                return
            }
            let pid = try client.call(Methods.EngineStatus()).pid
            _ = try client.call(Methods.EngineStop())
            Clients.shared.forget(home)
            let deadline = Date().addingTimeInterval(timeout)
            while HomeLockProbe.holder(home) != nil {
                if Date() > deadline { throw EngineError.timeout("the engine (pid \(pid)) is still saving after \(Int(timeout)) s") }
                usleep(20_000)
            }
            try done("engine stopped (pid \(pid))")
        }
    }

    struct EngineStatusCommand: HeadlessCommand {
        static let configuration = CommandConfiguration(commandName: "status", abstract: "Whether an engine runs, its pid, version and uptime.")
        @OptionGroup var global: GlobalOptions
        func execute() throws {
            let status = try Clients.shared.client(global.engineHome, autostart: false).call(Methods.EngineStatus())
            if global.json { try Console.writeJSON(status); return }
            Console.out("engine \(status.version) (libtorrent \(status.libtorrent)), pid \(status.pid), up \(Units.formatDuration(status.uptime))")
            Console.out("home \(TerminalText.inert(status.home)), \(plural(status.torrents, "torrent"))\(status.loading > 0 ? " (\(status.loading) loading)" : ""), port \(status.listenPort)")
        }
    }
}

final class ResultBox: @unchecked Sendable { var error: Error? }

typealias HomeLockProbe = HomeLock
