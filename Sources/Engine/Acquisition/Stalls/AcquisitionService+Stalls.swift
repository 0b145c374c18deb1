import Foundation
import GRDB

extension AcquisitionService {
    // MARK: Stalled grabs

    /// Removes grabbed downloads that made no progress for `grab_stall_timeout`, so the next
    /// `rss sync` or `wanted search` takes the next best release instead of waiting forever.
    ///
    /// Only grabs for a wanted item (the torrents tagged `wanted:ID`): a release grabbed by hand
    /// for nothing in particular is the person's to watch, and so is a torrent the person added
    /// that a grab took over: it and its data are never removed here. Each stalled torrent is
    /// removed with its data, its release blocklisted ("stalled"), its grab marked failed and its item put
    /// back to wanted (unless a file of it is already in the library). Returns the torrent ids removed.
    @discardableResult
    func sweepStalledGrabs(timeout: Int64, now: Int64 = AcquisitionService.now()) async -> [Int64] {
        guard let links else { return [] }
        guard timeout > 0 else {
            stallClock = StallClock()
            return []
        }
        let grabs: [WatchedGrab]
        do {
            // Rows are not Sendable: read them into values, so the read runs off the actor's thread.
            grabs = try await store.pool.read {
                try Row.fetchAll($0, sql: "SELECT * FROM grab_history WHERE state = 'grabbed' AND torrent_id IS NOT NULL AND wanted_id IS NOT NULL AND taken_over = 0")
                    .map(WatchedGrab.init)
            }
        } catch {
            logger.error("stalled-grab sweep cannot read the grabs: \(error)")
            return []
        }
        var watched = Set<Int64>()
        var removed: [Int64] = []
        for grab in grabs {
            let torrentId = grab.torrentId
            guard let snapshot = await links.torrents.snapshot(torrentId), snapshot.completedAt == nil else { continue }
            watched.insert(torrentId)
            let waiting = [.paused, .queued, .checking, .loading].contains(snapshot.state)
            let idle = stallClock.observe(id: torrentId, bytes: snapshot.completed, waiting: waiting, now: now, grabbedAt: grab.grabbedAt)
            guard idle >= timeout else { continue }
            if await stalled(grab: grab, snapshot: snapshot, idle: idle, links: links) {
                removed.append(torrentId)
                watched.remove(torrentId)
            }
        }
        stallClock.keep(only: watched)
        return removed
    }

    /// Removes one stalled download and records why; false when the torrent could not be removed.
    func stalled(grab: WatchedGrab, snapshot: TorrentSnapshot, idle: Int64, links: AcquisitionLinks) async -> Bool {
        let title = grab.identity.title, wantedId = grab.identity.wantedId
        let message = "stalled: no download progress for \(Units.formatDuration(idle)) (\(Self.percent(snapshot.progress)) done, \(snapshot.swarmSeeds) seeds)"
        removingOwn.insert(snapshot.id)
        defer { removingOwn.remove(snapshot.id) }
        do {
            try await links.torrents.removeIds([snapshot.id], deleteData: true)
        } catch {
            logger.error("stalled grab \(title) (torrent #\(snapshot.id)) could not be removed: \(error)")
            return false
        }
        let now = Self.now()
        var wantedAgain = false
        do {
            let ended = grab.identity
            wantedAgain = try await store.pool.write { db in
                try Self.endGrab(db, grab: ended, state: "failed", message: message, blocklistReason: "stalled", at: now)
            }
        } catch {
            logger.error("stalled grab \(title) was removed but could not be recorded: \(error)")
        }
        history.record(.warning, "grab", hash: nil, id: snapshot.id,
                       "\(title) \(message); torrent #\(snapshot.id) and its data removed, the release blocklisted"
                       + (wantedAgain ? wantedId.map { ", wanted #\($0) wanted again" } ?? "" : ""))
        return true
    }

    /// How often the sweep runs: every minute, more often for a timeout under two minutes.
    static func sweepPeriod(timeout: Int64) -> Int64 {
        timeout <= 0 ? 60 : min(60, max(1, timeout / 2))
    }

    static func percent(_ progress: Double) -> String { String(format: "%.0f%%", progress * 100) }
}

/// A grab the stall sweep watches: downloading, for a wanted item, and not a torrent taken over.
struct WatchedGrab: Sendable {
    var identity: GrabIdentity
    var torrentId: Int64
    var grabbedAt: Int64

    init(_ row: Row) {
        identity = GrabIdentity(row)
        torrentId = row["torrent_id"]
        grabbedAt = row["grabbed_at"]
    }
}
