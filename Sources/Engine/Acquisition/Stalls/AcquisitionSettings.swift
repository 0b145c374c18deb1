extension SettingKey {
    public static let grabStallTimeout = SettingKey("grab_stall_timeout", .duration, "21600",
                                                    "A grabbed download with no progress for this long is removed, its release blocklisted and the next best one taken (0 = never)")

    /// The acquisition settings, for `SettingKey.all`.
    public static let acquisitionKeys: [SettingKey] = [grabStallTimeout]
}
