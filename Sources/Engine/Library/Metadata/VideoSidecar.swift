import Foundation

/// The fields of a yt-dlp `.info.json` sidecar the library uses for downloaded videos.
///
/// yt-dlp writes one JSON object per video; its schema varies by site and version
/// (numbers as strings, missing keys), so every field is optional and read leniently.
/// The file can carry whole comment threads, hence the size cap.
public struct VideoSidecar: Sendable, Codable, Equatable {
    public var id: String?
    public var title: String?
    public var channel: String?
    public var uploader: String?
    /// `YYYY-MM-DD`, from yt-dlp's `upload_date` (`20240131`).
    public var uploadDate: String?
    /// Seconds.
    public var duration: Double?
    public var webpageURL: String?

    public init(id: String? = nil, title: String? = nil, channel: String? = nil, uploader: String? = nil,
                uploadDate: String? = nil, duration: Double? = nil, webpageURL: String? = nil) {
        self.id = id
        self.title = title
        self.channel = channel
        self.uploader = uploader
        self.uploadDate = uploadDate
        self.duration = duration
        self.webpageURL = webpageURL
    }

    static let maxBytes = 32 << 20

    /// Reads `path`; throws `tooLarge` past 32 MiB and `corrupt` when it is not a JSON object.
    public static func read(path: String) throws -> VideoSidecar {
        let file = try BoundedFile(path: path, budget: maxBytes)
        guard file.size <= Int64(maxBytes) else {
            throw MetadataError(.tooLarge, path: path, "the sidecar is \(file.size >> 20) MiB, over the 32 MiB limit",
                                advice: "rewrite it without comments (yt-dlp --no-write-comments) or remove it")
        }
        let bytes = try file.read(at: 0, count: Int(file.size))
        guard let object = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any] else {
            throw MetadataError.corrupt(path, "not a JSON object as yt-dlp writes")
        }
        return VideoSidecar(json: object)
    }

    init(json: [String: Any]) {
        func string(_ key: String) -> String? {
            switch json[key] {
            case let s as String: return s.isEmpty ? nil : s
            case let n as NSNumber: return n.stringValue
            default: return nil
            }
        }
        id = string("id")
        title = string("title") ?? string("fulltitle")
        channel = string("channel")
        uploader = string("uploader")
        webpageURL = string("webpage_url") ?? string("original_url")
        uploadDate = string("upload_date").flatMap(Self.isoDate)
        switch json["duration"] {
        case let n as NSNumber: duration = n.doubleValue
        case let s as String: duration = Double(s)
        default: duration = nil
        }
        if let d = duration, !d.isFinite || d < 0 { duration = nil }
    }

    /// `20240131` → `2024-01-31`; a value already in `YYYY-MM-DD` form is kept.
    static func isoDate(_ text: String) -> String? {
        let c = Array(text.utf8)
        if c.count == 8 && c.allSatisfy({ (48...57).contains($0) }) {
            return "\(text.prefix(4))-\(text.dropFirst(4).prefix(2))-\(text.suffix(2))"
        }
        if c.count == 10 && c[4] == 45 && c[7] == 45 { return text }
        return nil
    }
}
