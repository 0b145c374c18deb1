#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The title, its year and the edition: what remains at the front once numbering and quality
/// words are claimed.
extension ReleaseScan {
    static let latestYear = today().year + 1

    func isYearCandidate(_ j: Int) -> Bool {
        guard let t = token(j), t.role == .free, t.isNumber, t.length == 4 else { return false }
        return t.number >= 1880 && t.number <= Self.latestYear
    }

    /// The first token that cannot be part of the title (numbering, date, strong quality word).
    func firstStop(from: Int) -> Int {
        var j = from
        while j < tokens.count {
            let t = tokens[j]
            if t.role == .episode || t.role == .date || t.role == .hash { return j }
            if t.role == .meta && t.strong { return j }
            j += 1
        }
        return tokens.count
    }

    /// The movie (or show) year: the last year-shaped number before the first quality word or
    /// numbering, never the first title word ("2012.2009.1080p" is "2012" of 2009). Movies
    /// whose year comes after the quality words ("... German Bluray ... 1998") take the first
    /// one after them.
    func scanYear() {
        let stop = firstStop(from: titleStart)
        var chosen: Int?
        var j = nextNumber(from: titleStart)
        while j < stop {
            if isYearCandidate(j), j > titleStart || (gapContains(j, UInt8(ascii: "(")) && j + 1 < tokens.count && tokens.count > 1) {
                chosen = j
            }
            j = nextNumber(from: j + 1)
        }
        if chosen == nil, firstNumbering == nil {
            j = nextNumber(from: stop)
            while j < tokens.count {
                if isYearCandidate(j), j > titleStart { chosen = j; break }
                j = nextNumber(from: j + 1)
            }
        }
        guard let y = chosen else { return }
        info.year = tokens[y].number
        tokens[y].role = .year
        tokens[y].strong = true
    }

    // MARK: Edition

    /// "Director's Cut", "Extended Cut", "Special Edition Remastered", "50th Anniversary Edition",
    /// "IMAX", "Open Matte", and after the year any "<Word> Edition" ("Imperial Edition").
    func scanEdition() {
        let yearIndex = tokens.firstIndex { $0.role == .year }
        var j = titleStart + 1
        while j < tokens.count {
            guard tokens[j].role == .free || tokens[j].role == .meta && !tokens[j].strong, isEditionStart(j) else { j += 1; continue }
            var end = j
            var strong = false
            var last: UInt8 = 0
            while end < tokens.count, let v = editionValue(end, after: yearIndex.map { end > $0 } ?? false) {
                if Self.strongEdition(v) { strong = true }
                last = v
                end += 1
            }
            if end > j {
                let single = end - j == 1 || (end - j == 2 && tokenIs(j + 1, "s"))
                let closing = Self.closingEdition(last)
                if strong || (!single && closing && (editionModifierCount(j, end) > 0 || yearIndex.map { j > $0 } ?? false)) {
                    setEdition(j, end)
                    return
                }
            }
            j = max(end, j + 1)
        }
        // After the year: "<Word> [Word] Edition"
        if let y = yearIndex {
            var k = y + 1
            while k < tokens.count {
                if tokenIs(k, "edition"), tokens[k].role == .free {
                    var s = k
                    while s > y + 1, k - s < 2, tokens[s - 1].role == .free, tokens[s - 1].hasAlpha, !tokenIs(s - 1, "the") { s -= 1 }
                    if s < k { setEdition(s, k + 1) }
                    return
                }
                k += 1
            }
        }
    }

    private func setEdition(_ from: Int, _ end: Int) {
        var text = cleanText(tokens[from].start, tokens[end - 1].end, keepAcronyms: false)
        if text.hasSuffix(".") { text.removeLast() }
        info.edition = text
        for k in from..<end { tokens[k].role = .edition; tokens[k].strong = true }
    }

    private func isEditionStart(_ j: Int) -> Bool {
        if let w = word(j), w.kind == .edition { return true }
        return ordinal(j) && tokenIs(j + 1, "anniversary")
    }

    /// "50th", "25th"
    private func ordinal(_ j: Int) -> Bool {
        guard let t = token(j), t.length >= 3, t.hasDigit, t.hasAlpha else { return false }
        let a = lowerByte(t.end - 2), b = lowerByte(t.end - 1)
        return (a == UInt8(ascii: "t") && b == UInt8(ascii: "h")) || (a == UInt8(ascii: "s") && b == UInt8(ascii: "t"))
            || (a == UInt8(ascii: "n") && b == UInt8(ascii: "d")) || (a == UInt8(ascii: "r") && b == UInt8(ascii: "d"))
    }

    /// The edition word value at `j` (see `Vocabulary`), with "Director's" counted as one.
    private func editionValue(_ j: Int, after: Bool) -> UInt8? {
        guard let t = token(j), t.role == .free || (t.role == .meta && !t.strong) else { return nil }
        if let w = t.word, w.kind == .edition { return w.value }
        if tokenIs(j, "s"), tokenIs(j - 1, "director") || tokenIs(j - 1, "collector"), gapIs(j, UInt8(ascii: "'")) { return 8 }
        if ordinal(j), tokenIs(j + 1, "anniversary") { return 21 }
        return nil
    }

    private func editionModifierCount(_ from: Int, _ end: Int) -> Int {
        var n = 0
        for k in from..<end {
            if let w = word(k), w.kind == .edition, !Self.closingEdition(w.value) { n += 1 }
            if ordinal(k) { n += 1 }
        }
        return n
    }

    /// Cut, Edition, Edit, Matte, Version: words that close an edition phrase.
    static func closingEdition(_ v: UInt8) -> Bool { v == 9 || v == 10 || v == 16 || v == 24 || v == 27 }

    /// Words that are an edition on their own.
    private static func strongEdition(_ v: UInt8) -> Bool {
        switch v {
        case 1, 2, 3, 4, 5, 6, 7, 8, 13, 14, 17, 18, 25, 28: return true
        default: return false
        }
    }

    // MARK: Title

    /// Sets `titleEnd` and the title text.
    func scanTitle() {
        // "(1995) Movie Name": a leading year in brackets, then the title.
        if tokens[titleStart].role == .year, titleStart + 1 < tokens.count, gapContainsAny(titleStart, "(["), tokens[titleStart + 1].role == .free {
            titleStart += 1
        }
        var end = firstStop(from: titleStart)
        var j = titleStart
        while j < end {
            let t = tokens[j]
            if t.role == .year || t.role == .edition || t.role == .language || t.role == .site || (t.role == .meta) { end = j; break }
            if j > titleStart, t.depth > 0, gapContains(j, UInt8(ascii: "[")), !(tokens[titleStart].depth > 0) {
                // "Some Show [Anime] - 01": a bracket followed by the " - 01" numbering stays in the title.
                let inTitle = end < tokens.count && tokens[end].role == .episode && isDashGap(end) && (j..<end).allSatisfy { tokens[$0].role == .free }
                if !inTitle { end = j; break }
            }
            j += 1
        }
        titleEnd = end
        if let cut = titleCut, end < tokens.count, tokens[end].start < cut, cut <= tokens[end].end {
            let text = cleanText(tokens[titleStart].start, cut, keepAcronyms: true)
            if !text.isEmpty { info.title = text }
            return
        }
        guard end > titleStart else { return }
        // A leading non-Latin title followed by " / " and a Latin one: keep the Latin one.
        var start = titleStart
        var k = titleStart + 1
        // Most titles have no slash: one look at their bytes spares testing every gap.
        if k < end, memchr(bytes.baseAddress! + tokens[k].gap, Int32(UInt8(ascii: "/")), tokens[end - 1].start - tokens[k].gap) == nil { k = end }
        while k < end {
            if gapContains(k, UInt8(ascii: "/")), gapContains(k, 32), !tokens[start].ascii || !tokens[k - 1].ascii, tokens[k].ascii { start = k }
            k += 1
        }
        // "Босх: Спадок (S2E1) / Series: Legacy (S2E1)": the Latin title after the slash.
        if !tokens[start].ascii, let alt = latinAlternative(after: end) { start = alt.0; end = alt.1 }
        var from = tokens[start].start
        var to = tokens[end - 1].end
        // "(500) Days of Summer": an opening bracket in front belongs to the title when it closes inside it.
        if let open = lastOpening(in: tokens[start].gap, tokens[start].start), closes(open, before: to) { from = open }
        to = extendEnd(to, limitTo: end < tokens.count ? tokens[end].start : limit)
        let text = cleanText(from, to, keepAcronyms: true)
        if !text.isEmpty { info.title = text }
    }

    private func latinAlternative(after end: Int) -> (Int, Int)? {
        var k = end
        while k < tokens.count {
            if gapContains(k, UInt8(ascii: "/")), gapContains(k, 32), tokens[k].ascii, tokens[k].role == .free {
                var e = k
                while e < tokens.count, tokens[e].role == .free, tokens[e].depth == tokens[k].depth { e += 1 }
                return e > k ? (k, e) : nil
            }
            k += 1
        }
        return nil
    }

    private func lastOpening(in from: Int, _ to: Int) -> Int? {
        var p = to - 1
        while p >= from {
            if bytes[p] == UInt8(ascii: "(") || bytes[p] == UInt8(ascii: "[") { return p }
            p -= 1
        }
        return nil
    }

    private func closes(_ open: Int, before end: Int) -> Bool {
        let close = bytes[open] == UInt8(ascii: "(") ? UInt8(ascii: ")") : UInt8(ascii: "]")
        var p = open + 1
        while p < end { if bytes[p] == close { return true }; p += 1 }
        return false
    }

    /// Trailing "!", "?", "'" and the dot of an acronym ("L.A.") belong to the title; so does a
    /// closing bracket whose opening is in the title.
    private func extendEnd(_ end: Int, limitTo stop: Int) -> Int {
        var to = end
        var open = 0
        // An opening bracket inside the title would have put the title words after it in
        // brackets: without any, there is nothing to count.
        var p = seen.brackets ? tokens[titleStart].start : end
        let classes = ByteClass.table
        while p < end {
            if classes[Int(bytes[p])] & ByteClass.special != 0 {
                if bytes[p] == UInt8(ascii: "(") || bytes[p] == UInt8(ascii: "[") { open += 1 }
                if bytes[p] == UInt8(ascii: ")") || bytes[p] == UInt8(ascii: "]") { open = max(0, open - 1) }
            }
            p += 1
        }
        while to < stop {
            let c = bytes[to]
            if c == UInt8(ascii: "!") || c == UInt8(ascii: "?") || c == UInt8(ascii: "'") { to += 1; continue }
            if (c == UInt8(ascii: ")") || c == UInt8(ascii: "]")) && open > 0 { open -= 1; to += 1; continue }
            if c == UInt8(ascii: "."), isAcronymLetter(to - 1) { to += 1 }
            break
        }
        return to
    }

    /// True when the byte at `p` is a lone letter of a dotted acronym ("U.N.C.L.E", "L.A").
    func isAcronymLetter(_ p: Int) -> Bool {
        guard p >= 0, p < limit, (bytes[p] | 0x20) &- 97 < 26 else { return false }
        let alone = (p == 0 || !isAlnum(bytes[p - 1])) && (p + 1 >= limit || !isAlnum(bytes[p + 1]))
        guard alone else { return false }
        // A neighbour letter on either side, dot-separated
        let before = p >= 2 && bytes[p - 1] == UInt8(ascii: ".") && (bytes[p - 2] | 0x20) &- 97 < 26 && (p < 3 || !isAlnum(bytes[p - 3]))
        let after = p + 2 < limit && bytes[p + 1] == UInt8(ascii: ".") && (bytes[p + 2] | 0x20) &- 97 < 26 && (p + 3 >= limit || !isAlnum(bytes[p + 3]))
        return before || after
    }

    @inline(__always) func isAlnum(_ c: UInt8) -> Bool { c &- 48 < 10 || (c | 0x20) &- 97 < 26 || c >= 0x80 }

    /// Dots and underscores become spaces (except in acronyms and "Dr."), runs of spaces collapse,
    /// separators at the ends go. Written into a stack buffer: most titles then fit a small
    /// String with no allocation at all.
    func cleanText(_ from: Int, _ to: Int, keepAcronyms: Bool) -> String {
        guard to > from else { return "" }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 * (to - from) + 4) { out in
            var n = 0
            var p = from
            var lastSpace = true
            var keptDot = false
            @inline(__always) func put(_ c: UInt8) { out[n] = c; n += 1 }
            let classes = ByteClass.table
            while p < to {
                let c = bytes[p]
                // Letters, digits and UTF-8 go through as they are (the lead byte of an en dash
                // takes the slow path, which emits it too).
                if classes[Int(c)] & ByteClass.word != 0 && c != 0xE2 {
                    put(c)
                    lastSpace = false
                    p += 1
                    continue
                }
                var emit = c
                if c == UInt8(ascii: "_") { emit = 32 }
                if c == UInt8(ascii: ".") {
                    if keepAcronyms && isAcronymLetter(p - 1) {
                        put(c)
                        keptDot = true
                        lastSpace = false
                        // "A.I.Artificial": a space after the acronym when a word follows.
                        if p + 1 < to, !isAcronymLetter(p + 1), isAlnum(bytes[p + 1]) { put(32); lastSpace = true }
                        p += 1
                        continue
                    }
                    if keepAcronyms && isAbbreviation(before: p) {
                        put(c)
                        if p + 1 < to, isAlnum(bytes[p + 1]) { put(32); lastSpace = true } else { lastSpace = false }
                        p += 1
                        continue
                    }
                    emit = 32
                }
                if c < 32 || c == 127 { emit = 32 }
                if emit == 32 {
                    if !lastSpace { put(32) }
                    lastSpace = true
                } else {
                    put(emit)
                    lastSpace = false
                }
                p += 1
            }
            let buffer = UnsafeMutableBufferPointer(rebasing: out[0..<n])
            let range = Self.trimmed(UnsafeBufferPointer(buffer))
            var count = range.upperBound
            // Only a kept dot can spell "a.k.a.".
            if keptDot { count = Self.spellAKA(buffer, range.lowerBound, count) }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[range.lowerBound..<count]), as: UTF8.self)
        }
    }

    private func isAbbreviation(before p: Int) -> Bool {
        var s = p
        while s > 0, isAlnum(bytes[s - 1]), bytes[s - 1] < 0x80 { s -= 1 }
        guard p - s == 2 || p - s == 3, s == 0 || !isAlnum(bytes[s - 1]) else { return false }
        let a = bytes[s] | 0x20, b = bytes[s + 1] | 0x20
        let c: UInt8 = p - s == 3 ? bytes[s + 2] | 0x20 : 0
        switch (a, b, c) {
        case (UInt8(ascii: "d"), UInt8(ascii: "r"), 0), (UInt8(ascii: "m"), UInt8(ascii: "r"), 0), (UInt8(ascii: "m"), UInt8(ascii: "s"), 0),
             (UInt8(ascii: "j"), UInt8(ascii: "r"), 0), (UInt8(ascii: "s"), UInt8(ascii: "r"), 0), (UInt8(ascii: "v"), UInt8(ascii: "s"), 0),
             (UInt8(ascii: "m"), UInt8(ascii: "r"), UInt8(ascii: "s")):
            return bytes[s] &- 65 < 26   // capitalized: "Dr." but not "dr."
        default: return false
        }
    }

    /// Drops separators and dangling brackets at either end: "Show -", "Show (", "- Show".
    func trimTitle(_ text: inout String) {
        var copy = text
        copy.withUTF8 { bytes in
            let r = Self.trimmed(bytes)
            if r.count != bytes.count { text = String(decoding: UnsafeBufferPointer(rebasing: bytes[r]), as: UTF8.self) }
        }
    }

    /// "a.k.a." and "A.K.A." are written "AKA", as in "Title AKA Other Title". Returns the new end.
    static func spellAKA(_ out: UnsafeMutableBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var end = end
        var p = start
        while p + 6 <= end {
            if out[p] | 0x20 == 97, out[p + 1] == 46, out[p + 2] | 0x20 == 107, out[p + 3] == 46, out[p + 4] | 0x20 == 97, out[p + 5] == 46,
               p == start || out[p - 1] == 32 {
                out[p] = 65; out[p + 1] = 75; out[p + 2] = 65
                var q = p + 6
                while q < end { out[q - 3] = out[q]; q += 1 }
                end -= 3
            }
            p += 1
        }
        return end
    }

    /// The range of `out` without separators and dangling brackets at the ends.
    static func trimmed(_ out: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        @inline(__always) func junk(_ c: UInt8) -> Bool {
            switch c {
            case 32, UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "/"),
                 UInt8(ascii: "|"), UInt8(ascii: "~"), UInt8(ascii: "+"), UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"),
                 UInt8(ascii: "<"), UInt8(ascii: "#"), UInt8(ascii: "*"), UInt8(ascii: "\""), UInt8(ascii: "."): return true
            default: return false
            }
        }
        @inline(__always) func dash(_ p: Int) -> Bool {
            p + 2 < out.count && out[p] == 0xE2 && out[p + 1] == 0x80 && (out[p + 2] == 0x93 || out[p + 2] == 0x94)
        }
        var s = 0
        while s < out.count {
            if junk(out[s]) || out[s] == UInt8(ascii: ")") || out[s] == UInt8(ascii: "]") { s += 1 } else if dash(s) { s += 3 } else { break }
        }
        var e = out.count
        while e > s {
            if junk(out[e - 1]) && out[e - 1] != UInt8(ascii: ".") { e -= 1 } else if e - 3 >= s && dash(e - 3) { e -= 3 } else { break }
        }
        // An unmatched closing bracket at the end
        if e > s, out[e - 1] == UInt8(ascii: ")") || out[e - 1] == UInt8(ascii: "]") {
            let open = out[e - 1] == UInt8(ascii: ")") ? UInt8(ascii: "(") : UInt8(ascii: "[")
            if !out[s..<e].contains(open) {
                e -= 1
                while e > s, junk(out[e - 1]), out[e - 1] != UInt8(ascii: ".") { e -= 1 }
            }
        }
        return s..<max(s, e)
    }
}
