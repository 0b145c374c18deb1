import Foundation

/// Download links that answered that the torrent is gone (HTTP 404 or 410), remembered for a
/// while by the engine.
///
/// Not blocklisted: a tracker may restore a torrent, or the indexer list it again under a new
/// link. But asking for a dead link on every sync, every 15 minutes, would waste requests and
/// keep the item on it; with the link remembered as unavailable, each sync takes the item's
/// next best release instead. The link, not the release, is remembered: the same release from
/// another indexer, or under a new link, is still tried. The memory lasts `memory` seconds and
/// not past an engine restart, which costs one request.
struct GoneLinks {
    /// Long enough that frequent syncs stop asking, short enough that a restored torrent is found the same day.
    static let memory: Int64 = 6 * 3600

    private var entries: [String: (until: Int64, why: String)] = [:]

    /// Remembers `release`'s download link as gone since `now`.
    mutating func record(_ release: IndexerRelease, now: Int64) {
        guard let link = release.downloadURL else { return }
        let why = "its link said the torrent is gone (HTTP 404/410) at \(Self.clock(now)); it is asked again after \(Self.clock(now + Self.memory))"
        entries[link] = (now + Self.memory, why)
    }

    /// Why `link` is remembered as gone, while it is.
    func reason(for link: String) -> String? { entries[link]?.why }

    /// The links still remembered, with why, for `DecisionContext.unavailable`; forgets the others.
    mutating func current(now: Int64) -> [String: String] {
        entries = entries.filter { $0.value.until > now }
        return entries.mapValues(\.why)
    }

    private static func clock(_ seconds: Int64) -> String {
        AcquisitionService.clock(Date(timeIntervalSince1970: TimeInterval(seconds)))
    }
}
