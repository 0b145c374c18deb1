import Engine
import Foundation

/// Everything the screen shows, as one value. `reduce` changes it for a key; `apply`
/// for news from the engine. Neither touches the terminal or the socket.
struct AppState {
    enum Tab: Int, CaseIterable {
        case torrents, rates, events, library, jobs, search, wanted
        var title: String { ["Torrents", "Rates", "Events", "Library", "Jobs", "Search", "Wanted"][rawValue] }
        /// Tab and Shift-Tab go round the tabs in this order, from any view of a tab.
        var next: Tab { Tab(rawValue: (rawValue + 1) % Tab.allCases.count)! }
        var previous: Tab { Tab(rawValue: (rawValue + Tab.allCases.count - 1) % Tab.allCases.count)! }
    }

    enum DetailPage: Int, CaseIterable {
        case general, files, peers, trackers, pieces
        var title: String { ["General", "Files", "Peers", "Trackers", "Pieces"][rawValue] }
    }

    struct Detail {
        var id: Int64
        var page: DetailPage = .general
        var result: Methods.Detail.Result?
        var cursor = 0
        var scroll = 0
    }

    enum PromptKind { case command, filter, add, search, indexerSearch }

    struct Prompt {
        var kind: PromptKind
        var text: String
        var label: String {
            switch kind {
            case .command: return ":"
            case .filter: return "/"
            case .search: return "search library: "
            case .indexerSearch: return "search indexers (tv: …, movie: …): "
            case .add: return "add (path, magnet or URL): "
            }
        }
    }

    enum Confirmation {
        case remove([Int64])
        case removeWanted(WantedItem)
        case stopEngine
    }

    struct Connection {
        var connected = false
        var message = "connecting to the engine…"
    }

    var tab: Tab = .torrents
    var torrents = TorrentsState()
    var library = LibraryState()
    var jobs = JobsState()
    var search = SearchState()
    var wanted = WantedState()
    var detail: Detail?
    var session: Methods.SessionStatus.Result?
    var rates = RateHistory(capacity: 600)
    var events: [EventRecord] = []
    var eventScroll: Int?
    var connection = Connection()
    var prompt: Prompt?
    var confirmation: Confirmation?
    /// The whole answer of a command typed at the `:` prompt, shown over the tab until a key closes it.
    var output: CommandOutput?
    var showHelp = false
    var helpScroll = 0
    var message: (text: String, isError: Bool)?
    var keymap: Keymap
    var rows = 24
    var columns = 80
    var wantsQuit = false

    init(keymap: Keymap) { self.keymap = keymap }

    /// Rows available to a list below the tab bar, its header, and above the status bar.
    var listHeight: Int { max(1, rows - 3) }
    /// The rows each tab's list gets below its own headings: the cursor's page, for the keys
    /// and for keeping it in sight when the engine sends a new list.
    var libraryPage: Int { max(1, listHeight - 1) }
    var jobsPage: Int { max(1, listHeight - 1) }
    var searchPage: Int { max(1, listHeight - 3) }
    var wantedPage: Int { max(1, WantedRows.listRows(forBody: listHeight + 1)) }
    static let minimumRows = 10
    static let minimumColumns = 40
    var tooSmall: Bool { rows < Self.minimumRows || columns < Self.minimumColumns }
}

/// Global transfer rates over the last minutes, for the sparklines.
struct RateHistory {
    let capacity: Int
    private(set) var down: [Int64] = []
    private(set) var up: [Int64] = []

    init(capacity: Int) { self.capacity = capacity }

    mutating func record(down d: Int64, up u: Int64) {
        down.append(d)
        up.append(u)
        if down.count > capacity { down.removeFirst(down.count - capacity) }
        if up.count > capacity { up.removeFirst(up.count - capacity) }
    }
}

/// What a command typed at the `:` prompt printed, for the screen to show whole.
struct CommandOutput: Equatable {
    var command: [String]
    /// As printed: already inert (`Console` makes names inert before they are written).
    var lines: [String]
    var isError: Bool
    var scroll = 0
}
