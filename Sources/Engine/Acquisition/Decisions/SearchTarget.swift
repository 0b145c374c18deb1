/// What the releases are checked against: a wanted item, or the words of a `search`.
///
/// `strict` titles must equal the wanted title (after normalizing case, punctuation, a
/// leading "The" and "&"); loose ones (a free `search`) only need every word of the query.
public struct SearchTarget: Codable, Sendable, Equatable {
    public var type: WantedType?
    public var title: String?
    public var year: Int?
    public var season: Int?
    public var episode: Int?
    public var strict: Bool
    /// Minutes per item for size limits (episode or film length); nil uses the type's default.
    public var runtimeMinutes: Int?

    public init(type: WantedType?, title: String?, year: Int? = nil, season: Int? = nil, episode: Int? = nil,
                strict: Bool = false, runtimeMinutes: Int? = nil) {
        self.type = type
        self.title = title
        self.year = year
        self.season = season
        self.episode = episode
        self.strict = strict
        self.runtimeMinutes = runtimeMinutes
    }

    enum CodingKeys: String, CodingKey {
        case type, title, year, season, episode, strict
        case runtimeMinutes = "runtime_minutes"
    }
}
