import GRDB

extension Store {
    /// The library catalogue's tables, registered after the torrent tables.
    static func registerLibraryMigrations(_ migrator: inout DatabaseMigrator) {
    }
}
