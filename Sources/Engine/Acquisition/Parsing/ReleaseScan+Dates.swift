#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Air dates of daily shows: 2024.03.15, 2024-03-15, 2024 03 15, 20240315, 15-03-2024, 03.15.2024, 240315.
extension ReleaseScan {
    /// Finds the first air date after the title start and claims its tokens.
    func scanDates() {
        var i = nextNumber(from: titleStart)
        while i < tokens.count {
            let t = tokens[i]
            if t.role == .free, t.isNumber, let used = matchDate(i) {
                if firstNumbering == nil || i < firstNumbering! { firstNumbering = i }
                for k in i..<(i + used) { tokens[k].role = .date; tokens[k].strong = true }
                // "Show E76 2024 08 08": an episode count before the date ends the title too.
                if i > titleStart + 1, tokens[i - 1].role == .free, lowerByte(tokens[i - 1].start) == UInt8(ascii: "e"),
                   digits(tokens[i - 1].start + 1, tokens[i - 1].end) > 0 {
                    tokens[i - 1].role = .episode
                    firstNumbering = i - 1
                }
                return
            }
            i = nextNumber(from: i + 1)
        }
    }

    private func sameSeparator(_ a: Int, _ b: Int) -> UInt8? {
        guard let ta = token(a), let tb = token(b), ta.start - ta.gap == 1, tb.start - tb.gap == 1 else { return nil }
        let ca = bytes[ta.gap], cb = bytes[tb.gap]
        guard ca == cb, ca == UInt8(ascii: ".") || ca == UInt8(ascii: "-") || ca == UInt8(ascii: " ") || ca == UInt8(ascii: "_") else { return nil }
        return ca
    }

    private func matchDate(_ i: Int) -> Int? {
        let t = tokens[i]
        // Y M D and D M Y / M D Y in three tokens
        if let m = token(i + 1), let d = token(i + 2), m.isNumber, d.isNumber, m.role == .free, d.role == .free, sameSeparator(i + 1, i + 2) != nil {
            if t.length == 4, m.length == 2, d.length == 2 {
                var month = m.number, day = d.number
                if month > 12, day <= 12 { swap(&month, &day) }   // 2012.16.02 is year, day, month
                if accept(t.number, month, day) { return 3 }
                return nil
            }
            if t.length == 2, m.length == 2, d.length == 4 {
                let a = t.number, b = m.number
                if a > 12, b <= 12, accept(d.number, b, a) { return 3 }      // 30-04-2024
                if b > 12, a <= 12, accept(d.number, a, b) { return 3 }      // 04.28.2014
                return nil                                                   // 05-06-2024 is ambiguous
            }
        }
        guard i > titleStart || tokens.count == 1 || i == 0 else { return nil }
        if t.length == 8 {
            let y = t.number / 10000, m = t.number / 100 % 100, d = t.number % 100
            if accept(y, m, d) { return 1 }
        }
        // yymmdd only right after a title and before quality words ("Show.140722.720p")
        if t.length == 6, i > titleStart, gapIs(i, UInt8(ascii: ".")) || gapIs(i, UInt8(ascii: "_")) || gapIs(i, UInt8(ascii: " ")),
           i + 1 >= tokens.count || looksMeta(i + 1) {
            let y = 2000 + t.number / 10000, m = t.number / 100 % 100, d = t.number % 100
            if y <= Self.today().year, accept(y, m, d) { return 1 }
        }
        return nil
    }

    /// A plausible air date: a real calendar day, not before regular broadcasting (1951) and
    /// not after tomorrow (names dated in the future are something else).
    private func accept(_ y: Int, _ m: Int, _ d: Int) -> Bool {
        guard y >= 1951, m >= 1, m <= 12, d >= 1, d <= Self.daysIn(m, y) else { return false }
        let today = Self.today()
        guard y * 10000 + m * 100 + d <= today.stamp else { return false }
        info.airDate = Self.format(y, m, d)
        return true
    }

    static func daysIn(_ m: Int, _ y: Int) -> Int {
        switch m {
        case 2: return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Tomorrow in UTC as yyyymmdd (a day of slack for time zones), and this year.
    static func today() -> (stamp: Int, year: Int) {
        var now = time(nil) + 86_400
        var tm = tm()
        gmtime_r(&now, &tm)
        let y = Int(tm.tm_year) + 1900
        return (y * 10000 + (Int(tm.tm_mon) + 1) * 100 + Int(tm.tm_mday), y)
    }

    static func format(_ y: Int, _ m: Int, _ d: Int) -> String {
        if (1000...9999).contains(y), (0...99).contains(m), (0...99).contains(d) {
            // "YYYY-MM-DD" written once: ten bytes make a small string, with no appends.
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 10) { b in
                b[0] = UInt8(48 + y / 1000); b[1] = UInt8(48 + y / 100 % 10); b[2] = UInt8(48 + y / 10 % 10); b[3] = UInt8(48 + y % 10)
                b[4] = UInt8(ascii: "-"); b[5] = UInt8(48 + m / 10); b[6] = UInt8(48 + m % 10)
                b[7] = UInt8(ascii: "-"); b[8] = UInt8(48 + d / 10); b[9] = UInt8(48 + d % 10)
                return String(decoding: UnsafeBufferPointer(b), as: UTF8.self)
            }
        }
        var s = String(y)
        s.append(m < 10 ? "-0" : "-")
        s.append(String(m))
        s.append(d < 10 ? "-0" : "-")
        s.append(String(d))
        return s
    }
}

extension ReleaseScan {
    /// Whether the air date comes before the episode numbering with other words between them
    /// ("Show 2015 02 09 WEBRIP s01e13" is daily; "Show 2016 02 25 S20E142" is an episode).
    func dateComesFirst() -> Bool {
        guard let date = tokens.firstIndex(where: { $0.role == .date }) else { return false }
        guard let episode = tokens.firstIndex(where: { $0.role == .episode }) else { return true }
        guard date < episode else { return false }
        let lastDate = tokens[date..<episode].lastIndex(where: { $0.role == .date }) ?? date
        return episode > lastDate + 1
    }
}
