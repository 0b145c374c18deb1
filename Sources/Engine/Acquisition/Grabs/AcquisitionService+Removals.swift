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
            let changed: [(grab: Row, wantedAgain: Bool)] = try await store.pool.write { db in
                var changed: [(grab: Row, wantedAgain: Bool)] = []
                for id in ids {
                    for grab in try Row.fetchAll(db, sql: "SELECT * FROM grab_history WHERE torrent_id = ? AND state = 'grabbed'", arguments: [id]) {
                        let wantedAgain = try Self.endGrab(db, grab: GrabIdentity(grab), state: "removed", message: "the torrent was removed before it was imported",
                                                           blocklistReason: nil, at: now)
                        changed.append((grab, wantedAgain))
                    }
                }
                return changed
            }
            for (grab, wantedAgain) in changed {
                let title: String = grab["title"], wantedId: Int64? = grab["wanted_id"], torrentId: Int64 = grab["torrent_id"]
                history.record(.warning, "grab", hash: nil, id: torrentId,
                               "\(title): its torrent was removed before it was imported"
                               + (wantedAgain ? wantedId.map { "; wanted #\($0) is wanted again" } ?? "" : ""))
            }
        } catch {
            logger.error("removed torrents \(ids) could not be matched to their grabs: \(error)")
        }
    }
}
