import Foundation

/// One result an indexer returned: the RSS item with its Torznab/Newznab attributes read.
///
/// The download link keeps its secrets inside the engine (a grab needs them); encoded for a
/// client it is masked (`apikey`, `passkey`, `jackett_apikey` … become `***`), so the wire
/// and `--json` never carry a key.
public struct IndexerRelease: Codable, Sendable, Equatable {
    public var indexer: String
    public var indexerId: Int64?
    /// Lower runs first in the ranking's tie-break (Sonarr's 1–50, default 25).
    public var indexerPriority: Int = 25
    public var releaseProtocol: ReleaseProtocol
    public var title: String
    public var guid: String?
    /// The .torrent or .nzb link (http or https).
    public var downloadURL: String?
    public var magnetURL: String?
    /// Lowercased hex (v1 or v2), or the base32 text of a magnet.
    public var infoHash: String?
    /// The release's page on the site.
    public var detailsURL: String?
    public var size: Int64?
    public var publishedAt: Date?
    public var categories: [Int] = []
    public var seeders: Int?
    public var peers: Int?
    public var leechers: Int?
    public var grabs: Int?
    public var files: Int?
    /// 0 is freeleech; 1 counts fully against the ratio.
    public var downloadVolumeFactor: Double?
    public var uploadVolumeFactor: Double?
    public var minimumRatio: Double?
    /// Seconds the tracker wants it seeded.
    public var minimumSeedTime: Int64?
    /// "tt0039689".
    public var imdbId: String?
    public var tvdbId: Int?
    public var tmdbId: Int?
    public var season: Int?
    public var episode: Int?

    public init(indexer: String, releaseProtocol: ReleaseProtocol, title: String) {
        self.indexer = indexer
        self.releaseProtocol = releaseProtocol
        self.title = title
    }

    /// Whether this engine can download it now.
    public var downloadable: Bool { releaseProtocol == .torrent && (downloadURL != nil || magnetURL != nil) }

    /// A key for "already grabbed" and blocklist checks: the info-hash when known, else the guid, else the title.
    public var identity: String { infoHash ?? guid ?? title }

    enum CodingKeys: String, CodingKey {
        case indexer, title, guid, size, categories, seeders, peers, leechers, grabs, files, season, episode
        case indexerId = "indexer_id", indexerPriority = "indexer_priority", releaseProtocol = "protocol"
        case downloadURL = "download_url", magnetURL = "magnet_url", infoHash = "info_hash", detailsURL = "details_url"
        case publishedAt = "published_at", downloadVolumeFactor = "download_volume_factor"
        case uploadVolumeFactor = "upload_volume_factor", minimumRatio = "minimum_ratio", minimumSeedTime = "minimum_seed_time"
        case imdbId = "imdb_id", tvdbId = "tvdb_id", tmdbId = "tmdb_id"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(indexer, forKey: .indexer)
        try c.encode(indexerId, forKey: .indexerId)
        try c.encode(indexerPriority, forKey: .indexerPriority)
        try c.encode(releaseProtocol, forKey: .releaseProtocol)
        try c.encode(title, forKey: .title)
        try c.encode(guid.map(HTTPFetcher.redacted), forKey: .guid)
        try c.encode(downloadURL.map(HTTPFetcher.redacted), forKey: .downloadURL)
        try c.encode(magnetURL, forKey: .magnetURL)
        try c.encode(infoHash, forKey: .infoHash)
        try c.encode(detailsURL.map(HTTPFetcher.redacted), forKey: .detailsURL)
        try c.encode(size, forKey: .size)
        try c.encode(publishedAt.map { Int64($0.timeIntervalSince1970) }, forKey: .publishedAt)
        try c.encode(categories, forKey: .categories)
        try c.encode(seeders, forKey: .seeders)
        try c.encode(peers, forKey: .peers)
        try c.encode(leechers, forKey: .leechers)
        try c.encode(grabs, forKey: .grabs)
        try c.encode(files, forKey: .files)
        try c.encode(downloadVolumeFactor, forKey: .downloadVolumeFactor)
        try c.encode(uploadVolumeFactor, forKey: .uploadVolumeFactor)
        try c.encode(minimumRatio, forKey: .minimumRatio)
        try c.encode(minimumSeedTime, forKey: .minimumSeedTime)
        try c.encode(imdbId, forKey: .imdbId)
        try c.encode(tvdbId, forKey: .tvdbId)
        try c.encode(tmdbId, forKey: .tmdbId)
        try c.encode(season, forKey: .season)
        try c.encode(episode, forKey: .episode)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        indexer = try c.decode(String.self, forKey: .indexer)
        indexerId = try c.decodeIfPresent(Int64.self, forKey: .indexerId)
        indexerPriority = try c.decodeIfPresent(Int.self, forKey: .indexerPriority) ?? 25
        releaseProtocol = try c.decode(ReleaseProtocol.self, forKey: .releaseProtocol)
        title = try c.decode(String.self, forKey: .title)
        guid = try c.decodeIfPresent(String.self, forKey: .guid)
        downloadURL = try c.decodeIfPresent(String.self, forKey: .downloadURL)
        magnetURL = try c.decodeIfPresent(String.self, forKey: .magnetURL)
        infoHash = try c.decodeIfPresent(String.self, forKey: .infoHash)
        detailsURL = try c.decodeIfPresent(String.self, forKey: .detailsURL)
        size = try c.decodeIfPresent(Int64.self, forKey: .size)
        publishedAt = try c.decodeIfPresent(Int64.self, forKey: .publishedAt).map { Date(timeIntervalSince1970: Double($0)) }
        categories = try c.decodeIfPresent([Int].self, forKey: .categories) ?? []
        seeders = try c.decodeIfPresent(Int.self, forKey: .seeders)
        peers = try c.decodeIfPresent(Int.self, forKey: .peers)
        leechers = try c.decodeIfPresent(Int.self, forKey: .leechers)
        grabs = try c.decodeIfPresent(Int.self, forKey: .grabs)
        files = try c.decodeIfPresent(Int.self, forKey: .files)
        downloadVolumeFactor = try c.decodeIfPresent(Double.self, forKey: .downloadVolumeFactor)
        uploadVolumeFactor = try c.decodeIfPresent(Double.self, forKey: .uploadVolumeFactor)
        minimumRatio = try c.decodeIfPresent(Double.self, forKey: .minimumRatio)
        minimumSeedTime = try c.decodeIfPresent(Int64.self, forKey: .minimumSeedTime)
        imdbId = try c.decodeIfPresent(String.self, forKey: .imdbId)
        tvdbId = try c.decodeIfPresent(Int.self, forKey: .tvdbId)
        tmdbId = try c.decodeIfPresent(Int.self, forKey: .tmdbId)
        season = try c.decodeIfPresent(Int.self, forKey: .season)
        episode = try c.decodeIfPresent(Int.self, forKey: .episode)
    }
}
