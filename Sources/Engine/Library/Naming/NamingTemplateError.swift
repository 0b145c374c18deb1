/// Why a naming template was refused; `description` says what to write instead.
///
/// Templates come from the user's settings, so an unknown token must fail when the setting is
/// saved, naming the token and listing the known ones, rather than produce odd paths later.
///
///     do { _ = try NamingTemplate("{Show}") }
///     catch let e as NamingTemplateError where e.code == .unknownToken { print(e) }
public struct NamingTemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    public struct Code: RawRepresentable, Hashable, Sendable {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        /// `{Show}`: no such token.
        public static let unknownToken = Code(rawValue: "unknown_token")
        /// A `{` without its `}`, or a `}` without its `{`.
        public static let unbalancedBrace = Code(rawValue: "unbalanced_brace")
        /// A format other than zeros (`{season:00}`), or one on a token that is not a number.
        public static let badFormat = Code(rawValue: "bad_format")
    }

    public let code: Code
    /// The token as written, braces included, when one is at fault.
    public let token: String?
    public let description: String

    public init(code: Code, token: String?, description: String) {
        self.code = code
        self.token = token
        self.description = description
    }
}
