import Foundation
import XCTest

/// The promises scripts rely on: JSON shapes, exit codes, one-line errors, batches.
final class HeadlessContractTests: HomeTestCase {
    func testEngineStartsOnFirstUseWithPrivateHome() throws {
        let r = try h.run(home: home, ["engine", "status", "--json"])
        XCTAssertEqual(r.status, 3, "engine status must not start an engine")
        XCTAssertTrue(r.stderr.contains("no engine is running"), r.stderr)

        let list = try h.run(home: home, ["list", "--json"])
        XCTAssertEqual(list.status, 0, list.stderr)
        XCTAssertEqual(list.stdout.trimmingCharacters(in: .whitespacesAndNewlines), "[]")

        let status = try h.run(home: home, ["engine", "status", "--json"])
        XCTAssertEqual(status.status, 0)
        let object = try XCTUnwrap(try h.json(status) as? [String: Any])
        for key in ["pid", "version", "uptime", "home"] { XCTAssertNotNil(object[key], "engine status --json lacks \(key)") }
        XCTAssertEqual(object["home"] as? String, home)

        func mode(_ path: String) throws -> Int {
            (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
        }
        XCTAssertEqual(try mode(home), 0o700)
        XCTAssertEqual(try mode(home + "/seedtui.db"), 0o600)
        XCTAssertEqual(try mode(home + "/engine.sock"), 0o600)
    }

    func testListJSONHasTheDocumentedFields() throws {
        let payload = try h.payload("data/one.bin", bytes: 300_000)
        let torrent = h.path("one.torrent")
        XCTAssertEqual(try h.run(home: home, ["create", payload, "-o", torrent]).status, 0)
        let add = try h.run(home: home, ["add", torrent, "--save-path", h.path("data"), "--category", "", "--tag", "x"])
        XCTAssertEqual(add.status, 0, add.stderr)
        try h.waitUntil("the torrent to seed", timeout: 30) { (try h.list(home: home).first?["state"] as? String) == "seeding" }
        let row = try XCTUnwrap(try h.list(home: home).first)
        for key in ["id", "info_hash", "name", "state", "progress", "size", "downloaded", "uploaded", "ratio", "down_rate",
                    "up_rate", "peers", "seeds", "eta", "save_path", "category", "added_at"] {
            XCTAssertTrue(row.keys.contains(key), "list --json lacks \(key)")
        }
        XCTAssertEqual(row["name"] as? String, "one.bin")
        XCTAssertEqual(row["size"] as? Int, 300_000)
        XCTAssertEqual(row["progress"] as? Double, 1)
        XCTAssertEqual((row["info_hash"] as? String)?.count, 40)
        XCTAssertEqual(row["save_path"] as? String, h.path("data"))
    }

    func testBadInputGetsOneLineErrorsAndChangesNothing() throws {
        XCTAssertEqual(try h.run(home: home, ["list"]).status, 0)
        let garbage = h.path("garbage.torrent")
        try Data("d4:infod4:name3:abc".utf8).write(to: URL(fileURLWithPath: garbage))
        let cases: [([String], Int32, String)] = [
            (["add", garbage], 2, "not a valid .torrent"),
            (["add", h.path("missing.torrent")], 2, "does not exist"),
            (["add", "magnet:?xt=urn:btih:nothex"], 2, "not a valid magnet"),
            (["pause", "999"], 2, "no torrent matches"),
            (["pause", "abcdef12"], 2, "no torrent matches"),
            (["pause"], 2, "select torrents"),
            (["list", "--filter", "bogus~x"], 2, "unknown field"),
            (["config", "set", "listen_port", "99999"], 2, "listen_port"),
            (["config", "set", "download_limit", "fast"], 2, "download_limit"),
            (["config", "set", "no_such_key", "1"], 2, "unknown setting"),
            (["config", "set", "alt_schedule", "25:00-26:00"], 2, "alt_schedule"),
            (["limit", "all", "--down", "lots"], 2, "not a rate"),
            (["queue", "sideways", "all"], 2, "queue direction"),
            (["frobnicate"], 2, "frobnicate"),
            (["wait", "all", "--state", "dancing"], 2, "state"),
        ]
        for (args, status, text) in cases {
            let r = try h.run(home: home, args)
            XCTAssertEqual(r.status, status, "\(args): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains(text), "\(args): \(r.stderr)")
            XCTAssertTrue(r.stdout.isEmpty, "\(args) printed on stdout: \(r.stdout)")
            do {
                XCTAssertEqual(r.stderr.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").count, 1,
                               "\(args): error is not one line: \(r.stderr)")
            }
        }
        // Negative numbers are values, not options.
        XCTAssertEqual(try h.run(home: home, ["config", "set", "max_active_downloads", "-1"]).stdout, "max_active_downloads = -1\n")
        XCTAssertEqual(try h.run(home: home, ["list", "--filter", "ratio~2"]).status, 2)
        // Changing a category keeps what was not given.
        XCTAssertEqual(try h.run(home: home, ["category", "add", "tv", "--save-path", "/srv/tv", "--ratio-limit", "-1"]).status, 0)
        XCTAssertEqual(try h.run(home: home, ["category", "add", "tv", "--seed-time-limit", "2d"]).status, 0)
        let categories = try XCTUnwrap(try h.json(try h.run(home: home, ["category", "list", "--json"])) as? [[String: Any]])
        XCTAssertEqual(categories.first?["save_path"] as? String, "/srv/tv")
        XCTAssertEqual(categories.first?["seed_time_limit"] as? Int, 172_800)

        // An unwritable save path is refused before anything is stored.
        let payload = try h.payload("d/p.bin", bytes: 50_000)
        let torrent = h.path("p.torrent")
        XCTAssertEqual(try h.run(home: home, ["create", payload, "-o", torrent]).status, 0)
        let readOnly = h.path("ro")
        try FileManager.default.createDirectory(atPath: readOnly, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o500])
        if getuid() != 0 {
            let r = try h.run(home: home, ["add", torrent, "--save-path", readOnly])
            XCTAssertEqual(r.status, 2)
            XCTAssertTrue(r.stderr.contains("not writable"), r.stderr)
        }
        let r = try h.run(home: home, ["add", torrent, "--save-path", "/proc/nope"])
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertTrue(r.stderr.contains("save path"), r.stderr)

        // A torrent larger than the disk (2 TiB, 512 MiB pieces) is refused before anything is written.
        let huge = h.path("huge.torrent")
        let gen = try Harness.exec("/usr/bin/env", ["python3", "-c", """
            import sys
            n = 2 ** 41; pl = 2 ** 29
            name = b'huge.bin'; pieces = b'\\x00' * (20 * (n // pl))
            info = b'd6:lengthi%de4:name%d:%s12:piece lengthi%de6:pieces%d:%se' % (n, len(name), name, pl, len(pieces), pieces)
            open(sys.argv[1], 'wb').write(b'd4:info' + info + b'e')
            """, huge])
        XCTAssertEqual(gen.status, 0, gen.stderr)
        let full = try h.run(home: home, ["add", huge, "--save-path", h.path("data")])
        XCTAssertEqual(full.status, 2, full.stderr)
        XCTAssertTrue(full.stderr.contains("not enough free space"), full.stderr)

        XCTAssertEqual(try h.list(home: home).count, 0, "a failed add left a torrent behind")
        let check = try h.run(home: home, ["db", "check"])
        XCTAssertEqual(check.status, 0)
        XCTAssertEqual(check.stdout.trimmingCharacters(in: .whitespacesAndNewlines), "ok")
        XCTAssertEqual(try h.run(home: home, ["engine", "status"]).status, 0, "the engine died on bad input")
    }

    func testOneAddOfManySourcesAddsTheGoodOnesAndNamesTheBad() throws {
        var torrents: [String] = []
        for i in 0..<3 {
            let payload = try h.payload("many/f\(i).bin", bytes: 20_000 + i)
            let t = h.path("f\(i).torrent")
            XCTAssertEqual(try h.run(home: home, ["create", payload, "-o", t]).status, 0)
            torrents.append(t)
        }
        let garbage = h.path("bad.torrent")
        try Data("nonsense".utf8).write(to: URL(fileURLWithPath: garbage))
        let r = try h.run(home: home, ["add", torrents[0], garbage, torrents[1], torrents[2], torrents[1], "--save-path", h.path("many"), "--json"])
        XCTAssertEqual(r.status, 2, r.stderr)
        let lines = r.stderr.split(separator: "\n")
        XCTAssertEqual(lines.count, 2, r.stderr)
        XCTAssertTrue(lines.contains { $0.contains("bad.torrent") && $0.contains("not a valid .torrent") }, r.stderr)
        XCTAssertTrue(lines.contains { $0.contains("given twice") }, r.stderr)
        XCTAssertEqual((try h.json(r) as? [[String: Any]])?.count, 3)
        XCTAssertEqual(Set(try h.list(home: home).compactMap { $0["name"] as? String }), ["f0.bin", "f1.bin", "f2.bin"])
    }

    func testMalformedSocketMessagesAreAnsweredAndTheEngineLives() throws {
        XCTAssertEqual(try h.run(home: home, ["list"]).status, 0)
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_un()
        addr.sun_family = sa_family_t(AF_UNIX)
        let path = Array((home + "/engine.sock").utf8)
        withUnsafeMutableBytes(of: &addr.sun_path) { raw in for (i, b) in path.enumerated() { raw[i] = b }; raw[path.count] = 0 }
        let rc = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) } }
        XCTAssertEqual(rc, 0)
        var tv = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        let lines = [
            "this is not json",
            "{\"v\":1}",
            "{\"v\":99,\"id\":1,\"method\":\"torrent.list\",\"params\":{}}",
            "{\"v\":1,\"id\":2,\"method\":\"no.such\",\"params\":{}}",
            "{\"v\":1,\"id\":3,\"method\":\"torrent.apply\",\"params\":{\"selector\":7}}",
            "{\"v\":1,\"id\":4,\"method\":\"torrent.list\",\"params\":{}}",
        ]
        let payload = lines.joined(separator: "\n") + "\n"
        _ = payload.withCString { send(fd, $0, strlen($0), 0) }
        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while received.filter({ $0 == 10 }).count < lines.count {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            received.append(contentsOf: buffer[0..<n])
        }
        let answers = String(decoding: received, as: UTF8.self).split(separator: "\n").map(String.init)
        XCTAssertEqual(answers.count, lines.count, answers.joined(separator: "\n"))
        for answer in answers.prefix(5) { XCTAssertTrue(answer.contains("\"ok\":false"), answer) }
        XCTAssertTrue(answers[2].contains("protocol version"), answers[2])
        XCTAssertTrue(answers[3].contains("unknown method"), answers[3])
        XCTAssertTrue(answers[5].hasPrefix("{\"id\":4,\"ok\":true,\"result\":"), answers[5])
        XCTAssertEqual(try h.run(home: home, ["engine", "status"]).status, 0)
    }

    func testBatchFromStandardInput() throws {
        let script = """
            # set up
            config set upload_limit 2M
            config get upload_limit
            config set ratio_limit oops
            config set download_limit 1M
            """
        let stopped = try h.run(home: home, [], stdin: script)
        XCTAssertEqual(stopped.status, 2, stopped.stderr)
        XCTAssertTrue(stopped.stderr.contains("line 4"), stopped.stderr)
        XCTAssertTrue(stopped.stdout.contains("2097152"), stopped.stdout)
        XCTAssertEqual(try h.run(home: home, ["config", "get", "download_limit"]).stdout, "0\n", "the batch ran past its first error")

        let kept = try Harness.exec(Harness.binary, ["--headless", "--keep-going", "--home", home], stdin: script,
                                    environment: ["SEEDTUI_NETWORK": "loopback"])
        XCTAssertEqual(kept.status, 2)
        XCTAssertEqual(try h.run(home: home, ["config", "get", "download_limit"]).stdout, "1048576\n")
    }

    func testWaitTimesOutWithItsOwnExitCode() throws {
        let payload = try h.payload("w/p.bin", bytes: 100_000)
        let torrent = h.path("w.torrent")
        XCTAssertEqual(try h.run(home: home, ["create", payload, "-o", torrent]).status, 0)
        // Saved elsewhere, so there is nothing to seed: it downloads (from no one) forever.
        XCTAssertEqual(try h.run(home: home, ["add", torrent, "--save-path", h.path("empty")]).status, 0)
        let r = try h.run(home: home, ["wait", "all", "--state", "seeding", "--timeout", "2"])
        XCTAssertEqual(r.status, 4, r.stderr)
        XCTAssertTrue(r.stderr.contains("not seeding"), r.stderr)
        XCTAssertEqual(try h.run(home: home, ["pause", "all"]).status, 0)
        XCTAssertEqual(try h.run(home: home, ["wait", "all", "--state", "paused", "--timeout", "20"]).status, 0)
    }

    func testSecondEngineOnTheSameHomeRefuses() throws {
        XCTAssertEqual(try h.run(home: home, ["engine", "start"]).status, 0)
        let r = try h.run(home: home, ["engine", "run"], timeout: 20)
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("already running"), r.stderr)
        XCTAssertEqual(try h.run(home: home, ["engine", "status"]).status, 0)
    }

    func testStaleSocketAfterCrashIsRecovered() throws {
        XCTAssertEqual(try h.run(home: home, ["engine", "start"]).status, 0)
        let pid = try XCTUnwrap(h.enginePid(home: home))
        kill(pid, SIGKILL)
        try h.waitUntil("the engine to die", timeout: 10) { kill(pid, 0) != 0 }
        XCTAssertTrue(FileManager.default.fileExists(atPath: home + "/engine.sock"), "expected a stale socket")
        let r = try h.run(home: home, ["engine", "status", "--json"])
        XCTAssertEqual(r.status, 3, "a stale socket must read as no engine")
        let again = try h.run(home: home, ["list", "--json"])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertNotEqual(h.enginePid(home: home), pid)
    }

    func testHostileNamesAreShownInert() throws {
        // libtorrent cleans names inside .torrent files, but a magnet's display name
        // arrives as the sender wrote it.
        let name = "evil\u{1B}[31mred\u{07}bell\u{9B}2J"
        let magnet = "magnet:?xt=urn:btih:" + String(repeating: "c", count: 40) + "&dn=evil%1B%5B31mred%07bell%C2%9B2J"
        let add = try h.run(home: home, ["add", magnet, "--save-path", h.path("hostile"), "--paused"])
        XCTAssertEqual(add.status, 0, add.stderr)
        XCTAssertFalse(add.stdout.contains("\u{1B}"), "raw escape in add's output")
        let table = try h.run(home: home, ["list"])
        XCTAssertFalse(table.stdout.contains("\u{1B}"), "raw escape reached the terminal")
        XCTAssertFalse(table.stdout.contains("\u{07}"))
        XCTAssertFalse(table.stdout.unicodeScalars.contains("\u{9B}"))
        XCTAssertTrue(table.stdout.contains("evil\\e[31mred\\x07bell\\x9b2J"), table.stdout)
        let info = try h.run(home: home, ["info", "all"])
        XCTAssertFalse(info.stdout.contains("\u{1B}"))
        // JSON carries the real name, escaped per JSON.
        XCTAssertEqual(try h.list(home: home).first?["name"] as? String, name)
    }

    func testDatabaseBackupIsAConsistentCopy() throws {
        XCTAssertEqual(try h.run(home: home, ["config", "set", "ratio_limit", "2.5"]).status, 0)
        let target = h.path("backup.db")
        let r = try h.run(home: home, ["db", "backup", target])
        XCTAssertEqual(r.status, 0, r.stderr)
        let check = try Harness.exec("/usr/bin/env", ["sqlite3", target, "PRAGMA integrity_check; SELECT value FROM setting WHERE key='ratio_limit';"])
        if check.status == 0 { XCTAssertEqual(check.stdout, "ok\n2.5\n") }
        XCTAssertEqual(try h.run(home: home, ["db", "backup", target]).status, 2, "backup must not overwrite")
    }
}
