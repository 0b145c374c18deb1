import Foundation

/// Reads the dates feeds write: RFC 822 as RSS has it ("Sat, 14 Mar 2015 17:10:42 -0400";
/// weekday, seconds and even the time optional; numeric or named zones), or ISO 8601 (with or
/// without fractional seconds, or a bare date). Indexer answers and podcast feeds both use it.
/// Hand-written: a `DateFormatter` costs more to make than a whole page of items costs to
/// read. One per document.
final class FeedDateReader {
    private lazy var iso = ISO8601DateFormatter()
    private lazy var isoFractional: ISO8601DateFormatter = {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f
    }()
    private lazy var isoDay: ISO8601DateFormatter = {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withFullDate]
        return f
    }()

    func date(_ text: String) -> Date? {
        let t = XMLTree.trimmed(text)
        guard !t.isEmpty else { return nil }
        if let d = rfc822(t) { return d }
        guard t.first?.isNumber == true, t.count >= 10 else { return nil }
        return iso.date(from: t) ?? isoFractional.date(from: t) ?? (t.count == 10 ? isoDay.date(from: t) : nil)
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].map { Array($0.utf8) }
    private static let zones: [String: Int] = ["gmt": 0, "ut": 0, "utc": 0, "z": 0, "est": -300, "edt": -240, "cst": -360,
                                               "cdt": -300, "mst": -420, "mdt": -360, "pst": -480, "pdt": -420]

    func rfc822(_ t: String) -> Date? {
        // Up to six words, read as bytes: no strings are made for the parts.
        var parts = t.utf8.split(separator: 32, maxSplits: 6)
        if let first = parts.first, first.last == UInt8(ascii: ",") || Self.number(first) == nil { parts.removeFirst() }
        guard parts.count >= 3, let day = Self.number(parts[0]), (1...31).contains(day),
              let month = Self.month(parts[1]), var year = Self.number(parts[2]) else { return nil }
        if year < 100 { year += year < 70 ? 2000 : 1900 }
        // "Sat, 14 Mar 2015": a date without a time is midnight UTC.
        var clock = [0, 0]
        if parts.count > 3 {
            let fields = parts[3].split(separator: UInt8(ascii: ":"))
            var values: [Int] = []
            for f in fields {
                guard let n = Self.number(f) else { return nil }
                values.append(n)
            }
            clock = values
        }
        guard clock.count >= 2 else { return nil }
        let hour = clock[0], minute = clock[1], second = clock.count > 2 ? clock[2] : 0
        guard hour < 24, minute < 60, second < 61 else { return nil }
        var offset = 0
        if parts.count > 4 {
            let z = parts[4]
            if let sign = z.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"), z.count == 5, let n = Self.number(z.dropFirst()) {
                offset = (n / 100 * 60 + n % 100) * (sign == UInt8(ascii: "-") ? -1 : 1)
            } else if let named = Self.zones[String(decoding: z, as: UTF8.self).lowercased()] {
                offset = named
            } else {
                return nil
            }
        }
        // Days from the civil date (Howard Hinnant's algorithm), then seconds.
        let y = month < 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = month + 1
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146097 + doe - 719468
        let seconds = days * 86400 + hour * 3600 + minute * 60 + second - offset * 60
        return Date(timeIntervalSince1970: Double(seconds))
    }

    /// The decimal value of 1 to 9 ASCII digits, else nil.
    private static func number(_ bytes: Substring.UTF8View.SubSequence) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 9 else { return nil }
        var v = 0
        for b in bytes {
            guard b &- 48 < 10 else { return nil }
            v = v * 10 + Int(b &- 48)
        }
        return v
    }

    /// The month index of a name such as "Mar" or "March" (its first three letters, any case).
    private static func month(_ bytes: Substring.UTF8View.SubSequence) -> Int? {
        guard bytes.count >= 3 else { return nil }
        let three = bytes.prefix(3).map { $0 &- 65 < 26 ? $0 | 0x20 : $0 }
        return months.firstIndex(of: three)
    }
}
