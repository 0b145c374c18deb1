/// The working state of one parse: the name's bytes, its tokens and what has been found.
///
/// The parse runs as a series of passes over the tokens (quality words, numbering, title,
/// year, group, ...), each in its own `ReleaseScan+Feature.swift` file; each pass marks the
/// tokens it claims so later passes see only what is left.
struct ReleaseScan {
    let bytes: UnsafeBufferPointer<UInt8>
    /// End of the part that is parsed: the extension, if known, is cut off.
    var limit: Int
    var tokens: TokenList
    /// The result and the other reference-counted state live outside the scan, in storage the
    /// parser owns for the parse: the scan itself is then a flat value, and the helpers that read
    /// it do not copy a few hundred bytes and retain a dozen strings on every call.
    private let shared: UnsafeMutablePointer<Shared>
    var info: ReleaseInfo {
        _read { yield shared.pointee.info }
        nonmutating _modify { yield &shared.pointee.info }
    }
    /// Lowercased extension without the dot ("mkv"), or empty.
    var ext: ContainerExtension = .none
    /// Index of the first token after the title; tokens before it (from `titleStart`) are the title.
    var titleEnd = 0
    var titleStart = 0
    /// A leading "[Group]" (anime and fansub style).
    var leadingGroupText: String? {
        _read { yield shared.pointee.leadingGroupText }
        nonmutating _modify { yield &shared.pointee.leadingGroupText }
    }
    /// Tag brackets in front ("[BD]") push the title start past them.
    var titleStartFloor = 0
    /// Japanese variety naming ("221208 Show ep34"): "ep" numbers are episodes of season 1.
    var isVariety = false
    /// A numbering marker glued to the title's last word ("zoos01e02"): the title ends at this byte.
    var titleCut: Int?
    /// Quality evidence gathered by the meta pass.
    var quality = QualityEvidence()
    /// Index of the first token claimed as episode numbering, date or season.
    var firstNumbering: Int?
    var isAnimeStyle = false
    /// What the tokenizer saw, so passes that cannot apply are skipped.
    var seen = Seen()

    struct Seen {
        var brackets = false
        var dash = false
        var editionWord = false
        var numberingWord = false
        var nonASCII = false
        var numbers = false
    }
    var hint: ReleaseInfo.Kind?

    struct Shared {
        var info = ReleaseInfo()
        var leadingGroupText: String?
    }

    /// `shared` must be initialized; the caller moves the result out of it when done.
    init(bytes: UnsafeBufferPointer<UInt8>, limit: Int, tokens: UnsafeMutableBufferPointer<ReleaseToken>, shared: UnsafeMutablePointer<Shared>) {
        self.bytes = bytes
        self.limit = limit
        self.tokens = TokenList(storage: tokens)
        self.shared = shared
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
        let start = tokens[i].start, n = word.utf8CodeUnitCount
        guard tokens[i].end - start == n else { return false }
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
        let start = tokens[i].start, n = prefix.utf8CodeUnitCount
        guard tokens[i].end - start >= n else { return false }
        let w = prefix.utf8Start
        var k = 0
        while k < n {
            if Vocabulary.lower(bytes[start + k]) != w[k] { return false }
            k += 1
        }
        return true
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

    /// The packed key of a short lowercase literal (see `Vocabulary.key`).
    private static func key(_ s: StaticString) -> UInt64 {
        var k: UInt64 = 0
        s.withUTF8Buffer { b in for (i, c) in b.enumerated() { k |= UInt64(c) << (8 * UInt64(i)) } }
        return k
    }

    var isVideo: Bool { rawValue >= ContainerExtension.mkv.rawValue && rawValue <= ContainerExtension.rmvb.rawValue }
    var isAudio: Bool { rawValue >= ContainerExtension.flac.rawValue && rawValue <= ContainerExtension.alac.rawValue }
    var isBook: Bool { rawValue >= ContainerExtension.epub.rawValue && rawValue <= ContainerExtension.djvu.rawValue }
}
