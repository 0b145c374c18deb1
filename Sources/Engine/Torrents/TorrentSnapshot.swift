import Foundation

/// What clients see of one torrent: the row of `list`, the JSON of `list --json`.
///
/// A value, copied in batches: the TUI and scripts never hold live engine objects.
public struct TorrentSnapshot: Sendable, Codable, Equatable {
    public var id: Int64
    public var infoHash: String
    public var name: String
    public var state: TorrentState
    public var progress: Double
    public var size: Int64
    public var completed: Int64
    public var downloaded: Int64
    public var uploaded: Int64
    public var ratio: Double
    public var downRate: Int64
    public var upRate: Int64
    public var peers: Int
    public var seeds: Int
    public var swarmPeers: Int
    public var swarmSeeds: Int
    public var eta: Int64?
    public var savePath: String
    public var category: String?
    public var tags: [String]
    public var addedAt: Int64
    public var completedAt: Int64?
    public var queuePosition: Int
    public var seedingTime: Int64
    public var downloadLimit: Int64
    public var uploadLimit: Int64
    public var sequential: Bool
    public var error: String?

    enum CodingKeys: String, CodingKey {
        case id, name, state, progress, size, completed, downloaded, uploaded, ratio, peers, seeds, eta
        case category, tags, sequential, error
        case infoHash = "info_hash", downRate = "down_rate", upRate = "up_rate"
        case swarmPeers = "swarm_peers", swarmSeeds = "swarm_seeds", savePath = "save_path"
        case addedAt = "added_at", completedAt = "completed_at", queuePosition = "queue_position"
        case seedingTime = "seeding_time", downloadLimit = "download_limit", uploadLimit = "upload_limit"
    }

    /// Every key always present, `null` when unknown: the shape scripts rely on.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(infoHash, forKey: .infoHash)
        try c.encode(name, forKey: .name)
        try c.encode(state, forKey: .state)
        try c.encode(progress, forKey: .progress)
        try c.encode(size, forKey: .size)
        try c.encode(completed, forKey: .completed)
        try c.encode(downloaded, forKey: .downloaded)
        try c.encode(uploaded, forKey: .uploaded)
        try c.encode(ratio, forKey: .ratio)
        try c.encode(downRate, forKey: .downRate)
        try c.encode(upRate, forKey: .upRate)
        try c.encode(peers, forKey: .peers)
        try c.encode(seeds, forKey: .seeds)
        try c.encode(swarmPeers, forKey: .swarmPeers)
        try c.encode(swarmSeeds, forKey: .swarmSeeds)
        try c.encode(eta, forKey: .eta)
        try c.encode(savePath, forKey: .savePath)
        try c.encode(category, forKey: .category)
        try c.encode(tags, forKey: .tags)
        try c.encode(addedAt, forKey: .addedAt)
        try c.encode(completedAt, forKey: .completedAt)
        try c.encode(queuePosition, forKey: .queuePosition)
        try c.encode(seedingTime, forKey: .seedingTime)
        try c.encode(downloadLimit, forKey: .downloadLimit)
        try c.encode(uploadLimit, forKey: .uploadLimit)
        try c.encode(sequential, forKey: .sequential)
        try c.encode(error, forKey: .error)
    }

    /// The same bytes `JSONEncoder` would produce for these keys, written by hand for speed.
    func writeJSON(into w: inout JSONWriter) {
        w.beginObject()
        w.field("id", id)
        w.field("info_hash", infoHash)
        w.field("name", name)
        w.field("state", state.rawValue)
        w.field("progress", progress)
        w.field("size", size)
        w.field("completed", completed)
        w.field("downloaded", downloaded)
        w.field("uploaded", uploaded)
        w.field("ratio", ratio)
        w.field("down_rate", downRate)
        w.field("up_rate", upRate)
        w.field("peers", peers)
        w.field("seeds", seeds)
        w.field("swarm_peers", swarmPeers)
        w.field("swarm_seeds", swarmSeeds)
        w.field("eta", eta)
        w.field("save_path", savePath)
        w.field("category", category)
        w.field("tags", tags)
        w.field("added_at", addedAt)
        w.field("completed_at", completedAt)
        w.field("queue_position", queuePosition)
        w.field("seeding_time", seedingTime)
        w.field("download_limit", downloadLimit)
        w.field("upload_limit", uploadLimit)
        w.field("sequential", sequential)
        w.field("error", error)
        w.endObject()
    }
}

/// The one word a torrent's condition is known by, in tables, JSON, filters and `wait`.
public enum TorrentState: String, Sendable, Codable, CaseIterable {
    /// In the database, not yet handed back by libtorrent after a start.
    case loading
    case checking
    /// Fetching the info dictionary of a magnet link.
    case metadata
    case downloading
    /// Downloading but no payload is arriving.
    case stalled
    case seeding
    /// Waiting for a slot under max_active_downloads / max_active_seeds.
    case queued
    case paused
    case moving
    case error
}
