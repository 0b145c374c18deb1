/// A naming scheme such as
/// `{Series Title}/Season {season:00}/{Series Title} - S{season:00}E{episode:00}`.
///
/// Tokens are the ones Sonarr and Radarr users know, so schemes can be copied from them; `/`
/// separates folder levels. Templates are checked when built (an unknown token is an error
/// that lists the known ones), and rendering is total: every value is made safe as a path
/// component, and what a missing value leaves behind is cleaned up (see `render(_:)`).
///
///     let t = try NamingTemplate("{Movie Title} ({Year})/{Movie Title} ({Year})")
///     t.render(NamingValues(title: "Alien", year: 1979))   // "Alien (1979)/Alien (1979)"
///     t.render(NamingValues(title: "Alien"))               // "Alien/Alien"
public struct NamingTemplate: Sendable, Codable, Equatable, CustomStringConvertible {
    /// The tokens a template may use. Names are matched without regard to case or repeated spaces.
    public enum Token: String, Sendable, CaseIterable {
        case movieTitle = "Movie Title"
        case year = "Year"
        case edition = "Edition"
        case qualityFull = "Quality Full"
        case seriesTitle = "Series Title"
        case season = "season"
        case episode = "episode"
        case episodeTitle = "Episode Title"
        case airDate = "Air Date"
        case artist = "Artist"
        case albumArtist = "Album Artist"
        case album = "Album"
        case track = "track"
        case disc = "disc"
        case title = "Title"
        case author = "Author"
        case series = "Series"
        case seriesIndex = "Series Index"
        case number = "Number"
        case channel = "Channel"
        case uploadDate = "Upload Date"
        case videoId = "Video Id"

        /// Numbers, which take a zero-padding format (`{season:00}`, `{number:000}`).
        public var isNumeric: Bool {
            switch self {
            case .season, .episode, .track, .disc, .number, .seriesIndex, .year: return true
            default: return false
            }
        }
    }

    /// One piece of a parsed template.
    enum Segment: Sendable, Equatable {
        case literal(String)
        /// A token and its zero-padding width (0: none).
        case token(Token, width: Int)
    }

    /// The template as written.
    public let text: String
    let segments: [Segment]

    /// Every token, as written in help and error messages; numbers also take zero padding
    /// (`{season:00}`).
    public static var knownTokens: [String] { Token.allCases.map { "{\($0.rawValue)}" } }

    /// Parses `text`; throws `NamingTemplateError` for an unknown token, a format on a token
    /// that takes none, or an unbalanced brace.
    public init(_ text: String) throws {
        self.text = text
        var segments: [Segment] = []
        var literal = ""
        var rest = Substring(text)
        while let c = rest.first {
            if c == "}" {
                throw NamingTemplateError(code: .unbalancedBrace, token: "}",
                                          description: "naming template \"\(text)\": \"}\" without its \"{\"")
            }
            guard c == "{" else {
                literal.append(c)
                rest = rest.dropFirst()
                continue
            }
            let body = rest.dropFirst()
            guard let close = body.firstIndex(where: { $0 == "}" || $0 == "{" }), body[close] == "}" else {
                throw NamingTemplateError(code: .unbalancedBrace, token: "{",
                                          description: "naming template \"\(text)\": \"{\" without its \"}\"")
            }
            let inner = body[..<close]
            let written = "{\(inner)}"
            let parts = inner.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            let name = parts[0].split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
            guard let token = Token.allCases.first(where: { $0.rawValue.lowercased() == name }) else {
                throw NamingTemplateError(
                    code: .unknownToken, token: written,
                    description: "naming template \"\(text)\": unknown token \(written); known tokens: "
                        + Self.knownTokens.joined(separator: ", ") + " (numbers take zero padding: {season:00})")
            }
            var width = 0
            if parts.count == 2 {
                let format = parts[1].trimmingCharacters(in: .whitespaces)
                guard token.isNumeric, !format.isEmpty, format.count <= 9, format.allSatisfy({ $0 == "0" }) else {
                    throw NamingTemplateError(
                        code: .badFormat, token: written,
                        description: "naming template \"\(text)\": \(written): only numbers take a format, and only zeros "
                            + "(\"{season:00}\" pads to two digits)")
                }
                width = format.count
            }
            if !literal.isEmpty { segments.append(.literal(literal)) }
            literal = ""
            segments.append(.token(token, width: width))
            rest = body[body.index(after: close)...]
        }
        if !literal.isEmpty { segments.append(.literal(literal)) }
        self.segments = segments
    }

    /// A built-in template, known to parse.
    init(builtIn text: String) {
        do { self = try NamingTemplate(text) } catch { preconditionFailure("built-in naming template: \(error)") }
    }

    /// The tokens the template uses.
    public var tokens: Set<Token> {
        var set = Set<Token>()
        for case .token(let t, _) in segments { set.insert(t) }
        return set
    }

    public var description: String { text }

    public static func == (a: NamingTemplate, b: NamingTemplate) -> Bool { a.text == b.text }

    /// Encoded as its text.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(text)
    }

    /// Decoded from its text, checked as `init(_:)` checks it.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        try self.init(try c.decode(String.self))
    }

    /// The relative path (without extension) for `values`.
    ///
    /// Each value is made safe as a path component (`PathComponent.sanitize`), then each
    /// component is cleaned up: a folder level whose tokens are all empty vanishes (`{Series}/`
    /// with no series, `Disc {disc}/` on a single-disc album), brackets left empty go
    /// (`Alien ()`), separators left dangling or doubled collapse (`Show - S01E02 - `), and the
    /// component is kept within 255 bytes, cut on a character boundary.
    public func render(_ values: NamingValues) -> String {
        renderComponents(values, reservingInLast: 0).joined(separator: "/")
    }
}
