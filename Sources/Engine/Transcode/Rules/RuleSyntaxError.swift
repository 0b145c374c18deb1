/// A mistake in a rule's condition or action, with the column it was found at.
public struct RuleSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    /// 1-based column in the text, when the mistake has a place.
    public var column: Int?

    public init(_ message: String, column: Int? = nil) {
        self.message = message
        self.column = column
    }

    public var description: String { column.map { "\(message) (column \($0))" } ?? message }

    /// As the engine reports it: `--when: unknown field 'heigth'; did you mean 'height'? (column 1)`.
    func engineError(_ option: String) -> EngineError { .invalid("\(option): \(description)") }
}
