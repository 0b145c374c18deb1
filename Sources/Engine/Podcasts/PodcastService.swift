import Foundation
import GRDB
import Logging

/// Podcast subscriptions: feeds read on a timer, new episodes downloaded into the podcasts
/// library as `Show/YYYY-MM-DD - Title.ext`, older downloads deleted by retention.
///
/// An actor so two refreshes of one podcast (the timer's and a user's) never interleave;
/// network and disk work run on threads of their own while it waits. Nothing is stored for a
/// feed that cannot be read, and a download reaches its name only when it is whole.
public actor PodcastService {
    let store: Store
    let history: History
    let logger: Logger
    let library: LibraryService
    /// Podcasts being refreshed (or removed) now; a second refresh waits for the first.
    var busy: Set<Int64> = []
    /// Who waits for each busy podcast, first come first served.
    var turnWaiters: [Int64: [CheckedContinuation<Void, Never>]] = [:]
    private var started = false
    private let createdAt = time(nil)
    private var refreshingDue = false

    /// Largest feed document read (some shows list every episode since 2005 with show notes).
    static let maxFeedBytes = 16 * 1024 * 1024
    /// Largest enclosure downloaded.
    static let maxEnclosureBytes: Int64 = 4 * 1024 * 1024 * 1024
    /// Episodes of the back catalogue downloaded when a podcast is added without `--keep`.
    static let defaultBacklog = 3
    /// Failed downloads are tried again at this many refreshes, then left failed.
    static let maxAttempts = 3

    init(store: Store, history: History, logger: Logger, library: LibraryService) {
        self.store = store
        self.history = history
        self.logger = logger
        self.library = library
    }

    static func now() -> Int64 { Int64(Date().timeIntervalSince1970) }

    // MARK: Subscriptions

    func add(_ request: Methods.PodcastAdd, interface: String?) async throws -> Methods.PodcastReport {
        let url = try Self.checkURL(request.feedURL)
        try Self.checkRetention(keep: request.keep, maxAge: request.maxAge)
        if let old = try await existing(url) {
            throw EngineError.invalid("already subscribed to \(HTTPFetcher.redacted(url)) as podcast #\(old.id ?? 0) (\(TerminalText.inert(old.title))); `podcast refresh \(old.id ?? 0)` fetches it again")
        }
        if request.download { _ = try await podcastsRoot() }
        let feed = try await fetchFeed(url, interface: interface)
        let now = Self.now()
        var record = PodcastRecord(feedURL: url, title: feed.title, folder: PodcastNaming.folder(feed.title), keep: request.keep,
                                   maxAge: request.maxAge, download: request.download, addedAt: now, refreshedAt: now)
        let backlog = request.keep ?? Self.defaultBacklog
        do {
            record = try await store.pool.write { [record] db in
                var r = record
                try r.insert(db)
                var taken = 0
                for e in feed.episodes {
                    var state: PodcastEpisode.State = .skipped
                    if e.enclosureProblem != nil {
                        state = .invalid
                    } else if r.download, taken < backlog, Self.young(e.publishedAt, maxAge: r.maxAge, now: now) {
                        state = .pending
                        taken += 1
                    }
                    var row = PodcastEpisode(podcastId: r.id!, e, state: state, now: now)
                    try row.insert(db, onConflict: .ignore)
                }
                return r
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            throw EngineError.invalid("already subscribed to \(HTTPFetcher.redacted(url)); `podcast list` shows it")
        }
        history.record(.info, "podcast", hash: nil, id: nil,
                       "podcast #\(record.id!) added: \(TerminalText.inert(feed.title)) (\(feed.episodes.count) episodes)")
        return try await process(record, new: feed.episodes.count, interface: interface)
    }

    func list() async throws -> [PodcastSummary] {
        let podcasts = try await store.pool.read { try PodcastRecord.order(Column("title").collating(.nocase), Column("id")).fetchAll($0) }
        var out: [PodcastSummary] = []
        for p in podcasts { out.append(try await summary(p)) }
        return out
    }

    func summary(_ p: PodcastRecord) async throws -> PodcastSummary {
        try await store.pool.read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT count(*), sum(state = 'downloaded'), sum(state = 'failed'), sum(CASE WHEN state = 'downloaded' THEN bytes ELSE 0 END)
                FROM podcast_episode WHERE podcast_id = ?
                """, arguments: [p.id])
            return PodcastSummary(podcast: p, episodes: row?[0] ?? 0, downloaded: row?[1] ?? 0, failed: row?[2] ?? 0, bytes: row?[3] ?? 0)
        }
    }

    func podcast(_ id: Int64) async throws -> PodcastRecord {
        guard let p = try await store.pool.read({ try PodcastRecord.fetchOne($0, key: id) }) else {
            throw EngineError.notFound("no podcast #\(id); `podcast list` shows them")
        }
        return p
    }

    func episodes(_ id: Int64) async throws -> [PodcastEpisode] {
        _ = try await podcast(id)
        return try await store.pool.read { db in
            try PodcastEpisode.filter(Column("podcast_id") == id)
                .order(sql: "published_at IS NULL, published_at DESC, id DESC").fetchAll(db)
        }
    }

    func remove(_ id: Int64, deleteFiles: Bool) async throws -> Methods.PodcastRemove.Result {
        let p = try await podcast(id)
        await waitTurn(id)
        defer { endTurn(id) }
        var deleted = 0
        if deleteFiles {
            let roots = try await podcastsRoots()
            for e in try await episodes(id) where e.state == .downloaded {
                if deleteOurs(e, roots: roots) == nil { deleted += 1 }
            }
        }
        _ = try await store.pool.write { try PodcastRecord.deleteOne($0, key: id) }
        history.record(.info, "podcast", hash: nil, id: nil, "podcast #\(id) removed: \(TerminalText.inert(p.title))"
                       + (deleteFiles ? " (\(deleted) downloads deleted)" : " (downloads kept)"))
        if deleted > 0, let folder = try? await showFolder(p, create: false) { _ = try? await library.startScan(path: folder, full: false) }
        return .init(title: p.title, deleted: deleted)
    }

    func edit(_ request: Methods.PodcastEdit, interface: String?) async throws -> Methods.PodcastReport {
        var p = try await podcast(request.id)
        if let keep = request.keep { p.keep = keep == 0 ? nil : keep }
        if let age = request.maxAge { p.maxAge = age == 0 ? nil : age }
        if let d = request.download { p.download = d }
        try Self.checkRetention(keep: p.keep, maxAge: p.maxAge)
        if p.download { _ = try await podcastsRoot() }
        try await store.pool.write { [p] in try p.update($0) }
        return try await process(p, new: 0, interface: interface)
    }

    func importOPML(_ request: Methods.PodcastImport, interface: String?) async throws -> [Methods.PodcastImport.Entry] {
        let doc = try OPMLDocument.parse(Data(request.opml.utf8), source: request.source)
        var out: [Methods.PodcastImport.Entry] = []
        for feed in doc.feeds {
            var entry = Methods.PodcastImport.Entry(url: HTTPFetcher.redacted(feed.url), title: feed.title, status: "failed")
            do {
                let url = try Self.checkURL(feed.url)
                if let old = try await existing(url) {
                    entry.status = "duplicate"
                    entry.id = old.id
                    entry.message = "already subscribed as podcast #\(old.id ?? 0)"
                } else {
                    let report = try await add(.init(feedURL: url, keep: request.keep, download: request.download), interface: interface)
                    entry.status = "added"
                    entry.id = report.podcast.podcast.id
                    entry.title = report.podcast.podcast.title
                    entry.message = report.errors.first
                }
            } catch let error as EngineError {
                entry.message = error.message
            }
            out.append(entry)
        }
        return out
    }

    // MARK: Timer

    /// Refreshes each podcast when its interval has passed; started once, runs for the engine's life.
    /// Clears downloads an earlier engine left half-written; once per engine.
    func start() async {
        guard !started else { return }
        started = true
        await sweepPartials(olderThan: createdAt)
    }

    /// Refreshes the feeds not fetched for `interval` seconds (0: never on a timer). The engine's
    /// timer calls it; a round still running makes the next call return at once.
    func refreshDue(interval: Int64, interface: String?) async {
        guard interval > 0, !refreshingDue else { return }
        refreshingDue = true
        defer { refreshingDue = false }
        let now = Self.now()
        let due = (try? await store.pool.read { db in
            try PodcastRecord.filter(sql: "refreshed_at IS NULL OR refreshed_at + ? <= ?", arguments: [interval, now]).fetchAll(db)
        }) ?? []
        for p in due { _ = try? await refresh(p, interface: interface) }
    }

    // MARK: Checks

    static func checkURL(_ raw: String) throws -> String {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let c = URLComponents(string: text), let scheme = c.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = c.host, !host.isEmpty else {
            throw EngineError.invalid("'\(TerminalText.inert(String(text.prefix(200))))' is not an http(s) feed URL")
        }
        return text
    }

    static func checkRetention(keep: Int?, maxAge: Int64?) throws {
        if let keep, keep < 1 { throw EngineError.invalid("--keep must be at least 1 (the newest episodes kept)") }
        if let maxAge, maxAge < 1 { throw EngineError.invalid("--max-age must be a duration such as 30d") }
    }

    /// Whether an episode is within `maxAge`; one without a date counts as new.
    static func young(_ published: Date?, maxAge: Int64?, now: Int64) -> Bool {
        guard let maxAge, let published else { return true }
        return Int64(published.timeIntervalSince1970) >= now - maxAge
    }

    static func young(_ published: Int64?, maxAge: Int64?, now: Int64) -> Bool {
        guard let maxAge, let published else { return true }
        return published >= now - maxAge
    }

    func existing(_ url: String) async throws -> PodcastRecord? {
        try await store.pool.read { try PodcastRecord.filter(sql: "feed_url = ? COLLATE NOCASE", arguments: [url]).fetchOne($0) }
    }

    /// Waits until no other refresh or removal of this podcast runs, then marks it busy.
    /// A waiter is resumed by `endTurn` the moment the one before it ends, not by polling.
    func waitTurn(_ id: Int64) async {
        guard busy.contains(id) else { busy.insert(id); return }
        await withCheckedContinuation { turnWaiters[id, default: []].append($0) }
        // `endTurn` handed the podcast over: it stays busy, now for this caller.
    }

    /// Ends this caller's turn: the next waiter (if any) gets the podcast, else it is free.
    func endTurn(_ id: Int64) {
        if var waiting = turnWaiters[id], !waiting.isEmpty {
            let next = waiting.removeFirst()
            turnWaiters[id] = waiting.isEmpty ? nil : waiting
            next.resume()
        } else {
            busy.remove(id)
        }
    }
}
