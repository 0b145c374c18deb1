extension ReleaseScan {
    /// Marks quality, codec, audio, HDR, language, service and flag words, recording what they
    /// say in `quality` and `info`.
    ///
    /// Words that also occur in titles ("German", "Complete", "Web", "DV") are only taken when
    /// the words around them are quality words too; see `isWeakContext`.
    func scanMeta() {
        // Only the tokens `classify` can take: plain title words are passed over.
        var i = next(in: seen.metaCandidates, from: 0) { _ in true }
        while i < tokens.count {
            let used = tokens[i].role != .free ? 1 : classify(i)
            i = next(in: seen.metaCandidates, from: i + used) { _ in true }
        }
    }

    private func mark(_ i: Int, strong: Bool = true, role: ReleaseToken.Role = .meta) {
        guard i < tokens.count else { return }
        tokens[i].role = role
        tokens[i].strong = strong
    }

    /// True when token `j` is a word the meta pass would certainly take (used as context).
    func looksMeta(_ j: Int) -> Bool {
        guard let t = token(j) else { return false }
        if t.role == .meta && t.strong { return true }
        if t.role == .episode || t.role == .year || t.role == .date { return true }
        if let w = t.word {
            switch w.kind {
            case .source, .videoCodec, .audioCodec, .hdr, .service, .music, .book: return true
            case .language: return true
            case .flag:
                switch Flag(rawValue: w.value) {
                case .proper, .repack, .rerip, .internal, .limited, .dl, .dual, .multi, .dubbed, .subbed, .bit10, .hi10p,
                     .hd, .sd, .uhd, .fhd, .widescreen, .complete, .readnfo, .hybrid, .upscale, .ch, .threeD, .atmos: return true
                default: return false
                }
            default: return false
            }
        }
        if resolution(of: j) != nil { return true }
        if t.isNumber, t.number >= 1900, t.number <= 2100, t.length == 4 { return true }
        return false
    }

    /// A weak word counts as meta when it is not the first title word and a neighbour is meta
    /// (or it ends the name).
    private func isWeakContext(_ i: Int) -> Bool {
        if i <= titleStart { return false }
        if i > titleStart, let p = token(i - 1), (p.role == .meta || p.role == .language || p.role == .episode || p.role == .year || p.role == .date) { return true }
        var j = i + 1
        while j < tokens.count, let w = tokens[j].word, w.kind == .language || w.kind == .flag || w.kind == .edition || w.kind == .service, !looksStrong(j) { j += 1 }
        if j >= tokens.count { return true }
        if tokens[j].depth > tokens[i].depth && tokens[i].depth == 0 { return true }
        return looksMeta(j) || isEpisodeLike(j)
    }

    private func looksStrong(_ j: Int) -> Bool {
        guard let w = word(j) else { return resolution(of: j) != nil }
        switch w.kind {
        case .source, .videoCodec, .audioCodec, .hdr, .music, .book: return true
        default: return false
        }
    }

    /// Quick test for numbering tokens (S01E02, 1x02, S01) so words before them are judged in context.
    func isEpisodeLike(_ j: Int) -> Bool {
        guard let t = token(j), t.ascii else { return false }
        let b0 = lowerByte(t.start)
        if b0 == UInt8(ascii: "s"), t.length >= 2, byte(t.start + 1) &- 48 < 10 { return true }
        if t.hasDigit && t.hasAlpha, let x = firstIndex(of: UInt8(ascii: "x"), in: t), x > t.start, x < t.end - 1,
           digits(t.start, x) >= 0, byte(x + 1) &- 48 < 10 { return true }
        return false
    }

    func firstIndex(of c: UInt8, in t: ReleaseToken) -> Int? {
        var p = t.start
        while p < t.end { if lowerByte(p) == c { return p }; p += 1 }
        return nil
    }

    // MARK: Resolution

    /// The resolution token `i` spells (cached by the tokenizer).
    @inline(__always)
    func resolution(of i: Int) -> (height: Int, interlaced: Bool, fromSize: Bool, prefix: SourceWord?)? {
        guard i >= 0, i < tokens.count, tokens[i].res != 0 else { return nil }
        let t = tokens[i]
        return (Int(t.res), t.resFlags & 1 != 0, t.resFlags & 2 != 0, t.resPrefix == 0 ? nil : SourceWord(rawValue: t.resPrefix))
    }

    /// "720p", "1080i", "2160P", "4K", "1280x720", "Bluray1080p", "1080p60", "4Kto1080p".
    /// Returns the height class, whether interlaced, and a source spelled in front of it.
    func computeResolution(of i: Int) -> (height: Int, interlaced: Bool, fromSize: Bool, prefix: SourceWord?)? {
        guard let t = token(i), t.ascii, t.hasDigit else { return nil }
        // width x height
        if let x = firstIndex(of: UInt8(ascii: "x"), in: t), x - t.start >= 3, t.end - x - 1 >= 3 {
            let w = digits(t.start, x), h = digits(x + 1, t.end)
            if w >= 320, h >= 240, w <= 7680, h <= 4320 { return (Self.heightClass(width: w, height: h), false, true, nil) }
            return nil
        }
        // [letters] digits (p|i|k) [digits]
        var p = t.end
        while p > t.start, byte(p - 1) &- 48 < 10 { p -= 1 }   // trailing fps digits ("1080p60")
        if p < t.end, p == t.start { return nil }               // all digits
        let suffixEnd = p
        guard suffixEnd > t.start else { return nil }
        let mark = lowerByte(suffixEnd - 1)
        guard mark == UInt8(ascii: "p") || mark == UInt8(ascii: "i") || mark == UInt8(ascii: "k") else { return nil }
        var d = suffixEnd - 1
        while d > t.start, byte(d - 1) &- 48 < 10 { d -= 1 }
        let value = digits(d, suffixEnd - 1)
        guard value >= 0 else { return nil }
        if suffixEnd < t.end && mark != UInt8(ascii: "p") { return nil }
        var prefix: SourceWord?
        if d > t.start {
            // "Bluray1080p", "BD720p", "HD720p"; anything else ("S01E01p") is not a resolution.
            let pre = Vocabulary.lookup(bytes, t.start, d)
            if let pre, pre.kind == .source { prefix = SourceWord(rawValue: pre.value) }
            else if let pre, pre.kind == .flag, pre.value == Flag.hd.rawValue || pre.value == Flag.fhd.rawValue || pre.value == Flag.uhd.rawValue || pre.value == Flag.sd.rawValue {}
            else if d - t.start >= 2, tokenHasPrefix(i, "4kto") {}
            else { return nil }
        }
        if mark == UInt8(ascii: "k") {
            guard value == 4 || value == 8, suffixEnd == t.end else { return nil }
            return (2160, false, false, prefix)
        }
        guard d < suffixEnd - 1, suffixEnd - 1 - d >= 3 else { return nil }
        guard let h = Self.heightClass(value) else { return nil }
        return (h, mark == UInt8(ascii: "i"), false, prefix)
    }

    static func heightClass(_ v: Int) -> Int? {
        switch v {
        case 240...540: return 480
        case 541...576: return 576
        case 577...960: return 720
        case 961...1440: return 1080
        case 1441...2160, 4320: return 2160
        default: return nil
        }
    }

    static func heightClass(width: Int, height: Int) -> Int {
        if width >= 3000 || height >= 1600 { return 2160 }
        if width >= 1700 || height >= 1000 { return 1080 }
        if width >= 1100 || height >= 700 { return 720 }
        return 480
    }

    // MARK: Classification

    /// Classifies token `i`; returns how many tokens it consumed (at least 1).
    private func classify(_ i: Int) -> Int {
        let t = tokens[i]
        if let r = resolution(of: i) {
            if quality.resolution == 0 || !r.fromSize || quality.resolutionFromSize {
                if quality.resolution == 0 || !(quality.resolution == 1080 && r.height == 2160 && tokenHasPrefix(i, "4kto")) {
                    quality.resolution = tokenHasPrefix(i, "4kto") ? 1080 : r.height
                    quality.resolutionFromSize = r.fromSize
                }
            }
            if r.interlaced { quality.interlaced = true }
            if let s = r.prefix { quality.add(s) }
            mark(i)
            return 1
        }
        guard let w = t.word else { return classifyPattern(i) }
        switch w.kind {
        case .source: return classifySource(i, SourceWord(rawValue: w.value)!)
        case .videoCodec:
            setVideoCodec(w.value)
            if lowerByte(t.start) == UInt8(ascii: "x") || w.value == 4 || w.value == 5 { quality.encoder = true }
            else if tokenIs(i, "avc") || tokenIs(i, "hevc") || tokenIs(i, "vc1") { quality.discFormat = true }
            mark(i)
            return 1
        case .audioCodec: return classifyAudio(i, w.value)
        case .hdr:
            if w.value == 3 || w.value == 5, !isWeakContext(i) { return 1 }   // "DV", "HDR" can be words
            if w.value == 1, byte(t.end) == UInt8(ascii: "+") || tokenIs(i + 1, "plus") {
                info.hdr = "HDR10+"
                mark(i)
                if tokenIs(i + 1, "plus") { mark(i + 1); return 2 }
                return 1
            }
            if info.hdr == nil || (info.hdr == "HDR" && w.value != 5) { info.hdr = w.value == 5 ? "HDR" : Vocabulary.hdrNames[Int(w.value)] }
            if w.value == 3 { info.hdr = "DV" }
            mark(i)
            return 1
        case .service:
            let unambiguous = t.length >= 4 && w.value != 12 && w.value != 16 && w.value != 22
            let nextWeb = isKind(i + 1, .source) || tokenIs(i + 1, "web") || resolution(of: i + 1) != nil
            let prevRes = i > 0 && resolution(of: i - 1) != nil
            guard (unambiguous && isWeakContext(i)) || nextWeb || (prevRes && (isKind(i + 1, .source) || isKind(i + 1, .videoCodec))) else { return 1 }
            if w.value == 9, !(byte(t.start) == UInt8(ascii: "i") && byte(t.start + 1) == UInt8(ascii: "T")) { return 1 }
            if w.value == 10, !(byte(t.start) == UInt8(ascii: "i") && byte(t.start + 1) == UInt8(ascii: "P")) { return 1 }
            if info.streamingService == nil { info.streamingService = Vocabulary.services[Int(w.value)] }
            mark(i)
            return 1
        case .language:
            // Short codes ("ITA", "ENG") only in capitals or after the numbering or quality words.
            if t.length <= 3, !isUpper(i), !(i > 0 && (tokens[i - 1].role == .meta || tokens[i - 1].role == .language || isEpisodeLike(i - 1))) { return 1 }
            guard isWeakContext(i) else { return 1 }
            // "The German (2019)", "The Good German 2006": a title, not a language.
            if i > titleStart, token(i + 1).map({ $0.isNumber && $0.length == 4 }) ?? false, tokens[i - 1].role == .free,
               tokenIs(titleStart, "the"), i - titleStart <= 2 { return 1 }
            let name = Vocabulary.languages[Int(w.value)]
            if info.languages.isEmpty { info.languages = [name] } else if !info.languages.contains(name) { info.languages.append(name) }
            mark(i, strong: false, role: .language)
            return 1
        case .flag: return classifyFlag(i, Flag(rawValue: w.value)!)
        case .music:
            mark(i, strong: w.value != 6 && w.value != 7 && w.value != 8)
            if w.value == 6 || w.value == 5 || w.value == 8 { tokens[i].strong = isUpper(i) || tokens[i].depth > 0 }
            return 1
        case .book:
            mark(i)
            return 1
        case .site:
            if tokens[i].depth > 0 { mark(i, strong: false, role: .site) }
            return 1
        case .edition, .resolution, .container, .other:
            return 1
        }
    }

    private func setVideoCodec(_ v: UInt8) {
        quality.anyCodec = true
        if v == 4 || v == 5 { quality.xvidLike = true }
        if info.videoCodec == nil || v == 2 { info.videoCodec = Vocabulary.videoCodecs[Int(v)] }
    }

    private func classifySource(_ i: Int, _ s: SourceWord) -> Int {
        let t = tokens[i]
        switch s {
        case .web:
            // "WEB-DL", "WEB.DL", "WEB DL", "WEB-Rip", "WEB-DLMux"
            if tokenIs(i + 1, "dl") || tokenIs(i + 1, "dlmux") || tokenIs(i + 1, "hd") || tokenIs(i + 1, "dlrip") {
                quality.add(tokenIs(i + 1, "dlrip") ? .webrip : .webdl)
                mark(i); mark(i + 1)
                return 2
            }
            if tokenIs(i + 1, "rip") || tokenIs(i + 1, "mux") {
                quality.add(.webrip)
                mark(i); mark(i + 1)
                return 2
            }
            let prevWord = i > titleStart ? token(i - 1) : nil
            let article = prevWord.map { _ in tokenIs(i - 1, "the") || tokenIs(i - 1, "a") } ?? false
            let bracketAlone = t.depth > 0 && gapContainsAny(i, "[(") && (i + 1 >= tokens.count || gapContainsAny(i + 1, "])"))
            let context = (i > titleStart && (tokens[i - 1].role == .meta || tokens[i - 1].role == .episode)) || looksMeta(i + 1)
                || i + 1 >= tokens.count || (token(i + 1)?.isNumber == true && tokens[i + 1].number >= 1900)
            guard !article, bracketAlone || context else { return 1 }
            quality.add(.web)
            mark(i)
            return 1
        case .bd:
            if let n = token(i + 1), n.number == 25 || n.number == 50 || n.number == 66 || n.number == 100, gapIs(i + 1, UInt8(ascii: "-")) {
                quality.add(.brdisk); quality.discSize = true; mark(i); mark(i + 1); return 2
            }
            if tokenIs(i + 1, "rip") { quality.add(.bdrip); mark(i); mark(i + 1); return 2 }
            if tokenIs(i + 1, "remux") { quality.add(.bluray); quality.remux = true; mark(i); mark(i + 1); return 2 }
            guard i > titleStart || tokens[i].depth > 0 else { return 1 }
            quality.add(.bd)
            mark(i)
            return 1
        case .dvd:
            if tokenIs(i + 1, "rip") { quality.add(.dvdrip); mark(i); mark(i + 1); return 2 }
            if tokenIs(i + 1, "r") && gapIs(i + 1, UInt8(ascii: "-")) { quality.add(.dvdr); mark(i); mark(i + 1); return 2 }
            if tokenIs(i + 1, "mux") { quality.add(.dvdrip); mark(i); mark(i + 1); return 2 }
            quality.add(.dvd)
            mark(i)
            return 1
        case .cam, .telesync, .telecine, .workprint, .screener, .regional:
            // Short ones ("TS", "TC", "CAM", "WP", "SCR") are common words or extensions in lowercase.
            if t.length <= 3 && !isUpper(i) { return 1 }
            if t.length <= 3 && !isWeakContext(i) { return 1 }
            quality.add(s)
            mark(i)
            return 1
        case .ntsc, .pal:
            guard isWeakContext(i) else { return 1 }
            quality.add(s)
            mark(i, strong: false)
            return 1
        case .mpeg2:
            quality.mpeg2 = true
            quality.discFormat = true
            info.videoCodec = info.videoCodec ?? "MPEG-2"
            quality.anyCodec = true
            mark(i)
            return 1
        case .iso:
            guard isWeakContext(i) || i + 1 >= tokens.count else { return 1 }
            quality.iso = true
            mark(i)
            return 1
        case .remux:
            // A flag, not a source: "WEB-DL ... Remux" is still a web download.
            quality.remux = true
            mark(i)
            return 1
        case .bdremux:
            quality.remux = true
            quality.add(.bluray)
            mark(i)
            return 1
        case .webMux:
            quality.webMux = true
            quality.add(.webrip)
            mark(i)
            return 1
        case .webService:
            quality.webService = true
            quality.add(.webdl)
            mark(i)
            return 1
        case .brdisk:
            quality.discSize = true
            quality.add(.brdisk)
            mark(i)
            return 1
        case .uhdbd:
            quality.add(.uhdbd)
            quality.uhd = true
            mark(i)
            return 1
        default:
            if s == .hdtv, t.depth > 0, gapContains(i, UInt8(ascii: "[")), i + 1 >= tokens.count || gapContains(i + 1, UInt8(ascii: "]")) {
                quality.bracketedHDTV = true
            }
            quality.add(s)
            mark(i)
            return 1
        }
    }

    func gapContainsAny(_ i: Int, _ chars: StaticString) -> Bool {
        chars.withUTF8Buffer { cs in cs.contains { gapContains(i, $0) } }
    }

    private func classifyAudio(_ i: Int, _ v: UInt8) -> Int {
        let t = tokens[i]
        var codec = v
        var consumed = 1
        // "DTS-HD MA", "DTS-HD.MA", "DTS-X", "DTS-ES", "DTS-MA", "DTS HD"
        if v == 4 {
            if tokenIs(i + 1, "hd") || tokenIs(i + 1, "hr") {
                codec = 12; consumed = 2
                if tokenIs(i + 2, "ma") || tokenIHasPrefixMA(i + 2) { codec = 5; consumed = 3 }
            } else if tokenIs(i + 1, "ma") || tokenIHasPrefixMA(i + 1) { codec = 5; consumed = 2 }
            else if tokenIs(i + 1, "x") { codec = 11; consumed = 2 }
            else if tokenIs(i + 1, "es") { codec = 13; consumed = 2 }
        }
        if v == 12, tokenIs(i + 1, "ma") || tokenIHasPrefixMA(i + 1) { codec = 5; consumed = 2 }
        // "DD+" and "DDP" are E-AC3.
        if v == 2, byte(t.end) == UInt8(ascii: "+") { codec = 3 }
        if v == 6, tokenIs(i + 1, "atmos") { consumed = 2 }
        let name = Vocabulary.audioCodecs[Int(codec)]
        if info.audioCodec == nil || codec == 5 || codec == 6 { info.audioCodec = name }
        for k in 0..<consumed { mark(i + k) }
        // Channels: "DD5.1", "AAC2.0", "DD5 1", "DDP51", "AC3.5.1", "TrueHD 7.1", "MA5.1"
        let last = i + consumed - 1
        if let digit = trailingChannelDigit(last), let next = token(last + 1), next.number == 0 || next.number == 1, next.length == 1,
           gapIs(last + 1, UInt8(ascii: ".")) || gapIs(last + 1, UInt8(ascii: " ")) || gapIs(last + 1, UInt8(ascii: "_")) {
            info.audioChannels = info.audioChannels ?? Self.channels(digit, next.number)
            mark(last + 1)
            consumed += 1
        } else if let packed = packedChannels(last) {
            info.audioChannels = info.audioChannels ?? packed
        }
        return consumed
    }

    private func tokenIHasPrefixMA(_ j: Int) -> Bool {
        guard let t = token(j), t.length == 3 else { return false }
        return tokenHasPrefix(j, "ma") && byte(t.start + 2) &- 48 < 10
    }

    /// "DD5", "AAC2", "DDP5", "MA5" → 5, 2, ...
    private func trailingChannelDigit(_ j: Int) -> Int? {
        guard let t = token(j), t.hasAlpha, t.length >= 2 else { return nil }
        let last = byte(t.end - 1)
        guard last &- 48 < 10, byte(t.end - 2) &- 48 >= 10 else { return nil }
        if tokenIs(j, "ac3") || tokenIs(j, "eac3") || tokenIs(j, "mp3") || tokenIs(j, "mp2") { return nil }
        let d = Int(last - 48)
        return d == 1 || d == 2 || d == 5 || d == 6 || d == 7 ? d : nil
    }

    /// "DD51", "DDP51", "AAC20" → "5.1", "2.0".
    private func packedChannels(_ j: Int) -> String? {
        guard let t = token(j), t.length >= 4 else { return nil }
        let a = byte(t.end - 2), b = byte(t.end - 1)
        guard a &- 48 < 10, b &- 48 < 10, byte(t.end - 3) &- 48 >= 10 else { return nil }
        let d = Int(a - 48), e = Int(b - 48)
        guard Self.isChannelCount(d), e <= 1 else { return nil }
        return Self.channels(d, e)
    }

    static func isChannelCount(_ n: Int) -> Bool { n == 1 || n == 2 || n == 5 || n == 6 || n == 7 }

    /// "5.1", "2.0": literals for the layouts names use, so most names build no string here.
    static func channels(_ main: Int, _ lfe: Int) -> String {
        switch (main, lfe) {
        case (1, 0): return "1.0"
        case (2, 0): return "2.0"
        case (2, 1): return "2.1"
        case (5, 0): return "5.0"
        case (5, 1): return "5.1"
        case (6, 1): return "6.1"
        case (7, 1): return "7.1"
        default: return "\(main).\(lfe)"
        }
    }

    private func classifyFlag(_ i: Int, _ f: Flag) -> Int {
        let t = tokens[i]
        switch f {
        case .proper:
            info.proper = true
            mark(i)
        case .repack, .rerip:
            info.repack = true
            mark(i)
        case .real:
            guard isUpper(i), isFlag(i + 1, .proper) || isFlag(i + 1, .repack) || isFlag(i - 1, .proper) else { return 1 }
            mark(i)
        case .internal, .readnfo:
            guard i > titleStart else { return 1 }
            mark(i)
        case .complete where tokenIs(i + 1, "series") && i > titleStart:
            quality.complete = true
            mark(i); mark(i + 1)
            return 2
        case .limited, .dubbed, .subbed, .dual, .multi, .dl, .widescreen, .complete, .extras, .subpack, .threeD,
             .uncensored, .upscale, .hybrid, .untouched, .batch, .hardsub, .vostfr, .subs, .sample, .atmos:
            guard isWeakContext(i) || (f == .vostfr) || (f == .hardsub && isUpper(i) && i > titleStart) else { return 1 }
            switch f {
            case .multi:
                if !info.languages.contains("Multi") { info.languages.append("Multi") }
            case .complete: quality.complete = true
            case .untouched: quality.untouched = true
            case .threeD: quality.threeD = true
            case .atmos: if info.audioCodec == nil || info.audioCodec == "TrueHD" || info.audioCodec == "EAC3" { info.audioCodec = info.audioCodec ?? "Atmos" }
            default: break
            }
            mark(i, strong: f == .vostfr || f == .atmos || f == .dl && isUpper(i))
        case .hd:
            if tokenIs(i + 1, "tv") { quality.add(.hdtv); quality.hdtvSplit = true; mark(i); mark(i + 1); return 2 }
            if tokenIs(i + 1, "dvd") { quality.add(.hddvd); mark(i); mark(i + 1); return 2 }
            if tokenIs(i + 1, "rip") { quality.add(.bdrip); mark(i); mark(i + 1); return 2 }
            guard i > titleStart, isWeakContext(i) else { return 1 }
            mark(i, strong: false)
        case .sd:
            if tokenIs(i + 1, "tv") { quality.add(.sdtv); quality.sd = true; mark(i); mark(i + 1); return 2 }
            if tokenIs(i + 1, "dvd") { quality.add(.dvd); mark(i); mark(i + 1); return 2 }
            guard i > titleStart, isWeakContext(i) else { return 1 }
            quality.sd = true
            mark(i, strong: false)
        case .uhd:
            guard i > titleStart, isWeakContext(i) else { return 1 }
            quality.uhd = true
            mark(i, strong: false)
        case .fhd:
            guard i > titleStart else { return 1 }
            quality.fhd = true
            mark(i)
        case .hr:
            guard isUpper(i), isWeakContext(i) else { return 1 }
            quality.hr = true
            mark(i, strong: false)
        case .bit10, .bit8, .hi10p, .bit24, .bit16:
            mark(i)
        case .blu:
            if tokenIs(i + 1, "ray") {
                quality.add(.bluray)
                mark(i); mark(i + 1)
                return 2
            }
        case .tv:
            if tokenIs(i + 1, "rip") { quality.add(.tvrip); mark(i); mark(i + 1); return 2 }
        case .raw:
            if tokenIs(i + 1, "hd") { quality.rawhd = true; quality.add(.rawhd); mark(i); mark(i + 1); return 2 }
        case .ch:
            if tokenIs(i, "6ch") { info.audioChannels = info.audioChannels ?? "5.1" }
            if tokenIs(i, "8ch") { info.audioChannels = info.audioChannels ?? "7.1" }
            if tokenIs(i, "2ch") { info.audioChannels = info.audioChannels ?? "2.0" }
            guard t.length > 2 else { return 1 }
            mark(i)
        default:
            return 1
        }
        return 1
    }

    /// Tokens the vocabulary does not know: "H.264", "x.264", "REPACK2", "v2", "5.1", "E-AC3", "10-bit".
    /// True for a word `classifyPattern` passes over at once: one that is not ASCII, or has no
    /// digits and cannot start any of its patterns. The tokenizer asks too, so that `scanMeta`
    /// does not visit such words at all (see `Seen.metaCandidates`).
    @inline(__always)
    static func isPlainWord(ascii: Bool, hasDigit: Bool, length: Int, first: UInt8) -> Bool {
        guard ascii else { return true }
        if hasDigit { return false }
        // Plain words longer than the short forms below ("dolby", "true", "mpeg") are title words.
        if length > 5 { return true }
        // Only "H", "X", "E", "VC", "MPEG", "TRUE" and "DOLBY" start a pattern below without digits.
        let first = Vocabulary.lower(first)
        switch length {
        case 1: return first != UInt8(ascii: "h") && first != UInt8(ascii: "x") && first != UInt8(ascii: "e")
        case 2: return first != UInt8(ascii: "v")
        case 4: return first != UInt8(ascii: "m") && first != UInt8(ascii: "t")
        case 5: return first != UInt8(ascii: "d")
        default: return true
        }
    }

    private func classifyPattern(_ i: Int) -> Int {
        let t = tokens[i]
        if Self.isPlainWord(ascii: t.ascii, hasDigit: t.hasDigit, length: t.length, first: byte(t.start)) { return 1 }
        // "H.264", "H 264", "X264" split ("X-264")
        if (tokenIs(i, "h") || tokenIs(i, "x")), let n = token(i + 1), n.number == 264 || n.number == 265 || n.number == 266 {
            setVideoCodec(n.number == 264 ? 1 : n.number == 265 ? 2 : 9)
            if tokenIs(i, "x") { quality.encoder = true }
            mark(i); mark(i + 1)
            return 2
        }
        if tokenIs(i, "x"), tokenIs(i + 1, "vid") { setVideoCodec(4); mark(i); mark(i + 1); return 2 }
        if tokenIs(i, "vc"), token(i + 1)?.number == 1 { setVideoCodec(8); quality.discFormat = true; mark(i); mark(i + 1); return 2 }
        if tokenIs(i, "mpeg"), token(i + 1)?.number == 2 {
            quality.mpeg2 = true; quality.anyCodec = true; quality.discFormat = true
            info.videoCodec = info.videoCodec ?? "MPEG-2"
            mark(i); mark(i + 1)
            return 2
        }
        if tokenIs(i, "e"), tokenIs(i + 1, "ac3") { return classifyAudioAfterPrefix(i) }
        if tokenIs(i, "dolby"), tokenIs(i + 1, "vision") { info.hdr = "DV"; mark(i); mark(i + 1); return 2 }
        if tokenIs(i, "dolby"), i > titleStart { mark(i, strong: false); return 1 }
        if tokenIs(i, "true"), tokenIs(i + 1, "hd") { info.audioCodec = info.audioCodec ?? "TrueHD"; mark(i); mark(i + 1); return 2 }
        // "REPACK2", "RERIP2", "PROPER2"
        if t.length == 6 || t.length == 7, t.hasDigit, byte(t.end - 1) &- 48 < 10 {
            let repack = tokenHasPrefix(i, "repack") && t.length == 7, rerip = tokenHasPrefix(i, "rerip") && t.length == 6
            let proper = tokenHasPrefix(i, "proper") && t.length == 7
            if repack || rerip || proper {
                let n = Int(byte(t.end - 1) - 48)
                if proper { info.proper = true } else { info.repack = true }
                info.version = max(info.version ?? 0, n + 1)
                mark(i)
                return 1
            }
        }
        // "v2", "v3" (revision), but "V0"/"V2" next to MP3/VBR is an MP3 preset.
        if t.length == 2, lowerByte(t.start) == UInt8(ascii: "v"), byte(t.start + 1) &- 48 < 10 {
            let n = Int(byte(t.start + 1) - 48)
            if isKind(i - 1, .audioCodec) || isFlag(i + 1, .vbr) || isFlag(i - 1, .vbr) || n == 0 {
                mark(i)
                return 1
            }
            // A lone "v2" ends a title; it is a revision only in brackets ("[v2]", "[WEBDL-1080p v2]").
            if n >= 2, i > titleStart {
                if t.depth > 0 { info.version = n }
                mark(i)
            }
            return 1
        }
        // "10-bit", "10 bit", "24-bit"
        if t.isNumber, t.number == 10 || t.number == 8 || t.number == 24 || t.number == 16, tokenIs(i + 1, "bit") || tokenIs(i + 1, "bits") {
            mark(i); mark(i + 1)
            return 2
        }
        // Channels after audio: "DTS-HD MA 5.1", "Atmos.7.1", "5.1Ch"
        if t.isNumber, t.length == 1, Self.isChannelCount(t.number), i > titleStart,
           tokens[i - 1].role == .meta || tokens[i - 1].role == .language, let n = token(i + 1),
           (n.number == 0 || n.number == 1) && n.length == 1 || tokenIs(i + 1, "1ch") || tokenIs(i + 1, "0ch"),
           gapIs(i + 1, UInt8(ascii: ".")) || gapIs(i + 1, UInt8(ascii: " ")) || gapIs(i + 1, UInt8(ascii: "_")) {
            let second = n.isNumber ? n.number : Int(byte(n.start) - 48)
            info.audioChannels = info.audioChannels ?? Self.channels(t.number, second)
            mark(i); mark(i + 1)
            return 2
        }
        if t.isNumber, t.length == 1, t.number != 1, Self.isChannelCount(t.number), tokenIs(i + 1, "1ch") || tokenIs(i + 1, "0ch") {
            info.audioChannels = info.audioChannels ?? Self.channels(t.number, Int(byte(tokens[i + 1].start)) - 48)
            mark(i); mark(i + 1)
            return 2
        }
        // "264" alone after "X" or "DTS-X" ("DTS-X.264")
        if t.number == 264 || t.number == 265, i > titleStart, tokens[i - 1].role == .meta {
            setVideoCodec(t.number == 264 ? 1 : 2)
            mark(i)
            return 1
        }
        return 1
    }

    private func classifyAudioAfterPrefix(_ i: Int) -> Int {
        info.audioCodec = info.audioCodec ?? "EAC3"
        mark(i); mark(i + 1)
        return 2
    }
}
