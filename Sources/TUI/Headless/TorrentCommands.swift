import ArgumentParser
import Engine
import Foundation

struct Add: HeadlessCommand {
    static let configuration = CommandConfiguration(abstract: "Add torrents from .torrent files, magnet links or http(s) URLs.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "A .torrent path, a magnet: URI or an http(s) URL to a .torrent.") var sources: [String]
    @Option(name: .long, help: "Directory to download into.") var savePath: String?
    @Option(name: .long, help: "Category (its save path and share rules apply).") var category: String?
    @Option(name: .long, help: "Tag (repeatable).") var tag: [String] = []
    @Flag(name: .long, help: "Add without starting.") var paused = false
    @Flag(name: .long, help: "Download pieces in order.") var sequential = false
    @Option(name: .long, help: "Per-file priorities 0-7 in file order, comma-separated (0 skips a file).") var priorities: String?

    func validate() throws {
        if sources.isEmpty { throw ValidationError("give a .torrent file, a magnet link or a URL to add") }
    }

    func execute() throws {
        var priorityList: [Int]? = nil
        if let priorities {
            priorityList = try priorities.split(separator: ",").map {
                guard let n = Int($0.trimmingCharacters(in: .whitespaces)), (0...7).contains(n) else {
                    throw EngineError.invalid("--priorities: '\($0)' is not a priority from 0 to 7")
                }
                return n
            }
        }
        var added: [TorrentSnapshot] = []
        var firstError: EngineError?
        var requests: [Methods.Add] = []
        for source in sources {
            var request = Methods.Add(savePath: savePath.map(absolutePath), category: category, tags: tag, paused: paused,
                                      sequential: sequential, filePriorities: priorityList)
            let lower = source.lowercased()
            if lower.hasPrefix("magnet:") {
                request.magnet = source
            } else if HTTPFetcher.isHTTP(source) {
                request.url = source
            } else {
                let path = absolutePath(source)
                guard let data = FileManager.default.contents(atPath: path) else {
                    let reason = FileManager.default.fileExists(atPath: path) ? "cannot be read" : "does not exist"
                    let e = EngineError.invalid("\(source) \(reason); give a .torrent file, a magnet link or a URL")
                    Console.error(e.message)
                    firstError = firstError ?? e
                    continue
                }
                request.torrent = data
                request.origin = path
            }
            requests.append(request)
        }
        // One request for the lot: one transaction and every libtorrent add in flight together.
        var outcomes: [Result<TorrentSnapshot, EngineError>] = []
        if requests.count == 1 {
            do { outcomes = [.success(try call(requests[0]))] } catch let error as EngineError { outcomes = [.failure(error)] }
        } else if !requests.isEmpty {
            outcomes = try call(Methods.AddMany(items: requests)).map { outcome in
                if let t = outcome.torrent { return .success(t) }
                return .failure(EngineError(code: outcome.error?.code ?? "failed", message: outcome.error?.message ?? "add failed"))
            }
        }
        for outcome in outcomes {
            switch outcome {
            case .success(let snapshot):
                added.append(snapshot)
                if !global.json { Console.out("added #\(snapshot.id) \(TerminalText.inert(snapshot.name))") }
            case .failure(let error):
                Console.error(error.message)
                firstError = firstError ?? error
            }
        }
        if global.json { try Console.writeJSON(added) }
        if let firstError { throw ExitCode(ExitStatus.code(for: firstError)) }
    }
}

func absolutePath(_ path: String) -> String {
    if path.hasPrefix("/") { return path }
    if path.hasPrefix("~") { return (path as NSString).expandingTildeInPath }
    return FileManager.default.currentDirectoryPath + "/" + path
}

struct List: HeadlessCommand {
    static let configuration = CommandConfiguration(abstract: "List torrents.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Torrents to show (default: all).") var torrents: [String] = []
    @Option(name: .long, help: "Filter such as name~ubuntu, state=seeding, ratio>2 (repeatable).") var filter: [String] = []
    @Option(name: .long, help: "Sort by: id, name, size, progress, state, down, up, ratio, added, queue.") var sort: String = "queue"
    @Flag(name: .long, help: "Reverse the order.") var reverse = false

    func execute() throws {
        let selector = torrents.isEmpty && filter.isEmpty ? nil : TorrentSelector(terms: torrents, filters: filter)
        if global.json && sort == "queue" && !reverse {
            // Passed through as the engine wrote it: no decode, no re-encode.
            let raw = try call(Methods.List(selector: selector))
            Console.writeJSON(extractTorrentsArray(raw.bytes))
            return
        }
        var rows = try client().listSnapshots(selector)
        rows = try sorted(rows)
        if reverse { rows.reverse() }
        if global.json { try Console.writeJSON(rows); return }
        var table = Table([
            .init(title: "ID", alignRight: true), .init(title: "NAME", flexible: true), .init(title: "SIZE", alignRight: true),
            .init(title: "DONE", alignRight: true), .init(title: "STATE"), .init(title: "DOWN", alignRight: true),
            .init(title: "UP", alignRight: true), .init(title: "ETA", alignRight: true), .init(title: "RATIO", alignRight: true),
            .init(title: "PEERS", alignRight: true), .init(title: "CATEGORY"),
        ])
        for t in rows {
            table.add([
                String(t.id), t.name, t.size > 0 ? Units.formatBytes(t.size) : "?",
                String(format: "%.1f%%", t.progress * 100), t.state.rawValue, Units.formatRate(t.downRate),
                Units.formatRate(t.upRate), t.state == .downloading ? Units.formatDuration(t.eta) : "",
                String(format: "%.2f", t.ratio), "\(t.peers)/\(t.seeds)", t.category ?? "",
            ], color: (4, Console.stateColor(t.state)))
        }
        table.print()
    }

    func sorted(_ rows: [TorrentSnapshot]) throws -> [TorrentSnapshot] {
        switch sort {
        case "queue": return rows
        case "id": return rows.sorted { $0.id < $1.id }
        case "name": return rows.sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending }
        case "size": return rows.sorted { $0.size < $1.size }
        case "progress": return rows.sorted { $0.progress < $1.progress }
        case "state": return rows.sorted { $0.state.rawValue < $1.state.rawValue }
        case "down": return rows.sorted { $0.downRate > $1.downRate }
        case "up": return rows.sorted { $0.upRate > $1.upRate }
        case "ratio": return rows.sorted { $0.ratio > $1.ratio }
        case "added": return rows.sorted { $0.addedAt < $1.addedAt }
        default: throw EngineError.invalid("cannot sort by '\(sort)'; use id, name, size, progress, state, down, up, ratio, added or queue")
        }
    }
}

/// The `"torrents":[...]` member of a list page, cut out of the bytes without parsing.
/// The engine writes that member last, so it runs from its key to the closing brace.
func extractTorrentsArray(_ page: [UInt8]) -> [UInt8] {
    let key = Array("\"torrents\":".utf8)
    guard page.count > key.count + 1 else { return Array("[]".utf8) }
    var i = page.count - key.count - 1
    while i >= 0 {
        if page[i] == key[0], Array(page[i..<(i + key.count)]) == key {
            return Array(page[(i + key.count)..<(page.count - 1)])
        }
        i -= 1
    }
    return Array("[]".utf8)
}

struct Info: HeadlessCommand {
    static let configuration = CommandConfiguration(abstract: "Show everything about one torrent.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var select: SelectorOptions

    func execute() throws {
        let result = try call(Methods.Detail(selector: select.selector, trackers: true))
        if global.json { try Console.writeJSON(result); return }
        let t = result.torrent
        let fields: [(String, String)] = [
            ("id", String(t.id)), ("name", t.name), ("info hash", t.infoHash), ("state", t.state.rawValue),
            ("progress", String(format: "%.2f%%", t.progress * 100)),
            ("size", Units.formatBytes(t.size)), ("completed", Units.formatBytes(t.completed)),
            ("downloaded", Units.formatBytes(t.downloaded)), ("uploaded", Units.formatBytes(t.uploaded)),
            ("ratio", String(format: "%.3f", t.ratio)),
            ("rates", "↓ \(Units.formatRate(t.downRate))  ↑ \(Units.formatRate(t.upRate))"),
            ("limits", "↓ \(t.downloadLimit == 0 ? "∞" : Units.formatRate(t.downloadLimit))  ↑ \(t.uploadLimit == 0 ? "∞" : Units.formatRate(t.uploadLimit))"),
            ("peers", "\(t.peers) connected (\(t.seeds) seeds), swarm \(t.swarmPeers) peers / \(t.swarmSeeds) seeds"),
            ("eta", Units.formatDuration(t.eta)), ("save path", t.savePath), ("category", t.category ?? "-"),
            ("tags", t.tags.joined(separator: ", ")), ("queue position", String(t.queuePosition)),
            ("sequential", t.sequential ? "yes" : "no"),
            ("added", format(t.addedAt)), ("completed at", t.completedAt.map(format) ?? "-"),
            ("seeding time", Units.formatDuration(t.seedingTime)), ("source", result.source ?? "-"),
            ("trackers", String(result.detail.trackers.count)), ("error", t.error ?? "-"),
            ("last tracker error", result.lastTrackerMessage ?? "-"),
        ]
        for (key, value) in fields { Console.out(TerminalText.pad(key, to: 18) + TerminalText.inert(value)) }
    }

    func format(_ unix: Int64) -> String {
        let f = ISO8601DateFormatter()
        return f.string(from: Date(timeIntervalSince1970: TimeInterval(unix)))
    }
}

struct Files: HeadlessCommand {
    static let configuration = CommandConfiguration(abstract: "List a torrent's files with their priorities.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var select: SelectorOptions

    func execute() throws {
        let files = try call(Methods.Detail(selector: select.selector, files: true)).detail.files
        if global.json { try Console.writeJSON(files); return }
        var table = Table([.init(title: "#", alignRight: true), .init(title: "PRIO"), .init(title: "DONE", alignRight: true),
                           .init(title: "SIZE", alignRight: true), .init(title: "PATH", flexible: true)])
        for f in files {
            table.add([String(f.index), priorityName(f.priority), String(format: "%.1f%%", f.progress * 100), Units.formatBytes(f.size), f.path])
        }
        table.print()
    }
}

func priorityName(_ p: Int) -> String {
    switch p {
    case 0: return "skip"
    case 1...3: return "low"
    case 4: return "normal"
    default: return "high"
    }
}

struct Peers: HeadlessCommand {
    static let configuration = CommandConfiguration(abstract: "List a torrent's connected peers.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var select: SelectorOptions

    func execute() throws {
        let peers = try call(Methods.Detail(selector: select.selector, peers: true)).detail.peers
        if global.json { try Console.writeJSON(peers); return }
        var table = Table([.init(title: "ADDRESS"), .init(title: "CLIENT", flexible: true), .init(title: "DONE", alignRight: true),
                           .init(title: "DOWN", alignRight: true), .init(title: "UP", alignRight: true), .init(title: "FLAGS")])
        for p in peers {
            let flags = [p.seed ? "S" : "", p.encrypted ? "E" : "", p.incoming ? "I" : "", p.utp ? "U" : ""].joined()
            table.add([p.address, p.client, String(format: "%.0f%%", p.progress * 100), Units.formatRate(p.downRate), Units.formatRate(p.upRate), flags])
        }
        table.print()
    }
}

struct Trackers: HeadlessCommand {
    static let configuration = CommandConfiguration(abstract: "List a torrent's trackers and their state.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var select: SelectorOptions

    func execute() throws {
        let trackers = try call(Methods.Detail(selector: select.selector, trackers: true)).detail.trackers
        if global.json { try Console.writeJSON(trackers); return }
        var table = Table([.init(title: "TIER", alignRight: true), .init(title: "URL", flexible: true), .init(title: "STATUS"),
                           .init(title: "SEEDS", alignRight: true), .init(title: "PEERS", alignRight: true), .init(title: "MESSAGE")])
        for t in trackers {
            table.add([String(t.tier), HTTPFetcher.redacted(t.url), t.status, t.seeds < 0 ? "?" : String(t.seeds), t.peers < 0 ? "?" : String(t.peers), t.message])
        }
        table.print()
    }
}
