/// What a release name says about the release: title, numbering, quality, group.
///
/// Produced by `ReleaseParser.parse(_:)`; the decision engine, the importer and
/// `seedtui --headless parse` read it. Every field is optional in spirit: a name that
/// does not say something leaves the field empty (nil, [] or false), never guessed.
/// JSON keys are snake_case (`absolute_episodes`, `air_date`, ...).
///
///     ReleaseParser.parse("Show.Name.S02E05.1080p.WEB-DL.DDP5.1.H.264-GRP")
///     // title "Show Name", seasons [2], episodes [5], quality "WEBDL-1080p", release_group "GRP"
public struct ReleaseInfo: Sendable, Codable, Equatable {
    /// What kind of media the name describes.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case episode, movie, music, book, audiobook, comic, unknown
    }

    public var title: String?
    public var year: Int?
    /// One season for an episode or a season pack; several for a multi-season pack (S01-S03).
    public var seasons: [Int] = []
    public var episodes: [Int] = []
    /// Anime-style numbering across seasons ("[Group] Show - 123").
    public var absoluteEpisodes: [Int] = []
    /// "YYYY-MM-DD" for daily shows.
    public var airDate: String?
    /// A whole season (or several) rather than single episodes.
    public var fullSeason = false
    /// "480p", "576p", "720p", "1080p" or "2160p".
    public var resolution: String?
    /// CAM, TELESYNC, TELECINE, WORKPRINT, DVDSCR, REGIONAL, DVD, DVD-R, HDTV, SDTV,
    /// WEBDL, WEBRip, Bluray, Remux, BR-DISK or Raw-HD.
    public var source: String?
    /// Sonarr/Radarr-style quality name ("WEBDL-1080p", "Remux-2160p", "SDTV", "Unknown");
    /// for music a Lidarr-style name ("FLAC", "MP3-320", "MP3-VBR-V0").
    public var quality = "Unknown"
    public var proper = false
    public var repack = false
    /// Revision when the name numbers it: v2 → 2, REPACK2 → 3 (the second repack is the third revision).
    public var version: Int?
    public var videoCodec: String?
    public var audioCodec: String?
    public var audioChannels: String?
    /// HDR10, HDR10+, DV or HLG.
    public var hdr: String?
    /// Audio languages by English name ("French", "German"), or "Multi".
    public var languages: [String] = []
    public var edition: String?
    public var releaseGroup: String?
    /// AMZN, NF, DSNP, HMAX, ATVP, HULU, ...
    public var streamingService: String?
    public var type: Kind = .unknown
    public var artist: String?
    public var album: String?
    public var author: String?
    /// Music: FLAC, FLAC 24bit, MP3-320, MP3-V0, AAC, ...; books: EPUB, AZW3, MOBI, PDF;
    /// audiobooks: M4B, MP3; comics: CBZ, CBR.
    public var format: String?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case title, year, seasons, episodes
        case absoluteEpisodes = "absolute_episodes"
        case airDate = "air_date"
        case fullSeason = "full_season"
        case resolution, source, quality, proper, repack, version
        case videoCodec = "video_codec"
        case audioCodec = "audio_codec"
        case audioChannels = "audio_channels"
        case hdr, languages, edition
        case releaseGroup = "release_group"
        case streamingService = "streaming_service"
        case type, artist, album, author, format
    }
}
