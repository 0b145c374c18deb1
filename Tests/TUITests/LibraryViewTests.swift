@testable import Engine
@testable import seedtui
import XCTest

/// The Library tab on an in-memory grid: tree, grouping, search results, item detail, keys.
final class LibraryViewTests: XCTestCase {
    func episode(_ id: Int64, _ series: String, _ season: Int, _ episode: Int, title: String? = nil) -> LibraryItem {
        var i = LibraryItem(path: "/tv/\(series)/Season \(season)/\(series) - S0\(season)E0\(episode).mkv", root: "/tv", library: .tv, type: .episode, size: 1_000_000)
        i.id = id
        i.series = series
        i.season = season
        i.episodes = [episode]
        i.episodeTitle = title
        i.videoCodec = "hevc"
        i.height = 1080
        i.duration = 2700
        return i
    }

    func track(_ id: Int64, _ artist: String, _ album: String, _ number: Int, _ title: String) -> LibraryItem {
        var i = LibraryItem(path: "/music/\(artist)/\(album)/\(number) - \(title).flac", root: "/music", library: .music, type: .track, size: 30_000_000)
        i.id = id
        i.artist = artist
        i.album = album
        i.track = number
        i.title = title
        i.audioCodecs = ["flac"]
        return i
    }

    func libraryState() -> AppState {
        var state = makeState([], rows: 20, columns: 100)
        state.press("4")
        state.apply(.libraryRoots([
            .init(id: 1, path: "/tv", type: .tv, isPrivate: false, items: 3, bytes: 3_000_000, errors: 0, scannedAt: 1),
            .init(id: 2, path: "/music", type: .music, isPrivate: false, items: 2, bytes: 60_000_000, errors: 0, scannedAt: 1),
        ]))
        return state
    }

    func testTreeOpensTypesThenGroupsThenItems() {
        var state = libraryState()
        var grid = render(state)
        XCTAssertTrue(grid.text(row: 0).contains("4 Library"))
        XCTAssertTrue(grid.text(row: 2).contains("▸ TV"), grid.text(row: 2))
        XCTAssertTrue(grid.text(row: 3).contains("▸ Music"))
        XCTAssertEqual(state.library.wantedTypes, [])

        state.press("enter")
        XCTAssertEqual(state.library.wantedTypes, [.tv], "opening a type asks the engine for its items")
        XCTAssertTrue(render(state).text(row: 3).contains("loading"))
        state.apply(.libraryItems(.tv, [episode(12, "Harbor Lights", 1, 2, title: "Second"), episode(11, "Harbor Lights", 1, 1, title: "Pilot"),
                                        episode(13, "Borderlands", 2, 1)]))
        grid = render(state)
        XCTAssertTrue(grid.text(row: 3).contains("▸ Borderlands"), grid.text(row: 3))
        XCTAssertTrue(grid.text(row: 4).contains("▸ Harbor Lights"))
        XCTAssertTrue(grid.text(row: 4).contains("2"), "a group shows its item count")

        state.press("j j enter j enter")
        grid = render(state)
        XCTAssertTrue(grid.text(row: 5).contains("▾ Season 1"), grid.text(row: 5))
        XCTAssertTrue(grid.text(row: 6).contains("S01E01 Pilot"), "episodes in episode order")
        XCTAssertTrue(grid.text(row: 7).contains("S01E02 Second"))
        XCTAssertTrue(grid.text(row: 6).contains("1080p hevc"))

        state.press("j enter")
        XCTAssertEqual(state.library.showing, 11)
        XCTAssertEqual(state.reduce(action: .recheck), [.run(["library", "reprobe", "11"])])
        state.apply(.libraryShow(.init(item: episode(11, "Harbor Lights", 1, 1, title: "Pilot"), detail: nil)))
        grid = render(state)
        XCTAssertTrue(grid.text(row: 1).contains("Harbor Lights S01E01 Pilot"), grid.text(row: 1))
        XCTAssertTrue((0..<20).contains { grid.text(row: $0).contains("episode title   Pilot") })
        state.press("esc")
        XCTAssertNil(state.library.showing)
        state.press("esc")
        XCTAssertTrue(render(state).text(row: 5).contains("▸ Season 1"), "Esc folds the group the cursor is in")

        // Tab goes on to the next tab from the item's detail as from the list.
        state.press("enter j enter")
        XCTAssertEqual(state.library.showing, 11)
        _ = state.reduce(action: .nextTab)
        XCTAssertEqual(state.tab, .jobs)
        _ = state.reduce(action: .previousTab)
        XCTAssertEqual(state.tab, .library)
    }

    func testSearchListsResultsAndEscClears() {
        var state = libraryState()
        state.press("/")
        state.type("mambo")
        state.press("enter")
        XCTAssertEqual(state.library.search, "mambo")
        state.apply(.librarySearch("mambo", [track(5, "Glass Animals", "Zaba", 1, "Black Mambo")]))
        let grid = render(state)
        XCTAssertTrue(grid.text(row: 1).contains("SEARCH \"mambo\" — 1 found"), grid.text(row: 1))
        XCTAssertTrue(grid.text(row: 2).contains("Glass Animals – Zaba – 01 Black Mambo"), grid.text(row: 2))
        state.press("esc")
        XCTAssertEqual(state.library.search, "")
        XCTAssertTrue(render(state).text(row: 2).contains("TV"))
    }

    func testHostileNamesStayInert() {
        var state = libraryState()
        state.press("enter")
        state.apply(.libraryItems(.tv, [episode(1, "Evil\u{1B}]0;pwned\u{07}Show", 1, 1)]))
        let grid = render(state)
        for row in 0..<20 { XCTAssertFalse(grid.text(row: row).contains("\u{1B}")) }
        XCTAssertTrue(grid.text(row: 3).contains("Evil"))
    }

    func testEmptyLibrarySaysHowToStart() {
        var state = makeState([], rows: 20, columns: 100)
        state.press("4")
        XCTAssertTrue(render(state).text(row: 2).contains(":library add PATH --type"))
        XCTAssertEqual(state.reduce(action: .scanLibrary), [.run(["scan"])])
    }
}
