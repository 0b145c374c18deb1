/// The path to use for one codec on this machine, in ffmpeg's words.
///
/// Decode and encode are chosen separately because machines are lopsided: an H100 decodes
/// HEVC on NVDEC (`decode: "cuda"`) but has no NVENC, so it encodes with `libx265`.
/// When both can be on a GPU, the decode goes to the device that encodes, so frames can
/// stay in its memory.
public struct CodecRecommendation: Codable, Sendable, Equatable {
    /// `cuda`, `vaapi`, `qsv`, `v4l2m2m` or `software`; nil when nothing can decode the codec.
    public var decode: String?
    public var decodePath: HardwarePath?
    /// The decoder to force with `-c:v` before `-i`: the native decoder under a hwaccel
    /// (`av1`, so ffmpeg does not pick libdav1d), `hevc_qsv`, `h264_v4l2m2m`, or the
    /// preferred software decoder.
    public var decoder: String?
    /// CUDA index or render node the decode runs on.
    public var decodeDevice: String?
    /// The encoder (`hevc_nvenc`, `libx265`); nil when nothing can encode the codec.
    public var encode: String?
    public var encodePath: HardwarePath?
    public var encodeDevice: String?
    /// Extra encoder options the trial needed (`-low_power 1` for low-power-only VAAPI).
    public var encodeOptions: [String]

    public init(decode: String? = nil, decodePath: HardwarePath? = nil, decoder: String? = nil,
                decodeDevice: String? = nil, encode: String? = nil, encodePath: HardwarePath? = nil,
                encodeDevice: String? = nil, encodeOptions: [String] = []) {
        self.decode = decode
        self.decodePath = decodePath
        self.decoder = decoder
        self.decodeDevice = decodeDevice
        self.encode = encode
        self.encodePath = encodePath
        self.encodeDevice = encodeDevice
        self.encodeOptions = encodeOptions
    }

    enum CodingKeys: String, CodingKey {
        case decode, decoder, encode
        case decodePath = "decode_path"
        case decodeDevice = "decode_device"
        case encodePath = "encode_path"
        case encodeDevice = "encode_device"
        case encodeOptions = "encode_options"
    }
}
