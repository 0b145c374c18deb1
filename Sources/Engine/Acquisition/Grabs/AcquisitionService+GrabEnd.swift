import Foundation
import GRDB

/// What ending a grab needs of its `grab_history` row; Sendable, so it can enter a write.
struct GrabIdentity: Sendable {
    var id: Int64
    var wantedId: Int64?
    var indexer: String?
    var title: String
    var guid: String?
    var infoHash: String?

    init(_ row: Row) {
        id = row["id"]
        wantedId = row["wanted_id"]
        indexer = row["indexer"]
        title = row["title"]
        guid = row["guid"]
        infoHash = row["info_hash"]
    }
}

extension AcquisitionService {
    /// Records, inside the caller's transaction, that a grab ended without an import: its new
    /// state and why, its release on the blocklist when `blocklistReason` is given, and its
    /// wanted item wanted again — unless another grab for the item is still in flight. Stalls,
    /// failed imports and removed torrents all end a grab this one way.
    ///
    /// Returns whether the item was put back to wanted.
    static func endGrab(_ db: Database, grab: GrabIdentity, state: String, message: String, blocklistReason: String?, at now: Int64) throws -> Bool {
        try db.execute(sql: "UPDATE grab_history SET state = ?, message = ? WHERE id = ?", arguments: [state, message, grab.id])
        if let blocklistReason {
            try db.execute(sql: "INSERT INTO blocklist(wanted_id, indexer, title, guid, info_hash, reason, added_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                           arguments: [grab.wantedId, grab.indexer, grab.title, grab.guid, grab.infoHash, blocklistReason, now])
        }
        guard let wantedId = grab.wantedId else { return false }
        try db.execute(sql: """
            UPDATE wanted SET status = 'wanted' WHERE id = ? AND status = 'grabbed'
            AND NOT EXISTS (SELECT 1 FROM grab_history WHERE wanted_id = ? AND state = 'grabbed')
            """, arguments: [wantedId, wantedId])
        return db.changesCount > 0
    }
}
