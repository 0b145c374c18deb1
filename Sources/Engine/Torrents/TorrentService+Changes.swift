import Foundation
import GRDB

extension TorrentService {
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

    func sortedByQueue(_ hashes: [InfoHash], descending: Bool) -> [InfoHash] {
        hashes.sorted {
            let a = entries[idByHash[$0] ?? 0]?.status?.queuePosition ?? Int.max
            let b = entries[idByHash[$1] ?? 0]?.status?.queuePosition ?? Int.max
            return descending ? a > b : a < b
        }
    }

    func setPausedRows(_ ids: [Int64], paused: Bool) async throws {
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
        // Each observer in its own task, as completions are: a slow import in acquisition must
        // never hold up `remove` here.
        for observer in removalObservers { Task { await observer(ids) } }
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
}
