import Foundation
import GRDB
import Logging
import Synchronization

/// Runs an engine in this process until it is told to stop: `engine run`.
///
/// Order matters: the home's lock first (one engine per home), then the database,
/// the session and the socket; torrents load in the background while clients are
/// already answered. Stopping saves changed resume data before anything closes.
public enum EngineProcess {
    public static func run(home: EngineHome, logger: Logger) async throws {
        umask(0o077)
        try home.prepare()
        let lock = try HomeLock.acquire(home)
        defer { lock.release() }
        raiseFileLimit(logger: logger)
        signal(SIGPIPE, SIG_IGN)
        signal(SIGHUP, SIG_IGN)

        let store = try Store(path: home.databasePath)
        let settings = try await EngineCore.loadSettings(store)
        let unclean = try await store.pool.write { db -> Bool in
            let previous = try String.fetchOne(db, sql: "SELECT value FROM engine_state WHERE key = 'running'")
            try db.execute(sql: "INSERT INTO engine_state(key, value) VALUES ('running', '1') ON CONFLICT(key) DO UPDATE SET value = '1'")
            // History is kept to the last 100,000 events.
            try db.execute(sql: "DELETE FROM event WHERE id <= (SELECT max(id) - 100000 FROM event)")
            return previous == "1"
        }
        if unclean { logger.warning("the last engine did not stop cleanly; incomplete torrents will be verified") }

        let loopbackOnly = ProcessInfo.processInfo.environment["SEEDTUI_NETWORK"] == "loopback"
        let profile: LibtorrentSession.Profile = switch settings[.performanceProfile] {
            case "high_performance_seed": .highPerformanceSeed
            case "min_memory": .minMemory
            default: .standard
        }
        let diskIO: LibtorrentSession.DiskIO = switch settings[.diskIO] {
            case "mmap": .mmap
            case "posix": .posix
            default: .automatic
        }
        // The first settings go in at creation, so the session never listens where it should not.
        let initial = SessionSettings.make(settings, altSpeedActive: EngineCore.altSpeedActive(settings), loopbackOnly: loopbackOnly)
        let session = try LibtorrentSession(profile: profile, diskIO: diskIO, settings: initial)
        let core = EngineCore(home: home, store: store, session: session, settings: settings, logger: logger, loopbackOnly: loopbackOnly)
        try session.limitLocalPeers(settings.bool(.limitLocalPeers))

        let drain = AlertDrain(session: session)
        let consumer = Task { for await batch in drain.batches { await core.torrents.handle(batch) } }
        drain.start()

        try await core.torrents.load(uncleanShutdown: unclean)
        await core.startServices()
        let server = try await EngineServer.start(socketPath: home.socketPath, router: core.makeRouter(), logger: logger)
        logger.info("engine \(SeedtuiVersion.current) (libtorrent \(LibtorrentSession.libtorrentVersion)) ready on \(home.socketPath), pid \(getpid())")

        let timers = Task { await core.runTimers() }
        let signals = SignalWatcher(signals: [SIGTERM, SIGINT]) { core.requestStop() }

        for await _ in core.stopRequests { break }
        logger.info("stopping")
        signals.cancel()
        timers.cancel()
        await core.stopTranscoding()
        // Answer the stop request before the socket closes.
        try? await Task.sleep(for: .milliseconds(50))
        await server.close()
        await core.torrents.saveAllAndWait(timeout: .seconds(60))
        core.history.flush()
        drain.stop()
        consumer.cancel()
        // Everything worth keeping is written: the stop counts as clean from here on.
        try? await store.pool.write { try $0.execute(sql: "UPDATE engine_state SET value = '0' WHERE key = 'running'") }
        try? store.pool.close()
        unlink(home.socketPath)
        closeSession(session, deadline: .seconds(10), logger: logger)
        logger.info("stopped")
    }

    /// libtorrent's teardown grows faster than linearly with the number of torrents
    /// (about 80 s of CPU at 100,000 here). Resume data and the database are already
    /// saved, so past the deadline the process leaves without waiting for it.
    static func closeSession(_ session: LibtorrentSession, deadline: Duration, logger: Logger) {
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            session.close()
            done.signal()
        }
        let seconds = Double(deadline.components.seconds)
        if done.wait(timeout: .now() + seconds) == .timedOut {
            logger.warning("libtorrent still shutting down after \(Int(seconds)) s; leaving now (resume data and database are saved)")
            fflush(nil)
            _exit(0)
        }
    }

    /// Torrents hold files open; seedboxes run thousands of them.
    static func raiseFileLimit(logger: Logger) {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return }
        if limit.rlim_cur < limit.rlim_max {
            limit.rlim_cur = limit.rlim_max
            if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) != 0 {
                logger.warning("could not raise the open-file limit: \(String(cString: strerror(errno)))")
            }
        }
    }
}

/// Drains libtorrent's alerts on a thread of its own and hands them on in order.
final class AlertDrain: @unchecked Sendable {
    let batches: AsyncStream<AlertBatch>
    private let continuation: AsyncStream<AlertBatch>.Continuation
    private let session: LibtorrentSession
    private let running = Mutex(true)
    private var thread: Thread?

    init(session: LibtorrentSession) {
        self.session = session
        (batches, continuation) = AsyncStream<AlertBatch>.makeStream()
    }

    func start() {
        let thread = Thread { [self] in
            var lastPost = Date.distantPast
            while running.withLock({ $0 }) {
                if Date().timeIntervalSince(lastPost) >= 0.5 {
                    session.postUpdates()
                    lastPost = Date()
                }
                if let batch = session.drain(timeoutMilliseconds: 100), !(batch.events.isEmpty && batch.statuses.isEmpty) {
                    continuation.yield(batch)
                }
            }
            continuation.finish()
        }
        thread.name = "libtorrent-alerts"
        self.thread = thread
        thread.start()
    }

    func stop() {
        running.withLock { $0 = false }
        // The thread notices within one drain timeout.
        Thread.sleep(forTimeInterval: 0.3)
    }
}

/// Calls a handler on the main dispatch queue when one of the signals arrives.
final class SignalWatcher: @unchecked Sendable {
    private let sources: [DispatchSourceSignal]

    init(signals: [Int32], handler: @escaping @Sendable () -> Void) {
        sources = signals.map { sig in
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler(handler: handler)
            source.resume()
            return source
        }
    }

    func cancel() { sources.forEach { $0.cancel() } }
}
