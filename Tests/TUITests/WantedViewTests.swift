@testable import Engine
@testable import seedtui
import XCTest

/// The Wanted tab on an in-memory grid: rows with status and the latest grab or import, the
/// history of the item under the cursor, and the keys that search for or remove an item.
final class WantedViewTests: XCTestCase {
    func item(_ id: Int64, _ type: WantedType, _ title: String, season: Int? = nil, episode: Int? = nil, year: Int? = nil,
              status: WantedItem.Status = .wanted, quality: String? = nil) -> WantedItem {
        var w = WantedItem(type: type, title: title, year: year, season: season, episode: episode, addedAt: 0)
        w.id = id
        w.status = status
        w.currentQuality = quality
        return w
    }

    func entry(_ kind: String, wanted: Int64, state: String, at: Int64, title: String, quality: String? = nil, message: String? = nil) -> AcquisitionHistoryEntry {
        AcquisitionHistoryEntry(kind: kind, id: at, at: at, wantedId: wanted, torrentId: nil, title: title, indexer: "kelp", quality: quality,
                                state: state, message: message, target: nil, mode: nil, infoHash: nil, guid: nil)
    }

    func testRowsShowStatusAndLatestAndKeysSearchOrRemove() {
        var state = makeState([], rows: 18, columns: 130)
        state.press("7")
        XCTAssertEqual(state.tab, .wanted)
        XCTAssertTrue(render(state).text(row: 3).contains("Loading"))
        state.apply(.wanted([
            item(1, .tv, "Harbor Lights", season: 1, episode: 5, status: .imported, quality: "WEBDL-1080p"),
            item(2, .movie, "The Copper\u{1B}[31m Road", year: 2019, status: .wanted),
        ], [
            entry("import", wanted: 1, state: "imported", at: 300, title: "harbor.lights.s01e05.mkv", quality: "WEBDL-1080p"),
            entry("grab", wanted: 1, state: "grabbed", at: 200, title: "Harbor.Lights.S01E05.1080p.WEB-DL-KELP", quality: "WEBDL-1080p"),
            entry("grab", wanted: 2, state: "failed", at: 100, title: "The.Copper.Road.2019.CAM-BAD", message: "import failed: no video file"),
        ]))
        var grid = render(state)
        XCTAssertTrue(grid.text(row: 0).contains("7 Wanted"))
        XCTAssertTrue(grid.text(row: 1).contains("1 wanted, 0 grabbed, 1 imported"), grid.text(row: 1))
        let first = grid.text(row: 3)
        XCTAssertTrue(first.contains("Harbor Lights S01E05"), first)
        XCTAssertTrue(first.contains("imported"), first)
        XCTAssertTrue(first.contains("WEBDL-1080p"), first)
        XCTAssertEqual(grid.role(atRow: 3, column: 2), .selected)
        let second = grid.text(row: 4)
        XCTAssertTrue(second.contains("grab failed: import failed: no video file"), second)
        XCTAssertFalse(second.contains("\u{1B}"), "titles are inert")
        // The history of the item under the cursor, newest first, at the bottom.
        let bottom = (14..<17).map { grid.text(row: $0) }
        XCTAssertTrue(bottom[0].contains("import") && bottom[0].contains("harbor.lights.s01e05.mkv"), "\(bottom)")
        XCTAssertTrue(bottom[1].contains("grabbed WEBDL-1080p from kelp"), "\(bottom)")

        XCTAssertEqual(state.reduce(action: .open), [.searchWanted(id: 1, label: "Harbor Lights S01E05")])
        state.press("j")
        grid = render(state)
        XCTAssertEqual(grid.role(atRow: 4, column: 2), .selected)
        XCTAssertEqual(state.reduce(action: .remove), [])
        XCTAssertTrue(render(state).text(row: 8).contains("Stop wanting #2"), "asks first")
        state.press("y")
        XCTAssertEqual(state.wanted.current?.id, 2)
        XCTAssertEqual(state.reduce(action: .remove), [])
        XCTAssertEqual(state.reduce(.char("y")), [.run(["wanted", "remove", "2"])])

        // A new list keeps the cursor on the same item.
        state.apply(.wanted([item(3, .music, "Lantern Choir - Tidal Hours"), item(2, .movie, "The Copper Road", year: 2019)], []))
        XCTAssertEqual(state.wanted.current?.id, 2)
        grid = render(state)
        XCTAssertTrue((0..<18).contains { grid.text(row: $0).contains("no grabs or imports yet") })
    }

    func testAnEmptyListSaysHowToAdd() {
        var state = makeState([], rows: 14, columns: 120)
        state.press("7")
        state.apply(.wanted([], []))
        XCTAssertTrue(render(state).text(row: 3).contains("Nothing wanted yet"))
        XCTAssertEqual(state.reduce(action: .open), [])
        XCTAssertTrue(state.message?.text.contains("wanted add") == true)
        // `a` opens the command line ready for a wanted item.
        state.press("a")
        XCTAssertEqual(state.prompt?.kind, .command)
        state.type("movie \"The Copper Road\" --year 2019")
        XCTAssertEqual(state.reduce(.enter), [.command(["wanted", "add", "movie", "The Copper Road", "--year", "2019"])])
    }
}
