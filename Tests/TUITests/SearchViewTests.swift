@testable import Engine
@testable import seedtui
import XCTest

/// The Search tab on an in-memory grid: the prompt, type prefixes, verdict rows with reasons,
/// stale answers dropped, and Enter grabbing through the command grammar.
final class SearchViewTests: XCTestCase {
    func decision(_ title: String, rank: Int, quality: String, size: Int64, seeders: Int?, indexer: String = "local",
                  rejections: [Decision.Rejection] = [], usenet: Bool = false) -> Decision {
        var r = IndexerRelease(indexer: indexer, releaseProtocol: usenet ? .usenet : .torrent, title: title)
        r.size = size
        r.seeders = seeders
        r.downloadURL = "https://indexer.example/dl/\(rank)"
        return Decision(release: r, parsed: ReleaseParser.parse(title), quality: quality, rejections: rejections, score: 0, rank: rank)
    }

    func result(_ releases: [Decision]) -> Methods.Search.Result {
        Methods.Search.Result(profile: "default",
                              outcomes: [.init(indexer: "local", status: "ok", releases: releases.count, message: nil, dropped: [], function: "tvsearch", elapsedMs: 12)],
                              releases: releases)
    }

    func testSlashPromptsAndTypePrefixPicksTheKind() {
        var state = makeState([], rows: 16, columns: 140)
        state.press("6")
        XCTAssertEqual(state.tab, .search)
        XCTAssertTrue(render(state).text(row: 0).contains("6 Search"))
        XCTAssertTrue(render(state).text(row: 1).contains("press /"))
        state.press("/")
        XCTAssertEqual(state.prompt?.kind, .indexerSearch)
        state.type("tv: The Wire s01e02")
        XCTAssertTrue(render(state).text(row: 15).contains("search indexers"))
        _ = state.reduce(.enter)
        XCTAssertNil(state.prompt)
        XCTAssertEqual(state.search.request, .init(serial: 1, text: "The Wire s01e02", type: .tv))
        XCTAssertTrue(state.search.loading)
        XCTAssertTrue(render(state).text(row: 1).contains("searching…"))
        // A colon that names no type is part of the query.
        XCTAssertEqual(SearchState.parse("Mission: Impossible").text, "Mission: Impossible")
        XCTAssertNil(SearchState.parse("Mission: Impossible").type)
        XCTAssertEqual(SearchState.parse("movie: Heat").type, .movie)
        // F opens the same prompt from any tab, with the last query.
        state.press("1")
        state.press("F")
        XCTAssertEqual(state.tab, .search)
        XCTAssertEqual(state.prompt?.text, "tv: The Wire s01e02")
    }

    func testRowsShowVerdictQualityAndReasonsAndEnterGrabs() {
        var state = makeState([], rows: 14, columns: 150)
        state.press("6")
        XCTAssertTrue(state.search.start("tv: the wire"))
        let serial = state.search.request!.serial
        state.apply(.searchResult(serial: serial, result([
            decision("The.Wire.S01E02.1080p.BluRay.x264-GRP", rank: 1, quality: "Bluray-1080p", size: 2_000_000_000, seeders: 42),
            decision("The.Wire.S01E02.CAM\u{1B}[31m-BAD", rank: 2, quality: "CAM", size: 700_000_000, seeders: 3,
                     rejections: [.init(spec: "quality", reason: "CAM is not wanted by profile default"), .init(spec: "seeders", reason: "3 seeders, fewer than 5")]),
            decision("The.Wire.S01E02.720p.nzb", rank: 3, quality: "HDTV-720p", size: 900_000_000, seeders: nil, usenet: true),
        ])))
        var grid = render(state)
        XCTAssertTrue(grid.text(row: 1).contains("3 releases, 2 accepted"), grid.text(row: 1))
        let first = grid.text(row: 3)
        XCTAssertTrue(first.contains("accepted"), first)
        XCTAssertTrue(first.contains("Bluray-1080p"), first)
        XCTAssertTrue(first.contains("42"), first)
        XCTAssertTrue(first.contains("The.Wire.S01E02.1080p.BluRay.x264-GRP"), first)
        XCTAssertEqual(grid.role(atRow: 3, column: 8), .selected)
        let second = grid.text(row: 4)
        XCTAssertTrue(second.contains("rejected"), second)
        XCTAssertTrue(second.contains("CAM is not wanted"), second)
        XCTAssertFalse(second.contains("\u{1B}"), "titles are inert")
        XCTAssertEqual(state.reduce(action: .open), [.run(["grab", "1", "--title=The.Wire.S01E02.1080p.BluRay.x264-GRP"])])

        state.press("j")
        grid = render(state)
        XCTAssertEqual(grid.role(atRow: 4, column: 8), .selected)
        XCTAssertTrue((0..<14).contains { grid.text(row: $0).contains("#2 rejected: CAM is not wanted by profile default; 3 seeders, fewer than 5") })
        XCTAssertEqual(state.reduce(action: .open), [.run(["grab", "2", "--title=The.Wire.S01E02.CAM\u{1B}[31m-BAD"])])

        state.press("j")
        XCTAssertEqual(state.reduce(action: .open), [])
        XCTAssertTrue(state.message?.text.contains("cannot grab") == true)
    }

    func testVerdictColors() {
        var state = makeState([], rows: 12, columns: 120)
        state.press("6")
        _ = state.search.start("heat")
        state.apply(.searchResult(serial: 1, result([
            decision("Heat.1995.1080p", rank: 1, quality: "Bluray-1080p", size: 1, seeders: 9),
            decision("Heat.1995.TS", rank: 2, quality: "TELESYNC", size: 1, seeders: 9, rejections: [.init(spec: "quality", reason: "no")]),
        ])))
        state.press("G")
        let grid = render(state)
        let accepted = grid.text(row: 3).range(of: "accepted").map { grid.text(row: 3).distance(from: grid.text(row: 3).startIndex, to: $0.lowerBound) }
        XCTAssertNotNil(accepted)
        XCTAssertEqual(grid.role(atRow: 3, column: accepted!), .seeding)
    }

    func testStaleAnswersAndFailuresAndNarrowScreens() {
        var state = makeState([], rows: 12, columns: 60)
        state.press("6")
        _ = state.search.start("first")
        _ = state.search.start("second")
        state.apply(.searchResult(serial: 1, result([decision("Old.Answer", rank: 1, quality: "SDTV", size: 1, seeders: 1)])))
        XCTAssertTrue(state.search.releases.isEmpty, "the answer to a replaced search is dropped")
        state.apply(.searchFailed(serial: 2, "no enabled indexer to search; add one with `indexer add NAME URL --apikey KEY`"))
        let grid = render(state)
        XCTAssertTrue((0..<12).contains { grid.text(row: $0).contains("no enabled indexer") })
        XCTAssertEqual(state.reduce(action: .open), [])
        XCTAssertTrue(state.message?.isError == true)
        for row in 0..<12 { XCTAssertLessThanOrEqual(grid.text(row: row).count, 60) }
    }

    func testTabCycleIncludesSearchAndWanted() {
        var state = makeState([], rows: 12, columns: 100)
        state.press("5")
        state.press("tab")
        XCTAssertEqual(state.tab, .search)
        state.press("tab")
        XCTAssertEqual(state.tab, .wanted)
        state.press("tab")
        XCTAssertEqual(state.tab, .torrents)
        state.press("btab")
        XCTAssertEqual(state.tab, .wanted)
        state.press("btab")
        XCTAssertEqual(state.tab, .search)
    }
}
