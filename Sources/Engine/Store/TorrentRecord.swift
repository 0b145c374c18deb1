import Foundation
import GRDB

/// A torrent's row: what the engine must remember across restarts.
public struct TorrentRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord, TableRecord {
    public static let databaseTableName = "torrent"

    public var id: Int64?
    public var infoHash: String
    public var name: String
    public var savePath: String
    public var category: String?
    public var tags: String
    public var source: String?
    public var torrentFile: Data?
    public var resumeData: Data?
    public var addedAt: Int64
    public var completedAt: Int64?
    public var shareDoneAt: Int64?
    public var paused: Bool
    public var sequential: Bool
    public var downloadLimit: Int64
    public var uploadLimit: Int64
    public var queuePosition: Int64?
    public var resumeSavedAt: Int64?

    enum CodingKeys: String, CodingKey {
        case id, name, category, tags, source, paused, sequential
        case infoHash = "info_hash", savePath = "save_path", torrentFile = "torrent_file"
        case resumeData = "resume_data", addedAt = "added_at", completedAt = "completed_at"
        case shareDoneAt = "share_done_at", downloadLimit = "download_limit", uploadLimit = "upload_limit"
        case queuePosition = "queue_position", resumeSavedAt = "resume_saved_at"
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    var tagList: [String] { tags.split(separator: ",").map(String.init) }
}

/// A category: a save path and share rules that override the global ones.
public struct CategoryRecord: Codable, Sendable, FetchableRecord, PersistableRecord, TableRecord {
    public static let databaseTableName = "category"
    public var name: String
    public var savePath: String?
    public var ratioLimit: Double?
    public var seedTimeLimit: Int64?
    public var idleSeedTimeLimit: Int64?
    public var shareAction: String?

    public init(name: String, savePath: String? = nil, ratioLimit: Double? = nil, seedTimeLimit: Int64? = nil,
                idleSeedTimeLimit: Int64? = nil, shareAction: String? = nil) {
        self.name = name
        self.savePath = savePath
        self.ratioLimit = ratioLimit
        self.seedTimeLimit = seedTimeLimit
        self.idleSeedTimeLimit = idleSeedTimeLimit
        self.shareAction = shareAction
    }

    enum CodingKeys: String, CodingKey {
        case name
        case savePath = "save_path", ratioLimit = "ratio_limit", seedTimeLimit = "seed_time_limit"
        case idleSeedTimeLimit = "idle_seed_time_limit", shareAction = "share_action"
    }
}

/// One line of the engine's history: adds, completions, errors, rule actions.
public struct EventRecord: Codable, Sendable, FetchableRecord, PersistableRecord, TableRecord {
    public static let databaseTableName = "event"
    public var id: Int64?
    public var at: Int64
    public var level: String
    public var kind: String
    public var torrentId: Int64?
    public var infoHash: String?
    public var message: String

    enum CodingKeys: String, CodingKey {
        case id, at, level, kind, message
        case torrentId = "torrent_id", infoHash = "info_hash"
    }
}
