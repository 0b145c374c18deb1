import Foundation
import XCTest

/// The real binary in tmux: what a person sees and types.
final class TUIEndToEndTests: XCTestCase {
    var h: Harness!
    var home: String!
    var tmux: String!
    let socketName = "seedtui-test-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    let session = "s"

    override func setUpWithError() throws {
        guard let t = Harness.which("tmux") else { throw XCTSkip("tmux is not installed (make test-deps)") }
        tmux = t
        h = try Harness()
        home = h.path("home")
    }

    override func tearDown() {
        _ = try? Harness.exec(tmux, ["-L", socketName, "kill-server"], timeout: 10)
        h.tearDown()
    }

    @discardableResult
    func tmuxRun(_ args: [String]) throws -> String {
        let r = try Harness.exec(tmux, ["-L", socketName] + args, timeout: 10)
        guard r.status == 0 else { throw HarnessError.unexpected("tmux \(args.joined(separator: " ")): \(r.stderr)") }
        return r.stdout
    }

    func screen() throws -> String { try tmuxRun(["capture-pane", "-p", "-t", session]) }

    func waitForScreen(_ what: String, timeout: TimeInterval = 15, _ condition: (String) -> Bool) throws -> String {
        var last = ""
        do {
            try h.waitUntil(what, timeout: timeout) {
                last = try screen()
                return condition(last)
            }
        } catch {
            XCTFail("\(error); screen was:\n\(last)")
            throw error
        }
        return last
    }

    func keys(_ keys: String...) throws { try tmuxRun(["send-keys", "-t", session] + keys) }

    func start(columns: Int = 120, rows: Int = 30) throws {
        _ = try Harness.execDaemonizing(tmux, ["-L", socketName, "new-session", "-d", "-s", session, "-x", String(columns), "-y", String(rows),
                     "env", "SEEDTUI_NETWORK=loopback", "TERM=xterm-256color", Harness.binary, "--home", home])
        // The client returns before the server has drawn anything; a capture works from then on.
        try h.waitUntil("tmux to start", timeout: 10) { (try? self.screen()) != nil }
    }

    func testScreenFilterHelpResizeAndQuitLeavesTheEngine() throws {
        let hostile = "magnet:?xt=urn:btih:" + String(repeating: "a", count: 40) + "&dn=evil%1B%5B31mred%1B%5D0%3Btitle%07"
        XCTAssertEqual(try h.run(home: home, ["add", hostile, "--save-path", h.path("d"), "--paused"]).status, 0)
        XCTAssertEqual(try h.run(home: home, ["add", "magnet:?xt=urn:btih:" + String(repeating: "b", count: 40) + "&dn=ubuntu-24.04.iso",
                                              "--save-path", h.path("d"), "--paused"]).status, 0)
        try start()
        var text = try waitForScreen("the torrent list") { $0.contains("ubuntu-24.04.iso") && $0.contains("engine ok") }
        XCTAssertTrue(text.contains("evil\\e[31mred\\e]0;title\\x07"), text)
        XCTAssertTrue(text.contains("2 torrents"))

        try keys("/")
        try tmuxRun(["send-keys", "-t", session, "-l", "ubu"])
        text = try waitForScreen("the filter") { $0.contains("1 of 2 torrents") }
        XCTAssertFalse(text.contains("evil"))
        try keys("Escape")
        _ = try waitForScreen("the filter to clear") { $0.contains("evil") }

        try keys("?")
        _ = try waitForScreen("the help") { $0.contains("Show this help") }
        try keys("Escape")
        _ = try waitForScreen("the list again") { !$0.contains("Show this help") && $0.contains("ubuntu") }

        try tmuxRun(["resize-window", "-t", session, "-x", "40", "-y", "10"])
        text = try waitForScreen("the 40×10 layout") { $0.contains("ubuntu") && $0.contains("PROGRESS") }
        XCTAssertTrue(text.split(separator: "\n").allSatisfy { $0.count <= 40 })
        try tmuxRun(["resize-window", "-t", session, "-x", "30", "-y", "8"])
        _ = try waitForScreen("the too-small notice") { $0.contains("too small") }
        try tmuxRun(["resize-window", "-t", session, "-x", "120", "-y", "30"])
        _ = try waitForScreen("the full layout") { $0.contains("RATIO") && $0.contains("ubuntu") }

        try keys("j", "Enter")
        _ = try waitForScreen("the detail view") { $0.contains("Info hash") }
        try keys("Escape")
        try keys("q")
        try h.waitUntil("the TUI to exit", timeout: 10) {
            let sessions = (try? self.tmuxRun(["list-sessions", "-F", "#{session_name}"])) ?? ""
            return !sessions.split(separator: "\n").contains(Substring(self.session))
        }
        XCTAssertEqual(try h.run(home: home, ["engine", "status"]).status, 0, "q must leave the engine running")
    }

    func testEngineGoingAwayIsShownAndRecovered() throws {
        XCTAssertEqual(try h.run(home: home, ["add", "magnet:?xt=urn:btih:" + String(repeating: "c", count: 40) + "&dn=survivor",
                                              "--save-path", h.path("d"), "--paused"]).status, 0)
        try start()
        _ = try waitForScreen("the list") { $0.contains("survivor") && $0.contains("engine ok") }
        XCTAssertEqual(try h.run(home: home, ["engine", "stop"]).status, 0)
        let gone = try waitForScreen("the lost engine") { $0.contains("no engine") || $0.contains("lost the engine") }
        XCTAssertTrue(gone.contains("survivor"), "rows stay visible while the engine is away")
        XCTAssertEqual(try h.run(home: home, ["engine", "start"]).status, 0)
        _ = try waitForScreen("the reconnection") { $0.contains("engine ok") && $0.contains("survivor") }
        // Actions go through: pause from the keyboard, seen by the headless side.
        try keys("u")
        try h.waitUntil("the resume to reach the engine", timeout: 10) {
            (try h.list(home: self.home).first?["state"] as? String) != "paused"
        }
        try keys(":")
        try tmuxRun(["send-keys", "-t", session, "-l", "pause all"])
        try keys("Enter")
        _ = try waitForScreen("the command's answer") { $0.contains("paused 1 torrent") }
    }

    func testSigtermRestoresTheTerminal() throws {
        try start(columns: 100, rows: 25)
        _ = try waitForScreen("the screen") { $0.contains("Torrents") }
        let pids = try tmuxRun(["list-panes", "-t", session, "-F", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let pid = try XCTUnwrap(pid_t(pids))
        // The pane runs `env`, which execs seedtui: same pid.
        kill(pid, SIGTERM)
        try h.waitUntil("the TUI to exit on SIGTERM", timeout: 10) { kill(pid, 0) != 0 }
        XCTAssertEqual(try h.run(home: home, ["engine", "status"]).status, 0)
    }
}
