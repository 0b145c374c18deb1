import Foundation
import GRDB

extension AcquisitionService {
    // MARK: History and blocklist

    /// Grabs and imports together, newest first.
    func acquisitionHistory(limit: Int, wantedId: Int64?) async throws -> [AcquisitionHistoryEntry] {
        guard (1...10_000).contains(limit) else { throw EngineError.invalid("--limit must be 1 to 10000") }
        return try await store.pool.read { db in
            let filter = wantedId == nil ? "" : " WHERE wanted_id = ?"
            let args: StatementArguments = wantedId.map { [$0, limit] } ?? [limit]
            let grabs = try Row.fetchAll(db, sql: "SELECT * FROM grab_history\(filter) ORDER BY id DESC LIMIT ?", arguments: args)
                .map(AcquisitionHistoryEntry.grab)
            let imports = try Row.fetchAll(db, sql: "SELECT * FROM import_history\(filter) ORDER BY id DESC LIMIT ?", arguments: args)
                .map(AcquisitionHistoryEntry.imported)
            return Array((grabs + imports).sorted { ($0.at, $0.kind == "import" ? 1 : 0, $0.id) > ($1.at, $1.kind == "import" ? 1 : 0, $1.id) }.prefix(limit))
        }
    }

    func blocklistEntries() async throws -> [BlocklistEntry] {
        try await store.pool.read { db in try Row.fetchAll(db, sql: "SELECT * FROM blocklist ORDER BY id").map(BlocklistEntry.init(row:)) }
    }

    func removeBlocklisted(id: Int64) async throws {
        let removed = try await store.pool.write { db -> Bool in
            try db.execute(sql: "DELETE FROM blocklist WHERE id = ?", arguments: [id])
            return db.changesCount > 0
        }
        guard removed else { throw EngineError.notFound("no blocklist entry #\(id); `blocklist list` shows them") }
        history.record(.info, "blocklist", hash: nil, id: nil, "blocklist entry #\(id) removed")
    }
}
