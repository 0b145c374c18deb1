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
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !t.isEmpty else { return nil }
        if let d = rfc822(t) { return d }
        guard t.first?.isNumber == true, t.count >= 10 else { return nil }
        return iso.date(from: t) ?? isoFractional.date(from: t) ?? (t.count == 10 ? isoDay.date(from: t) : nil)
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    private static let zones: [String: Int] = ["gmt": 0, "ut": 0, "utc": 0, "z": 0, "est": -300, "edt": -240, "cst": -360,
                                               "cdt": -300, "mst": -420, "mdt": -360, "pst": -480, "pdt": -420]

    func rfc822(_ t: String) -> Date? {
        var parts = t.split(separator: " ").map { String($0) }
        if let first = parts.first, first.hasSuffix(",") || Int(first) == nil { parts.removeFirst() }
        guard parts.count >= 3, let day = Int(parts[0]), (1...31).contains(day),
              let month = Self.months.firstIndex(of: String(parts[1].prefix(3)).lowercased()),
              var year = Int(parts[2]) else { return nil }
        if year < 100 { year += year < 70 ? 2000 : 1900 }
        // "Sat, 14 Mar 2015": a date without a time is midnight UTC.
        let clock = parts.count > 3 ? parts[3].split(separator: ":").map { Int($0) } : [0, 0]
        guard clock.count >= 2, clock.allSatisfy({ $0 != nil }) else { return nil }
        let hour = clock[0]!, minute = clock[1]!, second = clock.count > 2 ? clock[2]! : 0
        guard hour < 24, minute < 60, second < 61 else { return nil }
        var offset = 0
        if parts.count > 4 {
            let z = parts[4]
            if let sign = z.first, sign == "+" || sign == "-", z.count == 5, let n = Int(z.dropFirst()) {
                offset = (n / 100 * 60 + n % 100) * (sign == "-" ? -1 : 1)
            } else if let named = Self.zones[z.lowercased()] {
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
}
