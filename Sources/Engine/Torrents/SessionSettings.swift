/// Turns seedtui's settings into libtorrent's `settings_pack` entries.
///
/// Pure, so tests can check what a configuration means to libtorrent without a session.
enum SessionSettings {
    static func make(_ settings: Settings, altSpeedActive: Bool, loopbackOnly: Bool) -> [LibtorrentSetting] {
        let port = settings.int(.listenPort)
        let interface = settings[.interface]
        let listen: String
        if loopbackOnly {
            listen = "127.0.0.1:\(port)"
        } else if !interface.isEmpty {
            listen = "\(interface):\(port)"
        } else {
            listen = "0.0.0.0:\(port),[::]:\(port)"
        }
        func limit(_ value: Int64) -> Int64 { value <= 0 ? 0 : min(value, Int64(Int32.max)) }
        func active(_ value: Int64) -> Int64 { value < 0 ? -1 : value }
        let downloads = active(settings.int(.maxActiveDownloads))
        let seeds = active(settings.int(.maxActiveSeeds))
        let total: Int64 = (downloads < 0 || seeds < 0) ? -1 : downloads + seeds
        return [
            .string("listen_interfaces", listen),
            .string("outgoing_interfaces", loopbackOnly ? "" : interface),
            .bool("enable_dht", !loopbackOnly && settings.bool(.dht)),
            .bool("enable_lsd", !loopbackOnly && settings.bool(.lsd)),
            .bool("enable_upnp", !loopbackOnly && settings.bool(.portMapping)),
            .bool("enable_natpmp", !loopbackOnly && settings.bool(.portMapping)),
            .int("download_rate_limit", limit(altSpeedActive ? settings.int(.altDownloadLimit) : settings.int(.downloadLimit))),
            .int("upload_rate_limit", limit(altSpeedActive ? settings.int(.altUploadLimit) : settings.int(.uploadLimit))),
            .int("active_downloads", downloads),
            .int("active_seeds", seeds),
            .int("active_limit", total),
            // Stalled downloads and idle seeds do not hold a slot, so the queue never starves.
            .bool("dont_count_slow_torrents", true),
            .bool("enable_outgoing_utp", settings.bool(.utp)),
            .bool("enable_incoming_utp", settings.bool(.utp)),
            .int("connections_limit", settings.int(.maxConnections) < 0 ? Int64(Int32.max) : max(10, settings.int(.maxConnections))),
            .bool("allow_multiple_connections_per_ip", loopbackOnly),
            .string("user_agent", "seedtui/\(SeedtuiVersion.current)"),
            .string("peer_fingerprint", "-ST0010-"),
            .int("alert_queue_size", 1_000_000),
        ]
    }
}
