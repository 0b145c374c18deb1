import GRDB

/// One line of `history`: a grab (release → torrent) or an import (file → library), newest first.
///
/// Grabs and imports are two tables; people read them as one story per wanted item, so both
/// come back in one list with `kind` telling them apart. Guids are masked (they are often
/// download links with a key in them).
public struct AcquisitionHistoryEntry: Codable, Sendable, Equatable {
    /// grab or import.
    public var kind: String
    public var id: Int64
    public var at: Int64
    public var wantedId: Int64?
    public var torrentId: Int64?
    /// The release title (grabs) or the source file (imports).
    public var title: String
    public var indexer: String?
    public var quality: String?
    /// Grabs: grabbed, imported or failed. Imports: imported or failed.
    public var state: String
    public var message: String?
    /// Imports: where the file went, and how (hardlink, copy or existing).
    public var target: String?
    public var mode: String?
    public var infoHash: String?
    public var guid: String?

    enum CodingKeys: String, CodingKey {
        case kind, id, at, title, indexer, quality, state, message, target, mode, guid
        case wantedId = "wanted_id", torrentId = "torrent_id", infoHash = "info_hash"
    }

    static func grab(_ row: Row) -> AcquisitionHistoryEntry {
        AcquisitionHistoryEntry(kind: "grab", id: row["id"], at: row["grabbed_at"], wantedId: row["wanted_id"], torrentId: row["torrent_id"],
                                title: row["title"], indexer: row["indexer"], quality: row["quality"], state: row["state"],
                                message: row["message"], target: nil, mode: nil, infoHash: row["info_hash"],
                                guid: (row["guid"] as String?).map(HTTPFetcher.redacted))
    }

    static func imported(_ row: Row) -> AcquisitionHistoryEntry {
        AcquisitionHistoryEntry(kind: "import", id: row["id"], at: row["at"], wantedId: row["wanted_id"], torrentId: row["torrent_id"],
                                title: row["source"], indexer: nil, quality: row["quality"], state: row["state"],
                                message: row["message"], target: row["target"], mode: row["mode"], infoHash: nil, guid: nil)
    }
}
