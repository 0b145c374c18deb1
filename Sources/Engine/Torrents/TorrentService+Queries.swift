import Foundation
import GRDB

extension TorrentService {
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

    func hashes(_ ids: [Int64]) -> [InfoHash] { ids.compactMap { entries[$0]?.hash } }

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
    func queueOrder() -> [Int64] {
        if orderDirty {
            orderedIds = entries.values
                .map { (position: $0.record.queuePosition ?? Int64.max, id: $0.id) }
                .sorted { ($0.position, $0.id) < ($1.position, $1.id) }
                .map(\.id)
            orderDirty = false
        }
        return orderedIds
    }

    func queueRank() -> [Int64: Int] {
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
        refreshStatus(of: entry)
        let detail = try session.detail(of: entry.hash, files: request.files, peers: request.peers,
                                        trackers: request.trackers, pieces: request.pieces)
        let source = try await store.pool.read { try String.fetchOne($0, sql: "SELECT source FROM torrent WHERE id = ?", arguments: [id]) }
        return .init(torrent: snapshot(id)!, detail: detail, source: source, lastTrackerMessage: entry.lastTrackerMessage)
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

extension TorrentService {
    /// Where every torrent's content lies (a file, or the folder of a multi-file torrent):
    /// the library never moves a file a torrent reads from.
    func contentPaths() -> [String] {
        entries.values.map { ($0.record.savePath as NSString).appendingPathComponent($0.record.name) }
    }
}
