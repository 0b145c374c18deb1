import Foundation
import XCTest

/// Indexers end to end: the real binary and engine against a small Torznab server on 127.0.0.1
/// (a Python script written by the test, answering per query). Caps discovery, `indexer test`,
/// `search --json` with reasons, a revoked key (code 100) with its back-off, broken answers,
/// usenet results, and the key never shown anywhere.
final class IndexerTests: HomeTestCase {
    let key = "k3y-4f9b2c7e1d"
    var port = 0
    var state = ""
    /// Every stdout and stderr a command printed, to look for the key at the end.
    var printed: [String] = []

    static let server = #"""
        import os, sys, urllib.parse
        port, state, key = int(sys.argv[1]), sys.argv[2], sys.argv[3]
        CAPS = '''<?xml version="1.0" encoding="UTF-8"?>
        <caps><server title="Lantern"/><limits max="100" default="50"/>
        <searching><search available="yes" supportedParams="q"/><tv-search available="yes" supportedParams="q,season,ep"/>
        <movie-search available="yes" supportedParams="q,imdbid"/><audio-search available="no"/></searching>
        <categories><category id="5000" name="TV"><subcat id="5040" name="TV/HD"/><subcat id="5045" name="TV/UHD"/></category>
        <category id="2000" name="Movies"/></categories></caps>'''
        def item(n, title, size, seeders, kind="torrent"):
            link = f"http://127.0.0.1:{port}/dl/{n}.torrent?apikey={key}"
            if kind == "usenet":
                return f'''<item><title>{title}</title><guid>https://tracker.test/nzb/{n}</guid><link>{link}</link>
        <pubDate>Sat, 14 Mar 2015 17:10:42 -0400</pubDate>
        <enclosure url="{link}" length="{size}" type="application/x-nzb"/><newznab:attr name="size" value="{size}"/></item>'''
            return f'''<item><title>{title}</title><guid>https://tracker.test/t/{n}</guid><link>{link}</link>
        <pubDate>Sat, 14 Mar 2015 17:10:42 -0400</pubDate>
        <enclosure url="{link}" length="1000" type="application/x-bittorrent"/>
        <torznab:attr name="size" value="{size}"/><torznab:attr name="seeders" value="{seeders}"/>
        <torznab:attr name="peers" value="{seeders + 3}"/><torznab:attr name="category" value="5040"/>
        <torznab:attr name="downloadvolumefactor" value="0"/><torznab:attr name="minimumratio" value="1.0"/></item>'''
        GB = 1 << 30
        RESULTS = [
            item(1, "Harbor.Lights.S02E05.720p.HDTV.x264-TIDE", GB, 80),
            item(2, "Harbor.Lights.S02E05.1080p.WEB-DL.DDP5.1.H.264-KELP", 2 * GB, 40),
            item(3, "Harbor.Lights.S02E05.CAM.x264-BAD", GB, 900),
            item(4, "Harbor.Lights.S02E05.1080p.WEB-DL.x264-NOBODY", 2 * GB, 0),
            item(5, "Harbor.Lights.S02E05.1080p.WEB-DL.x264-KELP.sample", 40 << 20, 12),
            item(6, "Harbor.Lights.S02E06.1080p.WEB-DL.x264-KELP", 2 * GB, 30),
        ]
        def feed(items):
            return ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:torznab="http://torznab.com/schemas/2015/feed" '
                    'xmlns:newznab="http://www.newznab.com/DTD/2010/feeds/attributes/"><channel><title>Lantern</title>'
                    f'<newznab:response offset="0" total="{len(items)}"/>' + "".join(items) + '</channel></rss>')
        class H(Handler):
            def do_GET(self):
                u = urllib.parse.urlparse(self.path)
                q = dict(urllib.parse.parse_qsl(u.query))
                with open(os.path.join(state, "requests.log"), "a") as f:
                    f.write(self.path + "\n")
                if not u.path.endswith("/api"):
                    return self.send(404, "not found", "text/plain")
                mode = u.path.strip("/").split("/")[0]
                if q.get("apikey") != key or os.path.exists(os.path.join(state, "revoked")):
                    return self.send(200, '<?xml version="1.0" encoding="UTF-8"?><error code="100" description="Incorrect user credentials"/>')
                t = q.get("t")
                if t == "caps":
                    return self.send(200, CAPS)
                if mode == "html":
                    return self.send(200, "<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>checking</body></html>", "text/html")
                if mode == "huge":
                    return self.send(200, b'<?xml version="1.0"?><rss><channel>' + b" " * (17 << 20) + b"</channel></rss>")
                if mode == "usenet":
                    return self.send(200, feed([item(7, "Harbor.Lights.S02E05.1080p.WEB-DL.x264-NZB", 2 * GB, 0, "usenet")]))
                if t == "tvsearch":
                    return self.send(200, feed(RESULTS if (q.get("season"), q.get("ep")) == ("2", "5") else []))
                if t == "search":
                    return self.send(200, feed(RESULTS[:2]))
                return self.send(200, '<error code="202" description="No such function"/>')
        http.server.ThreadingHTTPServer(("127.0.0.1", port), H).serve_forever()
        """#

    override func setUpWithError() throws {
        try super.setUpWithError()
        guard Harness.which("python3") != nil else { throw XCTSkip("python3 is needed for the Torznab test server") }
        state = h.path("torznab")
        try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
        try (TorznabTestServer.prelude + Self.server).write(toFile: state + "/server.py", atomically: true, encoding: .utf8)
        port = Harness.freePort()
        try h.spawn("/usr/bin/env", ["python3", state + "/server.py", String(port), state, key], log: state + "/server.out")
        try h.waitUntil("the Torznab server to listen", timeout: 10) { Tracker.accepts(port: port) }
    }

    override func tearDown() {
        // The key never reaches any output, event or the engine's log.
        for text in printed { XCTAssertFalse(text.contains(key), "the API key was printed: \(text.prefix(300))") }
        if let home, let log = try? String(contentsOfFile: home + "/engine.log", encoding: .utf8) {
            XCTAssertFalse(log.contains(key), "the API key is in engine.log")
        }
        super.tearDown()
    }

    @discardableResult
    func st(_ args: [String], _ status: Int32? = 0, file: StaticString = #filePath, line: UInt = #line) throws -> Harness.Result {
        let r = try h.run(home: home, args, timeout: 90)
        printed += [r.stdout, r.stderr]
        if let status { XCTAssertEqual(r.status, status, "\(args): \(r.stderr)", file: file, line: line) }
        return r
    }

    func url(_ mode: String) -> String { "http://127.0.0.1:\(port)/\(mode)/" }

    func requests() -> [String] {
        ((try? String(contentsOfFile: state + "/requests.log", encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    func indexers() throws -> [String: [String: Any]] {
        let r = try st(["indexer", "list", "--json"])
        let list = try XCTUnwrap(try h.json(r) as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: list.map { ($0["name"] as! String, $0) })
    }

    func testAddTestSearchAndARevokedKey() throws {
        // Caps are discovered at add; a wrong key stores nothing.
        let added = try st(["indexer", "add", "lantern", url("lantern"), "--apikey", key, "--categories", "5040,5045", "--priority", "10", "--interval", "0"])
        XCTAssertTrue(added.stdout.contains("indexer lantern added (torznab): searches search tv movie, 4 categories"), added.stdout)
        let wrong = try st(["indexer", "add", "wrongkey", url("lantern"), "--apikey", "not-the-key"], 1)
        XCTAssertTrue(wrong.stderr.contains("indexer wrongkey refused the API key (code 100: Incorrect user credentials)"), wrong.stderr)
        var list = try indexers()
        XCTAssertEqual(Array(list.keys), ["lantern"])
        let lantern = try XCTUnwrap(list["lantern"])
        XCTAssertEqual(lantern["api_key"] as? String, "********")
        XCTAssertEqual(lantern["status"] as? String, "ok")
        XCTAssertEqual(lantern["searches"] as? String, "search tv movie")
        XCTAssertEqual(lantern["categories"] as? [Int], [5040, 5045])
        XCTAssertEqual(lantern["url"] as? String, "http://127.0.0.1:\(port)/lantern/api")

        let tested = try st(["indexer", "test", "lantern"])
        XCTAssertTrue(tested.stdout.contains("indexer lantern answers: searches search tv movie, 2 releases"), tested.stdout)

        // A typed search: the parameters the caps allow, every release judged with reasons.
        let search = try st(["search", "Harbor", "Lights", "--type", "tv", "--season", "2", "--episode", "5", "--json"])
        let result = try XCTUnwrap(try h.json(search) as? [String: Any])
        XCTAssertEqual(result["profile"] as? String, "default")
        let outcome = try XCTUnwrap((result["outcomes"] as? [[String: Any]])?.first)
        XCTAssertEqual(outcome["status"] as? String, "ok")
        XCTAssertEqual(outcome["function"] as? String, "tvsearch")
        XCTAssertEqual(outcome["releases"] as? Int, 6)
        let tvQuery = try XCTUnwrap(requests().last { $0.contains("t=tvsearch") })
        XCTAssertTrue(tvQuery.contains("season=2&ep=5&q=Harbor%20Lights&cat=5040,5045&extended=1&limit=50"), tvQuery)
        let releases = try XCTUnwrap(result["releases"] as? [[String: Any]])
        func title(_ d: [String: Any]) -> String { (d["release"] as? [String: Any])?["title"] as? String ?? "" }
        func reasons(_ suffix: String) -> [String: String] {
            let d = releases.first { title($0).hasSuffix(suffix) } ?? [:]
            return Dictionary(((d["rejections"] as? [[String: String]]) ?? []).map { ($0["spec"]!, $0["reason"]!) }, uniquingKeysWith: { a, _ in a })
        }
        XCTAssertEqual(releases.map { $0["accepted"] as? Bool }, [true, true, false, false, false, false])
        XCTAssertEqual(title(releases[0]), "Harbor.Lights.S02E05.1080p.WEB-DL.DDP5.1.H.264-KELP", "WEB-DL 1080p ranks above HDTV 720p")
        XCTAssertEqual(title(releases[1]), "Harbor.Lights.S02E05.720p.HDTV.x264-TIDE")
        XCTAssertEqual(releases[0]["quality"] as? String, "WEBDL-1080p")
        XCTAssertEqual(reasons("CAM.x264-BAD")["quality"], "CAM (a theatre or preview copy) is not allowed by profile 'default'")
        XCTAssertEqual(reasons("x264-NOBODY")["seeders"], "0 seeders, profile 'default' wants at least 1")
        XCTAssertEqual(reasons("KELP.sample")["sample"], "a sample, not the release")
        XCTAssertEqual(reasons("S02E06.1080p.WEB-DL.x264-KELP")["match"], "episode 6, wanted S02E05")
        let first = try XCTUnwrap(releases[0]["release"] as? [String: Any])
        XCTAssertEqual(first["seeders"] as? Int, 40)
        XCTAssertEqual(first["download_volume_factor"] as? Double, 0)
        XCTAssertEqual(first["minimum_ratio"] as? Double, 1)
        XCTAssertEqual(first["download_url"] as? String, "http://127.0.0.1:\(port)/dl/2.torrent?apikey=***")
        let human = try st(["search", "Harbor", "Lights", "--type", "tv", "--season", "2", "--episode", "5"])
        XCTAssertTrue(human.stdout.contains("rejected: CAM (a theatre or preview copy) is not allowed"), human.stdout)
        XCTAssertTrue(human.stdout.contains("6 releases from 1 of 1 indexer, 2 accepted by profile 'default'"), human.stdout)

        // The site revokes the key: a clear error naming the indexer, exit 1, and a visible back-off.
        XCTAssertTrue(FileManager.default.createFile(atPath: state + "/revoked", contents: nil))
        let refused = try st(["search", "Harbor", "Lights", "--type", "tv", "--season", "2", "--episode", "5"], 1)
        XCTAssertTrue(refused.stderr.contains("indexer lantern refused the API key (code 100: Incorrect user credentials)"), refused.stderr)
        list = try indexers()
        XCTAssertEqual(list["lantern"]?["status"] as? String, "backoff")
        XCTAssertNotNil(list["lantern"]?["backoff_until"] as? Int)
        XCTAssertTrue((list["lantern"]?["last_error"] as? String)?.contains("refused the API key") == true)
        let table = try st(["indexer", "list"])
        XCTAssertTrue(table.stdout.contains("backoff until"), table.stdout)
        // While it rests it is not asked at all.
        let asked = requests().count
        let resting = try st(["search", "Harbor", "Lights", "--type", "tv", "--season", "2", "--episode", "5", "--json"], 1)
        XCTAssertTrue(resting.stderr.contains("indexer lantern is resting until"), resting.stderr)
        XCTAssertEqual(requests().count, asked)
        // `indexer test` asks anyway; it fails while the key is wrong, and ends the rest once it works.
        let stillWrong = try st(["indexer", "test", "lantern"], 1)
        XCTAssertTrue(stillWrong.stderr.contains("indexer lantern refused the API key"), stillWrong.stderr)
        try FileManager.default.removeItem(atPath: state + "/revoked")
        try st(["indexer", "test", "lantern"])
        XCTAssertEqual(try indexers()["lantern"]?["status"] as? String, "ok")

        // The key lives in the database, and only there.
        let db = try Harness.exec("/usr/bin/env", ["python3", "-c",
            "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select api_key from indexer').fetchone()[0])", home + "/seedtui.db"])
        XCTAssertEqual(db.stdout.trimmingCharacters(in: .whitespacesAndNewlines), key)
        let events = try st(["events", "--json"])
        XCTAssertTrue(events.stdout.contains("indexer lantern added"), events.stdout)

        try st(["indexer", "disable", "lantern"])
        XCTAssertEqual(try indexers()["lantern"]?["status"] as? String, "disabled")
        let none = try st(["search", "Harbor"], 2)
        XCTAssertTrue(none.stderr.contains("no enabled indexer"), none.stderr)
        try st(["indexer", "remove", "lantern"])
        XCTAssertTrue(try indexers().isEmpty)
    }

    func testBrokenAnswersAndUsenet() throws {
        try st(["indexer", "add", "cloudy", url("html"), "--apikey", key, "--interval", "0"])
        try st(["indexer", "add", "giant", url("huge"), "--apikey", key, "--interval", "0"])
        try st(["indexer", "add", "hydra", url("usenet"), "--apikey", key, "--kind", "newznab", "--interval", "0"])
        let html = try st(["search", "Harbor", "--indexer", "cloudy"], 1)
        XCTAssertTrue(html.stderr.contains("indexer cloudy sent an HTML page \"Just a moment...\" instead of Torznab/Newznab XML"), html.stderr)
        let huge = try st(["search", "Harbor", "--indexer", "giant"], 1)
        XCTAssertTrue(huge.stderr.contains("indexer giant sent more than 16.0 MiB"), huge.stderr)
        let list = try indexers()
        XCTAssertEqual(list["cloudy"]?["status"] as? String, "backoff")
        XCTAssertEqual(list["giant"]?["status"] as? String, "backoff")

        // Usenet results are listed, marked as not downloadable yet.
        let nzb = try st(["search", "Harbor", "--indexer", "hydra", "--json"])
        let result = try XCTUnwrap(try h.json(nzb) as? [String: Any])
        let release = try XCTUnwrap((result["releases"] as? [[String: Any]])?.first)
        XCTAssertEqual((release["release"] as? [String: Any])?["protocol"] as? String, "usenet")
        XCTAssertEqual(release["accepted"] as? Bool, false)
        let reasons = (release["rejections"] as? [[String: String]])?.map { $0["reason"]! } ?? []
        XCTAssertTrue(reasons.contains("a usenet (Newznab) release: listed, but seedtui cannot download usenet yet"), "\(reasons)")

        // A search across all three: one answers, two rest; the one that answered is enough for exit 0.
        let mixed = try st(["search", "Harbor", "--json"])
        let outcomes = (try h.json(mixed) as? [String: Any])?["outcomes"] as? [[String: Any]] ?? []
        XCTAssertEqual(Set(outcomes.map { "\($0["indexer"]!)=\($0["status"]!)" }), ["cloudy=skipped", "giant=skipped", "hydra=ok"])
    }

    func testWantedAndProfiles() throws {
        let profiles = try XCTUnwrap(try h.json(try st(["profile", "list", "--json"])) as? [[String: Any]])
        XCTAssertEqual(profiles.map { ($0["profile"] as? [String: Any])?["name"] as? String }, ["default", "music", "any"])
        let shown = try st(["profile", "show", "default"])
        XCTAssertTrue(shown.stdout.contains("qualities (best first): Remux-2160p, Bluray-2160p"), shown.stdout)
        XCTAssertTrue(shown.stdout.contains("cutoff: WEBDL-1080p"), shown.stdout)
        try st(["profile", "add", "strict", "--qualities", "webdl-1080p,Bluray-1080p", "--cutoff", "WEBDL-1080p",
                "--prefer", "x265=10", "--ignore", "dolby vision", "--min-seeders", "5", "--size", "WEBDL-1080p=5-150"])
        let strict = try XCTUnwrap((try h.json(try st(["profile", "show", "strict", "--json"])) as? [String: Any])?["profile"] as? [String: Any])
        XCTAssertEqual(strict["qualities"] as? [String], ["WEBDL-1080p", "Bluray-1080p"])
        XCTAssertEqual(strict["minimum_seeders"] as? Int, 5)
        XCTAssertEqual(strict["ignored_terms"] as? [String], ["dolby vision"])
        XCTAssertTrue(try st(["profile", "add", "default"], 2).stderr.contains("built in and read-only"))
        XCTAssertTrue(try st(["profile", "add", "strict"], 2).stderr.contains("--replace"))
        XCTAssertTrue(try st(["profile", "add", "odd", "--qualities", "8K"], 2).stderr.contains("unknown quality '8K'"))

        let episode = try XCTUnwrap(try h.json(try st(["wanted", "add", "tv", "Harbor", "Lights", "--season", "2", "--episode", "5",
                                                       "--profile", "strict", "--json"])) as? [String: Any])
        XCTAssertEqual(episode["title"] as? String, "Harbor Lights")
        XCTAssertEqual(episode["status"] as? String, "wanted")
        XCTAssertEqual(episode["profile"] as? String, "strict")
        XCTAssertTrue(try st(["wanted", "add", "tv", "harbor lights", "--season", "2", "--episode", "5"], 2).stderr.contains("already wanted"))
        try st(["wanted", "add", "movie", "The Copper Road", "--year", "2019", "--imdb", "tt0039689"])
        XCTAssertTrue(try st(["wanted", "add", "movie", "X", "--season", "1"], 2).stderr.contains("--season and --episode are for tv"))
        XCTAssertTrue(try st(["wanted", "add", "tv", "X", "--profile", "nope"], 2).stderr.contains("no profile named 'nope'"))
        let items = try XCTUnwrap(try h.json(try st(["wanted", "list", "--json"])) as? [[String: Any]])
        XCTAssertEqual(items.map { $0["title"] as? String }, ["Harbor Lights", "The Copper Road"])
        XCTAssertEqual(items[1]["imdb_id"] as? String, "tt0039689")
        let table = try st(["wanted", "list", "--type", "movie"])
        XCTAssertTrue(table.stdout.contains("The Copper Road (2019)"), table.stdout)
        XCTAssertFalse(table.stdout.contains("Harbor"), table.stdout)
        XCTAssertTrue(try st(["profile", "remove", "strict"], 2).stderr.contains("used by 1 wanted item"))
        try st(["wanted", "remove", String(episode["id"] as! Int)])
        try st(["profile", "remove", "strict"])
        XCTAssertTrue(try st(["wanted", "remove", "999"], 2).stderr.contains("no wanted item #999"))
    }
}
