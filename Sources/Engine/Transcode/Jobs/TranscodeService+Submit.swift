import Foundation
import GRDB

extension TranscodeService {
    /// Library item kinds worth transcoding.
    static let mediaKinds: Set<ItemKind> = [.movie, .episode, .track, .audiobook, .podcastEpisode, .video, .extra]

    /// A job about to be queued or planned.
    struct Intent: Sendable {
        var input: String
        var target: String
        var recipe: TranscodeRecipe
        var preset: String?
        var rule: Int64?
    }

    func submit(_ request: Methods.TranscodeSubmit) async throws -> Methods.TranscodeSubmit.Result {
        let modes = [!request.files.isEmpty, request.library != nil, request.auto].filter { $0 }.count
        guard modes == 1 else { throw EngineError.invalid("give files, or --library QUERY, or --auto (one of them)") }
        if request.auto {
            guard request.preset == nil, request.output == nil, !request.replace else {
                throw EngineError.invalid("--auto takes presets and outputs from the rules; drop --preset, --output and --replace")
            }
            return try await auto(dryRun: request.dryRun, priority: request.priority)
        }
        guard let name = request.preset else { throw EngineError.invalid("choose a preset with --preset NAME; `presets list` shows them") }
        let preset = try presetNamed(name)
        var recipe = preset.recipe
        if request.replace {
            guard !recipe.sidecarsOnly else { throw EngineError.invalid("preset \(name) only writes sidecars; --replace does not apply") }
            recipe.replace = true
        }
        var inputs = request.files
        var strict = true
        if let query = request.library {
            let raw = try library.list(Methods.LibraryList(query: query))
            let items = try JSONDecoder().decode([LibraryItem].self, from: Data(raw.bytes))
            inputs = items.filter { $0.error == nil && Self.mediaKinds.contains($0.type) }.map(\.path)
            guard !inputs.isEmpty else {
                throw EngineError.notFound("no media file in the library matches '\(query)'; `library search \(query)` shows what does")
            }
            strict = false
        }
        if request.output != nil && inputs.count != 1 { throw EngineError.invalid("--output takes exactly one input file") }
        let active = try activeJobs()
        var intents: [Intent] = []
        var skipped: [Methods.JobSkip] = []
        for input in inputs {
            do {
                let target = try target(for: input, recipe: recipe, output: request.output, suffix: preset.name)
                if let job = active.first(where: { $0.input == input && $0.target == target }) {
                    throw EngineError.invalid("job #\(job.id ?? 0) already does this (\(job.state.rawValue))")
                }
                if intents.contains(where: { $0.target == target && !recipe.sidecarsOnly }) {
                    throw EngineError.invalid("\(input): another input of this request writes \(target) too")
                }
                intents.append(Intent(input: input, target: target, recipe: recipe, preset: preset.name, rule: nil))
            } catch let error as EngineError {
                if strict { throw error }
                skipped.append(.init(input: input, reason: error.message))
            }
        }
        return try await enqueue(intents, skipped: skipped, checked: inputs.count, dryRun: request.dryRun, priority: request.priority)
    }

    /// Queues the jobs, or for a dry run plans each exactly as a runner would.
    func enqueue(_ intents: [Intent], skipped: [Methods.JobSkip], checked: Int, dryRun: Bool,
                 priority: Int) async throws -> Methods.TranscodeSubmit.Result {
        let now = Int64(Date().timeIntervalSince1970)
        if dryRun {
            var views: [Methods.JobView] = []
            for intent in intents { views.append(await plan(intent, priority: priority, now: now)) }
            return .init(jobs: views, skipped: skipped, checked: checked)
        }
        let jobs = try await store.pool.write { db -> [TranscodeJob] in
            try intents.map { intent in
                var job = TranscodeJob(input: intent.input, target: intent.target, preset: intent.preset, ruleId: intent.rule,
                                       recipe: intent.recipe, priority: priority, createdAt: now)
                try job.insert(db)
                return job
            }
        }
        if !jobs.isEmpty {
            history.record(.info, "transcode", hash: nil, id: nil, "\(jobs.count) transcoding job(s) queued (#\(jobs.first!.id!)…#\(jobs.last!.id!))")
        }
        await schedule()
        let ids = jobs.compactMap(\.id)
        let rows = ids.isEmpty ? [] : try await store.pool.read { try TranscodeJob.filter(ids.contains(Column("id"))).order(Column("id")).fetchAll($0) }
        return .init(jobs: rows.map(view), skipped: skipped, checked: checked)
    }

    /// The planned job: what it would run on this machine now, or why it could not.
    func plan(_ intent: Intent, priority: Int, now: Int64) async -> Methods.JobView {
        let settings = TranscodeSettings(await self.settings())
        let report = intent.recipe.encodesVideo ? await hardwareReport(softwareOnly: settings.softwareOnly) : nil
        var job = TranscodeJob(input: intent.input, target: intent.target, preset: intent.preset, ruleId: intent.rule,
                               recipe: intent.recipe, priority: priority, createdAt: now)
        job.id = 0
        let runner = JobRunner(job: job, ffmpeg: ffmpegPath, filters: filters, report: report, softwareOnly: settings.softwareOnly,
                               contentPaths: await torrents.contentPaths(), handle: JobHandle(id: 0, device: "cpu"), store: store)
        var out = JobRunner.Outcome(notes: [])
        let planned = runner.plan(&out)
        var v = view(job)
        v.id = nil
        v.state = "planned"
        v.argv = out.argv
        v.notes = out.notes
        v.reason = out.reason
        v.encoder = out.encoder
        v.device = out.device
        v.duration = out.duration
        v.createdAt = nil
        if let planned { v.outputs = planned.command.outputs.map(\.target); v.target = planned.command.outputs.first?.target ?? v.target }
        return v
    }

    func activeJobs() throws -> [TranscodeJob] {
        try store.pool.read { db in
            try TranscodeJob.filter([TranscodeJobState.queued.rawValue, TranscodeJobState.running.rawValue].contains(Column("state"))).fetchAll(db)
        }
    }

    func presetNamed(_ name: String) throws -> TranscodePreset {
        let all = try store.pool.read { try TranscodePreset.order(Column("name")).fetchAll($0) }
        guard let preset = all.first(where: { $0.name == name }) else {
            throw EngineError.invalid("unknown preset '\(name)'; presets: \(all.map(\.name).joined(separator: ", "))")
        }
        return preset
    }

    /// Where a job on `input` writes, checked: the input exists and is a file, the output
    /// is not the input (unless replacing) and does not exist yet.
    func target(for input: String, recipe: TranscodeRecipe, output: String?, suffix: String) throws -> String {
        guard input.hasPrefix("/") else { throw EngineError.invalid("\(input): give an absolute path") }
        var st = stat()
        guard stat(input, &st) == 0 else { throw EngineError.invalid("\(input): \(String(cString: strerror(errno)))") }
        guard (st.st_mode & S_IFMT) == S_IFREG else { throw EngineError.invalid("\(input) is not a regular file") }
        guard !OutputNaming.isTemp(input) else { throw EngineError.invalid("\(input) is a seedtui temporary file") }
        if recipe.sidecarsOnly {
            if output != nil { throw EngineError.invalid("this preset writes .srt sidecars beside the file; --output does not apply") }
            return OutputNaming.sidecarPattern(input: input)
        }
        let container = OutputNaming.container(for: recipe, input: input)
        var target: String
        if let output {
            let path = (output.expandingTilde as NSString).standardizingPath
            guard path.hasPrefix("/") else { throw EngineError.invalid("--output '\(output)' must be an absolute path") }
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
                let moved = (path as NSString).appendingPathComponent((input as NSString).lastPathComponent)
                target = OutputNaming.target(input: moved, container: container, replace: false, suffix: suffix)
            } else {
                let ext = (path as NSString).pathExtension.lowercased()
                guard ext == RecipeContainers.ext(container) else {
                    throw EngineError.invalid("--output must end in .\(RecipeContainers.ext(container)): this preset writes \(container)")
                }
                target = path
            }
            if target == input && !recipe.replace {
                throw EngineError.invalid("--output is the input itself; add --replace to replace the original")
            }
        } else {
            target = OutputNaming.target(input: input, container: container, replace: recipe.replace, suffix: suffix)
        }
        let directory = (target as NSString).deletingLastPathComponent
        guard access(directory, W_OK) == 0 else { throw EngineError.invalid("cannot write in \(directory): \(String(cString: strerror(errno)))") }
        if target != input && FileManager.default.fileExists(atPath: target) {
            throw EngineError.invalid("\(target) already exists; remove it or choose --output")
        }
        return target
    }

    // MARK: Rules applied to the library

    /// `transcode --auto`: every rule over its library's catalogue. Items the catalogue has
    /// seen change (size or mtime) are probed again; the rest use the stored probe.
    func auto(dryRun: Bool, priority: Int) async throws -> Methods.TranscodeSubmit.Result {
        let rules = try await store.pool.read { try TranscodeRule.order(Column("id")).fetchAll($0) }
        guard !rules.isEmpty else {
            throw EngineError.invalid("no rules yet; add one with `rules add --library PATH --when '…' --then '…'`")
        }
        let presets = try await store.pool.read { try TranscodePreset.fetchAll($0) }
        var skipped: [Methods.JobSkip] = []
        var parsed: [(rule: TranscodeRule, condition: RuleCondition, recipe: TranscodeRecipe, preset: String?)] = []
        for rule in rules {
            do {
                let condition = try RuleCondition.parse(rule.condition)
                let action = try RuleAction.parse(rule.action)
                let recipe = try action.resolve { name in presets.first { $0.name == name } }
                parsed.append((rule, condition, recipe, action.preset))
            } catch {
                skipped.append(.init(input: rule.library, reason: "rule #\(rule.id ?? 0) cannot be used: \(error.description)"))
            }
        }
        let history = RuleDecision.History(jobs: try await store.pool.read { try TranscodeJob.fetchAll($0) })
        var intents: [Intent] = []
        var checked = 0
        let extensions = MediaExtensions.video.union(MediaExtensions.audio)
        for library in Set(parsed.map(\.rule.library)).sorted() {
            let mine = parsed.filter { $0.rule.library == library }
            // Through a cursor: a root may hold a million files, and only the values are kept.
            let rows = try await store.pool.read { db in
                try Array(Row.fetchCursor(db, sql: """
                    SELECT i.path, i.size, i.mtime_ns, i.detail_json FROM library_item i JOIN library_root r ON r.id = i.root_id
                    WHERE r.path = ? AND i.error IS NULL ORDER BY i.path
                    """, arguments: [library]).map { (path: $0[0] as String, size: $0[1] as Int64, mtime: $0[2] as Int64, detail: $0[3] as String?) })
            }
            for (path, size, mtime, detail) in rows {
                guard extensions.contains((path as NSString).pathExtension.lowercased()) else { continue }
                var st = stat()
                guard stat(path, &st) == 0 else { continue }
                checked += 1
                var probe: ProbeResult?
                if size == Int64(st.st_size), mtime == DirectoryWalker.nanoseconds(st.st_mtim), let detail {
                    probe = (try? JSONDecoder().decode(ItemDetail.self, from: Data(detail.utf8)))?.probe
                }
                if probe == nil { probe = try? MediaProbe.probe(path: path) }
                guard let probe else { continue }
                guard let fired = mine.first(where: { $0.condition.matches(probe) }) else { continue }
                let target = fired.recipe.sidecarsOnly ? OutputNaming.sidecarPattern(input: path)
                    : OutputNaming.target(input: path, container: OutputNaming.container(for: fired.recipe, input: path),
                                          replace: fired.recipe.replace, suffix: fired.preset ?? "transcoded")
                switch RuleDecision.decide(recipe: fired.recipe, probe: probe, target: target, history: history) {
                case .skip(let why):
                    skipped.append(.init(input: path, reason: "rule #\(fired.rule.id ?? 0): \(why)"))
                case .run:
                    intents.append(Intent(input: path, target: target, recipe: fired.recipe, preset: fired.preset, rule: fired.rule.id))
                }
            }
        }
        return try await enqueue(intents, skipped: skipped, checked: checked, dryRun: dryRun, priority: priority)
    }
}
