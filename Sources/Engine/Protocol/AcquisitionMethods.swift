import Foundation

/// Acquisition's socket methods: indexers, search, wanted items, quality profiles.
///
/// API keys travel only inward (`indexer.add`); every answer shows them masked.
extension Methods {
    public struct IndexerAdd: EngineMethod {
        public static let name = "indexer.add"
        public var name: String
        public var url: String
        public var kind: IndexerKind
        public var apiKey: String
        public var categories: [Int]
        public var priority: Int?
        public var minIntervalMs: Int64?
        public init(name: String, url: String, kind: IndexerKind, apiKey: String, categories: [Int] = [], priority: Int? = nil,
                    minIntervalMs: Int64? = nil) {
            self.name = name; self.url = url; self.kind = kind; self.apiKey = apiKey; self.categories = categories
            self.priority = priority; self.minIntervalMs = minIntervalMs
        }
        enum CodingKeys: String, CodingKey {
            case name, url, kind, categories, priority
            case apiKey = "api_key", minIntervalMs = "min_interval_ms"
        }
        public typealias Result = IndexerSummary
    }

    public struct IndexerList: EngineMethod {
        public static let name = "indexer.list"
        public init() {}
        public typealias Result = [IndexerSummary]
    }

    /// Fetches caps again and runs a small search, ignoring any back-off; a success ends it.
    public struct IndexerTest: EngineMethod {
        public static let name = "indexer.test"
        public var name: String
        public init(name: String) { self.name = name }
        public struct Result: Codable, Sendable {
            public var indexer: IndexerSummary
            public var releases: Int
            public var dropped: [String]
            public var elapsedMs: Int64
            enum CodingKeys: String, CodingKey { case indexer, releases, dropped; case elapsedMs = "elapsed_ms" }
        }
    }

    public struct IndexerRemove: EngineMethod {
        public static let name = "indexer.remove"
        public var name: String
        public init(name: String) { self.name = name }
        public typealias Result = Empty
    }

    /// Enabling also ends a back-off.
    public struct IndexerEnable: EngineMethod {
        public static let name = "indexer.enable"
        public var name: String
        public var enabled: Bool
        public init(name: String, enabled: Bool) { self.name = name; self.enabled = enabled }
        public typealias Result = IndexerSummary
    }

    /// Searches the enabled indexers in parallel and judges every release with a profile.
    public struct Search: EngineMethod {
        public static let name = "acquisition.search"
        public var query: IndexerQuery
        public var type: WantedType?
        /// A profile name; nil uses the type's built-in profile.
        public var profile: String?
        /// Only these indexers (names); nil is every enabled one.
        public var indexers: [String]?
        /// Pages to fetch from each indexer (1–5).
        public var pages: Int
        public init(query: IndexerQuery, type: WantedType?, profile: String? = nil, indexers: [String]? = nil, pages: Int = 1) {
            self.query = query; self.type = type; self.profile = profile; self.indexers = indexers; self.pages = pages
        }

        /// What one indexer did.
        public struct Outcome: Codable, Sendable, Equatable {
            public var indexer: String
            /// ok, failed or skipped.
            public var status: String
            public var releases: Int
            public var message: String?
            public var dropped: [String]
            /// The `t=` function used (a typed search falls back to `search` when caps lack it).
            public var function: String?
            public var elapsedMs: Int64
            enum CodingKeys: String, CodingKey { case indexer, status, releases, message, dropped, function; case elapsedMs = "elapsed_ms" }
        }

        public struct Result: Codable, Sendable {
            public var profile: String
            public var outcomes: [Outcome]
            public var releases: [Decision]
        }
    }

    public struct WantedAdd: EngineMethod {
        public static let name = "wanted.add"
        public var type: WantedType
        public var title: String
        public var year: Int?
        public var season: Int?
        public var episode: Int?
        public var profile: String?
        public var imdbId: String?
        public var tvdbId: Int?
        public var tmdbId: Int?
        public init(type: WantedType, title: String, year: Int? = nil, season: Int? = nil, episode: Int? = nil, profile: String? = nil,
                    imdbId: String? = nil, tvdbId: Int? = nil, tmdbId: Int? = nil) {
            self.type = type; self.title = title; self.year = year; self.season = season; self.episode = episode
            self.profile = profile; self.imdbId = imdbId; self.tvdbId = tvdbId; self.tmdbId = tmdbId
        }
        enum CodingKeys: String, CodingKey {
            case type, title, year, season, episode, profile
            case imdbId = "imdb_id", tvdbId = "tvdb_id", tmdbId = "tmdb_id"
        }
        public typealias Result = WantedItem
    }

    public struct WantedList: EngineMethod {
        public static let name = "wanted.list"
        public var type: WantedType?
        public var status: WantedItem.Status?
        public init(type: WantedType? = nil, status: WantedItem.Status? = nil) { self.type = type; self.status = status }
        public typealias Result = [WantedItem]
    }

    /// The wanted list with the latest grabs and imports, for a screen that keeps showing them:
    /// `since` is the `signature` of the copy the client has, and while nothing changed the
    /// answer carries the signature alone, so polling a long list costs no query at all.
    public struct WantedWatch: EngineMethod {
        public static let name = "wanted.watch"
        public var since: String?
        public init(since: String? = nil) { self.since = since }

        public struct Result: Codable, Sendable, Equatable {
            public var signature: String
            /// Every wanted item, by id; nil when unchanged since `since`.
            public var items: [WantedItem]?
            /// The newest grabs and imports (at most `historyLimit`), newest first; nil when unchanged.
            public var history: [AcquisitionHistoryEntry]?
            public init(signature: String, items: [WantedItem]?, history: [AcquisitionHistoryEntry]?) {
                self.signature = signature
                self.items = items
                self.history = history
            }
        }

        public static let historyLimit = 1000
    }

    public struct WantedRemove: EngineMethod {
        public static let name = "wanted.remove"
        public var id: Int64
        public init(id: Int64) { self.id = id }
        public typealias Result = Empty
    }

    /// A profile with whether it is built in (read-only).
    public struct ProfileEntry: Codable, Sendable, Equatable {
        public var profile: QualityProfile
        public var builtin: Bool
    }

    public struct ProfileList: EngineMethod {
        public static let name = "profile.list"
        public init() {}
        public typealias Result = [ProfileEntry]
    }

    public struct ProfileShow: EngineMethod {
        public static let name = "profile.show"
        public var name: String
        public init(name: String) { self.name = name }
        public typealias Result = ProfileEntry
    }

    public struct ProfileSave: EngineMethod {
        public static let name = "profile.save"
        public var profile: QualityProfile
        /// Overwrite a profile of the same name.
        public var replace: Bool
        public init(profile: QualityProfile, replace: Bool) { self.profile = profile; self.replace = replace }
        public typealias Result = ProfileEntry
    }

    public struct ProfileRemove: EngineMethod {
        public static let name = "profile.remove"
        public var name: String
        public init(name: String) { self.name = name }
        public typealias Result = Empty
    }
    /// Every enabled, non-resting indexer's newest releases matched against the wanted list;
    /// the best accepted release per item is grabbed (for cron: idempotent).
    public struct RSSSync: EngineMethod {
        public static let name = "acquisition.rss_sync"
        public init() {}
        public typealias Result = SyncReport
    }

    /// Searches the indexers for wanted items (these ids, or all still wanting something) and grabs.
    public struct WantedSearch: EngineMethod {
        public static let name = "wanted.search"
        public var ids: [Int64]
        /// Only items with nothing grabbed or on disk (no upgrades).
        public var missing: Bool
        public init(ids: [Int64] = [], missing: Bool = false) { self.ids = ids; self.missing = missing }
        public typealias Result = SyncReport
    }

    /// Grabs result `rank` of the last `search`, for a wanted item (given, or the one it matches).
    ///
    /// The last search is the engine's, shared by every client: `title` is the release the
    /// client showed at that rank, and the grab is refused when another search has replaced it.
    public struct Grab: EngineMethod {
        public static let name = "acquisition.grab"
        public var rank: Int
        public var wantedId: Int64?
        public var title: String?
        public init(rank: Int, wantedId: Int64? = nil, title: String? = nil) { self.rank = rank; self.wantedId = wantedId; self.title = title }
        enum CodingKeys: String, CodingKey { case rank, title; case wantedId = "wanted_id" }
        public typealias Result = GrabOutcome
    }

    /// Grabs and imports, newest first.
    public struct AcquisitionHistory: EngineMethod {
        public static let name = "acquisition.history"
        public var limit: Int
        public var wantedId: Int64?
        public init(limit: Int = 100, wantedId: Int64? = nil) { self.limit = limit; self.wantedId = wantedId }
        enum CodingKeys: String, CodingKey { case limit; case wantedId = "wanted_id" }
        public typealias Result = [AcquisitionHistoryEntry]
    }

    public struct BlocklistList: EngineMethod {
        public static let name = "blocklist.list"
        public init() {}
        public typealias Result = [BlocklistEntry]
    }

    /// Lets a blocklisted release be taken again.
    public struct BlocklistRemove: EngineMethod {
        public static let name = "blocklist.remove"
        public var id: Int64
        public init(id: Int64) { self.id = id }
        public typealias Result = Empty
    }

    /// Imports a file or folder that no grab matched: for a wanted item, or by type from its name.
    public struct Import: EngineMethod {
        public static let name = "acquisition.import"
        /// Absolute (the client resolves it).
        public var path: String
        public var wantedId: Int64?
        public var type: WantedType?
        public init(path: String, wantedId: Int64? = nil, type: WantedType? = nil) { self.path = path; self.wantedId = wantedId; self.type = type }
        enum CodingKeys: String, CodingKey { case path, type; case wantedId = "wanted_id" }
        public typealias Result = ImportReport
    }
}
