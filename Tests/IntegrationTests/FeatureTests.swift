import Foundation
import XCTest

/// Hooks, share rules, the watch directory, the kill switch, URLs, moves, queue and files.
final class FeatureTests: HomeTestCase {
    func makeTorrent(_ name: String, bytes: Int = 64 * 1024) throws -> (payload: String, torrent: String) {
        let payload = try h.payload("data/\(name)", bytes: bytes)
        let torrent = h.path("\(name).torrent")
        let r = try h.run(home: home, ["create", payload, "-o", torrent])
        XCTAssertEqual(r.status, 0, r.stderr)
        return (payload, torrent)
    }

    func testHooksGetArgvNeverAShell() throws {
        let marks = h.path("marks")
        try FileManager.default.createDirectory(atPath: marks, withIntermediateDirectories: true)
        XCTAssertEqual(try h.run(home: home, ["config", "set", "on_complete", "/usr/bin/touch \(marks)/{name}"]).status, 0)
        XCTAssertEqual(try h.run(home: home, ["config", "set", "on_add", "touch '\(marks)/added {info_hash}'"]).status, 0)
        let name = "a $(touch pwned) `id` b.bin"
        let (_, torrent) = try makeTorrent(name)
        XCTAssertEqual(try h.run(home: home, ["add", torrent, "--save-path", h.path("data")]).status, 0)
        let hash = try XCTUnwrap(try h.list(home: home).first?["info_hash"] as? String)
        try h.waitUntil("both hooks to run", timeout: 20) {
            FileManager.default.fileExists(atPath: "\(marks)/\(name)") && FileManager.default.fileExists(atPath: "\(marks)/added \(hash)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: "pwned"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: h.path("data/pwned")))
    }

    func testShareRulesPauseOrRemove() throws {
        XCTAssertEqual(try h.run(home: home, ["config", "set", "seed_time_limit", "1"]).status, 0)
        XCTAssertEqual(try h.run(home: home, ["category", "add", "oneshot", "--seed-time-limit", "1", "--share-action", "remove"]).status, 0)
        let (_, kept) = try makeTorrent("kept.bin")
        let (_, gone) = try makeTorrent("gone.bin")
        XCTAssertEqual(try h.run(home: home, ["add", kept, "--save-path", h.path("data")]).status, 0)
        XCTAssertEqual(try h.run(home: home, ["add", gone, "--save-path", h.path("data"), "--category", "oneshot"]).status, 0)
        try h.waitUntil("the rules to act", timeout: 40) {
            let rows = try h.list(home: home)
            return rows.count == 1 && rows.first?["state"] as? String == "paused"
        }
        XCTAssertEqual(try h.list(home: home).first?["name"] as? String, "kept.bin")
        XCTAssertTrue(FileManager.default.fileExists(atPath: h.path("data/gone.bin")), "remove must keep the data")
        let events = try h.run(home: home, ["events"])
        XCTAssertTrue(events.stdout.contains("seeded for"), events.stdout)
        // A paused torrent that reached its limit stays paused after a restart.
        XCTAssertEqual(try h.run(home: home, ["engine", "stop"]).status, 0)
        XCTAssertEqual(try h.list(home: home).first?["state"] as? String, "paused")
    }

    func testWatchDirectoryAddsGoodFilesAndMarksBadOnes() throws {
        let watch = h.path("watch")
        try FileManager.default.createDirectory(atPath: watch, withIntermediateDirectories: true)
        XCTAssertEqual(try h.run(home: home, ["config", "set", "default_save_path", h.path("data")]).status, 0)
        XCTAssertEqual(try h.run(home: home, ["config", "set", "watch_dir", watch]).status, 0)
        let (_, torrent) = try makeTorrent("watched.bin")
        try FileManager.default.copyItem(atPath: torrent, toPath: watch + "/watched.torrent")
        try Data("not bencode".utf8).write(to: URL(fileURLWithPath: watch + "/bad.torrent"))
        try ("magnet:?xt=urn:btih:" + String(repeating: "d", count: 40)).write(toFile: watch + "/m.magnet", atomically: true, encoding: .utf8)
        try h.waitUntil("the watch directory to be read", timeout: 30) {
            FileManager.default.fileExists(atPath: watch + "/watched.torrent.added")
                && FileManager.default.fileExists(atPath: watch + "/bad.torrent.invalid")
                && FileManager.default.fileExists(atPath: watch + "/m.magnet.added")
        }
        let names = try h.list(home: home).compactMap { $0["name"] as? String }
        XCTAssertTrue(names.contains("watched.bin"), "\(names)")
        XCTAssertEqual(names.count, 2)
        let events = try h.run(home: home, ["events"])
        XCTAssertTrue(events.stdout.contains("bad.torrent"), events.stdout)
    }

    func testKillSwitchStopsEverythingWhileTheInterfaceIsGone() throws {
        XCTAssertEqual(try h.run(home: home, ["config", "set", "interface", "nosuch0"]).status, 0)
        try h.waitUntil("the kill switch", timeout: 15) {
            let r = try h.run(home: home, ["status", "--json"])
            return (try h.json(r) as? [String: Any])?["interface_up"] as? Bool == false
        }
        let events = try h.run(home: home, ["events"])
        XCTAssertTrue(events.stdout.contains("kill switch"), events.stdout)
        XCTAssertEqual(try h.run(home: home, ["config", "set", "interface", "lo"]).status, 0)
        try h.waitUntil("the interface to count as back", timeout: 15) {
            let r = try h.run(home: home, ["status", "--json"])
            return (try h.json(r) as? [String: Any])?["interface_up"] as? Bool == true
        }
    }

    func testAddFromURLsIncludingARedirectToAMagnet() throws {
        let (_, torrent) = try makeTorrent("web.bin")
        let served = h.path("www")
        try FileManager.default.createDirectory(atPath: served, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: torrent, toPath: served + "/web.torrent")
        let port = Harness.freePort()
        let magnet = "magnet:?xt=urn:btih:" + String(repeating: "e", count: 40) + "&dn=redirected"
        let server = """
            import http.server, sys, os
            os.chdir(sys.argv[2])
            class H(http.server.SimpleHTTPRequestHandler):
                def do_GET(self):
                    if self.path.startswith('/grab'):
                        self.send_response(302); self.send_header('Location', sys.argv[3]); self.end_headers(); return
                    return super().do_GET()
                def log_message(self, *a): pass
            http.server.HTTPServer(('127.0.0.1', int(sys.argv[1])), H).serve_forever()
            """
        try server.write(toFile: h.path("server.py"), atomically: true, encoding: .utf8)
        try h.spawn("/usr/bin/env", ["python3", h.path("server.py"), String(port), served, magnet])
        try h.waitUntil("the web server", timeout: 10) { Tracker.accepts(port: port) }

        let ok = try h.run(home: home, ["add", "http://127.0.0.1:\(port)/web.torrent", "--save-path", h.path("data")])
        XCTAssertEqual(ok.status, 0, ok.stderr)
        let redirected = try h.run(home: home, ["add", "http://127.0.0.1:\(port)/grab?apikey=SECRET", "--save-path", h.path("data"), "--paused"])
        XCTAssertEqual(redirected.status, 0, redirected.stderr)
        let missing = try h.run(home: home, ["add", "http://127.0.0.1:\(port)/nope.torrent?apikey=SECRET"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("HTTP 404"), missing.stderr)
        XCTAssertFalse(missing.stderr.contains("SECRET"), "an API key reached an error message")
        let names = Set(try h.list(home: home).compactMap { $0["name"] as? String })
        XCTAssertEqual(names, ["web.bin", "redirected"])
        let info = try h.run(home: home, ["info", "--filter", "name=redirected"])
        XCTAssertTrue(info.stdout.contains("magnet:"), info.stdout)
    }

    func testFilesPrioritiesMoveQueueAndRemoveWithData() throws {
        let dir = h.path("data/album")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        _ = try h.payload("data/album/one.flac", bytes: 40_000)
        _ = try h.payload("data/album/two.flac", bytes: 50_000)
        let torrent = h.path("album.torrent")
        XCTAssertEqual(try h.run(home: home, ["create", dir, "-o", torrent]).status, 0)
        XCTAssertEqual(try h.run(home: home, ["add", torrent, "--save-path", h.path("data")]).status, 0)
        XCTAssertEqual(try h.run(home: home, ["wait", "all", "--state", "seeding", "--timeout", "30"]).status, 0)
        let files = try XCTUnwrap(try h.json(try h.run(home: home, ["files", "1", "--json"])) as? [[String: Any]])
        XCTAssertEqual(files.compactMap { $0["path"] as? String }, ["album/one.flac", "album/two.flac"])
        XCTAssertEqual(try h.run(home: home, ["prio", "1", "--file", "1", "--priority", "skip"]).status, 0)
        let after = try XCTUnwrap(try h.json(try h.run(home: home, ["files", "1", "--json"])) as? [[String: Any]])
        XCTAssertEqual(after.compactMap { $0["priority"] as? Int }, [4, 0])
        XCTAssertEqual(try h.run(home: home, ["prio", "1", "--file", "9", "--priority", "high"]).status, 2)

        let moved = h.path("moved")
        let move = try h.run(home: home, ["move", "1", "--to", moved])
        XCTAssertEqual(move.status, 0, move.stderr)
        try h.waitUntil("the move to show", timeout: 20) { try h.list(home: home).first?["save_path"] as? String == moved }
        XCTAssertTrue(FileManager.default.fileExists(atPath: moved + "/album/one.flac"))

        // Three downloads from nowhere hold queue positions 0, 1, 2.
        var ids: [Int] = []
        for name in ["q1.bin", "q2.bin", "q3.bin"] {
            let (_, t) = try makeTorrent(name)
            let r = try h.run(home: home, ["add", t, "--save-path", h.path("nowhere"), "--json"])
            ids.append(try XCTUnwrap((try h.json(r) as? [[String: Any]])?.first?["id"] as? Int))
        }
        func order() throws -> [Int] {
            try h.list(home: home).filter { ($0["queue_position"] as? Int ?? -1) >= 0 }
                .sorted { ($0["queue_position"] as! Int) < ($1["queue_position"] as! Int) }.compactMap { $0["id"] as? Int }
        }
        try h.waitUntil("queue positions", timeout: 10) { try order().count == 3 }
        XCTAssertEqual(try order(), ids)
        XCTAssertEqual(try h.run(home: home, ["queue", "bottom", String(ids[0])]).status, 0)
        try h.waitUntil("the queue to change", timeout: 10) { try order() == [ids[1], ids[2], ids[0]] }
        XCTAssertEqual(try h.run(home: home, ["queue", "top", String(ids[2])]).status, 0)
        try h.waitUntil("the queue to change again", timeout: 10) { try order() == [ids[2], ids[1], ids[0]] }

        let removed = try h.run(home: home, ["remove", "1", "--delete-data"])
        XCTAssertEqual(removed.status, 0, removed.stderr)
        try h.waitUntil("the data to be deleted", timeout: 20) { !FileManager.default.fileExists(atPath: moved + "/album/one.flac") }
        XCTAssertEqual(try h.list(home: home).count, 3)
        XCTAssertEqual(try h.run(home: home, ["remove", "--filter", "name~q"]).status, 0)
        XCTAssertEqual(try h.list(home: home).count, 0)
    }
}
