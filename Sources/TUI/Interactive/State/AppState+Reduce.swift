import Engine
import Foundation

/// What a key asks of the world outside the state: commands for the engine, quitting.
enum Effect: Equatable {
    /// A command line in the headless grammar, run against the engine off the UI thread.
    case run([String])
    /// A command line typed at the `:` prompt: run like `run`, and an answer of more than one
    /// line (a list, a report) is shown whole rather than as its last line.
    case command([String])
    /// `wanted search ID`, off the link's loop: the indexers can take many seconds.
    case searchWanted(id: Int64, label: String)
    case quit
    case redraw
}

extension AppState {
    mutating func reduce(_ key: Key) -> [Effect] {
        if case .resize = key { return [.redraw] }
        if prompt != nil { return reducePrompt(key) }
        if let confirmation { return reduceConfirmation(key, confirmation) }
        if let shown = output {
            if let scroll = scrolledOverlay(shown.scroll, keymap[key], page: listHeight, lines: shown.lines.count) {
                output?.scroll = scroll
            } else {
                output = nil
            }
            return []
        }
        if showHelp {
            // The help has its heading in its text: it shows one line more than a list.
            if let scroll = scrolledOverlay(helpScroll, keymap[key], page: listHeight + 1, lines: HelpRows.lineCount(keymap, width: columns)) {
                helpScroll = scroll
            } else {
                showHelp = false
            }
            return []
        }
        message = nil
        switch key {
        case .mouseClick(let row, _):
            if tab == .torrents && detail == nil && row >= 2 { moveCursor(to: torrents.scroll + row - 2) }
            return []
        case .wheelDown: return reduce(action: .down)
        case .wheelUp: return reduce(action: .up)
        default: break
        }
        guard let action = keymap[key] else { return [] }
        return reduce(action: action)
    }

    mutating func reduce(action: Action) -> [Effect] {
        switch action {
        case .quit: wantsQuit = true; return [.quit]
        case .help: showHelp = true; helpScroll = 0
        case .command: prompt = Prompt(kind: .command, text: "")
        case .filter:
            if tab == .search && detail == nil {
                prompt = Prompt(kind: .indexerSearch, text: search.request?.promptText ?? "")
            } else if tab == .library && detail == nil {
                prompt = Prompt(kind: .search, text: library.search)
            } else {
                prompt = Prompt(kind: .filter, text: torrents.filter)
                tab = .torrents
                detail = nil
            }
        case .add:
            // On the Wanted tab, `a` asks for something to want, in the shared command grammar.
            prompt = tab == .wanted && detail == nil ? Prompt(kind: .command, text: "wanted add ") : Prompt(kind: .add, text: "")
        case .redraw: return [.redraw]
        case .tabTorrents: tab = .torrents
        case .tabRates: tab = .rates; detail = nil
        case .tabEvents: tab = .events; detail = nil
        case .tabLibrary: tab = .library; detail = nil
        case .tabJobs: tab = .jobs; detail = nil
        case .tabSearch: tab = .search; detail = nil
        case .tabWanted: tab = .wanted; detail = nil
        case .search:
            tab = .search
            detail = nil
            prompt = Prompt(kind: .indexerSearch, text: search.request?.promptText ?? "")
        case .scanLibrary: return [.run(["scan"])]
        case .stopEngine: confirmation = .stopEngine
        case .sortNext:
            let all = TorrentsState.SortColumn.allCases
            let next = all[(all.firstIndex(of: torrents.sort)! + 1) % all.count]
            torrents.setSort(next, descending: torrents.descending)
            message = ("sorted by \(next.rawValue)", false)
        case .sortReverse: torrents.setSort(torrents.sort, descending: !torrents.descending)
        case .nextTab where detail == nil: tab = tab.next
        case .previousTab where detail == nil: tab = tab.previous
        default:
            if detail != nil { return reduceDetail(action) }
            switch tab {
            case .torrents: return reduceTorrents(action)
            case .events: reduceEvents(action)
            case .library: return reduceLibrary(action)
            case .jobs: return reduceJobs(action)
            case .search: return reduceSearch(action)
            case .wanted: return reduceWanted(action)
            case .rates: break
            }
        }
        return []
    }

    private mutating func moveCursor(to index: Int) { torrents.moveCursor(to: index, height: listHeight) }

    private mutating func reduceTorrents(_ action: Action) -> [Effect] {
        if torrents.move(action, page: listHeight) { return [] }
        switch action {
        case .filterNext: if let i = torrents.nextMatch(forward: true) { moveCursor(to: i) }
        case .filterPrevious: if let i = torrents.nextMatch(forward: false) { moveCursor(to: i) }
        case .mark: torrents.toggleMark(); moveCursor(to: torrents.cursor + 1)
        case .visual: torrents.toggleVisual()
        case .back:
            if torrents.visualAnchor != nil { torrents.visualAnchor = nil } else if !torrents.marked.isEmpty { torrents.marked = [] } else if !torrents.filter.isEmpty { torrents.setFilter("") }
        case .open:
            if let id = torrents.currentId { detail = Detail(id: id) }
        default:
            return torrentAction(action)
        }
        return []
    }

    /// Actions on the selection: each becomes a command line of the shared grammar.
    private mutating func torrentAction(_ action: Action) -> [Effect] {
        let ids = torrents.targets.map(String.init)
        guard !ids.isEmpty else { message = ("no torrent selected", true); return [] }
        func done(_ words: [String]) -> [Effect] {
            torrents.visualAnchor = nil
            return [.run(words)]
        }
        switch action {
        case .pause: return done(["pause"] + ids)
        case .resume: return done(["resume"] + ids)
        case .recheck: return done(["recheck"] + ids)
        case .reannounce: return done(["reannounce"] + ids)
        case .queueUp: return done(["queue", "up"] + ids)
        case .queueDown: return done(["queue", "down"] + ids)
        case .queueTop: return done(["queue", "top"] + ids)
        case .queueBottom: return done(["queue", "bottom"] + ids)
        case .remove: confirmation = .remove(torrents.targets)
        case .move: prompt = Prompt(kind: .command, text: "move \(ids.joined(separator: " ")) --to ")
        case .category: prompt = Prompt(kind: .command, text: "edit \(ids.joined(separator: " ")) --category ")
        case .importDownload:
            // A download that matched no wanted item: import it by hand, into the library of a type.
            guard let id = torrents.targets.first, let t = torrents.rows[id] else { return [] }
            let path = (t.savePath as NSString).appendingPathComponent(t.name)
            prompt = Prompt(kind: .command, text: "import \(CommandLineSplitter.quote(path)) --type ")
        case .limit: prompt = Prompt(kind: .command, text: "limit \(ids.joined(separator: " ")) --down 0 --up 0")
        default: break
        }
        return []
    }

    private mutating func reduceDetail(_ action: Action) -> [Effect] {
        guard var d = detail else { return [] }
        defer { if detail != nil { detail = d } }
        let count = DetailRows.itemCount(d)
        switch action {
        case .back: detail = nil; return []
        case .nextTab, .open:
            d.page = AppState.DetailPage(rawValue: (d.page.rawValue + 1) % AppState.DetailPage.allCases.count)!
            d.cursor = 0; d.scroll = 0
        case .previousTab:
            let n = AppState.DetailPage.allCases.count
            d.page = AppState.DetailPage(rawValue: (d.page.rawValue + n - 1) % n)!
            d.cursor = 0; d.scroll = 0
        case .down: d.cursor = min(max(0, count - 1), d.cursor + 1)
        case .up: d.cursor = max(0, d.cursor - 1)
        case .pageDown, .halfPageDown: d.cursor = min(max(0, count - 1), d.cursor + listHeight / 2)
        case .pageUp, .halfPageUp: d.cursor = max(0, d.cursor - listHeight / 2)
        case .top: d.cursor = 0
        case .bottom: d.cursor = max(0, count - 1)
        case .skipFile, .priorityUp, .priorityDown, .mark:
            guard d.page == .files, let file = DetailRows.file(at: d.cursor, in: d) else { return [] }
            let priority: Int
            switch action {
            case .priorityUp: priority = file.priority == 0 ? 1 : (file.priority < 4 ? 4 : 7)
            case .priorityDown: priority = file.priority > 4 ? 4 : (file.priority > 1 ? 1 : 0)
            default: priority = file.priority == 0 ? 4 : 0
            }
            return [.run(["prio", String(d.id), "--file", String(file.index), "--priority", String(priority)])]
        default:
            return torrentActionOnDetail(action, id: d.id)
        }
        let height = max(1, listHeight - 1)
        if d.cursor < d.scroll { d.scroll = d.cursor }
        if d.cursor >= d.scroll + height { d.scroll = d.cursor - height + 1 }
        return []
    }

    private mutating func torrentActionOnDetail(_ action: Action, id: Int64) -> [Effect] {
        let saved = torrents.marked
        torrents.marked = [id]
        let effects = torrentAction(action)
        torrents.marked = saved
        return effects
    }

    private mutating func reduceEvents(_ action: Action) {
        let last = max(0, events.count - listHeight)
        var position = eventScroll ?? last
        switch action {
        case .down: position += 1
        case .up: position -= 1
        case .pageDown, .halfPageDown: position += listHeight / 2
        case .pageUp, .halfPageUp: position -= listHeight / 2
        case .top: position = 0
        case .bottom: position = last
        default: return
        }
        position = max(0, min(position, last))
        // Following the newest events again once scrolled back to the end.
        eventScroll = position >= last ? nil : position
    }

    private mutating func reduceConfirmation(_ key: Key, _ confirmation: Confirmation) -> [Effect] {
        self.confirmation = nil
        switch (confirmation, key) {
        case (.remove(let ids), .char("y")):
            torrents.marked = []
            return [.run(["remove"] + ids.map(String.init))]
        case (.remove(let ids), .char("D")):
            torrents.marked = []
            return [.run(["remove"] + ids.map(String.init) + ["--delete-data"])]
        case (.removeWanted(let item), .char("y")):
            return [.run(["wanted", "remove", String(item.id ?? 0)])]
        case (.stopEngine, .char("y")):
            return [.run(["engine", "stop"])]
        default:
            message = ("cancelled", false)
            return []
        }
    }

    private mutating func reducePrompt(_ key: Key) -> [Effect] {
        guard var p = prompt else { return [] }
        switch key {
        case .escape:
            if p.kind == .filter { torrents.setFilter("") }
            if p.kind == .search { library.setSearch("") }
            prompt = nil
            return []
        case .enter:
            prompt = nil
            let text = p.text.trimmingCharacters(in: .whitespaces)
            switch p.kind {
            case .filter:
                return []
            case .search:
                library.setSearch(text)
                return []
            case .indexerSearch:
                if !search.start(text) { message = ("type words to search for (tv: …, movie: … pick a type)", true) }
                return []
            case .add:
                guard !text.isEmpty else { return [] }
                return [.run(["add", text])]
            case .command:
                guard !text.isEmpty else { return [] }
                do {
                    return [.command(try CommandLineSplitter.split(text))]
                } catch {
                    message = ("\(error)", true)
                    return []
                }
            }
        case .backspace, .ctrl("h"):
            if !p.text.isEmpty { p.text.removeLast() }
        case .ctrl("u"):
            p.text = ""
        case .ctrl("w"):
            while p.text.last == " " { p.text.removeLast() }
            while let last = p.text.last, last != " " { p.text.removeLast() }
        case .tab:
            if p.kind == .add || p.kind == .command { p.text = PathCompletion.complete(p.text) }
        case .char(let c):
            p.text.append(c)
        default:
            break
        }
        prompt = p
        if p.kind == .filter {
            torrents.setFilter(p.text)
            torrents.clampScroll(height: listHeight)
        }
        return []
    }

    // MARK: News from the engine

    mutating func apply(_ update: EngineUpdate) {
        switch update {
        case .list(let page):
            torrents.apply(page)
            torrents.clampScroll(height: listHeight)
            if let d = detail, torrents.rows[d.id] == nil { detail = nil }
        case .session(let s):
            session = s
            rates.record(down: s.downRate, up: s.upRate)
        case .events(let new):
            events.append(contentsOf: new)
            if events.count > 5000 { events.removeFirst(events.count - 5000) }
        case .detail(let result):
            if detail?.id == result.torrent.id { detail?.result = result }
        case .libraryRoots(let roots):
            library.setRoots(roots)
        case .libraryItems(let type, let items):
            library.setItems(items, for: type)
            // Rows above the cursor may have come or gone: it is kept in sight, as in every list.
            library.moveCursor(to: library.cursor, height: libraryPage)
        case .librarySearch(let query, let items):
            library.setResults(items, for: query)
            library.moveCursor(to: library.cursor, height: libraryPage)
        case .libraryShow(let shown):
            if library.showing == shown.item.id { library.shown = shown }
        case .jobs(let list):
            jobs.set(list)
            jobs.moveCursor(to: jobs.cursor, height: jobsPage)
        case .wanted(let items, let history):
            wanted.set(items, history: history)
            wanted.moveCursor(to: wanted.cursor, height: wantedPage)
        case .searchResult(let serial, let result):
            search.set(result, serial: serial)
            search.moveCursor(to: search.cursor, height: searchPage)
        case .searchFailed(let serial, let text):
            search.fail(text, serial: serial)
        case .scan(let progress):
            let wasRunning = library.scan.map { $0.phase != .done && $0.phase != .failed } ?? false
            library.scan = progress
            if wasRunning, let p = progress, p.phase == .done || p.phase == .failed {
                message = ("scan \(p.phase.rawValue): \(p.added) added, \(p.updated) updated, \(p.moved) moved, \(p.removed) removed, \(p.failed) unreadable", p.phase == .failed)
            }
        case .connection(let up, let text):
            connection = Connection(connected: up, message: text)
        case .message(let text, let isError):
            message = (text, isError)
        case .output(let command, let lines, let isError):
            output = CommandOutput(command: command, lines: lines, isError: isError)
        }
    }
}

/// What the engine link reports back to the screen.
enum EngineUpdate {
    case list(Methods.ListPage)
    case session(Methods.SessionStatus.Result)
    case events([EventRecord])
    case detail(Methods.Detail.Result)
    case connection(up: Bool, message: String)
    case message(String, isError: Bool)
    /// Every line a command typed at the prompt printed, when there was more than one.
    case output(command: [String], lines: [String], isError: Bool)
    case libraryRoots([Methods.LibraryRoots.Root])
    case libraryItems(LibraryType, [LibraryItem])
    case librarySearch(String, [LibraryItem])
    case libraryShow(LibraryState.Shown)
    case scan(ScanProgress?)
    case jobs([Methods.JobView])
    case wanted([WantedItem], [AcquisitionHistoryEntry])
    case searchResult(serial: Int, Methods.Search.Result)
    case searchFailed(serial: Int, String)
}

extension AppState {
    /// Keys on the Library tab: move, open groups and items, back out, re-read an item.
    mutating func reduceLibrary(_ action: Action) -> [Effect] {
        let page = libraryPage
        if library.showing != nil {
            switch action {
            case .back, .open: library.showing = nil; library.shown = nil
            case .recheck: if let id = library.showing { return [.run(["library", "reprobe", String(id)])] }
            default: break
            }
            return []
        }
        if library.move(action, page: page) { return [] }
        switch action {
        case .open:
            guard let node = library.current else { return [] }
            if let id = node.itemId { library.showing = id; library.shown = nil } else { library.toggle(node.key) }
            library.moveCursor(to: library.cursor, height: page)
        case .back:
            if !library.search.isEmpty { library.setSearch("") } else { library.collapseParent() }
            library.moveCursor(to: library.cursor, height: page)
        case .recheck:
            guard let id = library.current?.itemId else { message = ("choose an item to re-read", true); return [] }
            return [.run(["library", "reprobe", String(id)])]
        default: break
        }
        return []
    }

    /// Keys on the Jobs tab: move, cancel (d) and retry (c) the job under the cursor.
    mutating func reduceJobs(_ action: Action) -> [Effect] {
        let page = jobsPage
        if jobs.move(action, page: page) { return [] }
        switch action {
        case .remove:
            guard let id = jobs.current?.id else { return [] }
            return [.run(["jobs", "cancel", String(id)])]
        case .recheck:
            guard let id = jobs.current?.id else { return [] }
            return [.run(["jobs", "retry", String(id)])]
        default: break
        }
        return []
    }
}

extension AppState {
    /// Keys on the Search tab: move, and Enter grabs the release under the cursor by its rank
    /// in the engine's last search (`grab RANK --title=TITLE`, the shared command grammar); the
    /// title makes the engine refuse if another client's search has replaced the results.
    mutating func reduceSearch(_ action: Action) -> [Effect] {
        let page = searchPage
        if search.move(action, page: page) { return [] }
        switch action {
        case .open:
            guard let d = search.current else {
                message = (search.loading ? "still searching…" : "nothing to grab; press / to search the indexers", true)
                return []
            }
            guard d.release.downloadable else {
                message = ("#\(d.rank) is a \(d.release.releaseProtocol.rawValue) release without a torrent link; this engine cannot grab it", true)
                return []
            }
            // One word with "=": a title that starts with "-" is not read as an option.
            return [.run(["grab", String(d.rank), "--title=" + d.release.title])]
        default: break
        }
        return []
    }
}

extension AppState {
    /// Keys on the Wanted tab: move; Enter searches the indexers for the item under the cursor
    /// now and grabs the best release (`wanted search ID`, run beside the screen's updates);
    /// d removes it, after asking.
    mutating func reduceWanted(_ action: Action) -> [Effect] {
        let page = wantedPage
        if wanted.move(action, page: page) { return [] }
        switch action {
        case .open:
            guard let item = wanted.current, let id = item.id else {
                message = ("nothing wanted; press a to add one (wanted add tv \"Show\" --season 1 --episode 2)", true)
                return []
            }
            message = ("searching the indexers for #\(id) \(item.label)…", false)
            return [.searchWanted(id: id, label: item.label)]
        case .remove:
            if let item = wanted.current { confirmation = .removeWanted(item) }
        default: break
        }
        return []
    }
}
