/// One real ffmpeg run that proved (or disproved) a path.
///
/// A listing is no proof: ffmpeg lists `h264_nvenc` on machines without an NVIDIA card,
/// and an H100 lists NVENC encoders it does not have. Every path in a report is backed
/// by a trial, and a failed trial keeps ffmpeg's own error line so the user sees why.
public struct HardwareTrial: Codable, Sendable, Equatable {
    public var codec: VideoCodec
    public var direction: TrialDirection
    public var path: HardwarePath
    /// The ffmpeg encoder, decoder or hwaccel the trial exercised (`hevc_nvenc`, `cuda`, `libx264`).
    public var tool: String
    public var ok: Bool
    /// The most telling line ffmpeg printed when the trial failed (or "timed out after 5 s").
    public var error: String?
    public var durationMs: Int

    public init(codec: VideoCodec, direction: TrialDirection, path: HardwarePath, tool: String,
                ok: Bool, error: String? = nil, durationMs: Int = 0) {
        self.codec = codec
        self.direction = direction
        self.path = path
        self.tool = tool
        self.ok = ok
        self.error = error
        self.durationMs = durationMs
    }

    enum CodingKeys: String, CodingKey {
        case codec, direction, path, tool, ok, error
        case durationMs = "duration_ms"
    }
}
