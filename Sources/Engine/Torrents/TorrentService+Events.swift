import Foundation
import GRDB

extension TorrentService {
    // MARK: libtorrent events

    func handle(_ batch: AlertBatch) async {
        var resumeWrites: [(Int64, Data)] = []
        var queueChanges: [(Int64, Int64)] = []
        for event in batch.events {
            handle(event, resumeWrites: &resumeWrites)
        }
        if !batch.statuses.isEmpty { revision += 1 }
        for status in batch.statuses {
            guard let id = idByHash[status.hash], let entry = entries[id] else { continue }
            if entry.status == nil { loadingCount = max(0, loadingCount - 1) }
            if status.needSaveResume { entry.resumeDirty = true }
            if Int64(status.queuePosition) != entry.record.queuePosition, status.queuePosition >= 0 {
                entry.record.queuePosition = Int64(status.queuePosition)
                queueChanges.append((id, Int64(status.queuePosition)))
                orderDirty = true
            }
            entry.status = status
            entry.invalidate(revision: revision)
            if entry.record.completedAt == nil, status.hasMetadata, status.isFinished || status.isSeeding, status.totalWanted > 0 {
                Task { await self.completed(id) }
            }
        }
        if !resumeWrites.isEmpty || !queueChanges.isEmpty {
            let now = Int64(Date().timeIntervalSince1970)
            let writes = resumeWrites, positions = queueChanges
            do {
                try await store.pool.write { db in
                    for (id, data) in writes {
                        try db.execute(sql: "UPDATE torrent SET resume_data = ?, resume_saved_at = ? WHERE id = ?", arguments: [data, now, id])
                    }
                    for (id, position) in positions {
                        try db.execute(sql: "UPDATE torrent SET queue_position = ? WHERE id = ?", arguments: [position, id])
                    }
                }
            } catch {
                logger.error("cannot write resume data: \(error)")
            }
            for (id, _) in resumeWrites {
                entries[id]?.record.resumeSavedAt = now
                if let hash = entries[id]?.hash { pendingResumeSaves.remove(hash) }
            }
        }
    }

    func handle(_ event: TorrentEvent, resumeWrites: inout [(Int64, Data)]) {
        let id = idByHash[event.hash]
        switch event.kind {
        case .added:
            addWaiters.removeValue(forKey: event.hash)?.resume()

        case .addFailed:
            if let waiter = addWaiters.removeValue(forKey: event.hash) {
                waiter.resume(throwing: EngineError.failed(event.message))
            } else {
                history.record(.error, "load", hash: event.hash, id: id, event.message)
            }
        case .resumeData:
            if let id, let data = event.data {
                resumeWrites.append((id, data))
                entries[id]?.resumeDirty = false
            }
        case .resumeFailed:
            pendingResumeSaves.remove(event.hash)
            if !event.message.isEmpty { logger.warning("resume data for \(event.hash) not saved: \(event.message)") }
        case .finished:
            if let id { Task { await self.completed(id) } }
        case .storageMoved:
            if let id {
                entries[id]?.record.savePath = event.message
                revision += 1
                entries[id]?.invalidate(revision: revision)
                let path = event.message
                Task { try? await self.store.pool.write { try $0.execute(sql: "UPDATE torrent SET save_path = ? WHERE id = ?", arguments: [path, id]) } }
                session.apply(.saveResume, to: [event.hash])
            }
            moveWaiters.removeValue(forKey: event.hash)?.resume()
        case .storageMoveFailed:
            history.record(.error, "move", hash: event.hash, id: id, "move failed: \(event.message)")
            moveWaiters.removeValue(forKey: event.hash)?.resume(throwing: EngineError.failed("move failed: \(event.message)"))
        case .fileError:
            history.record(.error, "file", hash: event.hash, id: id, "file error: \(event.message); fix the disk or path, then `resume`")
        case .trackerError:
            if let id { entries[id]?.lastTrackerMessage = event.message }
        case .deleteFailed:
            history.record(.error, "remove", hash: event.hash, id: id, "could not delete files: \(event.message)")
        case .listenFailed:
            history.record(.error, "network", hash: nil, id: nil, "cannot listen: \(event.message)")
        case .listenOK:
            logger.info("\(event.message)")
        case .checked:
            // libtorrent ignores a recheck while it still reads the resume data: ask once that is done.
            // Calls on one torrent run in order, so the check is queued before the resume.
            startRecheck(event.hash)
        case .hashFailed, .metadataReceived, .paused, .resumed, .removed, .deleted, .unknown:
            if event.kind == .metadataReceived, let id { Task { await self.metadataArrived(id) } }
        }
    }

    func completed(_ id: Int64) async {
        guard let entry = entries[id] else { return }
        guard entry.record.completedAt == nil else { return }
        session.apply(.saveResume, to: [entry.hash])
        let now = Int64(Date().timeIntervalSince1970)
        entry.record.completedAt = now
        revision += 1
        entry.invalidate(revision: revision)
        try? await store.pool.write { try $0.execute(sql: "UPDATE torrent SET completed_at = ? WHERE id = ?", arguments: [now, id]) }
        history.record(.info, "complete", entry: entry, "completed \(entry.record.name)")
        refreshStatus(of: entry)
        hooks.run(settings[.onComplete], for: entry.snapshot())
        for observer in completionObservers { Task { await observer(id) } }
        // A quiet seed is not in libtorrent's change reports any more: its transfer
        // counters settle on the next stats tick, so read them once more after it.
        Task {
            try? await Task.sleep(for: .seconds(2))
            if let entry = self.entries[id] { self.refreshStatus(of: entry) }
        }
    }

    /// Reads one torrent's status now instead of waiting for a change report.
    func refreshStatus(of entry: TorrentEntry) {
        guard let status = try? session.status(of: [entry.hash]).first, status != entry.status else { return }
        revision += 1
        entry.status = status
        entry.invalidate(revision: revision)
    }

    func metadataArrived(_ id: Int64) async {
        guard let entry = entries[id], let status = try? session.status(of: [entry.hash]).first else { return }
        if !status.name.isEmpty, status.name != entry.record.name {
            entries[id]?.record.name = status.name
            try? await store.pool.write { try $0.execute(sql: "UPDATE torrent SET name = ? WHERE id = ?", arguments: [status.name, id]) }
        }
        session.apply(.saveResume, to: [entry.hash])
    }
}
