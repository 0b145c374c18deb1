@testable import Engine
import Foundation
import XCTest

/// Which files of a download each type imports and where the naming puts them: albums by
/// their tags, books one per format, audiobooks in one book folder, comics by issue.
final class ImportPlannerTests: XCTestCase {
    var dir = ""

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "import-planner-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: dir) }

    func file(_ relative: String, size: Int = 1000) throws {
        let path = dir + "/" + relative
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(repeating: 7, count: size).write(to: URL(fileURLWithPath: path))
    }

    func wanted(_ type: WantedType, _ title: String, year: Int? = nil) -> WantedItem {
        var w = WantedItem(type: type, title: title, year: year, addedAt: 0)
        w.id = 1
        return w
    }

    /// Relative library paths, sorted, for a plan under the default naming.
    func paths(_ content: String, _ type: WantedType, wanted: WantedItem?, release: String?,
               tags: [String: [String: String]] = [:]) throws -> [String] {
        let plan = try ImportPlanner.plan(content: content, type: type, wanted: wanted, release: release, quality: nil) { path in
            tags[(path as NSString).lastPathComponent] ?? [:]
        }
        let naming = LibraryNaming()
        return plan.map { naming.importPath(for: $0.facts, type: ImportPlanner.libraryType(for: type), ext: $0.ext) ?? "nil: \($0.source)" }.sorted()
    }

    func testAnAlbumImportsEveryTrackByItsTagsOrItsName() throws {
        let release = "Lantern Choir - Tidal Hours (2019) [MP3-320]"
        try file("\(release)/01 - First Light.mp3", size: 5_000_000)
        try file("\(release)/02 interlude.mp3", size: 40_000)   // short: still a track
        try file("\(release)/track03.mp3", size: 4_000_000)
        try file("\(release)/cover.jpg")
        try file("\(release)/tidal.nfo")
        try file("\(release)/Sample/01-sample.mp3")
        let tags = ["track03.mp3": ["track": "3/3", "title": "Low Water", "artist": "Someone Else"]]
        let got = try paths(dir + "/" + release, .music, wanted: wanted(.music, "Lantern Choir - Tidal Hours", year: 2019),
                            release: release, tags: tags)
        XCTAssertEqual(got, ["Lantern Choir/Tidal Hours (2019)/01 - First Light.mp3",
                             "Lantern Choir/Tidal Hours (2019)/02 - interlude.mp3",
                             "Lantern Choir/Tidal Hours (2019)/03 - Low Water.mp3"])
        // Without a wanted item the release name says artist, album and year.
        XCTAssertEqual(try paths(dir + "/" + release, .music, wanted: nil, release: release, tags: tags).first,
                       "Lantern Choir/Tidal Hours (2019)/01 - First Light.mp3")
        // A disc tag of a multi-disc album adds the disc level; hostile tags stay one path component.
        let disc = ["track03.mp3": ["track": "3", "disc": "2/2", "title": "Low/Water\u{1b}[2J"]]
        XCTAssertTrue(try paths(dir + "/" + release, .music, wanted: nil, release: release, tags: disc)
            .contains { $0.hasPrefix("Lantern Choir/Tidal Hours (2019)/Disc 2/03 - Low") && !$0.contains("\u{1b}") })
    }

    func testABookImportsOneFilePerFormatAndNothingElse() throws {
        let release = "Ada Palmer - Too Like the Lightning (2016) EPUB"
        try file("\(release)/Too Like the Lightning.epub", size: 900_000)
        try file("\(release)/too_like_the_lightning.mobi", size: 1_200_000)
        try file("\(release)/extra/duplicate.epub", size: 100)
        try file("\(release)/cover.jpg", size: 2_000_000)
        try file("\(release)/info.nfo")
        let got = try paths(dir + "/" + release, .book, wanted: wanted(.book, "Ada Palmer - Too Like the Lightning"), release: release)
        XCTAssertEqual(got, ["Ada Palmer/Too Like the Lightning.epub", "Ada Palmer/Too Like the Lightning.mobi"])
        XCTAssertThrowsError(try paths(dir + "/" + release, .book, wanted: wanted(.book, "Too Like the Lightning"), release: "x")) {
            XCTAssertTrue(($0 as? EngineError)?.message.contains("no author") == true, "\($0)")
        }
    }

    func testAnAudiobookOfManyFilesKeepsThemInOneBookFolder() throws {
        let release = "Ada Palmer - Too Like the Lightning [Audiobook] MP3"
        try file("\(release)/01 - Opening.mp3", size: 3_000_000)
        try file("\(release)/02 - The Hive.mp3", size: 3_100_000)
        try file("\(release)/cover.jpg")
        let got = try paths(dir + "/" + release, .audiobook, wanted: wanted(.audiobook, "Ada Palmer - Too Like the Lightning"), release: release)
        XCTAssertEqual(got, ["Ada Palmer/Too Like the Lightning/01 - Opening.mp3", "Ada Palmer/Too Like the Lightning/02 - The Hive.mp3"])
        try file("single/Too Like the Lightning.m4b", size: 9_000_000)
        XCTAssertEqual(try paths(dir + "/single/Too Like the Lightning.m4b", .audiobook,
                                 wanted: wanted(.audiobook, "Ada Palmer - Too Like the Lightning"), release: nil),
                       ["Ada Palmer/Too Like the Lightning/Too Like the Lightning.m4b"])
    }

    func testComicArchivesAreNamedBySeriesAndIssue() throws {
        let release = "Saga 054-055 (2018) (Digital)"
        try file("\(release)/Saga 054 (2018) (Digital).cbz", size: 30_000_000)
        try file("\(release)/Saga 055 (2018) (Digital).cbr", size: 1_000_000)
        try file("\(release)/cover.jpg")
        try file("\(release)/scans.zip")
        let got = try paths(dir + "/" + release, .comic, wanted: wanted(.comic, "Saga"), release: release)
        XCTAssertEqual(got, ["Saga/Saga #054.cbz", "Saga/Saga #055.cbr"])
    }

    func testNothingOfTheTypeSaysSo() throws {
        try file("x/readme.txt")
        XCTAssertThrowsError(try paths(dir + "/x", .music, wanted: nil, release: "x")) {
            XCTAssertTrue(($0 as? EngineError)?.message.contains("no music media file") == true, "\($0)")
        }
    }
}
