import GRDB

extension SettingKey {
    public static let transcodeGPUSlots = SettingKey("transcode_gpu_slots", .integer, "2", "Transcoding jobs encoding on the GPU at once (0 holds them queued)")
    public static let transcodeCPUSlots = SettingKey("transcode_cpu_slots", .integer, "1", "Transcoding jobs on the CPU at once: software encodes, remuxes, audio, subtitles (0 holds them queued)")
    public static let transcodeHardware = SettingKey("transcode_hardware", .choice, "auto", "auto: encode on a GPU proven to work (see `gpu`); software: always on the CPU", choices: ["auto", "software"])

    /// The transcoding settings, for `SettingKey.all`.
    public static let transcodeKeys: [SettingKey] = [transcodeGPUSlots, transcodeCPUSlots, transcodeHardware]
}

/// The transcoding settings in force, read straight from the `setting` table (stored values
/// over defaults), so they apply to the next scheduling pass without an engine restart.
struct TranscodeSettings: Sendable, Equatable {
    var gpuSlots: Int
    var cpuSlots: Int
    var softwareOnly: Bool

    static func load(_ store: Store) -> TranscodeSettings {
        let stored = (try? store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT key, value FROM setting WHERE key LIKE 'transcode\\_%' ESCAPE '\\'")
        }) ?? []
        var map: [String: String] = [:]
        for row in stored { map[row["key"]] = row["value"] }
        func slots(_ key: SettingKey) -> Int {
            let n = Int(map[key.name] ?? key.defaultValue) ?? Int(key.defaultValue)!
            return n < 0 ? 64 : n
        }
        return TranscodeSettings(gpuSlots: slots(.transcodeGPUSlots), cpuSlots: slots(.transcodeCPUSlots),
                                 softwareOnly: (map[SettingKey.transcodeHardware.name] ?? "auto") == "software")
    }
}
