import ArgumentParser
import Engine
import Foundation

/// pause, resume, recheck, reannounce: one action over a selection.
protocol SimpleAction: HeadlessCommand {
    static var action: Methods.Action { get }
    static var pastTense: String { get }
    var select: SelectorOptions { get }
}

extension SimpleAction {
    func execute() throws {
        let result = try call(Methods.Apply(selector: select.selector, action: Self.action))
        report(result.ids, Self.pastTense, json: global.json)
    }
}

func report(_ ids: [Int64], _ verb: String, json: Bool) {
    if json {
        struct Out: Encodable { var ids: [Int64] }
        try? Console.writeJSON(Out(ids: ids))
    } else {
        Console.out("\(verb) \(plural(ids.count, "torrent"))")
    }
}

struct Pause: SimpleAction {
    static let configuration = CommandConfiguration(abstract: "Pause torrents (they stay paused across restarts).")
    static let action = Methods.Action.pause
    static let pastTense = "paused"
    @OptionGroup var global: GlobalOptions
    @OptionGroup var select: SelectorOptions
}

struct Resume: SimpleAction {
    static let configuration = CommandConfiguration(abstract: "Resume torrents (back under the queue's limits).")
    static let action = Methods.Action.resume
    static let pastTense = "resumed"
    @OptionGroup var global: GlobalOptions
    @OptionGroup var select: SelectorOptions
}

struct Recheck: SimpleAction {
    static let configuration = CommandConfiguration(abstract: "Verify torrents' data against their piece hashes.")
    static let action = Methods.Action.recheck
    static let pastTense = "rechecking"
    @OptionGroup var global: GlobalOptions
    @OptionGroup var select: SelectorOptions
}

struct Reannounce: SimpleAction {
    static let configuration = CommandConfiguration(abstract: "Announce to trackers now.")
    static let action = Methods.Action.reannounce
    static let pastTense = "reannounced"
    @OptionGroup var global: GlobalOptions
    @OptionGroup var select: SelectorOptions
}

struct Remove: HeadlessCommand {
    static let configuration = CommandConfiguration(abstract: "Remove torrents, keeping their data unless --delete-data.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var select: SelectorOptions
    @Flag(name: .long, help: "Also delete the downloaded files.") var deleteData = false

    func execute() throws {
        let result = try call(Methods.Remove(selector: select.selector, deleteData: deleteData))
        report(result.ids, deleteData ? "removed (with data)" : "removed", json: global.json)
    }
}

struct Move: HeadlessCommand {
    static let configuration = CommandConfiguration(abstract: "Move torrents' data to another directory.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var select: SelectorOptions
    @Option(name: .long, help: "Destination directory.") var to: String

    func execute() throws {
        let result = try call(Methods.Move(selector: select.selector, path: absolutePath(to)))
        report(result.ids, "moved", json: global.json)
    }
}

struct Limit: HeadlessCommand {
    static let configuration = CommandConfiguration(abstract: "Set per-torrent rate limits (0 = unlimited).")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var select: SelectorOptions
    @Option(name: .long, help: "Download limit such as 16M or 512k.") var down: String?
    @Option(name: .long, help: "Upload limit such as 16M or 512k.") var up: String?

    func validate() throws {
        if down == nil && up == nil { throw ValidationError("give --down RATE, --up RATE or both (0 = unlimited)") }
    }

    func execute() throws {
        func rate(_ text: String?, _ flag: String) throws -> Int64? {
            guard let text else { return nil }
            guard let value = Units.parseBytes(text) else {
                throw EngineError.invalid("\(flag) '\(text)' is not a rate; use e.g. 16M, 512k or 0 for unlimited")
            }
            return value
        }
        let result = try call(Methods.Limit(selector: select.selector, download: try rate(down, "--down"), upload: try rate(up, "--up")))
        report(result.ids, "limited", json: global.json)
    }
}

struct Queue: HeadlessCommand {
    static let configuration = CommandConfiguration(abstract: "Move torrents in the queue: top, up, down or bottom.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "top, up, down or bottom.") var direction: String
    @OptionGroup var select: SelectorOptions

    func execute() throws {
        guard let action = Methods.Action(rawValue: "queue-" + direction.lowercased()) else {
            throw EngineError.invalid("queue direction '\(direction)' must be top, up, down or bottom")
        }
        let result = try call(Methods.Apply(selector: select.selector, action: action))
        report(result.ids, "moved \(direction)", json: global.json)
    }
}

struct Prio: HeadlessCommand {
    static let configuration = CommandConfiguration(abstract: "Set file priorities of one torrent (see `files`).")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var select: SelectorOptions
    @Option(name: .long, help: "File indices, comma-separated (default: every file).") var file: String?
    @Option(name: .long, help: "skip, low, normal, high, or 0-7.") var priority: String

    func execute() throws {
        let level: Int
        switch priority.lowercased() {
        case "skip": level = 0
        case "low": level = 1
        case "normal": level = 4
        case "high": level = 7
        default:
            guard let n = Int(priority), (0...7).contains(n) else {
                throw EngineError.invalid("priority '\(priority)' must be skip, low, normal, high or 0-7")
            }
            level = n
        }
        let indices = try (file ?? "").split(separator: ",").map { part -> Int in
            guard let n = Int(part.trimmingCharacters(in: .whitespaces)) else {
                throw EngineError.invalid("--file: '\(part)' is not a file index; `files` lists them")
            }
            return n
        }
        let result = try call(Methods.FilePriority(selector: select.selector, files: indices, priority: level))
        report(result.ids, "set priority of", json: global.json)
    }
}

struct Edit: HeadlessCommand {
    static let configuration = CommandConfiguration(abstract: "Set category, tags or sequential download of torrents.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var select: SelectorOptions
    @Option(name: .long, help: "Category ('' clears it).") var category: String?
    @Option(name: .long, help: "Tags, comma-separated ('' clears them).") var tags: String?
    @Option(name: .long, help: "true or false.") var sequential: Bool?

    func execute() throws {
        let tagList = tags.map { $0.split(separator: ",").map(String.init) }
        let result = try call(Methods.Edit(selector: select.selector, category: category, tags: tagList, sequential: sequential))
        report(result.ids, "updated", json: global.json)
    }
}
