import Foundation
import GRDB
import Logging

/// The engine's event history: what happened to which torrent, kept in the database
/// for the TUI's log view and `events`, and mirrored to the engine log.
final class History: Sendable {
    enum Level: String { case info, warning, error }

    private let store: Store
    private let logger: Logger
    private let queue = DispatchQueue(label: "seedtui.history")

    init(store: Store, logger: Logger) {
        self.store = store
        self.logger = logger
    }

    func record(_ level: Level, _ kind: String, entry: TorrentEntry, _ message: String) {
        record(level, kind, hash: entry.hash, id: entry.id, message)
    }

    func record(_ level: Level, _ kind: String, hash: InfoHash?, id: Int64?, _ message: String) {
        switch level {
        case .info: logger.info("\(message)")
        case .warning: logger.warning("\(message)")
        case .error: logger.error("\(message)")
        }
        let event = EventRecord(id: nil, at: Int64(Date().timeIntervalSince1970), level: level.rawValue, kind: kind,
                                torrentId: id, infoHash: hash?.hex, message: message)
        let pool = store.pool
        let logger = self.logger
        queue.async {
            do { try pool.write { try event.insert($0) } } catch { logger.error("cannot record event: \(error)") }
        }
    }

    /// Waits until every recorded event is in the database.
    func flush() { queue.sync {} }

    func recent(limit: Int, afterId: Int64?) throws -> [EventRecord] {
        flush()
        return try store.pool.read { db in
            if let afterId {
                return try EventRecord.filter(Column("id") > afterId).order(Column("id")).limit(limit).fetchAll(db)
            }
            return try EventRecord.order(Column("id").desc).limit(limit).fetchAll(db).reversed()
        }
    }
}
