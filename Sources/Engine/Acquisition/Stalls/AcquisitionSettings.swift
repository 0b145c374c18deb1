import GRDB

extension SettingKey {
    public static let grabStallTimeout = SettingKey("grab_stall_timeout", .duration, "21600",
                                                    "A grabbed download with no progress for this long is removed, its release blocklisted and the next best one taken (0 = never)")

    /// The acquisition settings, for `SettingKey.all`.
    public static let acquisitionKeys: [SettingKey] = [grabStallTimeout]
}

extension AcquisitionService {
    /// `grab_stall_timeout` in seconds as stored (or its default), read straight from the
    /// database so a `config set` applies at the next sweep.
    func stallTimeout() async -> Int64 {
        let key = SettingKey.grabStallTimeout
        let stored = try? await store.pool.read { try String.fetchOne($0, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key.name]) }
        return Int64((stored ?? nil) ?? key.defaultValue) ?? 21600
    }
}
