import Foundation
import GRDB
import Logging

/// Owns the libtorrent session and the torrents' rows: every change to a torrent goes
/// through here, so the database, libtorrent and the cached snapshots never disagree.
actor TorrentService {
    let session: LibtorrentSession
    let store: Store
    let history: History
    private let logger: Logger
    private(set) var settings: Settings
    private let loopbackOnly: Bool

    private var entries: [Int64: TorrentEntry] = [:]
    private var idByHash: [InfoHash: Int64] = [:]
    private var orderedIds: [Int64] = []
    private var orderDirty = true
    private var revision: UInt64 = 1
    /// Ids removed, with the revision at which they went, for `list --since`.
    private var removals: [(revision: UInt64, id: Int64)] = []
    private var oldestRemovalRevision: UInt64 = 1
    private var addWaiters: [InfoHash: CheckedContinuation<Void, Error>] = [:]
    /// Torrents whose resume data a graceful stop is waiting for.
    private var pendingResumeSaves = Set<InfoHash>()
    private var moveWaiters: [InfoHash: CheckedContinuation<Void, Error>] = [:]
    private(set) var loadingCount = 0
    private var lastResumeSweep = Date()
    private var shareRules: ShareRules
    let hooks: Hooks

    init(session: LibtorrentSession, store: Store, settings: Settings, history: History, logger: Logger, loopbackOnly: Bool) {
        self.session = session
        self.store = store
        self.settings = settings
        self.history = history
        self.logger = logger
        self.loopbackOnly = loopbackOnly
        shareRules = ShareRules(settings: settings, categories: [])
        hooks = Hooks(logger: logger, history: history)
    }

    // MARK: Start-up

    /// Reads every row without its blobs (fast), so `list` answers at once, then hands
    /// torrents to libtorrent in batches in the background.
    func load(uncleanShutdown: Bool) async throws {
        let categories = try await store.pool.read { try CategoryRecord.fetchAll($0) }
        shareRules = ShareRules(settings: settings, categories: categories)
        let light = try await store.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, info_hash, name, save_path, category, tags, source, added_at, completed_at, share_done_at,
                       paused, sequential, download_limit, upload_limit, queue_position, resume_saved_at
                FROM torrent ORDER BY queue_position IS NULL, queue_position, id
                """)
        }
        var order: [Int64] = []
        order.reserveCapacity(light.count)
        for row in light {
            let record = TorrentRecord(
                id: row["id"], infoHash: row["info_hash"], name: row["name"], savePath: row["save_path"],
                category: row["category"], tags: row["tags"], source: row["source"], torrentFile: nil, resumeData: nil,
                addedAt: row["added_at"], completedAt: row["completed_at"], shareDoneAt: row["share_done_at"],
                paused: row["paused"], sequential: row["sequential"], downloadLimit: row["download_limit"],
                uploadLimit: row["upload_limit"], queuePosition: row["queue_position"], resumeSavedAt: row["resume_saved_at"])
            guard let id = record.id, let hash = InfoHash(hex: record.infoHash) else { continue }
            entries[id] = TorrentEntry(record: record, hash: hash, revision: revision)
            idByHash[hash] = id
            order.append(id)
        }
        loadingCount = order.count
        logger.info("loading \(order.count) torrents")
        Task { await self.addInBatches(order, recheckIncomplete: uncleanShutdown) }
    }

    private func addInBatches(_ order: [Int64], recheckIncomplete: Bool) async {
        let batchSize = 500
        var index = 0
        var recheck: [InfoHash] = []
        while index < order.count {
            let ids = Array(order[index..<min(index + batchSize, order.count)])
            index += ids.count
            let blobs: [Row]
            do {
                blobs = try await store.pool.read { db in
                    try Row.fetchAll(db, sql: "SELECT id, torrent_file, resume_data, source FROM torrent WHERE id IN (\(ids.map(String.init).joined(separator: ",")))")
                }
            } catch {
                logger.error("cannot read torrents: \(error)")
                continue
            }
            var byId: [Int64: Row] = [:]
            for row in blobs { byId[row["id"]] = row }
            for id in ids {
                guard let entry = entries[id], let row = byId[id] else { continue }
                var options = LibtorrentSession.AddOptions()
                options.resumeData = row["resume_data"]
                options.torrentFile = row["torrent_file"]
                let source: String? = row["source"]
                if options.resumeData == nil, options.torrentFile == nil, let source, source.hasPrefix("magnet:") {
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

    private var pendingRecheck = Set<InfoHash>()

    // MARK: libtorrent events

    func handle(_ batch: AlertBatch) async {
        var resumeWrites: [(Int64, Data)] = []
        var queueChanges: [(Int64, Int64)] = []
        for event in batch.events {
            handle(event, resumeWrites: &resumeWrites)
        }
        if !batch.statuses.isEmpty { revision += 1 }
        for status in batch.statuses {
            guard let id = idByHash[status.hash], let entry = entries[id] else { continue }
            if entry.status == nil { loadingCount = max(0, loadingCount - 1) }
            if status.needSaveResume { entry.resumeDirty = true }
            if Int64(status.queuePosition) != entry.record.queuePosition, status.queuePosition >= 0 {
                entry.record.queuePosition = Int64(status.queuePosition)
                queueChanges.append((id, Int64(status.queuePosition)))
                orderDirty = true
            }
            entry.status = status
            entry.invalidate(revision: revision)
            if entry.record.completedAt == nil, status.hasMetadata, status.isFinished || status.isSeeding, status.totalWanted > 0 {
                Task { await self.completed(id) }
            }
        }
        if !resumeWrites.isEmpty || !queueChanges.isEmpty {
            let now = Int64(Date().timeIntervalSince1970)
            let writes = resumeWrites, positions = queueChanges
            do {
                try await store.pool.write { db in
                    for (id, data) in writes {
                        try db.execute(sql: "UPDATE torrent SET resume_data = ?, resume_saved_at = ? WHERE id = ?", arguments: [data, now, id])
                    }
                    for (id, position) in positions {
                        try db.execute(sql: "UPDATE torrent SET queue_position = ? WHERE id = ?", arguments: [position, id])
                    }
                }
            } catch {
                logger.error("cannot write resume data: \(error)")
            }
            for (id, _) in resumeWrites {
                entries[id]?.record.resumeSavedAt = now
                if let hash = entries[id]?.hash { pendingResumeSaves.remove(hash) }
            }
        }
    }

    private func handle(_ event: TorrentEvent, resumeWrites: inout [(Int64, Data)]) {
        let id = idByHash[event.hash]
        switch event.kind {
        case .added:
            addWaiters.removeValue(forKey: event.hash)?.resume()

        case .addFailed:
            if let waiter = addWaiters.removeValue(forKey: event.hash) {
                waiter.resume(throwing: EngineError.failed(event.message))
            } else {
                history.record(.error, "load", hash: event.hash, id: id, event.message)
            }
        case .resumeData:
            if let id, let data = event.data {
                resumeWrites.append((id, data))
                entries[id]?.resumeDirty = false
            }
        case .resumeFailed:
            pendingResumeSaves.remove(event.hash)
            if !event.message.isEmpty { logger.warning("resume data for \(event.hash) not saved: \(event.message)") }
        case .finished:
            if let id { Task { await self.completed(id) } }
        case .storageMoved:
            if let id {
                entries[id]?.record.savePath = event.message
                revision += 1
                entries[id]?.invalidate(revision: revision)
                let path = event.message
                Task { try? await self.store.pool.write { try $0.execute(sql: "UPDATE torrent SET save_path = ? WHERE id = ?", arguments: [path, id]) } }
                session.apply(.saveResume, to: [event.hash])
            }
            moveWaiters.removeValue(forKey: event.hash)?.resume()
        case .storageMoveFailed:
            history.record(.error, "move", hash: event.hash, id: id, "move failed: \(event.message)")
            moveWaiters.removeValue(forKey: event.hash)?.resume(throwing: EngineError.failed("move failed: \(event.message)"))
        case .fileError:
            history.record(.error, "file", hash: event.hash, id: id, "file error: \(event.message); fix the disk or path, then `resume`")
        case .trackerError:
            if let id { entries[id]?.lastTrackerMessage = event.message }
        case .deleteFailed:
            history.record(.error, "remove", hash: event.hash, id: id, "could not delete files: \(event.message)")
        case .listenFailed:
            history.record(.error, "network", hash: nil, id: nil, "cannot listen: \(event.message)")
        case .listenOK:
            logger.info("\(event.message)")
        case .checked:
            // libtorrent ignores a recheck while it still reads the resume data: ask once that is done.
            // Calls on one torrent run in order, so the check is queued before the resume.
            if pendingRecheck.remove(event.hash) != nil {
                session.apply(.recheck, to: [event.hash])
                session.apply(.resume, to: [event.hash])
            }
        case .hashFailed, .metadataReceived, .paused, .resumed, .removed, .deleted, .unknown:
            if event.kind == .metadataReceived, let id { Task { await self.metadataArrived(id) } }
        }
    }

    private func completed(_ id: Int64) async {
        guard let entry = entries[id] else { return }
        guard entry.record.completedAt == nil else { return }
        session.apply(.saveResume, to: [entry.hash])
        let now = Int64(Date().timeIntervalSince1970)
        entry.record.completedAt = now
        revision += 1
        entry.invalidate(revision: revision)
        try? await store.pool.write { try $0.execute(sql: "UPDATE torrent SET completed_at = ? WHERE id = ?", arguments: [now, id]) }
        history.record(.info, "complete", entry: entry, "completed \(entry.record.name)")
        hooks.run(settings[.onComplete], for: entry.snapshot())
    }

    private func metadataArrived(_ id: Int64) async {
        guard let entry = entries[id], let status = try? session.status(of: [entry.hash]).first else { return }
        if !status.name.isEmpty, status.name != entry.record.name {
            entries[id]?.record.name = status.name
            try? await store.pool.write { try $0.execute(sql: "UPDATE torrent SET name = ? WHERE id = ?", arguments: [status.name, id]) }
        }
        session.apply(.saveResume, to: [entry.hash])
    }

    // MARK: Adding

    func add(_ request: Methods.Add) async throws -> TorrentSnapshot {
        var options = LibtorrentSession.AddOptions()
        var source = request.origin
        if let data = request.torrent {
            options.torrentFile = data
        } else if let magnet = request.magnet {
            options.magnet = magnet
            source = magnet
        } else if let url = request.url {
            // The source is what restores the torrent before its first resume data: keep the magnet.
            let iface = settings[.interface]
            if !iface.isEmpty, !NetworkGuard.isUp(iface) {
                throw EngineError.failed("interface \(iface) is down (kill switch): not fetching \(HTTPFetcher.redacted(url))")
            }
            switch try await HTTPFetcher.fetchTorrent(url: url, interface: iface.isEmpty ? nil : iface) {
            case .file(let data):
                options.torrentFile = data
                source = HTTPFetcher.redacted(url)
            case .magnet(let magnet):
                options.magnet = magnet
                source = magnet
            }
        } else {
            throw EngineError.invalid("nothing to add: give a .torrent file, a magnet link or an http(s) URL")
        }
        let meta: LibtorrentSession.Meta
        do {
            meta = try LibtorrentSession.inspect(options)
        } catch let error as EngineError {
            throw EngineError.invalid("\(request.origin ?? "input"): \(error.message)")
        }
        if let existing = idByHash[meta.hash], let entry = entries[existing] {
            throw EngineError.invalid("already added as #\(existing) (\(entry.record.name)); remove it first to add it again")
        }
        if let category = request.category, !category.isEmpty, try await categoryRecord(category) == nil {
            throw EngineError.invalid("unknown category '\(category)'; create it with `category add \(category)`")
        }
        let savePath = try await resolveSavePath(request.savePath, category: request.category)
        try Self.ensureRoom(for: meta, in: savePath)
        if let priorities = request.filePriorities {
            guard priorities.allSatisfy({ (0...7).contains($0) }) else { throw EngineError.invalid("file priorities go from 0 (skip) to 7") }
            options.filePriorities = priorities.map { UInt8($0) }
        }
        options.savePath = savePath
        options.paused = request.paused
        options.autoManaged = !request.paused
        options.sequential = request.sequential

        var record = TorrentRecord(
            id: nil, infoHash: meta.hash.hex, name: meta.name.isEmpty ? meta.hash.hex : meta.name, savePath: savePath,
            category: (request.category?.isEmpty ?? true) ? nil : request.category, tags: request.tags.joined(separator: ","),
            source: source, torrentFile: options.torrentFile, resumeData: nil,
            addedAt: Int64(Date().timeIntervalSince1970), completedAt: nil, shareDoneAt: nil,
            paused: request.paused, sequential: request.sequential, downloadLimit: 0, uploadLimit: 0,
            queuePosition: nil, resumeSavedAt: nil)
        let inserted = record
        record = try await store.pool.write { db in
            var r = inserted
            try r.insert(db)
            return r
        }
        guard let id = record.id else { throw EngineError.failed("database gave no id") }
        record.torrentFile = nil
        revision += 1
        entries[id] = TorrentEntry(record: record, hash: meta.hash, revision: revision)
        idByHash[meta.hash] = id
        orderDirty = true
        do {
            try await withCheckedThrowingContinuation { (c: CheckedContinuation<Void, Error>) in
                addWaiters[meta.hash] = c
                do { try session.add(options) } catch {
                    addWaiters.removeValue(forKey: meta.hash)?.resume(throwing: error)
                }
            }
        } catch {
            entries.removeValue(forKey: id)
            idByHash.removeValue(forKey: meta.hash)
            orderDirty = true
            try? await store.pool.write { try $0.execute(sql: "DELETE FROM torrent WHERE id = ?", arguments: [id]) }
            throw error
        }
        session.apply(.saveResume, to: [meta.hash])
        let entry = entries[id]!
        if let status = try? session.status(of: [meta.hash]).first { entry.status = status; entry.invalidate(revision: revision) }
        history.record(.info, "add", entry: entry, "added \(record.name)")
        let snapshot = entry.snapshot()
        hooks.run(settings[.onAdd], for: snapshot)
        return snapshot
    }

    private func resolveSavePath(_ explicit: String?, category: String?) async throws -> String {
        var path = explicit?.expandingTilde ?? ""
        if path.isEmpty, let category, !category.isEmpty, let c = try await categoryRecord(category), let p = c.savePath, !p.isEmpty {
            path = p.expandingTilde
        }
        if path.isEmpty { path = settings.path(.defaultSavePath) }
        if !path.hasPrefix("/") { throw EngineError.invalid("save path '\(path)' must be absolute") }
        try Self.ensureWritable(path)
        return path
    }

    static func ensureWritable(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw EngineError.invalid("save path \(path) cannot be created: \(error.localizedDescription); choose another with --save-path")
        }
        if access(path, W_OK | X_OK) != 0 {
            throw EngineError.invalid("save path \(path) is not writable: \(String(cString: strerror(errno))); choose another with --save-path")
        }
    }

    /// Refuses a download that cannot fit, unless its data is already there (a re-add).
    static func ensureRoom(for meta: LibtorrentSession.Meta, in savePath: String) throws {
        guard meta.totalSize > 0, !FileManager.default.fileExists(atPath: (savePath as NSString).appendingPathComponent(meta.name)),
              let free = (try? FileManager.default.attributesOfFileSystem(forPath: savePath)[.systemFreeSize] as? NSNumber)?.int64Value,
              free < meta.totalSize else { return }
        throw EngineError.invalid("not enough free space in \(savePath): \(meta.name) needs \(Units.formatBytes(meta.totalSize)), \(Units.formatBytes(free)) is free; free some space or choose another --save-path")
    }

    private func categoryRecord(_ name: String) async throws -> CategoryRecord? {
        try await store.pool.read { try CategoryRecord.fetchOne($0, key: name) }
    }

    // MARK: Selecting

    func resolve(_ selector: TorrentSelector) throws -> [Int64] {
        if selector.isEmpty { throw EngineError.invalid("no torrents selected; give ids, info-hashes, 'all' or --filter") }
        var ids: [Int64] = []
        var seen = Set<Int64>()
        func take(_ id: Int64) { if seen.insert(id).inserted { ids.append(id) } }
        for term in selector.terms {
            let t = term.trimmingCharacters(in: .whitespaces).lowercased()
            if t == "all" {
                for id in entries.keys.sorted() { take(id) }
            } else if let n = Int64(t.hasPrefix("#") ? String(t.dropFirst()) : t), entries[n] != nil, t.count < 40 {
                take(n)
            } else if t.count >= 4, t.allSatisfy(\.isHexDigit) {
                let matches = entries.values.filter { $0.hash.hex.hasPrefix(t) }
                if matches.count > 1 {
                    throw EngineError.invalid("'\(term)' matches \(matches.count) torrents; give more of the info-hash")
                }
                guard let m = matches.first else {
                    throw EngineError.notFound("no torrent matches '\(term)'; `seedtui --headless list` shows ids and hashes")
                }
                take(m.id)
            } else {
                throw EngineError.notFound("no torrent matches '\(term)'; `seedtui --headless list` shows ids and hashes")
            }
        }
        if !selector.filters.isEmpty {
            let filters = try selector.filters.map(TorrentFilter.init(parsing:))
            let pool = selector.terms.isEmpty ? entries.keys.sorted() : ids
            ids = []
            for id in pool {
                guard let entry = entries[id] else { continue }
                let s = entry.snapshot()
                if filters.allSatisfy({ $0.matches(s) }) { ids.append(id) }
            }
        }
        return ids
    }

    private func hashes(_ ids: [Int64]) -> [InfoHash] { ids.compactMap { entries[$0]?.hash } }

    // MARK: Listing

    func list(_ request: Methods.List) throws -> RawJSON {
        var ids: [Int64]
        if let selector = request.selector, !selector.isEmpty {
            ids = try resolve(selector)
            let rank = queueRank()
            ids.sort { (rank[$0] ?? Int.max) < (rank[$1] ?? Int.max) }
        } else {
            ids = queueOrder()
        }
        // A complete page replaces the client's copy; otherwise it holds changes since `since`.
        var complete = true
        var removed: [Int64] = []
        // A `since` newer than this engine's revision comes from an earlier engine: send everything.
        if let since = request.since, since + 1 >= oldestRemovalRevision, since <= revision {
            complete = false
            ids = ids.filter { (entries[$0]?.revision ?? 0) > since }
            removed = removals.filter { $0.revision > since }.map(\.id)
        }
        var w = JSONWriter(capacity: 64 + ids.count * 560)
        w.beginObject()
        w.key("revision")
        w.int(Int64(revision))
        w.field("complete", complete)
        w.key("removed")
        w.beginArray()
        for id in removed { w.int(id) }
        w.endArray()
        w.key("torrents")
        w.beginArray()
        for id in ids {
            guard let entry = entries[id] else { continue }
            w.raw(entry.json())
        }
        w.endArray()
        w.endObject()
        return RawJSON(bytes: w.bytes)
    }

    func snapshot(_ id: Int64) -> TorrentSnapshot? { entries[id]?.snapshot() }

    /// Ids in queue order (then by id), recomputed only after the order changed.
    private func queueOrder() -> [Int64] {
        if orderDirty {
            orderedIds = entries.values
                .map { (position: $0.record.queuePosition ?? Int64.max, id: $0.id) }
                .sorted { ($0.position, $0.id) < ($1.position, $1.id) }
                .map(\.id)
            orderDirty = false
        }
        return orderedIds
    }

    private func queueRank() -> [Int64: Int] {
        var rank: [Int64: Int] = [:]
        rank.reserveCapacity(entries.count)
        for (i, id) in queueOrder().enumerated() { rank[id] = i }
        return rank
    }

    func detail(_ request: Methods.Detail) async throws -> Methods.Detail.Result {
        let ids = try resolve(request.selector)
        guard ids.count == 1, let id = ids.first, let entry = entries[id] else {
            throw EngineError.invalid("select exactly one torrent (\(ids.count) matched)")
        }
        // Time counters of a quiet torrent are not in libtorrent's change reports: read them now.
        if let status = try? session.status(of: [entry.hash]).first, status != entry.status {
            revision += 1
            entry.status = status
            entry.invalidate(revision: revision)
        }
        let detail = try session.detail(of: entry.hash, files: request.files, peers: request.peers,
                                        trackers: request.trackers, pieces: request.pieces)
        let source = try await store.pool.read { try String.fetchOne($0, sql: "SELECT source FROM torrent WHERE id = ?", arguments: [id]) }
        return .init(torrent: snapshot(id)!, detail: detail, source: source, lastTrackerMessage: entry.lastTrackerMessage)
    }

    // MARK: Changing

    func apply(_ action: Methods.Action, selector: TorrentSelector) async throws -> [Int64] {
        let ids = try resolve(selector)
        var targets = hashes(ids)
        switch action {
        case .pause:
            try await setPausedRows(ids, paused: true)
            session.apply(.pause, to: targets)
            session.apply(.saveResume, to: targets)
        case .resume:
            try await setPausedRows(ids, paused: false)
            session.apply(.resume, to: targets)
        case .forceStart:
            try await setPausedRows(ids, paused: false)
            session.apply(.forceStart, to: targets)
        case .recheck: session.apply(.recheck, to: targets)
        case .reannounce: session.apply(.reannounce, to: targets)
        case .queueTop, .queueDown:
            // Moving several torrents keeps their relative order: last first for top, bottom-most first for down.
            targets = sortedByQueue(targets, descending: true)
            session.apply(action == .queueTop ? .queueTop : .queueDown, to: targets)
        case .queueUp, .queueBottom:
            targets = sortedByQueue(targets, descending: false)
            session.apply(action == .queueUp ? .queueUp : .queueBottom, to: targets)
        }
        session.postUpdates()
        return ids
    }

    private func sortedByQueue(_ hashes: [InfoHash], descending: Bool) -> [InfoHash] {
        hashes.sorted {
            let a = entries[idByHash[$0] ?? 0]?.status?.queuePosition ?? Int.max
            let b = entries[idByHash[$1] ?? 0]?.status?.queuePosition ?? Int.max
            return descending ? a > b : a < b
        }
    }

    private func setPausedRows(_ ids: [Int64], paused: Bool) async throws {
        try await store.pool.write { db in
            for id in ids { try db.execute(sql: "UPDATE torrent SET paused = ? WHERE id = ?", arguments: [paused, id]) }
        }
        revision += 1
        for id in ids {
            entries[id]?.record.paused = paused
            entries[id]?.invalidate(revision: revision)
        }
    }

    func remove(_ selector: TorrentSelector, deleteData: Bool) async throws -> [Int64] {
        let ids = try resolve(selector)
        try await removeIds(ids, deleteData: deleteData)
        return ids
    }

    func removeIds(_ ids: [Int64], deleteData: Bool) async throws {
        let targets = hashes(ids)
        try await store.pool.write { db in
            for id in ids { try db.execute(sql: "DELETE FROM torrent WHERE id = ?", arguments: [id]) }
        }
        session.apply(.remove, to: targets, argument: deleteData ? 1 : 0)
        revision += 1
        for id in ids {
            guard let entry = entries.removeValue(forKey: id) else { continue }
            idByHash.removeValue(forKey: entry.hash)
            orderDirty = true
            removals.append((revision, id))
            history.record(.info, "remove", entry: entry, "removed \(entry.record.name)\(deleteData ? " and its data" : "")")
        }
        if removals.count > 100_000 {
            removals.removeFirst(50_000)
            oldestRemovalRevision = removals.first?.revision ?? revision
        }
    }

    func move(_ selector: TorrentSelector, to path: String) async throws -> [Int64] {
        let ids = try resolve(selector)
        let destination = path.expandingTilde
        guard destination.hasPrefix("/") else { throw EngineError.invalid("move needs an absolute path, not '\(path)'") }
        try Self.ensureWritable(destination)
        for hash in hashes(ids) {
            try await withCheckedThrowingContinuation { (c: CheckedContinuation<Void, Error>) in
                moveWaiters[hash] = c
                do { try session.moveStorage(hash, to: destination) } catch {
                    moveWaiters.removeValue(forKey: hash)?.resume(throwing: error)
                }
            }
        }
        return ids
    }

    func limit(_ request: Methods.Limit) async throws -> [Int64] {
        let ids = try resolve(request.selector)
        let targets = hashes(ids)
        for value in [request.download, request.upload].compactMap({ $0 }) where value < 0 || value > Int64(Int32.max) {
            throw EngineError.invalid("limit \(value) is out of range; use a rate such as 16M, or 0 for unlimited")
        }
        try await store.pool.write { db in
            for id in ids {
                if let d = request.download { try db.execute(sql: "UPDATE torrent SET download_limit = ? WHERE id = ?", arguments: [d, id]) }
                if let u = request.upload { try db.execute(sql: "UPDATE torrent SET upload_limit = ? WHERE id = ?", arguments: [u, id]) }
            }
        }
        if let d = request.download { session.apply(.setDownloadLimit, to: targets, argument: d) }
        if let u = request.upload { session.apply(.setUploadLimit, to: targets, argument: u) }
        revision += 1
        for id in ids {
            if let d = request.download { entries[id]?.record.downloadLimit = d }
            if let u = request.upload { entries[id]?.record.uploadLimit = u }
            entries[id]?.invalidate(revision: revision)
        }
        session.apply(.saveResume, to: targets)
        return ids
    }

    func edit(_ request: Methods.Edit) async throws -> [Int64] {
        let ids = try resolve(request.selector)
        if let category = request.category, !category.isEmpty, try await categoryRecord(category) == nil {
            throw EngineError.invalid("unknown category '\(category)'; create it with `category add \(category)`")
        }
        let tags = request.tags?.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if let tags, tags.contains(where: { $0.contains(",") }) { throw EngineError.invalid("a tag cannot contain a comma") }
        try await store.pool.write { db in
            for id in ids {
                if let c = request.category { try db.execute(sql: "UPDATE torrent SET category = ? WHERE id = ?", arguments: [c.isEmpty ? nil : c, id]) }
                if let tags { try db.execute(sql: "UPDATE torrent SET tags = ? WHERE id = ?", arguments: [tags.joined(separator: ","), id]) }
                if let s = request.sequential { try db.execute(sql: "UPDATE torrent SET sequential = ? WHERE id = ?", arguments: [s, id]) }
            }
        }
        if let s = request.sequential { session.apply(.setSequential, to: hashes(ids), argument: s ? 1 : 0) }
        revision += 1
        for id in ids {
            if let c = request.category { entries[id]?.record.category = c.isEmpty ? nil : c }
            if let tags { entries[id]?.record.tags = tags.joined(separator: ",") }
            if let s = request.sequential { entries[id]?.record.sequential = s }
            entries[id]?.invalidate(revision: revision)
        }
        return ids
    }

    func setFilePriority(_ request: Methods.FilePriority) throws -> [Int64] {
        guard (0...7).contains(request.priority) else { throw EngineError.invalid("priority \(request.priority) is out of range: 0 skips a file, 1 is low, 4 normal, 7 top") }
        let ids = try resolve(request.selector)
        guard ids.count == 1, let hash = entries[ids[0]]?.hash else {
            throw EngineError.invalid("file priorities need exactly one torrent (\(ids.count) matched)")
        }
        let detail = try session.detail(of: hash, files: true, peers: false, trackers: false, pieces: false)
        guard !detail.files.isEmpty else { throw EngineError.invalid("the torrent's metadata has not arrived yet; try again once it shows a size") }
        let indices = request.files.isEmpty ? Array(0..<detail.files.count) : request.files
        if let bad = indices.first(where: { $0 < 0 || $0 >= detail.files.count }) {
            throw EngineError.invalid("file \(bad) does not exist; `files \(ids[0])` lists indices 0 to \(detail.files.count - 1)")
        }
        try session.setFilePriorities(hash, indices.map { (Int32($0), UInt8(request.priority)) })
        session.apply(.saveResume, to: [hash])
        return ids
    }

    // MARK: Settings and rules

    /// The database cleared the category of its torrents (ON DELETE SET NULL); mirror that.
    func categoryRemoved(_ name: String) {
        revision += 1
        for entry in entries.values where entry.record.category == name {
            entry.record.category = nil
            entry.invalidate(revision: revision)
        }
    }

    func updateSettings(_ settings: Settings) async {
        self.settings = settings
        let categories = (try? await store.pool.read { try CategoryRecord.fetchAll($0) }) ?? []
        shareRules = ShareRules(settings: settings, categories: categories)
    }

    /// Runs the share rules over seeding torrents: ratio, seeding time, idle time.
    func enforceShareRules() async {
        var candidates: [InfoHash] = []
        for entry in entries.values where entry.record.shareDoneAt == nil {
            guard let status = entry.status, status.isFinished || status.isSeeding, !(status.paused && !status.autoManaged),
                  shareRules.hasLimits(category: entry.record.category) else { continue }
            candidates.append(entry.hash)
        }
        guard !candidates.isEmpty else { return }
        // libtorrent reports only torrents whose state changed; seeding and idle time of a
        // quiet seed are read fresh here rather than trusted from the last report.
        var fresh: [InfoHash: TorrentStatus] = [:]
        for status in (try? session.status(of: candidates)) ?? [] { fresh[status.hash] = status }
        var due: [(Int64, ShareRules.Decision)] = []
        for hash in candidates {
            guard let id = idByHash[hash], let entry = entries[id], let status = fresh[hash] ?? entry.status else { continue }
            entry.status = status
            if let decision = shareRules.decide(category: entry.record.category, ratio: entry.ratio,
                                                seedingSeconds: status.seedingSeconds,
                                                idleSeconds: status.secondsSinceUpload < 0 ? status.seedingSeconds : status.secondsSinceUpload) {
                due.append((id, decision))
            }
        }
        guard !due.isEmpty else { return }
        let now = Int64(Date().timeIntervalSince1970)
        for (id, decision) in due {
            guard let entry = entries[id] else { continue }
            let snapshot = entry.snapshot()
            history.record(.info, "share", entry: entry, "\(entry.record.name): \(decision.reason); \(decision.action.rawValue)")
            hooks.run(settings[.onSeedingDone], for: snapshot)
            switch decision.action {
            case .pause:
                entry.record.shareDoneAt = now
                try? await store.pool.write { try $0.execute(sql: "UPDATE torrent SET share_done_at = ? WHERE id = ?", arguments: [now, id]) }
                try? await setPausedRows([id], paused: true)
                session.apply(.pause, to: [entry.hash])
                session.apply(.saveResume, to: [entry.hash])
            case .remove, .removeData:
                try? await removeIds([id], deleteData: decision.action == .removeData)
            }
        }
    }

    // MARK: Resume data

    /// Asks libtorrent for resume data of every torrent that changed since its last save.
    func saveChangedResumeData() {
        let dirty = entries.values.filter { $0.resumeDirty || ($0.status?.needSaveResume ?? false) }.map(\.hash)
        session.apply(.saveResume, to: dirty)
    }

    func resumeSweepIfDue() {
        let interval = Double(max(10, settings.int(.resumeSaveInterval)))
        if Date().timeIntervalSince(lastResumeSweep) >= interval {
            lastResumeSweep = Date()
            saveChangedResumeData()
        }
    }

    /// For a graceful stop: saves changed resume data and waits for it to be written (bounded).
    func saveAllAndWait(timeout: Duration) async {
        if let statuses = try? session.status(of: []) {
            for status in statuses where status.needSaveResume {
                if let id = idByHash[status.hash] { entries[id]?.resumeDirty = true }
            }
        }
        let dirty = entries.values.filter { $0.resumeDirty || $0.record.resumeSavedAt == nil }.map(\.hash)
        guard !dirty.isEmpty else { return }
        logger.info("saving resume data of \(dirty.count) torrents")
        pendingResumeSaves.formUnion(dirty)
        session.apply(.saveResume, to: dirty)
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while !pendingResumeSaves.isEmpty, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(10))
        }
        if !pendingResumeSaves.isEmpty {
            logger.warning("\(pendingResumeSaves.count) torrents gave no resume data in time; they resume from their last save")
        }
    }

    // MARK: Figures

    var count: Int { entries.count }

    func stateCounts() -> [String: Int] {
        var counts: [String: Int] = [:]
        for entry in entries.values { counts[entry.state.rawValue, default: 0] += 1 }
        return counts
    }

    func totalRates() -> (down: Int64, up: Int64) {
        var down: Int64 = 0, up: Int64 = 0
        for entry in entries.values {
            down += entry.status?.downloadRate ?? 0
            up += entry.status?.uploadRate ?? 0
        }
        return (down, up)
    }

    func hasTorrent(_ hash: InfoHash) -> Bool { idByHash[hash] != nil }
}
