import Foundation
import GRDB
import Logging

/// Acquisition: indexers, searches across them, wanted items and quality profiles.
///
/// An actor so indexer health (failures, back-off) is read and written in one order; the
/// network work itself runs outside it, indexers in parallel, each spaced by its own rate
/// limit. State changes only after a whole answer is read: a failing indexer records its
/// failure and nothing else. Keys are scrubbed from every message before it is returned,
/// recorded as an event or logged.
public actor AcquisitionService {
    let store: Store
    let history: History
    let logger: Logger
    let limiter = IndexerRateLimiter()
    let decisions = DecisionEngine()
    /// Replaces libcurl in tests; nil uses `CurlIndexerTransport` bound to the engine's interface.
    var transportOverride: (any IndexerTransport)?
    /// The torrent service, library and settings grabs and imports use; set by `attach`.
    var links: AcquisitionLinks?
    /// The last `search`'s judged releases (secrets intact), which `grab N` picks from by rank.
    var lastSearch: [Decision] = []
    var lastSearchType: WantedType?
    /// Bytes and time of last progress per grabbed download, for the stalled-grab sweep.
    var stallClock = StallClock()
    var goneLinks = GoneLinks()
    /// What the Wanted screen's poll compares (see `watchWanted`).
    let wantedRevision: WantedRevision
    /// Torrents whose completion is being imported: a grab that finishes at once is reported
    /// both by the grab and by the torrent service, and must be imported (or failed) once.
    var importing = Set<Int64>()
    /// Torrents this service is removing itself (stalled grabs), which record their own outcome.
    var removingOwn = Set<Int64>()

    init(store: Store, history: History, logger: Logger, transport: (any IndexerTransport)? = nil) {
        self.store = store
        self.history = history
        self.logger = logger
        transportOverride = transport
        wantedRevision = WantedRevision(observing: store.pool)
    }

    /// Connects grabs and imports to the engine; called once when the routes are registered.
    func attach(_ links: AcquisitionLinks) { self.links = links }

    func transport(interface: String?) -> any IndexerTransport {
        transportOverride ?? CurlIndexerTransport(interface: interface.flatMap { $0.isEmpty ? nil : $0 })
    }

    static func now() -> Int64 { Int64(Date().timeIntervalSince1970) }

    // MARK: Indexers

    func addIndexer(_ request: Methods.IndexerAdd, interface: String?) async throws -> IndexerSummary {
        let name = try Self.checkName(request.name)
        var key = request.apiKey.trimmingCharacters(in: .whitespacesAndNewlines)
        let url = try Self.endpoint(request.url, extractedKey: &key)
        guard !key.isEmpty else { throw EngineError.invalid("indexer \(name) needs an API key: give --apikey KEY (Prowlarr and Jackett show it in their settings)") }
        let priority = request.priority ?? 25
        guard (1...50).contains(priority) else { throw EngineError.invalid("--priority must be 1 (first) to 50 (last), not \(priority)") }
        guard request.categories.allSatisfy({ $0 > 0 }) else { throw EngineError.invalid("--categories are positive Newznab ids such as 5000,5040") }
        let interval = request.minIntervalMs ?? 2000
        guard (0...3_600_000).contains(interval) else { throw EngineError.invalid("the interval between requests must be 0 to 3600 s") }
        if try await store.pool.read({ try IndexerRecord.filter(sql: "name = ? COLLATE NOCASE", arguments: [name]).fetchCount($0) }) > 0 {
            throw EngineError.invalid("an indexer named \(name) exists; `indexer remove \(name)` first, or pick another name")
        }
        var record = IndexerRecord(name: name, kind: request.kind, url: url, apiKey: APIKey(key), categories: request.categories,
                                   priority: priority, minIntervalMs: interval, addedAt: Self.now())
        // Nothing is stored unless caps come back: an indexer that cannot answer them is not added.
        let client = IndexerClient(record: record, transport: transport(interface: interface))
        do {
            record.caps = try await client.caps()
        } catch let error as IndexerError {
            let message = record.apiKey.scrub(error.message(indexer: name))
            logger.info("indexer \(name) not added: \(message)")
            throw error.engineError(indexer: name).replacingMessage(message)
        }
        IndexerHealth.recordSuccess(&record, now: Self.now())
        let saved = record
        record = try await store.pool.write { db in
            var r = saved
            try r.insert(db)
            return r
        }
        history.record(.info, "indexer", hash: nil, id: nil,
                       "indexer \(name) added (\(record.kind.rawValue), \(HTTPFetcher.redacted(url))): \(record.caps.summary)")
        return IndexerSummary(record, now: Self.now())
    }

    func listIndexers() async throws -> [IndexerSummary] {
        let now = Self.now()
        return try await store.pool.read { try IndexerRecord.order(Column("priority"), Column("name")).fetchAll($0) }
            .map { IndexerSummary($0, now: now) }
    }

    func indexer(named name: String) async throws -> IndexerRecord {
        guard let r = try await store.pool.read({ try IndexerRecord.filter(sql: "name = ? COLLATE NOCASE", arguments: [name]).fetchOne($0) }) else {
            throw EngineError.notFound("no indexer named \(name); `indexer list` shows them")
        }
        return r
    }

    func removeIndexer(named name: String) async throws {
        let r = try await indexer(named: name)
        _ = try await store.pool.write { try IndexerRecord.deleteOne($0, key: r.id) }
        if let id = r.id { await limiter.forget(id) }
        history.record(.info, "indexer", hash: nil, id: nil, "indexer \(r.name) removed")
    }

    func setEnabled(_ name: String, _ enabled: Bool) async throws -> IndexerSummary {
        var r = try await indexer(named: name)
        r.enabled = enabled
        if enabled { r.backoffUntil = nil; r.failures = 0 }
        let saved = r
        try await store.pool.write { try saved.update($0) }
        history.record(.info, "indexer", hash: nil, id: nil, "indexer \(r.name) \(enabled ? "enabled" : "disabled")")
        return IndexerSummary(r, now: Self.now())
    }

    /// Caps again, then one small search; ignores a back-off and ends it on success.
    func testIndexer(named name: String, interface: String?) async throws -> Methods.IndexerTest.Result {
        var record = try await indexer(named: name)
        let started = ContinuousClock.now
        var client = IndexerClient(record: record, transport: transport(interface: interface))
        do {
            await limiter.waitTurn(indexer: record.id ?? 0, intervalMs: record.minIntervalMs)
            let caps = try await client.caps()
            client.record.caps = caps
            var query = IndexerQuery(function: .search)
            query.limit = 10
            await limiter.waitTurn(indexer: record.id ?? 0, intervalMs: record.minIntervalMs)
            let feed = try await client.search(query, categories: record.categories)
            record.caps = caps
            IndexerHealth.recordSuccess(&record, now: Self.now())
            try await save(health: record, caps: true)
            return .init(indexer: IndexerSummary(record, now: Self.now()), releases: feed.releases.count,
                         dropped: feed.dropped.map(record.apiKey.scrub), elapsedMs: Self.milliseconds(since: started))
        } catch let error as IndexerError {
            let message = try await recordFailure(&record, error)
            throw error.engineError(indexer: record.name).replacingMessage(message)
        }
    }

    /// Writes a failure with its back-off and says so in the events; returns the scrubbed message.
    func recordFailure(_ record: inout IndexerRecord, _ error: IndexerError) async throws -> String {
        let message = record.apiKey.scrub(error.message(indexer: record.name))
        IndexerHealth.recordFailure(&record, error: error, message: message, now: Self.now())
        try await save(health: record, caps: false)
        let rest = Units.formatDuration((record.backoffUntil ?? 0) - Self.now())
        history.record(.warning, "indexer", hash: nil, id: nil, "\(message) (resting \(rest))")
        return message
    }

    /// Writes health columns only (and caps when asked), so a concurrent edit of other fields is kept.
    func save(health r: IndexerRecord, caps: Bool) async throws {
        let capsJSON = caps ? String(decoding: try JSONEncoder().encode(r.caps), as: UTF8.self) : nil
        try await store.pool.write { db in
            try db.execute(sql: """
                UPDATE indexer SET failures = ?, backoff_until = ?, last_error = ?, last_ok_at = ?, last_failure_at = ?,
                caps_json = coalesce(?, caps_json) WHERE id = ?
                """, arguments: [r.failures, r.backoffUntil, r.lastError, r.lastOkAt, r.lastFailureAt, capsJSON, r.id])
        }
    }

    static func milliseconds(since start: ContinuousClock.Instant) -> Int64 {
        let d = ContinuousClock.now - start
        return d.components.seconds * 1000 + d.components.attoseconds / 1_000_000_000_000_000
    }

    // MARK: Validation

    static func checkName(_ raw: String) throws -> String {
        let name = raw.trimmingCharacters(in: .whitespaces)
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")
        guard !name.isEmpty, name.count <= 64, name.unicodeScalars.allSatisfy(allowed.contains) else {
            throw EngineError.invalid("an indexer name is 1–64 letters, digits, '-', '_' or '.', not '\(IndexerError.clean(raw))'")
        }
        return name
    }

    /// The API endpoint for what a user pasted: http(s) only; `/api` appended unless the path
    /// already ends in it; an `apikey` in the query moves into the key (and out of the URL).
    static func endpoint(_ raw: String, extractedKey key: inout String) throws -> String {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard var c = URLComponents(string: text), let scheme = c.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = c.host, !host.isEmpty else {
            throw EngineError.invalid("'\(HTTPFetcher.redacted(text))' is not an http(s) URL; give the Torznab/Newznab URL from Prowlarr or Jackett")
        }
        if let items = c.queryItems {
            if let k = items.first(where: { $0.name.lowercased() == "apikey" })?.value, key.isEmpty { key = k }
            let rest = items.filter { $0.name.lowercased() != "apikey" && $0.name.lowercased() != "t" }
            c.queryItems = rest.isEmpty ? nil : rest
        }
        c.fragment = nil
        var path = c.path
        while path.hasSuffix("/") { path.removeLast() }
        if !path.lowercased().hasSuffix("/api") { path += "/api" }
        c.path = path
        guard let url = c.string else { throw EngineError.invalid("'\(HTTPFetcher.redacted(text))' is not a usable URL") }
        return url
    }
}

extension EngineError {
    /// The same kind of error with another message (the key scrubbed from it).
    func replacingMessage(_ text: String) -> EngineError { EngineError(code: code, message: text) }
}
