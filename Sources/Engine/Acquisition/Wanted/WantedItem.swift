import GRDB

/// Something to acquire: a film, an episode or season, an album, a book.
///
/// Searched for by `search`/RSS sync (later), grabbed into `grab_history`, imported into the
/// library. `status` moves wanted → grabbed → imported; `current_quality` is the quality on
/// disk, which the upgrade rule compares new releases with. Ids (IMDb, TVDB, TMDB) make typed
/// searches exact where indexers support them.
public struct WantedItem: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord, TableRecord {
    public static let databaseTableName = "wanted"

    public enum Status: String, Codable, Sendable, CaseIterable {
        case wanted, grabbed, imported
    }

    public var id: Int64?
    public var type: WantedType
    public var title: String
    public var year: Int?
    public var season: Int?
    public var episode: Int?
    /// The quality profile's name; nil uses the type's built-in profile.
    public var profile: String?
    public var status: Status
    public var imdbId: String?
    public var tvdbId: Int?
    public var tmdbId: Int?
    public var currentQuality: String?
    public var addedAt: Int64
    public var lastSearchedAt: Int64?
    public var grabbedAt: Int64?

    public init(type: WantedType, title: String, year: Int? = nil, season: Int? = nil, episode: Int? = nil,
                profile: String? = nil, addedAt: Int64) {
        self.type = type
        self.title = title
        self.year = year
        self.season = season
        self.episode = episode
        self.profile = profile
        status = .wanted
        self.addedAt = addedAt
    }

    enum CodingKeys: String, CodingKey {
        case id, type, title, year, season, episode, profile, status
        case imdbId = "imdb_id", tvdbId = "tvdb_id", tmdbId = "tmdb_id", currentQuality = "current_quality"
        case addedAt = "added_at", lastSearchedAt = "last_searched_at", grabbedAt = "grabbed_at"
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// What its releases are checked against.
    public var target: SearchTarget {
        SearchTarget(type: type, title: title, year: year, season: season, episode: episode, strict: true)
    }

    /// The query that searches for it.
    public var query: IndexerQuery {
        var q = IndexerQuery(function: type.searchFunction, text: title)
        q.season = season
        q.episode = episode
        q.year = year
        q.imdbId = imdbId
        q.tvdbId = tvdbId
        q.tmdbId = tmdbId
        return q
    }

    /// "Harbor Lights S02E05", "The Copper Road (2019)".
    public var label: String {
        var s = title
        if let year { s += " (\(year))" }
        if let season {
            s += " S" + (season < 10 ? "0" : "") + String(season)
            if let episode { s += "E" + (episode < 10 ? "0" : "") + String(episode) }
        }
        return s
    }
}
