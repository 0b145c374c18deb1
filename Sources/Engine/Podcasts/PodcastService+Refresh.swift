import Foundation
import GRDB

extension PodcastService {
    /// Refreshes one podcast, or all of them; for all, a failing feed is reported, not thrown.
    func refresh(id: Int64?, interface: String?) async throws -> [Methods.PodcastReport] {
        if let id { return [try await refresh(try await podcast(id), interface: interface)] }
        let all = try await store.pool.read { try PodcastRecord.order(Column("id")).fetchAll($0) }
        var out: [Methods.PodcastReport] = []
        for p in all {
            do {
                out.append(try await refresh(p, interface: interface))
            } catch let error as EngineError {
                let latest = (try? await podcast(p.id!)) ?? p
                var summary = try await summary(latest)
                summary.podcast.lastError = error.message
                out.append(.init(podcast: summary, new: 0, downloaded: 0, removed: 0, failed: 0, errors: [error.message]))
            }
        }
        return out
    }

    /// Reads the feed, records episodes not seen before, downloads and applies retention.
    /// A feed that fails leaves every episode as it was and records the error on the podcast.
    func refresh(_ p: PodcastRecord, interface: String?) async throws -> Methods.PodcastReport {
        let id = p.id!
        await waitTurn(id)
        defer { endTurn(id) }
        let feed: PodcastFeed
        do {
            feed = try await fetchFeed(p.feedURL, interface: interface)
        } catch let error as EngineError {
            let now = Self.now()
            try? await store.pool.write { db in
                try db.execute(sql: "UPDATE podcast SET refreshed_at = ?, last_error = ? WHERE id = ?", arguments: [now, error.message, id])
            }
            history.record(.warning, "podcast", hash: nil, id: nil, "podcast #\(id) not refreshed: \(error.message)")
            throw error
        }
        let now = Self.now()
        let new = try await store.pool.write { db -> Int in
            guard let current = try PodcastRecord.fetchOne(db, key: id) else { return 0 }
            let known = Set(try String.fetchAll(db, sql: "SELECT guid FROM podcast_episode WHERE podcast_id = ?", arguments: [id]))
            var added = 0
            for e in feed.episodes where !known.contains(e.guid) {
                let state: PodcastEpisode.State = e.enclosureProblem != nil ? .invalid : (current.download ? .pending : .skipped)
                var row = PodcastEpisode(podcastId: id, e, state: state, now: now)
                try row.insert(db, onConflict: .ignore)
                added += 1
            }
            try db.execute(sql: "UPDATE podcast SET refreshed_at = ?, last_error = NULL WHERE id = ?", arguments: [now, id])
            return added
        }
        if new > 0 { history.record(.info, "podcast", hash: nil, id: nil, "podcast #\(id) \(TerminalText.inert(p.title)): \(new) new episodes") }
        return try await process(try await podcast(id), new: new, interface: interface, locked: true)
    }

    /// Downloads what is pending within retention, deletes what retention drops, rescans the show.
    func process(_ p: PodcastRecord, new: Int, interface: String?, locked: Bool = false) async throws -> Methods.PodcastReport {
        let id = p.id!
        if !locked { await waitTurn(id) }
        defer { if !locked { endTurn(id) } }
        let now = Self.now()
        var downloaded = 0, removed = 0, failed = 0
        var errors: [String] = []
        let plan = try await store.pool.write { db -> [PodcastEpisode] in
            let rows = try PodcastEpisode.filter(Column("podcast_id") == id)
                .filter(sql: "state IN ('pending', 'downloaded') OR (state = 'failed' AND attempts < ?)", arguments: [Self.maxAttempts])
                .order(sql: "published_at IS NULL, published_at DESC, id DESC").fetchAll(db)
            var slots = p.keep ?? Int.max
            var fetch: [PodcastEpisode] = []
            for var e in rows {
                let wanted = p.download || e.state == .downloaded
                if wanted, slots > 0, Self.young(e.publishedAt, maxAge: p.maxAge, now: now) {
                    slots -= 1
                    if e.state != .downloaded { fetch.append(e) }
                } else if e.state != .downloaded {
                    // Out of retention before it was ever fetched: never downloaded.
                    e.state = .skipped
                    try e.update(db)
                }
            }
            return fetch
        }
        var folder: String?
        for var e in plan {
            do {
                // The show's folder is found (and made) once per refresh, not once per episode.
                let dir: String
                if let folder { dir = folder } else { dir = try await showFolder(p, create: true) }
                folder = dir
                let (path, bytes) = try await download(e, into: dir, interface: interface)
                e.state = .downloaded
                e.path = path
                e.bytes = bytes
                e.error = nil
                e.downloadedAt = Self.now()
                downloaded += 1
            } catch let error as EngineError {
                e.state = .failed
                e.attempts += 1
                e.error = error.message
                failed += 1
                errors.append("\(TerminalText.inert(e.title)): \(error.message)")
                history.record(.warning, "podcast", hash: nil, id: nil, "podcast #\(id) episode not downloaded: \(error.message)")
            }
            try await store.pool.write { [e] in try e.update($0) }
        }
        removed = try await applyRetention(p, now: now)
        if downloaded + removed > 0 {
            if downloaded > 0 {
                history.record(.info, "podcast", hash: nil, id: nil, "podcast #\(id) \(TerminalText.inert(p.title)): \(downloaded) episodes downloaded")
            }
            var dir = folder
            if dir == nil { dir = try? await showFolder(p, create: false) }
            if let dir {
                do { _ = try await library.startScan(path: dir, full: false) } catch let error as EngineError {
                    errors.append(error.message)
                }
            }
        }
        return .init(podcast: try await summary(try await podcast(id)), new: new, downloaded: downloaded, removed: removed,
                     failed: failed, errors: errors)
    }

    /// Deletes downloads beyond `keep` (newest kept) or older than `maxAge`; returns how many.
    func applyRetention(_ p: PodcastRecord, now: Int64) async throws -> Int {
        guard p.keep != nil || p.maxAge != nil else { return 0 }
        let downloaded = try await store.pool.read { db in
            try PodcastEpisode.filter(Column("podcast_id") == p.id! && Column("state") == PodcastEpisode.State.downloaded.rawValue)
                .order(sql: "published_at IS NULL, published_at DESC, id DESC").fetchAll(db)
        }
        var removed = 0
        let roots = try await podcastsRoots()
        for (i, var e) in downloaded.enumerated() where i >= (p.keep ?? Int.max) || !Self.young(e.publishedAt, maxAge: p.maxAge, now: now) {
            let kept = deleteOurs(e, roots: roots)
            e.state = .removed
            e.error = kept
            try await store.pool.write { [e] in try e.update($0) }
            if kept == nil { removed += 1 }
            history.record(.info, "podcast", hash: nil, id: nil, "podcast #\(p.id!) retention: "
                           + (kept.map { "kept \(TerminalText.inert(e.path ?? "")): \($0)" } ?? "deleted \(TerminalText.inert(e.path ?? e.title))"))
        }
        return removed
    }

    /// Deletes an episode's download if it is still the file this engine wrote: inside a
    /// podcasts library, a regular file of the recorded size. Returns why it was kept, or nil.
    func deleteOurs(_ e: PodcastEpisode, roots: [String]) -> String? {
        guard let path = e.path, let bytes = e.bytes else { return "no download recorded" }
        guard roots.contains(where: { path.hasPrefix($0 + "/") }), !path.contains("/../") else { return "not inside a podcasts library" }
        var st = stat()
        guard lstat(path, &st) == 0 else { return nil }   // already gone
        guard (st.st_mode & S_IFMT) == S_IFREG else { return "not a regular file" }
        guard Int64(st.st_size) == bytes else { return "changed since it was downloaded" }
        guard unlink(path) == 0 else { return "cannot delete: \(String(cString: strerror(errno)))" }
        return nil
    }

    // MARK: Files

    /// The podcasts library folders, first added first.
    func podcastsRoots() async throws -> [String] {
        try await store.pool.read { db in
            try LibraryRootRecord.filter(Column("type") == LibraryType.podcasts.rawValue).order(Column("id")).fetchAll(db).map(\.path)
        }
    }

    func podcastsRoot() async throws -> String {
        guard let root = try await podcastsRoots().first else {
            throw EngineError.invalid("no podcasts library to download into; add one with `library add PATH --type podcasts` (or give --no-download)")
        }
        return root
    }

    /// The show's folder in the podcasts library, checked to resolve inside it (a symlink
    /// planted there cannot send downloads elsewhere).
    func showFolder(_ p: PodcastRecord, create: Bool) async throws -> String {
        let root = try await podcastsRoot()
        let dir = root + "/" + p.folder
        if create, mkdir(dir, 0o755) != 0, errno != EEXIST {
            throw EngineError.failed("cannot create \(dir): \(String(cString: strerror(errno)))")
        }
        guard let real = realpath(dir, nil) else { throw EngineError.failed("\(dir): \(String(cString: strerror(errno)))") }
        defer { free(real) }
        guard String(cString: real) == dir else {
            throw EngineError.failed("\(dir) leads outside the podcasts library (a link?); remove it and refresh")
        }
        return dir
    }

    /// Downloads one enclosure to a hidden temporary file in `dir`, then links it to its name
    /// (never replacing a file that is there: a clash gets " (2)", " (3)" …).
    func download(_ e: PodcastEpisode, into dir: String, interface: String?) async throws -> (String, Int64) {
        guard let url = e.enclosureURL, e.state != .invalid else {
            throw EngineError.invalid(e.error ?? "no enclosure to download")
        }
        let temp = dir + "/.seedtui-part-" + UUID().uuidString
        let outcome = try await HTTPFileDownload.download(url, to: temp, interface: interface, maxBytes: Self.maxEnclosureBytes)
        defer { unlink(temp) }
        let name = PodcastNaming.fileName(title: e.title, published: e.publishedAt.map { Date(timeIntervalSince1970: TimeInterval($0)) },
                                          fallbackDate: Date(timeIntervalSince1970: TimeInterval(e.seenAt)),
                                          enclosureURL: url, contentType: e.enclosureType ?? outcome.contentType)
        let stem = (name as NSString).deletingPathExtension, ext = (name as NSString).pathExtension
        for n in 1...50 {
            let path = dir + "/" + (n == 1 ? name : "\(stem) (\(n)).\(ext)")
            if link(temp, path) == 0 { return (path, outcome.bytes) }
            if errno != EEXIST { throw EngineError.failed("cannot create \(path): \(String(cString: strerror(errno)))") }
        }
        throw EngineError.failed("\(dir) already holds 50 files named like \(name)")
    }

    /// Removes temporary downloads a stopped engine left behind: only files older than this
    /// engine, so a download this engine has already begun is never touched.
    func sweepPartials(olderThan started: time_t) async {
        let roots = (try? await podcastsRoots()) ?? []
        let fm = FileManager.default
        for root in roots {
            for show in (try? fm.contentsOfDirectory(atPath: root)) ?? [] {
                for name in (try? fm.contentsOfDirectory(atPath: root + "/" + show)) ?? [] where name.hasPrefix(".seedtui-part-") {
                    let path = root + "/" + show + "/" + name
                    var st = stat()
                    if lstat(path, &st) == 0, st.st_mtim.tv_sec < started { unlink(path) }
                }
            }
        }
    }

    /// The feed, redirects followed by hand (http(s) only), at most `maxFeedBytes`.
    func fetchFeed(_ url: String, interface: String?) async throws -> PodcastFeed {
        let shown = HTTPFetcher.redacted(url)
        guard case .response(let response) = try await HTTPFetcher.getFollowing(url, interface: interface, maxBytes: Self.maxFeedBytes, timeoutSeconds: 60) else {
            throw EngineError.failed("the feed \(shown) redirects to an address that is not http(s); check the URL")
        }
        guard (200..<300).contains(response.status) else {
            throw EngineError.failed("the feed \(shown) answered HTTP \(response.status); check the URL")
        }
        return try PodcastFeed.parse(response.body, source: "the feed \(shown)")
    }
}
