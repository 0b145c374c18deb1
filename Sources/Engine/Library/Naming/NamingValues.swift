/// The values a `NamingTemplate` fills in. A nil or empty value leaves its token empty, and
/// rendering then drops what only existed around it (brackets, separators, a whole folder level).
///
/// The importer fills these from the release and the metadata it matched; `library check`
/// fills them from `PathFacts` with `init(facts:)`.
public struct NamingValues: Sendable, Equatable {
    /// `{Movie Title}` and `{Title}`: the film's, track's, book's or video's title.
    public var title: String?
    public var year: Int?
    public var edition: String?
    /// `{Quality Full}`: "WEBDL-1080p", "Bluray-2160p Proper".
    public var qualityFull: String?
    public var seriesTitle: String?
    public var season: Int?
    /// Several episodes render as one range or list: `S01E01-E02`, `S01E01E03`.
    public var episodes: [Int]
    public var episodeTitle: String?
    /// "YYYY-MM-DD".
    public var airDate: String?
    public var artist: String?
    /// `{Album Artist}`; the artist when nil.
    public var albumArtist: String?
    public var album: String?
    public var track: Int?
    /// Set only for albums of several discs, so that single-disc albums get no `Disc 1` level.
    public var disc: Int?
    public var author: String?
    /// `{Series}`: a book, audiobook or comic series, or a podcast show.
    public var series: String?
    public var seriesIndex: Double?
    /// A comic's issue number as written ("12", "1.5").
    public var number: String?
    public var channel: String?
    /// As stored, "YYYY-MM-DD".
    public var uploadDate: String?
    public var videoId: String?

    public init(title: String? = nil, year: Int? = nil, edition: String? = nil, qualityFull: String? = nil,
                seriesTitle: String? = nil, season: Int? = nil, episodes: [Int] = [], episodeTitle: String? = nil,
                airDate: String? = nil, artist: String? = nil, albumArtist: String? = nil, album: String? = nil,
                track: Int? = nil, disc: Int? = nil, author: String? = nil, series: String? = nil,
                seriesIndex: Double? = nil, number: String? = nil, channel: String? = nil,
                uploadDate: String? = nil, videoId: String? = nil) {
        self.title = title
        self.year = year
        self.edition = edition
        self.qualityFull = qualityFull
        self.seriesTitle = seriesTitle
        self.season = season
        self.episodes = episodes
        self.episodeTitle = episodeTitle
        self.airDate = airDate
        self.artist = artist
        self.albumArtist = albumArtist
        self.album = album
        self.track = track
        self.disc = disc
        self.author = author
        self.series = series
        self.seriesIndex = seriesIndex
        self.number = number
        self.channel = channel
        self.uploadDate = uploadDate
        self.videoId = videoId
    }

    /// The values a path's facts give: an episode's title is `{Episode Title}` and its
    /// series `{Series Title}`; other kinds fill the tokens named like their fields.
    public init(facts: PathFacts) {
        self.init(title: facts.title, year: facts.year, edition: facts.edition, qualityFull: facts.quality,
                  seriesTitle: facts.series, season: facts.season, episodes: facts.episodes,
                  episodeTitle: facts.kind == .episode ? facts.title : nil, airDate: facts.airDate,
                  artist: facts.artist, albumArtist: facts.artist, album: facts.album, track: facts.track,
                  disc: facts.disc, author: facts.author, series: facts.series, seriesIndex: facts.seriesIndex,
                  number: facts.number, channel: facts.channel, uploadDate: facts.uploadDate, videoId: facts.videoId)
    }
}
