/// The working state of one parse: the name's bytes, its tokens and what has been found.
///
/// The parse runs as a series of passes over the tokens (quality words, numbering, title,
/// year, group, ...), each in its own `ReleaseScan+Feature.swift` file; each pass marks the
/// tokens it claims so later passes see only what is left.
struct ReleaseScan {
    let bytes: UnsafeBufferPointer<UInt8>
    let tokens: TokenList
    /// The result lives outside the scan, in the caller's variable, and so does the rest of the
    /// scan's working state: the scan itself is then four words that never change, so the passes
    /// call their helpers without copying a few hundred bytes of state on every call, and the
    /// finished result is never copied out.
    private let result: UnsafeMutablePointer<ReleaseInfo>
    private let state: UnsafeMutablePointer<State>

    /// What the passes find on the way: plain values only, so the storage needs no clean-up.
    struct State {
        /// End of the part that is parsed: the extension, if known, is cut off.
        var limit: Int
        var ext: ContainerExtension = .none
        var titleEnd = 0
        var titleStart = 0
        var leadingGroup: Range<Int> = 0..<0
        var titleStartFloor = 0
        var isVariety = false
        var titleCut: Int?
        var quality = QualityEvidence()
        var firstNumbering: Int?
        var isAnimeStyle = false
        var hashMarked = false
        var seen = Seen()
        var hint: ReleaseInfo.Kind?
    }

    var info: ReleaseInfo {
        _read { yield result.pointee }
        nonmutating _modify { yield &result.pointee }
    }
    /// End of the part that is parsed: the extension, if known, is cut off.
    var limit: Int {
        get { state.pointee.limit }
        nonmutating set { state.pointee.limit = newValue }
    }
    /// Lowercased extension without the dot ("mkv"), or empty.
    var ext: ContainerExtension {
        get { state.pointee.ext }
        nonmutating set { state.pointee.ext = newValue }
    }
    /// Index of the first token after the title; tokens before it (from `titleStart`) are the title.
    var titleEnd: Int {
        get { state.pointee.titleEnd }
        nonmutating set { state.pointee.titleEnd = newValue }
    }
    var titleStart: Int {
        get { state.pointee.titleStart }
        nonmutating set { state.pointee.titleStart = newValue }
    }
    /// Byte range of a leading "[Group]" (anime and fansub style); empty when there is none.
    var leadingGroup: Range<Int> {
        get { state.pointee.leadingGroup }
        nonmutating set { state.pointee.leadingGroup = newValue }
    }
    /// Tag brackets in front ("[BD]") push the title start past them.
    var titleStartFloor: Int {
        get { state.pointee.titleStartFloor }
        nonmutating set { state.pointee.titleStartFloor = newValue }
    }
    /// Japanese variety naming ("221208 Show ep34"): "ep" numbers are episodes of season 1.
    var isVariety: Bool {
        get { state.pointee.isVariety }
        nonmutating set { state.pointee.isVariety = newValue }
    }
    /// A numbering marker glued to the title's last word ("zoos01e02"): the title ends at this byte.
    var titleCut: Int? {
        get { state.pointee.titleCut }
        nonmutating set { state.pointee.titleCut = newValue }
    }
    /// Quality evidence gathered by the meta pass.
    var quality: QualityEvidence {
        _read { yield state.pointee.quality }
        nonmutating _modify { yield &state.pointee.quality }
    }
    /// Index of the first token claimed as episode numbering, date or season.
    var firstNumbering: Int? {
        get { state.pointee.firstNumbering }
        nonmutating set { state.pointee.firstNumbering = newValue }
    }
    var isAnimeStyle: Bool {
        get { state.pointee.isAnimeStyle }
        nonmutating set { state.pointee.isAnimeStyle = newValue }
    }
    /// `markHashes` found a CRC ("[6B7FD717]"): a token has the role `.hash`.
    var hashMarked: Bool {
        get { state.pointee.hashMarked }
        nonmutating set { state.pointee.hashMarked = newValue }
    }
    /// What the tokenizer saw, so passes that cannot apply are skipped.
    var seen: Seen {
        _read { yield state.pointee.seen }
        nonmutating _modify { yield &state.pointee.seen }
    }
    var hint: ReleaseInfo.Kind? {
        get { state.pointee.hint }
        nonmutating set { state.pointee.hint = newValue }
    }

    struct Seen {
        var brackets = false
        var dash = false
        var editionWord = false
        var numberingWord = false
        var nonASCII = false
        var numbers = false
        /// A word that speaks for music, books or audiobooks (see `mediaEvidence`).
        var mediaWord = false
        /// A word that starts with "part" (see `scanPartEpisodes`).
        var partWord = false

        /// The flags as bits, as the tokenizer gathers them in one register.
        enum Bits {
            static let brackets: UInt8 = 1, nonASCII: UInt8 = 2, numbers: UInt8 = 4, dash: UInt8 = 8
            static let edition: UInt8 = 16, numbering: UInt8 = 32, media: UInt8 = 64, part: UInt8 = 128
        }
        /// Which of the first 64 tokens are numbers, and which follow a spaced dash: the passes
        /// that look only at those visit them alone (see `next(in:from:_:)`). So do the masks below.
        var numberTokens: UInt64 = 0
        var dashGapTokens: UInt64 = 0
        /// Tokens shaped like a resolution (see `ReleaseToken.resolutionShaped`).
        var resolutionTokens: UInt64 = 0
        /// Tokens with digits, and the words that can start numbering without them.
        var numberingTokens: UInt64 = 0
        /// Tokens the meta pass classifies: all but plain title words (see `ReleaseScan.isPlainWord`).
        var metaCandidates: UInt64 = 0
    }

    /// The first number token at or after `i`, or `tokens.count`.
    @inline(__always)
    func nextNumber(from i: Int) -> Int {
        next(in: seen.numberTokens, from: i) { $0.isNumber }
    }

    /// The first token at or after `i` that may start episode numbering: one with digits, or a
    /// season or episode word, "S", "Se" or "Series".
    @inline(__always)
    func nextNumberingCandidate(from i: Int) -> Int {
        next(in: seen.numberingTokens, from: i) { $0.hasDigit || Self.startsNumberingWithoutDigits($0, bytes) }
    }

    /// The first token at or after `i` (and after the first) whose separators hold a spaced
    /// dash (see `isDashGap(_:)`), or `tokens.count`.
    @inline(__always)
    func nextDashGap(from i: Int) -> Int {
        next(in: seen.dashGapTokens, from: max(i, 1)) { $0.dashGap }
    }

    /// The first token at or after `i` that `mask` marks (for the first 64 tokens) or that passes
    /// `test` (for the rest), or `tokens.count`.
    @inline(__always)
    func next(in mask: UInt64, from i: Int, _ test: (ReleaseToken) -> Bool) -> Int {
        let count = tokens.count
        if i < 64 {
            let left = mask & (~UInt64(0) << UInt64(max(i, 0)))
            if left != 0 { return left.trailingZeroBitCount }
            if count <= 64 { return count }
        }
        var j = max(i, 64)
        while j < count, !test(tokens[j]) { j += 1 }
        return min(j, count)
    }

    /// `result` and `state` must stay valid (and be written by nothing else) for the scan's life;
    /// `state` starts as `State(limit: end)`.
    init(bytes: UnsafeBufferPointer<UInt8>, tokens: TokenList,
         result: UnsafeMutablePointer<ReleaseInfo>, state: UnsafeMutablePointer<State>) {
        self.bytes = bytes
        self.tokens = tokens
        self.result = result
        self.state = state
    }

    // MARK: Bytes

    @inline(__always) func byte(_ i: Int) -> UInt8 { i >= 0 && i < bytes.count ? bytes[i] : 0 }
    @inline(__always) func lowerByte(_ i: Int) -> UInt8 { Vocabulary.lower(byte(i)) }

    /// Text of `bytes[start..<end]` as a String.
    func text(_ start: Int, _ end: Int) -> String {
        guard end > start else { return "" }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    func text(of t: Int) -> String { text(tokens[t].start, tokens[t].end) }

    // MARK: Tokens

    @inline(__always) func token(_ i: Int) -> ReleaseToken? { i >= 0 && i < tokens.count ? tokens[i] : nil }

    /// True when the separators before token `i` contain `c`.
    func gapContains(_ i: Int, _ c: UInt8) -> Bool {
        guard i >= 0, i < tokens.count else { return false }
        var p = tokens[i].gap
        while p < tokens[i].start { if bytes[p] == c { return true }; p += 1 }
        return false
    }

    /// True when the separators before token `i` are exactly `c` (one byte).
    func gapIs(_ i: Int, _ c: UInt8) -> Bool {
        guard i >= 0, i < tokens.count else { return false }
        return tokens[i].start - tokens[i].gap == 1 && bytes[tokens[i].gap] == c
    }

    /// True when the separators before token `i` hold a dash with white space (or `_`) on a side:
    /// the " - " that divides title, numbering and episode title.
    @inline(__always)
    func isDashGap(_ i: Int) -> Bool {
        guard i > 0, i < tokens.count else { return false }
        return tokens[i].dashGap
    }

    /// True when token `i` equals `word` ignoring ASCII case.
    @inline(__always)
    func tokenIs(_ i: Int, _ word: StaticString) -> Bool {
        guard i >= 0, i < tokens.count else { return false }
        let t = tokens[i]
        let start = t.start, n = word.utf8CodeUnitCount
        guard t.end - start == n else { return false }
        let w = word.utf8Start
        var k = 0
        while k < n {
            if Vocabulary.lower(bytes[start + k]) != w[k] { return false }
            k += 1
        }
        return true
    }

    /// True when token `i` starts with `prefix` ignoring ASCII case.
    @inline(__always)
    func tokenHasPrefix(_ i: Int, _ prefix: StaticString) -> Bool {
        guard i >= 0, i < tokens.count else { return false }
        return Self.hasPrefix(bytes, tokens[i].start, tokens[i].end, prefix)
    }

    /// True when `bytes[start..<end]` starts with `prefix` ignoring ASCII case (the tokenizer
    /// asks before there are tokens).
    @inline(__always)
    static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ prefix: StaticString) -> Bool {
        let n = prefix.utf8CodeUnitCount
        guard end - start >= n else { return false }
        let w = prefix.utf8Start
        var k = 0
        while k < n {
            if Vocabulary.lower(bytes[start + k]) != w[k] { return false }
            k += 1
        }
        return true
    }

    /// `Vocabulary.key` of a lowercase literal of at most 8 bytes. Always inlined, so that with a
    /// literal argument it folds to a constant.
    @inline(__always)
    static func literalKey(_ s: StaticString) -> UInt64 {
        var k: UInt64 = 0
        let p = s.utf8Start
        for i in 0..<min(s.utf8CodeUnitCount, 8) { k |= UInt64(p[i]) << (8 * UInt64(i)) }
        return k
    }

    /// Decimal value of `bytes[start..<end]` when all digits (at most 9), else -1.
    func digits(_ start: Int, _ end: Int) -> Int {
        guard end > start, end - start <= 9 else { return -1 }
        var v = 0
        for p in start..<end {
            let d = bytes[p] &- 48
            if d > 9 { return -1 }
            v = v * 10 + Int(d)
        }
        return v
    }

    func isUpper(_ i: Int) -> Bool {
        guard let t = token(i) else { return false }
        for p in t.start..<t.end where bytes[p] &- 97 < 26 { return false }
        return true
    }

    func word(_ i: Int) -> Word? { token(i)?.word }
    func isKind(_ i: Int, _ kind: Word.Kind) -> Bool { token(i)?.word?.kind == kind }
    func isFlag(_ i: Int, _ f: Flag) -> Bool {
        guard let w = token(i)?.word else { return false }
        return w.kind == .flag && w.value == f.rawValue
    }
}

/// Extensions that tell something about the content; anything else is left in the name.
enum ContainerExtension: UInt8 {
    case none, mkv, mp4, avi, m4v, ts, m2ts, wmv, mov, webm, mpg, divx, xvid, iso, img, flv, ogm, rmvb
    case flac, mp3, m4a, m4b, ogg, opus, wav, wma, ape, wv, aac, alac
    case epub, mobi, azw3, azw, pdf, cbz, cbr, cb7, djvu
    case nfo, srt, sub, idx, rar, zip, par2, torrent, nzb, sfv, txt, jpg, png

    static func from(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> ContainerExtension {
        switch Vocabulary.key(bytes, start, end) {
        case key("mkv"): return .mkv
        case key("mp4"): return .mp4
        case key("avi"): return .avi
        case key("m4v"): return .m4v
        case key("ts"): return .ts
        case key("m2ts"), key("mts"): return .m2ts
        case key("wmv"): return .wmv
        case key("mov"): return .mov
        case key("webm"): return .webm
        case key("mpg"), key("mpeg"): return .mpg
        case key("divx"): return .divx
        case key("xvid"): return .xvid
        case key("iso"): return .iso
        case key("img"): return .img
        case key("flv"): return .flv
        case key("ogm"): return .ogm
        case key("rmvb"): return .rmvb
        case key("flac"): return .flac
        case key("mp3"): return .mp3
        case key("m4a"): return .m4a
        case key("m4b"): return .m4b
        case key("ogg"): return .ogg
        case key("opus"): return .opus
        case key("wav"): return .wav
        case key("wma"): return .wma
        case key("ape"): return .ape
        case key("wv"): return .wv
        case key("aac"): return .aac
        case key("epub"): return .epub
        case key("mobi"): return .mobi
        case key("azw3"): return .azw3
        case key("azw"): return .azw
        case key("pdf"): return .pdf
        case key("cbz"): return .cbz
        case key("cbr"): return .cbr
        case key("cb7"): return .cb7
        case key("djvu"): return .djvu
        case key("nfo"): return .nfo
        case key("srt"): return .srt
        case key("sub"): return .sub
        case key("idx"): return .idx
        case key("rar"): return .rar
        case key("zip"): return .zip
        case key("par2"): return .par2
        case key("torrent"): return .torrent
        case key("nzb"): return .nzb
        case key("sfv"): return .sfv
        case key("txt"): return .txt
        case key("jpg"): return .jpg
        case key("png"): return .png
        default: return .none
        }
    }

    /// The packed key of a short lowercase literal (see `Vocabulary.key`). Inlined so each case's
    /// key folds to a constant instead of being packed again on every comparison.
    @inline(__always)
    private static func key(_ s: StaticString) -> UInt64 {
        var k: UInt64 = 0
        let p = s.utf8Start
        for i in 0..<s.utf8CodeUnitCount { k |= UInt64(p[i]) << (8 * UInt64(i)) }
        return k
    }

    var isVideo: Bool { rawValue >= ContainerExtension.mkv.rawValue && rawValue <= ContainerExtension.rmvb.rawValue }
    var isAudio: Bool { rawValue >= ContainerExtension.flac.rawValue && rawValue <= ContainerExtension.alac.rawValue }
    var isBook: Bool { rawValue >= ContainerExtension.epub.rawValue && rawValue <= ContainerExtension.djvu.rawValue }
}
