/// Which of the filters the argv builder may use this ffmpeg has.
///
/// Debian 12's ffmpeg 5.1 has `zscale`, `tonemap`, `tonemap_vaapi`, `tonemap_opencl`,
/// `scale_cuda` and `vpp_qsv`, but no `tonemap_cuda` (a jellyfin-ffmpeg filter), and its
/// `vpp_qsv` has no `tonemap` option (added in ffmpeg 6.0). So on that build HDR→SDR runs
/// on the GPU only through VAAPI; NVENC and QSV jobs tone-map on the CPU and upload.
public struct FilterSupport: Sendable, Equatable {
    public var names: Set<String>
    /// `vpp_qsv` takes `tonemap=1`.
    public var vppQsvTonemap: Bool

    public init(names: Set<String>, vppQsvTonemap: Bool = false) {
        self.names = names
        self.vppQsvTonemap = vppQsvTonemap
    }

    public func has(_ name: String) -> Bool { names.contains(name) }

    /// What Debian 12's ffmpeg 5.1 was found to have (for tests and as the assumption when
    /// ffmpeg cannot be asked).
    public static let debianFFmpeg51 = FilterSupport(names: [
        "zscale", "tonemap", "format", "hwupload", "hwdownload", "hwupload_cuda", "scale_cuda", "scale_vaapi",
        "tonemap_vaapi", "tonemap_opencl", "vpp_qsv", "libplacebo", "scale",
    ])

    /// `ffmpeg -hide_banner -filters`: after the legend, lines ` TSC name  V->V  description`.
    public static func parse(filters text: String, vppQsvHelp: String = "") -> FilterSupport {
        var names = Set<String>()
        for line in text.split(whereSeparator: \.isNewline) {
            let words = line.split(separator: " ", omittingEmptySubsequences: true)
            guard words.count >= 3, words[0].count == 3, words[0].allSatisfy({ ".TSC|".contains($0) }),
                  words[2].contains("->") else { continue }
            names.insert(String(words[1]))
        }
        return FilterSupport(names: names, vppQsvTonemap: vppQsvHelp.contains("tonemap"))
    }

    /// A one-line account of the HDR→SDR paths, for `presets list` and notes.
    public var toneMapSummary: String {
        var parts: [String] = []
        parts.append(has("zscale") && has("tonemap") ? "software zscale+tonemap: yes" : "software zscale+tonemap: NO (ffmpeg built without libzimg)")
        parts.append("tonemap_cuda: \(has("tonemap_cuda") ? "yes" : "no")")
        parts.append("tonemap_vaapi: \(has("tonemap_vaapi") ? "yes" : "no")")
        parts.append("vpp_qsv tonemap: \(vppQsvTonemap ? "yes" : "no")")
        return parts.joined(separator: ", ")
    }
}
