import Foundation
import XCTest

/// Real swarms on 127.0.0.1: seedtui engines, opentracker, and foreign clients.
final class SwarmTests: XCTestCase {
    var h: Harness!

    override func setUpWithError() throws { h = try Harness() }
    override func tearDown() { h.tearDown() }

    /// Makes a payload and its .torrent announcing to a tracker started for it.
    func prepare(bytes: Int, name: String = "payload.bin") throws -> (payload: String, torrent: String, hash: String, tracker: Tracker) {
        let payload = try h.payload("seed/\(name)", bytes: bytes)
        let port = Harness.freePort()
        let torrent = h.path("\(name).torrent")
        let made = try h.run(home: h.path("maker"), ["create", payload, "-o", torrent, "--tracker", "http://127.0.0.1:\(port)/announce", "--piece-size", "256k"])
        XCTAssertEqual(made.status, 0, made.stderr)
        let hash = try infoHash(ofTorrent: torrent)
        let tracker = try TrackerOnPort(harness: h, hashes: [hash], port: port)
        return (payload, torrent, hash, tracker)
    }

    func engine(_ name: String, port: Int) throws -> String {
        let home = h.path(name)
        let r = try h.run(home: home, ["config", "set", "listen_port", String(port)])
        XCTAssertEqual(r.status, 0, r.stderr)
        return home
    }

    func testTwoEnginesSwarmThroughOpentracker() throws {
        let (payload, torrent, hash, _) = try prepare(bytes: 24 * 1024 * 1024)
        let seeder = try engine("seeder", port: Harness.freePort())
        let leecher = try engine("leecher", port: Harness.freePort())
        XCTAssertEqual(try h.run(home: seeder, ["add", torrent, "--save-path", h.path("seed")]).status, 0)
        XCTAssertEqual(try h.run(home: seeder, ["wait", "all", "--state", "seeding", "--timeout", "60"]).status, 0)
        let add = try h.run(home: leecher, ["add", torrent, "--save-path", h.path("down"), "--json"])
        XCTAssertEqual(add.status, 0, add.stderr)
        let waited = try h.run(home: leecher, ["wait", hash, "--state", "seeding", "--timeout", "120"], timeout: 130)
        XCTAssertEqual(waited.status, 0, waited.stderr)
        XCTAssertTrue(FileManager.default.contentsEqual(atPath: payload, andPath: h.path("down/payload.bin")))
        let row = try XCTUnwrap(try h.list(home: leecher).first)
        XCTAssertEqual(row["completed"] as? Int, 24 * 1024 * 1024)
        // Transfer counters settle on libtorrent's next stats tick after completion.
        try h.waitUntil("the download counter to settle", timeout: 10) {
            (try h.list(home: leecher).first?["downloaded"] as? Int ?? 0) >= 24 * 1024 * 1024
        }
        let peers = try h.run(home: seeder, ["trackers", "all"])
        XCTAssertTrue(peers.stdout.contains("working"), peers.stdout)

        // Pause survives a graceful restart; resume data means no download again.
        XCTAssertEqual(try h.run(home: leecher, ["pause", "all"]).status, 0)
        XCTAssertEqual(try h.run(home: leecher, ["engine", "stop"]).status, 0)
        let after = try XCTUnwrap(try h.list(home: leecher).first)
        XCTAssertEqual(after["state"] as? String, "paused")
        XCTAssertEqual(try h.run(home: leecher, ["resume", "all"]).status, 0)
        XCTAssertEqual(try h.run(home: leecher, ["wait", "all", "--state", "seeding", "--timeout", "60"]).status, 0)
        XCTAssertEqual(try h.list(home: leecher).first?["progress"] as? Double, 1)
    }

    func testForeignClientSeedsToSeedtuiAndDownloadsFromIt() throws {
        guard let aria2c = Harness.which("aria2c") else { throw XCTSkip("aria2c is not installed (make test-deps)") }
        let (payload, torrent, _, tracker) = try prepare(bytes: 12 * 1024 * 1024)
        // aria2c seeds; seedtui downloads.
        let ariaPort = Harness.freePort()
        try h.spawn(aria2c, ["--enable-dht=false", "--enable-dht6=false", "--bt-enable-lpd=false", "--enable-peer-exchange=false",
                             "--seed-ratio=0.0", "--bt-seed-unverified=true", "--listen-port=\(ariaPort)", "--check-integrity=false",
                             "--bt-external-ip=127.0.0.1", "-d", h.path("seed"), torrent], log: h.path("aria-seed.log"))
        let home = try engine("engine", port: Harness.freePort())
        XCTAssertEqual(try h.run(home: home, ["add", torrent, "--save-path", h.path("down")]).status, 0)
        let waited = try h.run(home: home, ["wait", "all", "--state", "seeding", "--timeout", "120"], timeout: 130)
        XCTAssertEqual(waited.status, 0, waited.stderr + ((try? String(contentsOfFile: h.path("aria-seed.log"), encoding: .utf8)) ?? ""))
        XCTAssertTrue(FileManager.default.contentsEqual(atPath: payload, andPath: h.path("down/payload.bin")))

        // Now aria2c downloads from seedtui alone: stop the aria2c seeder first.
        h.tearDownForeign()
        _ = tracker
        let fetched = try Harness.exec(aria2c, ["--enable-dht=false", "--enable-dht6=false", "--bt-enable-lpd=false",
                                                "--enable-peer-exchange=false", "--seed-time=0", "--listen-port=\(Harness.freePort())",
                                                "--bt-external-ip=127.0.0.1", "-d", h.path("aria-down"), torrent], timeout: 120)
        XCTAssertEqual(fetched.status, 0, fetched.stdout.suffix(2000) + fetched.stderr)
        XCTAssertTrue(FileManager.default.contentsEqual(atPath: payload, andPath: h.path("aria-down/payload.bin")))
        let row = try XCTUnwrap(try h.list(home: home).first)
        XCTAssertGreaterThan(row["uploaded"] as? Int ?? 0, 10 * 1024 * 1024, "seedtui did not upload to aria2c")
    }
}

/// An opentracker on a port chosen before the .torrent was made.
func TrackerOnPort(harness: Harness, hashes: [String], port: Int) throws -> Tracker {
    try Tracker(harness: harness, hashes: hashes, port: port)
}
