import Foundation

/// Which torrents a command acts on: ids from `list`, info-hashes or unique prefixes,
/// `all`, and `--filter` expressions, resolved by the engine against its live list.
public struct TorrentSelector: Codable, Sendable, Equatable {
    public var terms: [String]
    public var filters: [String]

    public init(terms: [String], filters: [String] = []) {
        self.terms = terms
        self.filters = filters
    }

    public var isEmpty: Bool { terms.isEmpty && filters.isEmpty }
}

/// One `--filter` expression: `name~ubuntu`, `state=seeding`, `ratio>2`, `size>=1G`, `category=tv`.
public struct TorrentFilter: Sendable {
    enum Op: String, CaseIterable { case contains = "~", notEqual = "!=", greaterOrEqual = ">=", lessOrEqual = "<=", equal = "=", greater = ">", less = "<" }
    enum Field: String, CaseIterable {
        case name, state, category, tag, ratio, progress, size, hash, save_path, down_rate, up_rate, peers, seeds, id
    }

    let field: Field
    let op: Op
    let text: String
    let number: Double?

    public init(parsing expression: String) throws {
        // Two-character operators first so `>=` is not read as `>` followed by `=value`.
        let ops: [Op] = [.notEqual, .greaterOrEqual, .lessOrEqual, .contains, .equal, .greater, .less]
        var found: (Op, Range<String.Index>)? = nil
        for op in ops {
            if let r = expression.range(of: op.rawValue), found == nil || r.lowerBound < found!.1.lowerBound { found = (op, r) }
        }
        guard let (op, range) = found else {
            throw EngineError.invalid("filter '\(expression)' has no operator; write FIELD=VALUE, FIELD~TEXT, FIELD>N (fields: \(Field.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let name = expression[..<range.lowerBound].trimmingCharacters(in: .whitespaces).lowercased()
        guard let field = Field(rawValue: name) else {
            throw EngineError.invalid("filter '\(expression)': unknown field '\(name)'; fields: \(Field.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self.field = field
        self.op = op
        text = String(expression[range.upperBound...]).trimmingCharacters(in: .whitespaces)
        switch field {
        case .ratio, .progress, .peers, .seeds, .id:
            guard let n = Double(text) else { throw EngineError.invalid("filter '\(expression)': '\(text)' is not a number") }
            number = n
        case .size, .down_rate, .up_rate:
            guard let n = Units.parseBytes(text) else { throw EngineError.invalid("filter '\(expression)': '\(text)' is not a size such as 700M or 4G") }
            number = Double(n)
        case .state:
            guard op == .equal || op == .notEqual, TorrentState(rawValue: text.lowercased()) != nil else {
                throw EngineError.invalid("filter '\(expression)': state takes = or != and one of \(TorrentState.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            number = nil
        default:
            number = nil
        }
        if number != nil, op == .contains {
            throw EngineError.invalid("filter '\(expression)': \(field.rawValue) is a number; compare it with =, !=, <, >, <= or >=")
        }
        if number == nil, ![Op.equal, .notEqual, .contains].contains(op) {
            throw EngineError.invalid("filter '\(expression)': \(field.rawValue) compares with =, != or ~")
        }
    }

    func matches(_ s: TorrentSnapshot) -> Bool {
        if let number {
            let value: Double
            switch field {
            case .ratio: value = s.ratio
            case .progress: value = s.progress
            case .peers: value = Double(s.peers)
            case .seeds: value = Double(s.seeds)
            case .id: value = Double(s.id)
            case .size: value = Double(s.size)
            case .down_rate: value = Double(s.downRate)
            case .up_rate: value = Double(s.upRate)
            default: return false
            }
            switch op {
            case .equal: return value == number
            case .notEqual: return value != number
            case .greater: return value > number
            case .less: return value < number
            case .greaterOrEqual: return value >= number
            case .lessOrEqual: return value <= number
            case .contains: return false
            }
        }
        let candidates: [String]
        switch field {
        case .name: candidates = [s.name]
        case .state: candidates = [s.state.rawValue]
        case .category: candidates = [s.category ?? ""]
        case .tag: candidates = s.tags
        case .hash: candidates = [s.infoHash]
        case .save_path: candidates = [s.savePath]
        default: return false
        }
        switch op {
        case .contains: return candidates.contains { $0.range(of: text, options: [.caseInsensitive, .diacriticInsensitive]) != nil }
        case .equal: return candidates.contains { $0.caseInsensitiveCompare(text) == .orderedSame }
        case .notEqual: return !candidates.contains { $0.caseInsensitiveCompare(text) == .orderedSame }
        default: return false
        }
    }
}
