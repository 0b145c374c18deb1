import GRDB

/// A subscription: where its feed is, the folder its episodes go to, and its retention.
public struct PodcastRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord, TableRecord {
    public static let databaseTableName = "podcast"

    public var id: Int64?
    public var feedURL: String
    public var title: String
    /// The show's folder name inside the podcasts library, fixed at add time so a retitled
    /// feed keeps its episodes together.
    public var folder: String
    /// Newest downloaded episodes kept; nil keeps all.
    public var keep: Int?
    /// Episodes published longer ago than this many seconds are neither downloaded nor kept.
    public var maxAge: Int64?
    public var download: Bool
    public var addedAt: Int64
    public var refreshedAt: Int64?
    public var lastError: String?

    enum CodingKeys: String, CodingKey {
        case id, title, folder, keep, download
        case feedURL = "feed_url", maxAge = "max_age", addedAt = "added_at", refreshedAt = "refreshed_at", lastError = "last_error"
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// One episode of a subscription, downloaded or not; also what `podcast episodes --json` prints.
public struct PodcastEpisode: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord, TableRecord {
    public static let databaseTableName = "podcast_episode"

    public enum State: String, Codable, Sendable {
        case pending, downloaded, failed, skipped, invalid, removed
    }

    public var id: Int64?
    public var podcastId: Int64
    public var guid: String
    public var title: String
    /// Seconds since 1970.
    public var publishedAt: Int64?
    public var enclosureURL: String?
    public var enclosureType: String?
    public var enclosureLength: Int64?
    public var duration: Int64?
    public var state: State
    /// The file this engine wrote (what makes it ours to delete).
    public var path: String?
    public var bytes: Int64?
    public var attempts: Int
    public var error: String?
    public var seenAt: Int64
    public var downloadedAt: Int64?

    enum CodingKeys: String, CodingKey {
        case id, guid, title, duration, state, path, bytes, attempts, error
        case podcastId = "podcast_id", publishedAt = "published_at", enclosureURL = "enclosure_url", enclosureType = "enclosure_type"
        case enclosureLength = "enclosure_length", seenAt = "seen_at", downloadedAt = "downloaded_at"
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    init(podcastId: Int64, _ e: PodcastFeed.Episode, state: State, now: Int64) {
        self.podcastId = podcastId
        guid = e.guid
        title = e.title
        publishedAt = e.publishedAt.map { Int64($0.timeIntervalSince1970) }
        enclosureURL = e.enclosureURL
        enclosureType = e.enclosureType
        enclosureLength = e.enclosureLength
        duration = e.duration
        self.state = state
        attempts = 0
        error = e.enclosureProblem
        seenAt = now
    }
}

/// A subscription with its episode counts, as `podcast list` shows it.
public struct PodcastSummary: Codable, Sendable, Equatable {
    public var podcast: PodcastRecord
    public var episodes: Int
    public var downloaded: Int
    public var failed: Int
    public var bytes: Int64
}
