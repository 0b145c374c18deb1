import Foundation

/// Decodes PDF text strings and dates (ISO 32000-1 §7.9.2, §7.9.4).
///
/// A text string is UTF-16BE when it starts with FE FF, UTF-8 when it starts with EF BB BF
/// (PDF 2.0), and PDFDocEncoding otherwise; Latin-1 with a few typographic characters is a
/// close enough reading of the last. Some writers emit little-endian UTF-16 with FF FE;
/// that is accepted too.
enum PDFText {
    static func decode(_ bytes: [UInt8]) -> String {
        if bytes.count >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF { return utf16(bytes.dropFirst(2), bigEndian: true) }
        if bytes.count >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE { return utf16(bytes.dropFirst(2), bigEndian: false) }
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { return String(decoding: bytes.dropFirst(3), as: UTF8.self) }
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            if let mapped = docEncoding[byte], let scalar = Unicode.Scalar(mapped) { scalars.append(scalar) }
            else { scalars.append(Unicode.Scalar(byte)) }
        }
        return String(scalars)
    }

    private static func utf16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = bytes.startIndex
        while i + 1 < bytes.endIndex {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(bigEndian ? a << 8 | b : b << 8 | a)
            i += 2
        }
        // A language escape (U+001B lang U+001B) marks a language tag inside the text; drop it.
        var cleaned: [UInt16] = []
        var inEscape = false
        for unit in units {
            if unit == 0x1B { inEscape.toggle(); continue }
            if !inEscape { cleaned.append(unit) }
        }
        return String(decoding: cleaned, as: UTF16.self)
    }

    /// Where PDFDocEncoding differs from Latin-1.
    private static let docEncoding: [UInt8: UInt32] = [
        0x18: 0x02D8, 0x19: 0x02C7, 0x1A: 0x02C6, 0x1B: 0x02D9, 0x1C: 0x02DD, 0x1D: 0x02DB, 0x1E: 0x02DA, 0x1F: 0x02DC,
        0x80: 0x2022, 0x81: 0x2020, 0x82: 0x2021, 0x83: 0x2026, 0x84: 0x2014, 0x85: 0x2013, 0x86: 0x0192, 0x87: 0x2044,
        0x88: 0x2039, 0x89: 0x203A, 0x8A: 0x2212, 0x8B: 0x2030, 0x8C: 0x201E, 0x8D: 0x201C, 0x8E: 0x201D, 0x8F: 0x2018,
        0x90: 0x2019, 0x91: 0x201A, 0x92: 0x2122, 0x93: 0xFB01, 0x94: 0xFB02, 0x95: 0x0141, 0x96: 0x0152, 0x97: 0x0160,
        0x98: 0x0178, 0x99: 0x017D, 0x9A: 0x0131, 0x9B: 0x0142, 0x9C: 0x0153, 0x9D: 0x0161, 0x9E: 0x017E, 0xA0: 0x20AC,
    ]

    /// `D:YYYYMMDDHHmmSSOHH'mm'` as ISO 8601 with as much precision as the string has
    /// (`2019`, `2019-07-14`, `2019-07-14T18:30:05+02:00`); nil when it is not a PDF date.
    static func isoDate(_ text: String) -> String? {
        var s = Substring(text.trimmingCharacters(in: .whitespaces))
        if s.hasPrefix("D:") { s = s.dropFirst(2) }
        let digits = s.prefix { $0.isASCII && $0.isNumber }
        guard digits.count >= 4, digits.count <= 14, digits.count % 2 == 0 else { return nil }
        let d = Array(digits)
        func part(_ i: Int) -> String { String(d[i..<(i + 2)]) }
        var out = String(d[0..<4])
        if d.count >= 6 { out += "-" + part(4) }
        if d.count >= 8 { out += "-" + part(6) }
        if d.count >= 10 {
            out += "T" + part(8) + ":" + (d.count >= 12 ? part(10) : "00") + ":" + (d.count >= 14 ? part(12) : "00")
            let zone = s.dropFirst(digits.count)
            if zone.hasPrefix("Z") {
                out += "Z"
            } else if let sign = zone.first, sign == "+" || sign == "-" {
                let zoneDigits = Array(zone.dropFirst().filter { $0.isASCII && $0.isNumber })
                if zoneDigits.count >= 2 {
                    out += String(sign) + String(zoneDigits[0..<2]) + ":" + (zoneDigits.count >= 4 ? String(zoneDigits[2..<4]) : "00")
                }
            }
        }
        return out
    }
}
