/// Everything a file's path says about it, before tags or embedded metadata are read.
///
/// The scanner keeps these beside what the file's own metadata says: media servers read
/// paths (Jellyfin and Plex for films and shows, Kavita for comics, AudioBookshelf for books),
/// so `library check` compares the two and flags the paths a server would misread.
/// `PathClassifier.classify(relativePath:type:)` produces them; a field the path does not
/// state stays nil or empty, never guessed. JSON keys are snake_case (`series_index`, ...).
///
/// Which fields a kind fills:
/// - movie: title, year, edition, part, version, quality
/// - episode: series (the show), title (the episode's), year (the show's), season, episodes,
///   absolute_episodes, air_date, quality
/// - track: artist, album, year, disc, track, title
/// - audiobook: author, series, series_index, title, year, narrator, and for a book kept as
///   a folder of files, the chapter file's name and number (track)
/// - podcast_episode: series (the show), air_date, title
/// - book: author, series, series_index, title, year
/// - comic: series, number, volume, year, title (the issue's, when named)
/// - video: channel, upload_date, video_id, title
/// - extra and sample: extra_type, title, and the series and season they sit under in a show
public struct PathFacts: Sendable, Codable, Equatable {
    public var kind: ItemKind
    /// The item's own title: the film, the episode, the track, the book, the chapter-less audiobook.
    public var title: String?
    public var year: Int?
    /// The TV series, audiobook or book series, comic series, or podcast show.
    public var series: String?
    /// 0 for specials.
    public var season: Int?
    public var episodes: [Int] = []
    /// Anime-style numbering across seasons ("Show - 123").
    public var absoluteEpisodes: [Int] = []
    /// "YYYY-MM-DD" for daily shows and podcast episodes.
    public var airDate: String?
    public var edition: String?
    /// Which piece of a film stacked over several files (cd1, part2, disc 3).
    public var part: Int?
    /// trailer, featurette, behindthescenes, deleted, interview, scene, short, sample or other.
    public var extraType: String?
    /// The label of one of several versions of a film ("1080p", "Director's Cut" in
    /// `Movie (2010) - 1080p.mkv`), which servers show as a version choice.
    public var version: String?
    public var artist: String?
    public var album: String?
    public var track: Int?
    public var disc: Int?
    public var author: String?
    /// AudioBookshelf's `{Narrator}` in a book folder's name.
    public var narrator: String?
    /// The file name (without extension) of one chapter of a book kept as a folder of files;
    /// a proposed path keeps it, since only the book's folder is named by the template.
    public var chapter: String?
    /// Position in a book series; fractional for novellas between books (1.5).
    public var seriesIndex: Double?
    /// A comic's issue or chapter number as written without leading zeros ("12", "1.5", "12a").
    public var number: String?
    public var volume: Int?
    /// Sonarr/Radarr-style quality ("WEBDL-1080p") when the name states a resolution or source.
    public var quality: String?
    public var channel: String?
    /// An 11-character YouTube id from a `[videoId]` suffix.
    public var videoId: String?
    /// "YYYY-MM-DD".
    public var uploadDate: String?

    public init(kind: ItemKind, title: String? = nil, year: Int? = nil, series: String? = nil,
                season: Int? = nil, episodes: [Int] = [], absoluteEpisodes: [Int] = [], airDate: String? = nil,
                edition: String? = nil, part: Int? = nil, extraType: String? = nil, version: String? = nil,
                artist: String? = nil, album: String? = nil, track: Int? = nil, disc: Int? = nil,
                author: String? = nil, narrator: String? = nil, chapter: String? = nil, seriesIndex: Double? = nil,
                number: String? = nil, volume: Int? = nil, quality: String? = nil,
                channel: String? = nil, videoId: String? = nil, uploadDate: String? = nil) {
        self.kind = kind
        self.title = title
        self.year = year
        self.series = series
        self.season = season
        self.episodes = episodes
        self.absoluteEpisodes = absoluteEpisodes
        self.airDate = airDate
        self.edition = edition
        self.part = part
        self.extraType = extraType
        self.version = version
        self.artist = artist
        self.album = album
        self.track = track
        self.disc = disc
        self.author = author
        self.narrator = narrator
        self.chapter = chapter
        self.seriesIndex = seriesIndex
        self.number = number
        self.volume = volume
        self.quality = quality
        self.channel = channel
        self.videoId = videoId
        self.uploadDate = uploadDate
    }

    enum CodingKeys: String, CodingKey {
        case kind, title, year, series, season, episodes
        case absoluteEpisodes = "absolute_episodes"
        case airDate = "air_date"
        case edition, part
        case extraType = "extra_type"
        case version, artist, album, track, disc, author, narrator, chapter
        case seriesIndex = "series_index"
        case number, volume, quality, channel
        case videoId = "video_id"
        case uploadDate = "upload_date"
    }

    /// Missing keys read as empty, so stored facts survive fields added later.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(kind: try c.decode(ItemKind.self, forKey: .kind))
        title = try c.decodeIfPresent(String.self, forKey: .title)
        year = try c.decodeIfPresent(Int.self, forKey: .year)
        series = try c.decodeIfPresent(String.self, forKey: .series)
        season = try c.decodeIfPresent(Int.self, forKey: .season)
        episodes = try c.decodeIfPresent([Int].self, forKey: .episodes) ?? []
        absoluteEpisodes = try c.decodeIfPresent([Int].self, forKey: .absoluteEpisodes) ?? []
        airDate = try c.decodeIfPresent(String.self, forKey: .airDate)
        edition = try c.decodeIfPresent(String.self, forKey: .edition)
        part = try c.decodeIfPresent(Int.self, forKey: .part)
        extraType = try c.decodeIfPresent(String.self, forKey: .extraType)
        version = try c.decodeIfPresent(String.self, forKey: .version)
        artist = try c.decodeIfPresent(String.self, forKey: .artist)
        album = try c.decodeIfPresent(String.self, forKey: .album)
        track = try c.decodeIfPresent(Int.self, forKey: .track)
        disc = try c.decodeIfPresent(Int.self, forKey: .disc)
        author = try c.decodeIfPresent(String.self, forKey: .author)
        narrator = try c.decodeIfPresent(String.self, forKey: .narrator)
        chapter = try c.decodeIfPresent(String.self, forKey: .chapter)
        seriesIndex = try c.decodeIfPresent(Double.self, forKey: .seriesIndex)
        number = try c.decodeIfPresent(String.self, forKey: .number)
        volume = try c.decodeIfPresent(Int.self, forKey: .volume)
        quality = try c.decodeIfPresent(String.self, forKey: .quality)
        channel = try c.decodeIfPresent(String.self, forKey: .channel)
        videoId = try c.decodeIfPresent(String.self, forKey: .videoId)
        uploadDate = try c.decodeIfPresent(String.self, forKey: .uploadDate)
    }
}
