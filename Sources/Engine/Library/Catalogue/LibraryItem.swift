/// One catalogued file, as `library list --json` prints it.
///
/// Every key is always present (null when unknown) so scripts can rely on the shape;
/// fields that do not apply to a kind stay null. The JSON is written once, when the file
/// is scanned, and stored beside the row.
public struct LibraryItem: Codable, Sendable, Equatable {
    public var id: Int64 = 0
    public var path: String
    public var root: String
    /// The root's library type (movies, tv, ...).
    public var library: LibraryType
    public var type: ItemKind
    public var title: String?
    public var size: Int64
    /// Seconds.
    public var duration: Double?
    public var year: Int?
    public var error: String?
    // TV, podcasts, audiobook and book series
    public var series: String?
    public var season: Int?
    public var episodes: [Int] = []
    public var absoluteEpisodes: [Int] = []
    public var airDate: String?
    public var episodeTitle: String?
    // Movies
    public var edition: String?
    public var part: Int?
    public var version: String?
    public var extraType: String?
    // Music
    public var artist: String?
    public var albumArtist: String?
    public var album: String?
    public var track: Int?
    public var disc: Int?
    public var genre: String?
    public var musicbrainzTrackId: String?
    public var musicbrainzAlbumId: String?
    // Audiobooks and books
    public var author: String?
    public var narrator: String?
    public var seriesIndex: Double?
    public var chapters: Int?
    public var language: String?
    public var isbn: String?
    public var publisher: String?
    // Books and comics
    public var number: String?
    public var volume: Int?
    public var pages: Int?
    public var format: String?
    // Photos
    public var width: Int?
    public var height: Int?
    public var takenAt: String?
    public var camera: String?
    public var latitude: Double?
    public var longitude: Double?
    public var orientation: Int?
    // Videos (YouTube archives)
    public var channel: String?
    public var uploadDate: String?
    public var videoId: String?
    // Audio and video
    public var container: String?
    public var videoCodec: String?
    public var audioCodecs: [String] = []
    public var audioLanguages: [String] = []
    public var subtitleLanguages: [String] = []
    public var hdr: String?
    public var bitDepth: Int?
    public var bitRate: Int64?
    public var quality: String?
    public var hasCover: Bool = false
    /// Sidecar files beside the item (subtitles, .nfo, posters), file names only.
    public var sidecars: [String] = []

    public init(path: String, root: String, library: LibraryType, type: ItemKind, size: Int64) {
        self.path = path
        self.root = root
        self.library = library
        self.type = type
        self.size = size
    }

    enum CodingKeys: String, CodingKey {
        case id, path, root, library, type, title, size, duration, year, error, series, season, episodes
        case absoluteEpisodes = "absolute_episodes", airDate = "air_date", episodeTitle = "episode_title"
        case edition, part, version, extraType = "extra_type"
        case artist, albumArtist = "album_artist", album, track, disc, genre
        case musicbrainzTrackId = "musicbrainz_track_id", musicbrainzAlbumId = "musicbrainz_album_id"
        case author, narrator, seriesIndex = "series_index", chapters, language, isbn, publisher
        case number, volume, pages, format
        case width, height, takenAt = "taken_at", camera, latitude, longitude, orientation
        case channel, uploadDate = "upload_date", videoId = "video_id"
        case container, videoCodec = "video_codec", audioCodecs = "audio_codecs", audioLanguages = "audio_languages"
        case subtitleLanguages = "subtitle_languages", hdr, bitDepth = "bit_depth", bitRate = "bit_rate"
        case quality, hasCover = "has_cover", sidecars
    }

    /// The stored JSON object, written without `JSONEncoder` (a first scan writes one per file).
    func jsonBytes() -> [UInt8] {
        var w = JSONWriter()
        w.beginObject()
        w.field("id", id)
        w.field("path", path); w.field("root", root); w.field("library", library.rawValue); w.field("type", type.rawValue)
        w.field("title", title); w.field("size", size); w.field("duration", duration); w.field("year", year); w.field("error", error)
        w.field("series", series); w.field("season", season); w.field("episodes", episodes)
        w.field("absolute_episodes", absoluteEpisodes); w.field("air_date", airDate); w.field("episode_title", episodeTitle)
        w.field("edition", edition); w.field("part", part); w.field("version", version); w.field("extra_type", extraType)
        w.field("artist", artist); w.field("album_artist", albumArtist); w.field("album", album)
        w.field("track", track); w.field("disc", disc); w.field("genre", genre)
        w.field("musicbrainz_track_id", musicbrainzTrackId); w.field("musicbrainz_album_id", musicbrainzAlbumId)
        w.field("author", author); w.field("narrator", narrator); w.field("series_index", seriesIndex)
        w.field("chapters", chapters); w.field("language", language); w.field("isbn", isbn); w.field("publisher", publisher)
        w.field("number", number); w.field("volume", volume); w.field("pages", pages); w.field("format", format)
        w.field("width", width); w.field("height", height); w.field("taken_at", takenAt); w.field("camera", camera)
        w.field("latitude", latitude); w.field("longitude", longitude); w.field("orientation", orientation)
        w.field("channel", channel); w.field("upload_date", uploadDate); w.field("video_id", videoId)
        w.field("container", container); w.field("video_codec", videoCodec); w.field("audio_codecs", audioCodecs)
        w.field("audio_languages", audioLanguages); w.field("subtitle_languages", subtitleLanguages)
        w.field("hdr", hdr); w.field("bit_depth", bitDepth); w.field("bit_rate", bitRate); w.field("quality", quality)
        w.field("has_cover", hasCover); w.field("sidecars", sidecars)
        w.endObject()
        return w.bytes
    }
}
