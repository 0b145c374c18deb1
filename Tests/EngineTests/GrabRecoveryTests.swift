@testable import Engine
import Foundation
import GRDB
import Logging
import XCTest

/// What makes a release come back after a failure: the stall clock that finds downloads
/// nobody serves, and the history keys that let `blocklist remove` un-fail a grab.
final class GrabRecoveryTests: XCTestCase {
    func testTheStallClockCountsFromTheLastProgress() {
        var clock = StallClock()
        // Nothing downloaded since the grab at 100: idle since the grab.
        XCTAssertEqual(clock.observe(id: 1, bytes: 0, waiting: false, now: 160, grabbedAt: 100), 60)
        XCTAssertEqual(clock.observe(id: 1, bytes: 0, waiting: false, now: 200, grabbedAt: 100), 100)
        // Progress resets it; no progress after that counts from then.
        XCTAssertEqual(clock.observe(id: 1, bytes: 5, waiting: false, now: 210, grabbedAt: 100), 0)
        XCTAssertEqual(clock.observe(id: 1, bytes: 5, waiting: false, now: 250, grabbedAt: 100), 40)
        // Paused or queued: waiting on the person, not the swarm.
        XCTAssertEqual(clock.observe(id: 1, bytes: 5, waiting: true, now: 400, grabbedAt: 100), 0)
        XCTAssertEqual(clock.observe(id: 1, bytes: 5, waiting: false, now: 430, grabbedAt: 100), 30)
        // First seen with bytes (after a restart): counted from now.
        XCTAssertEqual(clock.observe(id: 2, bytes: 9, waiting: false, now: 500, grabbedAt: 100), 0)
        clock.keep(only: [2])
        XCTAssertEqual(clock.observe(id: 1, bytes: 5, waiting: false, now: 600, grabbedAt: 590), 0, "forgotten, counted from now")
        XCTAssertEqual(AcquisitionService.sweepPeriod(timeout: 21600), 60)
        XCTAssertEqual(AcquisitionService.sweepPeriod(timeout: 3), 1)
    }

    func testAFailedGrabIsHeldBackOnlyByTheBlocklist() async throws {
        let (dir, store, service) = try makeService()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try await store.pool.write { db in
            for (title, hash, state) in [("Good.Release", "aa", "imported"), ("Bad.Release", "bb", "failed"), ("Live.Release", "cc", "grabbed")] {
                try db.execute(sql: """
                    INSERT INTO grab_history(indexer, title, guid, info_hash, quality, protocol, state, grabbed_at)
                    VALUES ('x', ?, ?, ?, 'FLAC', 'torrent', ?, 0)
                    """, arguments: [title, "g-" + hash, hash, state])
            }
            try db.execute(sql: "INSERT INTO blocklist(indexer, title, guid, info_hash, reason, added_at) VALUES ('x', 'Bad.Release', 'g-bb', 'bb', 'stalled', 0)")
        }
        var keys = try await service.historyKeys()
        XCTAssertEqual(keys.grabbed, ["aa", "g-aa", "good.release", "cc", "g-cc", "live.release"])
        XCTAssertEqual(keys.blocklist["bb"], "stalled")
        let entries = try await service.blocklistEntries()
        let entry = try XCTUnwrap(entries.first)
        try await service.removeBlocklisted(id: entry.id)
        keys = try await service.historyKeys()
        XCTAssertTrue(keys.blocklist.isEmpty)
        XCTAssertFalse(keys.grabbed.contains("bb"), "un-blocklisted, the failed release may be grabbed again")
        do {
            try await service.removeBlocklisted(id: entry.id)
            XCTFail("removed twice")
        } catch let error as EngineError {
            XCTAssertTrue(error.message.contains("no blocklist entry #\(entry.id)"), error.message)
        }
    }

    func testARemovedTorrentMarksOnlyItsGrabStillWaiting() async throws {
        let (dir, store, service) = try makeService()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try await store.pool.write { db in
            for (id, status) in [(1, "grabbed"), (2, "imported"), (3, "grabbed")] {
                try db.execute(sql: "INSERT INTO wanted(id, type, title, status, added_at) VALUES (?, 'tv', ?, ?, 0)",
                               arguments: [id, "Show \(id)", status])
            }
            // Torrent 10: waiting (wanted 1). 11: imported (wanted 2). 12 and 13: two grabs for wanted 3.
            for (torrent, wanted, state) in [(10, 1, "grabbed"), (11, 2, "imported"), (12, 3, "grabbed"), (13, 3, "grabbed"), (14, 1, "failed")] {
                try db.execute(sql: """
                    INSERT INTO grab_history(wanted_id, indexer, title, guid, info_hash, quality, protocol, state, torrent_id, grabbed_at)
                    VALUES (?, 'x', ?, ?, ?, 'WEBDL-1080p', 'torrent', ?, ?, 0)
                    """, arguments: [wanted, "Release.\(torrent)", "g\(torrent)", "h\(torrent)", state, torrent])
            }
        }
        await service.downloadsRemoved(torrentIds: [10, 11, 12, 14, 99])
        let (grabs, wanted) = try await store.pool.read { db in
            (try Row.fetchAll(db, sql: "SELECT torrent_id, state FROM grab_history ORDER BY torrent_id").map { ($0["torrent_id"] as Int64, $0["state"] as String) },
             try Row.fetchAll(db, sql: "SELECT id, status FROM wanted ORDER BY id").map { ($0["id"] as Int64, $0["status"] as String) })
        }
        XCTAssertEqual(grabs.map(\.1), ["removed", "imported", "removed", "grabbed", "failed"], "\(grabs)")
        XCTAssertEqual(wanted.map(\.1), ["wanted", "imported", "grabbed"], "wanted 3 still has a grab in flight")
        let grabbed = try await service.historyKeys().grabbed
        XCTAssertTrue(grabbed.contains("h10"), "a removed release is not grabbed again")
    }

    /// An acquisition service over a fresh database in a temporary folder (the caller removes it).
    func testTheWantedWatchSendsTheListOnlyWhenSomethingChanged() async throws {
        let (dir, store, service) = try makeService()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let empty = try await service.watchWanted(since: nil)
        XCTAssertEqual(empty.items, [])
        let unchanged = try await service.watchWanted(since: empty.signature)
        XCTAssertEqual(unchanged.items, nil, "unchanged: the signature alone")

        let item = try await service.addWanted(Methods.WantedAdd(type: .tv, title: "Harbor Lights", season: 1, episode: 5))
        let added = try await service.watchWanted(since: empty.signature)
        XCTAssertEqual(added.items?.map(\.label), ["Harbor Lights S01E05"])
        XCTAssertEqual(added.history, [])
        let again = try await service.watchWanted(since: added.signature)
        XCTAssertEqual(again.items, nil)

        // A grab, then its state changing, each count as a change.
        try await store.pool.write { db in
            try db.execute(sql: """
                INSERT INTO grab_history(wanted_id, indexer, title, quality, protocol, state, grabbed_at)
                VALUES (?, 'x', 'Harbor.Lights.S01E05.1080p.WEB-DL-KELP', 'WEBDL-1080p', 'torrent', 'grabbed', 10)
                """, arguments: [item.id])
            try db.execute(sql: "UPDATE wanted SET status = 'grabbed', grabbed_at = 10 WHERE id = ?", arguments: [item.id])
        }
        let grabbed = try await service.watchWanted(since: added.signature)
        XCTAssertEqual(grabbed.items?.first?.status, .grabbed)
        XCTAssertEqual(grabbed.history?.map(\.state), ["grabbed"])
        try await store.pool.write { db in
            try db.execute(sql: "UPDATE grab_history SET state = 'failed', message = 'import failed: no video file'")
            try db.execute(sql: "UPDATE wanted SET status = 'wanted'")
        }
        let failed = try await service.watchWanted(since: grabbed.signature)
        XCTAssertEqual(failed.history?.first?.message, "import failed: no video file")
        XCTAssertEqual(failed.items?.first?.status, .wanted)

        try await service.removeWanted(id: try XCTUnwrap(item.id))
        let removed = try await service.watchWanted(since: failed.signature)
        XCTAssertEqual(removed.items, [])
    }

    private func makeService() throws -> (dir: String, store: Store, service: AcquisitionService) {
        let dir = NSTemporaryDirectory() + "grab-recovery-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let store = try Store(path: dir + "/db.sqlite")
        let logger = Logger(label: "test")
        return (dir, store, AcquisitionService(store: store, history: History(store: store, logger: logger), logger: logger))
    }
}
