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
        let dir = NSTemporaryDirectory() + "grab-recovery-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try Store(path: dir + "/db.sqlite")
        let logger = Logger(label: "test")
        let service = AcquisitionService(store: store, history: History(store: store, logger: logger), logger: logger)
        try await store.pool.write { db in
            for (title, hash, state) in [("Good.Release", "aa", "imported"), ("Bad.Release", "bb", "failed"), ("Live.Release", "cc", "grabbed")] {
                try db.execute(sql: """
                    INSERT INTO grab_history(indexer, title, guid, info_hash, quality, protocol, state, grabbed_at)
                    VALUES ('x', ?, ?, ?, 'FLAC', 'torrent', ?, 0)
                    """, arguments: [title, "g-" + hash, hash, state])
            }
            try db.execute(sql: "INSERT INTO blocklist(indexer, title, guid, info_hash, reason, added_at) VALUES ('x', 'Bad.Release', 'g-bb', 'bb', 'stalled', 0)")
        }
        var (blocked, grabbed) = try await service.historyKeys()
        XCTAssertEqual(grabbed, ["aa", "g-aa", "good.release", "cc", "g-cc", "live.release"])
        XCTAssertEqual(blocked["bb"], "stalled")
        let entries = try await service.blocklistEntries()
        let entry = try XCTUnwrap(entries.first)
        try await service.removeBlocklisted(id: entry.id)
        (blocked, grabbed) = try await service.historyKeys()
        XCTAssertTrue(blocked.isEmpty)
        XCTAssertFalse(grabbed.contains("bb"), "un-blocklisted, the failed release may be grabbed again")
        do {
            try await service.removeBlocklisted(id: entry.id)
            XCTFail("removed twice")
        } catch let error as EngineError {
            XCTAssertTrue(error.message.contains("no blocklist entry #\(entry.id)"), error.message)
        }
    }
}
