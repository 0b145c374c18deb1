extension ReleaseScan {
    /// Splits `bytes[from..<limit]` into tokens and looks each up in the vocabulary.
    ///
    /// Word bytes are ASCII letters and digits and any non-ASCII byte except the en and em
    /// dashes (E2 80 93/94), which names use like "-". Bracket depth counts `[`, `(`, `{`, `<`.
    /// The word loop only reads each byte's class; a token's number and vocabulary key are
    /// computed afterwards, and only for the tokens that can have them.
    static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, limit end: Int, into storage: UnsafeMutableBufferPointer<ReleaseToken>,
                         seen: inout Seen) -> Int {
        let table = Vocabulary.table
        let classes = ByteClass.table
        var count = 0
        var p = from
        var depth = 0
        var gap = from
        // What was seen, one bit each (see `Seen`): one register rather than seven.
        typealias Bits = Seen.Bits
        var flags: UInt8 = 0
        // Which of the first 64 tokens some passes look at (see `Seen`).
        var numberTokens: UInt64 = 0, dashGapTokens: UInt64 = 0, resolutionTokens: UInt64 = 0, numberingTokens: UInt64 = 0
        var metaCandidates: UInt64 = 0
        while p < end {
            let b = bytes[p]
            let c = classes[Int(b)]
            if c & ByteClass.word != 0 && (b != 0xE2 || !isLongDash(bytes, p, end)) {
                let start = p
                var seenClasses = c
                p += 1
                while p < end {
                    let d = bytes[p]
                    let k = classes[Int(d)]
                    if k & ByteClass.word == 0 || (d == 0xE2 && isLongDash(bytes, p, end)) { break }
                    seenClasses |= k
                    p += 1
                }
                let length = p - start
                let ascii = seenClasses & ByteClass.nonASCII == 0
                let alpha = seenClasses & ByteClass.letter != 0
                let digit = seenClasses & ByteClass.digit != 0
                let number = (!alpha && ascii && length <= 9) ? decimal(bytes, start, p) : -1
                // Words longer than 8 bytes are hashed (rare: "remastered", "theatrical").
                let key = ascii && alpha && length <= 24 ? (length <= 8 ? shortKey(bytes, start, length) : Vocabulary.key(bytes, start, p)) : 0
                // A miss gives `Table.missing`, whose word is nil and whose `seen` bits are 0.
                let slot = key != 0 ? Vocabulary.slot(key: key, bytes, start, p, in: table) : Vocabulary.Table.missing
                let word = table.words[slot]
                precondition(count < storage.count, "more tokens than the name has room for")
                let dashGap = start - gap >= 2 && spacedDash(bytes, gap, start)
                let resolution = ascii && digit && alpha && resolutionShaped(bytes, start, p)
                (storage.baseAddress! + count).initialize(to: ReleaseToken(
                    start: start, end: p, gap: gap, depth: depth, number: number, word: word,
                    hasAlpha: alpha || !ascii, hasDigit: digit, ascii: ascii, dashGap: dashGap, resolutionShaped: resolution))
                let wordBits = table.seen[slot]
                // Bits set without branches: whether a token is a number or a keyword is a coin toss.
                // Tokens past the 64th set none (their passes test them one by one).
                let bit: UInt64 = count < 64 ? 1 &<< UInt64(truncatingIfNeeded: count) : 0
                numberTokens |= number >= 0 ? bit : 0
                dashGapTokens |= dashGap ? bit : 0
                resolutionTokens |= resolution ? bit : 0
                // Season and episode words carry the numbering bit (see `Vocabulary.seenBits`).
                let numbering = digit || wordBits & Bits.numbering != 0 || isNumberingLetter(key)
                numberingTokens |= numbering ? bit : 0
                let plain = slot == Vocabulary.Table.missing && !resolution
                    && isPlainWord(ascii: ascii, hasDigit: digit, length: length, first: bytes[start])
                metaCandidates |= plain ? 0 : bit
                if length >= 4, bytes[start] | 0x20 == UInt8(ascii: "p"), Vocabulary.lower(bytes[start + 1]) == UInt8(ascii: "a"),
                   Vocabulary.lower(bytes[start + 2]) == UInt8(ascii: "r"), Vocabulary.lower(bytes[start + 3]) == UInt8(ascii: "t") {
                    flags |= Bits.part
                }
                count += 1
                flags |= (depth > 0 ? Bits.brackets : 0) | (ascii ? 0 : Bits.nonASCII) | (number >= 0 ? Bits.numbers : 0) | wordBits
                gap = p
                continue
            }
            if c & ByteClass.special != 0 {
                switch b {
                case UInt8(ascii: "-"), UInt8(ascii: "~"), 0xE2: flags |= Bits.dash
                case UInt8(ascii: "["), UInt8(ascii: "("), UInt8(ascii: "{"), UInt8(ascii: "<"): depth += 1
                case UInt8(ascii: "]"), UInt8(ascii: ")"), UInt8(ascii: "}"), UInt8(ascii: ">"): depth = max(0, depth - 1)
                default: break
                }
            }
            p += b == 0xE2 && isLongDash(bytes, p, end) ? 3 : 1
        }
        seen = Seen(brackets: flags & Bits.brackets != 0, dash: flags & Bits.dash != 0, editionWord: flags & Bits.edition != 0,
                    numberingWord: flags & Bits.numbering != 0, nonASCII: flags & Bits.nonASCII != 0, numbers: flags & Bits.numbers != 0,
                    mediaWord: flags & Bits.media != 0, partWord: flags & Bits.part != 0,
                    numberTokens: numberTokens, dashGapTokens: dashGapTokens, resolutionTokens: resolutionTokens, numberingTokens: numberingTokens,
                    metaCandidates: metaCandidates)
        return count
    }

    /// Reads the resolution of each token shaped like one, once, for every pass to look up.
    func readResolutions() {
        var i = next(in: seen.resolutionTokens, from: 0) { $0.resolutionShaped }
        while i < tokens.count {
            defer { i = next(in: seen.resolutionTokens, from: i + 1) { $0.resolutionShaped } }
            // The usual spellings by their key; anything else is read in full.
            let t = tokens[i]
            if t.length <= 5 {
                var height: UInt16 = 0
                switch Vocabulary.key(bytes, t.start, t.end) {
                case ReleaseScan.literalKey("720p"): height = 720
                case ReleaseScan.literalKey("1080p"): height = 1080
                case ReleaseScan.literalKey("2160p"): height = 2160
                case ReleaseScan.literalKey("480p"): height = 480
                case ReleaseScan.literalKey("576p"): height = 576
                default: break
                }
                if height != 0 {
                    tokens[i].res = height
                    continue
                }
            }
            guard let r = computeResolution(of: i) else { continue }
            tokens[i].res = UInt16(r.height)
            tokens[i].resFlags = (r.interlaced ? 1 : 0) | (r.fromSize ? 2 : 0)
            tokens[i].resPrefix = r.prefix?.rawValue ?? 0
        }
    }

    /// Decimal value of 1 to 9 ASCII digits.
    @inline(__always)
    private static func decimal(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var v = 0
        for p in start..<end { v = v &* 10 &+ Int(bytes[p] &- 48) }
        return v
    }

    /// The en or em dash (E2 80 93/94) at `p`.
    @inline(__always)
    private static func isLongDash(_ bytes: UnsafeBufferPointer<UInt8>, _ p: Int, _ end: Int) -> Bool {
        p + 2 < end && bytes[p + 1] == 0x80 && (bytes[p + 2] == 0x93 || bytes[p + 2] == 0x94)
    }

    /// `Vocabulary.key` of an ASCII token of 1 to 8 bytes: one 8-byte load, masked to the
    /// token and lowercased in all lanes at once, where the name has 8 bytes left to load.
    @inline(__always)
    static func shortKey(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ length: Int) -> UInt64 {
        guard start + 8 <= bytes.count else { return Vocabulary.key(bytes, start, start + length) }
        var w = UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + start).loadUnaligned(as: UInt64.self))
        if length < 8 { w &= (1 << (8 * UInt64(length))) &- 1 }
        // Bytes are ASCII (< 0x80), so no lane carries into the next: a lane's top bit says
        // whether it is at least "A", and whether it is above "Z".
        let ones: UInt64 = 0x0101_0101_0101_0101
        let atLeastA = w &+ ones &* (0x80 - 0x41)
        let aboveZ = w &+ ones &* (0x80 - 0x5B)
        let upper = atLeastA & ~aboveZ & (ones &* 0x80)
        return w | (upper >> 2)
    }

    /// A dash ("-", "~", en or em dash) with a space or underscore next to it in `bytes[from..<to]`.
    private static func spacedDash(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
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
    private static func resolutionShaped(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
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

}

/// What the tokenizer needs to know of a byte, looked up in one load.
enum ByteClass {
    static let word: UInt8 = 1
    static let digit: UInt8 = 2
    static let letter: UInt8 = 4
    static let nonASCII: UInt8 = 8
    /// Separators that change the bracket depth or mark a dash.
    static let special: UInt8 = 16

    nonisolated(unsafe) static let table: UnsafePointer<UInt8> = {
        let t = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        for b in 0..<256 {
            var c: UInt8 = 0
            if b >= 0x80 { c = word | nonASCII }
            else if b >= 48 && b <= 57 { c = word | digit }
            else if (b | 0x20) >= 97 && (b | 0x20) <= 122 { c = word | letter }
            else if "-~[({<])}>".utf8.contains(UInt8(b)) { c = special }
            if b == 0xE2 { c |= special }
            t[b] = c
        }
        return UnsafePointer(t)
    }()
}
