import Foundation

/// What this machine can decode and encode, proven by test runs: the answer to
/// `seedtui --headless gpu`.
///
/// It tells the truth on partial hardware: each device says per codec which path decodes
/// and which encodes, and why not where not; `recommended` picks, per codec, the decode
/// and the encode to use, which may be a GPU decode feeding a CPU encode. Keys are
/// snake_case whatever the caller's encoder strategy, because the JSON is a contract.
public struct HardwareReport: Codable, Sendable, Equatable {
    public var devices: [HardwareDevice]
    public var software: SoftwareCodecs
    public var ffmpeg: FFmpegInfo
    public var recommended: [VideoCodec: CodecRecommendation]
    /// Machine-wide remarks: "no GPU found; software encoding", a missing vainfo...
    public var notes: [String]
    /// When the trials ran (kept from the cache on a warm call).
    public var detectedAt: Date
    /// True when this report came from the cache without running anything.
    public var cached: Bool
    /// How long the call that produced this value took.
    public var durationMs: Int

    public init(devices: [HardwareDevice] = [], software: SoftwareCodecs = SoftwareCodecs(),
                ffmpeg: FFmpegInfo = FFmpegInfo(), recommended: [VideoCodec: CodecRecommendation] = [:],
                notes: [String] = [], detectedAt: Date = Date(), cached: Bool = false, durationMs: Int = 0) {
        self.devices = devices
        self.software = software
        self.ffmpeg = ffmpeg
        self.recommended = recommended
        self.notes = notes
        self.detectedAt = detectedAt
        self.cached = cached
        self.durationMs = durationMs
    }

    enum CodingKeys: String, CodingKey {
        case devices, software, ffmpeg, recommended, notes, cached
        case detectedAt = "detected_at"
        case durationMs = "duration_ms"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(devices, forKey: .devices)
        try c.encode(software, forKey: .software)
        try c.encode(ffmpeg, forKey: .ffmpeg)
        try c.encode(recommended, forKey: .recommended)
        try c.encode(notes, forKey: .notes)
        // An ISO 8601 string whatever the caller's date strategy: scripts read this.
        try c.encode(Self.iso8601(detectedAt), forKey: .detectedAt)
        try c.encode(cached, forKey: .cached)
        try c.encode(durationMs, forKey: .durationMs)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        devices = try c.decode([HardwareDevice].self, forKey: .devices)
        software = try c.decode(SoftwareCodecs.self, forKey: .software)
        ffmpeg = try c.decode(FFmpegInfo.self, forKey: .ffmpeg)
        recommended = try c.decode([VideoCodec: CodecRecommendation].self, forKey: .recommended)
        notes = try c.decodeIfPresent([String].self, forKey: .notes) ?? []
        let stamp = try c.decode(String.self, forKey: .detectedAt)
        guard let date = Self.parseISO8601(stamp) else {
            throw DecodingError.dataCorruptedError(forKey: .detectedAt, in: c, debugDescription: "not ISO 8601: \(stamp)")
        }
        detectedAt = date
        cached = try c.decode(Bool.self, forKey: .cached)
        durationMs = try c.decode(Int.self, forKey: .durationMs)
    }

    /// `2026-11-26T03:13:26.436Z`. Milliseconds are rounded here rather than left to the
    /// formatter, which truncates: 0.436 stored as 0.43599… would come back as .435 and a
    /// cache would never read back equal to what was written.
    static func iso8601(_ date: Date) -> String {
        let ms = Int64((date.timeIntervalSince1970 * 1000).rounded())
        var seconds = ms / 1000
        var fraction = ms % 1000
        if fraction < 0 { seconds -= 1; fraction += 1000 }
        let whole = Date(timeIntervalSince1970: Double(seconds))
            .formatted(.iso8601.year().month().day().time(includingFractionalSeconds: false).timeZone(separator: .omitted))
        let digits = String(fraction)
        return whole.dropLast() + "." + String(repeating: "0", count: 3 - digits.count) + digits + "Z"
    }

    static func parseISO8601(_ text: String) -> Date? {
        if let d = try? Date(text, strategy: .iso8601.year().month().day().time(includingFractionalSeconds: true)
            .timeZone(separator: .omitted)) { return d }
        return try? Date(text, strategy: .iso8601)
    }

    /// The report as JSON, keys sorted so the output is stable.
    public func jsonData(pretty: Bool = false) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
