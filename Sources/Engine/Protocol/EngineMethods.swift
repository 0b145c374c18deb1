import Foundation

/// Every call the engine answers. One set serves the TUI and the headless commands.
public enum Methods {
    public struct EngineStatus: EngineMethod {
        public static let name = "engine.status"
        public init() {}
        public struct Result: Codable, Sendable {
            public var pid: Int32
            public var version: String
            public var libtorrent: String
            public var protocolVersion: Int
            public var uptime: Int64
            public var home: String
            public var database: String
            public var listenPort: Int
            public var torrents: Int
            public var loading: Int
            enum CodingKeys: String, CodingKey {
                case pid, version, libtorrent, uptime, home, database, torrents, loading
                case protocolVersion = "protocol", listenPort = "listen_port"
            }
        }
    }

    public struct EngineStop: EngineMethod {
        public static let name = "engine.stop"
        public init() {}
        public typealias Result = Empty
    }

    /// Global transfer state, the status bar's numbers.
    public struct SessionStatus: EngineMethod {
        public static let name = "session.status"
        public init() {}
        public struct Result: Codable, Sendable {
            public var downRate: Int64
            public var upRate: Int64
            public var downloadLimit: Int64
            public var uploadLimit: Int64
            public var altSpeedActive: Bool
            public var torrents: Int
            public var states: [String: Int]
            public var freeSpace: Int64?
            public var savePath: String
            public var listenPort: Int
            public var interface: String?
            public var interfaceUp: Bool
            enum CodingKeys: String, CodingKey {
                case torrents, states, interface
                case downRate = "down_rate", upRate = "up_rate", downloadLimit = "download_limit", uploadLimit = "upload_limit"
                case altSpeedActive = "alt_speed_active", freeSpace = "free_space", savePath = "save_path"
                case listenPort = "listen_port", interfaceUp = "interface_up"
            }
        }
    }

    public struct Add: EngineMethod {
        public static let name = "torrent.add"
        /// The bytes of a .torrent file (read by the client, so relative paths work).
        public var torrent: Data?
        public var magnet: String?
        /// An http(s) URL to a .torrent, fetched by the engine.
        public var url: String?
        /// Where the input came from, for history and errors.
        public var origin: String?
        public var savePath: String?
        public var category: String?
        public var tags: [String]
        public var paused: Bool
        public var sequential: Bool
        /// Per-file priorities 0 (skip) ... 7, in file order.
        public var filePriorities: [Int]?

        public init(torrent: Data? = nil, magnet: String? = nil, url: String? = nil, origin: String? = nil,
                    savePath: String? = nil, category: String? = nil, tags: [String] = [], paused: Bool = false,
                    sequential: Bool = false, filePriorities: [Int]? = nil) {
            self.torrent = torrent
            self.magnet = magnet
            self.url = url
            self.origin = origin
            self.savePath = savePath
            self.category = category
            self.tags = tags
            self.paused = paused
            self.sequential = sequential
            self.filePriorities = filePriorities
        }
        public typealias Result = TorrentSnapshot
    }

    /// Several adds in one request: one transaction, all libtorrent adds in flight together.
    public struct AddMany: EngineMethod {
        public static let name = "torrent.add_many"
        public var items: [Add]
        public init(items: [Add]) { self.items = items }
        public struct Outcome: Codable, Sendable {
            public var torrent: TorrentSnapshot?
            public var error: WireProtocol.ErrorBody?
        }
        public typealias Result = [Outcome]
    }

    /// The torrent list. `since` asks only for rows changed after that revision.
    public struct List: EngineMethod {
        public static let name = "torrent.list"
        public var selector: TorrentSelector?
        public var since: UInt64?
        public init(selector: TorrentSelector? = nil, since: UInt64? = nil) {
            self.selector = selector
            self.since = since
        }
        /// `{"revision":N,"complete":bool,"removed":[ids],"torrents":[...]}`, passed through as bytes.
        public typealias Result = RawJSON
    }

    public struct ListPage: Codable, Sendable {
        public var revision: UInt64
        /// True when this is the whole list (no `since`, or `since` older than the removal log);
        /// false when it holds only the rows changed after `since` and the ids removed since.
        public var complete: Bool
        public var removed: [Int64]
        public var torrents: [TorrentSnapshot]
    }

    public enum Action: String, Codable, Sendable, CaseIterable {
        case pause, resume, recheck, reannounce, queueTop = "queue-top", queueUp = "queue-up"
        case queueDown = "queue-down", queueBottom = "queue-bottom", forceStart = "force-start"
    }

    public struct Apply: EngineMethod {
        public static let name = "torrent.apply"
        public var selector: TorrentSelector
        public var action: Action
        public init(selector: TorrentSelector, action: Action) { self.selector = selector; self.action = action }
        public struct Result: Codable, Sendable { public var ids: [Int64] }
    }

    public struct Remove: EngineMethod {
        public static let name = "torrent.remove"
        public var selector: TorrentSelector
        public var deleteData: Bool
        public init(selector: TorrentSelector, deleteData: Bool) { self.selector = selector; self.deleteData = deleteData }
        public typealias Result = Apply.Result
    }

    public struct Move: EngineMethod {
        public static let name = "torrent.move"
        public var selector: TorrentSelector
        public var path: String
        public init(selector: TorrentSelector, path: String) { self.selector = selector; self.path = path }
        public typealias Result = Apply.Result
    }

    /// Per-torrent rate limits; nil leaves a limit as it is, 0 removes it.
    public struct Limit: EngineMethod {
        public static let name = "torrent.limit"
        public var selector: TorrentSelector
        public var download: Int64?
        public var upload: Int64?
        public init(selector: TorrentSelector, download: Int64?, upload: Int64?) {
            self.selector = selector
            self.download = download
            self.upload = upload
        }
        public typealias Result = Apply.Result
    }

    /// Category, tags and sequential download of the selected torrents.
    public struct Edit: EngineMethod {
        public static let name = "torrent.edit"
        public var selector: TorrentSelector
        /// "" clears the category.
        public var category: String?
        public var tags: [String]?
        public var sequential: Bool?
        public init(selector: TorrentSelector, category: String? = nil, tags: [String]? = nil, sequential: Bool? = nil) {
            self.selector = selector
            self.category = category
            self.tags = tags
            self.sequential = sequential
        }
        public typealias Result = Apply.Result
    }

    public struct FilePriority: EngineMethod {
        public static let name = "torrent.prio"
        public var selector: TorrentSelector
        public var files: [Int]
        public var priority: Int
        public init(selector: TorrentSelector, files: [Int], priority: Int) {
            self.selector = selector
            self.files = files
            self.priority = priority
        }
        public typealias Result = Apply.Result
    }

    public struct Detail: EngineMethod {
        public static let name = "torrent.detail"
        public var selector: TorrentSelector
        public var files: Bool
        public var peers: Bool
        public var trackers: Bool
        public var pieces: Bool
        public init(selector: TorrentSelector, files: Bool = false, peers: Bool = false, trackers: Bool = false, pieces: Bool = false) {
            self.selector = selector
            self.files = files
            self.peers = peers
            self.trackers = trackers
            self.pieces = pieces
        }
        public struct Result: Codable, Sendable {
            public var torrent: TorrentSnapshot
            public var detail: TorrentDetail
            public var source: String?
            public var lastTrackerMessage: String?
            enum CodingKeys: String, CodingKey {
                case torrent, detail, source
                case lastTrackerMessage = "last_tracker_message"
            }
        }
    }

    public struct ConfigList: EngineMethod {
        public static let name = "config.list"
        public init() {}
        public struct Entry: Codable, Sendable {
            public var key: String
            public var value: String
            public var defaultValue: String
            public var summary: String
            enum CodingKeys: String, CodingKey { case key, value, summary; case defaultValue = "default" }
        }
        public typealias Result = [Entry]
    }

    public struct ConfigSet: EngineMethod {
        public static let name = "config.set"
        public var key: String
        public var value: String
        public init(key: String, value: String) { self.key = key; self.value = value }
        public struct Result: Codable, Sendable {
            public var key: String
            public var value: String
            public var needsRestart: Bool
            enum CodingKeys: String, CodingKey { case key, value; case needsRestart = "needs_restart" }
        }
    }

    public struct CategoryList: EngineMethod {
        public static let name = "category.list"
        public init() {}
        public typealias Result = [CategoryRecord]
    }

    public struct CategorySave: EngineMethod {
        public static let name = "category.save"
        public var category: CategoryRecord
        public init(category: CategoryRecord) { self.category = category }
        public typealias Result = CategoryRecord
    }

    public struct CategoryRemove: EngineMethod {
        public static let name = "category.remove"
        public var name: String
        public init(name: String) { self.name = name }
        public typealias Result = Empty
    }

    public struct Events: EngineMethod {
        public static let name = "events.list"
        public var limit: Int
        public var afterId: Int64?
        public init(limit: Int, afterId: Int64? = nil) { self.limit = limit; self.afterId = afterId }
        public typealias Result = [EventRecord]
    }

    public struct DatabaseCheck: EngineMethod {
        public static let name = "db.check"
        public init() {}
        public struct Result: Codable, Sendable { public var ok: Bool; public var problems: [String] }
    }

    public struct DatabaseBackup: EngineMethod {
        public static let name = "db.backup"
        public var path: String
        public init(path: String) { self.path = path }
        public struct Result: Codable, Sendable { public var path: String; public var bytes: Int64 }
    }
}
