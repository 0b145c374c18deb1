import GRDB

/// A release that is never taken again (its import failed, its grab could not start), with why.
///
/// Listed by `blocklist list`; `blocklist remove ID` lets a release be grabbed again.
public struct BlocklistEntry: Codable, Sendable, Equatable {
    public var id: Int64
    public var wantedId: Int64?
    public var indexer: String?
    public var title: String
    public var infoHash: String?
    public var guid: String?
    public var reason: String
    public var addedAt: Int64

    enum CodingKeys: String, CodingKey {
        case id, indexer, title, guid, reason
        case wantedId = "wanted_id", infoHash = "info_hash", addedAt = "added_at"
    }

    init(row: Row) {
        id = row["id"]
        wantedId = row["wanted_id"]
        indexer = row["indexer"]
        title = row["title"]
        infoHash = row["info_hash"]
        guid = (row["guid"] as String?).map(HTTPFetcher.redacted)
        reason = row["reason"]
        addedAt = row["added_at"]
    }
}
