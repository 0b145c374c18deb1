import Foundation

/// The engine's in-memory copy of one torrent: its row plus libtorrent's last status.
///
/// The snapshot and its JSON bytes are computed once per change, so answering
/// `list` for 10,000 torrents is a concatenation of cached rows.
final class TorrentEntry {
    var record: TorrentRecord
    var status: TorrentStatus?
    var hash: InfoHash
    var revision: UInt64
    /// Resume data has changed since it was last written to the database.
    var resumeDirty = false
    var lastTrackerMessage: String?
    private var cachedSnapshot: TorrentSnapshot?
    private var cachedJSON: [UInt8]?

    init(record: TorrentRecord, hash: InfoHash, revision: UInt64) {
        self.record = record
        self.hash = hash
        self.revision = revision
    }

    var id: Int64 { record.id ?? 0 }

    func invalidate(revision: UInt64) {
        self.revision = revision
        cachedSnapshot = nil
        cachedJSON = nil
    }

    func snapshot() -> TorrentSnapshot {
        if let cachedSnapshot { return cachedSnapshot }
        let s = makeSnapshot()
        cachedSnapshot = s
        return s
    }

    func json() -> [UInt8] {
        if let cachedJSON { return cachedJSON }
        var w = JSONWriter(capacity: 512)
        snapshot().writeJSON(into: &w)
        cachedJSON = w.bytes
        return w.bytes
    }

    var state: TorrentState {
        guard let s = status else { return record.paused ? .paused : .loading }
        if !s.error.isEmpty { return .error }
        if s.moving { return .moving }
        if s.paused { return s.autoManaged ? .queued : .paused }
        switch s.phase {
        case .checkingFiles, .checkingResume: return .checking
        case .metadata: return .metadata
        case .downloading: return s.downloadRate == 0 ? .stalled : .downloading
        case .finished, .seeding: return .seeding
        case .unknown: return .loading
        }
    }

    /// Upload over download, with the downloaded size of the content for torrents we seeded from the start.
    var ratio: Double {
        guard let s = status else { return 0 }
        let base = s.allTimeDownload > 0 ? s.allTimeDownload : s.totalWantedDone
        return base > 0 ? Double(s.allTimeUpload) / Double(base) : 0
    }

    private func makeSnapshot() -> TorrentSnapshot {
        let s = status
        let remaining = (s?.totalWanted ?? 0) - (s?.totalWantedDone ?? 0)
        var eta: Int64? = nil
        if let s, remaining > 0, s.downloadRate > 0 { eta = remaining / s.downloadRate }
        if let s, remaining == 0, s.hasMetadata { eta = 0 }
        let name = (s?.name.isEmpty == false ? s?.name : nil) ?? record.name
        return TorrentSnapshot(
            id: id, infoHash: hash.hex, name: name, state: state,
            progress: s?.progress ?? 0, size: s?.totalWanted ?? 0, completed: s?.totalWantedDone ?? 0,
            downloaded: s?.allTimeDownload ?? 0, uploaded: s?.allTimeUpload ?? 0, ratio: ratio,
            downRate: s?.downloadRate ?? 0, upRate: s?.uploadRate ?? 0,
            peers: s?.peers ?? 0, seeds: s?.seeds ?? 0, swarmPeers: max(0, s?.swarmPeers ?? 0), swarmSeeds: max(0, s?.swarmSeeds ?? 0),
            eta: eta, savePath: record.savePath, category: record.category, tags: record.tagList,
            addedAt: record.addedAt, completedAt: record.completedAt, queuePosition: s?.queuePosition ?? -1,
            seedingTime: s?.seedingSeconds ?? 0, downloadLimit: record.downloadLimit, uploadLimit: record.uploadLimit,
            sequential: record.sequential, error: (s?.error.isEmpty ?? true) ? nil : s?.error)
    }
}
