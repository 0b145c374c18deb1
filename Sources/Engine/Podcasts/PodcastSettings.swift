extension SettingKey {
    public static let podcastRefreshInterval = SettingKey("podcast_refresh_interval", .duration, "3600",
                                                          "How often each podcast feed is fetched for new episodes (0 = only `podcast refresh`)")

    /// The podcast settings, for `SettingKey.all`.
    public static let podcastKeys: [SettingKey] = [podcastRefreshInterval]
}
