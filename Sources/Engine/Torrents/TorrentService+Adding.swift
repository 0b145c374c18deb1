import Foundation
import GRDB

extension TorrentService {
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

    func resolveSavePath(_ explicit: String?, category: String?) async throws -> String {
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

    func categoryRecord(_ name: String) async throws -> CategoryRecord? {
        try await store.pool.read { try CategoryRecord.fetchOne($0, key: name) }
    }
}
