import Foundation
import GRDB

extension AcquisitionService {
    // MARK: Imports

    /// A grabbed torrent finished: import its main files, or record why not and blocklist it.
    ///
    /// Torrents that were not grabbed here are left alone. On failure the item goes back to
    /// wanted (unless a file was imported before), so the next sync tries the next best release.
    func downloadCompleted(torrentId: Int64) async {
        guard let links, importing.insert(torrentId).inserted else { return }
        defer { importing.remove(torrentId) }
        do {
            let grab = try await store.pool.read {
                try Row.fetchOne($0, sql: "SELECT * FROM grab_history WHERE torrent_id = ? AND state = 'grabbed' ORDER BY id DESC LIMIT 1",
                                 arguments: [torrentId])
                    .map(CompletedGrab.init)
            }
            guard let grab, let snapshot = await links.torrents.snapshot(torrentId) else { return }
            let grabId = grab.identity.id
            var wanted: WantedItem?
            if let wantedId = grab.identity.wantedId { wanted = try await store.pool.read { try WantedItem.fetchOne($0, key: wantedId) } }
            let type = wanted?.type ?? grab.wantedType.flatMap(WantedType.init(rawValue:))
            let content = (snapshot.savePath as NSString).appendingPathComponent(snapshot.name)
            do {
                guard let type else {
                    throw EngineError.invalid("the grab of '\(grab.identity.title)' has no type; import it with `import PATH --type T`")
                }
                let report = try await importContent(content, type: type, wanted: wanted, release: grab.identity.title, quality: grab.quality,
                                                     grabId: grabId, torrentId: torrentId)
                let now = Self.now()
                try await store.pool.write { db in
                    try db.execute(sql: "UPDATE grab_history SET state = 'imported', imported_at = ? WHERE id = ?", arguments: [now, grabId])
                }
                history.record(.info, "import", hash: nil, id: torrentId,
                               "imported \(report.files.map(\.target).joined(separator: ", ")) (\(report.files.map(\.mode).joined(separator: ", ")))")
            } catch {
                let message = (error as? EngineError)?.message ?? "\(error)"
                await importFailed(grab: grab, torrentId: torrentId, source: content, message: message)
            }
        } catch {
            logger.error("import of torrent #\(torrentId) could not be recorded: \(error)")
        }
    }

    /// Records a failed import, blocklists the release and puts the item back to wanted.
    func importFailed(grab: CompletedGrab, torrentId: Int64, source: String, message: String) async {
        let ended = grab.identity
        let grabId = ended.id, wantedId = ended.wantedId, quality = grab.quality, title = ended.title
        let now = Self.now()
        do {
            try await store.pool.write { db in
                try db.execute(sql: """
                    INSERT INTO import_history(grab_id, wanted_id, torrent_id, source, state, message, quality, at)
                    VALUES (?, ?, ?, ?, 'failed', ?, ?, ?)
                    """, arguments: [grabId, wantedId, torrentId, source, message, quality, now])
                _ = try Self.endGrab(db, grab: ended, state: "failed", message: message, blocklistReason: "import failed: \(message)", at: now)
            }
        } catch {
            logger.error("the failed import of \(title) could not be recorded: \(error)")
        }
        history.record(.error, "import", hash: nil, id: torrentId, "import of \(title) failed: \(message); the release is blocklisted")
    }

    /// `import PATH --wanted ID | --type T`: a download that no grab matched.
    func manualImport(path raw: String, wantedId: Int64?, type requested: WantedType?) async throws -> ImportReport {
        let path = (raw.expandingTilde as NSString).standardizingPath
        guard path.hasPrefix("/") else { throw EngineError.invalid("import path '\(raw)' must be absolute") }
        guard FileManager.default.fileExists(atPath: path) else { throw EngineError.notFound("\(path) does not exist") }
        var wanted: WantedItem?
        if let wantedId {
            wanted = try await store.pool.read { try WantedItem.fetchOne($0, key: wantedId) }
            guard wanted != nil else { throw EngineError.notFound("no wanted item #\(wantedId); `wanted list` shows them") }
        }
        guard let type = wanted?.type ?? requested else { throw EngineError.invalid("say what it is: --wanted ID or --type tv|movie|music|book|audiobook|comic") }
        if let wanted, let requested, requested != wanted.type {
            throw EngineError.invalid("wanted #\(wanted.id ?? 0) is \(wanted.type.rawValue), not \(requested.rawValue); drop --type")
        }
        let release = (path as NSString).lastPathComponent
        let item = wanted
        let quality = ReleaseParser.parse(release, hint: type.releaseKind).quality
        do {
            let report = try await importContent(path, type: type, wanted: item, release: release, quality: quality, grabId: nil, torrentId: nil)
            history.record(.info, "import", hash: nil, id: nil, "imported by hand: \(report.files.map(\.target).joined(separator: ", "))")
            return report
        } catch let error as EngineError {
            let now = Self.now()
            try? await store.pool.write { db in
                try db.execute(sql: "INSERT INTO import_history(wanted_id, source, state, message, quality, at) VALUES (?, ?, 'failed', ?, ?, ?)",
                               arguments: [item?.id, path, error.message, quality, now])
            }
            throw error
        }
    }

    /// Links the main files of `content` into the library of `type`, records each, scans the
    /// folder and marks the wanted item imported with the quality.
    func importContent(_ content: String, type: WantedType, wanted: WantedItem?, release: String?, quality: String?,
                       grabId: Int64?, torrentId: Int64?) async throws -> ImportReport {
        guard let links else { throw EngineError.failed("the engine is still starting; try the import again in a moment") }
        let libraryType = ImportPlanner.libraryType(for: type)
        let roots = try await store.pool.read { try LibraryRootRecord.filter(Column("type") == libraryType.rawValue).order(Column("path")).fetchAll($0) }
        guard let root = roots.first else {
            throw EngineError.invalid("no \(libraryType.rawValue) library to import into; add one with `library add PATH --type \(libraryType.rawValue)`")
        }
        // Tags are read from the files here; off the actor, so a slow disk holds up nothing else.
        let item = wanted
        let planned = try await Task.detached {
            try ImportPlanner.plan(content: content, type: type, wanted: item, release: release, quality: quality)
        }.value
        let naming = await links.naming()
        var report = ImportReport(files: [], wantedId: wanted?.id, quality: quality, scanned: nil)
        // All the files or none: a file that cannot be placed (or a history that cannot be
        // written) takes back the links this import made, so no library file goes unrecorded.
        var made: [LibraryLinker.Placement] = []
        func undo() {
            // Newest first, so a folder made for an earlier file is empty when its turn comes.
            for placement in made.reversed() {
                if placement.mode != .existing { unlink(placement.target) }
                LibraryLinker.removeEmpty(placement.createdFolders)
            }
        }
        do {
            for file in planned {
                guard let relative = naming.importPath(for: file.facts, type: libraryType, ext: file.ext) else {
                    throw EngineError.failed("the \(libraryType.rawValue) naming template gives no usable path for \((file.source as NSString).lastPathComponent); check `config get naming_*`")
                }
                let placed = try LibraryLinker.place(source: file.source, root: root.path, relative: relative)
                made.append(placed)
                report.files.append(.init(source: file.source, target: placed.target, mode: placed.mode.rawValue))
            }
        } catch {
            let linked = made.filter { $0.mode != .existing }.count
            undo()
            if linked > 0 { logger.info("import of \(content) stopped: \(linked) file(s) it had linked were taken back") }
            throw error
        }
        let now = Self.now()
        let done = report
        do {
            try await record(done, grabId: grabId, wanted: wanted, torrentId: torrentId, quality: quality, at: now)
        } catch {
            undo()
            throw error
        }
        // The top folder under the root that holds the import (the series or film folder).
        if let first = report.files.first {
            let relative = String(first.target.dropFirst((LibraryLinker.realPath(root.path) ?? root.path).count + 1))
            let top = relative.split(separator: "/").first.map(String.init) ?? ""
            let folder = relative.contains("/") ? (LibraryLinker.realPath(root.path) ?? root.path) + "/" + top : root.path
            _ = try? await links.library.startScan(path: folder, full: false)
            report.scanned = folder
        }
        return report
    }

    /// One history row per file and the wanted item's new state, in one transaction.
    private func record(_ done: ImportReport, grabId: Int64?, wanted: WantedItem?, torrentId: Int64?, quality: String?, at now: Int64) async throws {
        try await store.pool.write { db in
            for f in done.files {
                let message = f.mode == "copy" ? "copied: the library is on another filesystem than the download" : nil
                try db.execute(sql: """
                    INSERT INTO import_history(grab_id, wanted_id, torrent_id, source, target, mode, state, quality, message, at)
                    VALUES (?, ?, ?, ?, ?, ?, 'imported', ?, ?, ?)
                    """, arguments: [grabId, wanted?.id, torrentId, f.source, f.target, f.mode, quality, message, now])
            }
            if let id = wanted?.id {
                try db.execute(sql: "UPDATE wanted SET status = 'imported', current_quality = ? WHERE id = ?", arguments: [quality ?? "Unknown", id])
            }
        }
    }
}

/// The grab of a download that completed: who it is, and what the import needs to know of it.
struct CompletedGrab: Sendable {
    var identity: GrabIdentity
    /// The wanted item's type when the grab was made: the item may be gone since.
    var wantedType: String?
    var quality: String?

    init(_ row: Row) {
        identity = GrabIdentity(row)
        wantedType = row["wanted_type"]
        quality = row["quality"]
    }
}
