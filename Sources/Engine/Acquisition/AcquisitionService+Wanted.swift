import Foundation
import GRDB

extension AcquisitionService {
    // MARK: Profiles

    /// A profile by name (built-in or saved), or the kind's built-in one when `name` is nil.
    func profile(named name: String?, kind: ReleaseInfo.Kind) async throws -> QualityProfile {
        guard let name else { return QualityProfile.builtin(for: kind) }
        return try await profileEntry(named: name).profile
    }

    func profileEntry(named name: String) async throws -> Methods.ProfileEntry {
        if let b = QualityProfile.builtins.first(where: { $0.name.caseInsensitiveCompare(name) == .orderedSame }) {
            return .init(profile: b, builtin: true)
        }
        let json = try await store.pool.read {
            try String.fetchOne($0, sql: "SELECT profile_json FROM quality_profile WHERE name = ? COLLATE NOCASE", arguments: [name])
        }
        guard let json else { throw EngineError.notFound("no profile named '\(name)'; `profile list` shows them") }
        do {
            return .init(profile: try JSONDecoder().decode(QualityProfile.self, from: Data(json.utf8)), builtin: false)
        } catch {
            throw EngineError.failed("profile '\(name)' is stored unreadably; add it again with `profile add \(name) --replace …`")
        }
    }

    func profiles() async throws -> [Methods.ProfileEntry] {
        let stored = try await store.pool.read { try String.fetchAll($0, sql: "SELECT profile_json FROM quality_profile ORDER BY name") }
        let saved = stored.compactMap { try? JSONDecoder().decode(QualityProfile.self, from: Data($0.utf8)) }
        return QualityProfile.builtins.map { .init(profile: $0, builtin: true) } + saved.map { .init(profile: $0, builtin: false) }
    }

    func saveProfile(_ profile: QualityProfile, replace: Bool) async throws -> Methods.ProfileEntry {
        var p = profile
        p.name = p.name.trimmingCharacters(in: .whitespaces)
        try p.validate()
        if QualityProfile.builtins.contains(where: { $0.name.caseInsensitiveCompare(p.name) == .orderedSame }) {
            throw EngineError.invalid("profile '\(p.name)' is built in and read-only; add a copy under another name with --from \(p.name)")
        }
        let json = String(decoding: try JSONEncoder().encode(p), as: UTF8.self)
        let saved = p
        try await store.pool.write { db in
            let exists = try Int.fetchOne(db, sql: "SELECT count(*) FROM quality_profile WHERE name = ? COLLATE NOCASE", arguments: [saved.name]) ?? 0
            if exists > 0 && !replace { throw EngineError.invalid("profile '\(saved.name)' exists; add --replace to overwrite it") }
            try db.execute(sql: """
                INSERT INTO quality_profile(name, profile_json, updated_at) VALUES (?, ?, ?)
                ON CONFLICT(name) DO UPDATE SET profile_json = excluded.profile_json, updated_at = excluded.updated_at
                """, arguments: [saved.name, json, Self.now()])
        }
        history.record(.info, "profile", hash: nil, id: nil, "quality profile '\(p.name)' saved")
        return .init(profile: p, builtin: false)
    }

    func removeProfile(named name: String) async throws {
        let entry = try await profileEntry(named: name)
        if entry.builtin { throw EngineError.invalid("profile '\(entry.profile.name)' is built in and cannot be removed") }
        try await store.pool.write { db in
            let users = try Int.fetchOne(db, sql: "SELECT count(*) FROM wanted WHERE profile = ? COLLATE NOCASE", arguments: [entry.profile.name]) ?? 0
            if users > 0 {
                throw EngineError.invalid("profile '\(entry.profile.name)' is used by \(users) wanted item(s); remove them or give them another profile first")
            }
            try db.execute(sql: "DELETE FROM quality_profile WHERE name = ? COLLATE NOCASE", arguments: [entry.profile.name])
        }
    }

    // MARK: Wanted

    func addWanted(_ r: Methods.WantedAdd) async throws -> WantedItem {
        let title = r.title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty, title.count <= 300, !title.contains(where: \.isNewline) else {
            throw EngineError.invalid("a wanted title must be one line of 1–300 characters")
        }
        if let y = r.year, !(1800...2200).contains(y) { throw EngineError.invalid("--year \(y) is not a plausible year") }
        if r.season != nil || r.episode != nil {
            guard r.type == .tv else { throw EngineError.invalid("--season and --episode are for tv, not \(r.type.rawValue)") }
        }
        if let s = r.season, !(0...10_000).contains(s) { throw EngineError.invalid("--season must be 0 or more") }
        if let e = r.episode {
            guard r.season != nil else { throw EngineError.invalid("--episode needs --season") }
            guard (0...100_000).contains(e) else { throw EngineError.invalid("--episode must be 0 or more") }
        }
        var profileName: String?
        if let p = r.profile { profileName = try await profileEntry(named: p).profile.name }
        var item = WantedItem(type: r.type, title: title, year: r.year, season: r.season, episode: r.episode,
                              profile: profileName, addedAt: Self.now())
        item.imdbId = IndexerFeedParser.imdb(r.imdbId)
        if r.imdbId != nil && item.imdbId == nil { throw EngineError.invalid("--imdb '\(r.imdbId!)' is not an IMDb id such as tt0111161") }
        item.tvdbId = r.tvdbId
        item.tmdbId = r.tmdbId
        let draft = item
        do {
            item = try await store.pool.write { db in
                var i = draft
                try i.insert(db)
                return i
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            throw EngineError.invalid("\(draft.label) is already wanted; `wanted list` shows it")
        }
        history.record(.info, "wanted", hash: nil, id: nil, "wanted: \(item.type.rawValue) \(item.label)")
        return item
    }

    func listWanted(type: WantedType?, status: WantedItem.Status?) async throws -> [WantedItem] {
        try await store.pool.read { db in
            var request = WantedItem.all()
            if let type { request = request.filter(Column("type") == type.rawValue) }
            if let status { request = request.filter(Column("status") == status.rawValue) }
            return try request.order(Column("id")).fetchAll(db)
        }
    }

    /// The wanted list and recent history when they changed since `since` (see `Methods.WantedWatch`).
    func watchWanted(since: String?) async throws -> Methods.WantedWatch.Result {
        let signature = wantedRevision.signature
        if signature == since { return .init(signature: signature, items: nil, history: nil) }
        let items = try await listWanted(type: nil, status: nil)
        let history = try await acquisitionHistory(limit: Methods.WantedWatch.historyLimit, wantedId: nil)
        return .init(signature: signature, items: items, history: history)
    }

    func removeWanted(id: Int64) async throws {
        let removed = try await store.pool.write { try WantedItem.deleteOne($0, key: id) }
        guard removed else { throw EngineError.notFound("no wanted item #\(id); `wanted list` shows them") }
        history.record(.info, "wanted", hash: nil, id: nil, "wanted item #\(id) removed")
    }
}
