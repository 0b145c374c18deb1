/// What the installed ffmpeg says about itself: the version and the hardware pieces it
/// was built with.
///
/// Built with is not working: these lists say which trials are worth running, and the
/// report's device entries say which passed.
public struct FFmpegInfo: Codable, Sendable, Equatable {
    /// Absolute path of the binary that was probed; nil when no ffmpeg was found.
    public var path: String?
    public var version: String?
    /// `-hwaccels`: cuda, vaapi, qsv, drm, vulkan...
    public var hwaccels: [String]
    /// Hardware encoders for the four codecs (`h264_nvenc`, `hevc_vaapi`...).
    public var hardwareEncoders: [String]
    /// Hardware decoders for the four codecs (`hevc_cuvid`, `vp9_qsv`...).
    public var hardwareDecoders: [String]
    /// Why ffmpeg could not be asked, when it could not.
    public var error: String?

    public init(path: String? = nil, version: String? = nil, hwaccels: [String] = [], hardwareEncoders: [String] = [],
                hardwareDecoders: [String] = [], error: String? = nil) {
        self.path = path
        self.version = version
        self.hwaccels = hwaccels
        self.hardwareEncoders = hardwareEncoders
        self.hardwareDecoders = hardwareDecoders
        self.error = error
    }

    enum CodingKeys: String, CodingKey {
        case path, version, hwaccels, error
        case hardwareEncoders = "hardware_encoders"
        case hardwareDecoders = "hardware_decoders"
    }
}
