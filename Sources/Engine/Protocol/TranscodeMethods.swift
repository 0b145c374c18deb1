import Foundation

/// Transcoding: jobs, presets and rules. Keys are snake_case.
extension Methods {
    /// One job as clients see it: the stored row with live progress merged in. A dry run
    /// answers the same shape with `state` "planned" and no id.
    public struct JobView: Codable, Sendable, Equatable {
        public var id: Int64?
        public var input: String
        public var target: String
        public var preset: String?
        public var rule: Int64?
        /// queued, running, done, failed, cancelled, or planned (dry run).
        public var state: String
        public var priority: Int
        /// What the job does, in one line.
        public var recipe: String
        /// 0...100, from ffmpeg's out_time against the input's probed duration.
        public var percent: Double?
        public var fps: Double?
        /// Media seconds per wall second (1.5 = 1.5x).
        public var speed: Double?
        /// Seconds left, from the speed.
        public var eta: Double?
        public var duration: Double?
        public var encoder: String?
        /// gpu or cpu.
        public var device: String?
        public var attempts: Int
        public var reason: String?
        public var notes: [String]
        public var argv: [String]?
        public var outputs: [String]
        public var createdAt: Int64?
        public var startedAt: Int64?
        public var finishedAt: Int64?
        public var stderrTail: String?

        public init(id: Int64? = nil, input: String, target: String, preset: String? = nil, rule: Int64? = nil, state: String,
                    priority: Int = 0, recipe: String, percent: Double? = nil, fps: Double? = nil, speed: Double? = nil,
                    eta: Double? = nil, duration: Double? = nil, encoder: String? = nil, device: String? = nil, attempts: Int = 0,
                    reason: String? = nil, notes: [String] = [], argv: [String]? = nil, outputs: [String] = [],
                    createdAt: Int64? = nil, startedAt: Int64? = nil, finishedAt: Int64? = nil, stderrTail: String? = nil) {
            self.id = id; self.input = input; self.target = target; self.preset = preset; self.rule = rule; self.state = state
            self.priority = priority; self.recipe = recipe; self.percent = percent; self.fps = fps; self.speed = speed; self.eta = eta
            self.duration = duration; self.encoder = encoder; self.device = device; self.attempts = attempts; self.reason = reason
            self.notes = notes; self.argv = argv; self.outputs = outputs; self.createdAt = createdAt; self.startedAt = startedAt
            self.finishedAt = finishedAt; self.stderrTail = stderrTail
        }

        enum CodingKeys: String, CodingKey {
            case id, input, target, preset, rule, state, priority, recipe, percent, fps, speed, eta, duration, encoder, device
            case attempts, reason, notes, argv, outputs
            case createdAt = "created_at", startedAt = "started_at", finishedAt = "finished_at", stderrTail = "stderr_tail"
        }

        public var isFinal: Bool { TranscodeJobState(rawValue: state)?.isFinal ?? true }
    }

    /// A file a request left alone, and why.
    public struct JobSkip: Codable, Sendable, Equatable {
        public var input: String
        public var reason: String
        public init(input: String, reason: String) { self.input = input; self.reason = reason }
    }

    /// Queues jobs (or, with `dry_run`, only plans them): for `files`, for the library items a
    /// search finds (`library`), or by the rules (`auto`).
    public struct TranscodeSubmit: EngineMethod {
        public static let name = "transcode.submit"
        public var files: [String]
        public var library: String?
        public var auto: Bool
        public var preset: String?
        /// Output path (one file only); a folder puts the output there.
        public var output: String?
        public var replace: Bool
        public var dryRun: Bool
        public var priority: Int

        public init(files: [String] = [], library: String? = nil, auto: Bool = false, preset: String? = nil, output: String? = nil,
                    replace: Bool = false, dryRun: Bool = false, priority: Int = 0) {
            self.files = files; self.library = library; self.auto = auto; self.preset = preset; self.output = output
            self.replace = replace; self.dryRun = dryRun; self.priority = priority
        }

        enum CodingKeys: String, CodingKey {
            case files, library, auto, preset, output, replace, priority
            case dryRun = "dry_run"
        }

        public struct Result: Codable, Sendable, Equatable {
            public var jobs: [JobView]
            public var skipped: [JobSkip]
            /// Files looked at (library and auto).
            public var checked: Int
            public init(jobs: [JobView], skipped: [JobSkip], checked: Int) { self.jobs = jobs; self.skipped = skipped; self.checked = checked }
        }
    }

    /// Jobs, newest last. With `ids` and `wait_ms`, answers as soon as one of those jobs
    /// changes state, or after `wait_ms` with the current progress (for `--wait`).
    public struct TranscodeJobs: EngineMethod {
        public static let name = "transcode.jobs"
        public var ids: [Int64]?
        public var state: String?
        public var limit: Int?
        public var waitMs: Int?

        public init(ids: [Int64]? = nil, state: String? = nil, limit: Int? = nil, waitMs: Int? = nil) {
            self.ids = ids; self.state = state; self.limit = limit; self.waitMs = waitMs
        }

        enum CodingKeys: String, CodingKey {
            case ids, state, limit
            case waitMs = "wait_ms"
        }

        public typealias Result = [JobView]
    }

    public struct TranscodeCancel: EngineMethod {
        public static let name = "transcode.cancel"
        public var ids: [Int64]
        public var all: Bool
        public init(ids: [Int64] = [], all: Bool = false) { self.ids = ids; self.all = all }
        public struct Result: Codable, Sendable, Equatable { public var ids: [Int64] }
    }

    public struct TranscodeRetry: EngineMethod {
        public static let name = "transcode.retry"
        public var id: Int64
        public init(id: Int64) { self.id = id }
        public typealias Result = JobView
    }

    public struct PresetView: Codable, Sendable, Equatable {
        public var name: String
        public var summary: String
        public var builtin: Bool
        /// The recipe in one line.
        public var does: String
        public var recipe: TranscodeRecipe
    }

    public struct TranscodePresets: EngineMethod {
        public static let name = "transcode.presets"
        public init() {}
        public struct Result: Codable, Sendable, Equatable {
            public var presets: [PresetView]
            /// Which HDR→SDR filters this ffmpeg has.
            public var toneMapping: String?
            enum CodingKeys: String, CodingKey {
                case presets
                case toneMapping = "tone_mapping"
            }
        }
    }

    /// Saves a user preset from action words (`video=hevc quality=20 container=mkv`).
    public struct TranscodePresetSave: EngineMethod {
        public static let name = "transcode.preset_save"
        public var name: String
        public var recipe: String
        public var summary: String?
        public init(name: String, recipe: String, summary: String?) { self.name = name; self.recipe = recipe; self.summary = summary }
        public typealias Result = PresetView
    }

    public struct TranscodePresetRemove: EngineMethod {
        public static let name = "transcode.preset_remove"
        public var name: String
        public init(name: String) { self.name = name }
        public typealias Result = Empty
    }

    public struct RuleView: Codable, Sendable, Equatable {
        public var id: Int64
        public var library: String
        public var when: String
        public var then: String
        /// What the action does, in one line.
        public var does: String?
        /// Why the rule cannot be used now (a preset it names was removed).
        public var problem: String?
    }

    public struct TranscodeRuleAdd: EngineMethod {
        public static let name = "transcode.rule_add"
        public var library: String
        public var when: String
        public var then: String
        public init(library: String, when: String, then: String) { self.library = library; self.when = when; self.then = then }
        public typealias Result = RuleView
    }

    public struct TranscodeRules: EngineMethod {
        public static let name = "transcode.rules"
        public init() {}
        public typealias Result = [RuleView]
    }

    public struct TranscodeRuleRemove: EngineMethod {
        public static let name = "transcode.rule_remove"
        public var id: Int64
        public init(id: Int64) { self.id = id }
        public typealias Result = Empty
    }

    /// Which rule fires for a file, and what it would run.
    public struct TranscodeRuleTest: EngineMethod {
        public static let name = "transcode.rule_test"
        public var file: String
        public init(file: String) { self.file = file }

        public struct Check: Codable, Sendable, Equatable {
            public var id: Int64
            public var library: String
            public var when: String
            public var then: String
            /// The file lies in the rule's library.
            public var covers: Bool
            public var matches: Bool
        }

        public struct Result: Codable, Sendable, Equatable {
            public var file: String
            public var rules: [Check]
            /// The rule that fires: the first that covers the file and matches.
            public var fired: Int64?
            /// run or skip; nil when no rule fires.
            public var decision: String?
            public var reason: String?
            public var target: String?
            public var argv: [String]?
            public var notes: [String]
        }
    }
}
