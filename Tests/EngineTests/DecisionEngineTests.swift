@testable import Engine
import Foundation
import XCTest

/// The decision engine: each specification's accept and reject with its reason, the ranking,
/// the built-in profiles and profile validation.
final class DecisionEngineTests: XCTestCase {
    let engine = DecisionEngine()
    let now = Date(timeIntervalSince1970: 1_700_000_000)
    static let gb: Int64 = 1 << 30

    func release(_ title: String, size: Int64? = 2 << 30, seeders: Int? = 20, indexer: String = "lantern", priority: Int = 25,
                 proto: ReleaseProtocol = .torrent, published: Date? = nil, hash: String? = nil) -> IndexerRelease {
        var r = IndexerRelease(indexer: indexer, releaseProtocol: proto, title: title)
        r.downloadURL = "http://127.0.0.1/dl/\(abs(title.hashValue)).torrent"
        r.guid = "guid-\(title)"
        r.size = size
        r.seeders = proto == .torrent ? seeders : nil
        r.indexerPriority = priority
        r.publishedAt = published
        r.infoHash = hash
        return r
    }

    func context(_ profile: QualityProfile = .standard, target: SearchTarget? = nil, onDisk: String? = nil,
                 blocklist: [String: String] = [:], grabbed: Set<String> = []) -> DecisionContext {
        DecisionContext(profile: profile, target: target, onDisk: onDisk, blocklist: blocklist, grabbed: grabbed, now: now)
    }

    /// The reasons a release is rejected with, by specification name.
    func reasons(_ r: IndexerRelease, _ ctx: DecisionContext) -> [String: String] {
        Dictionary(engine.evaluate(r, context: ctx).rejections.map { ($0.spec, $0.reason) }, uniquingKeysWith: { a, _ in a })
    }

    // MARK: The default profile

    func testDefaultProfileAccepts720pAndBetterFromWebBlurayHDTV() {
        let ctx = context()
        for name in ["Harbor.Lights.S02E05.1080p.WEB-DL.DDP5.1.H.264-KELP", "Harbor.Lights.S02E05.720p.HDTV.x264-TIDE",
                     "The.Copper.Road.2019.1080p.BluRay.x264-ORE", "Harbor.Lights.S02E05.2160p.WEBRip.x265-KELP",
                     "Harbor.Lights.S02E05.720p.BluRay.x264-ORE"] {
            let d = engine.evaluate(release(name), context: ctx)
            XCTAssertTrue(d.accepted, "\(name): \(d.rejections)")
        }
    }

    func testDefaultProfileRejectsCamsScreenersSDAndSamples() {
        let ctx = context()
        let cases = [("The.Copper.Road.2019.CAM.x264-BAD", "CAM (a theatre or preview copy) is not allowed by profile 'default'"),
                     ("The.Copper.Road.2019.TS.x264-BAD", "TELESYNC (a theatre or preview copy) is not allowed by profile 'default'"),
                     ("The.Copper.Road.2019.TELECINE.x264-BAD", "TELECINE (a theatre or preview copy) is not allowed by profile 'default'"),
                     ("The.Copper.Road.2019.DVDSCR.x264-BAD", "DVDSCR (a theatre or preview copy) is not allowed by profile 'default'"),
                     ("Harbor.Lights.S02E05.HDTV.x264-LOL", "SDTV is not allowed by profile 'default'"),
                     ("Harbor.Lights.S02E05.480p.WEB-DL.x264-LOL", "WEBDL-480p is not allowed by profile 'default'")]
        for (name, reason) in cases {
            XCTAssertEqual(reasons(release(name), ctx)["quality"], reason, name)
        }
        XCTAssertEqual(reasons(release("Harbor.Lights.S02E05.1080p.WEB-DL.x264-KELP.sample", size: 40 << 20), ctx)["sample"],
                       "a sample, not the release")
        XCTAssertEqual(QualityProfile.standard.cutoff, "WEBDL-1080p")
        XCTAssertNoThrow(try QualityProfile.standard.validate())
        XCTAssertNoThrow(try QualityProfile.music.validate())
        XCTAssertNoThrow(try QualityProfile.any.validate())
    }

    // MARK: Specifications one by one

    func testNamesAndTitlesNormalizeTheSameWithAndWithoutTheASCIIPath() {
        // ASCII goes through bytes, the rest through Foundation: the same words either way.
        XCTAssertEqual(TermMatcher.normalize("The.Copper_Road  (2019)+HD!"), " the copper road 2019 +hd ")
        XCTAssertEqual(TermMatcher.normalize("Éclair.Noir-GRP"), " éclair noir grp ")
        XCTAssertEqual(TermMatcher.normalize("..."), " ")
        XCTAssertEqual(TermMatcher.normalize(""), " ")
        XCTAssertEqual(TitleKey.words("Law & Order: S.V.U."), ["law", "and", "order", "s", "v", "u"])
        XCTAssertEqual(TitleKey.words("Amélie"), TitleKey.words("AMELIE"))
        XCTAssertTrue(TitleKey.same("The Copper Road 2019", "Copper Road"))
    }

    func testUpgradeSpecification() {
        let r = release("Harbor.Lights.S02E05.1080p.WEB-DL.x264-KELP")
        XCTAssertNil(reasons(r, context(onDisk: "HDTV-720p"))["upgrade"], "better than what is on disk")
        XCTAssertEqual(reasons(r, context(onDisk: "WEBDL-1080p"))["upgrade"], "WEBDL-1080p on disk already meets the cutoff WEBDL-1080p")
        var noCutoff = QualityProfile.standard
        noCutoff.cutoff = "Remux-2160p"
        XCTAssertEqual(reasons(release("Harbor.Lights.S02E05.720p.HDTV.x264-KELP"), context(noCutoff, onDisk: "Bluray-1080p"))["upgrade"],
                       "HDTV-720p is not better than Bluray-1080p on disk")
        var noUpgrades = QualityProfile.standard
        noUpgrades.upgradesAllowed = false
        XCTAssertEqual(reasons(r, context(noUpgrades, onDisk: "HDTV-720p"))["upgrade"], "HDTV-720p is on disk and profile 'default' does not upgrade")
    }

    func testSizeSpecificationPerMinuteOfRuntime() {
        let ctx = context(target: SearchTarget(type: .tv, title: nil))
        // 45 min at 4–200 MB/min for WEBDL-1080p: 180 MB to 8.8 GB.
        XCTAssertNil(reasons(release("Harbor.Lights.S02E05.1080p.WEB-DL.x264-KELP", size: 2 * Self.gb), ctx)["size"])
        let small = reasons(release("Harbor.Lights.S02E05.1080p.WEB-DL.x264-KELP", size: 100 << 20), ctx)["size"]
        XCTAssertEqual(small, "100 MiB is 2.2 MB/min for 45 min, below 4 for WEBDL-1080p")
        let big = reasons(release("Harbor.Lights.S02E05.1080p.WEB-DL.x264-KELP", size: 20 * Self.gb), ctx)["size"]
        XCTAssertTrue(big?.contains("above 200 for WEBDL-1080p") == true, big ?? "")
        // Two episodes double the runtime; a season pack is not bounded.
        XCTAssertNil(reasons(release("Harbor.Lights.S02E05E06.1080p.WEB-DL.x264-KELP", size: 16 * Self.gb), ctx)["size"])
        XCTAssertNil(reasons(release("Harbor.Lights.S02.1080p.WEB-DL.x264-KELP", size: 80 * Self.gb), ctx)["size"])
        // Films run longer; the target's runtime wins over the default.
        let film = SearchTarget(type: .movie, title: nil)
        XCTAssertNil(reasons(release("The.Copper.Road.2019.1080p.WEB-DL.x264-ORE", size: 15 * Self.gb), context(target: film))["size"])
        let short = SearchTarget(type: .movie, title: nil, runtimeMinutes: 20)
        XCTAssertNotNil(reasons(release("The.Copper.Road.2019.1080p.WEB-DL.x264-ORE", size: 15 * Self.gb), context(target: short))["size"])
        // Music is bounded in MB.
        let album = reasons(release("Velvet Orchard - Salt and Ember (2021) [FLAC]", size: 10 << 20),
                            context(.music, target: SearchTarget(type: .music, title: nil)))["size"]
        XCTAssertEqual(album, "10.0 MiB is below 50 MB for FLAC")
        // Unknown size is not judged.
        XCTAssertNil(reasons(release("Harbor.Lights.S02E05.1080p.WEB-DL.x264-KELP", size: nil), ctx)["size"])
    }

    func testSeedersSpecification() {
        XCTAssertEqual(reasons(release("Harbor.Lights.S02E05.1080p.WEB-DL.x264-KELP", seeders: 0), context())["seeders"],
                       "0 seeders, profile 'default' wants at least 1")
        var picky = QualityProfile.standard
        picky.minimumSeeders = 5
        XCTAssertEqual(reasons(release("Harbor.Lights.S02E05.1080p.WEB-DL.x264-KELP", seeders: 1), context(picky))["seeders"],
                       "1 seeder, profile 'default' wants at least 5")
        XCTAssertNil(reasons(release("Harbor.Lights.S02E05.1080p.WEB-DL.x264-KELP", seeders: nil), context(picky))["seeders"])
        XCTAssertNil(reasons(release("Harbor.Lights.S02E05.1080p.WEB-DL.x264-KELP", proto: .usenet), context(picky))["seeders"])
    }

    func testDownloadableSpecification() {
        let r = reasons(release("Harbor.Lights.S02E05.1080p.WEB-DL.x264-KELP", proto: .usenet), context())
        XCTAssertEqual(r["downloadable"], "a usenet (Newznab) release: listed, but seedtui cannot download usenet yet")
        var linkless = release("Harbor.Lights.S02E05.1080p.WEB-DL.x264-KELP")
        linkless.downloadURL = nil
        XCTAssertEqual(reasons(linkless, context())["downloadable"], "no download link or magnet")
    }

    func testBlocklistAndAlreadyGrabbed() {
        let hash = String(repeating: "ab", count: 20)
        let r = release("Harbor.Lights.S02E05.1080p.WEB-DL.x264-KELP", hash: hash)
        XCTAssertEqual(reasons(r, context(blocklist: [hash: "failed to download"]))["blocklist"], "blocklisted: failed to download")
        XCTAssertEqual(reasons(r, context(blocklist: ["harbor.lights.s02e05.1080p.web-dl.x264-kelp": "fake"]))["blocklist"], "blocklisted: fake")
        XCTAssertEqual(reasons(r, context(grabbed: ["guid-Harbor.Lights.S02E05.1080p.WEB-DL.x264-KELP"]))["already_grabbed"], "already grabbed")
        XCTAssertTrue(engine.evaluate(r, context: context(blocklist: ["other": "x"], grabbed: ["other"])).accepted)
    }

    func testMatchSpecification() {
        let episode = SearchTarget(type: .tv, title: "Harbor Lights", season: 2, episode: 5, strict: true)
        XCTAssertNil(reasons(release("Harbor.Lights.S02E05.1080p.WEB-DL.x264-KELP"), context(target: episode))["match"])
        XCTAssertEqual(reasons(release("Harbor.Lights.S02E06.1080p.WEB-DL.x264-KELP"), context(target: episode))["match"],
                       "episode 6, wanted S02E05")
        XCTAssertEqual(reasons(release("Harbor.Lights.S03E05.1080p.WEB-DL.x264-KELP"), context(target: episode))["match"],
                       "season 3, wanted season 2")
        XCTAssertEqual(reasons(release("Harbor.Lights.S02.1080p.WEB-DL.x264-KELP"), context(target: episode))["match"],
                       "a season pack, wanted S02E05 only")
        XCTAssertEqual(reasons(release("Harbor.Lights.Revisited.S02E05.1080p.WEB-DL.x264-KELP"), context(target: episode))["match"],
                       "title 'Harbor Lights Revisited' is not 'Harbor Lights'")
        // A whole season wanted: packs pass, single episodes do not.
        let season = SearchTarget(type: .tv, title: "Harbor Lights", season: 2, strict: true)
        XCTAssertNil(reasons(release("Harbor.Lights.S02.1080p.WEB-DL.x264-KELP", size: 30 * Self.gb), context(target: season))["match"])
        XCTAssertEqual(reasons(release("Harbor.Lights.S02E05.1080p.WEB-DL.x264-KELP"), context(target: season))["match"],
                       "single episode S02E05, wanted the whole season 2")
        // Films: the year within one, "The" and punctuation ignored.
        let film = SearchTarget(type: .movie, title: "Copper Road", year: 2019, strict: true)
        XCTAssertNil(reasons(release("The.Copper.Road.2019.1080p.BluRay.x264-ORE"), context(target: film))["match"])
        XCTAssertNil(reasons(release("The.Copper.Road.2020.1080p.BluRay.x264-ORE"), context(target: film))["match"])
        XCTAssertEqual(reasons(release("The.Copper.Road.1987.1080p.BluRay.x264-ORE"), context(target: film))["match"], "year 1987, wanted 2019")
        // A free search needs every word of the query, in any title.
        let loose = SearchTarget(type: .tv, title: "harbor", season: 2, episode: 5)
        XCTAssertNil(reasons(release("Harbor.Lights.S02E05.1080p.WEB-DL.x264-KELP"), context(target: loose))["match"])
        XCTAssertEqual(reasons(release("Night.Desk.S02E05.1080p.WEB-DL.x264-KELP"), context(target: loose))["match"],
                       "title 'Night Desk' does not contain 'harbor'")
        // Absolute numbering cannot be placed without series metadata.
        let anime = reasons(release("[Lanterns] Paper Moon Academy - 014 [1080p].mkv"),
                            context(target: SearchTarget(type: .tv, title: "Paper Moon Academy", season: 1, episode: 14, strict: true)))["match"]
        XCTAssertTrue(anime?.hasPrefix("absolute episode 14 cannot be matched") == true, anime ?? "")
        // Music: the words of "Artist - Album" in the name.
        let album = SearchTarget(type: .music, title: "Velvet Orchard - Salt and Ember", strict: true)
        XCTAssertNil(reasons(release("Velvet Orchard - Salt and Ember (2021) [FLAC]"), context(.music, target: album))["match"])
        XCTAssertEqual(reasons(release("Velvet Orchard - Night Songs (2021) [FLAC]"), context(.music, target: album))["match"],
                       "the name does not contain 'salt and ember'")
    }

    func testTermsSpecificationAndScore() {
        var p = QualityProfile.standard
        p.requiredTerms = ["web-dl", "/blu-?ray/"]
        p.ignoredTerms = ["dolby vision"]
        p.preferredTerms = [.init(term: "x265", score: 10), .init(term: "/\\bKELP$/", score: 5), .init(term: "hdr", score: -20)]
        p.minimumScore = -10
        XCTAssertNil(reasons(release("Harbor.Lights.S02E05.1080p.WEB-DL.x265-KELP"), context(p))["terms"])
        XCTAssertEqual(p.score("Harbor.Lights.S02E05.1080p.WEB-DL.x265-KELP"), 15)
        XCTAssertEqual(p.score("Harbor.Lights.S02E05.1080p.WEB-DL.HDR10.x264-ABC"), 0, "'hdr' does not match inside 'HDR10'")
        XCTAssertNil(reasons(release("Harbor.Lights.S02E05.1080p.BluRay.x264-ORE"), context(p))["terms"], "regex term")
        XCTAssertEqual(reasons(release("Harbor.Lights.S02E05.1080p.Dolby.Vision.WEB-DL.x265-KELP"), context(p))["terms"],
                       "contains the ignored term 'dolby vision'")
        XCTAssertEqual(reasons(release("Harbor.Lights.S02E05.720p.HDTV.x264-TIDE"), context(p))["terms"],
                       "contains none of the required terms (web-dl, /blu-?ray/)")
        XCTAssertEqual(reasons(release("Harbor.Lights.S02E05.1080p.HDR.WEB-DL.x264-ABC"), context(p))["terms"],
                       "term score -20 is below the minimum -10")
    }

    func testAgeAndDelaySpecifications() {
        var p = QualityProfile.standard
        p.maximumAgeDays = 30
        p.delayMinutes = 60
        let old = release("Harbor.Lights.S02E05.720p.HDTV.x264-TIDE", published: now.addingTimeInterval(-40 * 86400))
        XCTAssertEqual(reasons(old, context(p))["age"], "published 40 days ago, profile 'default' allows 30")
        let fresh = release("Harbor.Lights.S02E05.720p.HDTV.x264-TIDE", published: now.addingTimeInterval(-10 * 60))
        XCTAssertEqual(reasons(fresh, context(p))["delay"], "published 10 min ago; profile 'default' waits 60 min for a release at its cutoff")
        // One at the cutoff need not wait.
        let best = release("Harbor.Lights.S02E05.1080p.WEB-DL.x264-KELP", published: now.addingTimeInterval(-10 * 60))
        XCTAssertNil(reasons(best, context(p))["delay"])
        XCTAssertNil(reasons(release("Harbor.Lights.S02E05.720p.HDTV.x264-TIDE", published: now.addingTimeInterval(-2 * 3600)), context(p))["delay"])
    }

    func testEveryReasonIsListed() {
        let d = engine.evaluate(release("Harbor.Lights.S02E05.CAM.sample-BAD", size: 1 << 20, seeders: 0),
                                context: context(target: SearchTarget(type: .tv, title: "Other Show", season: 1, episode: 1, strict: true)))
        XCTAssertFalse(d.accepted)
        XCTAssertEqual(Set(d.rejections.map(\.spec)), ["sample", "quality", "seeders", "match"])
        XCTAssertTrue(d.rejections.allSatisfy { !$0.reason.isEmpty && !$0.reason.contains("\n") })
    }

    // MARK: Ranking

    func testRankingOrder() {
        let releases = [
            release("Harbor.Lights.S02E05.720p.HDTV.x264-TIDE", seeders: 500),
            release("Harbor.Lights.S02E05.1080p.WEB-DL.x264-KELP", seeders: 10, priority: 30),
            release("Harbor.Lights.S02E05.1080p.WEB-DL.x264-OTHER", seeders: 10, priority: 10),
            release("Harbor.Lights.S02E05.1080p.WEB-DL.x264-MORE", seeders: 40),
            release("Harbor.Lights.S02E05.1080p.WEB-DL.x265-SCORE", seeders: 1),
            release("Harbor.Lights.S02E05.PROPER.1080p.WEB-DL.x264-FIX", seeders: 2),
            release("Harbor.Lights.S02E05.1080p.BluRay.x264-ORE", seeders: 3),
            release("Harbor.Lights.S02E05.CAM.x264-BAD", seeders: 9000),
            release("Harbor.Lights.S02E05.1080p.WEB-DL.x264-BIG", size: 3 << 30, seeders: 10, priority: 10),
        ]
        var p = QualityProfile.standard
        p.preferredTerms = [.init(term: "x265", score: 10)]
        let ranked = engine.decide(releases, context: context(p)).map { $0.release.title.split(separator: "-").last.map(String.init) ?? "" }
        // Blu-ray 1080p first (profile order), then WEB-DL 1080p by revision, score, seeders, priority, size; HDTV; the CAM last.
        XCTAssertEqual(ranked, ["ORE", "FIX", "SCORE", "MORE", "BIG", "OTHER", "KELP", "TIDE", "BAD"])
        let decisions = engine.decide(releases, context: context(p))
        XCTAssertEqual(decisions.map(\.rank), Array(1...releases.count))
        XCTAssertFalse(decisions.last!.accepted)
    }

    // MARK: Profiles

    func testProfileValidation() {
        func invalid(_ change: (inout QualityProfile) -> Void, _ expected: String) {
            var p = QualityProfile.standard
            p.name = "mine"
            change(&p)
            XCTAssertThrowsError(try p.validate()) { error in
                XCTAssertTrue("\(error)".contains(expected), "\(error)")
            }
        }
        invalid({ $0.name = "" }, "profile name")
        invalid({ $0.qualities = [] }, "allows no quality")
        invalid({ $0.qualities = ["WEBDL-1080p", "Super-8K"] }, "unknown quality 'Super-8K'")
        invalid({ $0.qualities = ["WEBDL-1080p", "WEBDL-1080p"] }, "twice")
        invalid({ $0.cutoff = "SDTV" }, "cutoff 'SDTV' is not one of its allowed qualities")
        invalid({ $0.sizeLimits["WEBDL-1080p"] = .init(min: 10, max: 5) }, "minimum above its maximum")
        invalid({ $0.preferredTerms = [.init(term: "/([/", score: 1)] }, "not a valid regular expression")
        invalid({ $0.requiredTerms = ["..."] }, "no letters or digits")
        invalid({ $0.minimumSeeders = -1 }, "cannot be negative")
        XCTAssertEqual(QualityRanking.canonical("webdl-1080P"), "WEBDL-1080p")
        XCTAssertEqual(QualityRanking.canonical("flac 24BIT"), "FLAC 24bit")
        XCTAssertNil(QualityRanking.canonical("8K"))
        XCTAssertGreaterThan(QualityRanking.rank("Bluray-1080p", kind: .movie)!, QualityRanking.rank("WEBDL-1080p", kind: .movie)!)
        XCTAssertEqual(QualityRanking.rank("WEBDL-1080p", kind: .movie), QualityRanking.rank("WEBRip-1080p", kind: .movie))
        XCTAssertGreaterThan(QualityRanking.rank("FLAC", kind: .music)!, QualityRanking.rank("MP3-320", kind: .music)!)
        XCTAssertEqual(QualityProfile.builtin(for: .music).name, "music")
        XCTAssertEqual(QualityProfile.builtin(for: .book).name, "any")
        XCTAssertEqual(QualityProfile.builtin(for: .episode).name, "default")
    }

    func testProfileRoundTripsThroughJSON() throws {
        var p = QualityProfile.standard
        p.name = "mine"
        p.preferredTerms = [.init(term: "x265", score: 5)]
        p.maximumAgeDays = 100
        let back = try JSONDecoder().decode(QualityProfile.self, from: JSONEncoder().encode(p))
        XCTAssertEqual(back, p)
        let decision = engine.evaluate(release("Harbor.Lights.S02E05.1080p.WEB-DL.x264-KELP"), context: context())
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(decision)) as? [String: Any]
        XCTAssertEqual(json?["accepted"] as? Bool, true)
        XCTAssertEqual(json?["quality"] as? String, "WEBDL-1080p")
        XCTAssertNotNil(json?["parsed"] as? [String: Any])
    }

    func testBooksAreJudgedByFormat() {
        let ctx = context(.any, target: SearchTarget(type: .book, title: "Ann Leckie Ancillary Justice"))
        let d = engine.evaluate(release("Ann Leckie - Ancillary Justice (2013) [EPUB]", size: 2 << 20), context: ctx)
        XCTAssertTrue(d.accepted, "\(d.rejections)")
        XCTAssertEqual(d.quality, "EPUB")
    }
}
