extension ReleaseScan {
    /// Splits `bytes[from..<limit]` into tokens and looks each up in the vocabulary.
    ///
    /// Word bytes are ASCII letters and digits and any non-ASCII byte except the en and em
    /// dashes (E2 80 93/94), which names use like "-". Bracket depth counts `[`, `(`, `{`.
    mutating func tokenize(from: Int) {
        tokens.removeAll()
        let table = Vocabulary.table
        var p = from
        var depth = 0
        var gap = from
        while p < limit {
            let b = bytes[p]
            if isWordByte(at: p) {
                let start = p
                var alpha = false, digit = false, ascii = true
                var key: UInt64 = 0, shift: UInt64 = 0
                var value = 0
                while p < limit, isWordByte(at: p) {
                    let c = bytes[p]
                    if c >= 0x80 { ascii = false } else if c &- 48 < 10 { digit = true; value = value &* 10 &+ Int(c &- 48) } else { alpha = true }
                    if shift < 64 { key |= UInt64(Vocabulary.lower(c)) << shift; shift &+= 8 }
                    p += 1
                }
                let length = p - start
                let number = (!alpha && ascii && length <= 9) ? value : -1
                // Words longer than 8 bytes are hashed (rare: "remastered", "theatrical").
                let word = ascii && alpha && length <= 24
                    ? Vocabulary.lookup(key: length <= 8 ? key : Vocabulary.key(bytes, start, p), bytes, start, p, in: table) : nil
                tokens.append(ReleaseToken(start: start, end: p, gap: gap, depth: depth, number: number, word: word,
                                           hasAlpha: alpha || !ascii, hasDigit: digit, ascii: ascii,
                                           dashGap: start - gap >= 2 && spacedDash(gap, start)))
                if depth > 0 { seen.brackets = true }
                if !ascii { seen.nonASCII = true }
                if number >= 0 { seen.numbers = true }
                if let word {
                    if word.kind == .edition { seen.editionWord = true }
                    if word.kind == .flag && (word.value == Flag.episode.rawValue || word.value == Flag.season.rawValue) { seen.numberingWord = true }
                }
                if ascii && digit && alpha && resolutionShaped(start, p), let r = computeResolution(of: tokens.count - 1) {
                    tokens[tokens.count - 1].res = UInt16(r.height)
                    tokens[tokens.count - 1].resFlags = (r.interlaced ? 1 : 0) | (r.fromSize ? 2 : 0)
                    tokens[tokens.count - 1].resPrefix = r.prefix?.rawValue ?? 0
                }
                gap = p
                continue
            }
            switch b {
            case UInt8(ascii: "-"), UInt8(ascii: "~"), 0xE2: seen.dash = true
            case UInt8(ascii: "["), UInt8(ascii: "("), UInt8(ascii: "{"), UInt8(ascii: "<"): depth += 1
            case UInt8(ascii: "]"), UInt8(ascii: ")"), UInt8(ascii: "}"), UInt8(ascii: ">"): depth = max(0, depth - 1)
            default: break
            }
            p += b == 0xE2 && p + 2 < limit && bytes[p + 1] == 0x80 && (bytes[p + 2] == 0x93 || bytes[p + 2] == 0x94) ? 3 : 1
        }
    }

    /// A dash ("-", "~", en or em dash) with a space or underscore next to it in `bytes[from..<to]`.
    private func spacedDash(_ from: Int, _ to: Int) -> Bool {
        var p = from
        while p < to {
            var width = 0
            if bytes[p] == UInt8(ascii: "-") || bytes[p] == UInt8(ascii: "~") { width = 1 }
            else if bytes[p] == 0xE2, p + 2 < to, bytes[p + 1] == 0x80, bytes[p + 2] == 0x93 || bytes[p + 2] == 0x94 { width = 3 }
            if width > 0 {
                let before = p > from ? bytes[p - 1] : 0, after = p + width < to ? bytes[p + width] : 0
                if before == 32 || before == 95 || after == 32 || after == 95 { return true }
                p += width
                continue
            }
            p += 1
        }
        return false
    }

    /// Ends in "p", "i" or "k" (then maybe frame-rate digits), or holds an "x" between digits.
    @inline(__always)
    private func resolutionShaped(_ start: Int, _ end: Int) -> Bool {
        var q = end - 1
        while q > start, bytes[q] &- 48 < 10 { q -= 1 }
        let c = bytes[q] | 0x20
        if c == UInt8(ascii: "p") || c == UInt8(ascii: "i") || c == UInt8(ascii: "k") { return true }
        var x = start + 1
        while x < end - 1 {
            if bytes[x] | 0x20 == UInt8(ascii: "x"), bytes[x - 1] &- 48 < 10, bytes[x + 1] &- 48 < 10 { return true }
            x += 1
        }
        return false
    }

    @inline(__always)
    private func isWordByte(at p: Int) -> Bool {
        let b = bytes[p]
        if b < 0x80 { return b &- 48 < 10 || (b | 0x20) &- 97 < 26 }
        // The en/em dash (E2 80 93/94) separates like "-"; the separator loop skips all three bytes.
        return !(b == 0xE2 && p + 2 < limit && bytes[p + 1] == 0x80 && (bytes[p + 2] == 0x93 || bytes[p + 2] == 0x94))
    }
}
