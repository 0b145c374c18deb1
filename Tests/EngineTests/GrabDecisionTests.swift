@testable import Engine
import Foundation
import XCTest

/// What a sync grabs: matching many releases to many wanted items, never the same release
/// twice, upgrades only below the cutoff; and the importer's file choice and hardlinking.
final class GrabDecisionTests: XCTestCase {
    func release(_ title: String, guid: String? = nil, hash: String? = nil, size: Int64 = 2 << 30, seeders: Int = 20) -> IndexerRelease {
        var r = IndexerRelease(indexer: "lantern", releaseProtocol: .torrent, title: title)
        r.guid = guid ?? "https://t.test/\(title)"
        r.infoHash = hash
        r.size = size
        r.seeders = seeders
        r.downloadURL = "http://t.test/\(title).torrent"
        return r
    }

    func episode(_ id: Int64, _ title: String, season: Int, episode: Int?, status: WantedItem.Status = .wanted) -> WantedItem {
        var w = WantedItem(type: .tv, title: title, season: season, episode: episode, addedAt: 0)
        w.id = id
        w.status = status
        return w
    }

    let feed = [
        "Harbor.Lights.S01E05.720p.HDTV.x264-TIDE", "Harbor.Lights.S01E05.1080p.WEB-DL.x264-KELP",
        "Harbor.Lights.S01E06.1080p.WEB-DL.x264-KELP", "Other.Show.S01E05.1080p.WEB-DL.x264-KELP",
        "The.Copper.Road.2019.1080p.BluRay.x264-GRP", "The.Copper.Road.2019.CAM.x264-BAD",
    ]

    func testPicksTheBestAcceptedReleasePerItemAndOnlyMatchingOnes() {
        var movie = WantedItem(type: .movie, title: "The Copper Road", year: 2019, addedAt: 0)
        movie.id = 3
        let wants = [GrabMatcher.Want(item: episode(1, "Harbor Lights", season: 1, episode: 5), profile: .standard),
                     GrabMatcher.Want(item: episode(2, "Harbor Lights", season: 2, episode: 1), profile: .standard),
                     GrabMatcher.Want(item: movie, profile: .standard)]
        let result = GrabMatcher(wants: wants).pick(feed.map { release($0) })
        XCTAssertEqual(result.picks.map { $0.want.item.id }, [1, 3])
        XCTAssertEqual(result.picks.map(\.decision.release.title),
                       ["Harbor.Lights.S01E05.1080p.WEB-DL.x264-KELP", "The.Copper.Road.2019.1080p.BluRay.x264-GRP"])
        XCTAssertFalse(result.picks[0].upgrade)
        // Only same-title pairs are judged: 3 Harbor Lights releases × 2 items + 2 Copper Road releases.
        XCTAssertEqual(result.judged, 8)
    }

    func testAPickCarriesTheNextBestReleasesInRankOrder() {
        let wants = [GrabMatcher.Want(item: episode(1, "Harbor Lights", season: 1, episode: 5), profile: .standard)]
        let titles = ["Harbor.Lights.S01E05.720p.HDTV.x264-TIDE", "Harbor.Lights.S01E05.1080p.WEB-DL.x264-KELP",
                      "Harbor.Lights.S01E05.720p.HDTV.x264-REEF", "Harbor.Lights.S01E05.1080p.BluRay.x264-GRP"]
        let pick = GrabMatcher(wants: wants).pick(titles.map { release($0) }).picks.first
        XCTAssertEqual(pick.map { [$0.decision] + $0.alternatives }?.map(\.release.title),
                       ["Harbor.Lights.S01E05.1080p.BluRay.x264-GRP", "Harbor.Lights.S01E05.1080p.WEB-DL.x264-KELP",
                        "Harbor.Lights.S01E05.720p.HDTV.x264-REEF", "Harbor.Lights.S01E05.720p.HDTV.x264-TIDE"])
        // Past the bound, the worst are dropped.
        let many = (1...9).map { release("Harbor.Lights.S01E05.720p.HDTV.x264-G\($0)") }
        let bounded = GrabMatcher(wants: wants).pick(many).picks.first
        XCTAssertEqual(bounded?.alternatives.count, GrabMatcher.fallbacks)
        XCTAssertEqual(bounded?.decision.release.title, "Harbor.Lights.S01E05.720p.HDTV.x264-G1")
        XCTAssertEqual(bounded?.alternatives.last?.release.title, "Harbor.Lights.S01E05.720p.HDTV.x264-G5")
    }

    func testAGoneLinkIsLeftAloneForAWhileThenAskedAgain() {
        let wants = [GrabMatcher.Want(item: episode(1, "Harbor Lights", season: 1, episode: 5), profile: .standard)]
        let best = release("Harbor.Lights.S01E05.1080p.WEB-DL.x264-KELP"), next = release("Harbor.Lights.S01E05.720p.HDTV.x264-TIDE")
        var gone = GoneLinks()
        gone.record(best, now: 1_000)
        let during = GrabMatcher(wants: wants).pick([best, next], unavailable: gone.current(now: 1_000 + GoneLinks.memory - 1))
        XCTAssertEqual(during.picks.first?.decision.release.title, next.title)
        XCTAssertTrue(during.picks.first?.alternatives.isEmpty == true)
        // The link is remembered, not the release: the same release from another indexer is taken.
        var elsewhere = best
        elsewhere.indexer = "harbor"
        elsewhere.downloadURL = "http://other.test/\(best.title).torrent"
        let other = GrabMatcher(wants: wants).pick([best, elsewhere, next], unavailable: gone.current(now: 1_000 + GoneLinks.memory - 1))
        XCTAssertEqual(other.picks.first?.decision.release.indexer, "harbor")
        XCTAssertEqual(other.picks.first?.decision.release.title, best.title)
        XCTAssertTrue(gone.current(now: 1_000 + GoneLinks.memory).isEmpty, "forgotten: the link is asked again")
    }

    func testAReleaseGrabbedOrBlocklistedIsNeverTakenAgain() {
        let wants = [GrabMatcher.Want(item: episode(1, "Harbor Lights", season: 1, episode: 5), profile: .standard)]
        let releases = feed.map { release($0, hash: String(repeating: "a", count: 39) + String($0.count % 10)) }
        let best = releases[1]
        let grabbed = GrabMatcher(wants: wants).pick(releases, grabbed: [best.guid!])
        XCTAssertEqual(grabbed.picks.first?.decision.release.title, "Harbor.Lights.S01E05.720p.HDTV.x264-TIDE", "the next best")
        let byHash = GrabMatcher(wants: wants).pick(releases, grabbed: [best.infoHash!, releases[0].infoHash!])
        XCTAssertTrue(byHash.picks.isEmpty)
        let blocked = GrabMatcher(wants: wants).pick(releases, blocklist: [best.title.lowercased(): "import failed: no video"])
        XCTAssertEqual(blocked.picks.first?.decision.release.title, "Harbor.Lights.S01E05.720p.HDTV.x264-TIDE")
    }

    func testAnItemWithSomethingTakesOnlyAnUpgradeBelowTheCutoff() {
        let item = episode(1, "Harbor Lights", season: 1, episode: 5, status: .grabbed)
        let low = GrabMatcher(wants: [.init(item: item, profile: .standard, have: "HDTV-720p")]).pick(feed.map { release($0) })
        XCTAssertEqual(low.picks.first?.decision.release.title, "Harbor.Lights.S01E05.1080p.WEB-DL.x264-KELP")
        XCTAssertEqual(low.picks.first?.upgrade, true)
        let same = GrabMatcher(wants: [.init(item: item, profile: .standard, have: "WEBDL-720p")])
            .pick([release("Harbor.Lights.S01E05.720p.HDTV.x264-TIDE")])
        XCTAssertTrue(same.picks.isEmpty, "HDTV-720p is no upgrade over WEBDL-720p")
        let atCutoff = GrabMatcher(wants: [.init(item: item, profile: .standard, have: "WEBDL-1080p")]).pick(feed.map { release($0) })
        XCTAssertTrue(atCutoff.picks.isEmpty, "WEBDL-1080p meets the default cutoff")
    }

    func testWhatAnItemHasIsTheBetterOfDiskAndGrab() {
        var item = episode(1, "Harbor Lights", season: 1, episode: 5, status: .imported)
        item.currentQuality = "HDTV-720p"
        XCTAssertEqual(AcquisitionService.have(item, grabbed: "WEBDL-1080p", profile: .standard), "WEBDL-1080p")
        XCTAssertEqual(AcquisitionService.have(item, grabbed: nil, profile: .standard), "HDTV-720p")
        item.status = .wanted
        XCTAssertNil(AcquisitionService.have(item, grabbed: nil, profile: .standard))
    }

    func testTheImporterPicksTheMainFileAndHardlinksIdempotently() throws {
        let dir = NSTemporaryDirectory() + "grab-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let release = dir + "/dl/Harbor.Lights.S01E05.1080p.WEB-DL.x264-KELP"
        try FileManager.default.createDirectory(atPath: release + "/Sample", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: dir + "/tv", withIntermediateDirectories: true)
        try Data(count: 400_000).write(to: URL(fileURLWithPath: release + "/harbor.lights.s01e05.mkv"))
        try Data(count: 30_000).write(to: URL(fileURLWithPath: release + "/Sample/sample.mkv"))
        try Data(count: 20_000).write(to: URL(fileURLWithPath: release + "/tiny-extra.mkv"))
        try Data(count: 900_000).write(to: URL(fileURLWithPath: release + "/kelp.nfo"))
        let files = ImportPlanner.mainFiles(at: release, extensions: LibraryType.tv.extensions)
        XCTAssertEqual(files.map { ($0.path as NSString).lastPathComponent }, ["harbor.lights.s01e05.mkv"])

        let wanted = episode(1, "Harbor Lights", season: 1, episode: 5)
        let facts = try ImportPlanner.facts(file: files[0].path, type: .tv, wanted: wanted, release: "Harbor.Lights.S01E05.1080p.WEB-DL.x264-KELP",
                                            quality: "WEBDL-1080p")
        let relative = try XCTUnwrap(LibraryNaming().importPath(for: facts, type: .tv, ext: "mkv"))
        XCTAssertEqual(relative, "Harbor Lights/Season 01/Harbor Lights - S01E05 - WEBDL-1080p.mkv")
        let first = try LibraryLinker.link(source: files[0].path, root: dir + "/tv", relative: relative)
        XCTAssertEqual(first.mode, .hardlink)
        XCTAssertTrue(LibraryLinker.sameFile(files[0].path, first.target))
        XCTAssertEqual(try LibraryLinker.link(source: files[0].path, root: dir + "/tv", relative: relative).mode, .existing)
        // A different file at the target is a failure, and nothing leaves the root.
        XCTAssertThrowsError(try LibraryLinker.link(source: release + "/tiny-extra.mkv", root: dir + "/tv", relative: relative)) {
            XCTAssertTrue(($0 as? EngineError)?.message.contains("already holds a different file") == true, "\($0)")
        }
        // A link that fails leaves no folder it made; a placement says which folders it made.
        XCTAssertThrowsError(try LibraryLinker.place(source: dir + "/missing.mkv", root: dir + "/tv", relative: "Gone Show/Season 01/x.mkv"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/tv/Gone Show"))
        let placed = try LibraryLinker.place(source: files[0].path, root: dir + "/tv", relative: "New Show/Season 02/y.mkv")
        XCTAssertEqual(placed.createdFolders.map { ($0 as NSString).lastPathComponent }, ["Season 02", "New Show"])
        unlink(placed.target)
        LibraryLinker.removeEmpty(placed.createdFolders)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir + "/tv"), ["Harbor Lights"], "the root stays, with what was there")
        XCTAssertThrowsError(try LibraryLinker.link(source: files[0].path, root: dir + "/tv", relative: "../escape.mkv"))
        try FileManager.default.createSymbolicLink(atPath: dir + "/tv/out", withDestinationPath: dir + "/dl")
        XCTAssertThrowsError(try LibraryLinker.link(source: files[0].path, root: dir + "/tv", relative: "out/x.mkv")) {
            XCTAssertTrue(($0 as? EngineError)?.message.contains("outside the library") == true, "\($0)")
        }
    }

    func testAnEpisodeTitleInTheNameNamesTheImport() throws {
        let wanted = episode(1, "Harbor Lights", season: 1, episode: 5)
        func relative(_ file: String, release: String?) throws -> String? {
            let facts = try ImportPlanner.facts(file: "/dl/" + file, type: .tv, wanted: wanted, release: release, quality: "WEBDL-1080p")
            return LibraryNaming().importPath(for: facts, type: .tv, ext: "mkv")
        }
        XCTAssertEqual(try relative("harbor.lights.s01e05.mkv", release: "Harbor.Lights.S01E05.The.Long.Night.1080p.WEB-DL.x264-KELP"),
                       "Harbor Lights/Season 01/Harbor Lights - S01E05 - The Long Night WEBDL-1080p.mkv")
        XCTAssertEqual(try relative("Harbor Lights - S01E05 - Low Tide [WEBDL-1080p].mkv", release: nil),
                       "Harbor Lights/Season 01/Harbor Lights - S01E05 - Low Tide WEBDL-1080p.mkv")
        XCTAssertEqual(try relative("harbor.lights.s01e05.mkv", release: "Harbor.Lights.S01E05.Pilot-KELP"),
                       "Harbor Lights/Season 01/Harbor Lights - S01E05 - Pilot WEBDL-1080p.mkv", "the group is not part of the title")
        // Names without one leave the token out, and the separators around it go with it.
        for release in ["Harbor.Lights.S01E05.1080p.WEB-DL.x264-KELP", "Harbor.Lights.S01E05-KELP", "Harbor.Lights.S01E05.720p-KELP"] {
            XCTAssertEqual(try relative("harbor.lights.s01e05.mkv", release: release),
                           "Harbor Lights/Season 01/Harbor Lights - S01E05 - WEBDL-1080p.mkv", release)
        }
        XCTAssertEqual(ImportPlanner.episodeTitle(inName: "Harbor.Lights.S01E05.\u{1b}[31mRed.Tide.720p.HDTV.x264-KELP.mkv").map { !$0.contains("\u{1b}") }, true,
                       "no escape sequence reaches a path")
        // A single-file release is its own file name; languages and flags are not titles; a
        // number after a dash is ("Catch-22"), a group in capitals is not.
        XCTAssertNil(ImportPlanner.episodeTitle(inName: "Harbor.Lights.S01E05.mkv"))
        XCTAssertNil(ImportPlanner.episodeTitle(inName: "Harbor.Lights.S01E05.GERMAN.DL.1080p.WEB.x264-GRP"))
        XCTAssertNil(ImportPlanner.episodeTitle(inName: "Harbor.Lights.S01E05.REPACK-GRP"))
        XCTAssertEqual(ImportPlanner.episodeTitle(inName: "Harbor.Lights.S01E05.Red.Tide.FRENCH.720p.HDTV.x264-GRP"), "Red Tide")
        XCTAssertEqual(ImportPlanner.episodeTitle(inName: "Harbor Lights - S01E05 - Catch-22.mkv"), "Catch-22")
        XCTAssertEqual(ImportPlanner.episodeTitle(inName: "Harbor Lights - S01E05 - The Final Part.mkv"), "The Final Part")
    }

    func testMusicFactsComeFromTheReleaseAndTheFileName() throws {
        let facts = try ImportPlanner.facts(file: "/x/Lantern Choir - Tidal Hours (2019) [FLAC]/03 - Low Water.flac", type: .music,
                                            wanted: nil, release: "Lantern Choir - Tidal Hours (2019) [FLAC]", quality: "FLAC")
        XCTAssertEqual([facts.artist, facts.album, facts.title], ["Lantern Choir", "Tidal Hours", "Low Water"])
        XCTAssertEqual(facts.track, 3)
        XCTAssertEqual(facts.year, 2019)
        XCTAssertThrowsError(try ImportPlanner.facts(file: "/x/a.flac", type: .music, wanted: nil, release: nil, quality: nil)) {
            XCTAssertTrue(($0 as? EngineError)?.message.contains("no artist and album known") == true, "\($0)")
        }
    }

    /// An engine started by an older binary sends a sync report without `passed_over`; a newer
    /// client still reads it, and a current report round-trips.
    func testASyncReportWithoutPassedOverStillDecodes() throws {
        let old = #"{"outcomes":[],"releases":3,"wanted":2,"judged":4,"accepted":1,"grabs":[],"failures":["x"],"elapsed_ms":12}"#
        let report = try JSONDecoder().decode(SyncReport.self, from: Data(old.utf8))
        XCTAssertEqual(report.passedOver, [])
        XCTAssertEqual(report.failures, ["x"])
        XCTAssertEqual(report.elapsedMs, 12)
        var current = SyncReport(wanted: 2)
        current.passedOver = ["wanted #1 Harbor Lights: gone"]
        let again = try JSONDecoder().decode(SyncReport.self, from: JSONEncoder().encode(current))
        XCTAssertEqual(again.passedOver, current.passedOver)
    }
}
