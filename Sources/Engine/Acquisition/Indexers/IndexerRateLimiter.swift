/// Spaces the requests to each indexer: at most one per the indexer's `min_interval_ms`.
///
/// Trackers ban clients that burst (a paged search, a test and an RSS sync landing at once).
/// Each request reserves the next free slot for its indexer and sleeps until it, so parallel
/// searches queue per indexer rather than hammering it, while different indexers run at once.
public actor IndexerRateLimiter {
    private var nextSlot: [Int64: ContinuousClock.Instant] = [:]

    public init() {}

    /// Waits until this indexer may be asked again.
    public func waitTurn(indexer id: Int64, intervalMs: Int64) async {
        let now = ContinuousClock.now
        let slot = reserve(indexer: id, intervalMs: intervalMs, now: now)
        if slot > now { try? await Task.sleep(until: slot, clock: .continuous) }
    }

    /// Takes the indexer's next free slot as of `now` and returns when it is.
    func reserve(indexer id: Int64, intervalMs: Int64, now: ContinuousClock.Instant) -> ContinuousClock.Instant {
        let slot = max(now, nextSlot[id] ?? now)
        nextSlot[id] = slot + .milliseconds(max(0, intervalMs))
        return slot
    }

    /// Forgets an indexer (after `indexer remove`).
    public func forget(_ id: Int64) { nextSlot.removeValue(forKey: id) }
}
