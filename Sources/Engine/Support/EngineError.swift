/// The one error type that crosses the engine API and the socket.
///
/// Each case maps to an exit code of the headless mode, so scripts can tell a typo
/// from a failed operation from an engine that is not there. Messages are one line,
/// say what was wrong and what to do.
public enum EngineError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The request itself is wrong: bad selector, malformed .torrent, unknown key.
    case invalid(String)
    /// Nothing matched a selector or id.
    case notFound(String)
    /// The request was fine but doing it failed (disk, network, libtorrent).
    case failed(String)
    /// No engine could be reached or started.
    case unreachable(String)
    /// A `wait` ran out of time.
    case timeout(String)

    public var message: String {
        switch self {
        case .invalid(let m), .notFound(let m), .failed(let m), .unreachable(let m), .timeout(let m): return m
        }
    }

    public var description: String { message }

    /// Stable wire name of the case.
    public var code: String {
        switch self {
        case .invalid: return "invalid"
        case .notFound: return "not_found"
        case .failed: return "failed"
        case .unreachable: return "unreachable"
        case .timeout: return "timeout"
        }
    }

    public init(code: String, message: String) {
        switch code {
        case "invalid": self = .invalid(message)
        case "not_found": self = .notFound(message)
        case "unreachable": self = .unreachable(message)
        case "timeout": self = .timeout(message)
        default: self = .failed(message)
        }
    }
}
