import Foundation
import XCTest

/// Podcasts end to end: a feed and real MP3 enclosures served by `python3 -m http.server` on
/// 127.0.0.1, the real binary subscribing, downloading into the podcasts library, cataloguing,
/// applying retention and importing OPML; the refresh timer and --max-age; bad feeds refused
/// with one line and nothing stored.
final class PodcastTests: HomeTestCase {
    var server: String!
    var base: String!

    override func setUpWithError() throws {
        try super.setUpWithError()
        guard Harness.which("ffmpeg") != nil else { throw XCTSkip("ffmpeg is not installed (make test-deps)") }
        guard Harness.which("python3") != nil else { throw XCTSkip("python3 is not installed") }
        server = h.path("srv")
        try FileManager.default.createDirectory(atPath: server, withIntermediateDirectories: true)
        let port = Harness.freePort()
        base = "http://127.0.0.1:\(port)"
        _ = try h.spawn("/usr/bin/env", ["python3", "-m", "http.server", String(port), "--bind", "127.0.0.1", "--directory", server])
        try h.waitUntil("the feed server to listen", timeout: 10) { Tracker.accepts(port: port) }
    }

    func mp3(_ name: String, seconds: Int) throws {
        let r = try Harness.exec(Harness.which("ffmpeg")!, ["-v", "error", "-y", "-f", "lavfi", "-i", "sine=duration=\(seconds)",
                                                             "-c:a", "libmp3lame", server + "/" + name])
        XCTAssertEqual(r.status, 0, r.stderr)
    }

    func feed(_ name: String, title: String, items: [(title: String, date: String, file: String)]) throws {
        let body = items.map { i in
            """
            <item><title>\(i.title)</title><guid>\(i.file)</guid><pubDate>\(i.date)</pubDate>
            <enclosure url="\(i.file.hasPrefix("file:") ? i.file : base + "/" + i.file)" type="audio/mpeg" length="1"/>
            <itunes:duration>0:01</itunes:duration></item>
            """
        }.joined(separator: "\n")
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel>
            <title>\(title)</title><link>https://example.org</link>
            \(body)
            </channel></rss>
            """
        try xml.write(toFile: server + "/" + name, atomically: true, encoding: .utf8)
    }

    func podcastItems() throws -> [[String: Any]] {
        let r = try h.run(home: home, ["library", "list", "--type", "podcast_episode", "--json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        return (try h.json(r) as? [[String: Any]]) ?? []
    }

    func files(_ dir: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted()
    }

    func testSubscribeDownloadCatalogueRetainAndImport() throws {
        try mp3("ep1.mp3", seconds: 1)
        try mp3("ep2.mp3", seconds: 2)
        try mp3("ep3.mp3", seconds: 1)
        try feed("show.xml", title: "Night Shift Radio", items: [
            ("Stars Over Water", "Fri, 05 Jan 2024 06:00:00 +0000", "ep1.mp3"),
            ("Moon: Part/Two", "Sat, 10 Feb 2024 06:00:00 +0000", "ep2.mp3"),
            ("Local Trick", "Sun, 11 Feb 2024 06:00:00 +0000", "file:///etc/passwd"),
        ])
        let library = h.path("podcasts")
        try FileManager.default.createDirectory(atPath: library, withIntermediateDirectories: true)

        // Without a podcasts library there is nowhere to download: refused, nothing stored.
        var r = try h.run(home: home, ["podcast", "add", base + "/show.xml"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("no podcasts library"), r.stderr)
        XCTAssertEqual(try h.run(home: home, ["library", "add", library, "--type", "podcasts"]).status, 0)

        r = try h.run(home: home, ["podcast", "add", base + "/show.xml", "--json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let report = try XCTUnwrap(try h.json(r) as? [String: Any])
        XCTAssertEqual(report["downloaded"] as? Int, 2, "\(report)")
        XCTAssertEqual(report["failed"] as? Int, 0, "\(report)")
        let show = library + "/Night Shift Radio"
        XCTAssertEqual(files(show), ["2024-01-05 - Stars Over Water.mp3", "2024-02-10 - Moon - Part-Two.mp3"])
        XCTAssertFalse(files(show).contains { $0.hasPrefix(".seedtui-part") }, "no temporary file is left")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: show + "/2024-01-05 - Stars Over Water.mp3")),
                       try Data(contentsOf: URL(fileURLWithPath: server + "/ep1.mp3")))

        // The show folder is scanned: the library lists the episodes with series and air date.
        var items: [[String: Any]] = []
        try h.waitUntil("the episodes to be catalogued", timeout: 30) {
            items = try podcastItems()
            return items.count == 2
        }
        let first = try XCTUnwrap(items.first { ($0["path"] as? String)?.hasSuffix("Stars Over Water.mp3") == true })
        XCTAssertEqual(first["series"] as? String, "Night Shift Radio")
        XCTAssertEqual(first["air_date"] as? String, "2024-01-05")

        // The file:// enclosure is listed as invalid and never fetched.
        r = try h.run(home: home, ["podcast", "episodes", "1", "--json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let episodes = try XCTUnwrap(try h.json(r) as? [[String: Any]])
        XCTAssertEqual(episodes.map { $0["state"] as? String }, ["invalid", "downloaded", "downloaded"])
        XCTAssertTrue((episodes[0]["error"] as? String)?.contains("not an http(s) URL") == true)

        // Duplicates are refused with one line.
        r = try h.run(home: home, ["podcast", "add", base + "/show.xml"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("already subscribed"), r.stderr)

        // A file of the user's in the show folder is never touched by retention.
        try Data("mine".utf8).write(to: URL(fileURLWithPath: show + "/2023-01-01 - Mine.mp3"))
        r = try h.run(home: home, ["podcast", "edit", "1", "--keep", "1", "--json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual((try h.json(r) as? [String: Any])?["removed"] as? Int, 1)
        XCTAssertEqual(files(show), ["2023-01-01 - Mine.mp3", "2024-02-10 - Moon - Part-Two.mp3"])

        // A new episode: refresh downloads it and retention deletes the older download.
        try feed("show.xml", title: "Night Shift Radio", items: [
            ("Stars Over Water", "Fri, 05 Jan 2024 06:00:00 +0000", "ep1.mp3"),
            ("Moon: Part/Two", "Sat, 10 Feb 2024 06:00:00 +0000", "ep2.mp3"),
            ("Dawn", "Fri, 01 Mar 2024 06:00:00 +0000", "ep3.mp3"),
        ])
        r = try h.run(home: home, ["podcast", "refresh", "1", "--json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let refreshed = try XCTUnwrap((try h.json(r) as? [[String: Any]])?.first)
        XCTAssertEqual(refreshed["new"] as? Int, 1, "\(refreshed)")
        XCTAssertEqual(refreshed["downloaded"] as? Int, 1, "\(refreshed)")
        XCTAssertEqual(refreshed["removed"] as? Int, 1, "\(refreshed)")
        XCTAssertEqual(files(show), ["2023-01-01 - Mine.mp3", "2024-03-01 - Dawn.mp3"])
        try h.waitUntil("the catalogue to follow retention", timeout: 30) {
            let paths = try podcastItems().compactMap { $0["path"] as? String }
            return paths.contains { $0.hasSuffix("2024-03-01 - Dawn.mp3") } && !paths.contains { $0.hasSuffix("Moon - Part-Two.mp3") }
        }

        // OPML: a new feed is added, the known one reported as a duplicate.
        try mp3("other.mp3", seconds: 1)
        try feed("other.xml", title: "Second Show", items: [("Hello", "Mon, 01 Apr 2024 06:00:00 +0000", "other.mp3")])
        let opml = h.path("subs.opml")
        try """
            <?xml version="1.0"?><opml version="2.0"><body><outline text="Podcasts">
            <outline type="rss" text="Second" xmlUrl="\(base!)/other.xml"/>
            <outline type="rss" text="Night" xmlUrl="\(base!)/show.xml"/>
            </outline></body></opml>
            """.write(toFile: opml, atomically: true, encoding: .utf8)
        r = try h.run(home: home, ["podcast", "import-opml", opml])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("1 podcast added, 1 already there, 0 failed"), r.stdout)
        XCTAssertEqual(files(library + "/Second Show"), ["2024-04-01 - Hello.mp3"])
        r = try h.run(home: home, ["podcast", "list", "--json"])
        XCTAssertEqual((try h.json(r) as? [[String: Any]])?.count, 2)

        // Remove with --delete-files deletes our downloads only.
        r = try h.run(home: home, ["podcast", "remove", "1", "--delete-files"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(files(show), ["2023-01-01 - Mine.mp3"])
    }

    func testTheTimerFetchesNewEpisodesAndMaxAgeLeavesOldOnes() throws {
        let library = h.path("podcasts")
        try FileManager.default.createDirectory(atPath: library, withIntermediateDirectories: true)
        XCTAssertEqual(try h.run(home: home, ["library", "add", library, "--type", "podcasts"]).status, 0)
        let format = DateFormatter()
        format.locale = Locale(identifier: "en_US_POSIX")
        format.timeZone = TimeZone(identifier: "UTC")
        format.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        let day = DateFormatter()
        day.locale = format.locale
        day.timeZone = format.timeZone
        day.dateFormat = "yyyy-MM-dd"
        let now = Date(), yesterday = now.addingTimeInterval(-86_400), lastYear = now.addingTimeInterval(-400 * 86_400)
        for name in ["old.mp3", "recent.mp3", "new.mp3"] { try mp3(name, seconds: 1) }
        var items = [("Old Times", format.string(from: lastYear), "old.mp3"), ("Recent", format.string(from: yesterday), "recent.mp3")]
        try feed("timed.xml", title: "Timed Show", items: items)

        // --max-age 30d: the episode from last year is neither downloaded now nor later.
        var r = try h.run(home: home, ["podcast", "add", base + "/timed.xml", "--max-age", "30d", "--json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual((try h.json(r) as? [String: Any])?["downloaded"] as? Int, 1, r.stdout)
        let show = library + "/Timed Show"
        XCTAssertEqual(files(show), ["\(day.string(from: yesterday)) - Recent.mp3"])

        // A new episode, and the timer (not `podcast refresh`) fetches it.
        items.append(("Fresh", format.string(from: now), "new.mp3"))
        try feed("timed.xml", title: "Timed Show", items: items)
        XCTAssertEqual(try h.run(home: home, ["config", "set", "podcast_refresh_interval", "1"]).status, 0)
        try h.waitUntil("the timer to download the new episode", timeout: 30) {
            files(show).contains("\(day.string(from: now)) - Fresh.mp3")
        }
        XCTAssertEqual(try h.run(home: home, ["config", "set", "podcast_refresh_interval", "0"]).status, 0)

        // A shorter --max-age deletes the download that is now too old, and only that one.
        r = try h.run(home: home, ["podcast", "edit", "1", "--max-age", "12h", "--json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual((try h.json(r) as? [String: Any])?["removed"] as? Int, 1, r.stdout)
        XCTAssertEqual(files(show), ["\(day.string(from: now)) - Fresh.mp3"])
        r = try h.run(home: home, ["podcast", "episodes", "1", "--json"])
        let states = Dictionary(uniqueKeysWithValues: ((try h.json(r) as? [[String: Any]]) ?? []).compactMap { e in
            (e["title"] as? String).map { ($0, e["state"] as? String ?? "") }
        })
        XCTAssertEqual(states["Old Times"], "skipped", "\(states)")
        XCTAssertEqual(states["Fresh"], "downloaded", "\(states)")
    }

    func testBadFeedsAreRefusedWithOneLineAndNothingStored() throws {
        let library = h.path("podcasts")
        try FileManager.default.createDirectory(atPath: library, withIntermediateDirectories: true)
        XCTAssertEqual(try h.run(home: home, ["library", "add", library, "--type", "podcasts"]).status, 0)
        try "<!DOCTYPE html><html><body>Welcome to my show</body></html>".write(toFile: server + "/page.html", atomically: true, encoding: .utf8)
        try "<rss version=\"2.0\"><channel><title>Broken</title><item><title>x</item></channel></rss>".write(toFile: server + "/broken.xml", atomically: true, encoding: .utf8)
        // Just over the 16 MiB feed limit.
        let huge = "<rss version=\"2.0\"><channel><title>Huge</title>" + String(repeating: "<item><title>padding</title></item>", count: 480_000) + "</channel></rss>"
        try huge.write(toFile: server + "/huge.xml", atomically: true, encoding: .utf8)

        for (path, expected) in [("page.html", "HTML page"), ("broken.xml", "not well-formed XML"), ("huge.xml", "larger than"),
                                 ("missing.xml", "HTTP 404")] {
            let r = try h.run(home: home, ["podcast", "add", base + "/" + path])
            XCTAssertNotEqual(r.status, 0, path)
            XCTAssertTrue(r.stderr.contains(expected), "\(path): \(r.stderr)")
            XCTAssertEqual(r.stderr.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").count, 1, "\(path): \(r.stderr)")
        }
        var r = try h.run(home: home, ["podcast", "add", "ftp://example.org/feed.xml"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("not an http(s) feed URL"), r.stderr)
        r = try h.run(home: home, ["podcast", "list", "--json"])
        XCTAssertEqual((try h.json(r) as? [Any])?.count, 0, "nothing half-written")
        XCTAssertEqual(files(library), [])
    }
}
