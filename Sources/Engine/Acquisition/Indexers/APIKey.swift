import Foundation

/// An indexer's API key: stored in the database, sent in query strings, shown nowhere else.
///
/// Like GRDB hiding secrets from a configuration's `description`, the key prints as a mask
/// wherever a value is described, dumped or reflected, and it is not `Codable`: it cannot
/// slip into a JSON answer, an event or a log line by being interpolated. Only `reveal`
/// gives the text, and only the URL builder and the scrubber call it.
///
///     let key = APIKey("abc123")
///     "\(key)"        // "********"
public struct APIKey: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// What a key looks like in every output.
    public static let mask = "********"

    private let value: String

    public init(_ value: String) { self.value = value }

    /// The key itself, for the request URL only.
    public var reveal: String { value }
    public var isEmpty: Bool { value.isEmpty }

    public var description: String { Self.mask }
    public var debugDescription: String { "APIKey(\(Self.mask))" }
    public var customMirror: Mirror { Mirror(self, children: ["value": Self.mask]) }

    /// `text` with every occurrence of the key replaced by the mask: indexer error pages and
    /// download links may echo the key back.
    public func scrub(_ text: String) -> String {
        guard value.count >= 4 else { return text }
        return text.replacingOccurrences(of: value, with: Self.mask)
    }
}
