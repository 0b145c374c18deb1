import Foundation
import GRDB

extension AcquisitionService {
    // MARK: Downloads removed before they finished

    /// Torrents were removed (`remove`, a seeding rule, the TUI). A grab still waiting on one of
    /// them can never be imported: it is marked `removed` and its wanted item goes back to wanted,
    /// so the next `rss sync` or `wanted search --missing` takes the next best release. The
    /// removed release itself stays "already grabbed": whoever removed it did not want it.
    ///
    /// Grabs already imported keep their state (removing a finished, imported download after
    /// seeding is the normal end), and so do stalled grabs this service removes itself: the
    /// observer runs in its own task, so it may come while `stalled` still awaits its write
    /// (`removingOwn` holds the id then) or after it (the grab is `failed` by then).
    func downloadsRemoved(torrentIds: [Int64]) async {
        let ids = torrentIds.filter { !removingOwn.contains($0) && !importing.contains($0) }
        guard !ids.isEmpty else { return }
        let now = Self.now()
        do {
            let changed: [(grab: GrabIdentity, torrentId: Int64, wantedAgain: Bool)] = try await store.pool.write { db in
                var changed: [(grab: GrabIdentity, torrentId: Int64, wantedAgain: Bool)] = []
                for id in ids {
                    for row in try Row.fetchAll(db, sql: "SELECT * FROM grab_history WHERE torrent_id = ? AND state = 'grabbed'", arguments: [id]) {
                        let grab = GrabIdentity(row)
                        let wantedAgain = try Self.endGrab(db, grab: grab, state: "removed", message: "the torrent was removed before it was imported",
                                                           blocklistReason: nil, at: now)
                        changed.append((grab, id, wantedAgain))
                    }
                }
                return changed
            }
            for (grab, torrentId, wantedAgain) in changed {
                history.record(.warning, "grab", hash: nil, id: torrentId,
                               "\(grab.title): its torrent was removed before it was imported"
                               + (wantedAgain ? grab.wantedId.map { "; wanted #\($0) is wanted again" } ?? "" : ""))
            }
        } catch {
            logger.error("removed torrents \(ids) could not be matched to their grabs: \(error)")
        }
    }
}
