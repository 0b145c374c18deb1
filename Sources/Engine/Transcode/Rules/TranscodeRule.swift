import GRDB

/// A stored rule: for files in one library root, when the condition holds, do the action.
/// Both are kept as the text the user wrote and parsed again when used, so a rule always
/// means what `rules list` shows.
public struct TranscodeRule: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord, TableRecord {
    public static let databaseTableName = "transcode_rule"

    public var id: Int64?
    /// The library root's path.
    public var library: String
    public var condition: String
    public var action: String
    public var createdAt: Int64

    public init(id: Int64? = nil, library: String, condition: String, action: String, createdAt: Int64) {
        self.id = id
        self.library = library
        self.condition = condition
        self.action = action
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case id, library, condition, action
        case createdAt = "created_at"
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// True when `path` lies inside this rule's library.
    public func covers(_ path: String) -> Bool { path.hasPrefix(library.hasSuffix("/") ? library : library + "/") }
}
