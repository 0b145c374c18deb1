@testable import Engine
import XCTest

/// The release-name parser on names written for these tests (the reference cases of other
/// projects are only used by `bench/parse`, at run time).
final class ReleaseParserTests: XCTestCase {
    /// What a name should give; nil fields are not checked.
    struct Expect {
        var title: String??
        var year: Int??
        var seasons: [Int]?
        var episodes: [Int]?
        var absolute: [Int]?
        var airDate: String??
        var fullSeason: Bool?
        var quality: String?
        var resolution: String??
        var source: String??
        var group: String??
        var type: ReleaseInfo.Kind?
        var proper: Bool?
        var repack: Bool?
        var version: Int??
        var videoCodec: String??
        var audioCodec: String??
        var channels: String??
        var hdr: String??
        var languages: [String]?
        var edition: String??
        var service: String??
        var artist: String??
        var album: String??
        var author: String??
        var format: String??
    }

    func check(_ name: String, _ e: Expect, hint: ReleaseInfo.Kind? = nil, file: StaticString = #filePath, line: UInt = #line) {
        let i = ReleaseParser.parse(name, hint: hint)
        func eq<T: Equatable>(_ got: T, _ want: T?, _ field: String) {
            if let want, got != want { XCTFail("\(name): \(field) is \(got), expected \(want)", file: file, line: line) }
        }
        eq(i.title, e.title, "title")
        eq(i.year, e.year, "year")
        eq(i.seasons, e.seasons, "seasons")
        eq(i.episodes, e.episodes, "episodes")
        eq(i.absoluteEpisodes, e.absolute, "absolute_episodes")
        eq(i.airDate, e.airDate, "air_date")
        eq(i.fullSeason, e.fullSeason, "full_season")
        eq(i.quality, e.quality, "quality")
        eq(i.resolution, e.resolution, "resolution")
        eq(i.source, e.source, "source")
        eq(i.releaseGroup, e.group, "release_group")
        eq(i.type, e.type, "type")
        eq(i.proper, e.proper, "proper")
        eq(i.repack, e.repack, "repack")
        eq(i.version, e.version, "version")
        eq(i.videoCodec, e.videoCodec, "video_codec")
        eq(i.audioCodec, e.audioCodec, "audio_codec")
        eq(i.audioChannels, e.channels, "audio_channels")
        eq(i.hdr, e.hdr, "hdr")
        eq(i.languages, e.languages, "languages")
        eq(i.edition, e.edition, "edition")
        eq(i.streamingService, e.service, "streaming_service")
        eq(i.artist, e.artist, "artist")
        eq(i.album, e.album, "album")
        eq(i.author, e.author, "author")
        eq(i.format, e.format, "format")
    }

    // MARK: Episodes

    func testSingleEpisodes() {
        check("Harbor.Lights.S02E05.1080p.WEB-DL.DDP5.1.H.264-KELP",
              Expect(title: "Harbor Lights", seasons: [2], episodes: [5], absolute: [], fullSeason: false, quality: "WEBDL-1080p",
                     resolution: "1080p", source: "WEBDL", group: "KELP", type: .episode, videoCodec: "x264", audioCodec: "EAC3", channels: "5.1"))
        check("harbor.lights.s02e05.720p.hdtv.x264-tide", Expect(title: "harbor lights", seasons: [2], episodes: [5], quality: "HDTV-720p", group: "tide"))
        check("Harbor Lights 3x07 HDTV XviD-LOLZ", Expect(title: "Harbor Lights", seasons: [3], episodes: [7], quality: "SDTV", group: "LOLZ", videoCodec: "XviD"))
        check("Harbor Lights S01 E03 720p HDTV", Expect(title: "Harbor Lights", seasons: [1], episodes: [3], quality: "HDTV-720p"))
        check("Harbor.Lights.S00E05.Behind.the.Scenes.720p.WEB.h264-KELP",
              Expect(title: "Harbor Lights", seasons: [0], episodes: [5], quality: "WEBDL-720p", group: "KELP"))
        check("Kestrel.Point.US.S01E03.720p.HDTV.x264-TIDE", Expect(title: "Kestrel Point US", seasons: [1], episodes: [3]))
        check("Kestrel Point (2019) - S01E03 - The Third One [WEBDL-1080p].mkv",
              Expect(title: "Kestrel Point", year: 2019, seasons: [1], episodes: [3], quality: "WEBDL-1080p", group: .some(nil)))
        check("kestrel_point_s01e03_720p_hdtv", Expect(title: "kestrel point", seasons: [1], episodes: [3], quality: "HDTV-720p"))
        check("Kestrel.Point.103.720p.HDTV.x264-TIDE", Expect(title: "Kestrel Point", seasons: [1], episodes: [3]))
        check("Kestrel.Point.S2024E15.1080p.WEB.h264-TIDE", Expect(title: "Kestrel Point", seasons: [2024], episodes: [15]))
        check("Kestrel Point - 4x11 - Lanterns [SDTV].avi", Expect(title: "Kestrel Point", seasons: [4], episodes: [11], quality: "SDTV"))
        check("Kestrel.Point.S03E02.mkv", Expect(seasons: [3], episodes: [2], quality: "HDTV-720p", resolution: .some(nil)))
        check("Kestrel.Point.S03E02.avi", Expect(seasons: [3], episodes: [2], quality: "SDTV"))
    }

    func testMultiEpisodes() {
        check("Harbor.Lights.S01E01E02.720p.BluRay.x264-GRAIN", Expect(title: "Harbor Lights", seasons: [1], episodes: [1, 2], quality: "Bluray-720p"))
        check("Harbor.Lights.S01E01-E03.1080p.AMZN.WEB-DL.DDP2.0.H.264-KELP",
              Expect(seasons: [1], episodes: [1, 2, 3], quality: "WEBDL-1080p", channels: "2.0", service: "AMZN"))
        check("Harbor Lights - S04E09-10 - Two Parter [HDTV-720p].mkv", Expect(title: "Harbor Lights", seasons: [4], episodes: [9, 10], quality: "HDTV-720p"))
        check("Harbor.Lights.2x03.2x04.480p.WEB-DL.x264", Expect(seasons: [2], episodes: [3, 4], quality: "WEBDL-480p"))
        check("Harbor Lights S05E01 E02 720p HDTV", Expect(seasons: [5], episodes: [1, 2]))
    }

    func testSeasonPacks() {
        check("Harbor.Lights.S01-S03.COMPLETE.1080p.BluRay.x264-GRAIN",
              Expect(title: "Harbor Lights", seasons: [1, 2, 3], episodes: [], fullSeason: true, quality: "Bluray-1080p"))
        check("Harbor.Lights.S02.1080p.NF.WEB-DL.DDP5.1.x264-KELP",
              Expect(title: "Harbor Lights", seasons: [2], episodes: [], fullSeason: true, group: "KELP", service: "NF"))
        check("Harbor Lights Season 3 Complete 720p WEBRip x264", Expect(title: "Harbor Lights", seasons: [3], fullSeason: true, quality: "WEBRip-720p"))
        check("Harbor Lights Season 1-4 1080p BluRay", Expect(title: "Harbor Lights", seasons: [1, 2, 3, 4], fullSeason: true))
    }

    func testDailyShows() {
        check("Night.Desk.2023.11.02.720p.HDTV.x264-TIDE",
              Expect(title: "Night Desk", seasons: [], episodes: [], airDate: "2023-11-02", quality: "HDTV-720p", group: "TIDE", type: .episode))
        check("Night Desk 2023-11-02 Guest Name 1080p WEB h264-TIDE", Expect(title: "Night Desk", airDate: "2023-11-02"))
        check("Night_Desk_2023_11_02_720p_WEB_x264-TIDE", Expect(title: "Night Desk", airDate: "2023-11-02"))
        // Before regular broadcasting, or in the future: not an air date.
        check("Night Desk 1938 04 11 Radio Hour", Expect(airDate: .some(nil)))
        check("Night Desk 2999 01 01 720p HDTV", Expect(airDate: .some(nil)))
    }

    func testAnimeAbsoluteNumbering() {
        check("[Lanterns] Paper Moon Academy - 014 [1080p][0A1B2C3D].mkv",
              Expect(title: "Paper Moon Academy", seasons: [], episodes: [], absolute: [14], quality: "HDTV-1080p", group: "Lanterns", type: .episode))
        check("[Lanterns] Paper Moon Academy - 012-014 [720p]", Expect(title: "Paper Moon Academy", absolute: [12, 13, 14], group: "Lanterns"))
        check("[Lanterns] Paper Moon Academy - 07v2 [1080p]", Expect(title: "Paper Moon Academy", absolute: [7], group: "Lanterns", version: 2))
        check("[Lanterns]_Paper_Moon_Academy_-_21_[720p]", Expect(title: "Paper Moon Academy", absolute: [21]))
        check("Paper Moon Academy Episode 56 VOSTFR 1080p", Expect(title: "Paper Moon Academy", absolute: [56]))
        check("[Lanterns] Paper Moon Academy S2 - 05 [1080p]", Expect(title: "Paper Moon Academy S2", absolute: [5]))
        check("[Lanterns] Paper Moon Academy - S01E05 - 005 [BD 1080p FLAC]",
              Expect(title: "Paper Moon Academy", seasons: [1], episodes: [5], absolute: [5], quality: "Bluray-1080p"))
        check("[Lanterns] Paper Moon Academy - 12.5 [1080p]", Expect(title: "Paper Moon Academy", absolute: []))
    }

    // MARK: Flags and metadata

    func testProperRepackVersion() {
        check("Harbor.Lights.S03E04.PROPER.720p.HDTV.x264-TIDE", Expect(proper: true, repack: false, version: .some(nil)))
        check("Harbor.Lights.S03E04.REPACK.1080p.WEB.h264-TIDE", Expect(quality: "WEBDL-1080p", group: "TIDE", proper: false, repack: true))
        check("Harbor.Lights.S03E04.REPACK2.1080p.WEB.h264-TIDE", Expect(repack: true, version: 3))
        check("Harbor.Lights.S03E04.720p.HDTV.x264-TIDE", Expect(proper: false, repack: false, version: .some(nil)))
    }

    func testLanguages() {
        check("Harbor.Lights.S02E01.MULTi.1080p.WEB.x264-LUMEN", Expect(title: "Harbor Lights", languages: ["Multi"]))
        check("Harbor.Lights.S02E01.FRENCH.720p.HDTV.x264-LUMEN", Expect(group: "LUMEN", languages: ["French"]))
        check("Harbor.Lights.S02E01.GERMAN.DL.1080p.WEB.h264-LUMEN", Expect(languages: ["German"]))
        check("Harbor.Lights.S02E01.iTA.ENG.1080p.AMZN.WEB-DL.DDP5.1.H.264-LUMEN", Expect(languages: ["Italian", "English"]))
        check("Harbor.Lights.S02E01.VOSTFR.720p.WEB.x264-LUMEN", Expect(title: "Harbor Lights", seasons: [2], episodes: [1], quality: "WEBDL-720p"))
        // A language word inside a title is part of the title.
        check("The.German.Clockmaker.2015.720p.BluRay.x264-ORE", Expect(title: "The German Clockmaker", year: 2015, languages: []))
    }

    // MARK: Movies

    func testMovies() {
        check("The.Copper.Road.2019.1080p.BluRay.x264-ORE",
              Expect(title: "The Copper Road", year: 2019, seasons: [], episodes: [], quality: "Bluray-1080p", source: "Bluray", group: "ORE", type: .movie))
        check("The.Copper.Road.2019.2160p.UHD.BluRay.x265.10bit.HDR.TrueHD.7.1.Atmos-ORE",
              Expect(year: 2019, quality: "Bluray-2160p", group: "ORE", videoCodec: "x265", audioCodec: "TrueHD", channels: "7.1", hdr: "HDR"))
        check("The Copper Road (2019) [1080p] [WEBRip] [5.1]", Expect(title: "The Copper Road", year: 2019, quality: "WEBRip-1080p", channels: "5.1"))
        check("The.Copper.Road.2019.REMUX.1080p.BluRay.AVC.DTS-HD.MA.5.1-ORE",
              Expect(quality: "Remux-1080p", source: "Remux", group: "ORE", audioCodec: "DTS-HD MA", channels: "5.1"))
        check("The.Copper.Road.2019.HDCAM.x264-FAKE", Expect(title: "The Copper Road", quality: "CAM", source: "CAM"))
        check("The.Copper.Road.2019.TELESYNC.x264", Expect(quality: "TELESYNC"))
        check("The.Copper.Road.2019.DVDRip.XviD-ORE", Expect(quality: "DVD", source: "DVD"))
        check("The.Copper.Road.2019.PAL.DVDR-ORE", Expect(quality: "DVD-R"))
        check("The.Copper.Road.2019.720p.HDTV.x264-ORE", Expect(quality: "HDTV-720p", source: "HDTV"))
        check("The Copper Road 2019 1080p HDR10+ WEB-DL", Expect(quality: "WEBDL-1080p", hdr: "HDR10+"))
        check("The.Copper.Road.2019.IMAX.2160p.DSNP.WEB-DL.DDP5.1.Atmos.DV.H.265-ORE",
              Expect(title: "The Copper Road", quality: "WEBDL-2160p", group: "ORE", hdr: "DV", edition: "IMAX", service: "DSNP"))
    }

    func testMovieTitles() {
        check("S.W.O.R.D.Reborn.2021.1080p.WEB.h264-ORE", Expect(title: "S.W.O.R.D. Reborn", year: 2021))
        check("Quiet.Harbor.2.2014.720p.BluRay.x264", Expect(title: "Quiet Harbor 2", year: 2014))
        check("1999.Dawn.2016.1080p.WEBRip.x264", Expect(title: "1999 Dawn", year: 2016))
        check("Lamplighters (1987) [DVD].mp4", Expect(title: "Lamplighters", year: 1987, quality: "DVD"))
        check("Lamplighters.1987.German.DL.1080p.BluRay.x264-ORE", Expect(title: "Lamplighters", year: 1987, languages: ["German"]))
    }

    func testEditions() {
        check("The.Copper.Road.2019.Directors.Cut.1080p.BluRay.x264-ORE", Expect(title: "The Copper Road", year: 2019, edition: "Directors Cut"))
        check("The Copper Road 2019 Extended Edition 720p BRRip x264", Expect(title: "The Copper Road", quality: "Bluray-720p", edition: "Extended Edition"))
        check("The Copper Road (2019) Director's Cut.mkv", Expect(title: "The Copper Road", edition: "Director's Cut"))
        check("The.Copper.Road.1982.Remastered.720p.BluRay.x264", Expect(edition: "Remastered"))
        check("The.Holiday.Special.1978.720p.HDTV.x264", Expect(title: "The Holiday Special", edition: .some(nil)))
    }

    func testReleaseGroups() {
        check("The.Copper.Road.2019.1080p.WEB-DL.AAC2.0.H.264-ORE-Obfuscated", Expect(group: "ORE"))
        check("The.Copper.Road.2019.1080p.WEB-DL.AAC2.0.H.264-ORE-RP", Expect(group: "ORE"))
        check("The.Copper.Road.2019.720p.BluRay.x264-ORE[rarbg]", Expect(group: "ORE"))
        check("The.Copper.Road.2019.720p.BluRay.x264-ORE.English", Expect(group: "ORE"))
        check("The Copper Road (2019) (1080p BluRay x265 HEVC 10bit AAC 5.1 Brine)", Expect(title: "The Copper Road", group: "Brine"))
        check("The.Copper.Road.2019.720p.WEB-DL.H.264.mkv", Expect(group: .some(nil)))
        check("Harbor Lights S02E05 720p HDTV x264 TIDE", Expect(group: .some(nil)))
    }

    // MARK: Music and books

    func testMusic() {
        check("Velvet Orchard - Salt and Ember (2021) [FLAC]",
              Expect(year: 2021, quality: "FLAC", type: .music, artist: "Velvet Orchard", album: "Salt and Ember", format: "FLAC"))
        check("Velvet Orchard - Salt and Ember (2021) [24bit FLAC]", Expect(quality: "FLAC 24bit", artist: "Velvet Orchard", album: "Salt and Ember"))
        check("Velvet Orchard - Salt and Ember (2021) MP3 320kbps", Expect(quality: "MP3-320", type: .music, artist: "Velvet Orchard"))
        check("Velvet_Orchard-Salt_and_Ember-WEB-2021-GRP", Expect(type: .music, artist: "Velvet Orchard", album: "Salt and Ember"), hint: .music)
        check("Velvet Orchard - Discography (2005-2021) [FLAC]", Expect(type: .music, artist: "Velvet Orchard", album: "Discography"))
    }

    func testBooks() {
        check("Marian Holt - The Glass Orchard (2018) [EPUB]",
              Expect(title: "The Glass Orchard", year: 2018, type: .book, author: "Marian Holt", format: "EPUB"))
        check("Marian Holt - The Glass Orchard (Unabridged) [M4B]", Expect(type: .audiobook, author: "Marian Holt", format: "M4B"))
        check("Skyward Patrol 014 (2022) (Digital).cbz", Expect(type: .comic, format: "CBZ"))
    }

    // MARK: Paths

    func testPaths() {
        check("/downloads/tv/Harbor.Lights.S02E05.1080p.WEB-DL-KELP/harbor.lights.s02e05.1080p.mkv",
              Expect(title: "harbor lights", seasons: [2], episodes: [5]))
        check("/downloads/Harbor.Lights.S02E05.720p.HDTV.x264-TIDE/a8f3kd9q2m.mkv",
              Expect(title: "Harbor Lights", seasons: [2], episodes: [5], quality: "HDTV-720p", group: "TIDE"))
        check("/anime/Paper Moon Academy 01-24 [1080p]/07.mkv", Expect(title: "Paper Moon Academy", absolute: [7], type: .episode))
        check("C:\\Media\\Harbor.Lights.S02E06.720p.HDTV.x264-TIDE.mkv", Expect(title: "Harbor Lights", seasons: [2], episodes: [6]))
        // Slashes inside brackets or with spaces are not folders.
        check("Harbor Lights (2021/S01E02/WEB-DL/1080p) GRP", Expect(title: "Harbor Lights", seasons: [1], episodes: [2], quality: "WEBDL-1080p"))
    }

    // MARK: Hostile input

    func testHostileInputNeverCrashes() {
        let names = ["", ".", "....", "-", "[", "]]]]", "((((", "S", "S01E", "E", "1x", "x1", "- - -", "[]", "()", "{}", " ",
                     String(repeating: "a", count: 10_000), String(repeating: "S01E01.", count: 2_000),
                     String(repeating: "1", count: 5_000), String(repeating: "[", count: 3_000) + "x",
                     "\u{1B}[31mRed.Title.S01E01\u{07}", "\u{FFFD}\u{FFFD}.S01E02.\u{FFFD}", "\u{0}\u{1}\u{2}",
                     "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6", "S99999999E99999999", "1x99999999", "Show.2024.99.99",
                     "Show - 99999-1", "Show - 1-99999", "Show.S01-S999999", "Show Season 1-999999", "Show.E1-E999999",
                     "Show.Cap.1-99999", "日本語のタイトル 第1話 [1080p]", "Заголовок / Title (2020) 1080p", "/", "//", "\\", "a/b/c/",
                     "Show.S01E01.mkv.mkv.mkv", ".mkv", "[Group]", "[Group] ", "(2020)", "2020", "www.site.com - ", "–"]
        for name in names {
            let info = ReleaseParser.parse(name)
            XCTAssertLessThanOrEqual(info.episodes.count, 1000, name)
            XCTAssertLessThanOrEqual(info.absoluteEpisodes.count, 2000, name)
            XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(info.jsonBytes)), name)
        }
        XCTAssertEqual(ReleaseParser.parse("").type, .unknown)
        XCTAssertNil(ReleaseParser.parse("....").title)
        XCTAssertEqual(ReleaseParser.parse("\u{1B}[31mRed.Title.S01E01\u{07}").episodes, [1])
        XCTAssertEqual(ReleaseParser.parse("\u{FFFD}\u{FFFD}.S01E02.\u{FFFD}").episodes, [2])
        // Invalid UTF-8 through the byte entry point.
        let bytes: [UInt8] = [0xFF, 0xFE, 0x2E, 0x53, 0x30, 0x31, 0x45, 0x30, 0x33, 0x2E, 0xC3]
        let info = bytes.withUnsafeBufferPointer { ReleaseParser.parse(bytes: $0) }
        XCTAssertEqual(info.episodes, [3])
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(info.jsonBytes)))
    }

    func testGarbageHasNoNumbering() {
        for name in ["7f3a9c2e5b1d4f6a8c0e2b4d6f8a1c3e", "qW3rTy9uIoP1aSdF5gHjK7lZxCvBnM2", "THIS IS NOT A RELEASE"] {
            let info = ReleaseParser.parse(name)
            XCTAssertTrue(info.seasons.isEmpty && info.episodes.isEmpty && info.absoluteEpisodes.isEmpty && info.airDate == nil, name)
            XCTAssertEqual(info.type, .unknown, name)
        }
    }

    // MARK: JSON

    func testJSONShape() throws {
        let info = ReleaseParser.parse("Harbor.Lights.S02E05.1080p.WEB-DL.DDP5.1.H.264-KELP")
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(info.jsonBytes)) as? [String: Any])
        for key in ["title", "year", "seasons", "episodes", "absolute_episodes", "air_date", "full_season", "resolution", "source",
                    "quality", "proper", "repack", "version", "video_codec", "audio_codec", "audio_channels", "hdr", "languages",
                    "edition", "release_group", "streaming_service", "type", "artist", "album", "author", "format"] {
            XCTAssertNotNil(object[key], "missing \(key)")
        }
        XCTAssertTrue(object["air_date"] is NSNull)
        XCTAssertEqual(object["seasons"] as? [Int], [2])
        // The fast writer and JSONEncoder agree.
        let decoded = try JSONDecoder().decode(ReleaseInfo.self, from: Data(info.jsonBytes))
        XCTAssertEqual(decoded, info)
        let encoded = try JSONEncoder().encode(info)
        XCTAssertEqual(try JSONDecoder().decode(ReleaseInfo.self, from: encoded), info)
        // Quotes, backslashes and control characters are escaped.
        let odd = ReleaseParser.parse("Say \"Hi\" \\ There.S01E01")
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(odd.jsonBytes)))
    }

    func testRepostTagsAfterTheGroupAreDropped() {
        XCTAssertEqual(ReleaseParser.parse("Harbor.Lights.S03E04.1080p.WEB-DL.DDP5.1.H.264-KELP-Rakuv07").releaseGroup, "KELP")
        XCTAssertEqual(ReleaseParser.parse("Harbor.Lights.S03E04.720p.HDTV.x264-KELP-RakuvFR-Obfuscated").releaseGroup, "KELP")
        XCTAssertEqual(ReleaseParser.parse("Harbor.Lights.S03E04.720p.BluRay.x264-ORE-4Planet").releaseGroup, "ORE")
        XCTAssertEqual(ReleaseParser.parse("Harbor.Lights.S03E04.720p.BluRay.x264-ORE-AsRequested").releaseGroup, "ORE")
        XCTAssertEqual(ReleaseParser.parse("Harbor.Lights.S03E04.720p.BluRay.x264-Erai-raws").releaseGroup, "Erai-raws", "a dashed group name stays whole")
    }

    func testAirDateBeforeOtherWordsMakesADailyRelease() {
        let daily = ReleaseParser.parse("Night Desk 2019 03 14 HDTV s04e61")
        XCTAssertEqual(daily.airDate, "2019-03-14")
        XCTAssertEqual(daily.episodes, [])
        let numbered = ReleaseParser.parse("Night Desk 2019 03 14 S04E61")
        XCTAssertEqual(numbered.seasons, [4])
        XCTAssertEqual(numbered.episodes, [61])
    }

    /// Past the 64th token the passes find the tokens they look at by a plain scan instead of the
    /// tokenizer's bit masks: a title of 70 words must change nothing but the title.
    func testNamesOfMoreThanSixtyFourTokensParseAsShortOnesDo() {
        let dotted = Array(repeating: "Harbor", count: 70).joined(separator: ".")
        let spaced = Array(repeating: "Harbor", count: 70).joined(separator: " ")
        let cases: [(short: String, long: String, check: (ReleaseInfo) -> Bool)] = [
            ("Harbor.S02E05.1080p.WEB-DL.DDP5.1.H.264-KELP", "\(dotted).S02E05.1080p.WEB-DL.DDP5.1.H.264-KELP",
             { $0.episodes == [5] && $0.resolution == "1080p" }),
            ("Harbor.2019.03.14.720p.HDTV.x264-TIDE", "\(dotted).2019.03.14.720p.HDTV.x264-TIDE", { $0.airDate == "2019-03-14" }),
            ("Harbor.2019.1080p.BluRay.x264-ORE", "\(dotted).2019.1080p.BluRay.x264-ORE", { $0.year == 2019 }),
            ("Harbor.103.720p.HDTV.x264-TIDE", "\(dotted).103.720p.HDTV.x264-TIDE", { $0.seasons == [1] && $0.episodes == [3] }),
            ("[Lanterns] Harbor - 014 [1080p]", "[Lanterns] \(spaced) - 014 [1080p]", { $0.absoluteEpisodes == [14] }),
            ("[Lanterns] Harbor - 12.5 [1080p]", "[Lanterns] \(spaced) - 12.5 [1080p]", { $0.absoluteEpisodes.isEmpty && $0.title == "Harbor" }),
            ("Harbor Part 2 1080p BluRay x264-ORE", "\(spaced) Part 2 1080p BluRay x264-ORE", { $0.episodes == [2] }),
            ("Harbor Season 2 Episode 5 720p HDTV x264-TIDE", "\(spaced) Season 2 Episode 5 720p HDTV x264-TIDE",
             { $0.seasons == [2] && $0.episodes == [5] }),
        ]
        for (short, long, check) in cases {
            var a = ReleaseParser.parse(short), b = ReleaseParser.parse(long)
            XCTAssertTrue(check(a), "\(short): \(a)")
            XCTAssertEqual(b.title?.split(separator: " ").count, 70, long)
            a.title = nil
            b.title = nil
            XCTAssertEqual(a, b, long)
        }
    }
}
