import Foundation

/// What `vainfo --display drm --device /dev/dri/renderDN` says a render node can do.
///
/// Used to pick which VAAPI trials to run and to explain a missing path ("vainfo lists no
/// encode entrypoint for VP9"); what it lists is still tested before the report trusts it.
struct VAInfo: Sendable, Equatable {
    /// `Intel iHD driver for Intel(R) Gen Graphics - 23.1.1 ()`
    var driver: String?
    var decode: Set<VideoCodec> = []
    var encode: Set<VideoCodec> = []
    /// Codecs whose only encode entrypoint is the low-power one (`VAEntrypointEncSliceLP`):
    /// ffmpeg needs `-low_power 1` for them.
    var lowPowerOnlyEncode: Set<VideoCodec> = []

    /// Parses lines like `VAProfileH264Main : VAEntrypointEncSliceLP`.
    init(parsing text: String) {
        var fullEncode: Set<VideoCodec> = []
        var lowPower: Set<VideoCodec> = []
        for raw in text.split(whereSeparator: \.isNewline) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if let range = line.range(of: "Driver version:") {
                driver = line[range.upperBound...].trimmingCharacters(in: .whitespaces)
                continue
            }
            let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, parts[0].hasPrefix("VAProfile"), let codec = Self.codec(profile: parts[0]) else { continue }
            let entrypoint = parts[1]
            switch entrypoint {
            case "VAEntrypointVLD": decode.insert(codec)
            case "VAEntrypointEncSliceLP": lowPower.insert(codec)
            case "VAEntrypointEncSlice", "VAEntrypointEncPicture": fullEncode.insert(codec)
            default: break
            }
        }
        encode = fullEncode.union(lowPower)
        lowPowerOnlyEncode = lowPower.subtracting(fullEncode)
    }

    /// VAProfileH264Main, VAProfileHEVCMain10, VAProfileVP9Profile0, VAProfileAV1Profile0.
    /// Only 8-bit 4:2:0 profiles decide: that is what the trials use.
    static func codec(profile: String) -> VideoCodec? {
        let name = profile.dropFirst("VAProfile".count)
        if name.hasPrefix("H264") { return name.contains("MultiviewHigh") || name.contains("StereoHigh") ? nil : .h264 }
        if name == "HEVCMain" { return .hevc }
        if name == "VP9Profile0" { return .vp9 }
        if name == "AV1Profile0" { return .av1 }
        return nil
    }

    /// The marketing name inside a Mesa driver string: `Mesa Gallium driver 23.1.2 for AMD
    /// Radeon RX 6600 (navi23, LLVM ...)` gives `AMD Radeon RX 6600`.
    var modelFromDriver: String? {
        guard let driver, let forRange = driver.range(of: " for ") else { return nil }
        var model = String(driver[forRange.upperBound...])
        if let paren = model.range(of: " (") { model = String(model[..<paren.lowerBound]) }
        if let dash = model.range(of: " - ") { model = String(model[..<dash.lowerBound]) }
        model = model.trimmingCharacters(in: .whitespaces)
        return model.isEmpty || model.contains("Gen Graphics") ? nil : model
    }
}
