import GRDB

/// One row of the queue: what to do to which file, and what happened.
public struct TranscodeJob: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord, TableRecord {
    public static let databaseTableName = "transcode_job"

    public var id: Int64?
    public var input: String
    /// The main output (for a sidecars-only job, the first sidecar's pattern).
    public var target: String
    public var preset: String?
    public var ruleId: Int64?
    public var recipe: TranscodeRecipe
    public var state: TranscodeJobState
    /// Higher runs first; equal priorities run in the order they were queued.
    public var priority: Int
    public var createdAt: Int64
    public var startedAt: Int64?
    public var finishedAt: Int64?
    public var attempts: Int
    /// `gpu` or `cpu`: whose slot the job takes.
    public var device: String?
    /// The video encoder in use (`hevc_nvenc`, `libx265`), else `copy`.
    public var encoder: String?
    /// Why the job failed or was cancelled, in one line.
    public var reason: String?
    /// What happened along the way: a GPU fallback, a re-queue after restart, skipped streams.
    public var notes: [String]
    public var stderrTail: String?
    /// The argv of the last ffmpeg run (or the planned one).
    public var argv: [String]?
    /// Files written into place.
    public var outputs: [String]
    /// Temporary files a running job writes; removed if the engine dies mid-job.
    public var temps: [String]
    public var pid: Int32?
    /// The input's duration in seconds, from its probe.
    public var duration: Double?
    /// Percent done when the job ended (live progress is kept in memory).
    public var progress: Double?

    public init(input: String, target: String, preset: String?, ruleId: Int64?, recipe: TranscodeRecipe,
                priority: Int, createdAt: Int64) {
        self.input = input
        self.target = target
        self.preset = preset
        self.ruleId = ruleId
        self.recipe = recipe
        self.state = .queued
        self.priority = priority
        self.createdAt = createdAt
        self.attempts = 0
        self.notes = []
        self.outputs = []
        self.temps = []
    }

    enum CodingKeys: String, CodingKey {
        case id, input, target, preset, recipe, state, priority, attempts, device, encoder, reason, notes, argv, outputs, temps, pid
        case duration, progress
        case ruleId = "rule_id", createdAt = "created_at", startedAt = "started_at", finishedAt = "finished_at"
        case stderrTail = "stderr_tail"
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
