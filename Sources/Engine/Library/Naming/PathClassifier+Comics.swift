/// Comics and manga as Kavita and Komga read them: `Series/Series #012.cbz`,
/// `Series Vol. 03 Ch. 021.cbz`, `Series v03.cbz`, `Series 012 (2019).cbz`.
///
/// The series is the name before the first number marker (the folder when the name has
/// none); square-bracket and parenthesised tags (`(Digital)`, `[Group]`) are dropped, except a
/// year in parentheses, which is the issue's.
extension PathClassifier {
    static func comic(folders: [String], stem: String) -> PathFacts {
        var facts = PathFacts(kind: .comic)
        var year: Int?
        var text = PathText.removingGroups(stem, "[", "]")
        text = PathText.removingGroups(text, "(", ")") { inner in
            if year == nil, isYearText(inner) { year = Int(inner) }
            return true
        }
        let s = NameChars(text)
        var seriesEnd: Int?
        var lastEnd = 0
        var i = 0
        while i < s.count {
            if let (v, end) = volumeMarker(s, i) {
                facts.volume = v
                seriesEnd = seriesEnd ?? i
                lastEnd = end
                i = end
            } else if let (n, end) = chapterMarker(s, i) {
                facts.number = n
                seriesEnd = seriesEnd ?? i
                lastEnd = end
                i = end
            } else {
                i += 1
            }
        }
        if seriesEnd == nil {
            // The last number standing alone after some text ("Series 012", "2000 AD 0412"),
            // or the whole name ("012" in a series folder).
            var found: (Range<Int>, String)?
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if let (digits, end) = issueNumber(NameChars(trimmed), 0), end == trimmed.count {
                found = (0..<0, digits)
            } else {
                var j = 1
                while j < s.count {
                    if s.isDigit(j), !s.isWord(j - 1), let (digits, end) = issueNumber(s, j) { found = (j..<end, digits); j = end } else { j += 1 }
                }
            }
            if let (range, number) = found {
                if number.count == 4, let y = Int(number), PathText.isYear(y), year == nil {
                    year = y
                } else {
                    facts.number = PathText.trimZeros(number)
                }
                seriesEnd = range.lowerBound
                lastEnd = range.upperBound
            }
        }
        if let seriesEnd {
            facts.series = PathText.nonEmpty(PathText.tidy(s.string(0..<seriesEnd)))
            let after = s.string(lastEnd..<s.count).trimmingCharacters(in: .whitespaces)
            if after.hasPrefix("-") { facts.title = PathText.nonEmpty(PathText.tidy(after.dropFirst())) }
        } else {
            facts.title = PathText.nonEmpty(PathText.tidy(text))
        }
        if facts.series == nil, let top = folders.first {
            let name = PathText.removingIdTags(top)
            if let (before, y, _) = PathText.parenYear(name) {
                facts.series = PathText.nonEmpty(PathText.tidy(before))
                year = year ?? y
            } else {
                facts.series = PathText.nonEmpty(PathText.tidy(name))
            }
        }
        facts.year = year
        return facts
    }

    /// `Vol. 3`, `Vol 3`, `Volume 3`, `v03` at a word start: the volume and where it ends.
    static func volumeMarker(_ s: NameChars, _ i: Int) -> (Int, Int)? {
        guard !s.isWord(i - 1), s.lower(i) == UInt8(ascii: "v") else { return nil }
        var j = i + 1
        if s.matches("olume", at: j) { j += 5 } else if s.matches("ol", at: j) { j += 2 }
        if j > i + 1 {
            if s.lower(j) == 46 { j += 1 }
            while s.isSpace(j) || s.lower(j) == 95 { j += 1 }
        }
        guard let (n, e) = s.number(at: j, max: 4), !s.isWord(e) else { return nil }
        return (n, e)
    }

    /// `Ch. 21`, `Chapter 21`, `c021`, `#12`, `Issue 12`: the number and where it ends.
    static func chapterMarker(_ s: NameChars, _ i: Int) -> (String, Int)? {
        var j: Int
        if s.lower(i) == UInt8(ascii: "#") {
            j = i + 1
            while s.isSpace(j) { j += 1 }
        } else {
            guard !s.isWord(i - 1) else { return nil }
            if s.matches("chapter", at: i) { j = i + 7 } else if s.matches("issue", at: i) { j = i + 5 }
            else if s.matches("ch", at: i) { j = i + 2 } else if s.lower(i) == UInt8(ascii: "c") { j = i + 1 } else { return nil }
            if j > i + 1 {
                if s.lower(j) == 46 { j += 1 }
                while s.isSpace(j) || s.lower(j) == 95 { j += 1 }
            }
        }
        guard let (text, e) = issueNumber(s, j) else { return nil }
        return (PathText.trimZeros(text), e)
    }

    /// Digits, with a decimal part ("1.5"), standing alone at `i`: the text and where it ends.
    static func issueNumber(_ s: NameChars, _ i: Int) -> (String, Int)? {
        guard let (_, e) = s.number(at: i, max: 5) else { return nil }
        var end = e
        if s.lower(e) == 46, let (_, e2) = s.number(at: e + 1, max: 2), !s.isWord(e2) { end = e2 }
        guard !s.isWord(end) else { return nil }
        return (s.string(i..<end), end)
    }
}
