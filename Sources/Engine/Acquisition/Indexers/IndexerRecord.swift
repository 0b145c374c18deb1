import Foundation
import GRDB

/// An indexer's row: where it is, its key, how it ranks, what it can do and how healthy it is.
///
/// Not `Codable` on purpose: the API key must never reach JSON, so the row is read and written
/// column by column, and clients get an `IndexerSummary`. The description masks the key.
public struct IndexerRecord: Sendable, Equatable, FetchableRecord, MutablePersistableRecord, TableRecord, CustomStringConvertible {
    public static let databaseTableName = "indexer"

    public var id: Int64?
    public var name: String
    public var kind: IndexerKind
    /// The API endpoint (ends in `/api` unless the user's URL had its own query).
    public var url: String
    public var apiKey: APIKey
    /// Categories searched on this indexer; empty means each search's family (5000 TV, 2000 movies, ...).
    public var categories: [Int]
    /// 1 (first) to 50 (last); breaks ties in the ranking, as in Sonarr.
    public var priority: Int
    public var enabled: Bool
    /// Least time between two requests to this indexer.
    public var minIntervalMs: Int64
    public var caps: IndexerCaps
    public var addedAt: Int64
    /// Failures in a row; reset by a success.
    public var failures: Int
    /// No automatic request before this time (seconds since 1970).
    public var backoffUntil: Int64?
    public var lastError: String?
    public var lastOkAt: Int64?
    public var lastFailureAt: Int64?

    public init(name: String, kind: IndexerKind, url: String, apiKey: APIKey, categories: [Int] = [], priority: Int = 25,
                enabled: Bool = true, minIntervalMs: Int64 = 2000, caps: IndexerCaps = IndexerCaps(), addedAt: Int64 = 0) {
        self.name = name
        self.kind = kind
        self.url = url
        self.apiKey = apiKey
        self.categories = categories
        self.priority = priority
        self.enabled = enabled
        self.minIntervalMs = minIntervalMs
        self.caps = caps
        self.addedAt = addedAt
        failures = 0
    }

    public init(row: Row) throws {
        id = row["id"]
        name = row["name"]
        let kindText: String = row["kind"]
        kind = IndexerKind(rawValue: kindText) ?? .torznab
        url = row["url"]
        apiKey = APIKey(row["api_key"] ?? "")
        let cats: String = row["categories"] ?? ""
        categories = cats.split(separator: ",").compactMap { Int($0) }
        priority = row["priority"]
        enabled = row["enabled"]
        minIntervalMs = row["min_interval_ms"]
        let capsJSON: String = row["caps_json"] ?? "{}"
        caps = (try? JSONDecoder().decode(IndexerCaps.self, from: Data(capsJSON.utf8))) ?? IndexerCaps()
        addedAt = row["added_at"]
        failures = row["failures"]
        backoffUntil = row["backoff_until"]
        lastError = row["last_error"]
        lastOkAt = row["last_ok_at"]
        lastFailureAt = row["last_failure_at"]
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["name"] = name
        container["kind"] = kind.rawValue
        container["url"] = url
        container["api_key"] = apiKey.reveal
        container["categories"] = categories.map(String.init).joined(separator: ",")
        container["priority"] = priority
        container["enabled"] = enabled
        container["min_interval_ms"] = minIntervalMs
        container["caps_json"] = String(decoding: try JSONEncoder().encode(caps), as: UTF8.self)
        container["added_at"] = addedAt
        container["failures"] = failures
        container["backoff_until"] = backoffUntil
        container["last_error"] = lastError
        container["last_ok_at"] = lastOkAt
        container["last_failure_at"] = lastFailureAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    public var description: String {
        "IndexerRecord(name: \(name), kind: \(kind.rawValue), url: \(HTTPFetcher.redacted(url)), apiKey: \(APIKey.mask))"
    }

    /// Whether an automatic search may use it now.
    public func isBackingOff(now: Int64) -> Bool { (backoffUntil ?? 0) > now }
}
