/// What in-process probing found in one media file: the essentials of
/// `ffprobe -show_format -show_streams -show_chapters`, shaped for the catalogue.
///
/// JSON keys are snake_case; `seedtui --headless probe --json` prints these.
public struct ProbeResult: Codable, Sendable, Equatable {
    public var path: String
    /// Short container name: mkv, webm, mp4, m4a, m4b, mov, avi, mpegts, flac, mp3, ogg, ...
    public var container: String
    /// libavformat's own name ("matroska,webm"), as ffprobe's `format_name`.
    public var formatName: String
    public var duration: Double?
    public var bitRate: Int64?
    public var size: Int64
    public var streams: [ProbeStream]
    public var chapters: [ProbeChapter]
    /// Container tags with lowercase keys (title, artist, album_artist, album, track, disc, date, genre,
    /// composer, musicbrainz_*).
    public var tags: [String: String]
    /// An embedded cover picture (attached picture stream).
    public var hasCover: Bool

    enum CodingKeys: String, CodingKey {
        case path, container, duration, size, streams, chapters, tags
        case formatName = "format_name", bitRate = "bit_rate", hasCover = "has_cover"
    }

    /// The main video stream: the first video stream that is not a cover picture.
    public var video: ProbeStream? { streams.first { $0.type == "video" && !$0.isAttachedPicture } }
    public var audio: [ProbeStream] { streams.filter { $0.type == "audio" } }
    public var subtitles: [ProbeStream] { streams.filter { $0.type == "subtitle" } }
}

public struct ProbeStream: Codable, Sendable, Equatable {
    public var index: Int
    /// video, audio, subtitle, attachment or data.
    public var type: String
    public var codec: String
    public var profile: String?
    public var bitRate: Int64?
    public var language: String?
    public var title: String?
    public var isDefault: Bool
    public var isForced: Bool
    public var isAttachedPicture: Bool
    // Video
    public var width: Int?
    public var height: Int?
    public var frameRate: Double?
    public var pixelFormat: String?
    public var bitDepth: Int?
    /// HDR10, HDR10+, HLG or Dolby Vision; nil for SDR.
    public var hdr: String?
    public var colorTransfer: String?
    public var colorPrimaries: String?
    // Audio
    public var channels: Int?
    public var channelLayout: String?
    public var sampleRate: Int?

    enum CodingKeys: String, CodingKey {
        case index, type, codec, profile, language, title, width, height, hdr, channels
        case bitRate = "bit_rate", isDefault = "default", isForced = "forced", isAttachedPicture = "attached_pic"
        case frameRate = "frame_rate", pixelFormat = "pix_fmt", bitDepth = "bit_depth"
        case colorTransfer = "color_transfer", colorPrimaries = "color_primaries"
        case channelLayout = "channel_layout", sampleRate = "sample_rate"
    }

    init(index: Int, type: String, codec: String) {
        self.index = index
        self.type = type
        self.codec = codec
        isDefault = false
        isForced = false
        isAttachedPicture = false
    }
}

public struct ProbeChapter: Codable, Sendable, Equatable {
    public var start: Double
    public var end: Double
    public var title: String?
}
