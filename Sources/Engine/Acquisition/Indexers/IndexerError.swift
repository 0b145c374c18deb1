import Foundation

/// What went wrong talking to an indexer, before it is told to a person.
///
/// Each case knows whether the indexer should back off and turns into one `EngineError` line
/// that names the indexer and says what to do. Newznab/Torznab error codes (100–199 bad
/// credentials, 429/500/501 limits, 910 API disabled) get their own cases.
public enum IndexerError: Error, Sendable, Equatable {
    /// Error code 100–199 or HTTP 401/403: the key is wrong, suspended or lacks rights.
    case badKey(code: Int, description: String)
    /// Error code 429/500/501 or HTTP 429: the indexer's request or download quota is used up.
    case limitReached(description: String)
    /// Code 910: the site turned its API off.
    case apiDisabled(description: String)
    /// Any other `<error code=… description=…/>` answer.
    case apiError(code: Int, description: String)
    /// An HTML page (a login form, a Cloudflare challenge, a proxy error) where XML was expected.
    case htmlPage(title: String?)
    /// Not well-formed XML, or XML that is neither RSS, caps nor an error.
    case malformed(String)
    /// The answer passed the size limit.
    case tooLarge(limit: Int)
    /// No answer within the time limit.
    case timeout(seconds: Int)
    /// An HTTP status outside 2xx with no Newznab error in its body.
    case http(status: Int)
    /// Connection refused, DNS, TLS: whatever the transport said.
    case network(String)
    /// Too many redirects, or a redirect out of http(s).
    case redirect(String)

    /// Quotas reset on the indexer's schedule, not ours: wait at least this long.
    public var minimumBackOffSeconds: Int64 {
        if case .limitReached = self { return 3600 }
        return 0
    }

    /// One line, naming the indexer, with what to do.
    public func message(indexer: String) -> String {
        switch self {
        case .badKey(let code, let d):
            return "indexer \(indexer) refused the API key (code \(code): \(Self.clean(d))); check it and run `indexer remove \(indexer)` then `indexer add` with the right --apikey"
        case .limitReached(let d):
            return "indexer \(indexer) says its request limit is reached (\(Self.clean(d))); it is skipped until the back-off ends, or raise the limit on the site"
        case .apiDisabled(let d):
            return "indexer \(indexer) has its API disabled (\(Self.clean(d))); enable it on the site or `indexer disable \(indexer)`"
        case .apiError(let code, let d):
            return "indexer \(indexer) answered error \(code) (\(Self.clean(d))); `indexer test \(indexer)` retries, `indexer disable \(indexer)` stops using it"
        case .htmlPage(let title):
            let page = title.map { " \"\(Self.clean($0))\"" } ?? ""
            return "indexer \(indexer) sent an HTML page\(page) instead of Torznab/Newznab XML; check its URL (it should end in /api) and whether the site needs a login or a captcha"
        case .malformed(let detail):
            return "indexer \(indexer) sent an answer that is not valid Torznab/Newznab XML (\(Self.clean(detail))); check its URL, or `indexer disable \(indexer)`"
        case .tooLarge(let limit):
            return "indexer \(indexer) sent more than \(Units.formatBytes(Int64(limit))), the limit for one answer; lower the page size or check its URL"
        case .timeout(let s):
            return "indexer \(indexer) did not answer within \(s) s; it is skipped until the back-off ends (`indexer test \(indexer)` retries now)"
        case .http(let status):
            let hint = status == 404 ? "; check its URL (Prowlarr: http://host:9696/ID/api, Jackett: …/results/torznab/api)" : ""
            return "indexer \(indexer) answered HTTP \(status)\(hint)"
        case .network(let text):
            return "indexer \(indexer) could not be reached: \(Self.clean(text)); check its URL and the network"
        case .redirect(let text):
            return "indexer \(indexer): \(Self.clean(text)); use the URL the site redirects to"
        }
    }

    /// The error a caller reports: `failed`, or `timeout` for a timeout.
    public func engineError(indexer: String) -> EngineError {
        if case .timeout = self { return .timeout(message(indexer: indexer)) }
        return .failed(message(indexer: indexer))
    }

    /// Text from the indexer made one short line: it may be long, multi-line or hostile.
    static func clean(_ text: String) -> String {
        var out = ""
        for c in text.unicodeScalars {
            if out.unicodeScalars.count >= 160 { out += "…"; break }
            if c.properties.generalCategory == .control || c == "\u{2028}" || c == "\u{2029}" {
                if !out.hasSuffix(" ") { out += " " }
            } else {
                out.unicodeScalars.append(c)
            }
        }
        let trimmed = out.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? "no description" : trimmed
    }
}

extension IndexerError {
    /// The error an `<error code="…" description="…"/>` answer stands for.
    ///
    /// Codes from the Newznab API: 100–199 are credential problems (100 incorrect key, 101
    /// suspended, 102 insufficient privileges), 429 (Prowlarr, Jackett) and 500/501 are
    /// request and download limits, 910 is an API turned off. Some servers say "limit" only
    /// in the description.
    public static func answer(code: Int, description: String) -> IndexerError {
        let lower = description.lowercased()
        switch code {
        case 100...199: return .badKey(code: code, description: description)
        case 429, 500, 501: return .limitReached(description: description)
        case 910: return .apiDisabled(description: description)
        default:
            if lower.contains("limit") && (lower.contains("reach") || lower.contains("exceed")) { return .limitReached(description: description) }
            if lower.contains("api key") || lower.contains("apikey") || lower.contains("credential") {
                return .badKey(code: code, description: description)
            }
            return .apiError(code: code, description: description)
        }
    }
}
