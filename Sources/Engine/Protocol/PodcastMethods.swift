import Foundation

/// The podcast socket methods: subscriptions, refreshes, OPML import, episodes.
///
/// `podcast.add` and `podcast.refresh` answer when the feed is read and its downloads are
/// done, so a script's next command sees the files; the periodic refresh does the same work
/// in the background.
extension Methods {
    /// What one add or refresh did.
    public struct PodcastReport: Codable, Sendable, Equatable {
        public var podcast: PodcastSummary
        /// Episodes seen for the first time.
        public var new: Int
        public var downloaded: Int
        /// Downloads deleted by retention.
        public var removed: Int
        public var failed: Int
        /// One line per failed download (and the feed's error on a failed refresh).
        public var errors: [String]
    }

    public struct PodcastAdd: EngineMethod {
        public static let name = "podcast.add"
        public var feedURL: String
        public var keep: Int?
        /// Seconds.
        public var maxAge: Int64?
        public var download: Bool
        public init(feedURL: String, keep: Int? = nil, maxAge: Int64? = nil, download: Bool = true) {
            self.feedURL = feedURL; self.keep = keep; self.maxAge = maxAge; self.download = download
        }
        enum CodingKeys: String, CodingKey { case keep, download; case feedURL = "feed_url", maxAge = "max_age" }
        public typealias Result = PodcastReport
    }

    public struct PodcastList: EngineMethod {
        public static let name = "podcast.list"
        public init() {}
        public typealias Result = [PodcastSummary]
    }

    /// Forgets a subscription; with `deleteFiles`, deletes the downloads it made (only those).
    public struct PodcastRemove: EngineMethod {
        public static let name = "podcast.remove"
        public var id: Int64
        public var deleteFiles: Bool
        public init(id: Int64, deleteFiles: Bool = false) { self.id = id; self.deleteFiles = deleteFiles }
        enum CodingKeys: String, CodingKey { case id; case deleteFiles = "delete_files" }
        public struct Result: Codable, Sendable, Equatable {
            public var title: String
            public var deleted: Int
        }
    }

    /// One podcast, or every one when `id` is nil.
    public struct PodcastRefresh: EngineMethod {
        public static let name = "podcast.refresh"
        public var id: Int64?
        public init(id: Int64?) { self.id = id }
        public typealias Result = [PodcastReport]
    }

    /// Changes retention or downloading; 0 clears `keep` or `maxAge`. Applies at once.
    public struct PodcastEdit: EngineMethod {
        public static let name = "podcast.edit"
        public var id: Int64
        public var keep: Int?
        public var maxAge: Int64?
        public var download: Bool?
        public init(id: Int64, keep: Int? = nil, maxAge: Int64? = nil, download: Bool? = nil) {
            self.id = id; self.keep = keep; self.maxAge = maxAge; self.download = download
        }
        enum CodingKeys: String, CodingKey { case id, keep, download; case maxAge = "max_age" }
        public typealias Result = PodcastReport
    }

    /// Subscribes to every feed of an OPML document (its text; the client reads the file).
    public struct PodcastImport: EngineMethod {
        public static let name = "podcast.import_opml"
        public var opml: String
        public var source: String
        public var keep: Int?
        public var download: Bool
        public init(opml: String, source: String, keep: Int? = nil, download: Bool = true) {
            self.opml = opml; self.source = source; self.keep = keep; self.download = download
        }
        public struct Entry: Codable, Sendable, Equatable {
            public var url: String
            public var title: String?
            /// added, duplicate or failed.
            public var status: String
            public var id: Int64?
            public var message: String?
        }
        public typealias Result = [Entry]
    }

    public struct PodcastEpisodes: EngineMethod {
        public static let name = "podcast.episodes"
        public var id: Int64
        public init(id: Int64) { self.id = id }
        public typealias Result = [PodcastEpisode]
    }
}
