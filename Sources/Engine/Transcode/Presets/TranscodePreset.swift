import GRDB

/// A named recipe, stored in the database: the built-in ones below (rewritten at every engine
/// start, so an upgrade refreshes them) and any the user saves with `presets add`.
public struct TranscodePreset: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord, TableRecord {
    public static let databaseTableName = "transcode_preset"

    public var name: String
    public var summary: String
    public var recipe: TranscodeRecipe
    public var builtin: Bool

    public init(name: String, summary: String, recipe: TranscodeRecipe, builtin: Bool = false) {
        self.name = name
        self.summary = summary
        self.recipe = recipe
        self.builtin = builtin
    }

    public static let builtins: [TranscodePreset] = [
        TranscodePreset(
            name: "hevc-archive",
            summary: "HEVC at constant quality for long-term storage; audio and subtitles copied, Matroska",
            recipe: TranscodeRecipe(videoCodec: .hevc, quality: 22, audio: .copy, subtitles: .copy, container: "mkv"),
            builtin: true),
        TranscodePreset(
            name: "h264-compat",
            summary: "H.264 8-bit with stereo AAC in MP4 (+faststart) that TVs, phones and browsers play directly",
            recipe: TranscodeRecipe(videoCodec: .h264, quality: 20, eightBit: true, audio: .aac, audioBitrate: "192k",
                                    downmix: true, subtitles: .copy, container: "mp4", faststart: true),
            builtin: true),
        TranscodePreset(
            name: "remux-mkv",
            summary: "Every stream copied into Matroska, nothing re-encoded (-map 0 -c copy)",
            recipe: TranscodeRecipe(audio: .copy, subtitles: .copy, container: "mkv"),
            builtin: true),
        TranscodePreset(
            name: "audio-opus",
            summary: "Music and audiobooks to Opus 96 kb/s for phones; tags kept, cover dropped",
            recipe: TranscodeRecipe(dropVideo: true, audio: .opus, audioBitrate: "96k", firstAudioOnly: true,
                                    subtitles: .drop, container: "opus"),
            builtin: true),
        TranscodePreset(
            name: "extract-subs",
            summary: "Text subtitle streams written beside the file as NAME.LANG.srt; the file is not changed",
            recipe: TranscodeRecipe(subtitles: .only),
            builtin: true),
    ]

    /// Preset names: lowercase letters, digits, dashes and underscores.
    public static func validName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 64 && name.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" || $0 == "_" }
    }
}
