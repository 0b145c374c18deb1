import Foundation
import GRDB
import Logging

/// The transcoding queue: jobs in SQLite, run by ffmpeg children within per-device slots.
///
/// The queue is the `transcode_job` table; this actor only adds what is live (the running
/// jobs' handles and progress). Each running job has a thread of its own (`JobRunner`),
/// since it blocks on ffmpeg's pipes for minutes. On start, jobs a dead engine left
/// `running` go back to `queued`, their ffmpeg (if still alive) is stopped and their
/// temporary files removed.
public actor TranscodeService {
    let store: Store
    /// The engine's settings in force (slots, hardware choice).
    let settings: @Sendable () async -> Settings
    let history: History
    let logger: Logger
    let torrents: TorrentService
    let library: LibraryService
    private var handles: [Int64: JobHandle] = [:]
    private var hardware: HardwareReport?
    private var hardwareTask: Task<HardwareReport, Never>?
    private(set) var ffmpegPath: String?
    private(set) var filters: FilterSupport = .debianFFmpeg51
    private var waiters: [UUID: CheckedContinuation<Void, Never>] = [:]
    private var started = false
    private var stopping = false

    init(store: Store, history: History, logger: Logger, torrents: TorrentService, library: LibraryService,
         settings: @escaping @Sendable () async -> Settings) {
        self.settings = settings
        self.store = store
        self.history = history
        self.logger = logger
        self.torrents = torrents
        self.library = library
    }

    // MARK: Start

    /// Re-queues what a previous engine left running, writes the built-in presets, finds
    /// ffmpeg and its filters, and starts scheduling.
    func start() async {
        guard !started else { return }
        started = true
        recoverInterruptedJobs()
        writeBuiltinPresets()
        ffmpegPath = Self.locateFFmpeg()
        if let path = ffmpegPath {
            let runner = ProcessToolRunner()
            let list = await runner.run(path, ["-hide_banner", "-filters"], environment: [:], timeout: .seconds(10))
            let qsv = await runner.run(path, ["-hide_banner", "-h", "filter=vpp_qsv"], environment: [:], timeout: .seconds(10))
            if list.succeeded {
                filters = FilterSupport.parse(filters: list.stdout, vppQsvHelp: qsv.stdout)
            } else {
                logger.warning("could not list ffmpeg's filters (\(list.stderr.prefix(200))); assuming Debian 12's ffmpeg 5.1")
            }
            logger.info("transcoding with \(path); HDR→SDR: \(filters.toneMapSummary)")
        } else {
            logger.warning("ffmpeg not found: transcoding jobs will fail until it is installed")
        }
        await schedule()
    }

    /// `SEEDTUI_FFMPEG` when set (an absolute path), else `ffmpeg` on PATH.
    static func locateFFmpeg() -> String? {
        if let explicit = ProcessInfo.processInfo.environment["SEEDTUI_FFMPEG"], !explicit.isEmpty {
            return access(explicit, X_OK) == 0 && explicit.hasPrefix("/") ? explicit : nil
        }
        return ProcessToolRunner().locate("ffmpeg")
    }

    private func recoverInterruptedJobs() {
        let stale = (try? store.pool.read { try TranscodeJob.filter(Column("state") == TranscodeJobState.running.rawValue).fetchAll($0) }) ?? []
        // ffmpegs a previous engine left running: stopped together, one wait for all.
        ChildProcesses.stop(stale.compactMap { job in job.pid.flatMap { ChildProcesses.isOurs($0, temps: job.temps) ? $0 : nil } }, grace: 3)
        for job in stale { job.temps.forEach { unlink($0) } }
        guard !stale.isEmpty else { return }
        try? store.pool.write { db in
            for var job in stale {
                job.state = .queued
                job.pid = nil
                job.temps = []
                job.startedAt = nil
                job.notes.append("re-queued: the engine stopped while it ran")
                try job.update(db)
            }
        }
        history.record(.warning, "transcode", hash: nil, id: nil, "\(stale.count) transcoding job(s) re-queued after the engine stopped mid-job")
    }

    private func writeBuiltinPresets() {
        try? store.pool.write { db in
            for preset in TranscodePreset.builtins { try preset.save(db) }
        }
    }

    // MARK: Hardware

    /// The hardware report (detected once per engine, cached in the database across
    /// restarts while the machine's fingerprint holds); nil when software is forced.
    func hardwareReport(softwareOnly: Bool) async -> HardwareReport? {
        if softwareOnly { return nil }
        return await hardwareReport(refresh: false)
    }

    /// The report `gpu` prints and jobs use: one per engine, detected again on `refresh`
    /// (also past the database cache). A report served from memory says it is cached.
    func hardwareReport(refresh: Bool) async -> HardwareReport {
        if !refresh, var hardware {
            hardware.cached = true
            return hardware
        }
        if let hardwareTask { return await hardwareTask.value }
        // A report given by path replaces detection: for tests, and to pin a machine's paths.
        if let path = ProcessInfo.processInfo.environment["SEEDTUI_TRANSCODE_REPORT"], !path.isEmpty {
            if let data = FileManager.default.contents(atPath: path), let report = try? JSONDecoder().decode(HardwareReport.self, from: data) {
                hardware = report
                logger.info("transcoding hardware from \(path) (SEEDTUI_TRANSCODE_REPORT)")
                return report
            }
            logger.warning("SEEDTUI_TRANSCODE_REPORT=\(path) is not a readable hardware report; detecting instead")
        }
        let store = self.store
        let path = ffmpegPath
        let task = Task.detached { () -> HardwareReport in
            let detector = HardwareDetector(ffmpegPath: path)
            let (report, cache) = await detector.detect(cached: refresh ? nil : HardwareCacheStore.load(store))
            if !report.cached { HardwareCacheStore.save(cache, store) }
            return report
        }
        hardwareTask = task
        let report = await task.value
        hardware = report
        hardwareTask = nil
        let encoders = VideoCodec.allCases.compactMap { c in report.recommended[c].flatMap { r in r.encode.map { "\(c.rawValue): \($0)" } } }
        logger.info("transcoding hardware: \(encoders.joined(separator: ", "))\(report.cached ? " (cached)" : "")")
        return report
    }

    /// Whose slot a job takes: a GPU's when its video encode runs there.
    func deviceClass(_ job: TranscodeJob, settings: TranscodeSettings) async -> String {
        guard job.recipe.encodesVideo, let codec = job.recipe.videoCodec, !settings.softwareOnly else { return "cpu" }
        let report = await hardwareReport(softwareOnly: false)
        return VideoRoute.choose(target: codec, inputCodec: nil, report: report).encodesOnGPU ? "gpu" : "cpu"
    }

    // MARK: Scheduling

    /// Starts queued jobs, highest priority first, while their device has a free slot.
    func schedule() async {
        guard started, !stopping else { return }
        let settings = TranscodeSettings(await self.settings())
        let queued = (try? await store.pool.read { db in
            try TranscodeJob.filter(Column("state") == TranscodeJobState.queued.rawValue)
                .order(Column("priority").desc, Column("id")).limit(1000).fetchAll(db)
        }) ?? []
        for job in queued {
            let gpu = handles.values.filter { $0.device == "gpu" }.count
            if gpu >= settings.gpuSlots && handles.count - gpu >= settings.cpuSlots { break }
            let device = await deviceClass(job, settings: settings)
            guard let id = job.id, handles[id] == nil else { continue }
            await launch(job, device: device, settings: settings)
        }
    }

    /// True when `device` has a slot free now.
    private func slotFree(_ device: String, _ settings: TranscodeSettings) -> Bool {
        let gpu = handles.values.filter { $0.device == "gpu" }.count
        return device == "gpu" ? gpu < settings.gpuSlots : handles.count - gpu < settings.cpuSlots
    }

    private func launch(_ job: TranscodeJob, device: String, settings: TranscodeSettings) async {
        guard let id = job.id, !stopping, slotFree(device, settings) else { return }
        // The slot is taken before the first suspension, so passes running side by side
        // cannot both fill it.
        let handle = JobHandle(id: id, device: device)
        handles[id] = handle
        let now = Int64(Date().timeIntervalSince1970)
        let claimed = (try? await store.pool.write { db -> Bool in
            try db.execute(sql: """
                UPDATE transcode_job SET state = 'running', started_at = ?, finished_at = NULL, attempts = attempts + 1,
                    device = ?, reason = NULL WHERE id = ? AND state = 'queued'
                """, arguments: [now, device, id])
            return db.changesCount == 1
        }) ?? false
        // Still queued? (A cancel may have come meanwhile.)
        guard claimed, !stopping else {
            handles[id] = nil
            return
        }
        notifyChange()
        let report = await hardwareReport(softwareOnly: settings.softwareOnly)
        let runner = JobRunner(job: job, ffmpeg: ffmpegPath, filters: filters, report: report,
                               softwareOnly: settings.softwareOnly, contentPaths: await torrents.contentPaths(),
                               handle: handle, store: store)
        let thread = Thread { [weak self] in
            let outcome = runner.run()
            Task { await self?.finished(id, outcome, started: now) }
        }
        thread.name = "transcode-\(id)"
        thread.start()
    }

    private func finished(_ id: Int64, _ outcome: JobRunner.Outcome, started: Int64) async {
        let progress = handles[id]?.progress
        handles[id] = nil
        let now = Int64(Date().timeIntervalSince1970)
        try? await store.pool.write { db in
            guard var job = try TranscodeJob.fetchOne(db, key: id) else { return }
            job.state = outcome.state
            job.reason = outcome.reason
            job.notes = outcome.notes
            job.stderrTail = outcome.stderrTail
            job.argv = outcome.argv ?? job.argv
            job.outputs = outcome.outputs
            job.encoder = outcome.encoder ?? job.encoder
            job.device = outcome.device ?? job.device
            job.duration = outcome.duration ?? job.duration
            job.progress = outcome.state == .done ? 100 : (outcome.state == .queued ? nil : progress?.percent)
            job.finishedAt = outcome.state == .queued ? nil : now
            job.startedAt = outcome.state == .queued ? nil : job.startedAt
            job.pid = nil
            job.temps = []
            try job.update(db)
        }
        if outcome.state == .queued {
            notifyChange()
            return
        }
        let name = (try? await store.pool.read { try TranscodeJob.fetchOne($0, key: id) })?.map { ($0.input as NSString).lastPathComponent } ?? "?"
        switch outcome.state {
        case .done:
            let outputs = outcome.outputs.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")
            history.record(.info, "transcode", hash: nil, id: nil, "job #\(id) done in \(now - started) s: \(name) → \(outputs)")
        case .cancelled:
            history.record(.info, "transcode", hash: nil, id: nil, "job #\(id) cancelled: \(name)")
        default:
            history.record(.error, "transcode", hash: nil, id: nil, "job #\(id) failed: \(name): \(outcome.reason ?? "unknown reason")")
        }
        notifyChange()
        await schedule()
    }

    /// Stops the running jobs before the engine closes its database: ffmpeg gets SIGTERM
    /// (SIGKILL after 3 s), temporary files go, and the jobs return to the queue, to run
    /// again at the next start. Waits up to 10 s.
    func shutdown() async {
        stopping = true
        for handle in handles.values { handle.interrupt() }
        for _ in 0..<200 where !handles.isEmpty { try? await Task.sleep(for: .milliseconds(50)) }
        if !handles.isEmpty { logger.warning("\(handles.count) transcoding job(s) still stopping; the next start re-queues them") }
    }

    // MARK: Waiting

    /// Suspends until a job changes state or `milliseconds` pass.
    func waitForChange(milliseconds: Int) async {
        let key = UUID()
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            waiters[key] = continuation
            Task { [weak self] in
                try? await Task.sleep(for: .milliseconds(milliseconds))
                await self?.resumeWaiter(key)
            }
        }
    }

    private func resumeWaiter(_ key: UUID) { waiters.removeValue(forKey: key)?.resume() }

    private func notifyChange() {
        let all = waiters
        waiters = [:]
        all.values.forEach { $0.resume() }
    }

    // MARK: Queries and changes

    func jobs(_ request: Methods.TranscodeJobs) async throws -> [Methods.JobView] {
        if let wait = request.waitMs, wait > 0, let ids = request.ids, !ids.isEmpty {
            let rows = try fetch(ids: ids, state: nil, limit: nil)
            if rows.contains(where: { !$0.state.isFinal }) {
                await waitForChange(milliseconds: min(wait, 30_000))
            }
        }
        return try fetch(ids: request.ids, state: request.state, limit: request.limit).map(view)
    }

    private func fetch(ids: [Int64]?, state: String?, limit: Int?) throws -> [TranscodeJob] {
        var request = TranscodeJob.all()
        if let ids {
            guard ids.count <= 10_000 else { throw EngineError.invalid("ask for at most 10,000 jobs at once") }
            request = request.filter(ids.contains(Column("id")))
        }
        if let state {
            guard TranscodeJobState(rawValue: state) != nil else {
                throw EngineError.invalid("state '\(state)' must be one of \(TranscodeJobState.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            request = request.filter(Column("state") == state)
        }
        let limit = max(1, min(limit ?? (ids?.count ?? 100), 100_000))
        let rows = try store.pool.read { try request.order(Column("id").desc).limit(limit).fetchAll($0) }
        if let ids {
            let found = Set(rows.compactMap(\.id))
            if let missing = ids.first(where: { !found.contains($0) }) {
                throw EngineError.notFound("no job #\(missing); `jobs` lists them")
            }
        }
        return rows.reversed()
    }

    func view(_ job: TranscodeJob) -> Methods.JobView {
        var v = Methods.JobView(id: job.id, input: job.input, target: job.target, preset: job.preset, rule: job.ruleId,
                                state: job.state.rawValue, priority: job.priority, recipe: job.recipe.summary,
                                percent: job.progress, duration: job.duration, encoder: job.encoder, device: job.device,
                                attempts: job.attempts, reason: job.reason, notes: job.notes, argv: job.argv, outputs: job.outputs,
                                createdAt: job.createdAt, startedAt: job.startedAt, finishedAt: job.finishedAt, stderrTail: job.stderrTail)
        if job.state == .running, let id = job.id, let live = handles[id]?.progress {
            v.percent = live.percent ?? v.percent
            v.fps = live.fps
            v.speed = live.speed
            v.eta = live.eta
            v.duration = live.duration ?? v.duration
        }
        return v
    }

    func cancel(_ request: Methods.TranscodeCancel) throws -> Methods.TranscodeCancel.Result {
        let targets: [TranscodeJob]
        if request.all {
            targets = try store.pool.read { db in
                try TranscodeJob.filter([TranscodeJobState.queued.rawValue, TranscodeJobState.running.rawValue].contains(Column("state"))).fetchAll(db)
            }
        } else {
            guard !request.ids.isEmpty else { throw EngineError.invalid("give job ids or 'all'") }
            targets = try fetch(ids: request.ids, state: nil, limit: request.ids.count)
            if let final = targets.first(where: { $0.state.isFinal }) {
                throw EngineError.invalid("job #\(final.id ?? 0) is already \(final.state.rawValue)")
            }
        }
        let now = Int64(Date().timeIntervalSince1970)
        var ids: [Int64] = []
        for job in targets {
            guard let id = job.id else { continue }
            if let handle = handles[id] {
                handle.cancel()
            } else {
                try store.pool.write { db in
                    try db.execute(sql: "UPDATE transcode_job SET state = 'cancelled', reason = 'cancelled', finished_at = ? WHERE id = ? AND state = 'queued'",
                                   arguments: [now, id])
                }
            }
            ids.append(id)
        }
        if !ids.isEmpty { notifyChange() }
        return .init(ids: ids)
    }

    func retry(_ id: Int64) async throws -> Methods.JobView {
        guard var job = try await store.pool.read({ try TranscodeJob.fetchOne($0, key: id) }) else {
            throw EngineError.notFound("no job #\(id); `jobs` lists them")
        }
        switch job.state {
        case .failed, .cancelled: break
        case .done: throw EngineError.invalid("job #\(id) is done; to run it again, submit the file again with `transcode`")
        case .queued, .running: throw EngineError.invalid("job #\(id) is already \(job.state.rawValue)")
        }
        job.notes.append("retried after: \(job.reason ?? job.state.rawValue)")
        job.state = .queued
        job.reason = nil
        job.finishedAt = nil
        job.progress = nil
        job.stderrTail = nil
        let updated = job
        try await store.pool.write { try updated.update($0) }
        notifyChange()
        await schedule()
        return view((try? await store.pool.read { try TranscodeJob.fetchOne($0, key: id) }) ?? updated)
    }
}
