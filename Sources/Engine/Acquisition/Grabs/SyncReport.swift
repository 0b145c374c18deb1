/// What one `rss sync` or `wanted search` did: per-indexer outcomes, the matching, the grabs.
///
/// A sync run from cron needs to say which indexer failed (and rests) as much as what it
/// grabbed; `failures` holds items whose chosen releases could not be started, one line each,
/// and `passedOver` the releases that made way for an item's next best (a gone link, a bad torrent).
public struct SyncReport: Codable, Sendable {
    public var outcomes: [Methods.Search.Outcome]
    /// Releases read from all indexers.
    public var releases: Int
    /// Wanted items the releases were matched against.
    public var wanted: Int
    /// Release × wanted pairs judged (after the title prefilter) and how many were accepted.
    public var judged: Int
    public var accepted: Int
    public var grabs: [GrabOutcome]
    public var failures: [String]
    public var passedOver: [String]
    public var elapsedMs: Int64

    init(outcomes: [Methods.Search.Outcome] = [], wanted: Int) {
        self.outcomes = outcomes
        releases = 0
        self.wanted = wanted
        judged = 0
        accepted = 0
        grabs = []
        failures = []
        passedOver = []
        elapsedMs = 0
    }

    enum CodingKeys: String, CodingKey {
        case outcomes, releases, wanted, judged, accepted, grabs, failures
        case passedOver = "passed_over"
        case elapsedMs = "elapsed_ms"
    }

    /// `passed_over` may be missing: an engine started by an older binary does not send it.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        outcomes = try c.decode([Methods.Search.Outcome].self, forKey: .outcomes)
        releases = try c.decode(Int.self, forKey: .releases)
        wanted = try c.decode(Int.self, forKey: .wanted)
        judged = try c.decode(Int.self, forKey: .judged)
        accepted = try c.decode(Int.self, forKey: .accepted)
        grabs = try c.decode([GrabOutcome].self, forKey: .grabs)
        failures = try c.decode([String].self, forKey: .failures)
        passedOver = try c.decodeIfPresent([String].self, forKey: .passedOver) ?? []
        elapsedMs = try c.decode(Int64.self, forKey: .elapsedMs)
    }
}
