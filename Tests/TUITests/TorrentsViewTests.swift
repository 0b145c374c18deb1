@testable import Engine
@testable import seedtui
import XCTest

final class TorrentsViewTests: XCTestCase {
    let sample = [
        snapshot(id: 1, name: "ubuntu-24.04-desktop-amd64.iso", state: .downloading, progress: 0.42, down: 2_000_000, queue: 0),
        snapshot(id: 2, name: "debian-12.iso", state: .seeding, progress: 1, queue: -1, category: "linux"),
        snapshot(id: 3, name: "日本語のファイル名.mkv", state: .paused, progress: 0.1, queue: 1),
    ]

    func testRowsHeaderAndStatusBar() {
        var state = makeState(sample, columns: 140)
        state.apply(.session(.init(downRate: 2_000_000, upRate: 1024, downloadLimit: 0, uploadLimit: 0, altSpeedActive: false,
                                   torrents: 3, states: [:], freeSpace: 10 * 1024 * 1024 * 1024, savePath: "/srv", listenPort: 6881,
                                   interface: nil, interfaceUp: true)))
        let grid = render(state)
        XCTAssertTrue(grid.text(row: 0).contains("1 Torrents"))
        XCTAssertTrue(grid.text(row: 0).hasSuffix("3 torrents "))
        XCTAssertTrue(grid.text(row: 1).contains("NAME"))
        XCTAssertTrue(grid.text(row: 2).contains("ubuntu-24.04-desktop-amd64.iso"))
        XCTAssertTrue(grid.text(row: 2).contains("42.0%"))
        XCTAssertTrue(grid.text(row: 3).contains("paused"))
        XCTAssertTrue(grid.text(row: 4).contains("seeding"))
        XCTAssertTrue(grid.text(row: 23).contains("free 10.0 GiB"))
        XCTAssertEqual(grid.role(atRow: 2, column: 5), .selected, "the cursor starts on the first row")
        XCTAssertEqual(grid.role(atRow: 3, column: 5), .normal)
    }

    func testWideCharactersKeepColumnsAligned() {
        let grid = render(makeState(sample, columns: 140))
        let header = grid.text(row: 1)
        let ascii = grid.text(row: 2), wide = grid.text(row: 3)
        let headerSize = header.range(of: "SIZE")!.upperBound
        // Cells are columns: the SIZE column ends at the same cell on every row.
        let column = header.distance(from: header.startIndex, to: headerSize)
        XCTAssertEqual(grid.cells[2].count, grid.cells[3].count)
        XCTAssertNotEqual(ascii, wide)
        XCTAssertEqual(grid.cells[3][column - 1].character, "B")
        XCTAssertEqual(grid.cells[2][column - 1].character, "B")
        for row in [2, 3, 4] {
            let text = grid.text(row: row)
            XCTAssertTrue(text.contains("B "), "size column misaligned on row \(row): \(text)")
        }
        XCTAssertEqual(grid.cells[3].filter { $0.character.isEmpty }.count, 9, "each of the nine wide characters covers two cells")
    }

    func testHostileNamesAreInertOnScreen() {
        let grid = render(makeState([snapshot(id: 1, name: "evil\u{1B}[2J\u{1B}]0;pwned\u{07}")], columns: 140))
        let row = grid.text(row: 2)
        XCTAssertTrue(row.contains("evil\\e[2J\\e]0;pwned\\x07"), row)
        XCTAssertFalse(grid.text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }

    func testSortFilterAndMarks() {
        var state = makeState(sample)
        XCTAssertEqual(state.torrents.order, [1, 3, 2], "queue order, finished torrents last")
        state.press("s")
        XCTAssertEqual(state.torrents.sort, .name)
        XCTAssertEqual(state.torrents.order, [2, 1, 3])
        state.press("S")
        XCTAssertEqual(state.torrents.order, [3, 1, 2])
        state.press("/")
        state.type("iso")
        XCTAssertEqual(Set(state.torrents.order), [1, 2])
        state.press("enter")
        XCTAssertNil(state.prompt)
        XCTAssertTrue(render(state).text(row: 0).contains("2 of 3 torrents"))
        state.press("esc")
        XCTAssertEqual(state.torrents.order.count, 3, "esc clears the filter")

        state.press("g space space")
        XCTAssertEqual(state.torrents.marked.count, 2)
        let effects = state.reduce(Key(name: "p")!)
        XCTAssertEqual(effects, [.run(["pause", "3", "1"])])
        state.press("esc")
        XCTAssertTrue(state.torrents.marked.isEmpty)
        state.press("g v j j")
        XCTAssertEqual(state.torrents.marked, [1, 2, 3])
    }

    func testRemoveAsksFirst() {
        var state = makeState(sample)
        XCTAssertEqual(state.reduce(Key(name: "d")!), [])
        XCTAssertTrue(render(state).text.contains("Remove 1 torrent?"))
        XCTAssertEqual(state.reduce(.char("D")), [.run(["remove", "1", "--delete-data"])])
        _ = state.reduce(Key(name: "d")!)
        XCTAssertEqual(state.reduce(.char("n")), [])
        XCTAssertEqual(state.message?.text, "cancelled")
    }

    func testCommandPromptUsesTheHeadlessGrammar() {
        var state = makeState(sample)
        state.press(":")
        state.type("limit all --down 16M")
        XCTAssertTrue(render(state).text(row: 23).hasPrefix(":limit all --down 16M"))
        XCTAssertEqual(state.reduce(.enter), [.command(["limit", "all", "--down", "16M"])])
        state.press("m")
        XCTAssertEqual(state.prompt?.text, "move 1 --to ")
    }

    func testAPromptCommandsLongAnswerIsShownWholeAndScrolls() {
        var state = makeState(sample, rows: 10, columns: 80)
        let lines = (1...12).map { "  \($0)  tv  Show \($0)\u{1B}[31m" }
        state.apply(.message("  12  tv  Show 12", isError: false))
        state.apply(.output(command: ["wanted", "list"], lines: lines, isError: false))
        var grid = render(state)
        XCTAssertTrue(grid.text(row: 1).contains(":wanted list"), grid.text(row: 1))
        XCTAssertTrue(grid.text(row: 1).contains("12 lines"), grid.text(row: 1))
        XCTAssertTrue(grid.text(row: 2).contains("1  tv  Show 1"), grid.text(row: 2))
        XCTAssertFalse(grid.text.contains("\u{1B}"), "inert")
        state.press("j")
        state.press("j")
        grid = render(state)
        XCTAssertTrue(grid.text(row: 2).contains("3  tv  Show 3"), grid.text(row: 2))
        state.press("G")   // any other key closes it
        XCTAssertNil(state.output)
        XCTAssertEqual(state.tab, .torrents)
        XCTAssertTrue(render(state).text(row: 2).contains("ubuntu"))
    }

    func testHelpIsGeneratedFromTheKeymap() throws {
        var state = makeState(sample, rows: 40, columns: 160)
        state.keymap = try Keymap(overrides: "pause=P;quit=Q")
        state.press("?")
        let text = render(state).text
        XCTAssertTrue(text.contains("Pause the marked torrents"))
        XCTAssertTrue(text.contains("P "), text)
        state.press("esc")
        XCTAssertEqual(state.reduce(.char("P")), [.run(["pause", "1"])])
        XCTAssertEqual(state.reduce(.char("p")), [])
        XCTAssertThrowsError(try Keymap(overrides: "explode=x"))
    }

    func testSmallTerminalsAndResize() {
        var state = makeState(sample, rows: 10, columns: 40)
        let small = render(state)
        XCTAssertTrue(small.text(row: 2).contains("ubuntu"), small.text)
        XCTAssertTrue(small.text(row: 1).contains("PROGRESS"), "progress survives at 40 columns")
        XCTAssertFalse(small.text(row: 1).contains("CATEGORY"))
        state.rows = 9
        XCTAssertTrue(render(state).text.contains("terminal too small"))
        state.columns = 39
        state.rows = 30
        XCTAssertTrue(render(state).text.contains("terminal too small"))
    }

    func testEngineGoneIsShownAndRowsStay() {
        var state = makeState(sample)
        state.apply(.connection(up: false, message: "lost the engine (closed); reconnecting"))
        let grid = render(state)
        XCTAssertTrue(grid.text(row: 23).contains("lost the engine"))
        XCTAssertEqual(grid.role(atRow: 23, column: 3), .statusError)
        XCTAssertTrue(grid.text(row: 2).contains("ubuntu"))
    }

    func testDeltaPagesUpdateOnlyChangedRows() {
        var state = makeState(sample)
        var changed = sample[0]
        changed.progress = 0.9
        state.apply(.list(Methods.ListPage(revision: 2, complete: false, removed: [2], torrents: [changed])))
        XCTAssertEqual(state.torrents.rows.count, 2)
        XCTAssertEqual(state.torrents.rows[1]?.progress, 0.9)
        let renderer = Renderer()
        let grid = GridScreen(rows: 24, columns: 100)
        renderer.render(Frame.compose(state), on: grid)
        state.press("j")
        renderer.render(Frame.compose(state), on: grid)
        XCTAssertEqual(renderer.rowsDrawnLastFrame, 2, "moving the cursor repaints two rows")
    }
}

final class DetailViewTests: XCTestCase {
    func testFileTreeAndPriorities() {
        var state = makeState([snapshot(id: 7, name: "album")])
        state.press("enter")
        XCTAssertEqual(state.detail?.id, 7)
        let files = [
            TorrentDetail.File(index: 0, path: "album/cd1/01.flac", size: 100, downloaded: 100, priority: 4),
            TorrentDetail.File(index: 1, path: "album/cd1/02.flac", size: 100, downloaded: 0, priority: 4),
            TorrentDetail.File(index: 2, path: "album/cover.jpg", size: 10, downloaded: 10, priority: 0),
        ]
        let items = DetailRows.tree(files)
        XCTAssertEqual(items.map(\.name), ["album/", "cd1/", "01.flac", "02.flac", "cover.jpg"])
        XCTAssertEqual(items.map(\.depth), [0, 1, 2, 2, 1])
        XCTAssertEqual(items[1].size, 200)
        state.press("tab")
        XCTAssertEqual(state.detail?.page, .files)
    }

    func testPieceMapScales() {
        let lines = DetailRows.pieceMap(String(repeating: "1", count: 500) + String(repeating: "0", count: 500), pieceLength: 262_144, width: 44, height: 6)
        let text = lines.map(\.plain).joined(separator: "\n")
        XCTAssertTrue(text.contains("500 of 1000 pieces"))
        XCTAssertTrue(text.contains("█"))
        XCTAssertTrue(text.contains("░"))
        XCTAssertLessThanOrEqual(lines.count, 6)
    }
}

final class ThemeTests: XCTestCase {
    func testShippedThemesParse() throws {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("themes")
        for name in ["default", "light", "high-contrast", "mono"] {
            let text = try String(contentsOf: dir.appendingPathComponent("\(name).theme"), encoding: .utf8)
            let theme = try Theme.parse(text, name: name)
            XCTAssertEqual(Set(theme.styles.keys), Set(Role.allCases), "\(name) leaves roles out")
        }
        XCTAssertThrowsError(try Theme.parse("header = chartreuse default", name: "x"))
        XCTAssertThrowsError(try Theme.parse("nosuchrole = red default", name: "x"))
    }

    func testColorFallbacks() {
        XCTAssertEqual(CursesScreen.resolve(.rgb(255, 0, 0), colors: 16_777_216).color, 0xFF0000)
        XCTAssertEqual(CursesScreen.resolve(.rgb(255, 0, 0), colors: 256).color, 196)
        XCTAssertEqual(CursesScreen.resolve(.rgb(255, 0, 0), colors: 8).color, 1)
        XCTAssertEqual(CursesScreen.resolve(.index(9), colors: 8).color, 1)
        XCTAssertTrue(CursesScreen.resolve(.index(9), colors: 8).bold)
        XCTAssertEqual(CursesScreen.resolve(.terminalDefault, colors: 256).color, -1)
    }

    func testSparklineScalesToThePeak() {
        XCTAssertEqual(RatesRows.sparkline([0, 50, 100], width: 5), "   ▄█")
    }
}

final class ManualImportKeyTests: XCTestCase {
    func testImportKeyPrefillsAQuotedPath() {
        var state = makeState([snapshot(id: 1, name: "Harbor Lights S01E05 (it's here)", state: .seeding, progress: 1)])
        state.press("I")
        let text = state.prompt?.text ?? ""
        XCTAssertTrue(text.hasPrefix("import '/srv/Harbor Lights S01E05 (it'\\''s here)' --type "), text)
        let words = try? CommandLineSplitter.split(text + "tv")
        XCTAssertEqual(words, ["import", "/srv/Harbor Lights S01E05 (it's here)", "--type", "tv"])
        XCTAssertEqual(CommandLineSplitter.quote("/srv/plain.mkv"), "/srv/plain.mkv")
    }
}
