import Foundation
import GRDB
import Logging

/// The running engine: session, store and services wired together behind the router.
final class EngineCore: Sendable {
    let home: EngineHome
    let store: Store
    let torrents: TorrentService
    let library: LibraryService
    let transcode: TranscodeService
    let acquisition: AcquisitionService
    let podcasts: PodcastService
    let history: History
    let session: LibtorrentSession
    let logger: Logger
    let startedAt = Date()
    let loopbackOnly: Bool
    private let state: EngineRuntimeState
    private let stopContinuation: AsyncStream<Void>.Continuation
    let stopRequests: AsyncStream<Void>

    init(home: EngineHome, store: Store, session: LibtorrentSession, settings: Settings, logger: Logger, loopbackOnly: Bool) {
        self.home = home
        self.store = store
        self.session = session
        self.logger = logger
        self.loopbackOnly = loopbackOnly
        history = History(store: store, logger: logger)
        torrents = TorrentService(session: session, store: store, settings: settings, history: history, logger: logger)
        library = LibraryService(store: store, history: history, logger: logger)
        let state = EngineRuntimeState(settings: settings, altActive: Self.altSpeedActive(settings))
        self.state = state
        transcode = TranscodeService(store: store, history: history, logger: logger, torrents: torrents, library: library,
                                     settings: { await state.settings })
        acquisition = AcquisitionService(store: store, history: history, logger: logger)
        podcasts = PodcastService(store: store, history: history, logger: logger, library: library)
        (stopRequests, stopContinuation) = AsyncStream<Void>.makeStream()
    }

    func requestStop() { stopContinuation.yield() }

    /// Connects the services to each other and starts their background work, once, after
    /// the torrents are loaded. Transcoding finds ffmpeg in the background (its handlers wait
    /// for it), so the socket opens without waiting for that.
    func startServices() async {
        let torrents = self.torrents
        let acquisition = self.acquisition
        await acquisition.attach(AcquisitionLinks(
            torrents: torrents, library: library,
            naming: { await self.libraryNaming() },
            defaultSavePath: { await self.settings.path(.defaultSavePath) },
            categoriesChanged: { await torrents.updateSettings(await self.settings) }))
        await torrents.observeCompletions { id in await acquisition.downloadCompleted(torrentId: id) }
        await torrents.observeRemovals { ids in await acquisition.downloadsRemoved(torrentIds: ids) }
        // Clearing old partial downloads and finding ffmpeg need not delay the socket.
        let podcasts = self.podcasts, transcode = self.transcode
        Task { await podcasts.start() }
        Task { await transcode.start() }
    }

    /// The interface downloads must use (the kill switch's), or nil for any.
    var boundInterface: String? {
        get async {
            let name = await settings[.interface]
            return name.isEmpty ? nil : name
        }
    }

    // MARK: Periodic work

    /// One loop for the engine's timers: resume sweeps, share rules, the watch
    /// directory, the kill switch, the alternative speed schedule, stalled grabs and podcast feeds.
    func runTimers() async {
        var tick = 0
        while !Task.isCancelled {
            try? await Task.sleep(for: .seconds(1))
            tick += 1
            await torrents.resumeSweepIfDue()
            if tick % 2 == 0 { await checkInterface() }
            if tick % 5 == 0 {
                await torrents.enforceShareRules()
                await scanWatchDirectory()
                await applyAltSpeedIfChanged()
            }
            let settings = await state.settings
            let stallTimeout = settings.int(.grabStallTimeout)
            if stallTimeout > 0, tick % Int(AcquisitionService.sweepPeriod(timeout: stallTimeout)) == 0 {
                await acquisition.sweepStalledGrabs(timeout: stallTimeout)
            }
            // Which feeds are due is one small query; the interval itself is the setting's.
            if tick % 5 == 0 {
                let podcasts = self.podcasts, interval = settings.int(.podcastRefreshInterval), interface = await boundInterface
                // Feeds download for minutes at times: off this loop, one refresh round at a time.
                Task { await podcasts.refreshDue(interval: interval, interface: interface) }
            }
        }
    }

    private func checkInterface() async {
        let settings = await state.settings
        let name = settings[.interface]
        let up = name.isEmpty || NetworkGuard.isUp(name)
        if await state.setInterfaceUp(up) {
            if up {
                session.setPaused(false)
                history.record(.info, "network", hash: nil, id: nil, "interface \(name) is back: torrents resume")
            } else {
                session.setPaused(true)
                history.record(.error, "network", hash: nil, id: nil, "interface \(name) is gone: all torrents stopped (kill switch)")
            }
        }
    }

    private func scanWatchDirectory() async {
        let dir = await state.settings.path(.watchDir)
        for item in WatchDirectory.pending(in: dir) {
            do {
                let snapshot = try await torrents.add(item.request)
                WatchDirectory.markDone(item.path, ok: true)
                logger.info("watch directory: added #\(snapshot.id) from \(item.path)")
            } catch {
                WatchDirectory.markDone(item.path, ok: false)
                history.record(.error, "watch", hash: nil, id: nil, "\(item.path): \(error)")
            }
        }
    }

    static func altSpeedActive(_ settings: Settings, at date: Date = Date()) -> Bool {
        switch settings[.altSpeed] {
        case "on": return true
        case "off": return false
        default: return AltSpeedSchedule(settings[.altSchedule])?.isActive(at: date) ?? false
        }
    }

    private func applyAltSpeedIfChanged() async {
        let settings = await state.settings
        let active = Self.altSpeedActive(settings)
        if await state.setAltActive(active) {
            try? applySessionSettings(settings, altActive: active)
            history.record(.info, "speed", hash: nil, id: nil, active ? "alternative speed limits on" : "alternative speed limits off")
        }
    }

    func applySessionSettings(_ settings: Settings, altActive: Bool) throws {
        try session.apply(SessionSettings.make(settings, altSpeedActive: altActive, loopbackOnly: loopbackOnly))
        try session.limitLocalPeers(settings.bool(.limitLocalPeers))
    }

    // MARK: Settings

    func setSetting(_ key: SettingKey, raw: String) async throws -> String {
        let value = try key.normalize(raw)
        try await store.pool.write { db in
            try db.execute(sql: "INSERT INTO setting(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                           arguments: [key.name, value])
        }
        let settings = try await Self.loadSettings(store)
        await state.setSettings(settings)
        await torrents.updateSettings(settings)
        let active = Self.altSpeedActive(settings)
        _ = await state.setAltActive(active)
        try applySessionSettings(settings, altActive: active)
        // More slots, or software forced: queued jobs may start now (nothing polls for it).
        if SettingKey.transcodeKeys.contains(key) { await transcode.schedule() }
        return value
    }

    static func loadSettings(_ store: Store) async throws -> Settings {
        let map = try await store.pool.read { db in
            try Dictionary(uniqueKeysWithValues: Array(Row.fetchCursor(db, sql: "SELECT key, value FROM setting").map { ($0["key"] as String, $0["value"] as String) }))
        }
        return Settings(stored: map)
    }

    var settings: Settings { get async { await state.settings } }
    var altActive: Bool { get async { await state.altActive } }
    var interfaceUp: Bool { get async { await state.interfaceUp } }
}

/// The few values the timers and handlers share.
actor EngineRuntimeState {
    private(set) var settings: Settings
    private(set) var altActive: Bool
    private(set) var interfaceUp = true

    init(settings: Settings, altActive: Bool) {
        self.settings = settings
        self.altActive = altActive
    }

    func setSettings(_ s: Settings) { settings = s }
    /// Returns true when the value changed.
    func setAltActive(_ v: Bool) -> Bool { defer { altActive = v }; return altActive != v }
    func setInterfaceUp(_ v: Bool) -> Bool { defer { interfaceUp = v }; return interfaceUp != v }
}
