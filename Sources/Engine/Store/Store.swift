import Foundation
import GRDB

/// The one SQLite file that holds all persistent state.
///
/// WAL mode (a `DatabasePool`) lets the engine answer reads while it writes resume
/// data; every multi-row change runs in one transaction, so a crash leaves either the
/// old state or the new one. The engine process is the only writer.
public final class Store: Sendable {
    public let pool: DatabasePool
    public let path: String

    public init(path: String) throws {
        self.path = path
        // Create the file private before SQLite touches it; its -wal and -shm files inherit the mode.
        if !FileManager.default.fileExists(atPath: path) {
            let fd = open(path, O_CREAT | O_WRONLY, 0o600)
            if fd < 0 { throw EngineError.failed("cannot create database \(path): \(String(cString: strerror(errno)))") }
            close(fd)
        }
        chmod(path, 0o600)
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        do {
            pool = try DatabasePool(path: path, configuration: config)
            try Self.migrator.migrate(pool)
        } catch let error as DatabaseError {
            throw EngineError.failed("database \(path) cannot be opened: \(error.message ?? error.description); restore a backup (`db backup`) or move the file away")
        }
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-torrents") { db in
            try db.execute(sql: """
                CREATE TABLE category (
                    name TEXT PRIMARY KEY NOT NULL,
                    save_path TEXT,
                    ratio_limit REAL,
                    seed_time_limit INTEGER,
                    idle_seed_time_limit INTEGER,
                    share_action TEXT
                );
                CREATE TABLE torrent (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    info_hash TEXT NOT NULL UNIQUE,
                    name TEXT NOT NULL,
                    save_path TEXT NOT NULL,
                    category TEXT REFERENCES category(name) ON UPDATE CASCADE ON DELETE SET NULL,
                    tags TEXT NOT NULL DEFAULT '',
                    source TEXT,
                    torrent_file BLOB,
                    resume_data BLOB,
                    added_at INTEGER NOT NULL,
                    completed_at INTEGER,
                    share_done_at INTEGER,
                    paused INTEGER NOT NULL DEFAULT 0,
                    sequential INTEGER NOT NULL DEFAULT 0,
                    download_limit INTEGER NOT NULL DEFAULT 0,
                    upload_limit INTEGER NOT NULL DEFAULT 0,
                    queue_position INTEGER,
                    resume_saved_at INTEGER
                );
                CREATE TABLE setting (
                    key TEXT PRIMARY KEY NOT NULL,
                    value TEXT NOT NULL
                );
                CREATE TABLE event (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    at INTEGER NOT NULL,
                    level TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    torrent_id INTEGER,
                    info_hash TEXT,
                    message TEXT NOT NULL
                );
                CREATE INDEX event_at ON event(at);
                CREATE TABLE engine_state (
                    key TEXT PRIMARY KEY NOT NULL,
                    value TEXT NOT NULL
                );
                """)
        }
        registerLibraryMigrations(&migrator)
        registerTranscodeMigrations(&migrator)
        registerAcquisitionMigrations(&migrator)
        registerPodcastMigrations(&migrator)
        registerGrabTakeoverMigration(&migrator)
        return migrator
    }

    /// `PRAGMA integrity_check` and foreign keys; returns the problems found (empty when whole).
    public func check() throws -> [String] {
        try pool.read { db in
            var problems = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
            let fk = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
            problems += fk.map { "foreign key violation in \($0[0] as String? ?? "?") row \($0[1] as Int64? ?? 0)" }
            return problems
        }
    }

    /// SQLite's online backup into a new file at `destination`, consistent while the engine runs.
    public func backup(to destination: String) throws {
        if FileManager.default.fileExists(atPath: destination) {
            throw EngineError.invalid("\(destination) already exists; choose a new file name")
        }
        do {
            let fd = open(destination, O_CREAT | O_EXCL | O_WRONLY, 0o600)
            guard fd >= 0 else { throw EngineError.failed("cannot create \(destination): \(String(cString: strerror(errno)))") }
            close(fd)
            let target = try DatabaseQueue(path: destination)
            try pool.backup(to: target)
            try target.close()
        } catch let error as DatabaseError {
            try? FileManager.default.removeItem(atPath: destination)
            throw EngineError.failed("backup to \(destination) failed: \(error.message ?? error.description)")
        }
    }
}
