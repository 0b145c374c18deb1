/// For each codec, the path that works on a device, or nil when none does.
///
/// A struct rather than a dictionary so the JSON always carries all four codecs, with an
/// explicit `null` for "tested or considered, and not available": a missing key would
/// read as "not asked".
public struct CodecPaths: Codable, Sendable, Equatable {
    public var h264: HardwarePath?
    public var hevc: HardwarePath?
    public var av1: HardwarePath?
    public var vp9: HardwarePath?

    public init(h264: HardwarePath? = nil, hevc: HardwarePath? = nil, av1: HardwarePath? = nil, vp9: HardwarePath? = nil) {
        self.h264 = h264
        self.hevc = hevc
        self.av1 = av1
        self.vp9 = vp9
    }

    public subscript(codec: VideoCodec) -> HardwarePath? {
        get {
            switch codec {
            case .h264: h264
            case .hevc: hevc
            case .av1: av1
            case .vp9: vp9
            }
        }
        set {
            switch codec {
            case .h264: h264 = newValue
            case .hevc: hevc = newValue
            case .av1: av1 = newValue
            case .vp9: vp9 = newValue
            }
        }
    }

    /// True when no codec has a path.
    public var isEmpty: Bool { VideoCodec.allCases.allSatisfy { self[$0] == nil } }

    enum CodingKeys: String, CodingKey { case h264, hevc, av1, vp9 }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(h264, forKey: .h264)
        try c.encode(hevc, forKey: .hevc)
        try c.encode(av1, forKey: .av1)
        try c.encode(vp9, forKey: .vp9)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        h264 = try c.decodeIfPresent(HardwarePath.self, forKey: .h264)
        hevc = try c.decodeIfPresent(HardwarePath.self, forKey: .hevc)
        av1 = try c.decodeIfPresent(HardwarePath.self, forKey: .av1)
        vp9 = try c.decodeIfPresent(HardwarePath.self, forKey: .vp9)
    }
}
