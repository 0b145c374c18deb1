/// The condition grammar, with errors that say where and what to write instead.
///
/// ```
/// condition  := or
/// or         := and ("or" and)*
/// and        := unary ("and" unary)*
/// unary      := "not" unary | "(" or ")" | test
/// test       := FIELD OP VALUE | FIELD "in" LIST | FIELD "has" VALUE | "hdr"
/// OP         := "=" | "==" | "!=" | "<" | "<=" | ">" | ">=" | "~"
/// LIST       := "(" VALUE ("," VALUE)* ")" | VALUE ("," VALUE)*
/// VALUE      := word (letters, digits, . + - _ / :) | 'quoted' | "quoted"
/// ```
/// Example: `video_codec=h264 and height>=1080 and not hdr`,
/// `audio_languages has jpn and (container in (avi, wmv) or bitrate>20M)`.
struct ConditionParser {
    enum Token: Equatable {
        case word(String)
        case quoted(String)
        case op(String)
        case open, close, comma
        case end
    }

    private var tokens: [(token: Token, column: Int)] = []
    private var position = 0
    private let text: String

    init(_ text: String) { self.text = text }

    mutating func parse() throws(RuleSyntaxError) -> RuleCondition {
        tokens = try Self.tokenize(text)
        guard tokens.count > 1 else {
            throw RuleSyntaxError("the condition is empty; write one such as 'video_codec=h264 and height>=1080'")
        }
        let condition = try parseOr()
        if current.token != .end {
            throw RuleSyntaxError("unexpected \(describe(current.token)); join tests with 'and' or 'or'", column: current.column)
        }
        return condition
    }

    // MARK: Tokens

    static func tokenize(_ text: String) throws(RuleSyntaxError) -> [(token: Token, column: Int)] {
        var out: [(Token, Int)] = []
        let chars = Array(text)
        var i = 0
        func isWordChar(_ c: Character) -> Bool { c.isLetter || c.isNumber || "._+-/:".contains(c) }
        while i < chars.count {
            let c = chars[i]
            let column = i + 1
            if c.isWhitespace { i += 1; continue }
            switch c {
            case "(": out.append((.open, column)); i += 1
            case ")": out.append((.close, column)); i += 1
            case ",": out.append((.comma, column)); i += 1
            case "~": out.append((.op("~"), column)); i += 1
            case "=":
                i += (i + 1 < chars.count && chars[i + 1] == "=") ? 2 : 1
                out.append((.op("="), column))
            case "!":
                guard i + 1 < chars.count, chars[i + 1] == "=" else {
                    throw RuleSyntaxError("'!' alone is not an operator; write != or 'not'", column: column)
                }
                out.append((.op("!="), column)); i += 2
            case "<", ">":
                if i + 1 < chars.count, chars[i + 1] == "=" { out.append((.op("\(c)="), column)); i += 2 } else { out.append((.op(String(c)), column)); i += 1 }
            case "'", "\"":
                var j = i + 1
                var value = ""
                while j < chars.count, chars[j] != c { value.append(chars[j]); j += 1 }
                guard j < chars.count else { throw RuleSyntaxError("unterminated quote", column: column) }
                out.append((.quoted(value), column))
                i = j + 1
            default:
                guard isWordChar(c) else { throw RuleSyntaxError("unexpected character '\(c)'", column: column) }
                var j = i
                var word = ""
                while j < chars.count, isWordChar(chars[j]) { word.append(chars[j]); j += 1 }
                out.append((.word(word), column))
                i = j
            }
        }
        out.append((.end, chars.count + 1))
        return out
    }

    private var current: (token: Token, column: Int) { tokens[position] }
    private mutating func advance() { if position < tokens.count - 1 { position += 1 } }

    private func keyword(_ token: Token) -> String? {
        if case .word(let w) = token { return w.lowercased() }
        return nil
    }

    private func describe(_ token: Token) -> String {
        switch token {
        case .word(let w): return "'\(w)'"
        case .quoted(let q): return "'\(q)'"
        case .op(let o): return "'\(o)'"
        case .open: return "'('"
        case .close: return "')'"
        case .comma: return "','"
        case .end: return "end of condition"
        }
    }

    // MARK: Grammar

    private mutating func parseOr() throws(RuleSyntaxError) -> RuleCondition {
        var left = try parseAnd()
        while keyword(current.token) == "or" {
            advance()
            left = .or(left, try parseAnd())
        }
        return left
    }

    private mutating func parseAnd() throws(RuleSyntaxError) -> RuleCondition {
        var left = try parseUnary()
        while keyword(current.token) == "and" {
            advance()
            left = .and(left, try parseUnary())
        }
        return left
    }

    private mutating func parseUnary() throws(RuleSyntaxError) -> RuleCondition {
        let start = current
        if keyword(start.token) == "not" {
            advance()
            return .not(try parseUnary())
        }
        if start.token == .open {
            advance()
            let inner = try parseOr()
            guard current.token == .close else {
                throw RuleSyntaxError("missing ')' for the '(' opened at column \(start.column)")
            }
            advance()
            return inner
        }
        return try parseTest()
    }

    private mutating func parseTest() throws(RuleSyntaxError) -> RuleCondition {
        let start = current
        guard case .word(let name) = start.token, !["and", "or", "has", "in"].contains(name.lowercased()) else {
            throw RuleSyntaxError("expected a field such as video_codec or height, found \(describe(start.token))", column: start.column)
        }
        guard let field = ConditionField.named(name) else {
            throw RuleSyntaxError("unknown field '\(name)'\(Self.suggestion(name)); the fields are \(ConditionField.all.map(\.name).joined(separator: ", "))", column: start.column)
        }
        advance()
        let opToken = current
        var op: RuleCondition.Operator
        switch opToken.token {
        case .op(let o): op = RuleCondition.Operator(rawValue: o)!
        case .word(let w) where w.lowercased() == "has": op = .has
        case .word(let w) where w.lowercased() == "in": op = .in
        default:
            if field.kind == .hdr { return .flag(field: field.name) }
            throw RuleSyntaxError("'\(field.name)' needs a comparison, such as \(Self.example(field))", column: opToken.column)
        }
        advance()
        try check(op, on: field, column: opToken.column)
        let values = try parseValues(after: op, field: field, opColumn: opToken.column)
        if op == .has { op = .equal }
        if op == .equal && values.count > 1 { op = .in }
        return .compare(field: field.name, op: op, values: values)
    }

    private func check(_ op: RuleCondition.Operator, on field: ConditionField, column: Int) throws(RuleSyntaxError) {
        switch field.kind {
        case .number:
            if [.contains, .has, .in].contains(op) {
                throw RuleSyntaxError("'\(field.name)' is a number: compare it with =, !=, <, <=, > or >=", column: column)
            }
        case .text:
            if [.less, .lessOrEqual, .greater, .greaterOrEqual, .has].contains(op) {
                throw RuleSyntaxError("'\(field.name)' is a word: compare it with =, !=, ~ (contains) or in (a, b)", column: column)
            }
        case .list:
            if [.less, .lessOrEqual, .greater, .greaterOrEqual].contains(op) {
                throw RuleSyntaxError("'\(field.name)' is a list: test it with has, = , != or in (a, b)", column: column)
            }
        case .hdr:
            if ![.equal, .notEqual, .in].contains(op) {
                throw RuleSyntaxError("'hdr' is tested bare (hdr, not hdr) or with = and != (hdr=hdr10)", column: column)
            }
        }
    }

    private mutating func parseValues(after op: RuleCondition.Operator, field: ConditionField, opColumn: Int) throws(RuleSyntaxError) -> [String] {
        var values: [String] = []
        let parenthesized = current.token == .open
        if parenthesized { advance() }
        repeat {
            if !values.isEmpty { advance() }
            let token = current
            let value: String
            switch token.token {
            case .word(let w) where !["and", "or", "not"].contains(w.lowercased()) || parenthesized: value = w
            case .quoted(let q): value = q
            default:
                throw RuleSyntaxError("expected \(field.valueHint) after '\(op.rawValue)', found \(describe(token.token))", column: token.column)
            }
            if case .number(let unit) = field.kind, ConditionField.parseNumber(value, unit: unit) == nil {
                throw RuleSyntaxError("'\(value)' is not \(field.valueHint)", column: token.column)
            }
            if field.kind == .list, field.name.hasSuffix("languages"), !LanguageCode.isValid(value) {
                throw RuleSyntaxError("'\(value)' is not a language code; use ISO 639 codes such as eng, jpn, fre", column: token.column)
            }
            values.append(value)
            advance()
        } while current.token == .comma
        if parenthesized {
            guard current.token == .close else {
                throw RuleSyntaxError("missing ')' to close the list", column: current.column)
            }
            advance()
        }
        if values.count > 1, case .number = field.kind {
            throw RuleSyntaxError("'\(field.name)' compares with one number, not a list", column: opColumn)
        }
        if values.count > 1, ![.equal, .notEqual, .in, .has].contains(op) {
            throw RuleSyntaxError("'\(op.rawValue)' takes one value; use in (a, b) for several", column: opColumn)
        }
        return values
    }

    static func example(_ field: ConditionField) -> String {
        switch field.kind {
        case .number(.height): return "height>=1080"
        case .number(.bitrate): return "\(field.name)>8M"
        case .number(.bytes): return "size>4G"
        case .number(.seconds): return "duration>90m"
        case .number: return "\(field.name)>2"
        case .text: return "\(field.name)=h264"
        case .list: return "\(field.name) has eng"
        case .hdr: return "hdr"
        }
    }

    /// `; did you mean 'height'?` for a near miss.
    static func suggestion(_ name: String) -> String {
        let n = name.lowercased()
        var best: (String, Int)?
        for field in ConditionField.all {
            for candidate in [field.name] + field.aliases {
                let d = distance(n, candidate)
                if d <= 2, best == nil || d < best!.1 { best = (field.name, d) }
            }
        }
        return best.map { " (did you mean '\($0.0)'?)" } ?? ""
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var row = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = row
        }
        return previous[b.count]
    }
}
