import Foundation
import GRDB

extension TorrentService {
    // MARK: Settings and rules

    /// The database cleared the category of its torrents (ON DELETE SET NULL); mirror that.
    func categoryRemoved(_ name: String) {
        revision += 1
        for entry in entries.values where entry.record.category == name {
            entry.record.category = nil
            entry.invalidate(revision: revision)
        }
    }

    func updateSettings(_ settings: Settings) async {
        self.settings = settings
        let categories = (try? await store.pool.read { try CategoryRecord.fetchAll($0) }) ?? []
        shareRules = ShareRules(settings: settings, categories: categories)
    }

    /// Runs the share rules over seeding torrents: ratio, seeding time, idle time.
    func enforceShareRules() async {
        var candidates: [InfoHash] = []
        for entry in entries.values where entry.record.shareDoneAt == nil {
            guard let status = entry.status, status.isFinished || status.isSeeding, !(status.paused && !status.autoManaged),
                  shareRules.hasLimits(category: entry.record.category) else { continue }
            candidates.append(entry.hash)
        }
        guard !candidates.isEmpty else { return }
        // libtorrent reports only torrents whose state changed; seeding and idle time of a
        // quiet seed are read fresh here rather than trusted from the last report.
        var fresh: [InfoHash: TorrentStatus] = [:]
        for status in (try? session.status(of: candidates)) ?? [] { fresh[status.hash] = status }
        var due: [(Int64, ShareRules.Decision)] = []
        for hash in candidates {
            guard let id = idByHash[hash], let entry = entries[id], let status = fresh[hash] ?? entry.status else { continue }
            entry.status = status
            if let decision = shareRules.decide(category: entry.record.category, ratio: entry.ratio,
                                                seedingSeconds: status.seedingSeconds,
                                                idleSeconds: status.secondsSinceUpload < 0 ? status.seedingSeconds : status.secondsSinceUpload) {
                due.append((id, decision))
            }
        }
        guard !due.isEmpty else { return }
        let now = Int64(Date().timeIntervalSince1970)
        for (id, decision) in due {
            guard let entry = entries[id] else { continue }
            let snapshot = entry.snapshot()
            history.record(.info, "share", entry: entry, "\(entry.record.name): \(decision.reason); \(decision.action.rawValue)")
            hooks.run(settings[.onSeedingDone], for: snapshot)
            switch decision.action {
            case .pause:
                entry.record.shareDoneAt = now
                try? await store.pool.write { try $0.execute(sql: "UPDATE torrent SET share_done_at = ? WHERE id = ?", arguments: [now, id]) }
                try? await setPausedRows([id], paused: true)
                session.apply(.pause, to: [entry.hash])
                session.apply(.saveResume, to: [entry.hash])
            case .remove, .removeData:
                try? await removeIds([id], deleteData: decision.action == .removeData)
            }
        }
    }

    // MARK: Resume data

    /// Asks libtorrent for resume data of every torrent that changed since its last save.
    func saveChangedResumeData() {
        let dirty = entries.values.filter { $0.resumeDirty || ($0.status?.needSaveResume ?? false) }.map(\.hash)
        session.apply(.saveResume, to: dirty)
    }

    func resumeSweepIfDue() {
        pollPendingRechecks()
        let interval = Double(max(10, settings.int(.resumeSaveInterval)))
        if Date().timeIntervalSince(lastResumeSweep) >= interval {
            lastResumeSweep = Date()
            saveChangedResumeData()
        }
    }

    /// For a graceful stop: saves changed resume data and waits for it to be written (bounded).
    func saveAllAndWait(timeout: Duration) async {
        if let statuses = try? session.status(of: []) {
            for status in statuses where status.needSaveResume {
                if let id = idByHash[status.hash] { entries[id]?.resumeDirty = true }
            }
        }
        let dirty = entries.values.filter { $0.resumeDirty || $0.record.resumeSavedAt == nil }.map(\.hash)
        guard !dirty.isEmpty else { return }
        logger.info("saving resume data of \(dirty.count) torrents")
        pendingResumeSaves.formUnion(dirty)
        session.apply(.saveResume, to: dirty)
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while !pendingResumeSaves.isEmpty, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(10))
        }
        if !pendingResumeSaves.isEmpty {
            logger.warning("\(pendingResumeSaves.count) torrents gave no resume data in time; they resume from their last save")
        }
    }
}
