/// HDR→SDR filter chains, per path.
///
/// Software: linearize with zscale, tone-map with hable in float RGB, back to BT.709 limited
/// range, 8-bit 4:2:0. On GPUs: `tonemap_cuda` (jellyfin-ffmpeg only), `tonemap_vaapi`, and
/// `vpp_qsv=tonemap=1` (ffmpeg ≥ 6.0); `FilterSupport` says which this ffmpeg has, and a path
/// without one tone-maps on the CPU between the GPU decode and the GPU encode.
public enum ToneMapping {
    public static let software = "zscale=t=linear:npl=100,format=gbrpf32le,zscale=p=bt709,tonemap=hable:desat=0,zscale=t=bt709:m=bt709:r=tv,format=yuv420p"
    public static let cuda = "tonemap_cuda=tonemap=hable:desat=0:t=bt709:m=bt709:p=bt709:format=nv12"
    public static let vaapi = "tonemap_vaapi=format=nv12:t=bt709:m=bt709:p=bt709"
    public static let qsv = "vpp_qsv=tonemap=1:format=nv12"
    /// Output tags for BT.709 SDR, so players do not treat the result as HDR.
    public static let sdrTags = ["-color_primaries", "bt709", "-color_trc", "bt709", "-colorspace", "bt709"]

    /// True for PQ (HDR10, HDR10+, Dolby Vision with a PQ base layer) and HLG video.
    public static func isHDR(_ stream: ProbeStream) -> Bool {
        stream.hdr != nil || stream.colorTransfer == "smpte2084" || stream.colorTransfer == "arib-std-b67"
    }

    /// The GPU filter for a route, when this ffmpeg has one and frames stay on the device.
    static func gpuFilter(for route: VideoRoute, filters: FilterSupport) -> String? {
        guard route.sameFamily else { return nil }
        switch route.encodePath {
        case .nvenc where filters.has("tonemap_cuda"): return cuda
        case .vaapi where filters.has("tonemap_vaapi"): return vaapi
        case .qsv where filters.vppQsvTonemap: return qsv
        default: return nil
        }
    }

    /// Why a GPU route tone-maps on the CPU, for the job's notes.
    static func cpuReason(for route: VideoRoute, filters: FilterSupport) -> String? {
        switch route.encodePath {
        case .software: return nil
        case .nvenc:
            return filters.has("tonemap_cuda") ? "tone-mapping on the CPU (tonemap_cuda needs NVDEC decoding on the same GPU)"
                : "this ffmpeg has no tonemap_cuda: tone-mapping on the CPU, encoding on NVENC"
        case .vaapi:
            return filters.has("tonemap_vaapi") ? "tone-mapping on the CPU (tonemap_vaapi needs VAAPI decoding on the same device)"
                : "this ffmpeg has no tonemap_vaapi: tone-mapping on the CPU, encoding on VAAPI"
        case .qsv:
            return filters.vppQsvTonemap ? "tone-mapping on the CPU (vpp_qsv tone-mapping needs QSV decoding)"
                : "this ffmpeg's vpp_qsv cannot tone-map (ffmpeg ≥ 6.0 can): tone-mapping on the CPU, encoding on QSV"
        default: return "tone-mapping on the CPU"
        }
    }
}
