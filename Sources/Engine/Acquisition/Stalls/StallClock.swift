/// How long each grabbed download has gone without progress.
///
/// libtorrent says how many bytes a torrent has, not since when that number stopped
/// growing; the sweep samples it and this remembers, per torrent, the bytes last seen and
/// when they last grew. A torrent first seen with nothing downloaded counts from its grab
/// (a grab nobody seeds is stalled from the start, also across an engine restart); one first
/// seen with some bytes counts from now, since its history before a restart is unknown.
/// Paused and queued torrents are waiting on the person or a slot, not on a swarm: their
/// clock starts again when they run.
public struct StallClock: Sendable {
    struct Mark: Sendable, Equatable {
        var bytes: Int64
        var since: Int64
    }

    var marks: [Int64: Mark] = [:]

    public init() {}

    /// Records what torrent `id` has now; returns how many seconds it has made no progress.
    public mutating func observe(id: Int64, bytes: Int64, waiting: Bool, now: Int64, grabbedAt: Int64) -> Int64 {
        if waiting {
            marks[id] = Mark(bytes: bytes, since: now)
            return 0
        }
        guard let mark = marks[id] else {
            let since = bytes == 0 ? min(grabbedAt, now) : now
            marks[id] = Mark(bytes: bytes, since: since)
            return now - since
        }
        if bytes > mark.bytes {
            marks[id] = Mark(bytes: bytes, since: now)
            return 0
        }
        return now - mark.since
    }

    /// Drops torrents no longer watched (completed, removed, no longer a grab).
    public mutating func keep(only ids: Set<Int64>) {
        marks = marks.filter { ids.contains($0.key) }
    }
}
