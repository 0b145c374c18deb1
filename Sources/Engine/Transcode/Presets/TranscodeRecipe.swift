/// What one transcoding job does to a file, independent of the machine: which streams it
/// keeps, what it re-encodes and into which container. Presets and rule actions both come
/// down to a recipe; `FFmpegArguments` turns a recipe, the file's probe and the chosen
/// hardware path into ffmpeg's argv.
///
/// Stored as JSON in presets and jobs; keys are snake_case and every key is optional on
/// decode, so a recipe written by an older engine still reads.
public struct TranscodeRecipe: Codable, Sendable, Equatable {
    /// What happens to the audio streams that are kept.
    public enum AudioMode: String, Codable, Sendable, CaseIterable {
        /// Stream copy (re-encoded to AAC only where the container cannot hold the codec).
        case copy
        case aac
        case opus
    }

    /// What happens to subtitle streams.
    public enum SubtitleMode: String, Codable, Sendable, CaseIterable {
        /// Kept in the output where the container can hold them (text converted to mov_text in MP4).
        case copy
        /// Left out.
        case drop
        /// Kept in the output, and text streams also written as `.srt` sidecars.
        case extract
        /// Only the `.srt` sidecars: no main output (the `extract-subs` preset).
        case only
    }

    /// The video codec to encode to; nil copies the video stream as it is.
    public var videoCodec: VideoCodec?
    /// Quality on the CRF scale of x264/x265 (lower is better); mapped to each encoder's own
    /// quality knob (`-cq`, `-global_quality`, `-qp`). Nil takes the codec's default.
    public var quality: Int?
    /// Leave video out entirely (audio-only outputs).
    public var dropVideo: Bool
    /// Force 8-bit 4:2:0 (`yuv420p`), what TVs and phones play directly.
    public var eightBit: Bool
    /// Tone-map HDR video to SDR (BT.709). Needs a video encode; a no-op on SDR input.
    public var toneMapToSDR: Bool
    public var audio: AudioMode
    /// Bitrate for encoded audio (`192k`); nil takes the codec's default.
    public var audioBitrate: String?
    /// Re-encode every kept audio stream to stereo.
    public var downmix: Bool
    /// Only these audio languages (ISO 639-2, `eng`); nil keeps every audio stream.
    public var keepAudio: [String]?
    /// Keep only the first audio stream that is kept at all (music, audiobooks).
    public var firstAudioOnly: Bool
    /// Add a stereo AAC track made from the first kept audio stream.
    public var addStereoAAC: Bool
    public var subtitles: SubtitleMode
    /// `mkv`, `mp4` or `opus`; nil keeps the input's container when it can be written, else mkv.
    public var container: String?
    /// Move the MP4 index to the front so playback starts before the download ends.
    public var faststart: Bool
    /// Put the output in place of the original (never for a file a torrent seeds from).
    public var replace: Bool

    public init(videoCodec: VideoCodec? = nil, quality: Int? = nil, dropVideo: Bool = false, eightBit: Bool = false,
                toneMapToSDR: Bool = false, audio: AudioMode = .copy, audioBitrate: String? = nil, downmix: Bool = false,
                keepAudio: [String]? = nil, firstAudioOnly: Bool = false, addStereoAAC: Bool = false,
                subtitles: SubtitleMode = .copy, container: String? = nil, faststart: Bool = false, replace: Bool = false) {
        self.videoCodec = videoCodec
        self.quality = quality
        self.dropVideo = dropVideo
        self.eightBit = eightBit
        self.toneMapToSDR = toneMapToSDR
        self.audio = audio
        self.audioBitrate = audioBitrate
        self.downmix = downmix
        self.keepAudio = keepAudio
        self.firstAudioOnly = firstAudioOnly
        self.addStereoAAC = addStereoAAC
        self.subtitles = subtitles
        self.container = container
        self.faststart = faststart
        self.replace = replace
    }

    enum CodingKeys: String, CodingKey {
        case quality, audio, downmix, subtitles, container, faststart, replace
        case videoCodec = "video_codec", dropVideo = "drop_video", eightBit = "eight_bit", toneMapToSDR = "tone_map_to_sdr"
        case audioBitrate = "audio_bitrate", keepAudio = "keep_audio", firstAudioOnly = "first_audio_only"
        case addStereoAAC = "add_stereo_aac"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        videoCodec = try c.decodeIfPresent(VideoCodec.self, forKey: .videoCodec)
        quality = try c.decodeIfPresent(Int.self, forKey: .quality)
        dropVideo = try c.decodeIfPresent(Bool.self, forKey: .dropVideo) ?? false
        eightBit = try c.decodeIfPresent(Bool.self, forKey: .eightBit) ?? false
        toneMapToSDR = try c.decodeIfPresent(Bool.self, forKey: .toneMapToSDR) ?? false
        audio = try c.decodeIfPresent(AudioMode.self, forKey: .audio) ?? .copy
        audioBitrate = try c.decodeIfPresent(String.self, forKey: .audioBitrate)
        downmix = try c.decodeIfPresent(Bool.self, forKey: .downmix) ?? false
        keepAudio = try c.decodeIfPresent([String].self, forKey: .keepAudio)
        firstAudioOnly = try c.decodeIfPresent(Bool.self, forKey: .firstAudioOnly) ?? false
        addStereoAAC = try c.decodeIfPresent(Bool.self, forKey: .addStereoAAC) ?? false
        subtitles = try c.decodeIfPresent(SubtitleMode.self, forKey: .subtitles) ?? .copy
        container = try c.decodeIfPresent(String.self, forKey: .container)
        faststart = try c.decodeIfPresent(Bool.self, forKey: .faststart) ?? false
        replace = try c.decodeIfPresent(Bool.self, forKey: .replace) ?? false
    }

    /// True when the job writes no main output, only subtitle sidecars.
    public var sidecarsOnly: Bool { subtitles == .only }

    /// True when video frames are decoded and encoded again (as opposed to copied).
    public var encodesVideo: Bool { videoCodec != nil && !dropVideo && !sidecarsOnly }

    /// The default quality per codec, on the x264/x265 CRF scale.
    public static func defaultQuality(_ codec: VideoCodec) -> Int {
        switch codec {
        case .h264: 20
        case .hevc: 22
        case .av1: 28
        case .vp9: 31
        }
    }

    public var effectiveQuality: Int? { videoCodec.map { quality ?? Self.defaultQuality($0) } }

    /// A one-line description for listings: `hevc q22, audio copy, subs copy → mkv`.
    public var summary: String {
        if sidecarsOnly { return "text subtitles → .srt sidecars" }
        var parts: [String] = []
        if dropVideo { parts.append("no video") } else if let v = videoCodec {
            parts.append("\(v.rawValue) q\(effectiveQuality!)" + (eightBit ? " 8-bit" : "") + (toneMapToSDR ? " SDR" : ""))
        } else { parts.append("video copy") }
        var audioText = "audio " + audio.rawValue + (audioBitrate.map { " \($0)" } ?? "")
        if downmix { audioText += " stereo" }
        if let keep = keepAudio { audioText += " [\(keep.joined(separator: ","))]" }
        if firstAudioOnly { audioText += " (first track)" }
        parts.append(audioText)
        if addStereoAAC { parts.append("+ stereo AAC") }
        parts.append("subs \(subtitles.rawValue)")
        var text = parts.joined(separator: ", ") + " → \(container ?? "same container")"
        if faststart { text += " +faststart" }
        if replace { text += ", replaces the original" }
        return text
    }
}
