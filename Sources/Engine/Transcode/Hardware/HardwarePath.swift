/// The route a decode or encode takes through the machine.
///
/// Device entries name the hardware block (`nvdec`, `nvenc`) so the report reads like the
/// vendor's documentation; `software` is the CPU. The recommendation turns a path into
/// the ffmpeg words that select it (`-hwaccel cuda`, `-c:v hevc_nvenc`).
public enum HardwarePath: String, Codable, Sendable, CaseIterable {
    /// NVIDIA's decoder, through ffmpeg's `cuda` hwaccel.
    case nvdec
    /// NVIDIA's encoder (`h264_nvenc`, `hevc_nvenc`, `av1_nvenc`), through CUDA.
    case nvenc
    /// VA-API on a DRM render node (Intel, AMD).
    case vaapi
    /// Intel Quick Sync Video (`h264_qsv`), on top of the Intel render node.
    case qsv
    /// Video4Linux memory-to-memory codecs on ARM boards (`h264_v4l2m2m`).
    case v4l2m2m
    /// The CPU.
    case software

    /// How the report names the path for people.
    public var label: String {
        switch self {
        case .nvdec: "NVDEC"
        case .nvenc: "NVENC"
        case .vaapi: "VAAPI"
        case .qsv: "QSV"
        case .v4l2m2m: "V4L2 M2M"
        case .software: "software"
        }
    }

    /// The `-hwaccel` name (or family) ffmpeg uses for a decode path.
    public var ffmpegDecodeName: String {
        switch self {
        case .nvdec, .nvenc: "cuda"
        case .vaapi: "vaapi"
        case .qsv: "qsv"
        case .v4l2m2m: "v4l2m2m"
        case .software: "software"
        }
    }
}

/// Whether a trial decoded or encoded.
public enum TrialDirection: String, Codable, Sendable {
    case decode, encode
}
