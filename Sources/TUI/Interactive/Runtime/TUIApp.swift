import Engine
import Foundation

/// `seedtui`: the interactive screen over the home's engine.
///
/// The loop is: read a key (waiting at most 50 ms), reduce it into the state, take
/// what the engine link reported, compose the frame, and let the renderer write only
/// the rows that changed.
enum TUIApp {
    static func run(home: EngineHome) -> Int32 {
        guard isatty(STDIN_FILENO) != 0, isatty(STDOUT_FILENO) != 0 else {
            Console.error("the interactive screen needs a terminal; for scripts use `seedtui --headless`")
            return ExitStatus.usage
        }
        Defaults.home = home.path
        // Start (or find) the engine before the screen takes the terminal, so an error can be read.
        var client: EngineClient?
        var settings: [String: String] = [:]
        var startError: String?
        do {
            let c = try EngineClient(home: home, autostart: true)
            for entry in try c.call(Methods.ConfigList()) { settings[entry.key] = entry.value }
            client = c
        } catch {
            startError = EngineLink.short(error)
        }
        let (theme, themeError) = Theme.load(named: settings["theme"] ?? "default", home: home.path)
        var keymapError: String?
        let keymap: Keymap
        do { keymap = try Keymap(overrides: settings["keymap"] ?? "") } catch {
            keymapError = "\(error); using the default keys"
            keymap = try! Keymap()
        }

        let screen = CursesScreen(theme: theme)
        TerminalGuard.install()
        defer { screen.close() }
        var state = AppState(keymap: keymap)
        state.rows = screen.rows
        state.columns = screen.columns
        if let message = themeError ?? keymapError { state.message = (message, true) }
        state.connection = client != nil ? .init(connected: true, message: "connected") : .init(connected: false, message: startError ?? "no engine")

        let link = EngineLink(home: home)
        link.start(initialClient: client)
        defer { link.stop() }
        let renderer = Renderer()
        renderer.render(Frame.compose(state), on: screen, force: true)

        while TerminalGuard.stopSignal == 0 {
            var dirty = false
            if let key = screen.readKey(milliseconds: 50) {
                if key == .resize {
                    state.rows = screen.rows
                    state.columns = screen.columns
                    state.torrents.clampScroll(height: state.listHeight)
                    renderer.invalidate()
                    screen.clearAll()
                }
                for effect in state.reduce(key) {
                    switch effect {
                    case .run(let words): link.submit(words)
                    case .command(let words): link.submit(words, showingOutput: true)
                    case .searchWanted(let id, let label): link.startWantedSearch(id: id, label: label)
                    case .redraw:
                        renderer.invalidate()
                        screen.clearAll()
                    case .quit: break
                    }
                }
                if state.wantsQuit { break }
                dirty = true
            }
            let updates = link.drain()
            for update in updates { state.apply(update) }
            dirty = dirty || !updates.isEmpty
            link.setInterest(.init(detailId: state.detail?.id, events: true, library: state.tab == .library,
                                   libraryTypes: state.library.wantedTypes, librarySearch: state.library.search,
                                   libraryShow: state.library.showing, jobs: state.tab == .jobs,
                                   search: state.search.request, wanted: state.tab == .wanted))
            if dirty { renderer.render(Frame.compose(state), on: screen) }
        }
        return 0
    }
}
