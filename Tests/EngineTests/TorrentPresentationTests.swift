@testable import Engine
import XCTest

final class TorrentPresentationTests: XCTestCase {
    func sample(name: String = "Ubuntu 24.04 \"LTS\"", state: TorrentState = .seeding) -> TorrentSnapshot {
        TorrentSnapshot(id: 3, infoHash: String(repeating: "ab", count: 20), name: name, state: state, progress: 0.5,
                        size: 1000, completed: 500, downloaded: 400, uploaded: 900, ratio: 2.25, downRate: 10, upRate: 20,
                        peers: 4, seeds: 1, swarmPeers: 9, swarmSeeds: 3, eta: nil, savePath: "/srv/dl", category: "iso",
                        tags: ["a", "b"], addedAt: 1_700_000_000, completedAt: nil, queuePosition: 2, seedingTime: 60,
                        downloadLimit: 0, uploadLimit: 0, sequential: false, error: nil)
    }

    func testHandWrittenJSONDecodesToTheSameSnapshot() throws {
        for name in ["plain", "quote\" back\\slash", "ctl\u{1B}[31m\u{07}\n", "日本語 🎬"] {
            let s = sample(name: name)
            var w = JSONWriter()
            s.writeJSON(into: &w)
            let decoded = try JSONDecoder().decode(TorrentSnapshot.self, from: Data(w.bytes))
            XCTAssertEqual(decoded, s, name)
        }
    }

    func testFilters() throws {
        let s = sample()
        XCTAssertTrue(try TorrentFilter(parsing: "name~ubuntu").matches(s))
        XCTAssertTrue(try TorrentFilter(parsing: "state=seeding").matches(s))
        XCTAssertFalse(try TorrentFilter(parsing: "state!=seeding").matches(s))
        XCTAssertTrue(try TorrentFilter(parsing: "ratio>2").matches(s))
        XCTAssertFalse(try TorrentFilter(parsing: "ratio>=3").matches(s))
        XCTAssertTrue(try TorrentFilter(parsing: "category=ISO").matches(s))
        XCTAssertTrue(try TorrentFilter(parsing: "tag=b").matches(s))
        XCTAssertTrue(try TorrentFilter(parsing: "size<1k").matches(s))
        XCTAssertThrowsError(try TorrentFilter(parsing: "ratio>many"))
        XCTAssertThrowsError(try TorrentFilter(parsing: "state=asleep"))
        XCTAssertThrowsError(try TorrentFilter(parsing: "colour=red"))
        XCTAssertThrowsError(try TorrentFilter(parsing: "name"))
    }

    func testShareRulesPreferTheCategory() {
        let settings = Settings(stored: ["ratio_limit": "2", "share_action": "pause"])
        let rules = ShareRules(settings: settings, categories: [CategoryRecord(name: "tv", ratioLimit: 5, shareAction: "remove")])
        XCTAssertEqual(rules.decide(category: nil, ratio: 2.1, seedingSeconds: 0, idleSeconds: 0)?.action, .pause)
        XCTAssertNil(rules.decide(category: "tv", ratio: 2.1, seedingSeconds: 0, idleSeconds: 0))
        XCTAssertEqual(rules.decide(category: "tv", ratio: 5, seedingSeconds: 0, idleSeconds: 0)?.action, .remove)
        let timed = ShareRules(settings: Settings(stored: ["seed_time_limit": "3600", "idle_seed_time_limit": "600"]), categories: [])
        XCTAssertNotNil(timed.decide(category: nil, ratio: 0, seedingSeconds: 3600, idleSeconds: 0))
        XCTAssertNotNil(timed.decide(category: nil, ratio: 0, seedingSeconds: 10, idleSeconds: 601))
        XCTAssertNil(timed.decide(category: nil, ratio: 0, seedingSeconds: 10, idleSeconds: 10))
    }

    func testHookArgvKeepsHostileNamesInOneArgument() throws {
        let s = sample(name: "x'; rm -rf ~; echo '$(reboot)")
        let argv = try Hooks.argv("/usr/bin/notify --title {name} --path {content_path} {info_hash}", for: s)
        XCTAssertEqual(argv, ["/usr/bin/notify", "--title", "x'; rm -rf ~; echo '$(reboot)", "--path",
                              "/srv/dl/x'; rm -rf ~; echo '$(reboot)", String(repeating: "ab", count: 20)])
    }
}

final class TerminalTextTests: XCTestCase {
    func testControlCharactersBecomeVisible() {
        XCTAssertEqual(TerminalText.inert("a\u{1B}[31mb\u{07}"), "a\\e[31mb\\x07")
        XCTAssertEqual(TerminalText.inert("csi\u{9B}2J"), "csi\\x9b2J")
        XCTAssertEqual(TerminalText.inert("rtl\u{202E}txt"), "rtl\\u{202e}txt")
        XCTAssertEqual(TerminalText.inert("plain 日本"), "plain 日本")
    }

    func testWidthCountsColumns() {
        XCTAssertEqual(TerminalText.width("abc"), 3)
        XCTAssertEqual(TerminalText.width("日本語"), 6)
        XCTAssertEqual(TerminalText.width("e\u{301}"), 1)
        XCTAssertEqual(TerminalText.width("🎬"), 2)
        XCTAssertEqual(TerminalText.width(TerminalText.pad("日本語", to: 5)), 5)
        XCTAssertEqual(TerminalText.truncate("abcdef", to: 4), "abc…")
    }
}
