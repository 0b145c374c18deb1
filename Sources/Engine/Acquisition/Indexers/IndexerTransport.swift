import Foundation

/// Fetches one URL for an indexer client; the seam tests replace.
public protocol IndexerTransport: Sendable {
    /// A GET with redirects followed; throws `IndexerError` for what the network did.
    func get(_ url: String, maxBytes: Int, timeoutSeconds: Int) async throws -> HTTPFetcher.Response
}

/// The real transport: libcurl through `HTTPFetcher`, which already bounds size and time.
///
/// It adds what indexers need on top: a few redirects followed by hand (http → https, a
/// moved Jackett), and `HTTPFetcher`'s one-line errors sorted into `IndexerError` cases, so a
/// timeout and an oversized answer are told apart from a refused connection. The URL in those
/// lines (redacted by `HTTPFetcher`) is cut off: messages name the indexer instead.
public struct CurlIndexerTransport: IndexerTransport {
    /// The network interface requests are bound to (the VPN the torrents use), if any.
    public var interface: String?

    public init(interface: String? = nil) { self.interface = interface }

    public func get(_ url: String, maxBytes: Int, timeoutSeconds: Int) async throws -> HTTPFetcher.Response {
        let followed: HTTPFetcher.Followed
        do {
            followed = try await HTTPFetcher.getFollowing(url, interface: interface, maxBytes: maxBytes, timeoutSeconds: timeoutSeconds)
        } catch let error as EngineError {
            if error.message.contains("redirects more than") { throw IndexerError.redirect("the API redirects more than 5 times") }
            throw Self.classify(error.message, maxBytes: maxBytes, timeoutSeconds: timeoutSeconds)
        }
        switch followed {
        case .response(let response): return response
        case .elsewhere: throw IndexerError.redirect("the API redirects to a non-http address")
        }
    }

    static func classify(_ message: String, maxBytes: Int, timeoutSeconds: Int) -> IndexerError {
        let lower = message.lowercased()
        if lower.contains("is larger than") { return .tooLarge(limit: maxBytes) }
        if lower.contains("timed out") || lower.contains("timeout") { return .timeout(seconds: timeoutSeconds) }
        // "http://host/api?...: Connection refused" → "Connection refused"
        if let range = message.range(of: ": ", options: .backwards) { return .network(String(message[range.upperBound...])) }
        return .network(message)
    }
}
