import CCurl
import Foundation

/// Downloads over http(s) with libcurl: .torrent links from indexers and users.
///
/// Bounded in size and time, http and https only, redirects followed by hand so a
/// redirect to a magnet link (as many indexers answer) is caught rather than failed.
public enum HTTPFetcher {
    public enum TorrentLink: Sendable, Equatable {
        case file(Data)
        case magnet(String)
    }

    /// A .torrent link that answered with an HTTP error: the status tells a torrent that is gone
    /// (404, 410) and a used-up download quota (429) from a server that is merely failing.
    struct LinkStatusError: Error, Sendable {
        /// What the status says about the link; read once here, for the message and for a grab.
        enum Meaning: Sendable {
            /// 404, 410: the torrent is no longer there.
            case gone
            /// 429: the site's download quota is used up.
            case limited
            case failing
        }

        let status: Int
        /// One line, the link's key redacted.
        let message: String

        init(status: Int, url: String) {
            self.status = status
            let meaning = switch Self.meaning(of: status) {
            case .gone: ": the torrent is no longer there"
            case .limited: ": too many downloads; the site's download limit is reached"
            case .failing: ""
            }
            message = "\(HTTPFetcher.redacted(url)): the server answered HTTP \(status)\(meaning)"
        }

        var meaning: Meaning { Self.meaning(of: status) }

        private static func meaning(of status: Int) -> Meaning {
            switch status {
            case 404, 410: .gone
            case 429: .limited
            default: .failing
            }
        }
    }

    public struct Response: Sendable {
        public var status: Int
        public var body: Data
        public var redirect: String?
        public var contentType: String?
    }

    private static let initialized: Bool = {
        curl_global_init(Int(CURL_GLOBAL_DEFAULT))
        return true
    }()

    /// Where a GET with redirects ended: an answer, or a redirect to an address that is not
    /// http(s) (an indexer's magnet link), which is not followed.
    public enum Followed: Sendable {
        case response(Response)
        case elsewhere(String)
    }

    /// A GET with redirects followed by hand, so each hop is checked (and bound to the
    /// interface) and a redirect never leaves http(s) silently. Throws after `maxRedirects`.
    public static func getFollowing(_ url: String, interface: String? = nil, maxBytes: Int, timeoutSeconds: Int,
                                    maxRedirects: Int = 5) async throws -> Followed {
        var current = url
        for _ in 0...maxRedirects {
            let response = try await get(current, interface: interface, maxBytes: maxBytes, timeoutSeconds: timeoutSeconds)
            guard (300..<400).contains(response.status), let next = response.redirect else { return .response(response) }
            guard isHTTP(next) else { return .elsewhere(next) }
            current = next
        }
        throw EngineError.failed("\(redacted(url)): redirects more than \(maxRedirects) times")
    }

    /// Fetches a .torrent (or the magnet an indexer redirects to); an HTTP error status is a
    /// `LinkStatusError`.
    public static func fetchTorrent(url: String, interface: String? = nil, maxBytes: Int = 20 * 1024 * 1024) async throws -> TorrentLink {
        if url.lowercased().hasPrefix("magnet:") { return .magnet(url) }
        switch try await getFollowing(url, interface: interface, maxBytes: maxBytes, timeoutSeconds: 30) {
        case .elsewhere(let target):
            guard target.lowercased().hasPrefix("magnet:") else {
                throw EngineError.failed("\(redacted(url)): redirects to an address that is neither http(s) nor a magnet link")
            }
            return .magnet(target)
        case .response(let response):
            guard (200..<300).contains(response.status) else { throw LinkStatusError(status: response.status, url: url) }
            return .file(response.body)
        }
    }

    /// One GET, no redirects followed. Runs on its own thread: libcurl's easy API blocks.
    /// `interface` binds the request to a network interface (the VPN the torrents use).
    public static func get(_ url: String, interface: String? = nil, maxBytes: Int, timeoutSeconds: Int) async throws -> Response {
        guard isHTTP(url) else { throw EngineError.invalid("'\(redacted(url))' is not an http(s) URL") }
        _ = initialized
        return try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try perform(url, interface: interface, maxBytes: maxBytes, timeoutSeconds: timeoutSeconds) })
            }
        }
    }

    private final class Sink {
        var data = Data()
        let limit: Int
        var overflow = false
        init(limit: Int) { self.limit = limit }
    }

    private static func perform(_ url: String, interface: String?, maxBytes: Int, timeoutSeconds: Int) throws -> Response {
        guard let curl = curl_easy_init() else { throw EngineError.failed("libcurl could not start") }
        defer { curl_easy_cleanup(curl) }
        let sink = Sink(limit: maxBytes)
        let unmanaged = Unmanaged.passRetained(sink)
        defer { unmanaged.release() }
        configure(curl, url: url, interface: interface)
        _ = st_curl_set_long(curl, CURLOPT_FOLLOWLOCATION, 0)
        _ = st_curl_set_long(curl, CURLOPT_TIMEOUT, timeoutSeconds)
        _ = st_curl_set_long(curl, CURLOPT_CONNECTTIMEOUT, min(15, timeoutSeconds))
        _ = st_curl_set_string(curl, CURLOPT_ACCEPT_ENCODING, "")
        _ = st_curl_set_pointer(curl, CURLOPT_WRITEDATA, unmanaged.toOpaque())
        _ = st_curl_set_write(curl) { ptr, size, count, user in
            guard let user, let ptr else { return 0 }
            let sink = Unmanaged<Sink>.fromOpaque(user).takeUnretainedValue()
            let n = size * count
            if sink.data.count + n > sink.limit { sink.overflow = true; return 0 }
            sink.data.append(UnsafeRawPointer(ptr).assumingMemoryBound(to: UInt8.self), count: n)
            return n
        }
        let failure = run(curl)
        if sink.overflow {
            throw EngineError.failed("\(redacted(url)): the answer is larger than \(Units.formatBytes(Int64(maxBytes)))")
        }
        if let failure { throw EngineError.failed("\(redacted(url)): \(failure)") }
        var status = 0
        _ = st_curl_get_long(curl, CURLINFO_RESPONSE_CODE, &status)
        var redirect: UnsafeMutablePointer<CChar>? = nil
        _ = st_curl_get_string(curl, CURLINFO_REDIRECT_URL, &redirect)
        var type: UnsafeMutablePointer<CChar>? = nil
        _ = st_curl_get_string(curl, CURLINFO_CONTENT_TYPE, &type)
        return Response(status: status, body: sink.data, redirect: redirect.map { String(cString: $0) },
                        contentType: type.map { String(cString: $0) })
    }

    /// What every request sets: the URL, http(s) only (redirects included), no signals, the
    /// kill switch's interface, and seedtui's user agent.
    static func configure(_ curl: UnsafeMutableRawPointer, url: String, interface: String?) {
        _ = st_curl_set_string(curl, CURLOPT_URL, url)
        _ = st_curl_set_string(curl, CURLOPT_PROTOCOLS_STR, "http,https")
        _ = st_curl_set_string(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        _ = st_curl_set_long(curl, CURLOPT_NOSIGNAL, 1)
        if let interface { _ = st_curl_set_string(curl, CURLOPT_INTERFACE, "if!" + interface) }
        _ = st_curl_set_string(curl, CURLOPT_USERAGENT, "seedtui/\(SeedtuiVersion.current)")
    }

    /// Runs a configured request: nil when it completed, else curl's own words for why not.
    static func run(_ curl: UnsafeMutableRawPointer) -> String? {
        var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        let code: CURLcode = errorBuffer.withUnsafeMutableBufferPointer { buf in
            _ = st_curl_set_pointer(curl, CURLOPT_ERRORBUFFER, buf.baseAddress)
            return curl_easy_perform(curl)
        }
        guard code != CURLE_OK else { return nil }
        let detail = String(cBuffer: errorBuffer)
        return detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
    }

    /// Whether `url` is an http or https URL (any case): the only kinds seedtui fetches.
    public static func isHTTP(_ url: String) -> Bool {
        let lower = url.prefix(8).lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }

    /// A URL fit for messages, logs, JSON and the database: every query value whose name looks
    /// like a credential is masked (`apikey`, `jackett_apikey`, `passkey`, `t_key`, `token`,
    /// `auth`, `sig`, `uid`, `r`, `i`, ...). The one redactor for every URL seedtui shows.
    public static func redacted(_ url: String) -> String {
        guard url.contains("?"), var components = URLComponents(string: url), let items = components.queryItems else { return url }
        let secretWords = ["key", "pass", "token", "auth", "sig", "secret", "uid", "rss"]
        components.queryItems = items.map { item in
            let name = item.name.lowercased()
            let secret = name == "r" || name == "i" || secretWords.contains { name.contains($0) }
            return secret ? URLQueryItem(name: item.name, value: "***") : item
        }
        return components.string ?? url
    }
}
