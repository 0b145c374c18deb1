/// One PDF object as the metadata reader needs it: no streams, no decryption.
indirect enum PDFValue: Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string([UInt8])
    case name(String)
    case array([PDFValue])
    case dictionary([String: PDFValue])
    case reference(Int, Int)

    subscript(key: String) -> PDFValue? {
        if case .dictionary(let entries) = self { return entries[key] }
        return nil
    }

    var int: Int? {
        if case .number(let n) = self, n.rounded() == n, abs(n) < 1e15 { return Int(n) }
        return nil
    }

    var nameValue: String? {
        if case .name(let n) = self { return n }
        return nil
    }

    var reference: (Int, Int)? {
        if case .reference(let n, let g) = self { return (n, g) }
        return nil
    }
}

/// A bounded recursive-descent parser for PDF object syntax (ISO 32000-1 §7.3).
///
/// It reads the dictionaries of the trailer, the catalog, the page tree and the Info
/// dictionary. Hostile input cannot make it recurse or loop without end: nesting is capped
/// at `maxDepth`, containers at `maxItems`, and every step consumes at least one byte.
struct PDFParser {
    static let maxDepth = 32
    static let maxItems = 10_000

    struct SyntaxError: Error {}

    let bytes: [UInt8]
    var position: Int

    init(_ bytes: [UInt8], at position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    /// Parses `N G obj` at the current position and the value after it.
    mutating func parseIndirectObject() throws -> (number: Int, generation: Int, value: PDFValue) {
        guard let n = try parseValue(depth: 0).int, let g = try parseValue(depth: 0).int, n >= 0, g >= 0 else { throw SyntaxError() }
        skipWhitespace()
        guard keyword() == "obj" else { throw SyntaxError() }
        let value = try parseValue(depth: 0)
        return (n, g, value)
    }

    mutating func parseValue(depth: Int) throws -> PDFValue {
        guard depth < Self.maxDepth else { throw SyntaxError() }
        skipWhitespace()
        guard position < bytes.count else { throw SyntaxError() }
        switch bytes[position] {
        case UInt8(ascii: "/"):
            return .name(parseName())
        case UInt8(ascii: "("):
            return .string(try parseLiteralString())
        case UInt8(ascii: "<"):
            if position + 1 < bytes.count && bytes[position + 1] == UInt8(ascii: "<") { return try parseDictionary(depth: depth) }
            return .string(try parseHexString())
        case UInt8(ascii: "["):
            position += 1
            var items: [PDFValue] = []
            while true {
                skipWhitespace()
                guard position < bytes.count else { throw SyntaxError() }
                if bytes[position] == UInt8(ascii: "]") { position += 1; return .array(items) }
                guard items.count < Self.maxItems else { throw SyntaxError() }
                items.append(try parseValue(depth: depth + 1))
            }
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "0")...UInt8(ascii: "9"):
            guard let first = parseNumber() else { throw SyntaxError() }
            // `N G R` is a reference: look ahead without committing.
            if first.rounded() == first && first >= 0 {
                let save = position
                skipWhitespace()
                if let second = parseNumber(), second.rounded() == second, second >= 0 {
                    skipWhitespace()
                    if keyword() == "R", first < 1e9, second < 1e9 { return .reference(Int(first), Int(second)) }
                }
                position = save
            }
            return .number(first)
        default:
            switch keyword() {
            case "true": return .bool(true)
            case "false": return .bool(false)
            case "null": return .null
            default: throw SyntaxError()
            }
        }
    }

    private mutating func parseDictionary(depth: Int) throws -> PDFValue {
        position += 2
        var entries: [String: PDFValue] = [:]
        while true {
            skipWhitespace()
            guard position + 1 < bytes.count else { throw SyntaxError() }
            if bytes[position] == UInt8(ascii: ">") && bytes[position + 1] == UInt8(ascii: ">") {
                position += 2
                return .dictionary(entries)
            }
            guard bytes[position] == UInt8(ascii: "/"), entries.count < Self.maxItems else { throw SyntaxError() }
            let key = parseName()
            let value = try parseValue(depth: depth + 1)
            if entries[key] == nil { entries[key] = value }
        }
    }

    private mutating func parseName() -> String {
        position += 1
        var name: [UInt8] = []
        while position < bytes.count, !Self.isWhitespace(bytes[position]), !Self.isDelimiter(bytes[position]) {
            if bytes[position] == UInt8(ascii: "#"), position + 2 < bytes.count,
               let hi = Self.hexValue(bytes[position + 1]), let lo = Self.hexValue(bytes[position + 2]) {
                name.append(hi << 4 | lo)
                position += 3
            } else {
                name.append(bytes[position])
                position += 1
            }
        }
        return String(decoding: name, as: UTF8.self)
    }

    private mutating func parseLiteralString() throws -> [UInt8] {
        position += 1
        var out: [UInt8] = []
        var nesting = 0
        while position < bytes.count {
            let c = bytes[position]
            position += 1
            switch c {
            case UInt8(ascii: "("):
                nesting += 1
                out.append(c)
            case UInt8(ascii: ")"):
                if nesting == 0 { return out }
                nesting -= 1
                out.append(c)
            case UInt8(ascii: "\\"):
                guard position < bytes.count else { throw SyntaxError() }
                let e = bytes[position]
                position += 1
                switch e {
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "0")...UInt8(ascii: "7"):
                    var value = Int(e - UInt8(ascii: "0"))
                    var digits = 1
                    while digits < 3, position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(bytes[position]) {
                        value = value * 8 + Int(bytes[position] - UInt8(ascii: "0"))
                        position += 1
                        digits += 1
                    }
                    out.append(UInt8(value & 0xFF))
                case 0x0D:
                    if position < bytes.count && bytes[position] == 0x0A { position += 1 }
                case 0x0A:
                    break
                default:
                    out.append(e)
                }
            default:
                out.append(c)
            }
        }
        throw SyntaxError()
    }

    private mutating func parseHexString() throws -> [UInt8] {
        position += 1
        var out: [UInt8] = []
        var pending: UInt8?
        while position < bytes.count {
            let c = bytes[position]
            position += 1
            if c == UInt8(ascii: ">") {
                if let high = pending { out.append(high << 4) }
                return out
            }
            if Self.isWhitespace(c) { continue }
            guard let v = Self.hexValue(c) else { throw SyntaxError() }
            if let high = pending { out.append(high << 4 | v); pending = nil } else { pending = v }
        }
        throw SyntaxError()
    }

    private mutating func parseNumber() -> Double? {
        let start = position
        if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") { position += 1 }
        while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) || bytes[position] == UInt8(ascii: ".") {
            position += 1
        }
        guard position > start, position - start < 40 else { position = start; return nil }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        guard let value = Double(text) ?? (text.hasPrefix(".") || text.hasPrefix("-.") ? Double(text.replacingFirstDot()) : nil) else {
            position = start
            return nil
        }
        return value
    }

    /// The run of regular characters at the position, consumed.
    private mutating func keyword() -> String {
        let start = position
        while position < bytes.count, !Self.isWhitespace(bytes[position]), !Self.isDelimiter(bytes[position]), position - start < 16 {
            position += 1
        }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    mutating func skipWhitespace() {
        while position < bytes.count {
            if Self.isWhitespace(bytes[position]) {
                position += 1
            } else if bytes[position] == UInt8(ascii: "%") {
                while position < bytes.count, bytes[position] != 0x0A, bytes[position] != 0x0D { position += 1 }
            } else {
                return
            }
        }
    }

    static func isWhitespace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 || c == 0x0C || c == 0x00 }

    static func isDelimiter(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "["), UInt8(ascii: "]"),
             UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "/"), UInt8(ascii: "%"):
            return true
        default:
            return false
        }
    }

    static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}

private extension String {
    /// `.5` and `-.5` as Swift's `Double` accepts them (`0.5`, `-0.5`).
    func replacingFirstDot() -> String {
        hasPrefix("-") ? "-0" + dropFirst() : "0" + self
    }
}
