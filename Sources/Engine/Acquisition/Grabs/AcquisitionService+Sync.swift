import Foundation
import GRDB

extension AcquisitionService {
    // MARK: RSS sync and wanted search

    /// `rss sync`: every enabled indexer's newest releases, matched against every wanted item.
    ///
    /// Meant for cron: each run grabs at most one release per item, never one grabbed or
    /// blocklisted before, and for an item already grabbed or on disk only an upgrade its
    /// profile still wants (the cutoff not met). Indexers at rest are skipped and say so.
    func rssSync(interface: String?) async throws -> SyncReport {
        let started = ContinuousClock.now
        let records = try await enabledIndexers()
        let wants = try await activeWants(ids: nil, missingOnly: false)
        var report = SyncReport(wanted: wants.count)
        let (outcomes, releases) = try await ask(records, request: Methods.Search(query: IndexerQuery(function: .search), type: nil), interface: interface)
        report.outcomes = outcomes
        report.releases = releases.count
        var keys = try await historyKeys()
        try await grabBest(releases, wants: wants, keys: &keys, into: &report)
        report.elapsedMs = Self.milliseconds(since: started)
        history.record(report.failures.isEmpty ? .info : .warning, "rss",
                       hash: nil, id: nil, "rss sync: \(releases.count) releases from \(outcomes.filter { $0.status == "ok" }.count) of \(outcomes.count) indexers, \(report.grabs.count) grabbed")
        return report
    }

    /// `wanted search [--missing] [ID…]`: asks the indexers for each item and grabs as a sync does.
    ///
    /// Without ids: every item still wanting something (nothing grabbed, or an upgrade below
    /// the cutoff); `--missing` only those with nothing grabbed or on disk.
    func searchWanted(ids: [Int64], missingOnly: Bool, interface: String?) async throws -> SyncReport {
        let started = ContinuousClock.now
        let wants = try await activeWants(ids: ids.isEmpty ? nil : ids, missingOnly: missingOnly)
        var report = SyncReport(wanted: wants.count)
        var keys = try await historyKeys()
        for want in wants {
            // Read per item: an indexer that failed for the previous item is resting now.
            let records = try await enabledIndexers()
            let (outcomes, releases) = try await ask(records, request: Methods.Search(query: want.item.query, type: want.item.type), interface: interface)
            report.outcomes += outcomes.map { o in
                var o = o
                o.message = o.message ?? "wanted #\(want.item.id ?? 0)"
                return o
            }
            report.releases += releases.count
            if let id = want.item.id {
                let now = Self.now()
                try await store.pool.write { try $0.execute(sql: "UPDATE wanted SET last_searched_at = ? WHERE id = ?", arguments: [now, id]) }
            }
            try await grabBest(releases, wants: [want], keys: &keys, into: &report)
        }
        report.elapsedMs = Self.milliseconds(since: started)
        return report
    }

    func enabledIndexers() async throws -> [IndexerRecord] {
        let records = try await store.pool.read { try IndexerRecord.filter(Column("enabled") == true).order(Column("priority"), Column("name")).fetchAll($0) }
        guard !records.isEmpty else { throw EngineError.invalid("no enabled indexer; add one with `indexer add NAME URL --apikey KEY`") }
        return records
    }

    /// Wanted items with their profiles and what they already have; items with nothing left to
    /// gain (cutoff met, or no upgrades and something already there) are left out.
    func activeWants(ids: [Int64]?, missingOnly: Bool) async throws -> [GrabMatcher.Want] {
        let (items, grabbedQuality) = try await store.pool.read { db -> ([WantedItem], [Int64: String]) in
            var request = WantedItem.order(Column("id"))
            if let ids { request = request.filter(ids.contains(Column("id"))) }
            let items = try request.fetchAll(db)
            var latest: [Int64: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT wanted_id, quality FROM grab_history WHERE wanted_id IS NOT NULL AND state = 'grabbed' ORDER BY id") {
                latest[row["wanted_id"]] = row["quality"]
            }
            return (items, latest)
        }
        if let ids, let missing = ids.first(where: { id in !items.contains { $0.id == id } }) {
            throw EngineError.notFound("no wanted item #\(missing); `wanted list` shows them")
        }
        var profiles: [String: QualityProfile] = [:]
        var wants: [GrabMatcher.Want] = []
        for item in items {
            let key = "\(item.profile ?? "")/\(item.type.rawValue)"
            let profile: QualityProfile
            if let p = profiles[key] { profile = p } else {
                profile = try await self.profile(named: item.profile, kind: item.type.releaseKind)
                profiles[key] = profile
            }
            let have = Self.have(item, grabbed: item.id.flatMap { grabbedQuality[$0] }, profile: profile)
            if missingOnly && have != nil { continue }
            if let have, !profile.upgradesAllowed || profile.meetsCutoff(have) { continue }
            wants.append(.init(item: item, profile: profile, have: have))
        }
        return wants
    }

    /// The better of the quality on disk and the quality grabbed and not yet imported.
    static func have(_ item: WantedItem, grabbed: String?, profile: QualityProfile) -> String? {
        let onDisk = item.status == .imported ? (item.currentQuality ?? "Unknown") : nil
        switch (onDisk, grabbed) {
        case (nil, nil): return nil
        case (let a?, nil): return a
        case (nil, let b?): return b
        case (let a?, let b?): return (profile.preference(of: b) ?? Int.max) < (profile.preference(of: a) ?? Int.max) ? b : a
        }
    }

    /// Every indexer asked in parallel with one query, outcomes in priority order, each
    /// indexer's health written (a failure starts or lengthens its rest). `search`, `rss sync`
    /// and `wanted search` all ask through here.
    func ask(_ records: [IndexerRecord], request: Methods.Search, interface: String?)
        async throws -> ([Methods.Search.Outcome], [IndexerRelease]) {
        let transport = self.transport(interface: interface)
        let now = Self.now()
        var results: [(IndexerRecord, Methods.Search.Outcome, [IndexerRelease], IndexerError?)] = []
        await withTaskGroup(of: (IndexerRecord, Methods.Search.Outcome, [IndexerRelease], IndexerError?).self) { group in
            for record in records {
                group.addTask { await self.searchOne(record, request: request, transport: transport, now: now) }
            }
            for await r in group { results.append(r) }
        }
        var outcomes: [Methods.Search.Outcome] = []
        var releases: [IndexerRelease] = []
        for (record, outcome, found, error) in results.sorted(by: { ($0.0.priority, $0.0.name) < ($1.0.priority, $1.0.name) }) {
            var record = record, outcome = outcome
            if let error {
                outcome.message = try await recordFailure(&record, error)
            } else if outcome.status == "ok" {
                IndexerHealth.recordSuccess(&record, now: Self.now())
                try await save(health: record, caps: false)
                releases += found
            }
            outcomes.append(outcome)
        }
        return (outcomes, releases)
    }

    /// Matches, then grabs each item's best release; a release is taken once even when two
    /// items accept it. A release that cannot be grabbed because of itself (a bad .torrent,
    /// blocklisted), because its link is gone, or because its indexer's download limit is reached
    /// (the indexer then rests, and its other releases are left for later) makes way for the
    /// item's next best one at once (see `GrabRefusal`). Those are noted in `passedOver`; the sync
    /// fails for an item that got nothing when a reason was its own (a gone link, a bad torrent,
    /// the disk), not when only an indexer's limit stood in the way.
    /// `keys` are the blocklist and grab-history keys, read once per sync and kept current here.
    func grabBest(_ releases: [IndexerRelease], wants: [GrabMatcher.Want], keys known: inout HistoryKeys,
                  into report: inout SyncReport) async throws {
        guard !releases.isEmpty, !wants.isEmpty else { return }
        let result = GrabMatcher(wants: wants, engine: decisions).pick(releases, blocklist: known.blocklist, grabbed: known.grabbed, unavailable: known.unavailable)
        report.judged += result.judged
        report.accepted += result.accepted
        // Indexers whose download limit was reached in this call: not asked again.
        var resting = Set<String>()
        for pick in result.picks {
            let label = "wanted #\(pick.want.item.id ?? 0) \(pick.want.item.label)"
            var passed: [String] = []
            // Why the item got nothing, when the reason is its own (not an indexer's limit), and
            // where that line sits in `passed`, to be reported once.
            var failure: (line: String, passedAt: Int?)?
            candidates: for decision in [pick.decision] + pick.alternatives where !resting.contains(decision.release.indexer) {
                let keys = BlocklistSpecification.keys(decision.release)
                // Taken for another item in this sync (a season pack for two episodes): it serves this one too.
                if keys.contains(where: known.grabbed.contains) { failure = nil; break }
                // Blocklisted or found gone for another item a moment ago: said there already.
                if keys.contains(where: { known.blocklist[$0] != nil }) || decision.release.downloadURL.map({ known.unavailable[$0] != nil }) == true {
                    failure = failure ?? ("\(label): '\(decision.release.title)' from \(decision.release.indexer) cannot be grabbed (see above)", nil)
                    continue
                }
                do {
                    let outcome = try await grab(decision, wanted: pick.want.item, type: pick.want.item.type, upgrade: pick.upgrade)
                    report.grabs.append(outcome)
                    known.grabbed.formUnion(keys)
                    failure = nil
                    break
                } catch {
                    let refusal = GrabRefusal(error)
                    let line = "\(label): \(refusal.error.message)"
                    history.record(refusal.fault == .elsewhere ? .error : .warning, "grab", hash: nil, id: nil, refusal.error.message)
                    switch refusal.fault {
                    case .release:
                        await blocklist(decision.release, wantedId: pick.want.item.id, reason: "grab failed: \(refusal.error.message)")
                        for key in keys { known.blocklist[key] = "grab failed" }
                        failure = (line, passed.count)
                        passed.append(line)
                    case .gone:
                        if let link = decision.release.downloadURL { known.unavailable[link] = goneLinks.reason(for: link) }
                        failure = (line, passed.count)
                        passed.append(line)
                    case .indexerLimit:
                        resting.insert(decision.release.indexer)
                        passed.append(line)
                    case .elsewhere:
                        failure = (line, nil)
                        break candidates
                    }
                }
            }
            if let failure {
                // Nothing grabbed: the item's own last reason is its failure, reported there only.
                if let at = failure.passedAt { passed.remove(at: at) }
                report.failures.append(failure.line)
            }
            report.passedOver += passed
        }
    }
}
