import Foundation

/// Talks to one Torznab/Newznab indexer: caps and searches, errors as `IndexerError`.
///
/// Every answer is bounded (16 MiB, 30 s by default) and read whole before anything is kept,
/// so a failure half-way leaves nothing behind. Health, rate limits and the key's secrecy
/// in messages are the caller's (`AcquisitionService`); this type only fetches and reads.
public struct IndexerClient: Sendable {
    public static let defaultMaxBytes = 16 << 20
    public static let defaultTimeout = 30

    public var record: IndexerRecord
    public var transport: any IndexerTransport
    public var maxBytes = IndexerClient.defaultMaxBytes
    public var timeoutSeconds = IndexerClient.defaultTimeout

    public init(record: IndexerRecord, transport: any IndexerTransport) {
        self.record = record
        self.transport = transport
    }

    /// `t=caps`.
    public func caps() async throws -> IndexerCaps {
        try IndexerCapsParser.parse(try await fetch(IndexerQuery.capsURL(base: record.url, apiKey: record.apiKey)))
    }

    /// One page of a search; `categories` as `IndexerQuery.categories(configured:)` chose them.
    public func search(_ query: IndexerQuery, categories: [Int]) async throws -> IndexerFeed {
        let items = query.items(caps: record.caps, categories: categories, apiKey: record.apiKey)
        var feed = try IndexerFeedParser.parse(try await fetch(IndexerQuery.url(base: record.url, items: items)),
                                               indexer: record.name, kind: record.kind)
        for i in feed.releases.indices {
            feed.releases[i].indexerId = record.id
            feed.releases[i].indexerPriority = record.priority
        }
        return feed
    }

    /// The URL a search would fetch, with the key masked (for `--verbose` output and tests).
    public func describe(_ query: IndexerQuery, categories: [Int]) -> String {
        let items = query.items(caps: record.caps, categories: categories, apiKey: APIKey(APIKey.mask))
        return IndexerQuery.url(base: HTTPFetcher.redacted(record.url), items: items)
    }

    /// The body of a 2xx answer; anything else becomes the error it stands for. An error
    /// status whose body is a Newznab `<error/>` says more than the status, so it wins.
    func fetch(_ url: String) async throws -> Data {
        let response = try await transport.get(url, maxBytes: maxBytes, timeoutSeconds: timeoutSeconds)
        if (200..<300).contains(response.status) { return response.body }
        if let root = try? IndexerXML.parse(response.body), root.localName == "error" {
            throw IndexerFeedParser.errorAnswer(root)
        }
        switch response.status {
        case 401, 403: throw IndexerError.badKey(code: response.status, description: "HTTP \(response.status)")
        case 429: throw IndexerError.limitReached(description: "HTTP 429 Too Many Requests")
        default: throw IndexerError.http(status: response.status)
        }
    }
}
