import Foundation

/// Every user-visible engine setting: its name, kind, default and meaning.
///
/// Settings are validated here once, so `config set` rejects a bad value with a
/// sentence before anything is stored, and the engine only ever reads clean values.
public struct SettingKey: Sendable, Hashable {
    public enum Kind: String, Sendable {
        case rate, integer, bool, duration, decimal, path, text, command, choice, schedule, template
    }

    public let name: String
    public let kind: Kind
    public let defaultValue: String
    public let summary: String
    public let choices: [String]
    /// True when a change only takes effect after `engine stop` and a new start.
    public let needsRestart: Bool

    init(_ name: String, _ kind: Kind, _ defaultValue: String, _ summary: String,
         choices: [String] = [], needsRestart: Bool = false) {
        self.name = name
        self.kind = kind
        self.defaultValue = defaultValue
        self.summary = summary
        self.choices = choices
        self.needsRestart = needsRestart
    }

    /// Checks `raw` and returns the canonical stored form, or says what is wrong.
    public func normalize(_ raw: String) throws -> String {
        let value = raw.trimmingCharacters(in: .whitespaces)
        func bad(_ expected: String) -> EngineError {
            .invalid("\(name): '\(value)' is not \(expected)")
        }
        switch kind {
        case .rate:
            guard let bytes = Units.parseBytes(value), bytes <= Int64(Int32.max) else { throw bad("a rate such as 16M, 512k or 0 for unlimited") }
            return String(bytes)
        case .integer:
            guard let n = Int64(value), n >= -1 else { throw bad("a whole number (-1 for unlimited)") }
            if name == "listen_port", !(0...65535).contains(n) { throw bad("a port between 0 and 65535") }
            return String(n)
        case .bool:
            switch value.lowercased() {
            case "true", "on", "yes", "1": return "true"
            case "false", "off", "no", "0": return "false"
            default: throw bad("true or false")
            }
        case .duration:
            guard let seconds = Units.parseDuration(value) else { throw bad("a duration such as 90, 30m, 2h or 7d (0 for none)") }
            return String(seconds)
        case .decimal:
            guard let d = Double(value), d.isFinite, d >= -1 else { throw bad("a number such as 2 or 1.5 (-1 for none)") }
            return String(d)
        case .path:
            if value.isEmpty && name == "default_save_path" { throw bad("an absolute path (it cannot be empty)") }
            guard value.isEmpty || value.hasPrefix("/") || value.hasPrefix("~") else { throw bad("an absolute path") }
            return value.expandingTilde
        case .text:
            return value
        case .command:
            _ = try CommandLineSplitter.split(value)
            return value
        case .choice:
            guard choices.contains(value) else { throw bad("one of " + choices.joined(separator: ", ")) }
            return value
        case .template:
            do { _ = try NamingTemplate(value) } catch { throw EngineError.invalid("\(name): \(error)") }
            return value
        case .schedule:
            if value.isEmpty { return "" }
            guard AltSpeedSchedule(value) != nil else { throw bad("a schedule such as 08:00-18:00 or 'mon-fri 01:00-07:00'") }
            return value
        }
    }
}

extension SettingKey {
    public static let downloadLimit = SettingKey("download_limit", .rate, "0", "Global download limit (0 = unlimited)")
    public static let uploadLimit = SettingKey("upload_limit", .rate, "0", "Global upload limit (0 = unlimited)")
    public static let altDownloadLimit = SettingKey("alt_download_limit", .rate, "1048576", "Download limit while the alternative speed is on")
    public static let altUploadLimit = SettingKey("alt_upload_limit", .rate, "1048576", "Upload limit while the alternative speed is on")
    public static let altSchedule = SettingKey("alt_schedule", .schedule, "", "When the alternative speed turns on: 'HH:MM-HH:MM' with optional days ('mon-fri 08:00-18:00')")
    public static let altSpeed = SettingKey("alt_speed", .choice, "auto", "Alternative speed: auto (follow alt_schedule), on or off", choices: ["auto", "on", "off"])
    public static let listenPort = SettingKey("listen_port", .integer, "6881", "Incoming peer port (0 = any free port)")
    public static let interface = SettingKey("interface", .text, "", "Network interface for all peer traffic (e.g. wg0); torrents stop if it disappears")
    public static let defaultSavePath = SettingKey("default_save_path", .path, "~/downloads", "Where downloads go unless a category or --save-path says otherwise")
    public static let watchDir = SettingKey("watch_dir", .path, "", "Directory polled for .torrent and .magnet files to add")
    public static let maxActiveDownloads = SettingKey("max_active_downloads", .integer, "5", "Downloads running at once (stalled ones do not count; -1 = unlimited)")
    public static let maxActiveSeeds = SettingKey("max_active_seeds", .integer, "-1", "Seeds running at once (idle ones do not count; -1 = unlimited)")
    public static let ratioLimit = SettingKey("ratio_limit", .decimal, "-1", "Share ratio at which share_action runs (-1 = none)")
    public static let seedTimeLimit = SettingKey("seed_time_limit", .duration, "0", "Seeding time after which share_action runs (0 = none)")
    public static let idleSeedTimeLimit = SettingKey("idle_seed_time_limit", .duration, "0", "Seeding time without upload after which share_action runs (0 = none)")
    public static let shareAction = SettingKey("share_action", .choice, "pause", "What a reached share limit does", choices: ["pause", "remove", "remove_data"])
    public static let onAdd = SettingKey("on_add", .command, "", "Command run when a torrent is added (see HOOKS in seedtui(1))")
    public static let onComplete = SettingKey("on_complete", .command, "", "Command run when a download completes")
    public static let onSeedingDone = SettingKey("on_seeding_done", .command, "", "Command run when a share limit is reached")
    public static let resumeSaveInterval = SettingKey("resume_save_interval", .duration, "120", "How often changed resume data is written to the database")
    public static let dht = SettingKey("dht", .bool, "true", "Distributed hash table (trackerless peers)")
    public static let lsd = SettingKey("lsd", .bool, "false", "Local service discovery")
    public static let portMapping = SettingKey("port_mapping", .bool, "false", "UPnP and NAT-PMP port mapping")
    public static let limitLocalPeers = SettingKey("limit_local_peers", .bool, "true", "Apply the global rate limits to peers on the local network too")
    public static let utp = SettingKey("utp", .bool, "true", "Peer connections over uTP as well as TCP")
    public static let maxConnections = SettingKey("max_connections", .integer, "500", "Peer connections in total")
    public static let performanceProfile = SettingKey("performance_profile", .choice, "default", "libtorrent settings profile", choices: ["default", "high_performance_seed", "min_memory"], needsRestart: true)
    public static let diskIO = SettingKey("disk_io", .choice, "auto", "Disk backend: auto, mmap or posix (pread/pwrite)", choices: ["auto", "mmap", "posix"], needsRestart: true)

    public static let theme = SettingKey("theme", .text, "default", "Theme of the interactive screen: default, light, high-contrast, mono, or NAME for NAME.theme")
    public static let keymap = SettingKey("keymap", .text, "", "Key overrides for the interactive screen: 'ACTION=KEY KEY;ACTION=KEY' (see ? in seedtui)")

    public static let all: [SettingKey] = [
        downloadLimit, uploadLimit, altDownloadLimit, altUploadLimit, altSchedule, altSpeed,
        listenPort, interface, defaultSavePath, watchDir, maxActiveDownloads, maxActiveSeeds,
        ratioLimit, seedTimeLimit, idleSeedTimeLimit, shareAction, onAdd, onComplete, onSeedingDone,
        resumeSaveInterval, dht, lsd, portMapping, utp, limitLocalPeers, maxConnections, performanceProfile, diskIO, theme, keymap,
    ] + namingKeys + transcodeKeys + podcastKeys + acquisitionKeys

    /// One naming template per library type (and the import variants), shared by `library check`,
    /// `library organize` and acquisition's import.
    public static let namingKeys: [SettingKey] = [
        ("movies", "films"), ("import_movies", "films imported from downloads"), ("episodes", "TV episodes"),
        ("import_episodes", "episodes imported from downloads"), ("music", "music tracks"), ("audiobooks", "audiobook files"),
        ("podcasts", "podcast episodes"), ("books", "e-books"), ("comics", "comics"), ("videos", "videos (YouTube archives)"),
    ].map { key, what in
        SettingKey("naming_" + key, .template, LibraryNaming.defaultTexts[key] ?? "", "Naming template for \(what), relative to the library folder, without extension")
    }

    public static func named(_ name: String) throws -> SettingKey {
        if let key = all.first(where: { $0.name == name }) { return key }
        throw EngineError.invalid("unknown setting '\(name)'; `seedtui --headless config list` shows them all")
    }
}
