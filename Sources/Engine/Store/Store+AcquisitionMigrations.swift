import GRDB

extension Store {
    /// Acquisition's tables (indexers, profiles, wanted items, grabs, blocklist), registered last.
    static func registerAcquisitionMigrations(_ migrator: inout DatabaseMigrator) {
    }
}
