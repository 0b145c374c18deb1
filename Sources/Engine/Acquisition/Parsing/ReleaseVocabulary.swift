/// The words release names use for quality, codecs, languages and the like.
///
/// Tokens are looked up by their lowercased bytes: words of up to eight ASCII bytes are
/// packed into a `UInt64` (no hashing of strings, no allocation), longer ones are hashed
/// with FNV-1a with the top bit set so the two key spaces cannot meet. A hit is checked
/// against the stored spelling, so a hash collision cannot invent a keyword.
struct Word: Equatable {
    enum Kind: UInt8 {
        case source, resolution, videoCodec, audioCodec, hdr, service, language, flag,
             edition, music, book, site, container, other
    }
    var kind: Kind
    /// Meaning within the kind: a `SourceWord`, `Flag`, ... raw value, or an index into a name table.
    var value: UInt8
}

/// Sources as names spell them; `QualityResolver` turns them into a quality.
enum SourceWord: UInt8 {
    case cam = 1, telesync, telecine, workprint, screener, regional
    case hdtv, sdtv, pdtv, tvrip
    case webdl, webrip, web, webMux
    /// "AmazonHD", "NetflixUHD", "AmazonSD": a web download whose resolution the word does not give.
    case webService
    case bluray, bdrip, bd, hddvd, remux, bdremux, brdisk, iso, uhdbd
    case dvd, dvdrip, dvdr, ntsc, pal
    case rawhd, mpeg2
}

/// Words that mark something without being a quality by themselves ("PROPER", "Season", "HD").
enum Flag: UInt8 {
    case proper = 1, repack, rerip, real, `internal`, limited, complete, dubbed, subbed, dual, multi, dl,
         widescreen, hardsub, extras, subpack, sample, threeD, batch, uncensored, readnfo,
         upscale, hybrid, untouched, season, episode, part, ova, vostfr, subs, hd, sd, uhd, fhd,
         bit10, bit8, hi10p, rip, mux, tv, ray, blu, dvd, light, atmos, ma, hr, es, x, discography,
         album, single, lossless, vbr, cbr, kbps, v0, cd, vinyl, bit24, bit16, web, raw,
         ebook, audiobook, unabridged, abridged, retail, comic, tracks, cue, aka, avc, ch
}

extension Flag {
    /// The flags `ReleaseScan.mediaEvidence` counts for music, books, audiobooks or comics.
    var speaksForMedia: Bool {
        switch self {
        case .discography, .lossless, .vbr, .kbps, .v0, .vinyl, .bit24, .bit16, .tracks, .cue, .cd, .album, .single,
             .audiobook, .unabridged, .abridged, .ebook, .retail, .comic: return true
        default: return false
        }
    }
}

enum Vocabulary {
    /// Display names for `.videoCodec` values.
    static let videoCodecs = ["", "x264", "x265", "AV1", "XviD", "DivX", "VP9", "MPEG-2", "VC-1", "H.266"]
    /// Display names for `.audioCodec` values.
    static let audioCodecs = ["", "AAC", "AC3", "EAC3", "DTS", "DTS-HD MA", "TrueHD", "FLAC", "Opus", "MP3",
                              "LPCM", "DTS-X", "DTS-HD", "DTS-ES", "Vorbis", "WMA", "ALAC", "APE", "WavPack", "WAV", "MP2"]
    static let hdrNames = ["", "HDR10", "HDR10+", "DV", "HLG", "HDR"]
    static let services = ["", "AMZN", "NF", "DSNP", "HMAX", "ATVP", "HULU", "PCOK", "PMTP", "iT", "iP",
                           "CRAV", "STAN", "CR", "FUNI", "VUDU", "ROKU", "MAX", "DSNY", "AE", "ATV", "BKPL", "SHO"]
    static let languages = ["", "English", "French", "German", "Italian", "Spanish", "Portuguese", "Russian",
                            "Japanese", "Korean", "Chinese", "Dutch", "Polish", "Swedish", "Danish", "Norwegian",
                            "Finnish", "Hindi", "Turkish", "Arabic", "Hebrew", "Czech", "Hungarian", "Greek",
                            "Ukrainian", "Multi", "Nordic", "Vietnamese", "Thai", "Tamil", "Telugu", "Catalan",
                            "Romanian", "Bulgarian", "Malayalam", "Flemish", "Latino"]
    static let books = ["", "EPUB", "MOBI", "AZW3", "PDF", "CBZ", "CBR", "M4B", "AZW", "DJVU", "CB7", "M4A", "MP3"]

    // MARK: Table

    /// (spelling, kind, value). Lowercase, alphanumerics only: the tokenizer splits on everything else.
    private static let entries: [(String, Word.Kind, UInt8)] = {
        var e: [(String, Word.Kind, UInt8)] = []
        func add(_ kind: Word.Kind, _ value: UInt8, _ words: String...) { for w in words { e.append((w, kind, value)) } }
        func src(_ s: SourceWord, _ words: String...) { for w in words { e.append((w, .source, s.rawValue)) } }
        func flag(_ f: Flag, _ words: String...) { for w in words { e.append((w, .flag, f.rawValue)) } }

        src(.cam, "cam", "camrip", "hdcam", "hqcam", "newcam", "hdcamrip", "hqcamrip", "camhd")
        src(.telesync, "ts", "telesync", "telesynch", "tsrip", "hdts", "hdtsrip", "pdvd", "predvdrip")
        src(.telecine, "tc", "telecine", "hdtc", "tcrip")
        src(.workprint, "workprint", "wp")
        src(.screener, "dvdscr", "screener", "scr", "dvdscreener", "bdscr", "webscr")
        src(.regional, "r5", "r6")
        src(.hdtv, "hdtv", "hdtvrip", "tvhd")
        src(.sdtv, "sdtv", "dsr", "dsrip", "dthrip", "dvbrip", "satrip", "dvb")
        src(.pdtv, "pdtv")
        src(.tvrip, "tvrip", "ahdtv", "hdtvmux")
        src(.webdl, "webdl", "webhd", "itunes", "ituneshd", "webdlmux", "dlmux", "webuhd")
        src(.webService, "amazonhd", "amazonsd", "amazonuhd", "netflixhd", "netflixuhd", "netflixsd", "hbomaxhd", "disneyhd", "maxdomehd")
        src(.webrip, "webrip", "webdlrip", "webrips", "nfrip")
        src(.web, "web")
        src(.webMux, "webmux")
        src(.bluray, "bluray", "blueray", "mbluray", "bdlight", "brip", "blurayrip")
        src(.bdrip, "bdrip", "brrip", "bdmux", "hdrip", "hddvdrip")
        src(.bd, "bd")
        src(.hddvd, "hddvd")
        src(.remux, "remux")
        src(.bdremux, "bdremux", "uhdremux", "bluraymux")
        src(.brdisk, "bdiso", "bd25", "bd50", "bd66", "bd100", "bdfull", "avchd", "bd9", "bd5")
        src(.iso, "iso")
        src(.uhdbd, "uhdbd", "uhdbdrip", "uhdbluray", "uhd2bd")
        src(.dvd, "dvd")
        src(.dvdrip, "dvdrip", "xvidvd", "dvdmux", "ntscdvd", "paldvd")
        src(.dvdr, "dvdr", "dvd5", "dvd9", "mdvdr", "2xdvd9", "2dvd5", "2dvd9", "2xdvd5")
        src(.ntsc, "ntsc")
        src(.pal, "pal")
        src(.rawhd, "rawhd")
        src(.mpeg2, "mpeg2")

        add(.videoCodec, 1, "x264", "h264", "avc", "x264hd")
        add(.videoCodec, 2, "x265", "h265", "hevc")
        add(.videoCodec, 3, "av1")
        add(.videoCodec, 4, "xvid", "xvidhd")
        add(.videoCodec, 5, "divx", "dvdivx")
        add(.videoCodec, 6, "vp9")
        add(.videoCodec, 8, "vc1")
        add(.videoCodec, 9, "h266", "x266", "vvc")

        add(.audioCodec, 1, "aac", "aac2", "aac5", "aac20", "aac51", "aaclc", "heaac")
        add(.audioCodec, 2, "ac3", "dd", "dd2", "dd5", "dd51", "dd20", "ac35", "ac3d", "dd7", "dolbydigital")
        add(.audioCodec, 3, "eac3", "ddp", "ddp2", "ddp5", "ddp7", "ddp51", "ddp20", "ddplus", "eac35", "ddpa")
        add(.audioCodec, 4, "dts", "dts5", "dts2", "dts6", "dts51")
        add(.audioCodec, 5, "dtsma", "dtshdma")
        add(.audioCodec, 6, "truehd")
        add(.audioCodec, 7, "flac", "flac2", "flac5", "flacx2")
        add(.audioCodec, 8, "opus")
        add(.audioCodec, 9, "mp3")
        add(.audioCodec, 10, "lpcm", "pcm", "lpcm2")
        add(.audioCodec, 11, "dtsx")
        add(.audioCodec, 12, "dtshd", "dtshr")
        add(.audioCodec, 13, "dtses")
        add(.audioCodec, 20, "mp2")

        add(.hdr, 1, "hdr10")
        add(.hdr, 2, "hdr10plus", "hdr10p")
        add(.hdr, 3, "dv", "dovi", "dolbyvision")
        add(.hdr, 4, "hlg")
        add(.hdr, 5, "hdr", "uhdr")

        add(.service, 1, "amzn")
        add(.service, 2, "nf", "netflix")
        add(.service, 3, "dsnp", "dsnyp")
        add(.service, 4, "hmax")
        add(.service, 5, "atvp")
        add(.service, 6, "hulu")
        add(.service, 7, "pcok")
        add(.service, 8, "pmtp")
        add(.service, 9, "it")
        add(.service, 10, "ip")
        add(.service, 11, "crav")
        add(.service, 12, "stan")
        add(.service, 13, "cr")
        add(.service, 14, "funi")
        add(.service, 15, "vudu")
        add(.service, 16, "roku")
        add(.service, 18, "dsny")
        add(.service, 19, "ae")
        add(.service, 20, "atv")
        add(.service, 21, "bkpl")
        add(.service, 22, "sho", "showtime", "skysho")

        add(.language, 1, "english", "eng", "ing")
        add(.language, 2, "french", "truefrench", "vff", "vfq", "vf", "vf2", "vfi", "fre", "fra", "francais")
        add(.language, 3, "german", "ger", "deutsch", "deu")
        add(.language, 4, "italian", "ita", "italiano")
        add(.language, 5, "spanish", "esp", "spa", "castellano", "espanol")
        add(.language, 6, "portuguese", "por", "dublado", "ptbr")
        add(.language, 7, "russian", "rus")
        add(.language, 8, "japanese", "jpn", "jap")
        add(.language, 9, "korean", "kor")
        add(.language, 10, "chinese", "chs", "cht", "mandarin", "cantonese")
        add(.language, 11, "dutch", "nld", "nlsubs")
        add(.language, 12, "polish", "pol", "plsub")
        add(.language, 13, "swedish", "swe", "swesub")
        add(.language, 14, "danish", "dan")
        add(.language, 15, "norwegian", "nor")
        add(.language, 16, "finnish", "fin")
        add(.language, 17, "hindi", "hin")
        add(.language, 18, "turkish", "tur")
        add(.language, 19, "arabic", "ara")
        add(.language, 20, "hebrew", "heb")
        add(.language, 21, "czech", "cze", "ces")
        add(.language, 22, "hungarian", "hun")
        add(.language, 23, "greek", "gre")
        add(.language, 24, "ukrainian", "ukr")
        add(.language, 25, "multi", "multilang")
        add(.language, 26, "nordic")
        add(.language, 27, "vietnamese", "vie")
        add(.language, 28, "thai")
        add(.language, 29, "tamil")
        add(.language, 30, "telugu")
        add(.language, 31, "catalan", "cat")
        add(.language, 32, "romanian", "rum", "ron")
        add(.language, 33, "bulgarian", "bul")
        add(.language, 34, "malayalam")
        add(.language, 35, "flemish")
        add(.language, 36, "latino")

        add(.edition, 1, "extended")
        add(.edition, 2, "uncut")
        add(.edition, 3, "unrated")
        add(.edition, 4, "remastered", "remaster")
        add(.edition, 5, "restored")
        add(.edition, 6, "theatrical")
        add(.edition, 7, "imax")
        add(.edition, 8, "directors", "director")
        add(.edition, 9, "cut")
        add(.edition, 10, "edition")
        add(.edition, 11, "special")
        add(.edition, 12, "final")
        add(.edition, 13, "despecialized")
        add(.edition, 14, "fanedit")
        add(.edition, 15, "fan")
        add(.edition, 16, "edit")
        add(.edition, 17, "2in1")
        add(.edition, 18, "criterion")
        add(.edition, 19, "collectors", "collector")
        add(.edition, 20, "ultimate")
        add(.edition, 21, "anniversary")
        add(.edition, 22, "diamond", "platinum", "signature", "imperial", "definitive", "deluxe")
        add(.edition, 23, "open")
        add(.edition, 24, "matte")
        add(.edition, 25, "recut")
        add(.edition, 26, "assembly")
        add(.edition, 27, "version")
        add(.edition, 28, "redux")
        add(.edition, 29, "alternate", "alternative")

        flag(.proper, "proper")
        flag(.repack, "repack")
        flag(.rerip, "rerip")
        flag(.real, "real")
        flag(.internal, "internal")
        flag(.limited, "limited")
        flag(.complete, "complete", "completa", "integrale")
        flag(.dubbed, "dubbed", "dub")
        flag(.subbed, "subbed", "softsub", "softsubs", "multisubs", "subtitled", "multisub")
        flag(.dual, "dual")
        flag(.dl, "dl")
        flag(.widescreen, "ws")
        flag(.hardsub, "hardsub", "hardsubs", "hc", "korsub", "korsubs", "hcsub")
        flag(.extras, "extras", "extra", "bonus")
        flag(.subpack, "subpack")
        flag(.sample, "sample")
        flag(.threeD, "3d", "hsbs", "hou", "sbs")
        flag(.batch, "batch")
        flag(.uncensored, "uncensored", "censored")
        flag(.readnfo, "readnfo", "nfofix", "dirfix", "nfo")
        flag(.upscale, "upscale", "upscaled", "regraded")
        flag(.hybrid, "hybrid")
        flag(.untouched, "untouched")
        flag(.season, "season", "saison", "stagione", "temporada", "seizoen", "staffel", "sezon", "seasons")
        flag(.episode, "episode", "episodes", "episodio", "ep", "eps", "cap", "afl", "blm", "bolum")
        flag(.part, "part", "pt", "vol", "volume")
        flag(.ova, "ova", "ovd", "oad", "ona")
        flag(.vostfr, "vostfr", "subfrench", "vost", "vosta")
        flag(.subs, "subs", "sub")
        flag(.hd, "hd")
        flag(.sd, "sd", "nsd")
        flag(.uhd, "uhd", "muhd")
        flag(.fhd, "fhd")
        flag(.bit10, "10bit", "10bits")
        flag(.bit8, "8bit", "8bits")
        flag(.hi10p, "hi10p", "hi10")
        flag(.rip, "rip")
        flag(.mux, "mux")
        flag(.tv, "tv")
        flag(.ray, "ray")
        flag(.blu, "blu")
        flag(.light, "light")
        flag(.atmos, "atmos")
        flag(.ma, "ma")
        flag(.es, "es")
        flag(.x, "x")
        flag(.hr, "hr")
        flag(.discography, "discography", "discografia", "discografie", "anthology")
        flag(.album, "album")
        flag(.single, "single")
        flag(.lossless, "lossless")
        flag(.vbr, "vbr")
        flag(.cbr, "cbr")
        flag(.kbps, "kbps", "kbs", "kbits")
        flag(.v0, "v0")
        flag(.cd, "cd", "2cd", "3cd", "4cd", "cdrip", "cds", "cdm", "cdr", "cdda")
        flag(.vinyl, "vinyl", "vinylrip", "lp")
        flag(.bit24, "24bit", "24bits", "tr24")
        flag(.bit16, "16bit")
        flag(.raw, "raw", "raws")
        flag(.ebook, "ebook", "ebooks")
        flag(.audiobook, "audiobook", "audiobooks", "audiolibro", "hoerbuch")
        flag(.unabridged, "unabridged")
        flag(.abridged, "abridged")
        flag(.retail, "retail")
        flag(.comic, "comic", "comics", "digital")
        flag(.tracks, "tracks")
        flag(.cue, "cue")
        flag(.aka, "aka")
        flag(.avc, "dxva")
        flag(.ch, "6ch", "2ch", "8ch", "5ch", "ch")

        add(.music, 1, "alac")
        add(.music, 2, "m4a")
        add(.music, 3, "ogg")
        add(.music, 4, "vorbis")
        add(.music, 5, "wavpack", "wv")
        add(.music, 6, "ape")
        add(.music, 7, "wma")
        add(.music, 8, "wav")
        add(.music, 9, "webflac")
        add(.music, 10, "flac24")
        add(.music, 11, "aiff")

        add(.book, 1, "epub")
        add(.book, 2, "mobi")
        add(.book, 3, "azw3")
        add(.book, 4, "pdf")
        add(.book, 5, "cbz")
        add(.book, 6, "cbr")
        add(.book, 7, "m4b")
        add(.book, 8, "azw")
        add(.book, 9, "djvu")
        add(.book, 10, "cb7")

        add(.site, 1, "rarbg", "eztv", "ettv", "rartv", "publichd", "tjet", "eztvx", "rarbgx", "www",
            "torrenting", "glodls", "torrentgalaxy", "tgx", "1337x", "shaanig", "rbg", "scnzbefnet")
        return e
    }()

    /// An open-addressing hash table over the keys, built once and never freed: a lookup is a
    /// multiply, a shift and usually one probe, with no reference counting on the way.
    struct Table {
        static let mask = 2047
        /// The slot `slot(key:_:_:_:in:)` gives for a word that is not in the table: its word is
        /// nil and it sets no `seen` bits, so the tokenizer reads both without asking.
        static let missing = mask + 1
        let keys: UnsafeMutablePointer<UInt64>
        let words: UnsafeMutablePointer<Word?>
        /// What the word tells the tokenizer, as `ReleaseScan.Seen` bits (see `seenBits`).
        let seen: UnsafeMutablePointer<UInt8>
        /// For keys of long (hashed) words: offset and length of the spelling in `pool`.
        let spelling: UnsafeMutablePointer<(Int32, Int32)>
        let pool: UnsafeMutablePointer<UInt8>
    }

    nonisolated(unsafe) static let table: Table = {
        let keys = UnsafeMutablePointer<UInt64>.allocate(capacity: Table.mask + 1)
        keys.initialize(repeating: 0, count: Table.mask + 1)
        let words = UnsafeMutablePointer<Word?>.allocate(capacity: Table.missing + 1)
        words.initialize(repeating: nil, count: Table.missing + 1)
        let seen = UnsafeMutablePointer<UInt8>.allocate(capacity: Table.missing + 1)
        seen.initialize(repeating: 0, count: Table.missing + 1)
        let spelling = UnsafeMutablePointer<(Int32, Int32)>.allocate(capacity: Table.mask + 1)
        spelling.initialize(repeating: (0, 0), count: Table.mask + 1)
        let total = entries.reduce(0) { $0 + $1.0.utf8.count }
        let pool = UnsafeMutablePointer<UInt8>.allocate(capacity: total)
        var used = 0
        for (word, kind, value) in entries {
            let bytes = Array(word.utf8)
            let k = bytes.withUnsafeBufferPointer { key($0, 0, $0.count) }
            var slot = slotOf(k)
            while keys[slot] != 0 && keys[slot] != k { slot = (slot + 1) & Table.mask }
            if keys[slot] == k { continue }   // the first spelling of a key wins
            keys[slot] = k
            words[slot] = Word(kind: kind, value: value)
            seen[slot] = seenBits(kind, value)
            for (i, b) in bytes.enumerated() { pool[used + i] = b }
            spelling[slot] = (Int32(used), Int32(bytes.count))
            used += bytes.count
        }
        return Table(keys: keys, words: words, seen: seen, spelling: spelling, pool: pool)
    }()

    /// The passes a word calls for, as `ReleaseScan.Seen` bits: an edition word, a season or
    /// episode word, or one that speaks for music, books or audiobooks.
    private static func seenBits(_ kind: Word.Kind, _ value: UInt8) -> UInt8 {
        typealias Bits = ReleaseScan.Seen.Bits
        switch kind {
        case .edition: return Bits.edition
        case .flag:
            var bits: UInt8 = 0
            if value == Flag.episode.rawValue || value == Flag.season.rawValue { bits |= Bits.numbering }
            if Flag(rawValue: value)?.speaksForMedia == true { bits |= Bits.media }
            return bits
        case .music, .book: return Bits.media
        case .audioCodec: return value == 7 || value == 9 ? Bits.media : 0   // FLAC, MP3
        default: return 0
        }
    }

    @inline(__always)
    private static func slotOf(_ k: UInt64) -> Int { Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) >> 53) & Table.mask }

    /// The key of `bytes[start..<end]`, lowercased (ASCII only).
    @inline(__always)
    static func key(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
        let count = end - start
        if count <= 8 {
            var k: UInt64 = 0
            var shift: UInt64 = 0
            for i in start..<end {
                k |= UInt64(lower(bytes[i])) << shift
                shift += 8
            }
            return k
        }
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in start..<end {
            h = (h ^ UInt64(lower(bytes[i]))) &* 0x100_0000_01b3
        }
        return h | (1 << 63)
    }

    @inline(__always)
    static func lower(_ b: UInt8) -> UInt8 { b &- 65 < 26 ? b | 0x20 : b }

    /// The vocabulary word spelled by `bytes[start..<end]`, or nil.
    static func lookup(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Word? {
        lookup(key: key(bytes, start, end), bytes, start, end)
    }

    /// Lookup with the key already computed (the tokenizer computes it while scanning).
    @inline(__always)
    static func lookup(key k: UInt64, _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, in t: Table = table) -> Word? {
        t.words[slot(key: k, bytes, start, end, in: t)]
    }

    /// The slot of the word spelled by `bytes[start..<end]`, whose key is `k`, or `Table.missing`.
    @inline(__always)
    static func slot(key k: UInt64, _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, in t: Table = table) -> Int {
        let count = end - start
        guard count > 0, count <= 24 else { return Table.missing }
        var slot = slotOf(k)
        while true {
            let s = t.keys[slot]
            if s == 0 { return Table.missing }
            if s == k { break }
            slot = (slot + 1) & Table.mask
        }
        if count > 8 {
            let (offset, length) = t.spelling[slot]
            guard Int(length) == count else { return Table.missing }
            for i in 0..<count where lower(bytes[start + i]) != t.pool[Int(offset) + i] { return Table.missing }
        }
        return slot
    }
}
