extension SettingKey {
    public static let transcodeGPUSlots = SettingKey("transcode_gpu_slots", .integer, "2", "Transcoding jobs encoding on the GPU at once (0 holds them queued)")
    public static let transcodeCPUSlots = SettingKey("transcode_cpu_slots", .integer, "1", "Transcoding jobs on the CPU at once: software encodes, remuxes, audio, subtitles (0 holds them queued)")
    public static let transcodeHardware = SettingKey("transcode_hardware", .choice, "auto", "auto: encode on a GPU proven to work (see `gpu`); software: always on the CPU", choices: ["auto", "software"])

    /// The transcoding settings, for `SettingKey.all`.
    public static let transcodeKeys: [SettingKey] = [transcodeGPUSlots, transcodeCPUSlots, transcodeHardware]
}

/// The transcoding settings in force, from the engine's settings (so a `config set` applies
/// at the next scheduling pass).
struct TranscodeSettings: Sendable, Equatable {
    var gpuSlots: Int
    var cpuSlots: Int
    var softwareOnly: Bool

    init(_ settings: Settings) {
        func slots(_ key: SettingKey) -> Int {
            let n = Int(settings.int(key))
            return n < 0 ? 64 : n
        }
        gpuSlots = slots(.transcodeGPUSlots)
        cpuSlots = slots(.transcodeCPUSlots)
        softwareOnly = settings[.transcodeHardware] == "software"
    }
}
