import Foundation
import GRDB
import Logging
import Synchronization

/// The engine's event history: what happened to which torrent, kept in the database
/// for the TUI's log view and `events`, and mirrored to the engine log.
final class History: Sendable {
    enum Level: String { case info, warning, error }

    private let store: Store
    private let logger: Logger
    private let queue = DispatchQueue(label: "seedtui.history")
    /// Events not yet written; the writer takes all of them in one transaction, so a
    /// batch of 10,000 adds costs a few transactions, not 10,000.
    private let pending = Mutex<[EventRecord]>([])

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
        let wasEmpty = pending.withLock { list in
            list.append(event)
            return list.count == 1
        }
        guard wasEmpty else { return }
        queue.async { self.writePending() }
    }

    private func writePending() {
        let batch = pending.withLock { list in
            defer { list = [] }
            return list
        }
        guard !batch.isEmpty else { return }
        do {
            try store.pool.write { db in for event in batch { try event.insert(db) } }
        } catch {
            logger.error("cannot record \(batch.count) events: \(error)")
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
