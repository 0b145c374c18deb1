import Engine
import Foundation

/// The TUI's connection to the engine, on a thread of its own so the screen never
/// waits for the socket. It runs queued command lines, polls for changes (only rows
/// changed since the last revision cross), and reconnects when the engine goes away.
final class EngineLink: @unchecked Sendable {
    struct Interest: Equatable {
        var detailId: Int64?
        var events = true
        /// The Library tab is showing: keep its roots, scan progress and open types fresh.
        var library = false
        var libraryTypes: Set<LibraryType> = []
        var librarySearch = ""
        var libraryShow: Int64?
        /// The Jobs tab is showing: poll the transcode queue.
        var jobs = false
        /// The indexer search the Search tab wants; run once per serial.
        var search: SearchState.Request?
        /// The Wanted tab is showing: poll the wanted list (sent only when it changed).
        var wanted = false
    }

    let home: EngineHome
    private let condition = NSCondition()
    private var commands: [(words: [String], showingOutput: Bool)] = []
    private var interest = Interest()
    private var updates: [EngineUpdate] = []
    private var running = true
    private var woken = false
    private var thread: Thread?
    private let pollInterval: TimeInterval

    init(home: EngineHome, pollInterval: TimeInterval = 1) {
        self.home = home
        self.pollInterval = pollInterval
    }

    func start(initialClient: EngineClient?) {
        let t = Thread { [self] in loop(client: initialClient) }
        t.name = "engine-link"
        thread = t
        t.start()
    }

    func stop() {
        condition.lock()
        running = false
        condition.signal()
        condition.unlock()
    }

    /// Queues a command line; with `showingOutput`, an answer of several lines is reported whole.
    func submit(_ words: [String], showingOutput: Bool = false) {
        condition.lock()
        commands.append((words, showingOutput))
        woken = true
        condition.signal()
        condition.unlock()
    }

    func setInterest(_ new: Interest) {
        condition.lock()
        if new != interest {
            interest = new
            woken = true
            condition.signal()
        }
        condition.unlock()
    }

    /// Everything reported since the last call, oldest first.
    func drain() -> [EngineUpdate] {
        condition.lock()
        defer { condition.unlock() }
        let out = updates
        updates = []
        return out
    }

    private func publish(_ update: EngineUpdate) {
        condition.lock()
        updates.append(update)
        condition.unlock()
    }

    func publishUpdate(_ update: EngineUpdate) { publish(update) }

    private func loop(client initial: EngineClient?) {
        var client = initial
        var revision: UInt64?
        var lastEvent: Int64?
        var lastDetailPoll = Date.distantPast
        var announcedUp = false
        var library = LibraryPoll()
        var lastSearch = 0
        var wantedSignature: String?
        while true {
            condition.lock()
            if !running { condition.unlock(); return }
            let pending = commands
            commands = []
            let wants = interest
            condition.unlock()

            if client == nil {
                do {
                    client = try EngineClient(home: home, autostart: false)
                    revision = nil
                } catch {
                    publish(.connection(up: false, message: "no engine on \(home.path) (\(Self.short(error))); retrying every second, or :engine start"))
                    announcedUp = false
                    if !pending.isEmpty {
                        for c in pending where c.words.first == "engine" && c.words.dropFirst().first == "start" { run(c.words, showingOutput: c.showingOutput) }
                    }
                    waitForWork(timeout: 1)
                    continue
                }
            }
            if !announcedUp {
                publish(.connection(up: true, message: "connected"))
                announcedUp = true
            }
            for c in pending { run(c.words, showingOutput: c.showingOutput) }
            guard let c = client else { continue }
            do {
                let raw = try c.call(Methods.List(since: revision))
                let page = try JSONDecoder().decode(Methods.ListPage.self, from: Data(raw.bytes))
                revision = page.revision
                if page.complete || !page.torrents.isEmpty || !page.removed.isEmpty { publish(.list(page)) }
                publish(.session(try c.call(Methods.SessionStatus())))
                if wants.events {
                    let events = try c.call(Methods.Events(limit: lastEvent == nil ? 500 : 1000, afterId: lastEvent))
                    if let last = events.last?.id { lastEvent = last }
                    if !events.isEmpty { publish(.events(events)) }
                }
                if wants.library { try pollLibrary(c, wants: wants, poll: &library, commandsRan: !pending.isEmpty) }
                if wants.jobs { publish(.jobs(try c.call(Methods.TranscodeJobs(limit: 1000)))) }
                if wants.wanted {
                    let watch = try c.call(Methods.WantedWatch(since: wantedSignature))
                    wantedSignature = watch.signature
                    if let items = watch.items { publish(.wanted(items, watch.history ?? [])) }
                } else {
                    wantedSignature = nil
                }
                if let s = wants.search, s.serial != lastSearch {
                    lastSearch = s.serial
                    startSearch(s)
                }
                if let id = wants.detailId, Date().timeIntervalSince(lastDetailPoll) >= 0.9 || !pending.isEmpty {
                    lastDetailPoll = Date()
                    let selector = TorrentSelector(terms: [String(id)])
                    if let detail = try? c.call(Methods.Detail(selector: selector, files: true, peers: true, trackers: true, pieces: true)) {
                        publish(.detail(detail))
                    }
                }
            } catch {
                library = LibraryPoll()
                wantedSignature = nil
                client = nil
                announcedUp = false
                publish(.connection(up: false, message: "lost the engine (\(Self.short(error))); reconnecting"))
                continue
            }
            waitForWork(timeout: pollInterval)
        }
    }

    private func waitForWork(timeout: TimeInterval) {
        condition.lock()
        if !woken && running { _ = condition.wait(until: Date().addingTimeInterval(timeout)) }
        woken = false
        condition.unlock()
    }

    /// Runs a headless command line, its output captured instead of printed.
    private func run(_ words: [String], showingOutput: Bool) {
        var lines: [String] = []
        Console.capture = { lines.append($0) }
        let status = HeadlessEntry.run(words)
        Console.capture = nil
        let text = lines.last(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) ?? (status == 0 ? "done" : "failed")
        let cleaned = text.hasPrefix("seedtui: ") ? String(text.dropFirst(9)) : text
        publish(.message(cleaned, isError: status != 0))
        if showingOutput, lines.count > 1 { publish(.output(command: words, lines: lines, isError: status != 0)) }
    }

    static func short(_ error: Error) -> String {
        (error as? EngineError)?.message ?? "\(error)"
    }
}
