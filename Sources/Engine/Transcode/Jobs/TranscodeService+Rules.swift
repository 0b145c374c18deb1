import Foundation
import GRDB

extension TranscodeService {
    // MARK: Rules

    func addRule(_ request: Methods.TranscodeRuleAdd) async throws -> Methods.RuleView {
        let folder = try LibraryService.canonicalFolder(request.library)
        let roots = try await store.pool.read { try String.fetchAll($0, sql: "SELECT path FROM library_root ORDER BY path") }
        guard roots.contains(folder) else {
            if let root = roots.first(where: { folder.hasPrefix($0 + "/") }) {
                throw EngineError.invalid("rules belong to a library root: \(folder) is inside \(root); give --library \(root)")
            }
            throw EngineError.invalid("\(folder) is not a library; add it with `library add \(folder) --type T` first")
        }
        do { _ = try RuleCondition.parse(request.when) } catch { throw error.engineError("--when") }
        let presets = try await store.pool.read { try TranscodePreset.fetchAll($0) }
        do {
            _ = try RuleAction.parse(request.then).resolve { name in presets.first { $0.name == name } }
        } catch {
            throw error.engineError("--then")
        }
        var rule = TranscodeRule(library: folder, condition: request.when.trimmingCharacters(in: .whitespaces),
                                 action: request.then.trimmingCharacters(in: .whitespaces), createdAt: Int64(Date().timeIntervalSince1970))
        let inserted = rule
        rule = try await store.pool.write { db -> TranscodeRule in
            var r = inserted
            try r.insert(db)
            return r
        }
        history.record(.info, "transcode", hash: nil, id: nil, "rule #\(rule.id!) added for \(folder): when \(rule.condition) then \(rule.action)")
        return ruleView(rule, presets: presets)
    }

    func rules() throws -> [Methods.RuleView] {
        let (rules, presets) = try store.pool.read { db in
            (try TranscodeRule.order(Column("id")).fetchAll(db), try TranscodePreset.fetchAll(db))
        }
        return rules.map { ruleView($0, presets: presets) }
    }

    func removeRule(_ id: Int64) throws {
        let deleted = try store.pool.write { try TranscodeRule.deleteOne($0, key: id) }
        guard deleted else { throw EngineError.notFound("no rule #\(id); `rules list` shows them") }
        history.record(.info, "transcode", hash: nil, id: nil, "rule #\(id) removed")
    }

    func ruleView(_ rule: TranscodeRule, presets: [TranscodePreset]) -> Methods.RuleView {
        var view = Methods.RuleView(id: rule.id ?? 0, library: rule.library, when: rule.condition, then: rule.action)
        do {
            _ = try RuleCondition.parse(rule.condition)
            view.does = try RuleAction.parse(rule.action).resolve { name in presets.first { $0.name == name } }.summary
        } catch {
            view.problem = error.description
        }
        return view
    }

    /// Which rule fires for `file` (the first, by id, whose library holds the file and whose
    /// condition holds), whether it would run, and its exact argv.
    func testRules(file raw: String) async throws -> Methods.TranscodeRuleTest.Result {
        let file = (raw.expandingTilde as NSString).standardizingPath
        guard file.hasPrefix("/") else { throw EngineError.invalid("\(raw): give an absolute path") }
        let probe: ProbeResult
        do {
            probe = try MediaProbe.probe(path: file)
        } catch {
            throw EngineError.invalid(error.message)
        }
        let (rules, presets, jobs) = try await store.pool.read { db in
            (try TranscodeRule.order(Column("id")).fetchAll(db), try TranscodePreset.fetchAll(db),
             try TranscodeJob.filter(Column("input") == file).fetchAll(db))
        }
        var result = Methods.TranscodeRuleTest.Result(file: file, rules: [], notes: [])
        var fired: (rule: TranscodeRule, recipe: TranscodeRecipe, preset: String?)?
        for rule in rules {
            let covers = rule.covers(file)
            var matches = false
            if let condition = try? RuleCondition.parse(rule.condition) { matches = condition.matches(probe) }
            result.rules.append(.init(id: rule.id ?? 0, library: rule.library, when: rule.condition, then: rule.action,
                                      covers: covers, matches: matches))
            if fired == nil && covers && matches {
                do {
                    let action = try RuleAction.parse(rule.action)
                    fired = (rule, try action.resolve { name in presets.first { $0.name == name } }, action.preset)
                } catch {
                    result.notes.append("rule #\(rule.id ?? 0) matches but cannot be used: \(error.description)")
                }
            }
        }
        guard let fired else {
            if rules.isEmpty { result.notes.append("no rules yet") }
            else if !rules.contains(where: { $0.covers(file) }) { result.notes.append("no rule's library holds this file") }
            return result
        }
        result.fired = fired.rule.id
        let target = fired.recipe.sidecarsOnly ? OutputNaming.sidecarPattern(input: file)
            : OutputNaming.target(input: file, container: OutputNaming.container(for: fired.recipe, input: file),
                                  replace: fired.recipe.replace, suffix: fired.preset ?? "transcoded")
        result.target = target
        switch RuleDecision.decide(recipe: fired.recipe, probe: probe, target: target, history: RuleDecision.History(jobs: jobs)) {
        case .skip(let why):
            result.decision = "skip"
            result.reason = why
        case .run:
            result.decision = "run"
        }
        let planned = await plan(Intent(input: file, target: target, recipe: fired.recipe, preset: fired.preset, rule: fired.rule.id),
                                 priority: 0, now: Int64(Date().timeIntervalSince1970))
        result.argv = planned.argv
        result.notes += planned.notes
        if let why = planned.reason, result.decision == "run" { result.reason = why }
        return result
    }

    // MARK: Presets

    func presets() throws -> Methods.TranscodePresets.Result {
        let all = try store.pool.read { try TranscodePreset.order(Column("builtin").desc, Column("name")).fetchAll($0) }
        return .init(presets: all.map(presetView), toneMapping: ffmpegPath == nil ? "ffmpeg not found" : filters.toneMapSummary)
    }

    func presetView(_ p: TranscodePreset) -> Methods.PresetView {
        .init(name: p.name, summary: p.summary, builtin: p.builtin, does: p.recipe.summary, recipe: p.recipe)
    }

    func savePreset(_ request: Methods.TranscodePresetSave) async throws -> Methods.PresetView {
        guard TranscodePreset.validName(request.name) else {
            throw EngineError.invalid("preset name '\(request.name)' may hold letters, digits, - and _ (at most 64)")
        }
        let existing = try await store.pool.read { try TranscodePreset.fetchAll($0) }
        if existing.contains(where: { $0.name == request.name && $0.builtin }) {
            throw EngineError.invalid("\(request.name) is a built-in preset; save yours under another name")
        }
        let recipe: TranscodeRecipe
        do {
            recipe = try RuleAction.parse(request.recipe).resolve { name in existing.first { $0.name == name } }
        } catch {
            throw error.engineError("--recipe")
        }
        let preset = TranscodePreset(name: request.name, summary: request.summary ?? recipe.summary, recipe: recipe, builtin: false)
        try await store.pool.write { try preset.save($0) }
        return presetView(preset)
    }

    func removePreset(_ name: String) async throws {
        let (preset, users) = try await store.pool.read { db in
            (try TranscodePreset.fetchOne(db, key: name), try TranscodeRule.fetchAll(db))
        }
        guard let preset else { throw EngineError.notFound("no preset '\(name)'; `presets list` shows them") }
        guard !preset.builtin else { throw EngineError.invalid("\(name) is built in and cannot be removed") }
        if let rule = users.first(where: { (try? RuleAction.parse($0.action))?.preset == name }) {
            throw EngineError.invalid("rule #\(rule.id ?? 0) uses preset \(name); remove the rule first (`rules remove \(rule.id ?? 0)`)")
        }
        _ = try await store.pool.write { try TranscodePreset.deleteOne($0, key: name) }
    }
}
