import GRDB

extension Store {
    /// The transcoding tables (hardware cache, presets, jobs, rules), registered after the library's.
    static func registerTranscodeMigrations(_ migrator: inout DatabaseMigrator) {
    }
}
