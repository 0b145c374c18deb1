/// What keys do: data with descriptions, so `?` is generated from the same table that
/// dispatches keys, and users can rebind anything with `config set keymap`.
enum Action: String, CaseIterable, Sendable {
    case quit, help, command, filter, filterNext, filterPrevious
    case down, up, pageDown, pageUp, halfPageDown, halfPageUp, top, bottom
    case mark, visual, open, back, nextTab, previousTab
    case tabTorrents, tabRates, tabEvents, tabLibrary, tabJobs, tabSearch, tabWanted, search, scanLibrary
    case add, pause, resume, remove, recheck, reannounce, move, category, limit, importDownload
    case queueUp, queueDown, queueTop, queueBottom
    case sortNext, sortReverse, stopEngine, redraw
    case priorityUp, priorityDown, skipFile

    var summary: String {
        switch self {
        case .quit: return "Quit (the engine and downloads keep running)"
        case .help: return "Show this help"
        case .command: return "Command line (the headless commands)"
        case .filter: return "Filter rows as you type"
        case .filterNext: return "Next row matching the filter"
        case .filterPrevious: return "Previous row matching the filter"
        case .down: return "Down"
        case .up: return "Up"
        case .pageDown: return "Page down"
        case .pageUp: return "Page up"
        case .halfPageDown: return "Half a page down"
        case .halfPageUp: return "Half a page up"
        case .top: return "First row"
        case .bottom: return "Last row"
        case .mark: return "Mark or unmark the row"
        case .visual: return "Visual range: mark from here to where you move"
        case .open: return "Open the torrent's details"
        case .back: return "Back, cancel, clear marks"
        case .nextTab: return "Next tab (or next detail page)"
        case .previousTab: return "Previous tab (or previous detail page)"
        case .tabTorrents: return "Torrents tab"
        case .tabRates: return "Rates tab"
        case .tabEvents: return "Events tab"
        case .tabLibrary: return "Library tab (Enter opens a group or an item, / searches, c re-reads an item)"
        case .tabJobs: return "Jobs tab: transcode queue (d cancels a job, c retries it)"
        case .tabSearch: return "Search tab: indexer results with reasons (/ asks, Enter grabs)"
        case .tabWanted: return "Wanted tab: wanted items with their grabs and imports (Enter searches now, d removes)"
        case .search: return "Search the indexers (tv: …, movie: … pick a type)"
        case .scanLibrary: return "Scan the library for new and changed files"
        case .add: return "Add a torrent file, magnet link or URL (on the Wanted tab: want something, wanted add TYPE TITLE …)"
        case .pause: return "Pause the marked torrents (or the current one)"
        case .resume: return "Resume them"
        case .remove: return "Remove them (asks; D also deletes data)"
        case .recheck: return "Recheck their data"
        case .reannounce: return "Announce to trackers now"
        case .move: return "Move their data to another directory"
        case .category: return "Set their category"
        case .limit: return "Set their rate limits"
        case .importDownload: return "Import a finished download into the library by hand (a prompt: import PATH --type T)"
        case .queueUp: return "Move up the queue"
        case .queueDown: return "Move down the queue"
        case .queueTop: return "Move to the top of the queue"
        case .queueBottom: return "Move to the bottom of the queue"
        case .sortNext: return "Sort by the next column"
        case .sortReverse: return "Reverse the sort order"
        case .stopEngine: return "Stop the engine (asks first)"
        case .redraw: return "Redraw the screen"
        case .priorityUp: return "Files: raise the priority"
        case .priorityDown: return "Files: lower the priority"
        case .skipFile: return "Files: skip or unskip"
        }
    }
}

struct Keymap: Sendable {
    private(set) var actions: [Key: Action]

    static let defaults: [(Action, [String])] = [
        (.quit, ["q"]), (.help, ["?"]), (.command, [":"]), (.filter, ["/"]), (.filterNext, ["n"]), (.filterPrevious, ["N"]),
        (.down, ["j", "down"]), (.up, ["k", "up"]), (.pageDown, ["pgdn", "ctrl-f"]), (.pageUp, ["pgup", "ctrl-b"]),
        (.halfPageDown, ["ctrl-d"]), (.halfPageUp, ["ctrl-u"]), (.top, ["g", "home"]), (.bottom, ["G", "end"]),
        (.mark, ["space"]), (.visual, ["v"]), (.open, ["enter", "l", "right"]), (.back, ["esc", "h", "left"]),
        (.nextTab, ["tab"]), (.previousTab, ["btab"]),
        (.tabTorrents, ["1"]), (.tabRates, ["2"]), (.tabEvents, ["3"]), (.tabLibrary, ["4"]), (.tabJobs, ["5"]), (.tabSearch, ["6"]), (.tabWanted, ["7"]), (.search, ["F"]), (.scanLibrary, ["R"]),
        (.add, ["a"]), (.pause, ["p"]), (.resume, ["u"]), (.remove, ["d"]), (.recheck, ["c"]), (.reannounce, ["A"]),
        (.move, ["m"]), (.category, ["C"]), (.limit, ["L"]), (.importDownload, ["I"]),
        (.queueUp, ["K"]), (.queueDown, ["J"]), (.queueTop, ["T"]), (.queueBottom, ["B"]),
        (.sortNext, ["s"]), (.sortReverse, ["S"]), (.stopEngine, ["X"]), (.redraw, ["ctrl-l"]),
        (.priorityUp, ["+"]), (.priorityDown, ["-"]), (.skipFile, ["x"]),
    ]

    init(overrides: String = "") throws {
        var map: [Key: Action] = [:]
        for (action, keys) in Self.defaults {
            for name in keys { if let key = Key(name: name) { map[key] = action } }
        }
        // `action=key key;action=key`: the listed keys replace the action's defaults.
        for item in overrides.split(separator: ";") where !item.trimmingCharacters(in: .whitespaces).isEmpty {
            let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let action = Action(rawValue: parts[0]) else {
                throw KeymapError(message: "keymap entry '\(item)' must be ACTION=KEY with ACTION one of \(Action.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let keys = try parts[1].split(separator: " ").map { name -> Key in
                guard let key = Key(name: String(name)) else { throw KeymapError(message: "keymap: unknown key '\(name)'") }
                return key
            }
            map = map.filter { $0.value != action }
            for key in keys { map[key] = action }
        }
        actions = map
    }

    subscript(key: Key) -> Action? { actions[key] }

    /// Keys bound to each action, in the order of `Action.allCases`.
    var bindings: [(action: Action, keys: [String])] {
        Action.allCases.compactMap { action in
            let keys = actions.filter { $0.value == action }.map(\.key.name).sorted { ($0.count, $0) < ($1.count, $1) }
            return keys.isEmpty ? nil : (action, keys)
        }
    }
}

struct KeymapError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
