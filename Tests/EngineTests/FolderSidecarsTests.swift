@testable import Engine
import Foundation
import XCTest

/// Each media file takes the sidecars named after it and the folder's art, found through the
/// folder's sorted index rather than by comparing every pair of files.
final class FolderSidecarsTests: XCTestCase {
    func testAFileTakesItsOwnSidecarsAndTheFolderArtOnly() throws {
        let dir = NSTemporaryDirectory() + "sidecars-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let names = ["Show.S01E01.mkv", "Show.S01E01.en.srt", "Show.S01E01.eng.forced.ass", "Show.S01E01-poster.jpg", "Show.S01E01.nfo",
                     "Show.S01E010.mkv", "Show.S01E010.fr.srt", "Show.S01E01x.txt", "poster.jpg", "notes.txt", "Show.S01E01.mkv.part"]
        for n in names { try Data("x".utf8).write(to: URL(fileURLWithPath: dir + "/" + n)) }
        let sidecars = FolderSidecars(names: names)
        XCTAssertEqual(Array(sidecars.named(startingWith: "Show.S01E01")),
                       ["Show.S01E01-poster.jpg", "Show.S01E01.en.srt", "Show.S01E01.eng.forced.ass", "Show.S01E01.nfo",
                        "Show.S01E010.fr.srt", "Show.S01E01x.txt"])
        XCTAssertEqual(sidecars.folderArt, ["poster.jpg"])

        let builder = ItemBuilder(rootPath: dir, type: .tv, limits: ProbeLimits(deadline: 2))
        func item(_ name: String) -> LibraryItem {
            builder.build(WalkedFile(path: dir + "/" + name, name: name, dev: 0, ino: 0, size: 1, mtimeNs: 0), sidecars: sidecars).item
        }
        let first = item("Show.S01E01.mkv")
        XCTAssertEqual(first.sidecars, ["Show.S01E01-poster.jpg", "Show.S01E01.en.srt", "Show.S01E01.eng.forced.ass", "Show.S01E01.nfo", "poster.jpg"],
                       "not the sidecars of S01E010, nor a file that only starts with the same letters")
        XCTAssertEqual(first.subtitleLanguages, ["en", "eng"])
        XCTAssertTrue(first.hasCover)
        let tenth = item("Show.S01E010.mkv")
        XCTAssertEqual(tenth.sidecars, ["Show.S01E010.fr.srt", "poster.jpg"])
        XCTAssertEqual(tenth.subtitleLanguages, ["fr"])
        XCTAssertEqual(FolderSidecars(names: ["a.mkv", "b.mkv"]).named(startingWith: "a").count, 0, "media files are no sidecars")
    }
}
