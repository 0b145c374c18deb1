/// One word of a release name: a run of ASCII letters and digits, or of non-ASCII bytes.
///
/// Everything else (dots, spaces, dashes, brackets, ...) separates tokens. Tokens keep byte
/// offsets into the name rather than substrings, so tokenizing allocates nothing but the
/// token array; text is only materialized for the few fields that are returned. The fields
/// are packed (20 bytes) because every pass reads tokens over and over.
struct ReleaseToken {
    /// What a pass decided the token is. Title tokens stay `.free`.
    enum Role: UInt8 {
        case free, meta, episode, date, year, group, junk, edition, language, hash, site
    }

    // The 32-bit field first, so the rest packs without padding (20 bytes). Names are cut at
    // 4,096 bytes (see `ReleaseParser.parse(bytes:hint:)`), so offsets fit 16 bits.
    private let value: Int32
    private let startOffset: UInt16
    private let endOffset: UInt16
    private let gapOffset: UInt16
    let word: Word?
    var role: Role = .free
    /// A quality word that cannot be part of a title ("1080p", "x264"); weak ones ("German",
    /// "Complete") end the title only when more quality words follow.
    var strong = false
    private let bits: UInt8
    private let bracketDepth: UInt8
    /// The resolution the token spells, read once by `ReleaseScan.readResolutions` (see `ReleaseScan.resolution(of:)`):
    /// height class or 0, bit 0 interlaced, bit 1 from a width×height size, and a source spelled in front.
    var res: UInt16 = 0
    var resFlags: UInt8 = 0
    var resPrefix: UInt8 = 0

    init(start: Int, end: Int, gap: Int, depth: Int, number: Int, word: Word?, hasAlpha: Bool, hasDigit: Bool, ascii: Bool, dashGap: Bool,
         resolutionShaped: Bool) {
        startOffset = UInt16(truncatingIfNeeded: start)
        endOffset = UInt16(truncatingIfNeeded: end)
        gapOffset = UInt16(truncatingIfNeeded: gap)
        value = Int32(truncatingIfNeeded: number)
        self.word = word
        bits = (hasAlpha ? 1 : 0) | (hasDigit ? 2 : 0) | (ascii ? 4 : 0) | (dashGap ? 8 : 0) | (resolutionShaped ? 16 : 0)
        bracketDepth = UInt8(truncatingIfNeeded: min(max(depth, 0), 255))
    }

    var start: Int { Int(startOffset) }
    var end: Int { Int(endOffset) }
    /// Offset where the separators before this token begin (the previous token's end).
    var gap: Int { Int(gapOffset) }
    /// Brackets open at this token: `[`, `(` and `{` count alike.
    var depth: Int { Int(bracketDepth) }
    /// Value when the token is 1 to 9 ASCII digits, else -1.
    var number: Int { Int(value) }
    var hasAlpha: Bool { bits & 1 != 0 }
    var hasDigit: Bool { bits & 2 != 0 }
    var ascii: Bool { bits & 4 != 0 }
    /// The separators before it hold a dash with white space on a side (" - ", "_-_", " –").
    var dashGap: Bool { bits & 8 != 0 }
    /// Shaped like a resolution ("1080p", "1280x720"): `ReleaseScan.readResolutions` looks closer.
    var resolutionShaped: Bool { bits & 16 != 0 }
    var length: Int { Int(endOffset &- startOffset) }
    var isNumber: Bool { value >= 0 }
}

/// The tokens of one name, in storage the parser allocates on the stack for the parse.
///
/// An `Array` here cost a heap allocation, reference counting and uniqueness checks on
/// every write in every pass; tokens are plain values, so a fixed buffer sized from the
/// name's length (at most one token per two bytes) does the job without any of that. The
/// list is made once the name is tokenized, so its count is a constant the passes' loops
/// keep in a register.
struct TokenList: RandomAccessCollection, MutableCollection {
    private let base: UnsafeMutablePointer<ReleaseToken>
    let count: Int

    init(base: UnsafeMutablePointer<ReleaseToken>, count: Int) {
        self.base = base
        self.count = count
    }

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    subscript(i: Int) -> ReleaseToken {
        // One unsigned comparison covers both ends.
        @inline(__always) get {
            precondition(UInt(bitPattern: i) < UInt(bitPattern: count), "token index out of range")
            return base[i]
        }
        @inline(__always) nonmutating set {
            precondition(UInt(bitPattern: i) < UInt(bitPattern: count), "token index out of range")
            base[i] = newValue
        }
    }
}
