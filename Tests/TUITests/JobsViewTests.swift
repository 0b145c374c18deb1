@testable import Engine
@testable import seedtui
import XCTest

/// The Jobs tab on an in-memory grid: progress, states, reasons, cancel and retry keys.
final class JobsViewTests: XCTestCase {
    func testJobsShowProgressAndKeysRunCommands() {
        var state = makeState([], rows: 16, columns: 120)
        state.press("5")
        XCTAssertEqual(state.tab, .jobs)
        XCTAssertTrue(render(state).text(row: 2).contains("Loading"))
        state.apply(.jobs([
            Methods.JobView(id: 7, input: "/lib/Film (2001).mkv", target: "/lib/Film (2001).hevc.mkv", preset: "hevc-archive", state: "running",
                            recipe: "hevc", percent: 42.5, fps: 87, speed: 3.6, eta: 95, encoder: "libx265", device: "cpu"),
            Methods.JobView(id: 8, input: "/lib/Bad\u{1B}[31m.mkv", target: "/lib/x.mkv", state: "failed", recipe: "remux",
                            reason: "input is not readable media"),
        ]))
        var grid = render(state)
        XCTAssertTrue(grid.text(row: 0).contains("5 Jobs"))
        let running = grid.text(row: 2)
        XCTAssertTrue(running.contains("running"), running)
        XCTAssertTrue(running.contains("42.5%"), running)
        XCTAssertTrue(running.contains("3.60x"), running)
        XCTAssertTrue(running.contains("libx265 (cpu)"), running)
        XCTAssertTrue(running.contains("Film (2001).mkv"), running)
        XCTAssertFalse(grid.text(row: 3).contains("\u{1B}"), "file names are inert")
        XCTAssertEqual(state.reduce(action: .remove), [.run(["jobs", "cancel", "7"])])
        state.press("j")
        grid = render(state)
        XCTAssertTrue((0..<16).contains { grid.text(row: $0).contains("#8: input is not readable media") })
        XCTAssertEqual(state.reduce(action: .recheck), [.run(["jobs", "retry", "8"])])
    }

    /// The engine's new list can put rows above the cursor: the cursor follows its job and stays
    /// in sight, as on every tab. The help stops scrolling at its end.
    func testTheCursorStaysInSightWhenTheListChangesAndTheHelpStopsAtItsEnd() {
        func job(_ id: Int64) -> Methods.JobView {
            Methods.JobView(id: id, input: "/lib/film-\(id).mkv", target: "/lib/film-\(id).hevc.mkv", state: "queued", recipe: "hevc")
        }
        var state = makeState([], rows: 16, columns: 120)
        state.press("5")
        state.apply(.jobs((100..<140).map(job)))
        for _ in 0..<5 { _ = state.reduce(action: .down) }
        XCTAssertEqual(state.jobs.current?.id, 105)
        state.apply(.jobs((60..<140).map(job)))
        XCTAssertEqual(state.jobs.current?.id, 105, "the cursor follows its job")
        XCTAssertTrue(state.jobs.scroll <= state.jobs.cursor && state.jobs.cursor < state.jobs.scroll + state.jobsPage)
        XCTAssertTrue((0..<16).contains { render(state).text(row: $0).contains("film-105.mkv") })

        state.press("?")
        XCTAssertTrue(state.showHelp)
        for _ in 0..<200 { state.press("j") }
        let end = state.helpScroll
        XCTAssertEqual(end, max(0, HelpRows.lineCount(state.keymap, width: state.columns) - (state.listHeight + 1)))
        XCTAssertGreaterThan(end, 0, "the help is longer than the screen")
        state.press("k")
        XCTAssertEqual(state.helpScroll, end - 1, "one key up moves up from the end at once")
    }
}
