import GRDB

extension Store {
    /// Podcast subscriptions and their episodes.
    ///
    /// An episode row outlives its file: `path` and `bytes` record a download this engine made,
    /// which is what makes a file "ours" — retention deletes only such files, and only while
    /// they still have the recorded size. `state` is pending, downloaded, failed, skipped
    /// (backlog, too old, downloads off), invalid (no usable enclosure) or removed (retention).
    static func registerPodcastMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v6-podcasts") { db in
            try db.execute(sql: """
                CREATE TABLE podcast (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    feed_url TEXT NOT NULL UNIQUE,
                    title TEXT NOT NULL,
                    folder TEXT NOT NULL,
                    keep INTEGER,
                    max_age INTEGER,
                    download INTEGER NOT NULL DEFAULT 1,
                    added_at INTEGER NOT NULL,
                    refreshed_at INTEGER,
                    last_error TEXT
                );
                CREATE TABLE podcast_episode (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    podcast_id INTEGER NOT NULL REFERENCES podcast(id) ON DELETE CASCADE,
                    guid TEXT NOT NULL,
                    title TEXT NOT NULL,
                    published_at INTEGER,
                    enclosure_url TEXT,
                    enclosure_type TEXT,
                    enclosure_length INTEGER,
                    duration INTEGER,
                    state TEXT NOT NULL,
                    path TEXT,
                    bytes INTEGER,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    error TEXT,
                    seen_at INTEGER NOT NULL,
                    downloaded_at INTEGER,
                    UNIQUE(podcast_id, guid)
                );
                CREATE INDEX podcast_episode_state ON podcast_episode(podcast_id, state);
                """)
        }
    }
}
