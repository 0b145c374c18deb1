import Foundation
import XCTest

/// The library scanner end to end: real media made by ffmpeg, exiftool and zip, catalogued by
/// the real engine, read back through `library list --json`.
final class LibraryScanTests: HomeTestCase {
    var media: LibraryMediaMaker!

    override func setUpWithError() throws {
        try super.setUpWithError()
        media = LibraryMediaMaker(root: h.path("media"))
    }

    private func add(_ folder: String, _ type: String) throws {
        let r = try h.run(home: home, ["library", "add", media.dir(folder), "--type", type])
        XCTAssertEqual(r.status, 0, r.stderr)
    }

    private func scan(_ extra: [String] = []) throws -> [String: Any] {
        let r = try h.run(home: home, ["scan", "--wait", "--json"] + extra, timeout: 120)
        return try XCTUnwrap(try h.json(r) as? [String: Any], r.stderr)
    }

    private func items(_ type: String? = nil) throws -> [[String: Any]] {
        let r = try h.run(home: home, ["library", "list", "--json"] + (type.map { ["--type", $0] } ?? []))
        XCTAssertEqual(r.status, 0, r.stderr)
        return try XCTUnwrap(try h.json(r) as? [[String: Any]])
    }

    private func item(_ all: [[String: Any]], endingWith suffix: String) throws -> [String: Any] {
        try XCTUnwrap(all.first { ($0["path"] as? String)?.hasSuffix(suffix) ?? false }, "no item ending with \(suffix)")
    }

    func testEveryLibraryTypeIsCatalogued() throws {
        try media.episode("tv/Harbor Lights (2010)/Season 01/Harbor Lights - S01E01 - Pilot.mkv")
        try media.small("tv/Harbor Lights (2010)/Season 01/Harbor Lights - S01E02E03.mkv")
        try media.small("tv/Harbor Lights (2010)/Specials/Harbor Lights - S00E01 - Christmas.mkv")
        try media.small("tv/Harbor Lights (2010)/extras/Making Of.mkv")
        try "1\n00:00:00,000 --> 00:00:01,000\nHi\n".write(toFile: media.full("tv/Harbor Lights (2010)/Season 01/Harbor Lights - S01E01 - Pilot.en.srt"), atomically: true, encoding: .utf8)
        try media.hdrMovie("movies/The Copper Road (2019)/The Copper Road (2019).mkv")
        try media.small("movies/The Copper Road (2019)/The Copper Road (2019)-trailer.mkv")
        try media.small("movies/Long Film (1999)/Long Film (1999) cd2.mkv")
        try media.audio("music/Glass Animals/Zaba (2014)/01 - Flip.flac", codec: "flac",
                        tags: ["title": "Black Mambo", "artist": "Glass Animals", "album_artist": "Glass Animals", "album": "Zaba",
                               "track": "1/11", "disc": "1/1", "date": "2014-06-06", "genre": "Indie"])
        try media.audio("music/Unknown Artist/Some Album/02 - Untagged Song.mp3", codec: "libmp3lame")
        try media.audio("audiobooks/Ann Leckie/Imperial Radch/1 - Ancillary Justice/Ancillary Justice.m4b", codec: "aac",
                        tags: ["album": "Ancillary Justice", "artist": "Ann Leckie", "composer": "Adjoa Andoh"],
                        chapters: try media.chapters(["One", "Two"], seconds: 1))
        try media.audio("podcasts/Night Shift Radio/2024-01-05 - Stars Over Water.mp3", codec: "libmp3lame", tags: ["title": "Stars Over Water"])
        try media.jpeg("photos/2019/IMG_0001.jpg", exif: ["-DateTimeOriginal=2019:07:14 18:30:05", "-Make=Canon", "-Model=Canon EOS R5",
                                                           "-GPSLatitude=48.8584", "-GPSLatitudeRef=N", "-GPSLongitude=2.2945", "-GPSLongitudeRef=E"])
        try media.epub("books/Ann Leckie/Ancillary Sword.epub", title: "Ancillary Sword", author: "Ann Leckie", series: "Imperial Radch", index: 2)
        try media.zip("comics/Saga/Saga #012.cbz", [("ComicInfo.xml", "<ComicInfo><Series>Saga</Series><Number>12</Number><Volume>2</Volume><Title>Chapter Twelve</Title><Writer>Brian K. Vaughan</Writer><Year>2013</Year><PageCount>3</PageCount></ComicInfo>"),
                                                    ("001.png", "p"), ("002.png", "p"), ("003.png", "p")])
        try media.small("videos/Tech Channel/20240131 - Building a NAS [dQw4w9WgXcQ].mp4")
        try #"{"id":"dQw4w9WgXcQ","title":"Building a NAS","channel":"Tech Channel","uploader":"tech","upload_date":"20240131","duration":1}"#
            .write(toFile: media.full("videos/Tech Channel/20240131 - Building a NAS [dQw4w9WgXcQ].info.json"), atomically: true, encoding: .utf8)
        for (folder, type) in [("tv", "tv"), ("movies", "movies"), ("music", "music"), ("audiobooks", "audiobooks"), ("podcasts", "podcasts"),
                               ("photos", "photos"), ("books", "books"), ("comics", "comics"), ("videos", "videos")] { try add(folder, type) }

        let progress = try scan()
        XCTAssertEqual(progress["phase"] as? String, "done")
        XCTAssertEqual(progress["failed"] as? Int, 0, "\(progress["problems"] ?? "")")
        let all = try items()
        XCTAssertEqual(all.count, 15)
        for row in all {
            for key in ["id", "path", "type", "title", "size", "duration", "year", "series", "season", "episodes", "artist", "album", "track", "disc",
                        "author", "chapters", "number", "pages", "width", "height", "taken_at", "camera", "latitude", "longitude", "channel",
                        "upload_date", "container", "video_codec", "audio_codecs", "hdr"] {
                XCTAssertTrue(row.keys.contains(key), "item lacks \(key)")
            }
        }
        let pilot = try item(all, endingWith: "S01E01 - Pilot.mkv")
        XCTAssertEqual(pilot["type"] as? String, "episode")
        XCTAssertEqual(pilot["series"] as? String, "Harbor Lights")
        XCTAssertEqual(pilot["season"] as? Int, 1)
        XCTAssertEqual(pilot["episodes"] as? [Int], [1])
        XCTAssertEqual(pilot["episode_title"] as? String, "Pilot")
        XCTAssertEqual(pilot["chapters"] as? Int, 2)
        XCTAssertEqual(pilot["video_codec"] as? String, "h264")
        XCTAssertEqual(pilot["audio_codecs"] as? [String], ["aac", "aac"])
        XCTAssertEqual(pilot["audio_languages"] as? [String], ["eng", "fre"])
        XCTAssertEqual(pilot["subtitle_languages"] as? [String], ["en"])
        XCTAssertEqual(pilot["width"] as? Int, 320)
        XCTAssertEqual(try XCTUnwrap(pilot["duration"] as? Double), 2, accuracy: 0.2)
        XCTAssertEqual(try item(all, endingWith: "S01E02E03.mkv")["episodes"] as? [Int], [2, 3])
        XCTAssertEqual(try item(all, endingWith: "S00E01 - Christmas.mkv")["season"] as? Int, 0)
        XCTAssertEqual(try item(all, endingWith: "Making Of.mkv")["type"] as? String, "extra")

        let movie = try item(all, endingWith: "The Copper Road (2019).mkv")
        XCTAssertEqual(movie["type"] as? String, "movie")
        XCTAssertEqual(movie["title"] as? String, "The Copper Road")
        XCTAssertEqual(movie["year"] as? Int, 2019)
        XCTAssertEqual(movie["video_codec"] as? String, "hevc")
        XCTAssertEqual(movie["hdr"] as? String, "HDR10")
        XCTAssertEqual(movie["bit_depth"] as? Int, 10)
        XCTAssertEqual(try item(all, endingWith: "(2019)-trailer.mkv")["type"] as? String, "extra")
        XCTAssertEqual(try item(all, endingWith: "cd2.mkv")["part"] as? Int, 2)

        let track = try item(all, endingWith: "01 - Flip.flac")
        XCTAssertEqual(track["type"] as? String, "track")
        XCTAssertEqual(track["title"] as? String, "Black Mambo", "tags win over the file name")
        XCTAssertEqual(track["artist"] as? String, "Glass Animals")
        XCTAssertEqual(track["album"] as? String, "Zaba")
        XCTAssertEqual(track["track"] as? Int, 1)
        XCTAssertTrue(track["disc"] is NSNull, "disc 1/1 is not a multi-disc album")
        XCTAssertEqual(track["year"] as? Int, 2014)
        let untagged = try item(all, endingWith: "02 - Untagged Song.mp3")
        XCTAssertEqual(untagged["artist"] as? String, "Unknown Artist")
        XCTAssertEqual(untagged["album"] as? String, "Some Album")
        XCTAssertEqual(untagged["track"] as? Int, 2)

        let book = try item(all, endingWith: "Ancillary Justice.m4b")
        XCTAssertEqual(book["type"] as? String, "audiobook")
        XCTAssertEqual(book["author"] as? String, "Ann Leckie")
        XCTAssertEqual(book["series"] as? String, "Imperial Radch")
        XCTAssertEqual(book["series_index"] as? Double, 1)
        XCTAssertEqual(book["narrator"] as? String, "Adjoa Andoh")
        XCTAssertEqual(book["chapters"] as? Int, 2)

        let podcast = try item(all, endingWith: "Stars Over Water.mp3")
        XCTAssertEqual(podcast["type"] as? String, "podcast_episode")
        XCTAssertEqual(podcast["series"] as? String, "Night Shift Radio")
        XCTAssertEqual(podcast["air_date"] as? String, "2024-01-05")

        let photo = try item(all, endingWith: "IMG_0001.jpg")
        XCTAssertEqual(photo["type"] as? String, "photo")
        XCTAssertEqual(photo["taken_at"] as? String, "2019-07-14T18:30:05")
        XCTAssertEqual(photo["camera"] as? String, "Canon EOS R5")
        XCTAssertEqual(try XCTUnwrap(photo["latitude"] as? Double), 48.8584, accuracy: 0.001)
        XCTAssertEqual(try XCTUnwrap(photo["longitude"] as? Double), 2.2945, accuracy: 0.001)
        XCTAssertEqual(photo["width"] as? Int, 64)

        let epub = try item(all, endingWith: "Ancillary Sword.epub")
        XCTAssertEqual(epub["type"] as? String, "book")
        XCTAssertEqual(epub["title"] as? String, "Ancillary Sword")
        XCTAssertEqual(epub["author"] as? String, "Ann Leckie")
        XCTAssertEqual(epub["series"] as? String, "Imperial Radch")
        XCTAssertEqual(epub["series_index"] as? Double, 2)
        XCTAssertEqual(epub["isbn"] as? String, "9780306406157")

        let comic = try item(all, endingWith: "Saga #012.cbz")
        XCTAssertEqual(comic["type"] as? String, "comic")
        XCTAssertEqual(comic["series"] as? String, "Saga")
        XCTAssertEqual(comic["number"] as? String, "12")
        XCTAssertEqual(comic["pages"] as? Int, 3)
        XCTAssertEqual(comic["year"] as? Int, 2013)

        let video = try item(all, endingWith: "[dQw4w9WgXcQ].mp4")
        XCTAssertEqual(video["type"] as? String, "video")
        XCTAssertEqual(video["channel"] as? String, "Tech Channel")
        XCTAssertEqual(video["upload_date"] as? String, "2024-01-31")
        XCTAssertEqual(video["title"] as? String, "Building a NAS")

        // Search over titles, series, artists, authors; show with streams.
        let found = try h.run(home: home, ["library", "search", "ancillary", "--json"])
        let hits = try XCTUnwrap(try h.json(found) as? [[String: Any]])
        XCTAssertEqual(Set(hits.compactMap { $0["type"] as? String }), ["audiobook", "book"])
        let shown = try h.run(home: home, ["library", "show", String(pilot["id"] as! Int), "--json"])
        let detail = try XCTUnwrap((try h.json(shown) as? [String: Any])?["detail"] as? [String: Any])
        XCTAssertEqual(((detail["probe"] as? [String: Any])?["streams"] as? [Any])?.count, 3)
        XCTAssertEqual(try h.run(home: home, ["library", "list", "--type", "tv", "--json"]).status, 0)
        XCTAssertEqual(try items("episode").count, 3)
        XCTAssertEqual(try h.run(home: home, ["library", "list", "--type", "nonsense"]).status, 2)
    }

    func testRescansReadOnlyWhatChangedAndFollowMoves() throws {
        for i in 1...4 { try media.small("tv/Show/Season 01/Show - S01E0\(i).mkv") }
        try add("tv", "tv")
        XCTAssertEqual(try scan()["read"] as? Int, 4)
        XCTAssertEqual(try scan()["read"] as? Int, 0, "an unchanged tree is not read again")

        let before = try items()
        let moved = try item(before, endingWith: "S01E02.mkv")
        try FileManager.default.createDirectory(atPath: media.dir("tv/Show/Season 02"), withIntermediateDirectories: true)
        XCTAssertEqual(rename(moved["path"] as! String, media.full("tv/Show/Season 02/Show - S02E01.mkv")), 0)
        try FileManager.default.removeItem(atPath: media.full("tv/Show/Season 01/Show - S01E04.mkv"))
        let progress = try scan()
        XCTAssertEqual(progress["moved"] as? Int, 1)
        XCTAssertEqual(progress["removed"] as? Int, 1)
        let after = try items()
        XCTAssertEqual(after.count, 3)
        let renamed = try item(after, endingWith: "S02E01.mkv")
        XCTAssertEqual(renamed["id"] as? Int, moved["id"] as? Int, "a moved file keeps its identity")
        XCTAssertEqual(renamed["season"] as? Int, 2)
        XCTAssertEqual(try scan(["--full"])["read"] as? Int, 3)
    }

    func testBadInputIsRecordedAndTheScanGoesOn() throws {
        try media.small("movies/Good (2001)/Good (2001).mkv")
        let dir = media.dir("movies/Bad (2002)")
        _ = FileManager.default.createFile(atPath: dir + "/Empty (2002).mkv", contents: Data())
        _ = FileManager.default.createFile(atPath: dir + "/Noise (2002).mkv", contents: Data((0..<50_000).map { _ in UInt8.random(in: 0...255) }))
        let good = try Data(contentsOf: URL(fileURLWithPath: media.full("movies/Good (2001)/Good (2001).mkv")))
        _ = FileManager.default.createFile(atPath: dir + "/Truncated (2002).mkv", contents: good.prefix(300))
        symlink(dir + "/nowhere.mkv", dir + "/Broken (2002).mkv")
        symlink(media.dir("movies"), dir + "/loop")
        // A name that is not UTF-8.
        let bad: [UInt8] = Array((dir + "/Bad").utf8) + [0xFF, 0x2E, 0x6D, 0x6B, 0x76, 0]
        let fd = bad.withUnsafeBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_CREAT | O_WRONLY, 0o644) }
        XCTAssertGreaterThanOrEqual(fd, 0)
        close(fd)
        // A comic whose one page claims 200 MiB of zeros: a zip bomb.
        let zeros = h.path("zeros.png")
        _ = FileManager.default.createFile(atPath: zeros, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: zeros))
        try handle.truncate(atOffset: 200 << 20)
        try handle.close()
        try add("movies", "movies")
        let comics = media.dir("comics/Bomb")
        _ = try Harness.exec("/usr/bin/zip", ["-qj", comics + "/Bomb #001.cbz", zeros])
        _ = FileManager.default.createFile(atPath: comics + "/Bomb #001.cbz.tmp", contents: nil)
        try add("comics", "comics")

        let r = try h.run(home: home, ["scan", "--wait", "--json"], timeout: 120)
        XCTAssertEqual(r.status, 1, "a scan with unreadable files exits 1")
        let progress = try XCTUnwrap(try h.json(r) as? [String: Any])
        XCTAssertEqual(progress["phase"] as? String, "done")
        let problems = (progress["problems"] as? [String] ?? []).joined(separator: "\n")
        XCTAssertTrue(problems.contains("broken symbolic link"), problems)
        XCTAssertTrue(problems.contains("loops back"), problems)
        XCTAssertTrue(problems.contains("not valid UTF-8"), problems)
        let all = try items()
        XCTAssertNil(try item(all, endingWith: "Good (2001).mkv")["error"] as? String)
        for name in ["Empty (2002).mkv", "Noise (2002).mkv"] {
            XCTAssertNotNil(try item(all, endingWith: name)["error"] as? String, "\(name) has its error recorded")
        }
        XCTAssertNotNil(try item(all, endingWith: "Bomb #001.cbz")["error"] as? String)
        XCTAssertEqual(try h.run(home: home, ["engine", "status"]).status, 0, "the engine is still up")
        XCTAssertEqual(try h.run(home: home, ["db", "check"]).status, 0)
    }

    func testCheckAndOrganizeRenameInsideTheRoot() throws {
        try media.small("tv/harbor.lights.s01e05.720p.hdtv.x264-grp.mkv")
        try "sub".write(toFile: media.full("tv/harbor.lights.s01e05.720p.hdtv.x264-grp.en.srt"), atomically: true, encoding: .utf8)
        try add("tv", "tv")
        _ = try scan()
        let before = try items()
        let check = try h.run(home: home, ["library", "check", "--json"])
        XCTAssertEqual(check.status, 1, "a path to rename exits 1")
        let entries = try XCTUnwrap(try h.json(check) as? [[String: Any]])
        XCTAssertEqual(entries.count, 1)
        let proposed = try XCTUnwrap(entries[0]["proposed"] as? String)
        XCTAssertTrue(proposed.hasPrefix(media.dir("tv") + "/"), proposed)
        XCTAssertTrue(proposed.contains("Season 01/"), proposed)

        let dry = try h.run(home: home, ["library", "organize"])
        XCTAssertEqual(dry.status, 0, dry.stderr)
        XCTAssertTrue(dry.stdout.contains("dry run"), dry.stdout)
        XCTAssertTrue(FileManager.default.fileExists(atPath: before[0]["path"] as! String), "a dry run renames nothing")

        let applied = try h.run(home: home, ["library", "organize", "--apply", "--json"])
        XCTAssertEqual(applied.status, 0, applied.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: proposed))
        XCTAssertTrue(FileManager.default.fileExists(atPath: (proposed as NSString).deletingPathExtension + ".en.srt"), "the subtitle follows")
        try h.waitUntil("the rescan after organize", timeout: 30) {
            (try self.items().first?["path"] as? String) == proposed
        }
        XCTAssertEqual(try items().first?["id"] as? Int, before[0]["id"] as? Int)
        XCTAssertEqual(try h.run(home: home, ["library", "check"]).status, 0)
    }

    func testProbeCommandReadsInProcessWithoutEngine() throws {
        try media.hdrMovie("p/hdr.mkv")
        _ = FileManager.default.createFile(atPath: media.full("p/empty.mkv"), contents: Data())
        let r = try h.run(home: home, ["probe", "--json", media.full("p/hdr.mkv"), media.full("p/empty.mkv")])
        XCTAssertEqual(r.status, 1, "a file that cannot be probed makes the command fail")
        let results = try XCTUnwrap(try h.json(r) as? [[String: Any]])
        XCTAssertEqual(results.count, 2)
        let streams = try XCTUnwrap(results[0]["streams"] as? [[String: Any]])
        XCTAssertEqual(streams.first?["codec"] as? String, "hevc")
        XCTAssertEqual(streams.first?["hdr"] as? String, "HDR10")
        XCTAssertNotNil(results[1]["error"] as? String)
        XCTAssertFalse(FileManager.default.fileExists(atPath: home + "/engine.sock"), "probing needs no engine")
    }

    func testLibraryRootsRefuseBadInput() throws {
        XCTAssertEqual(try h.run(home: home, ["library", "add", h.path("missing"), "--type", "tv"]).status, 2)
        XCTAssertEqual(try h.run(home: home, ["library", "add", media.dir("x"), "--type", "films"]).status, 2)
        try add("x", "movies")
        let nested = try h.run(home: home, ["library", "add", media.dir("x/inner"), "--type", "tv"])
        XCTAssertEqual(nested.status, 2)
        XCTAssertTrue(nested.stderr.contains("overlaps"), nested.stderr)
        XCTAssertEqual(try h.run(home: home, ["scan", h.path("elsewhere")]).status, 2)
        XCTAssertEqual(try h.run(home: home, ["library", "remove", media.dir("x")]).status, 0)
        XCTAssertEqual(try h.run(home: home, ["library", "show", "999"]).status, 2)
    }
}
