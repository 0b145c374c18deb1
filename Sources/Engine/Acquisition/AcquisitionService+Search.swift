import Foundation
import GRDB

extension AcquisitionService {
    /// Searches the enabled indexers in parallel and judges every release.
    ///
    /// Each indexer gets an outcome: `ok` with its count, `failed` with the message that also
    /// went to its health and the events, or `skipped` (resting after failures, or carrying no
    /// category of this kind). Releases of a failed indexer are dropped whole, even when an
    /// earlier page came back.
    func search(_ request: Methods.Search, interface: String?) async throws -> Methods.Search.Result {
        guard (1...5).contains(request.pages) else { throw EngineError.invalid("--pages must be 1 to 5") }
        if let limit = request.query.limit, limit < 1 { throw EngineError.invalid("--limit must be at least 1") }
        guard request.query.offset >= 0 else { throw EngineError.invalid("--offset cannot be negative") }
        let profile = try await profile(named: request.profile, kind: request.type?.releaseKind ?? .unknown)
        var all = try await store.pool.read { try IndexerRecord.order(Column("priority"), Column("name")).fetchAll($0) }
        if let names = request.indexers, !names.isEmpty {
            let wanted = Set(names.map { $0.lowercased() })
            for n in names where !all.contains(where: { $0.name.lowercased() == n.lowercased() }) {
                throw EngineError.notFound("no indexer named \(n); `indexer list` shows them")
            }
            all = all.filter { wanted.contains($0.name.lowercased()) }
        } else {
            all = all.filter(\.enabled)
        }
        guard !all.isEmpty else {
            throw EngineError.invalid("no enabled indexer to search; add one with `indexer add NAME URL --apikey KEY`")
        }

        let (final, releases) = try await ask(all, request: request, interface: interface)
        let target = SearchTarget(type: request.type, title: request.query.text, year: request.query.year,
                                  season: request.query.season, episode: request.query.episode, strict: false)
        let keys = try await historyKeys()
        let context = DecisionContext(profile: profile, target: target, blocklist: keys.blocklist, grabbed: keys.grabbed,
                                      unavailable: keys.unavailable)
        let decided = decisions.decide(releases, context: context)
        lastSearch = decided
        lastSearchType = request.type
        return .init(profile: profile.name, outcomes: final, releases: decided)
    }

    /// One indexer's pages, outside the actor; health is written by the caller.
    nonisolated func searchOne(_ record: IndexerRecord, request: Methods.Search, transport: any IndexerTransport, now: Int64)
        async -> (IndexerRecord, Methods.Search.Outcome, [IndexerRelease], IndexerError?) {
        let started = ContinuousClock.now
        var outcome = Methods.Search.Outcome(indexer: record.name, status: "ok", releases: 0, message: nil, dropped: [],
                                             function: nil, elapsedMs: 0)
        if record.isBackingOff(now: now), request.indexers == nil {
            let until = Date(timeIntervalSince1970: Double(record.backoffUntil ?? now))
            outcome.status = "skipped"
            outcome.message = "indexer \(record.name) is resting until \(Self.clock(until)) after: \(record.lastError ?? "a failure"); `indexer test \(record.name)` retries now"
            return (record, outcome, [], nil)
        }
        guard let categories = request.query.categories(configured: record.categories) else {
            outcome.status = "skipped"
            outcome.message = "indexer \(record.name) carries no \(request.type?.rawValue ?? "such") category (its categories: \(record.categories.map(String.init).joined(separator: ",")))"
            return (record, outcome, [], nil)
        }
        let client = IndexerClient(record: record, transport: transport)
        outcome.function = request.query.effectiveFunction(record.caps).rawValue
        var query = request.query
        var found: [IndexerRelease] = []
        do {
            for _ in 0..<request.pages {
                await limiter.waitTurn(indexer: record.id ?? 0, intervalMs: record.minIntervalMs)
                let feed = try await client.search(query, categories: categories)
                found += feed.releases
                outcome.dropped += feed.dropped.map(record.apiKey.scrub)
                let pageSize = min(query.limit ?? record.caps.limitDefault ?? 100, record.caps.limitMax ?? 100)
                query.offset += feed.itemCount
                if feed.itemCount < pageSize || feed.itemCount == 0 { break }
                if let total = feed.total, query.offset >= total { break }
            }
        } catch let error as IndexerError {
            outcome.status = "failed"
            outcome.elapsedMs = Self.milliseconds(since: started)
            return (record, outcome, [], error)
        } catch {
            outcome.status = "failed"
            outcome.elapsedMs = Self.milliseconds(since: started)
            return (record, outcome, [], .network("\(error)"))
        }
        outcome.releases = found.count
        outcome.elapsedMs = Self.milliseconds(since: started)
        return (record, outcome, found, nil)
    }

    /// The keys a stored release is known by, as `BlocklistSpecification.keys` makes them for a
    /// new one: info-hash, guid and lowercased title.
    static func releaseKeys(_ row: Row) -> [String] {
        [row["info_hash"] as String?, row["guid"] as String?, (row["title"] as String?)?.lowercased()].compactMap { $0 }
    }

    /// What the history says of releases, by identity, for the decisions of a search or sync.
    struct HistoryKeys {
        /// Blocklisted, with their reasons.
        var blocklist: [String: String]
        /// Grabbed. A failed grab (its import failed, or it stalled) is not "grabbed": every
        /// failure blocklists its release, so the blocklist alone keeps it from coming back, and
        /// `blocklist remove` is then all it takes to let it be grabbed again. Grabs that are
        /// downloading or imported stay grabbed for good.
        var grabbed: Set<String>
        /// Links found gone a short while ago, with why (see `GoneLinks`).
        var unavailable: [String: String]
    }

    func historyKeys() async throws -> HistoryKeys {
        let unavailable = goneLinks.current(now: Self.now())
        let (blocklist, grabbed) = try await store.pool.read { db in
            var blocked: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT title, guid, info_hash, reason FROM blocklist") {
                let reason: String = row["reason"]
                for key in Self.releaseKeys(row) { blocked[key] = reason }
            }
            var grabbed = Set<String>()
            for row in try Row.fetchAll(db, sql: "SELECT title, guid, info_hash FROM grab_history WHERE state != 'failed'") {
                grabbed.formUnion(Self.releaseKeys(row))
            }
            return (blocked, grabbed)
        }
        return HistoryKeys(blocklist: blocklist, grabbed: grabbed, unavailable: unavailable)
    }

    static func clock(_ date: Date) -> String {
        let f = DateFormatter()
        f.dateFormat = "yyyy-MM-dd HH:mm"
        return f.string(from: date)
    }
}
