import Foundation

/// A fact about a media file that a rule condition can test, read from its probe.
public struct ConditionField: Sendable {
    public enum Kind: Sendable, Equatable {
        /// One word: `video_codec=h264`, `container in (avi, wmv)`, `pix_fmt~10`.
        case text
        /// A number, with the unit its values are written in.
        case number(NumberUnit)
        /// Several words, tested for membership: `audio_languages has jpn`.
        case list
        /// HDR: bare (`hdr`, `not hdr`), a boolean, or a format (`hdr=hdr10`).
        case hdr
    }

    public enum NumberUnit: Sendable, Equatable {
        case plain
        /// 1080, 1080p, 4k, uhd, fhd, hd, sd.
        case height
        /// Bits per second, decimal: 8M, 8mbps, 800k.
        case bitrate
        /// Bytes, binary: 4G, 700M.
        case bytes
        /// Seconds, or 90m, 1h30m.
        case seconds
    }

    public enum Value: Sendable, Equatable {
        case text(String)
        case number(Double)
        case list([String])
    }

    public let name: String
    public let aliases: [String]
    public let kind: Kind
    public let summary: String
    let read: @Sendable (ProbeResult) -> Value?

    public static let all: [ConditionField] = [
        ConditionField(name: "video_codec", aliases: ["codec", "vcodec"], kind: .text, summary: "h264, hevc, av1, vp9, mpeg4, mpeg2video…") {
            $0.video.map { .text($0.codec) }
        },
        ConditionField(name: "audio_codec", aliases: ["audio_codecs", "acodec"], kind: .list, summary: "any audio stream's codec: aac, ac3, eac3, dts, truehd, flac, opus…") {
            .list($0.audio.map(\.codec))
        },
        ConditionField(name: "subtitle_codec", aliases: ["subtitle_codecs"], kind: .list, summary: "any subtitle stream's codec: subrip, ass, hdmv_pgs_subtitle…") {
            .list($0.subtitles.map(\.codec))
        },
        ConditionField(name: "container", aliases: ["format"], kind: .text, summary: "mkv, mp4, avi, mpegts, webm, mp3, flac…") { .text($0.container) },
        ConditionField(name: "extension", aliases: ["ext"], kind: .text, summary: "the file name's extension") {
            .text(($0.path as NSString).pathExtension.lowercased())
        },
        ConditionField(name: "height", aliases: ["resolution"], kind: .number(.height), summary: "video height: 1080, 1080p, 4k") {
            $0.video?.height.map { .number(Double($0)) }
        },
        ConditionField(name: "width", aliases: [], kind: .number(.plain), summary: "video width in pixels") {
            $0.video?.width.map { .number(Double($0)) }
        },
        ConditionField(name: "bitrate", aliases: ["bit_rate"], kind: .number(.bitrate), summary: "overall bit rate: 8M, 800k (bits per second)") {
            $0.bitRate.map { .number(Double($0)) }
        },
        ConditionField(name: "video_bitrate", aliases: [], kind: .number(.bitrate), summary: "the video stream's bit rate, when the container says") {
            $0.video?.bitRate.map { .number(Double($0)) }
        },
        ConditionField(name: "fps", aliases: ["frame_rate"], kind: .number(.plain), summary: "frames per second") {
            $0.video?.frameRate.map { .number($0) }
        },
        ConditionField(name: "bit_depth", aliases: [], kind: .number(.plain), summary: "video bit depth: 8, 10, 12") {
            $0.video?.bitDepth.map { .number(Double($0)) }
        },
        ConditionField(name: "pix_fmt", aliases: ["pixel_format"], kind: .text, summary: "yuv420p, yuv420p10le…") {
            $0.video?.pixelFormat.map { .text($0) }
        },
        ConditionField(name: "hdr", aliases: [], kind: .hdr, summary: "HDR video: bare, or hdr10, hdr10+, hlg, dolby-vision") {
            guard let v = $0.video else { return .text("none") }
            if let h = v.hdr { return .text(ConditionField.hdrName(h)) }
            if v.colorTransfer == "smpte2084" { return .text("hdr10") }
            if v.colorTransfer == "arib-std-b67" { return .text("hlg") }
            return .text("none")
        },
        ConditionField(name: "duration", aliases: [], kind: .number(.seconds), summary: "seconds, or 90m, 1h30m") {
            $0.duration.map { .number($0) }
        },
        ConditionField(name: "size", aliases: [], kind: .number(.bytes), summary: "file size: 4G, 700M") { .number(Double($0.size)) },
        ConditionField(name: "audio_channels", aliases: ["channels"], kind: .number(.plain), summary: "the most channels of any audio stream") {
            $0.audio.compactMap(\.channels).max().map { .number(Double($0)) }
        },
        ConditionField(name: "audio_count", aliases: ["audio_tracks"], kind: .number(.plain), summary: "number of audio streams") {
            .number(Double($0.audio.count))
        },
        ConditionField(name: "subtitle_count", aliases: ["subtitle_tracks"], kind: .number(.plain), summary: "number of subtitle streams") {
            .number(Double($0.subtitles.count))
        },
        ConditionField(name: "audio_languages", aliases: ["audio_language", "language", "languages"], kind: .list, summary: "audio stream languages: eng, jpn (untagged streams have none)") {
            .list($0.audio.compactMap(\.language).map(LanguageCode.canonical))
        },
        ConditionField(name: "subtitle_languages", aliases: ["subtitle_language"], kind: .list, summary: "subtitle stream languages") {
            .list($0.subtitles.compactMap(\.language).map(LanguageCode.canonical))
        },
    ]

    public static func named(_ name: String) -> ConditionField? {
        let n = name.lowercased()
        return all.first { $0.name == n || $0.aliases.contains(n) }
    }

    /// `HDR10+` → `hdr10+`, `Dolby Vision` → `dolby-vision`.
    static func hdrName(_ text: String) -> String {
        let t = text.lowercased().replacingOccurrences(of: " ", with: "-").replacingOccurrences(of: "_", with: "-")
        switch t {
        case "dv", "dovi", "dolbyvision", "dolby-vision": return "dolby-vision"
        case "hdr10plus", "hdr10+": return "hdr10+"
        case "pq": return "hdr10"
        default: return t
        }
    }

    /// `h265`, `x265`, `H.265` → `hevc`; `avc`, `x264` → `h264`: what people write for what ffmpeg says.
    static func codecName(_ text: String) -> String {
        let t = text.lowercased().replacingOccurrences(of: ".", with: "")
        switch t {
        case "h265", "x265", "hevc": return "hevc"
        case "h264", "x264", "avc", "avc1": return "h264"
        case "mpeg2": return "mpeg2video"
        case "xvid", "divx": return "mpeg4"
        case "srt": return "subrip"
        case "pgs": return "hdmv_pgs_subtitle"
        case "vobsub": return "dvd_subtitle"
        case "dts-hd", "dtshd": return "dts"
        default: return t
        }
    }

    /// A number as written for this unit, or nil.
    static func parseNumber(_ text: String, unit: NumberUnit) -> Double? {
        let t = text.lowercased()
        switch unit {
        case .plain:
            return Double(t).flatMap { $0.isFinite ? $0 : nil }
        case .height:
            switch t {
            case "8k": return 4320
            case "4k", "uhd", "2160p": return 2160
            case "2k", "qhd": return 1440
            case "fhd", "1080p", "1080i": return 1080
            case "hd", "720p": return 720
            case "sd": return 480
            default:
                var digits = t
                if digits.hasSuffix("p") || digits.hasSuffix("i") { digits.removeLast() }
                return Double(digits).flatMap { $0.isFinite && $0 >= 0 ? $0 : nil }
            }
        case .bitrate:
            var s = t
            for suffix in ["bps", "b/s", "bit/s", "bits"] where s.hasSuffix(suffix) { s.removeLast(suffix.count); break }
            var multiplier = 1.0
            if let last = s.last {
                switch last {
                case "k": multiplier = 1e3
                case "m": multiplier = 1e6
                case "g": multiplier = 1e9
                default: break
                }
                if multiplier != 1 { s.removeLast() }
            }
            return Double(s).flatMap { $0.isFinite && $0 >= 0 ? $0 * multiplier : nil }
        case .bytes:
            return Units.parseBytes(t).map(Double.init)
        case .seconds:
            if let d = Double(t), d.isFinite, d >= 0 { return d }
            return Units.parseDuration(t).map(Double.init)
        }
    }

    var valueHint: String {
        switch kind {
        case .number(.height): return "a height such as 1080, 1080p or 4k"
        case .number(.bitrate): return "a bit rate such as 8M, 800k or 8000000"
        case .number(.bytes): return "a size such as 4G or 700M"
        case .number(.seconds): return "a duration such as 5400, 90m or 1h30m"
        case .number(.plain): return "a number"
        case .text, .list: return "a word"
        case .hdr: return "true, false, hdr10, hdr10+, hlg or dolby-vision"
        }
    }
}
