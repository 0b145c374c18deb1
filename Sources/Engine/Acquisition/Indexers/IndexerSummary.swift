/// An indexer as clients see it: everything but the key, which shows as a mask.
///
/// `status` is one word for lists (`ok`, `disabled`, `backoff`, `failing`, `new`); `backoff_until`
/// and `last_error` say why and until when.
public struct IndexerSummary: Codable, Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var kind: IndexerKind
    public var url: String
    public var apiKey: String
    public var categories: [Int]
    public var priority: Int
    public var enabled: Bool
    public var minIntervalMs: Int64
    /// Search functions the caps offer ("search tv movie").
    public var searches: String
    public var capsCategories: Int
    public var limitMax: Int?
    public var status: String
    public var failures: Int
    public var backoffUntil: Int64?
    public var lastError: String?
    public var lastOkAt: Int64?
    public var lastFailureAt: Int64?

    enum CodingKeys: String, CodingKey {
        case id, name, kind, url, categories, priority, enabled, searches, status, failures
        case apiKey = "api_key", minIntervalMs = "min_interval_ms", capsCategories = "caps_categories", limitMax = "limit_max"
        case backoffUntil = "backoff_until", lastError = "last_error", lastOkAt = "last_ok_at", lastFailureAt = "last_failure_at"
    }

    public init(_ r: IndexerRecord, now: Int64) {
        id = r.id ?? 0
        name = r.name
        kind = r.kind
        url = HTTPFetcher.redacted(r.url)
        apiKey = r.apiKey.isEmpty ? "" : APIKey.mask
        categories = r.categories
        priority = r.priority
        enabled = r.enabled
        minIntervalMs = r.minIntervalMs
        searches = r.caps.summary
        capsCategories = r.caps.allCategoryIds.count
        limitMax = r.caps.limitMax
        failures = r.failures
        backoffUntil = r.isBackingOff(now: now) ? r.backoffUntil : nil
        lastError = r.lastError.map(r.apiKey.scrub)
        lastOkAt = r.lastOkAt
        lastFailureAt = r.lastFailureAt
        if !r.enabled { status = "disabled" }
        else if r.isBackingOff(now: now) { status = "backoff" }
        else if r.failures > 0 { status = "failing" }
        else if r.lastOkAt == nil { status = "new" }
        else { status = "ok" }
    }
}
