/// Appends JSON to a byte buffer without building intermediate values.
///
/// The torrent list is the hottest answer the engine gives (10,000 rows, several times a
/// second for a TUI); writing it directly is an order of magnitude faster than
/// `JSONEncoder`, and each row's bytes are cached until the row changes.
struct JSONWriter {
    var bytes: [UInt8] = []
    private var needsComma = false

    init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

    mutating func beginObject() { separator(); bytes.append(UInt8(ascii: "{")); needsComma = false }
    mutating func endObject() { bytes.append(UInt8(ascii: "}")); needsComma = true }
    mutating func beginArray() { separator(); bytes.append(UInt8(ascii: "[")); needsComma = false }
    mutating func endArray() { bytes.append(UInt8(ascii: "]")); needsComma = true }

    /// Appends an already-encoded JSON value (a cached row).
    mutating func raw(_ json: [UInt8]) { separator(); bytes.append(contentsOf: json); needsComma = true }

    mutating func key(_ name: StaticString) {
        separator()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
        needsComma = false
    }

    mutating func field(_ name: StaticString, _ value: String) { key(name); string(value) }
    mutating func field(_ name: StaticString, _ value: String?) { key(name); if let value { string(value) } else { null() } }
    mutating func field(_ name: StaticString, _ value: Int64) { key(name); int(value) }
    mutating func field(_ name: StaticString, _ value: Int64?) { key(name); if let value { int(value) } else { null() } }
    mutating func field(_ name: StaticString, _ value: Int) { key(name); int(Int64(value)) }
    mutating func field(_ name: StaticString, _ value: Double) { key(name); double(value) }
    mutating func field(_ name: StaticString, _ value: Bool) { key(name); separator(); bytes.append(contentsOf: Array((value ? "true" : "false").utf8)); needsComma = true }
    mutating func field(_ name: StaticString, _ values: [String]) {
        key(name); beginArray(); for v in values { string(v) }; endArray()
    }

    mutating func null() { separator(); bytes.append(contentsOf: [110, 117, 108, 108]); needsComma = true }

    mutating func int(_ value: Int64) {
        separator()
        if value == 0 { bytes.append(UInt8(ascii: "0")); needsComma = true; return }
        var v = value.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buf in
            while v > 0 { buf[count] = UInt8(v % 10) + 48; v /= 10; count += 1 }
            if value < 0 { bytes.append(UInt8(ascii: "-")) }
            for i in stride(from: count - 1, through: 0, by: -1) { bytes.append(buf[i]) }
        }
        needsComma = true
    }

    mutating func double(_ value: Double) {
        guard value.isFinite else { null(); return }
        if value == value.rounded(), abs(value) < 1e15 { int(Int64(value)); return }
        // Four decimals are plenty for ratios and progress and keep rows short.
        let scaled = (value * 10_000).rounded() / 10_000
        separator()
        bytes.append(contentsOf: Array(String(scaled).utf8))
        needsComma = true
    }

    mutating func string(_ value: String) {
        separator()
        bytes.append(UInt8(ascii: "\""))
        // Most names need no escaping: copy them in one piece.
        var text = value
        let copied = text.withUTF8 { buffer -> Bool in
            guard !buffer.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 34 || $0 == 92 }) else { return false }
            bytes.append(contentsOf: buffer)
            return true
        }
        if copied {
            bytes.append(UInt8(ascii: "\""))
            needsComma = true
            return
        }
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [92, 34])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [92, 92])
            case 0x0A: bytes.append(contentsOf: [92, 110])
            case 0x0D: bytes.append(contentsOf: [92, 114])
            case 0x09: bytes.append(contentsOf: [92, 116])
            case 0..<0x20, 0x7F:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [92, 117, 48, 48, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    private mutating func separator() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }
}

extension JSONWriter {
    mutating func field(_ name: StaticString, _ value: Int?) { key(name); if let value { int(Int64(value)) } else { null() } }
    mutating func field(_ name: StaticString, _ value: Double?) { key(name); if let value { double(value) } else { null() } }
    mutating func field(_ name: StaticString, _ values: [Int]) {
        key(name); beginArray(); for v in values { int(Int64(v)) }; endArray()
    }
}
