/// A parsed rule condition: comparisons on probed fields joined with `and`, `or`, `not` and
/// parentheses. `ConditionParser` builds it; `matches` evaluates it against a probe.
///
/// An unknown value (a height on an audio file, a bit rate the container does not state)
/// makes its comparison false, whatever the operator; `not (…)` turns that around.
public indirect enum RuleCondition: Sendable, Equatable {
    public enum Operator: String, Sendable, Equatable {
        case equal = "=", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
        case contains = "~", has, `in`
    }

    case compare(field: String, op: Operator, values: [String])
    /// A bare field: only `hdr`.
    case flag(field: String)
    case not(RuleCondition)
    case and(RuleCondition, RuleCondition)
    case or(RuleCondition, RuleCondition)

    public static func parse(_ text: String) throws(RuleSyntaxError) -> RuleCondition {
        var parser = ConditionParser(text)
        return try parser.parse()
    }

    public func matches(_ probe: ProbeResult) -> Bool {
        switch self {
        case .and(let a, let b): return a.matches(probe) && b.matches(probe)
        case .or(let a, let b): return a.matches(probe) || b.matches(probe)
        case .not(let c): return !c.matches(probe)
        case .flag(let name):
            guard let field = ConditionField.named(name), case .text(let v)? = field.read(probe) else { return false }
            return v != "none"
        case .compare(let name, let op, let values):
            guard let field = ConditionField.named(name), let actual = field.read(probe) else { return false }
            return Self.compare(field, actual, op, values)
        }
    }

    static func compare(_ field: ConditionField, _ actual: ConditionField.Value, _ op: Operator, _ values: [String]) -> Bool {
        switch (field.kind, actual) {
        case (.number(let unit), .number(let n)):
            guard let want = values.first.flatMap({ ConditionField.parseNumber($0, unit: unit) }) else { return false }
            switch op {
            case .equal: return n == want
            case .notEqual: return n != want
            case .less: return n < want
            case .lessOrEqual: return n <= want
            case .greater: return n > want
            case .greaterOrEqual: return n >= want
            default: return false
            }
        case (.hdr, .text(let format)):
            let isHDR = format != "none"
            let wanted = values.map { $0.lowercased() }
            let hit = wanted.contains { w in
                switch w {
                case "true", "yes", "1", "any": return isHDR
                case "false", "no", "0", "none", "sdr": return !isHDR
                default: return ConditionField.hdrName(w) == format
                }
            }
            return op == .notEqual ? !hit : hit
        case (.text, .text(let s)):
            let have = normalize(field, s)
            switch op {
            case .equal, .in: return values.contains { normalize(field, $0) == have }
            case .notEqual: return !values.contains { normalize(field, $0) == have }
            case .contains: return values.contains { have.contains($0.lowercased()) }
            default: return false
            }
        case (.list, .list(let items)):
            let have = Set(items.map { normalize(field, $0) })
            let hit = values.contains { have.contains(normalize(field, $0)) }
            return op == .notEqual ? !hit : hit
        default:
            return false
        }
    }

    static func normalize(_ field: ConditionField, _ value: String) -> String {
        switch field.name {
        case "video_codec", "audio_codec", "subtitle_codec": return ConditionField.codecName(value)
        case "audio_languages", "subtitle_languages": return LanguageCode.canonical(value)
        case "container", "extension": return value.lowercased().hasPrefix(".") ? String(value.lowercased().dropFirst()) : value.lowercased()
        default: return value.lowercased()
        }
    }
}
