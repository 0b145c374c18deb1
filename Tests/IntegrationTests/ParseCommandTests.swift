import Foundation
import XCTest

/// `seedtui --headless parse`: local parsing, no engine; one JSON object per name.
final class ParseCommandTests: HomeTestCase {
    func testJSONShapeAndNoEngine() throws {
        let r = try h.run(home: home, ["parse", "Harbor.Lights.S02E05.1080p.WEB-DL.DDP5.1.H.264-KELP", "--json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let object = try XCTUnwrap(try h.json(r) as? [String: Any])
        XCTAssertEqual(object["title"] as? String, "Harbor Lights")
        XCTAssertEqual(object["seasons"] as? [Int], [2])
        XCTAssertEqual(object["episodes"] as? [Int], [5])
        XCTAssertEqual(object["quality"] as? String, "WEBDL-1080p")
        XCTAssertEqual(object["release_group"] as? String, "KELP")
        XCTAssertEqual(object["type"] as? String, "episode")
        XCTAssertTrue(object["air_date"] is NSNull)
        for key in ["absolute_episodes", "full_season", "resolution", "source", "proper", "repack", "version", "video_codec",
                    "audio_codec", "audio_channels", "hdr", "languages", "edition", "streaming_service", "artist", "album", "author", "format"] {
            XCTAssertTrue(object.keys.contains(key), "parse --json lacks \(key)")
        }
        // Parsing never starts an engine.
        XCTAssertFalse(FileManager.default.fileExists(atPath: home + "/engine.sock"))
        XCTAssertEqual(try h.run(home: home, ["engine", "status"]).status, 3)
    }

    func testHumanOutput() throws {
        let r = try h.run(home: home, ["parse", "The.Copper.Road.2019.1080p.BluRay.x264-ORE"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("title: The Copper Road"), r.stdout)
        XCTAssertTrue(r.stdout.contains("year: 2019"), r.stdout)
        XCTAssertTrue(r.stdout.contains("quality: Bluray-1080p"), r.stdout)
        XCTAssertTrue(r.stdout.contains("release group: ORE"), r.stdout)
        // A hostile name stays inert on a terminal.
        let hostile = try h.run(home: home, ["parse", "Evil\u{1B}]0;pwned\u{07}.Name.S01E01"])
        XCTAssertEqual(hostile.status, 0)
        XCTAssertFalse(hostile.stdout.contains("\u{1B}"), hostile.stdout)
    }

    func testStdinStreamsOneObjectPerLine() throws {
        let names = ["Harbor.Lights.S02E05.1080p.WEB-DL.DDP5.1.H.264-KELP",
                     "[Lanterns] Paper Moon Academy - 014 [1080p][0A1B2C3D].mkv",
                     "",
                     "Night.Desk.2023.11.02.720p.HDTV.x264-TIDE",
                     "/downloads/Harbor.Lights.S02E05.720p.HDTV.x264-TIDE/a8f3kd9q2m.mkv",
                     "Velvet Orchard - Salt and Ember (2021) [FLAC]"]
        // Many names, with CRLF line ends and no final newline, go through one process. The input
        // comes from a file: more output than a pipe holds would otherwise block both sides.
        var input = ""
        for _ in 0..<500 { input += names.joined(separator: "\r\n") + "\r\n" }
        input += "The.Copper.Road.2019.1080p.BluRay.x264-ORE"
        let file = h.path("names.txt")
        try input.write(toFile: file, atomically: true, encoding: .utf8)
        let r = try Harness.exec("/bin/sh", ["-c", "exec \"$0\" --headless --home \"$1\" parse --stdin --json < \"$2\"", Harness.binary, home, file])
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        XCTAssertEqual(lines.count, 500 * names.count + 1)
        let objects = try lines.map { try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        XCTAssertEqual(objects[0]["episodes"] as? [Int], [5])
        XCTAssertEqual(objects[1]["absolute_episodes"] as? [Int], [14])
        XCTAssertEqual(objects[1]["release_group"] as? String, "Lanterns")
        XCTAssertEqual(objects[2]["type"] as? String, "unknown")
        XCTAssertEqual(objects[3]["air_date"] as? String, "2023-11-02")
        XCTAssertEqual(objects[4]["release_group"] as? String, "TIDE")
        XCTAssertEqual(objects[5]["type"] as? String, "music")
        XCTAssertEqual(objects.last?["title"] as? String, "The Copper Road")
        XCTAssertEqual(objects[names.count]["episodes"] as? [Int], [5], "the stream keeps its order")
    }

    func testTypeHintAndUsageErrors() throws {
        let music = try h.run(home: home, ["parse", "Velvet_Orchard-Salt_and_Ember-WEB-2021-GRP", "--type", "music", "--json"])
        XCTAssertEqual(music.status, 0, music.stderr)
        let object = try XCTUnwrap(try h.json(music) as? [String: Any])
        XCTAssertEqual(object["type"] as? String, "music")
        XCTAssertEqual(object["artist"] as? String, "Velvet Orchard")
        XCTAssertEqual(try h.run(home: home, ["parse"]).status, 2)
        XCTAssertEqual(try h.run(home: home, ["parse", "x", "--stdin"]).status, 2)
        XCTAssertEqual(try h.run(home: home, ["parse", "x", "--type", "opera"]).status, 2)
    }
}
