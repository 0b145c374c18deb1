import Foundation

/// The parts of ffmpeg's self-description detection needs: version, hwaccels, and the
/// video encoders and decoders it was built with.
struct FFmpegCapabilities: Sendable, Equatable {
    var version: String?
    var hwaccels: Set<String> = []
    var encoders: Set<String> = []
    var decoders: Set<String> = []

    /// `ffmpeg version 5.1.9-0+deb12u1 Copyright ...` gives `5.1.9-0+deb12u1`.
    static func version(_ text: String) -> String? {
        guard let line = text.split(whereSeparator: \.isNewline).first(where: { $0.hasPrefix("ffmpeg version ") }) else { return nil }
        return line.dropFirst("ffmpeg version ".count).split(separator: " ").first.map(String.init)
    }

    /// `-hwaccels`: a heading line, then one name per line.
    static func hwaccels(_ text: String) -> Set<String> {
        Set(text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.contains(" ") && !$0.hasSuffix(":") })
    }

    /// `-encoders` / `-decoders`: after the `------` rule, ` V....D libx264   description`.
    /// Only video entries (flag column starting with V) are kept.
    static func videoCodecs(_ text: String) -> Set<String> {
        var out = Set<String>()
        var pastRule = false
        for line in text.split(whereSeparator: \.isNewline) {
            let words = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
            if !pastRule {
                pastRule = words.first?.allSatisfy { $0 == "-" } == true && words.count == 1
                continue
            }
            guard words.count >= 2, words[0].count == 6, words[0].first == "V" else { continue }
            out.insert(String(words[1]))
        }
        return out
    }

    static let hardwareSuffixes = ["nvenc", "cuvid", "vaapi", "qsv", "v4l2m2m", "amf", "videotoolbox", "mf", "omx",
                                   "vulkan", "rkmpp", "mediacodec"]

    /// Hardware codecs of the four video codecs, for the report (`h264_nvenc`, `hevc_cuvid`).
    static func hardwareNames(_ names: Set<String>) -> [String] {
        names.filter { name in
            VideoCodec.allCases.contains { name.hasPrefix("\($0.rawValue)_") }
                && hardwareSuffixes.contains { name.hasSuffix("_\($0)") }
        }.sorted()
    }
}
