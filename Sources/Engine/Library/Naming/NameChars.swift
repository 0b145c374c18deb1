/// A name as an array of characters with ASCII-only tests, for the path classifiers' scans.
///
/// Numbering and markers in library names are ASCII (`S01E02`, `cd1`, `2024-03-01`) while
/// titles may be any script; indexing `Character`s keeps titles whole (a cut never splits a
/// grapheme, so never a UTF-8 sequence) and reads past either end as 0 instead of trapping,
/// so hostile names cannot crash a scan.
struct NameChars {
    let chars: [Character]

    init(_ text: String) { chars = Array(text) }

    var count: Int { chars.count }

    /// The lowercased ASCII value at `i`; 0 past either end and for non-ASCII characters.
    func lower(_ i: Int) -> UInt8 {
        guard i >= 0, i < chars.count, let a = chars[i].asciiValue else { return 0 }
        return a >= 65 && a <= 90 ? a + 32 : a
    }

    func isDigit(_ i: Int) -> Bool {
        let a = lower(i)
        return a >= 48 && a <= 57
    }

    func isASCIILetter(_ i: Int) -> Bool {
        let a = lower(i)
        return a >= 97 && a <= 122
    }

    /// A letter or digit of any script; false past either end, so edges are word boundaries.
    func isWord(_ i: Int) -> Bool {
        guard i >= 0, i < chars.count else { return false }
        return chars[i].isLetter || chars[i].isNumber
    }

    func isSpace(_ i: Int) -> Bool { lower(i) == 32 }

    /// The decimal number whose digits start at `i`, and the index after them; nil when `i`
    /// holds no digit or the run is longer than `max` digits (a longer run is another thing,
    /// and reading at most `max` keeps every scan linear).
    func number(at i: Int, max: Int) -> (value: Int, end: Int)? {
        var j = i
        var value = 0
        while isDigit(j) {
            if j - i == max { return nil }
            value = value * 10 + Int(lower(j) - 48)
            j += 1
        }
        return j > i ? (value, j) : nil
    }

    /// Whether the lowercase ASCII `word` is spelled at `i` (any case).
    func matches(_ word: String, at i: Int) -> Bool {
        var j = i
        for b in word.utf8 {
            if lower(j) != b { return false }
            j += 1
        }
        return true
    }

    /// The characters in `range`, clamped to the name.
    func string(_ range: Range<Int>) -> String {
        let lo = Swift.max(0, Swift.min(range.lowerBound, chars.count))
        let hi = Swift.max(lo, Swift.min(range.upperBound, chars.count))
        return String(chars[lo..<hi])
    }

    /// A `YYYY-MM-DD` date (dashes, dots, underscores or spaces, the same between all three
    /// parts) standing alone, from `start` on: its range and the date with dashes.
    func date(from start: Int = 0) -> (range: Range<Int>, date: String)? {
        var i = Swift.max(0, start)
        while i + 10 <= count {
            if isDigit(i), !isWord(i - 1), let (y, e) = number(at: i, max: 4), e == i + 4 {
                let sep = lower(e)
                if sep == 45 || sep == 46 || sep == 95 || sep == 32,
                   let (m, e2) = number(at: e + 1, max: 2), e2 == e + 3, lower(e2) == sep,
                   let (d, e3) = number(at: e2 + 1, max: 2), e3 == e2 + 3, !isDigit(e3),
                   let text = Self.isoDate(y, m, d) {
                    return (i..<e3, text)
                }
            }
            i += 1
        }
        return nil
    }

    /// A `YYYYMMDD` date standing alone (yt-dlp's upload date), from `start` on.
    func compactDate(from start: Int = 0) -> (range: Range<Int>, date: String)? {
        var i = Swift.max(0, start)
        while i + 8 <= count {
            if isDigit(i), !isWord(i - 1), let (v, e) = number(at: i, max: 8), e == i + 8, !isWord(e),
               let text = Self.isoDate(v / 10000, v / 100 % 100, v % 100) {
                return (i..<e, text)
            }
            i += 1
        }
        return nil
    }

    /// "YYYY-MM-DD" for a plausible calendar date, nil otherwise.
    static func isoDate(_ y: Int, _ m: Int, _ d: Int) -> String? {
        guard (1900...2100).contains(y), (1...12).contains(m) else { return nil }
        let days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        guard (1...days).contains(d) else { return nil }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(y)-\(two(m))-\(two(d))"
    }
}
