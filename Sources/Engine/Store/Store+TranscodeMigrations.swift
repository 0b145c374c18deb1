import GRDB

extension Store {
    /// The transcoding tables (hardware cache, presets, jobs, rules), registered after the library's.
    ///
    /// `transcode_job` is the queue: a row per job in one of queued, running, done, failed or
    /// cancelled. The recipe travels with the job (a preset edited later does not change a
    /// queued job). `temps` lists the temporary files a running job writes, so an engine that
    /// died mid-job removes them at its next start. Built-in presets are written at every start.
    static func registerTranscodeMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v3-transcode") { db in
            try db.execute(sql: """
                CREATE TABLE hardware_cache (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    cache_json TEXT NOT NULL,
                    updated_at INTEGER NOT NULL
                );
                CREATE TABLE transcode_preset (
                    name TEXT PRIMARY KEY NOT NULL,
                    summary TEXT NOT NULL,
                    recipe TEXT NOT NULL,
                    builtin INTEGER NOT NULL DEFAULT 0
                );
                CREATE TABLE transcode_rule (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    library TEXT NOT NULL,
                    condition TEXT NOT NULL,
                    action TEXT NOT NULL,
                    created_at INTEGER NOT NULL
                );
                CREATE TABLE transcode_job (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    input TEXT NOT NULL,
                    target TEXT NOT NULL,
                    preset TEXT,
                    rule_id INTEGER,
                    recipe TEXT NOT NULL,
                    state TEXT NOT NULL,
                    priority INTEGER NOT NULL DEFAULT 0,
                    created_at INTEGER NOT NULL,
                    started_at INTEGER,
                    finished_at INTEGER,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    device TEXT,
                    encoder TEXT,
                    reason TEXT,
                    notes TEXT NOT NULL DEFAULT '[]',
                    stderr_tail TEXT,
                    argv TEXT,
                    outputs TEXT NOT NULL DEFAULT '[]',
                    temps TEXT NOT NULL DEFAULT '[]',
                    pid INTEGER,
                    duration REAL,
                    progress REAL
                );
                CREATE INDEX transcode_job_state ON transcode_job(state, priority, id);
                CREATE INDEX transcode_job_input ON transcode_job(input);
                """)
        }
    }
}
