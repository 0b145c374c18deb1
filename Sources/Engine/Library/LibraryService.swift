import Foundation
import GRDB
import Logging

/// The library: roots, scans, the catalogue and its search.
///
/// Scans run one at a time on a thread of their own (they read files for minutes on a large
/// library); socket calls read the catalogue from the database meanwhile, since the pool
/// gives readers their own connections.
public actor LibraryService {
    let store: Store
    let history: History
    let logger: Logger
    private var running: ScanProgressBox?
    private var last: ScanProgress?
    private var queued: [(roots: [LibraryRootRecord], subtree: String?, full: Bool, box: ScanProgressBox)] = []
    private var nextScanId: Int64 = 1
    /// `scan --wait` long polls, resumed when a scan ends.
    private var scanWaiters: [UUID: CheckedContinuation<Void, Never>] = [:]
    var limits = ProbeLimits()

    init(store: Store, history: History, logger: Logger) {
        self.store = store
        self.history = history
        self.logger = logger
    }

    // MARK: Roots

    func addRoot(path raw: String, type: LibraryType, isPrivate: Bool) throws -> LibraryRootRecord {
        let path = try Self.canonicalFolder(raw)
        let roots = try store.pool.read { try LibraryRootRecord.fetchAll($0) }
        for r in roots {
            if r.path == path { throw EngineError.invalid("\(path) is already a \(r.type.rawValue) library") }
            if path.hasPrefix(r.path + "/") || r.path.hasPrefix(path + "/") {
                throw EngineError.invalid("\(path) overlaps the \(r.type.rawValue) library \(r.path); a file belongs to one library, so roots cannot nest")
            }
        }
        var record = LibraryRootRecord(path: path, type: type, isPrivate: isPrivate, addedAt: Int64(Date().timeIntervalSince1970))
        try store.pool.write { try record.insert($0) }
        history.record(.info, "library", hash: nil, id: nil, "library added: \(type.rawValue) at \(path)")
        return record
    }

    func removeRoot(path raw: String) throws -> Int {
        let path = (raw.expandingTilde as NSString).standardizingPath
        let root = try store.pool.read { try LibraryRootRecord.filter(Column("path") == path).fetchOne($0) }
        guard let root, let id = root.id else { throw EngineError.notFound("no library at \(path); `library roots` lists them") }
        let count = try store.pool.write { db -> Int in
            let n = try Int.fetchOne(db, sql: "SELECT count(*) FROM library_item WHERE root_id = ?", arguments: [id]) ?? 0
            try db.execute(sql: "DELETE FROM library_fts WHERE rowid IN (SELECT id FROM library_item WHERE root_id = ?)", arguments: [id])
            try db.execute(sql: "DELETE FROM library_root WHERE id = ?", arguments: [id])
            return n
        }
        history.record(.info, "library", hash: nil, id: nil, "library removed: \(path) (\(count) items forgotten; files untouched)")
        return count
    }

    func roots() throws -> [Methods.LibraryRoots.Root] {
        try store.pool.read { db in
            let counts = try Row.fetchAll(db, sql: "SELECT root_id, count(*), sum(size), sum(error IS NOT NULL) FROM library_item GROUP BY root_id")
            var byRoot: [Int64: (Int, Int64, Int)] = [:]
            for row in counts { byRoot[row[0]] = (row[1], row[2] ?? 0, row[3] ?? 0) }
            return try LibraryRootRecord.order(Column("path")).fetchAll(db).map { r in
                let c = byRoot[r.id!] ?? (0, 0, 0)
                return .init(id: r.id!, path: r.path, type: r.type, isPrivate: r.isPrivate, items: c.0, bytes: c.1, errors: c.2,
                             scannedAt: r.scannedAt.map { Double($0) / 1e9 })
            }
        }
    }

    static func canonicalFolder(_ raw: String) throws -> String {
        let expanded = raw.expandingTilde
        guard expanded.hasPrefix("/") else { throw EngineError.invalid("library path '\(raw)' must be absolute") }
        guard let real = realpath(expanded, nil) else {
            throw EngineError.invalid("\(expanded): \(String(cString: strerror(errno))); create the folder first")
        }
        defer { free(real) }
        let path = String(cString: real)
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue else {
            throw EngineError.invalid("\(path) is not a folder")
        }
        return path
    }

    // MARK: Scans

    /// Queues a scan of every root, of one root, or of a folder inside a root; returns its progress.
    func startScan(path: String?, full: Bool) throws -> ScanProgress {
        let all = try store.pool.read { try LibraryRootRecord.order(Column("path")).fetchAll($0) }
        var targets = all
        var subtree: String?
        if let path {
            let folder = try Self.canonicalFolder(path)
            guard let root = all.first(where: { folder == $0.path || folder.hasPrefix($0.path + "/") }) else {
                throw EngineError.notFound("\(folder) is not inside a library; add it with `library add PATH --type T`")
            }
            targets = [root]
            subtree = folder == root.path ? nil : folder
        }
        guard !targets.isEmpty else { throw EngineError.invalid("no library to scan; add one with `library add PATH --type T`") }
        let id = nextScanId
        nextScanId += 1
        let box = ScanProgressBox(ScanProgress(id: id, roots: targets.map(\.path), full: full))
        queued.append((targets, subtree, full, box))
        if running == nil { runNext() }
        return box.snapshot
    }

    func scanStatus(id: Int64?) -> ScanProgress? {
        if let id {
            if let r = running, r.snapshot.id == id { return r.snapshot }
            if let q = queued.first(where: { $0.box.snapshot.id == id }) { return q.box.snapshot }
            return last?.id == id ? last : nil
        }
        return running?.snapshot ?? last
    }

    private func runNext() {
        guard running == nil, !queued.isEmpty else { return }
        let job = queued.removeFirst()
        running = job.box
        let store = self.store
        let limits = self.limits
        Thread.detachNewThread { [weak self] in
            var failure: String?
            for var root in job.roots {
                do {
                    let scanner = LibraryScanner(store: store, root: root, subtree: job.subtree, full: job.full, limits: limits, progress: job.box)
                    let started = try scanner.run()
                    if job.subtree == nil {
                        root.scannedAt = started
                        try store.pool.write { try root.update($0) }
                    }
                } catch {
                    failure = "scan of \(root.path) failed: \(error)"
                    job.box.problem(failure!)
                }
            }
            job.box.update {
                $0.phase = failure == nil ? .done : .failed
                $0.finishedAt = Date().timeIntervalSince1970
            }
            Task { await self?.finished(job.box) }
        }
    }

    /// Suspends until a scan ends or `milliseconds` pass.
    func waitForScanEnd(milliseconds: Int) async {
        let key = UUID()
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            scanWaiters[key] = continuation
            Task { [weak self] in
                try? await Task.sleep(for: .milliseconds(milliseconds))
                await self?.resumeScanWaiter(key)
            }
        }
    }

    private func resumeScanWaiter(_ key: UUID) { scanWaiters.removeValue(forKey: key)?.resume() }

    private func finished(_ box: ScanProgressBox) {
        let p = box.snapshot
        last = p
        running = nil
        let waiters = scanWaiters
        scanWaiters = [:]
        waiters.values.forEach { $0.resume() }
        let took = String(format: "%.1f", (p.finishedAt ?? p.startedAt) - p.startedAt)
        history.record(p.phase == .done ? .info : .error, "library", hash: nil, id: nil,
                       "scan \(p.phase == .done ? "done" : "failed") in \(took) s: \(p.seen) files, \(p.added) added, \(p.updated) updated, \(p.moved) moved, \(p.removed) removed, \(p.failed) unreadable")
        runNext()
    }
}
