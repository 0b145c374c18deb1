import Foundation
import GRDB

extension LibraryService {
    /// Stored item objects as one JSON array, filtered by type or kind and by a search query.
    nonisolated func list(_ request: Methods.LibraryList) throws -> RawJSON {
        var clauses: [String] = []
        var arguments: StatementArguments = []
        var from = "library_item"
        var order = "library_item.path"
        if let type = request.type?.lowercased(), !type.isEmpty {
            if let library = LibraryType(rawValue: type) ?? Self.typeAliases[type] {
                clauses.append("library_item.root_id IN (SELECT id FROM library_root WHERE type = ?)")
                arguments += [library.rawValue]
            } else if let kind = ItemKind(rawValue: type) ?? Self.kindAliases[type] {
                clauses.append("library_item.kind = ?")
                arguments += [kind.rawValue]
            } else {
                throw EngineError.invalid("unknown type '\(type)'; use a library type (\(LibraryType.allCases.map(\.rawValue).joined(separator: ", "))) or an item kind (\(ItemKind.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
        }
        if let query = request.query {
            guard let match = Self.ftsQuery(query) else { throw EngineError.invalid("search needs at least one word") }
            from = "library_fts JOIN library_item ON library_item.id = library_fts.rowid"
            clauses.append("library_fts MATCH ?")
            arguments += [match]
            order = "library_fts.rank"
        }
        if let ids = request.ids {
            guard ids.count <= 10_000 else { throw EngineError.invalid("ask for at most 10,000 ids at once") }
            clauses.append("library_item.id IN (\(ids.map(String.init).joined(separator: ",")))")
        }
        let limit = max(0, min(request.limit ?? Int.max, Int.max))
        let offset = max(0, request.offset ?? 0)
        let sql = "SELECT library_item.item_json FROM \(from)" + (clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND "))
            + " ORDER BY \(order) LIMIT \(limit == Int.max ? -1 : limit) OFFSET \(offset)"
        return try store.pool.read { db in
            var out: [UInt8] = [UInt8(ascii: "[")]
            let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            var first = true
            while let row = try rows.next() {
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                try row.withUnsafeData(atIndex: 0) { data in if let data { out.append(contentsOf: data) } }
            }
            out.append(UInt8(ascii: "]"))
            return RawJSON(bytes: out)
        }
    }

    static let typeAliases: [String: LibraryType] = ["movie": .movies, "show": .tv, "shows": .tv, "series": .tv, "audiobook": .audiobooks,
                                                     "podcast": .podcasts, "photo": .photos, "book": .books, "ebooks": .books, "comic": .comics]
    static let kindAliases: [String: ItemKind] = ["episodes": .episode, "tracks": .track, "podcast-episode": .podcastEpisode, "extras": .extra, "samples": .sample]

    /// Each word of the user's query as a quoted FTS5 prefix term, so punctuation and FTS
    /// operators in a title are searched for, never interpreted.
    static func ftsQuery(_ text: String) -> String? {
        let words = text.split { !$0.isLetter && !$0.isNumber }.prefix(16)
        guard !words.isEmpty else { return nil }
        return words.map { "\"\($0)\"*" }.joined(separator: " ")
    }

    nonisolated func show(id: Int64) throws -> RawJSON {
        try store.pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT item_json, detail_json FROM library_item WHERE id = ?", arguments: [id]) else {
                throw EngineError.notFound("no library item #\(id); `library list` or `library search` show ids")
            }
            let item: String = row[0]
            let detail: String? = row[1]
            return RawJSON(bytes: Array("{\"item\":\(item),\"detail\":\(detail ?? "null")}".utf8))
        }
    }

    /// Re-reads items by marking them changed and scanning their folders.
    func reprobe(ids: [Int64]) throws -> ScanProgress {
        guard !ids.isEmpty else { throw EngineError.invalid("give the ids of the items to re-read") }
        let paths = try store.pool.write { db -> [String] in
            let list = ids.map(String.init).joined(separator: ",")
            let paths = try String.fetchAll(db, sql: "SELECT path FROM library_item WHERE id IN (\(list))")
            try db.execute(sql: "UPDATE library_item SET mtime_ns = -1 WHERE id IN (\(list))")
            return paths
        }
        guard !paths.isEmpty else { throw EngineError.notFound("no library item with those ids") }
        let folders = Set(paths.map { ($0 as NSString).deletingLastPathComponent })
        var progress: ScanProgress?
        for folder in folders.sorted() { progress = try startScan(path: folder, full: false) }
        return progress!
    }

    /// The facts an item is known by, from its path and its contents, for naming.
    static func facts(_ item: LibraryItem) -> PathFacts {
        var f = PathFacts(kind: item.type)
        f.title = item.type == .episode ? item.episodeTitle : item.title
        f.year = item.year
        f.series = item.series
        f.season = item.season
        f.episodes = item.episodes
        f.absoluteEpisodes = item.absoluteEpisodes
        f.airDate = item.airDate
        f.edition = item.edition
        f.part = item.part
        f.extraType = item.extraType
        f.version = item.version
        f.artist = item.albumArtist ?? item.artist
        f.album = item.album
        f.track = item.track
        f.disc = item.disc
        f.author = item.author
        f.narrator = item.narrator
        f.seriesIndex = item.seriesIndex
        f.number = item.number
        f.volume = item.volume
        f.quality = item.quality
        f.channel = item.channel
        f.videoId = item.videoId
        f.uploadDate = item.uploadDate
        return f
    }

    nonisolated func check(type: String?, naming: LibraryNaming) throws -> [Methods.LibraryCheck.Entry] {
        let raw = try list(Methods.LibraryList(type: type))
        let items = try JSONDecoder().decode([LibraryItem].self, from: Data(raw.bytes))
        var entries: [Methods.LibraryCheck.Entry] = []
        for item in items where item.error == nil {
            let relative = String(item.path.dropFirst(item.root.count + 1))
            let facts = Self.facts(item)
            let ext = (item.path as NSString).pathExtension
            let proposed = naming.proposedPath(for: facts, type: item.library, ext: ext)
            if naming.conforms(relativePath: relative, facts: facts, type: item.library) { continue }
            if proposed == relative { continue }
            let reason = proposed == nil
                ? "a media server would misread this path, and too little is known to propose one; rename it by hand"
                : "a media server would misread this path"
            entries.append(.init(id: item.id, path: item.path, proposed: proposed.map { item.root + "/" + $0 }, reason: reason))
        }
        return entries
    }
}

extension LibraryService {
    /// `library organize`: the check's proposals, renamed when `apply` (inside the item's root only).
    func organize(type: String?, apply: Bool, naming: LibraryNaming, seedingPaths: [String]) throws -> [Methods.LibraryOrganize.Entry] {
        let entries = try check(type: type, naming: naming).filter { entry in
            // Only paths under the item's own root: the proposal is root-relative, this guards the join.
            guard let proposed = entry.proposed else { return true }
            return (proposed as NSString).standardizingPath == proposed
        }
        let result = LibraryOrganizer(seedingPaths: seedingPaths).plan(entries, apply: apply)
        if apply, result.contains(where: { $0.action == "renamed" }) {
            history.record(.info, "library", hash: nil, id: nil, "organize renamed \(result.filter { $0.action == "renamed" }.count) file(s)")
            _ = try? startScan(path: nil, full: false)
        }
        return result
    }
}
