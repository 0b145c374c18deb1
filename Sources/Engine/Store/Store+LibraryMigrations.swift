import GRDB

extension Store {
    /// The library catalogue's tables, registered after the torrent tables.
    ///
    /// `library_item` keeps typed columns for what is filtered and grouped on, and the item's
    /// `library list --json` object precomputed in `item_json`, so listing a million files is a
    /// concatenation, not a re-encoding. `library_fts` indexes titles, series, artists, albums,
    /// authors and tags with rowid = item id.
    static func registerLibraryMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v2-library") { db in
            try db.execute(sql: """
                CREATE TABLE library_root (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    path TEXT NOT NULL UNIQUE,
                    type TEXT NOT NULL,
                    private INTEGER NOT NULL DEFAULT 0,
                    added_at INTEGER NOT NULL,
                    scanned_at INTEGER
                );
                CREATE TABLE library_item (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    root_id INTEGER NOT NULL REFERENCES library_root(id) ON DELETE CASCADE,
                    path TEXT NOT NULL UNIQUE,
                    dev INTEGER NOT NULL,
                    ino INTEGER NOT NULL,
                    size INTEGER NOT NULL,
                    mtime_ns INTEGER NOT NULL,
                    kind TEXT NOT NULL,
                    title TEXT,
                    series TEXT,
                    season INTEGER,
                    artist TEXT,
                    album TEXT,
                    author TEXT,
                    year INTEGER,
                    duration REAL,
                    error TEXT,
                    item_json TEXT NOT NULL,
                    detail_json TEXT,
                    scanned_at INTEGER NOT NULL
                );
                CREATE INDEX library_item_root ON library_item(root_id);
                CREATE INDEX library_item_inode ON library_item(dev, ino);
                CREATE INDEX library_item_kind ON library_item(kind, series, season);
                CREATE VIRTUAL TABLE library_fts USING fts5(title, series, artist, album, author, tags, tokenize = 'unicode61 remove_diacritics 2');
                """)
        }
    }
}
