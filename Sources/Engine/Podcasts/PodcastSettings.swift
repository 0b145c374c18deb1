import GRDB

extension SettingKey {
    public static let podcastRefreshInterval = SettingKey("podcast_refresh_interval", .duration, "3600",
                                                          "How often each podcast feed is fetched for new episodes (0 = only `podcast refresh`)")

    /// The podcast settings, for `SettingKey.all`.
    public static let podcastKeys: [SettingKey] = [podcastRefreshInterval]
}

extension PodcastService {
    /// `podcast_refresh_interval` as stored (or its default), read straight from the database so
    /// a `config set` applies at the next timer tick.
    func refreshInterval() -> Int64 {
        let key = SettingKey.podcastRefreshInterval
        let stored = try? store.pool.read { try String.fetchOne($0, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key.name]) }
        return Int64((stored ?? nil) ?? key.defaultValue) ?? 3600
    }
}
