import Foundation
import GRDB

extension TorrentService {
    // MARK: Adding

    /// A torrent checked and ready to be stored and handed to libtorrent.
    struct PreparedAdd: Sendable {
        var options: LibtorrentSession.AddOptions
        var meta: LibtorrentSession.Meta
        var record: TorrentRecord
    }

    /// Why an add was refused, for callers that act on the cause: a grab blocklists a release
    /// only when its torrent is bad, and takes over a torrent that is in the client already.
    struct AddRefusal: Error {
        enum Cause: Sendable, Equatable {
            /// The metadata, the magnet or the link cannot be read: trying again cannot help.
            case torrent
            /// The same info-hash is in the client already, as this torrent.
            case alreadyAdded(Int64)
            /// The link's server says the torrent is gone (HTTP 404 or 410): this one cannot be had,
            /// but nothing is wrong with it either.
            case gone
            /// The link's server says too many downloads (HTTP 429): its quota is used up for now.
            case limited
            /// Something else: room, save path, network, libtorrent, the database.
            case elsewhere
        }
        let error: EngineError
        let cause: Cause

        init(_ error: Error, cause: Cause = .elsewhere) {
            if let refusal = error as? AddRefusal {
                self = refusal
                return
            }
            self.error = TorrentService.engineError(error)
            self.cause = cause
        }
    }

    func add(_ request: Methods.Add) async throws -> TorrentSnapshot {
        do {
            return try await addExplained(request)
        } catch {
            throw error.error
        }
    }

    /// `add`, with the cause of a refusal.
    func addExplained(_ request: Methods.Add) async throws(AddRefusal) -> TorrentSnapshot {
        try await addManyExplained([request])[0].get()
    }

    /// Adds many torrents with one transaction and all libtorrent adds in flight at once;
    /// each request succeeds or fails on its own.
    func addMany(_ requests: [Methods.Add]) async -> [Result<TorrentSnapshot, EngineError>] {
        await addManyExplained(requests).map { $0.mapError(\.error) }
    }

    private func addManyExplained(_ requests: [Methods.Add]) async -> [Result<TorrentSnapshot, AddRefusal>] {
        var results = [Result<TorrentSnapshot, AddRefusal>?](repeating: nil, count: requests.count)
        var prepared: [(index: Int, add: PreparedAdd)] = []
        var seen = Set<InfoHash>()
        for (index, request) in requests.enumerated() {
            do {
                let p = try await prepare(request)
                guard seen.insert(p.meta.hash).inserted else {
                    throw EngineError.invalid("\(request.origin ?? p.meta.name) is given twice in one add")
                }
                prepared.append((index, p))
            } catch {
                results[index] = .failure(AddRefusal(error))
            }
        }
        guard !prepared.isEmpty else { return results.map { $0! } }

        let drafts = prepared.map(\.add.record)
        let stored: [TorrentRecord]
        do {
            stored = try await store.pool.write { db in
                try drafts.map { draft -> TorrentRecord in
                    var r = draft
                    try r.insert(db)
                    return r
                }
            }
        } catch {
            for p in prepared { results[p.index] = .failure(AddRefusal(error)) }
            return results.map { $0! }
        }
        revision += 1
        var ids: [Int64] = []
        for (record, p) in zip(stored, prepared) {
            var r = record
            r.torrentFile = nil
            let id = r.id ?? 0
            ids.append(id)
            entries[id] = TorrentEntry(record: r, hash: p.add.meta.hash, revision: revision)
            idByHash[p.add.meta.hash] = id
        }
        orderDirty = true

        let outcomes = await withTaskGroup(of: (Int, EngineError?).self) { group -> [Int: EngineError?] in
            for (slot, p) in prepared.enumerated() {
                let hash = p.add.meta.hash, options = p.add.options
                group.addTask {
                    do { try await self.startAdd(hash, options); return (slot, nil) } catch { return (slot, Self.engineError(error)) }
                }
            }
            var out: [Int: EngineError?] = [:]
            for await (slot, error) in group { out[slot] = error }
            return out
        }

        var failedIds: [Int64] = []
        var added: [(slot: Int, hash: InfoHash)] = []
        for (slot, p) in prepared.enumerated() {
            if let failure = outcomes[slot] ?? nil {
                results[p.index] = .failure(AddRefusal(failure))
                failedIds.append(ids[slot])
                entries.removeValue(forKey: ids[slot])
                idByHash.removeValue(forKey: p.add.meta.hash)
            } else {
                added.append((slot, p.add.meta.hash))
            }
        }
        if !failedIds.isEmpty {
            let doomed = failedIds
            try? await store.pool.write { db in
                for id in doomed { try db.execute(sql: "DELETE FROM torrent WHERE id = ?", arguments: [id]) }
            }
        }
        let hashes = added.map(\.hash)
        session.apply(.saveResume, to: hashes)
        var fresh: [InfoHash: TorrentStatus] = [:]
        for status in (try? session.status(of: hashes)) ?? [] { fresh[status.hash] = status }
        for (slot, hash) in added {
            guard let entry = entries[ids[slot]] else { continue }
            if let status = fresh[hash] { entry.status = status; entry.invalidate(revision: revision) }
            history.record(.info, "add", entry: entry, "added \(entry.record.name)")
            let snapshot = entry.snapshot()
            hooks.run(settings[.onAdd], for: snapshot)
            results[prepared[slot].index] = .success(snapshot)
        }
        return results.map { $0! }
    }

    /// Queues one libtorrent add and waits for its alert.
    func startAdd(_ hash: InfoHash, _ options: LibtorrentSession.AddOptions) async throws {
        try await withCheckedThrowingContinuation { (c: CheckedContinuation<Void, Error>) in
            addWaiters[hash] = c
            do { try session.add(options) } catch {
                addWaiters.removeValue(forKey: hash)?.resume(throwing: error)
            }
        }
    }

    static func engineError(_ error: Error) -> EngineError {
        if let e = error as? EngineError { return e }
        return .failed("\(error)")
    }

    /// Reads and checks one request: source, metadata, duplicates, category, save path, room.
    func prepare(_ request: Methods.Add) async throws -> PreparedAdd {
        var options = LibtorrentSession.AddOptions()
        var source = request.origin
        // A body fetched from a link that is not bencoded (a login page, a rate-limit notice) says
        // nothing about the release: only a .torrent that fails to read is the torrent's fault.
        var fetchedNonTorrent = false
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
            let link: HTTPFetcher.TorrentLink
            do {
                link = try await HTTPFetcher.fetchTorrent(url: url, interface: iface.isEmpty ? nil : iface)
            } catch let error as EngineError {
                // A link that is not http(s) is the release's fault; a server that did not answer is not.
                if case .invalid = error { throw AddRefusal(error, cause: .torrent) }
                throw error
            } catch let refused as HTTPFetcher.LinkStatusError {
                // An HTTP error is a failure (exit 1) to a person adding a link; the cause tells a grab more.
                let cause: AddRefusal.Cause = switch refused.meaning {
                case .gone: .gone
                case .limited: .limited
                case .failing: .elsewhere
                }
                throw AddRefusal(EngineError.failed(refused.message), cause: cause)
            }
            switch link {
            case .file(let data):
                options.torrentFile = data
                source = HTTPFetcher.redacted(url)
                fetchedNonTorrent = data.first != UInt8(ascii: "d")
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
            throw AddRefusal(EngineError.invalid("\(request.origin ?? "input"): \(error.message)"), cause: fetchedNonTorrent ? .elsewhere : .torrent)
        }
        if let existing = idByHash[meta.hash], let entry = entries[existing] {
            throw AddRefusal(EngineError.invalid("already added as #\(existing) (\(entry.record.name)); remove it first to add it again"),
                             cause: .alreadyAdded(existing))
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
        let record = TorrentRecord(
            id: nil, infoHash: meta.hash.hex, name: meta.name.isEmpty ? meta.hash.hex : meta.name, savePath: savePath,
            category: (request.category?.isEmpty ?? true) ? nil : request.category, tags: request.tags.joined(separator: ","),
            source: source, torrentFile: options.torrentFile, resumeData: nil,
            addedAt: Int64(Date().timeIntervalSince1970), completedAt: nil, shareDoneAt: nil,
            paused: request.paused, sequential: request.sequential, downloadLimit: 0, uploadLimit: 0,
            queuePosition: nil, resumeSavedAt: nil)
        return PreparedAdd(options: options, meta: meta, record: record)
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
              let free = DiskSpace.free(at: savePath),
              free < meta.totalSize else { return }
        throw EngineError.invalid("not enough free space in \(savePath): \(meta.name) needs \(Units.formatBytes(meta.totalSize)), \(Units.formatBytes(free)) is free; free some space or choose another --save-path")
    }

    func categoryRecord(_ name: String) async throws -> CategoryRecord? {
        try await store.pool.read { try CategoryRecord.fetchOne($0, key: name) }
    }
}
