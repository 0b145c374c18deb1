import GRDB

/// A folder the library catalogues, with its type.
public struct LibraryRootRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord, TableRecord {
    public static let databaseTableName = "library_root"

    public var id: Int64?
    public var path: String
    public var type: LibraryType
    /// Kept out of shared views and reports (a private collection).
    public var isPrivate: Bool
    public var addedAt: Int64
    /// When the last complete scan started, in nanoseconds since 1970: folders changed after it are re-read.
    public var scannedAt: Int64?

    enum CodingKeys: String, CodingKey {
        case id, path, type
        case isPrivate = "private", addedAt = "added_at", scannedAt = "scanned_at"
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
