import GRDB

extension Store {
    /// Acquisition's tables (indexers, profiles, wanted items, grabs, blocklist), registered last.
    ///
    /// `indexer.api_key` is the one secret column: read and written only by `IndexerRecord`,
    /// never listed. Health lives beside it (`failures`, `backoff_until`, `last_error`) so a
    /// back-off survives a restart. Built-in profiles live in code; `quality_profile` holds the
    /// user's, as JSON. `grab_history` and `blocklist` are keyed by info-hash and guid, the
    /// identities the "already grabbed" and "blocklist" rules look up.
    static func registerAcquisitionMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v4-acquisition") { db in
            try db.execute(sql: """
                CREATE TABLE indexer (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
                    kind TEXT NOT NULL,
                    url TEXT NOT NULL,
                    api_key TEXT NOT NULL DEFAULT '',
                    categories TEXT NOT NULL DEFAULT '',
                    priority INTEGER NOT NULL DEFAULT 25,
                    enabled INTEGER NOT NULL DEFAULT 1,
                    min_interval_ms INTEGER NOT NULL DEFAULT 2000,
                    caps_json TEXT NOT NULL DEFAULT '{}',
                    added_at INTEGER NOT NULL,
                    failures INTEGER NOT NULL DEFAULT 0,
                    backoff_until INTEGER,
                    last_error TEXT,
                    last_ok_at INTEGER,
                    last_failure_at INTEGER
                );
                CREATE TABLE quality_profile (
                    name TEXT PRIMARY KEY NOT NULL COLLATE NOCASE,
                    profile_json TEXT NOT NULL,
                    updated_at INTEGER NOT NULL
                );
                CREATE TABLE wanted (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    type TEXT NOT NULL,
                    title TEXT NOT NULL,
                    year INTEGER,
                    season INTEGER,
                    episode INTEGER,
                    profile TEXT,
                    status TEXT NOT NULL DEFAULT 'wanted',
                    imdb_id TEXT,
                    tvdb_id INTEGER,
                    tmdb_id INTEGER,
                    current_quality TEXT,
                    added_at INTEGER NOT NULL,
                    last_searched_at INTEGER,
                    grabbed_at INTEGER
                );
                CREATE UNIQUE INDEX wanted_identity ON wanted(type, lower(title), ifnull(year, 0), ifnull(season, -1), ifnull(episode, -1));
                CREATE INDEX wanted_status ON wanted(status);
                CREATE TABLE grab_history (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    wanted_id INTEGER REFERENCES wanted(id) ON DELETE SET NULL,
                    indexer_id INTEGER REFERENCES indexer(id) ON DELETE SET NULL,
                    indexer TEXT NOT NULL,
                    title TEXT NOT NULL,
                    guid TEXT,
                    info_hash TEXT,
                    quality TEXT,
                    size INTEGER,
                    protocol TEXT NOT NULL,
                    torrent_id INTEGER,
                    state TEXT NOT NULL DEFAULT 'grabbed',
                    message TEXT,
                    grabbed_at INTEGER NOT NULL
                );
                CREATE INDEX grab_history_hash ON grab_history(info_hash);
                CREATE INDEX grab_history_guid ON grab_history(guid);
                CREATE INDEX grab_history_wanted ON grab_history(wanted_id);
                CREATE TABLE blocklist (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    wanted_id INTEGER REFERENCES wanted(id) ON DELETE SET NULL,
                    indexer TEXT,
                    title TEXT NOT NULL,
                    guid TEXT,
                    info_hash TEXT,
                    reason TEXT NOT NULL,
                    added_at INTEGER NOT NULL
                );
                CREATE INDEX blocklist_hash ON blocklist(info_hash);
                CREATE INDEX blocklist_guid ON blocklist(guid);
                """)
        }
        // Imports: where each grab ended up in the library and how (a hardlink, or a copy across
        // filesystems); manual imports have no grab. `wanted_type` lets a grab made from a free
        // search (no wanted item) still be imported into the right library.
        migrator.registerMigration("v5-grabs") { db in
            try db.execute(sql: """
                ALTER TABLE grab_history ADD COLUMN wanted_type TEXT;
                ALTER TABLE grab_history ADD COLUMN imported_at INTEGER;
                CREATE INDEX grab_history_torrent ON grab_history(torrent_id);
                CREATE TABLE import_history (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    grab_id INTEGER REFERENCES grab_history(id) ON DELETE SET NULL,
                    wanted_id INTEGER REFERENCES wanted(id) ON DELETE SET NULL,
                    torrent_id INTEGER,
                    source TEXT NOT NULL,
                    target TEXT,
                    mode TEXT,
                    state TEXT NOT NULL,
                    quality TEXT,
                    message TEXT,
                    at INTEGER NOT NULL
                );
                CREATE INDEX import_history_wanted ON import_history(wanted_id);
                """)
        }
}

    /// Grabs that took over a torrent already in the client (added by hand): the stall sweep
    /// leaves those torrents and their data alone. Registered after the podcast tables.
    static func registerGrabTakeoverMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v7-grab-takeover") { db in
            try db.execute(sql: "ALTER TABLE grab_history ADD COLUMN taken_over INTEGER NOT NULL DEFAULT 0")
        }
    }
}
