import Foundation
import GRDB

extension AcquisitionService {
    // MARK: Grabs

    /// `grab N`: the release ranked N by the last `search`, for a wanted item if one matches.
    ///
    /// A rejected release may be grabbed by hand (the person overrides the profile), but never a
    /// usenet one: there is no usenet downloader.
    /// `title`, when given, must be the title of result `rank`: another client's search may have
    /// replaced the results the caller saw.
    func grab(rank: Int, wantedId: Int64?, title: String? = nil) async throws -> GrabOutcome {
        guard !lastSearch.isEmpty else { throw EngineError.notFound("no search results to grab from; run `search …` first") }
        guard let decision = lastSearch.first(where: { $0.rank == rank }) else {
            throw EngineError.notFound("no result #\(rank) in the last search (1–\(lastSearch.count)); `search` again to see them")
        }
        if let title, decision.release.title != title {
            throw EngineError.notFound("result #\(rank) is no longer '\(title)': another search replaced the results; search again and grab from the new list")
        }
        var wanted: WantedItem?
        if let wantedId {
            wanted = try await store.pool.read { try WantedItem.fetchOne($0, key: wantedId) }
            guard wanted != nil else { throw EngineError.notFound("no wanted item #\(wantedId); `wanted list` shows them") }
        } else {
            wanted = try await matchingWanted(decision.release)
        }
        let type = wanted?.type ?? lastSearchType ?? Self.wantedType(decision.parsed.type)
        do {
            return try await grab(decision, wanted: wanted, type: type, upgrade: wanted?.status != .wanted && wanted != nil)
        } catch let refusal as GrabRefusal {
            throw refusal.error
        }
    }

    /// The first wanted item (oldest) whose title and numbering the release matches.
    func matchingWanted(_ release: IndexerRelease) async throws -> WantedItem? {
        let items = try await store.pool.read { try WantedItem.order(Column("id")).fetchAll($0) }
        let match = MatchSpecification()
        return items.first { item in
            let candidate = ReleaseCandidate(release: release, target: item.target)
            return match.check(candidate, DecisionContext(profile: .standard, target: item.target)) == nil
        }
    }

    static func wantedType(_ kind: ReleaseInfo.Kind) -> WantedType? {
        switch kind {
        case .episode: return .tv
        case .movie: return .movie
        case .music: return .music
        case .book: return .book
        case .audiobook: return .audiobook
        case .comic: return .comic
        case .unknown: return nil
        }
    }

    /// Adds the release to the torrent client and writes the grab; the one path every grab takes.
    /// A torrent that is in the client already (added by hand) is taken over for the grab; a
    /// refused add is thrown as a `GrabRefusal` that says what is to blame; a link found gone is
    /// remembered (`goneLinks`) and an indexer whose download limit is reached rests.
    ///
    /// The torrent goes into the type's category (`seedtui-tv`, made under `default_save_path`
    /// when missing) with the tag `wanted:ID`, so it can be found in `list` by either.
    func grab(_ decision: Decision, wanted: WantedItem?, type: WantedType?, upgrade: Bool) async throws -> GrabOutcome {
        guard let links else { throw EngineError.failed("the engine is still starting and cannot grab yet; try again in a moment") }
        let r = decision.release
        if r.releaseProtocol == .usenet {
            throw EngineError.invalid("usenet downloads are not supported yet: '\(r.title)' is a Newznab result from \(r.indexer); grab a torrent result instead")
        }
        guard r.downloadURL != nil || r.magnetURL != nil else {
            throw EngineError.invalid("'\(r.title)' from \(r.indexer) has no download link or magnet; pick another result")
        }
        var add = Methods.Add(origin: "indexer \(r.indexer)", tags: wanted?.id.map { ["wanted:\($0)"] } ?? [])
        if let url = r.downloadURL { add.url = url } else { add.magnet = r.magnetURL }
        if let type { add.category = try await ensureCategory(for: type, links: links) }
        let snapshot: TorrentSnapshot
        var adopted = false
        do {
            snapshot = try await links.torrents.addExplained(add)
        } catch {
            let failure = error.error.replacingMessage("grab of '\(r.title)' from \(r.indexer) failed: \(error.error.message)")
            switch error.cause {
            case .torrent:
                throw GrabRefusal(error: failure, fault: .release)
            case .gone:
                // Left alone for a while, whichever grab (a sync's or one by hand) found it gone.
                goneLinks.record(r, now: Self.now())
                throw GrabRefusal(error: failure, fault: .gone)
            case .limited:
                await restForDownloadLimit(r)
                throw GrabRefusal(error: failure, fault: .indexerLimit)
            case .alreadyAdded(let id):
                // Added by hand (or by another program) before the grab: that download serves the
                // grab, unless a grab already follows it (the same result grabbed twice).
                let live = try? await store.pool.read { db in
                    try Row.fetchOne(db, sql: "SELECT id, wanted_id FROM grab_history WHERE torrent_id = ? AND state = 'grabbed' ORDER BY id DESC LIMIT 1",
                                     arguments: [id])
                        .map { (grabId: $0["id"] as Int64, wantedId: $0["wanted_id"] as Int64?) }
                }
                if let live = live ?? nil {
                    throw GrabRefusal(error: .invalid("'\(r.title)' is already grabbed as torrent #\(id) (grab #\(live.grabId)"
                                                      + (live.wantedId.map { " for wanted #\($0)" } ?? "") + "); it is not grabbed twice"),
                                      fault: .elsewhere)
                }
                guard let existing = await links.torrents.snapshot(id) else { throw GrabRefusal(error: failure, fault: .elsewhere) }
                snapshot = existing
                adopted = true
            case .elsewhere:
                throw GrabRefusal(error: failure, fault: .elsewhere)
            }
        }
        let now = Self.now()
        let row: StatementArguments = [wanted?.id, r.indexerId, r.indexer, r.title, r.guid, r.infoHash ?? snapshot.infoHash.lowercased(),
                                                decision.quality, r.size, r.releaseProtocol.rawValue, snapshot.id, now, type?.rawValue, adopted]
        let grabId = try await store.pool.write { db -> Int64 in
            try db.execute(sql: """
                INSERT INTO grab_history(wanted_id, indexer_id, indexer, title, guid, info_hash, quality, size, protocol, torrent_id,
                                         state, grabbed_at, wanted_type, taken_over)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'grabbed', ?, ?, ?)
                """, arguments: row)
            let id = db.lastInsertedRowID
            if let wid = wanted?.id {
                try db.execute(sql: "UPDATE wanted SET status = CASE WHEN status = 'imported' THEN status ELSE 'grabbed' END, grabbed_at = ? WHERE id = ?",
                               arguments: [now, wid])
            }
            return id
        }
        let label = wanted?.label ?? r.title
        history.record(.info, "grab", hash: nil, id: snapshot.id,
                       "grabbed \(r.title) (\(decision.quality)) from \(r.indexer) for \(label)\(upgrade ? " (upgrade)" : "") as torrent #\(snapshot.id)"
                       + (adopted ? ", which was in the client already" : ""))
        // A torrent whose data was already complete may have finished before the grab was written.
        if await links.torrents.snapshot(snapshot.id)?.completedAt != nil {
            Task { await self.downloadCompleted(torrentId: snapshot.id) }
        }
        return GrabOutcome(grabId: grabId, wantedId: wanted?.id, wanted: wanted?.label, title: r.title, indexer: r.indexer,
                           quality: decision.quality, torrentId: snapshot.id, upgrade: upgrade)
    }

    /// `seedtui-TYPE`, created with a save path under `default_save_path` when missing.
    func ensureCategory(for type: WantedType, links: AcquisitionLinks) async throws -> String {
        let name = "seedtui-\(type.rawValue)"
        let base = await links.defaultSavePath()
        let created = try await store.pool.write { db -> Bool in
            if try CategoryRecord.fetchOne(db, key: name) != nil { return false }
            try CategoryRecord(name: name, savePath: (base as NSString).appendingPathComponent(name)).insert(db)
            return true
        }
        if created {
            await links.categoriesChanged()
            history.record(.info, "category", hash: nil, id: nil, "category \(name) created for \(type.rawValue) grabs")
        }
        return name
    }

    /// Blocklists a release so no later sync takes it again.
    func blocklist(_ release: IndexerRelease, wantedId: Int64?, reason: String) async {
        let values: StatementArguments = [wantedId, release.indexer, release.title, release.guid, release.infoHash, reason, Self.now()]
        do {
            try await store.pool.write { db in
                try db.execute(sql: "INSERT INTO blocklist(wanted_id, indexer, title, guid, info_hash, reason, added_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                               arguments: values)
            }
        } catch {
            logger.error("cannot write the blocklist: \(error)")
        }
    }

    /// An indexer whose download link answered HTTP 429 has used up its download quota: it rests
    /// as it does when its API says so, and a sync leaves it alone until then.
    func restForDownloadLimit(_ release: IndexerRelease) async {
        guard let id = release.indexerId else { return }
        do {
            guard var record = try await store.pool.read({ try IndexerRecord.fetchOne($0, key: id) }) else { return }
            _ = try await recordFailure(&record, .limitReached(description: "HTTP 429 on a download link"))
        } catch {
            logger.error("indexer \(release.indexer): its download limit could not be recorded: \(error)")
        }
    }
}
