import Foundation
import XCTest

/// `kill -9` mid-download, graceful stops, and what comes back.
final class CrashRecoveryTests: XCTestCase {
    var h: Harness!

    override func setUpWithError() throws { h = try Harness() }
    override func tearDown() { h.tearDown() }

    func testKill9MidDownloadResumesWithoutLosingWrittenData() throws {
        let payload = try h.payload("seed/big.bin", bytes: 40 * 1024 * 1024)
        let port = Harness.freePort()
        let torrent = h.path("big.torrent")
        XCTAssertEqual(try h.run(home: h.path("maker"), ["create", payload, "-o", torrent, "--tracker", "http://127.0.0.1:\(port)/announce"]).status, 0)
        _ = try Tracker(harness: h, hashes: [try infoHash(ofTorrent: torrent)], port: port)

        let seeder = h.path("seeder"), leecher = h.path("leecher")
        for (home, listen) in [(seeder, Harness.freePort()), (leecher, Harness.freePort())] {
            XCTAssertEqual(try h.run(home: home, ["config", "set", "listen_port", String(listen)]).status, 0)
        }
        XCTAssertEqual(try h.run(home: seeder, ["add", torrent, "--save-path", h.path("seed")]).status, 0)
        XCTAssertEqual(try h.run(home: seeder, ["wait", "all", "--state", "seeding", "--timeout", "60"]).status, 0)
        // The global limit applies to loopback peers too (limit_local_peers), which keeps the download slow enough to interrupt.
        XCTAssertEqual(try h.run(home: leecher, ["config", "set", "download_limit", "3M"]).status, 0)
        XCTAssertEqual(try h.run(home: leecher, ["add", torrent, "--save-path", h.path("down")]).status, 0)

        var before = 0.0
        try h.waitUntil("the download to pass 40%", timeout: 90) {
            before = try h.list(home: leecher).first?["progress"] as? Double ?? 0
            return before > 0.4
        }
        XCTAssertLessThan(before, 0.95, "the download finished before it could be interrupted")
        let pid = try XCTUnwrap(h.enginePid(home: leecher))
        kill(pid, SIGKILL)
        // The seeder crashes too: a complete torrent must come back without a full recheck.
        let seederPid = try XCTUnwrap(h.enginePid(home: seeder))
        kill(seederPid, SIGKILL)
        try h.waitUntil("both engines to die", timeout: 10) { kill(pid, 0) != 0 && kill(seederPid, 0) != 0 }

        XCTAssertEqual(try h.run(home: leecher, ["db", "check"]).stdout, "ok\n")
        XCTAssertEqual(try h.run(home: seeder, ["db", "check"]).stdout, "ok\n")
        var recovered = 0.0
        var lastRow: [String: Any] = [:]
        do {
            try h.waitUntil("the leecher to verify what it had", timeout: 60) {
                guard let row = try h.list(home: leecher).first, let state = row["state"] as? String else { return false }
                lastRow = row
                recovered = row["progress"] as? Double ?? 0
                return !["loading", "checking"].contains(state) && recovered > 0
            }
        } catch {
            XCTFail("\(error); last row: \(lastRow); log: \((try? String(contentsOfFile: leecher + "/engine.log", encoding: .utf8)) ?? "")")
            throw error
        }
        XCTAssertGreaterThanOrEqual(recovered, before - 0.05, "pieces written before the crash were lost")
        let seederLog = try String(contentsOfFile: seeder + "/engine.log", encoding: .utf8)
        XCTAssertTrue(seederLog.contains("did not stop cleanly"), "the crash went unnoticed")
        XCTAssertFalse(seederLog.contains("will verify"), "a complete torrent was rechecked after a crash")

        XCTAssertEqual(try h.run(home: leecher, ["config", "set", "download_limit", "0"]).status, 0)
        XCTAssertEqual(try h.run(home: seeder, ["wait", "all", "--state", "seeding", "--timeout", "60"]).status, 0)
        let done = try h.run(home: leecher, ["wait", "all", "--state", "seeding", "--timeout", "120"], timeout: 130)
        XCTAssertEqual(done.status, 0, done.stderr)
        XCTAssertTrue(FileManager.default.contentsEqual(atPath: payload, andPath: h.path("down/big.bin")))
    }

    func testGracefulStopSavesResumeDataAndSettings() throws {
        let home = h.path("home")
        let payload = try h.payload("data/a.bin", bytes: 2 * 1024 * 1024)
        let torrent = h.path("a.torrent")
        XCTAssertEqual(try h.run(home: home, ["create", payload, "-o", torrent]).status, 0)
        XCTAssertEqual(try h.run(home: home, ["category", "add", "tv", "--ratio-limit", "3"]).status, 0)
        XCTAssertEqual(try h.run(home: home, ["add", torrent, "--save-path", h.path("data"), "--category", "tv", "--tag", "one"]).status, 0)
        XCTAssertEqual(try h.run(home: home, ["wait", "all", "--state", "seeding", "--timeout", "60"]).status, 0)
        XCTAssertEqual(try h.run(home: home, ["limit", "all", "--up", "1M"]).status, 0)
        XCTAssertEqual(try h.run(home: home, ["config", "set", "max_active_seeds", "7"]).status, 0)
        let stop = try h.run(home: home, ["engine", "stop"])
        XCTAssertEqual(stop.status, 0, stop.stderr)
        XCTAssertNil(HomeLockHolder.pid(home), "the engine still holds the home")

        let rows = try h.list(home: home)
        XCTAssertEqual(rows.count, 1)
        XCTAssertEqual(rows.first?["category"] as? String, "tv")
        XCTAssertEqual(rows.first?["tags"] as? [String], ["one"])
        XCTAssertEqual(rows.first?["upload_limit"] as? Int, 1024 * 1024)
        XCTAssertEqual(try h.run(home: home, ["config", "get", "max_active_seeds"]).stdout, "7\n")
        XCTAssertEqual(try h.run(home: home, ["wait", "all", "--state", "seeding", "--timeout", "30"]).status, 0)
        let log = try String(contentsOfFile: home + "/engine.log", encoding: .utf8)
        XCTAssertFalse(log.contains("did not stop cleanly"), log)
    }
}

enum HomeLockHolder {
    /// Whether some process holds the home's lock (flock), read with a non-blocking try.
    static func pid(_ home: String) -> pid_t? {
        let fd = open(home + "/engine.lock", O_RDWR)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        if flock(fd, LOCK_EX | LOCK_NB) == 0 { flock(fd, LOCK_UN); return nil }
        return 1
    }
}
