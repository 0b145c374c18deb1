import Foundation
import XCTest

/// The acquisition loop end to end, all on 127.0.0.1: a Torznab server written by the test
/// lists a release whose .torrent it serves; aria2c seeds the payload through opentracker;
/// `rss sync` grabs it into the engine, which downloads it and, on completion, hardlinks the
/// episode into the tv library under the naming template, scans it and marks the item done.
final class AcquisitionLoopTests: AcquisitionTestCase {
    override var apiKey: String { "loop-k3y-77aa" }
    let release = "Harbor.Lights.S01E05.1080p.WEB-DL.x264-KELP"

    static let server = #"""
        import os, sys, urllib.parse
        port, state, key, title, infohash = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
        CAPS = '''<?xml version="1.0" encoding="UTF-8"?>
        <caps><server title="Loop"/><limits max="100" default="100"/>
        <searching><search available="yes" supportedParams="q"/><tv-search available="yes" supportedParams="q,season,ep"/></searching>
        <categories><category id="5000" name="TV"><subcat id="5040" name="TV/HD"/></category></categories></caps>'''
        def item(n, name, h):
            link = f"http://127.0.0.1:{port}/dl/{n}.torrent?apikey={key}"
            return f'''<item><title>{name}</title><guid>https://loop.test/t/{n}</guid><link>{link}</link>
        <pubDate>Sat, 14 Mar 2015 17:10:42 -0400</pubDate><enclosure url="{link}" length="1000" type="application/x-bittorrent"/>
        <torznab:attr name="size" value="{3 << 30}"/><torznab:attr name="seeders" value="5"/><torznab:attr name="category" value="5040"/>
        <torznab:attr name="infohash" value="{h}"/></item>'''
        ITEMS = [item(1, title, infohash),
                 item(2, "Harbor.Lights.S01E06.1080p.WEB-DL.x264-KELP", "ab" * 20),
                 item(3, "Other.Show.S01E05.1080p.WEB-DL.x264-KELP", "cd" * 20)]
        def feed(items):
            return ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:torznab="http://torznab.com/schemas/2015/feed">'
                    '<channel><title>Loop</title>' + "".join(items) + '</channel></rss>')
        class H(Handler):
            def do_GET(self):
                u = urllib.parse.urlparse(self.path)
                q = dict(urllib.parse.parse_qsl(u.query))
                with open(os.path.join(state, "requests.log"), "a") as f: f.write(self.path + "\n")
                if q.get("apikey") != key:
                    return self.send(200, '<error code="100" description="Incorrect user credentials"/>')
                if u.path == "/dl/1.torrent":
                    return self.send(200, open(os.path.join(state, "release.torrent"), "rb").read(), "application/x-bittorrent")
                if u.path.startswith("/dl/"):
                    return self.send(404, "gone", "text/plain")
                t = q.get("t")
                if t == "caps": return self.send(200, CAPS)
                if t in ("search", "tvsearch"): return self.send(200, feed(ITEMS))
                return self.send(200, '<error code="202" description="No such function"/>')
        http.server.ThreadingHTTPServer(("127.0.0.1", port), H).serve_forever()
        """#

    func testRSSSyncGrabsDownloadsAndImportsIntoTheLibrary() throws {
        for tool in ["python3", "ffmpeg", "aria2c"] where Harness.which(tool) == nil { throw XCTSkip("\(tool) is needed for the acquisition loop") }
        // The release: the episode, a sample and an .nfo, as a release folder.
        let maker = LibraryMediaMaker(root: h.path("seed"))
        try maker.episode("\(release)/\(release.lowercased()).mkv")
        try maker.small("\(release)/Sample/\(release.lowercased())-sample.mkv")
        try "KELP presents".write(toFile: h.path("seed/\(release)/kelp.nfo"), atomically: true, encoding: .utf8)
        let trackerPort = Harness.freePort()
        let state = h.path("torznab")
        try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
        let torrent = state + "/release.torrent"
        try XCTAssertEqual(h.run(home: h.path("maker"), ["create", h.path("seed/\(release)"), "-o", torrent,
                                                         "--tracker", "http://127.0.0.1:\(trackerPort)/announce", "--piece-size", "16k"]).status, 0)
        let hash = try infoHash(ofTorrent: torrent)
        let tracker = try TrackerOnPort(harness: h, hashes: [hash], port: trackerPort)
        let aria = try XCTUnwrap(Harness.which("aria2c"))
        try h.spawn(aria, ["--enable-dht=false", "--enable-dht6=false", "--bt-enable-lpd=false", "--enable-peer-exchange=false",
                           "--seed-ratio=0.0", "--bt-seed-unverified=true", "--listen-port=\(Harness.freePort())", "--check-integrity=false",
                           "--bt-external-ip=127.0.0.1", "-d", h.path("seed"), torrent], log: h.path("aria-seed.log"))
        try (TorznabTestServer.prelude + Self.server).write(toFile: state + "/server.py", atomically: true, encoding: .utf8)
        let port = Harness.freePort()
        try h.spawn("/usr/bin/env", ["python3", state + "/server.py", String(port), state, apiKey, release, hash], log: state + "/server.out")
        try h.waitUntil("the Torznab server to listen", timeout: 10) { Tracker.accepts(port: port) }

        let downloads = h.path("downloads"), tv = h.path("library/tv")
        try FileManager.default.createDirectory(atPath: tv, withIntermediateDirectories: true)
        try st(["config", "set", "default_save_path", downloads])
        try st(["config", "set", "listen_port", String(Harness.freePort())])
        try st(["indexer", "add", "loop", "http://127.0.0.1:\(port)/", "--apikey", apiKey, "--interval", "0"])
        try st(["library", "add", tv, "--type", "tv"])
        let added = try st(["wanted", "add", "tv", "Harbor", "Lights", "--season", "1", "--episode", "5", "--json"])
        let wantedId = try XCTUnwrap((try h.json(added) as? [String: Any])?["id"] as? Int)

        // The sync grabs exactly the episode wanted, from the feed's three releases.
        let sync = try XCTUnwrap(try h.json(try st(["rss", "sync", "--json"])) as? [String: Any])
        XCTAssertEqual((sync["outcomes"] as? [[String: Any]])?.first?["status"] as? String, "ok")
        XCTAssertEqual(sync["releases"] as? Int, 3)
        let grabs = try XCTUnwrap(sync["grabs"] as? [[String: Any]])
        XCTAssertEqual(grabs.count, 1, "\(sync)")
        XCTAssertEqual(grabs.first?["title"] as? String, release)
        XCTAssertEqual(grabs.first?["quality"] as? String, "WEBDL-1080p")
        XCTAssertEqual(grabs.first?["wanted_id"] as? Int, wantedId)
        let row = try XCTUnwrap(try h.list(home: home).first)
        XCTAssertEqual(row["category"] as? String, "seedtui-tv")
        XCTAssertEqual(row["tags"] as? [String], ["wanted:\(wantedId)"])
        XCTAssertEqual(row["save_path"] as? String, downloads + "/seedtui-tv")

        // Downloaded from aria2c, then imported on completion.
        let waited = try h.run(home: home, ["wait", "all", "--state", "seeding", "--timeout", "120"], timeout: 130)
        XCTAssertEqual(waited.status, 0, waited.stderr + ((try? String(contentsOfFile: h.path("aria-seed.log"), encoding: .utf8)) ?? ""))
        _ = tracker
        var history: [[String: Any]] = []
        try h.waitUntil("the import", timeout: 30) {
            history = try h.json(try st(["history", "--json"])) as? [[String: Any]] ?? []
            return history.contains { $0["kind"] as? String == "import" }
        }
        let imported = try XCTUnwrap(history.first { $0["kind"] as? String == "import" })
        XCTAssertEqual(imported["state"] as? String, "imported", "\(imported)")
        XCTAssertEqual(imported["mode"] as? String, "hardlink")
        let expected = tv + "/Harbor Lights/Season 01/Harbor Lights - S01E05 - WEBDL-1080p.mkv"
        let target = try XCTUnwrap(imported["target"] as? String)
        XCTAssertEqual(target, LibraryLinkerPath.real(expected), "\(imported)")
        let source = downloads + "/seedtui-tv/\(release)/\(release.lowercased()).mkv"
        let a = try XCTUnwrap(inode(source)), b = try XCTUnwrap(inode(target))
        XCTAssertTrue(a.dev == b.dev && a.ino == b.ino, "the library file is not a hardlink of the download")
        // Only the episode: no sample, no .nfo.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: tv + "/Harbor Lights/Season 01"),
                       ["Harbor Lights - S01E05 - WEBDL-1080p.mkv"])
        XCTAssertEqual(history.first { $0["kind"] as? String == "grab" }?["state"] as? String, "imported")

        // It shows in the library, and the item is done.
        try h.waitUntil("the library scan", timeout: 30) {
            let items = try h.json(try st(["library", "list", "--json"])) as? [[String: Any]] ?? []
            return items.contains { ($0["path"] as? String)?.hasSuffix("Harbor Lights - S01E05 - WEBDL-1080p.mkv") == true }
        }
        let wanted = try XCTUnwrap((try h.json(try st(["wanted", "list", "--json"])) as? [[String: Any]])?.first)
        XCTAssertEqual(wanted["status"] as? String, "imported")
        XCTAssertEqual(wanted["current_quality"] as? String, "WEBDL-1080p")

        // Idempotent: a second sync grabs nothing, and a manual import again finds the same file there.
        let again = try XCTUnwrap(try h.json(try st(["rss", "sync", "--json"])) as? [String: Any])
        XCTAssertEqual((again["grabs"] as? [Any])?.count, 0, "\(again)")
        XCTAssertEqual(try h.list(home: home).count, 1)
        let manual = try XCTUnwrap(try h.json(try st(["import", source, "--wanted", String(wantedId), "--json"])) as? [String: Any])
        XCTAssertEqual((manual["files"] as? [[String: Any]])?.first?["mode"] as? String, "existing")
    }
}
