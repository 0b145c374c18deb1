import CTorrent
import Foundation

/// libtorrent's view of one torrent at one moment, copied out of the C struct.
struct TorrentStatus: Sendable, Equatable {
    enum Phase: Int32, Sendable { case checkingFiles = 1, metadata = 2, downloading = 3, finished = 4, seeding = 5, checkingResume = 7, unknown = 0 }

    var hash: InfoHash
    var name: String
    var error: String
    var phase: Phase
    var paused: Bool
    var autoManaged: Bool
    var hasMetadata: Bool
    var sequential: Bool
    var needSaveResume: Bool
    var isFinished: Bool
    var isSeeding: Bool
    var moving: Bool
    var progress: Double
    var totalSize: Int64
    var totalWanted: Int64
    var totalWantedDone: Int64
    var allTimeDownload: Int64
    var allTimeUpload: Int64
    var downloadRate: Int64
    var uploadRate: Int64
    var peers: Int
    var seeds: Int
    var swarmPeers: Int
    var swarmSeeds: Int
    var queuePosition: Int
    var activeSeconds: Int64
    var seedingSeconds: Int64
    var secondsSinceUpload: Int64
    var completedAt: Int64

    init(_ s: st_status) {
        var c = s
        hash = InfoHash(c.hash)
        name = fixedString(&c.name)
        error = fixedString(&c.error)
        phase = Phase(rawValue: c.state) ?? .unknown
        let f = c.flags
        func has(_ flag: Int) -> Bool { f & UInt32(flag) != 0 }
        paused = has(ST_FLAG_PAUSED)
        autoManaged = has(ST_FLAG_AUTO_MANAGED)
        hasMetadata = has(ST_FLAG_HAS_METADATA)
        sequential = has(ST_FLAG_SEQUENTIAL)
        needSaveResume = has(ST_FLAG_NEED_SAVE_RESUME)
        isFinished = has(ST_FLAG_IS_FINISHED)
        isSeeding = has(ST_FLAG_IS_SEEDING)
        moving = has(ST_FLAG_MOVING)
        if has(ST_FLAG_ERROR) && error.isEmpty { error = "unknown error" }
        progress = Double(c.progress)
        totalSize = c.total_size
        totalWanted = c.total_wanted
        totalWantedDone = c.total_wanted_done
        allTimeDownload = c.all_time_download
        allTimeUpload = c.all_time_upload
        downloadRate = Int64(c.download_rate)
        uploadRate = Int64(c.upload_rate)
        peers = Int(c.num_peers)
        seeds = Int(c.num_seeds)
        swarmPeers = Int(c.list_peers)
        swarmSeeds = Int(c.list_seeds)
        queuePosition = Int(c.queue_position)
        activeSeconds = c.active_seconds
        seedingSeconds = c.seeding_seconds
        secondsSinceUpload = c.seconds_since_upload
        completedAt = c.completed_at
    }
}

/// Something libtorrent reported about one torrent (or the session).
struct TorrentEvent: Sendable {
    enum Kind: Int32, Sendable {
        case added = 1, addFailed, finished, resumeData, resumeFailed, removed, deleted, deleteFailed
        case storageMoved, storageMoveFailed, fileError, trackerError, metadataReceived, paused, resumed
        case listenFailed, listenOK, hashFailed, checked
        case unknown = 0
    }
    var kind: Kind
    var hash: InfoHash
    var message: String
    var data: Data?

    init(_ e: st_event) {
        kind = Kind(rawValue: e.type) ?? .unknown
        hash = InfoHash(e.hash)
        message = e.message.map { String(cString: $0) } ?? ""
        data = e.data.map { Data(bytes: $0, count: e.data_size) }
    }
}

struct AlertBatch: Sendable {
    var events: [TorrentEvent]
    var statuses: [TorrentStatus]
}

/// Files, peers, trackers and pieces of one torrent, read on demand.
public struct TorrentDetail: Sendable, Codable {
    public struct File: Sendable, Codable {
        public var index: Int
        public var path: String
        public var size: Int64
        public var downloaded: Int64
        public var priority: Int
        public var progress: Double { size > 0 ? Double(downloaded) / Double(size) : 1 }
        enum CodingKeys: String, CodingKey { case index, path, size, downloaded, priority }
    }
    public struct Peer: Sendable, Codable {
        public var address: String
        public var client: String
        public var progress: Double
        public var downRate: Int64
        public var upRate: Int64
        public var seed: Bool
        public var encrypted: Bool
        public var incoming: Bool
        public var utp: Bool
        enum CodingKeys: String, CodingKey {
            case address, client, progress, seed, encrypted, incoming, utp
            case downRate = "down_rate", upRate = "up_rate"
        }
    }
    public struct Tracker: Sendable, Codable {
        public var url: String
        public var tier: Int
        public var status: String
        public var message: String
        public var seeds: Int
        public var peers: Int
    }
    public var files: [File]
    public var peers: [Peer]
    public var trackers: [Tracker]
    public var pieceLength: Int
    public var pieces: String   // one character per piece: '1' have, '0' missing

    enum CodingKeys: String, CodingKey {
        case files, peers, trackers, pieces
        case pieceLength = "piece_length"
    }

    init(_ d: st_detail) {
        files = (0..<d.file_count).map { i in
            let f = d.files[i]
            return File(index: i, path: f.path.map { String(cString: $0) } ?? "", size: f.size,
                        downloaded: f.downloaded, priority: Int(f.priority))
        }
        peers = (0..<d.peer_count).map { i in
            var p = d.peers[i]
            return Peer(address: fixedString(&p.address), client: fixedString(&p.client), progress: Double(p.progress),
                        downRate: Int64(p.download_rate), upRate: Int64(p.upload_rate),
                        seed: p.flags & 1 != 0, encrypted: p.flags & 2 != 0, incoming: p.flags & 4 != 0, utp: p.flags & 8 != 0)
        }
        trackers = (0..<d.tracker_count).map { i in
            var t = d.trackers[i]
            let status = ["not contacted", "working", "updating", "error"][Int(max(0, min(3, t.status)))]
            return Tracker(url: t.url.map { String(cString: $0) } ?? "", tier: Int(t.tier), status: status,
                           message: fixedString(&t.message), seeds: Int(t.seeds), peers: Int(t.peers))
        }
        pieceLength = Int(d.piece_length)
        if let p = d.pieces, d.num_pieces > 0 {
            pieces = String(decoding: (0..<Int(d.num_pieces)).map { p[$0] != 0 ? UInt8(ascii: "1") : UInt8(ascii: "0") }, as: UTF8.self)
        } else {
            pieces = ""
        }
    }
}
