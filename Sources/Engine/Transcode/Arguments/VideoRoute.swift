/// How a job's video frames travel: which decode path and decoder, which encoder, on which
/// device. Chosen from the hardware report's `recommended` map (the target codec's encode,
/// the input codec's decode), or all in software.
public struct VideoRoute: Codable, Sendable, Equatable {
    public var decodePath: HardwarePath
    /// The decoder forced with `-c:v` before `-i` (hardware decodes only).
    public var decoder: String?
    public var decodeDevice: String?
    public var encodePath: HardwarePath
    public var encoder: String
    public var encodeDevice: String?
    /// Options the hardware trial needed (`-low_power 1`).
    public var encodeOptions: [String]

    public init(decodePath: HardwarePath = .software, decoder: String? = nil, decodeDevice: String? = nil,
                encodePath: HardwarePath = .software, encoder: String, encodeDevice: String? = nil, encodeOptions: [String] = []) {
        self.decodePath = decodePath
        self.decoder = decoder
        self.decodeDevice = decodeDevice
        self.encodePath = encodePath
        self.encoder = encoder
        self.encodeDevice = encodeDevice
        self.encodeOptions = encodeOptions
    }

    enum CodingKeys: String, CodingKey {
        case decoder, encoder
        case decodePath = "decode_path", decodeDevice = "decode_device", encodePath = "encode_path"
        case encodeDevice = "encode_device", encodeOptions = "encode_options"
    }

    /// True when the encode runs on a GPU: the job takes a GPU slot.
    public var encodesOnGPU: Bool { encodePath != .software }
    public var usesHardware: Bool { encodePath != .software || decodePath != .software }

    /// The CPU route for a codec: the first software encoder this ffmpeg proved it has
    /// (`available`, from the report), else the usual one.
    public static func software(_ codec: VideoCodec, available: [String]? = nil) -> VideoRoute {
        let names = codec.softwareEncoders.map(\.name)
        let name = available.flatMap { list in names.first(where: list.contains) } ?? names[0]
        return VideoRoute(encoder: name)
    }

    /// The route for encoding to `target` from a stream of `inputCodec` (ffmpeg's codec name),
    /// given what the machine was proven to do. V4L2 M2M encoders have no quality-based
    /// mode, so quality recipes encode on the CPU there.
    public static func choose(target: VideoCodec, inputCodec: String?, report: HardwareReport?) -> VideoRoute {
        guard let report else { return software(target) }
        var route = software(target, available: report.software.encoders)
        if let rec = report.recommended[target], let path = rec.encodePath, path != .software, path != .v4l2m2m, let encoder = rec.encode {
            route.encodePath = path
            route.encoder = encoder
            route.encodeDevice = rec.encodeDevice
            route.encodeOptions = rec.encodeOptions
        }
        if let input = inputCodec.flatMap(VideoCodec.init(rawValue:)), let rec = report.recommended[input],
           let path = rec.decodePath, path != .software {
            route.decodePath = path
            route.decoder = rec.decoder
            route.decodeDevice = rec.decodeDevice
        }
        return route
    }

    /// The same job without any hardware: what a failed GPU job is retried with.
    public func softwareOnly(_ codec: VideoCodec, available: [String]? = nil) -> VideoRoute {
        Self.software(codec, available: available)
    }

    /// Decode and encode in the same hardware family on the same device, so frames can stay there.
    var sameFamily: Bool {
        switch (decodePath, encodePath) {
        case (.nvdec, .nvenc): return decodeDevice == encodeDevice
        case (.vaapi, .vaapi), (.qsv, .qsv): return decodeDevice == encodeDevice
        default: return false
        }
    }

    /// `NVENC (hevc_nvenc) on 0, decode NVDEC`: for notes and listings.
    public var label: String {
        var text = encodePath == .software ? "CPU (\(encoder))" : "\(encodePath.label) (\(encoder))"
        if decodePath != .software { text += ", decode \(decodePath.label)" }
        return text
    }
}
