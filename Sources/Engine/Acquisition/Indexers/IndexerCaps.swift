/// What an indexer says it can do (`t=caps`): search modes, their parameters, categories, page size.
///
/// Discovered when the indexer is added and kept with it, so each search asks only for the
/// parameters the indexer understands (an `imdbid` sent to an indexer without it is at best
/// ignored, at worst an error) and falls back to a text search when a typed one is missing.
public struct IndexerCaps: Codable, Sendable, Equatable {
    /// One search function (`search`, `tv-search`, `movie-search`, `audio-search`, `book-search`).
    public struct Mode: Codable, Sendable, Equatable {
        public var available: Bool
        /// Lowercased parameter names ("q", "season", "ep", "imdbid", ...).
        public var parameters: [String]

        public init(available: Bool, parameters: [String]) {
            self.available = available
            self.parameters = parameters
        }
    }

    public struct Category: Codable, Sendable, Equatable {
        public var id: Int
        public var name: String
        public var subcategories: [Category]

        public init(id: Int, name: String, subcategories: [Category] = []) {
            self.id = id
            self.name = name
            self.subcategories = subcategories
        }
    }

    public var title: String?
    /// Largest page the indexer serves, and its default.
    public var limitMax: Int?
    public var limitDefault: Int?
    /// Keyed by the caps element name: "search", "tv-search", "movie-search", "audio-search", "music-search", "book-search".
    public var modes: [String: Mode] = [:]
    public var categories: [Category] = []

    public init() {}

    enum CodingKeys: String, CodingKey {
        case title, modes, categories
        case limitMax = "limit_max", limitDefault = "limit_default"
    }

    /// The mode for a search function, by its `t=` value.
    public func mode(for function: SearchFunction) -> Mode? {
        for name in function.capsNames {
            if let m = modes[name], m.available { return m }
        }
        // Every Torznab/Newznab server has the plain search; caps that leave it out still mean it.
        if function == .search, modes["search"] == nil { return Mode(available: true, parameters: ["q"]) }
        return nil
    }

    /// Every category id, subcategories included.
    public var allCategoryIds: [Int] {
        categories.flatMap { [$0.id] + $0.subcategories.map(\.id) }
    }

    /// "search tv movie" — the functions offered, for lists.
    public var summary: String {
        SearchFunction.allCases.filter { mode(for: $0) != nil }.map(\.shortName).joined(separator: " ")
    }
}

/// The `t=` functions of the Torznab/Newznab API that search.
public enum SearchFunction: String, Codable, Sendable, CaseIterable {
    case search, tvsearch, movie, music, book

    /// The element names caps uses for it (music has two spellings in the wild).
    var capsNames: [String] {
        switch self {
        case .search: return ["search"]
        case .tvsearch: return ["tv-search"]
        case .movie: return ["movie-search"]
        case .music: return ["audio-search", "music-search"]
        case .book: return ["book-search"]
        }
    }

    var shortName: String {
        switch self {
        case .search: return "search"
        case .tvsearch: return "tv"
        case .movie: return "movie"
        case .music: return "music"
        case .book: return "book"
        }
    }
}
