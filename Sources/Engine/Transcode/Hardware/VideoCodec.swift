/// The four video codecs the transcoder cares about, and what ffmpeg calls their pieces.
///
/// Detection asks the same questions for each codec (can this machine decode it, encode
/// it, and through which path), so the names ffmpeg uses for the native decoder and the
/// software encoders live here once instead of being spelled out in every probe.
public enum VideoCodec: String, CaseIterable, Codable, CodingKeyRepresentable, Sendable, Comparable {
    case h264, hevc, av1, vp9

    public static func < (a: VideoCodec, b: VideoCodec) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// ffmpeg's own decoder, the one a `-hwaccel` attaches to. Forced with `-c:v` because
    /// ffmpeg would otherwise pick libdav1d for AV1 and silently skip the hardware.
    public var nativeDecoder: String { rawValue }

    /// Software encoders in order of preference, each with the options that make a
    /// ten-frame test encode take a fraction of a second.
    var softwareEncoders: [(name: String, speed: [String])] {
        switch self {
        case .h264: [("libx264", ["-preset", "ultrafast"]), ("libopenh264", [])]
        case .hevc: [("libx265", ["-preset", "ultrafast"]), ("libkvazaar", ["-preset", "ultrafast"])]
        case .av1: [("libsvtav1", ["-preset", "12"]), ("libaom-av1", ["-cpu-used", "8", "-usage", "realtime"]),
                    ("librav1e", ["-speed", "10"])]
        case .vp9: [("libvpx-vp9", ["-deadline", "realtime", "-cpu-used", "8"])]
        }
    }

    /// Software decoders in order of preference. ffmpeg's native `av1` decoder is only a
    /// front for hardware, so for AV1 the library decoders come first.
    var softwareDecoders: [String] {
        switch self {
        case .h264: ["h264"]
        case .hevc: ["hevc"]
        case .av1: ["libdav1d", "libaom-av1", "av1"]
        case .vp9: ["vp9", "libvpx-vp9"]
        }
    }

    /// The name ffmpeg gives the encoder or decoder of this codec for a hardware family
    /// (`hevc_nvenc`, `vp9_qsv`).
    func hardwareCodecName(_ suffix: String) -> String { "\(rawValue)_\(suffix)" }
}
