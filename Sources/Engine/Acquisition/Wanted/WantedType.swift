/// The kinds of media one can want: `wanted add tv|movie|music|book|audiobook|comic`.
///
/// Each kind knows how releases of it are parsed, searched (the Torznab function) and
/// judged (its quality scale, its default profile, its runtime for size limits).
public enum WantedType: String, Codable, Sendable, CaseIterable {
    case tv, movie, music, book, audiobook, comic

    /// Accepts the plural and common synonyms people type ("movies", "series", "ebook").
    public init?(text: String) {
        switch text.lowercased() {
        case "tv", "series", "show", "episode", "episodes": self = .tv
        case "movie", "movies", "film": self = .movie
        case "music", "album", "albums": self = .music
        case "book", "books", "ebook", "ebooks": self = .book
        case "audiobook", "audiobooks": self = .audiobook
        case "comic", "comics": self = .comic
        default: return nil
        }
    }

    /// The parser's hint.
    public var releaseKind: ReleaseInfo.Kind {
        switch self {
        case .tv: return .episode
        case .movie: return .movie
        case .music: return .music
        case .book: return .book
        case .audiobook: return .audiobook
        case .comic: return .comic
        }
    }

    /// The Torznab function that searches for it.
    public var searchFunction: SearchFunction {
        switch self {
        case .tv: return .tvsearch
        case .movie: return .movie
        case .music: return .music
        case .book, .comic: return .book
        case .audiobook: return .search
        }
    }

    /// Minutes of one item, for size limits in MB per minute; nil where size is not per minute.
    public var defaultRuntimeMinutes: Int? {
        switch self {
        case .tv: return 45
        case .movie: return 110
        default: return nil
        }
    }
}
