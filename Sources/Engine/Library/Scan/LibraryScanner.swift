import Foundation
import GRDB

/// One scan of one root (or of a folder inside it): walk, compare with the catalogue,
/// read only what is new or changed, write in batches, drop what vanished.
///
/// A file is unchanged when its size, modification time, device and inode match the row and its
/// folder has not changed since the last scan (a folder change can add or remove a sidecar).
/// A file that disappeared from one path and appeared at another with the same inode, size and
/// time is a move: its row, and so its id, follows it.
struct LibraryScanner {
    let store: Store
    let root: LibraryRootRecord
    /// Scan only this folder inside the root (nil: the whole root).
    let subtree: String?
    let full: Bool
    let limits: ProbeLimits
    let progress: ScanProgressBox
    let batchSize = 256

    private struct Indexed {
        var id: Int64
        var dev: Int64
        var ino: Int64
        var size: Int64
        var mtimeNs: Int64
    }

    private struct Work {
        var file: WalkedFile
        var sidecars: FolderSidecars
        var existingId: Int64?
        var moved = false
    }

    /// Runs the scan on the calling thread; returns the nanosecond time it started (the root's new `scanned_at`).
    func run() throws -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let startedNs = DirectoryWalker.nanoseconds(now)
        let rootId = root.id!
        let top = subtree ?? root.path
        let lastScan = full ? Int64.max : (root.scannedAt ?? 0)
        let extensions = root.type.extensions

        // The catalogue's rows load on another core while this one walks the tree.
        nonisolated(unsafe) var loaded: Result<[String: Indexed], Error> = .success([:])
        let indexLoaded = DispatchSemaphore(value: 0)
        let store = self.store, folder = subtree
        let progress = self.progress
        DispatchQueue.global(qos: .userInitiated).async {
            let t = Date()
            loaded = Result { try Self.loadIndex(store, rootId: rootId, under: folder) }
            progress.update { $0.timings["index", default: 0] += Date().timeIntervalSince(t) }
            indexLoaded.signal()
        }
        var clock = Date()
        func lap(_ phase: String) {
            let now = Date()
            progress.update { $0.timings[phase, default: 0] += now.timeIntervalSince(clock) }
            clock = now
        }
        progress.update { $0.phase = .walking }
        var directories: [WalkedDirectory] = []
        DirectoryWalker.walk(root: top, visit: { dir in
            var media = dir
            media.files = dir.files.filter { f in
                extensions.contains(DirectoryWalker.lowercasedExtension(f.name)) && !f.name.hasSuffix(".info.json")
            }
            guard !media.files.isEmpty else { return }
            if media.files.count != dir.files.count { media.siblings = dir.files.map(\.name) }
            directories.append(media)
            progress.update { $0.seen += media.files.count }
        }, problem: { p in
            progress.problem(p.message)
        })
        lap("walk")
        indexLoaded.wait()
        lap("wait")
        var index = try loaded.get()

        var work: [Work] = []
        var fresh: [Int] = []   // indexes into work of files with no row at their path
        for dir in directories {
            let folderChanged = root.scannedAt == nil || dir.mtimeNs >= lastScan
            var sidecars: FolderSidecars?   // made once per folder, and only when a file of it is read
            func folderSidecars() -> FolderSidecars {
                if let sidecars { return sidecars }
                let made = FolderSidecars(names: dir.siblings ?? dir.files.map(\.name))
                sidecars = made
                return made
            }
            for file in dir.files {
                if let row = index.removeValue(forKey: file.path) {
                    let same = row.size == file.size && row.mtimeNs == file.mtimeNs && row.ino == file.ino && row.dev == file.dev
                    if same && !folderChanged && !full { continue }
                    work.append(Work(file: file, sidecars: folderSidecars(), existingId: row.id))
                } else {
                    fresh.append(work.count)
                    work.append(Work(file: file, sidecars: folderSidecars(), existingId: nil))
                }
            }
        }
        directories = []
        progress.update { $0.changed = work.count }
        lap("compare")

        // What is left in the index vanished from its path; a fresh file with its identity is a move.
        var byIdentity: [String: (path: String, id: Int64)] = [:]
        for (path, row) in index { byIdentity["\(row.dev):\(row.ino):\(row.size):\(row.mtimeNs)"] = (path, row.id) }
        var moved = 0
        for i in fresh {
            let f = work[i].file
            if let old = byIdentity.removeValue(forKey: "\(f.dev):\(f.ino):\(f.size):\(f.mtimeNs)") {
                work[i].existingId = old.id
                work[i].moved = true
                index.removeValue(forKey: old.path)
                moved += 1
            }
        }
        let vanished = index.values.map(\.id)
        progress.update { $0.phase = .removing; $0.moved = moved }
        try remove(vanished)
        progress.update { $0.removed = vanished.count; $0.phase = .reading; $0.changed = work.count }
        lap("remove")

        let builder = ItemBuilder(rootPath: root.path, type: root.type, limits: limits)
        var start = 0
        while start < work.count {
            let batch = Array(work[start..<min(start + batchSize, work.count)])
            let built = Self.buildAll(batch, builder: builder)
            try write(built, batch: batch, rootId: rootId)
            let failures = built.filter { $0.item.error != nil }
            for f in failures.prefix(10) { progress.problem(f.item.error!) }
            let added = batch.filter { $0.existingId == nil }.count
            progress.update {
                $0.read += batch.count
                $0.added += added
                $0.updated += batch.count - added
                $0.failed += failures.count
            }
            start += batchSize
        }
        lap("read")
        return startedNs
    }

    /// Builds a batch on every core.
    private static func buildAll(_ batch: [Work], builder: ItemBuilder) -> [BuiltItem] {
        let out = UnsafeMutableBufferPointer<BuiltItem?>.allocate(capacity: batch.count)
        out.initialize(repeating: nil)
        defer { out.deallocate() }
        nonisolated(unsafe) let slots = out
        DispatchQueue.concurrentPerform(iterations: batch.count) { i in
            slots[i] = builder.build(batch[i].file, sidecars: batch[i].sidecars)
        }
        return out.map { $0! }
    }

    private static func loadIndex(_ store: Store, rootId: Int64, under folder: String?) throws -> [String: Indexed] {
        try store.pool.read { db in
            var index: [String: Indexed] = [:]
            let sql: String
            var arguments: StatementArguments = [rootId]
            if let folder {
                sql = "SELECT path, id, dev, ino, size, mtime_ns FROM library_item WHERE root_id = ? AND path > ? AND path < ?"
                arguments += [folder + "/", folder + "0"]
            } else {
                sql = "SELECT path, id, dev, ino, size, mtime_ns FROM library_item WHERE root_id = ?"
            }
            let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            while let row = try rows.next() {
                index[row[0]] = Indexed(id: row[1], dev: row[2], ino: row[3], size: row[4], mtimeNs: row[5])
            }
            return index
        }
    }

    private func remove(_ ids: [Int64]) throws {
        guard !ids.isEmpty else { return }
        try store.pool.write { db in
            for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) }) {
                let list = chunk.map(String.init).joined(separator: ",")
                try db.execute(sql: "DELETE FROM library_fts WHERE rowid IN (\(list))")
                try db.execute(sql: "DELETE FROM library_item WHERE id IN (\(list))")
            }
        }
    }

    private func write(_ built: [BuiltItem], batch: [Work], rootId: Int64) throws {
        let encoder = JSONEncoder()
        let details = built.map { (try? encoder.encode($0.detail)).map { String(decoding: $0, as: UTF8.self) } }
        let now = Int64(Date().timeIntervalSince1970)
        try store.pool.write { db in
            var nextId = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'library_item'") ?? 0
            let insert = try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO library_item(id, root_id, path, dev, ino, size, mtime_ns, kind, title, series, season,
                    artist, album, author, year, duration, error, item_json, detail_json, scanned_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let dropText = try db.cachedStatement(sql: "DELETE FROM library_fts WHERE rowid = ?")
            let addText = try db.cachedStatement(sql: "INSERT INTO library_fts(rowid, title, series, artist, album, author, tags) VALUES (?, ?, ?, ?, ?, ?, ?)")
            for (i, b) in built.enumerated() {
                var item = b.item
                let f = batch[i].file
                if let id = batch[i].existingId {
                    item.id = id
                    try dropText.execute(arguments: [id])
                } else {
                    nextId += 1
                    item.id = nextId
                }
                let json = String(decoding: item.jsonBytes(), as: UTF8.self)
                try insert.execute(arguments: [
                    item.id, rootId, item.path, f.dev, f.ino, f.size, f.mtimeNs, item.type.rawValue, item.title, item.series, item.season,
                    item.artist ?? item.albumArtist, item.album, item.author, item.year, item.duration, item.error, json, details[i], now,
                ])
                try addText.execute(arguments: [item.id, item.title, item.series ?? item.episodeTitle, [item.artist, item.albumArtist].compactMap { $0 }.joined(separator: " "),
                                                item.album, [item.author, item.narrator].compactMap { $0 }.joined(separator: " "), b.searchTags])
            }
        }
    }
}
