import Foundation
import GRDB
import Logging

/// Owns the libtorrent session and the torrents' rows: every change to a torrent goes
/// through here, so the database, libtorrent and the cached snapshots never disagree.
actor TorrentService {
    let session: LibtorrentSession
    let store: Store
    let history: History
    let logger: Logger
    var settings: Settings

    var entries: [Int64: TorrentEntry] = [:]
    var idByHash: [InfoHash: Int64] = [:]
    var orderedIds: [Int64] = []
    var orderDirty = true
    var revision: UInt64 = 1
    /// Ids removed, with the revision at which they went, for `list --since`.
    var removals: [(revision: UInt64, id: Int64)] = []
    var oldestRemovalRevision: UInt64 = 1
    var addWaiters: [InfoHash: CheckedContinuation<Void, Error>] = [:]
    /// Torrents whose resume data a graceful stop is waiting for.
    var pendingResumeSaves = Set<InfoHash>()
    var moveWaiters: [InfoHash: CheckedContinuation<Void, Error>] = [:]
    var loadingCount = 0
    var lastResumeSweep = Date()
    var shareRules: ShareRules
    let hooks: Hooks
    /// Told once per completed torrent (acquisition imports grabbed downloads); each runs in
    /// its own task, so a slow import never holds the torrent service.
    var completionObservers: [@Sendable (Int64) async -> Void] = []
    /// Told the ids of torrents removed (by a person, a rule or a service), after the removal.
    var removalObservers: [@Sendable ([Int64]) async -> Void] = []

    init(session: LibtorrentSession, store: Store, settings: Settings, history: History, logger: Logger) {
        self.session = session
        self.store = store
        self.settings = settings
        self.history = history
        self.logger = logger
        shareRules = ShareRules(settings: settings, categories: [])
        hooks = Hooks(history: history)
    }

    // MARK: Start-up

    /// Reads every row without its blobs (fast), so `list` answers at once, then hands
    /// torrents to libtorrent in batches in the background.
    func load(uncleanShutdown: Bool) async throws {
        let categories = try await store.pool.read { try CategoryRecord.fetchAll($0) }
        shareRules = ShareRules(settings: settings, categories: categories)
        let light = try await store.pool.read { db in
            try Array(Row.fetchCursor(db, sql: """
                SELECT id, info_hash, name, save_path, category, tags, source, added_at, completed_at, share_done_at,
                       paused, sequential, download_limit, upload_limit, queue_position, resume_saved_at
                FROM torrent ORDER BY queue_position IS NULL, queue_position, id
                """).map { row in
                TorrentRecord(
                    id: row["id"], infoHash: row["info_hash"], name: row["name"], savePath: row["save_path"],
                    category: row["category"], tags: row["tags"], source: row["source"], torrentFile: nil, resumeData: nil,
                    addedAt: row["added_at"], completedAt: row["completed_at"], shareDoneAt: row["share_done_at"],
                    paused: row["paused"], sequential: row["sequential"], downloadLimit: row["download_limit"],
                    uploadLimit: row["upload_limit"], queuePosition: row["queue_position"], resumeSavedAt: row["resume_saved_at"])
            })
        }
        var order: [Int64] = []
        order.reserveCapacity(light.count)
        for record in light {
            guard let id = record.id, let hash = InfoHash(hex: record.infoHash) else { continue }
            entries[id] = TorrentEntry(record: record, hash: hash, revision: revision)
            idByHash[hash] = id
            order.append(id)
        }
        loadingCount = order.count
        logger.info("loading \(order.count) torrents")
        Task { await self.addInBatches(order, recheckIncomplete: uncleanShutdown) }
    }

    func addInBatches(_ order: [Int64], recheckIncomplete: Bool) async {
        let batchSize = 500
        var index = 0
        var recheck: [InfoHash] = []
        while index < order.count {
            let ids = Array(order[index..<min(index + batchSize, order.count)])
            index += ids.count
            let blobs: [Int64: (torrentFile: Data?, resumeData: Data?, source: String?)]
            do {
                blobs = try await store.pool.read { db in
                    var byId: [Int64: (torrentFile: Data?, resumeData: Data?, source: String?)] = [:]
                    let sql = "SELECT id, torrent_file, resume_data, source FROM torrent WHERE id IN (\(ids.map(String.init).joined(separator: ",")))"
                    let rows = try Row.fetchCursor(db, sql: sql)
                    while let row = try rows.next() { byId[row["id"]] = (row["torrent_file"], row["resume_data"], row["source"]) }
                    return byId
                }
            } catch {
                logger.error("cannot read torrents: \(error)")
                continue
            }
            for id in ids {
                guard let entry = entries[id], let blob = blobs[id] else { continue }
                var options = LibtorrentSession.AddOptions()
                options.resumeData = blob.resumeData
                options.torrentFile = blob.torrentFile
                if options.resumeData == nil, options.torrentFile == nil, let source = blob.source, source.hasPrefix("magnet:") {
                    options.magnet = source
                }
                options.savePath = entry.record.savePath
                options.paused = entry.record.paused
                options.autoManaged = !entry.record.paused
                options.sequential = entry.record.sequential
                options.downloadLimit = Int32(clamping: entry.record.downloadLimit)
                options.uploadLimit = Int32(clamping: entry.record.uploadLimit)
                let verify = recheckIncomplete && entry.record.completedAt == nil && !entry.record.paused
                if verify {
                    // Held paused until the recheck is queued, so it cannot download what is already on disk.
                    options.paused = true
                    options.autoManaged = false
                    pendingRecheck.insert(entry.hash)
                    recheck.append(entry.hash)
                }
                do {
                    try session.add(options)
                } catch {
                    history.record(.error, "load", entry: entry, "cannot restore \(entry.record.name): \(error)")
                    loadingCount -= 1
                }
            }
            // Let clients in between batches.
            await Task.yield()
        }
        if !recheck.isEmpty {
            // After a crash the resume data may predate pieces already on disk: verify rather than download again.
            logger.info("unclean shutdown: will verify \(recheck.count) incomplete torrents against their files")
        }
    }

    var pendingRecheck = Set<InfoHash>()

    /// Verifies a torrent held paused after a crash, then lets it run.
    /// libtorrent runs calls on one torrent in order: the check is queued before the resume.
    func startRecheck(_ hash: InfoHash) {
        guard pendingRecheck.remove(hash) != nil else { return }
        session.apply(.recheck, to: [hash])
        session.apply(.resume, to: [hash])
    }

    /// The checked alert is not posted for every paused torrent: ask libtorrent directly
    /// whether the held torrents have read their resume data yet.
    func pollPendingRechecks() {
        guard !pendingRecheck.isEmpty, let statuses = try? session.status(of: Array(pendingRecheck)) else { return }
        for status in statuses where status.phase != .checkingResume && status.phase != .unknown {
            startRecheck(status.hash)
        }
    }
}

extension TorrentService {
    func observeCompletions(_ observer: @escaping @Sendable (Int64) async -> Void) {
        completionObservers.append(observer)
    }

    /// Acquisition hears of removed downloads this way, so a grab whose torrent is gone is
    /// not left waiting for a completion that will never come.
    func observeRemovals(_ observer: @escaping @Sendable ([Int64]) async -> Void) {
        removalObservers.append(observer)
    }
}
