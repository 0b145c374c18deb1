/// Music and books: artist/album or author/title, and the format (Lidarr-style quality for music).
extension ReleaseScan {
    func scanMedia() {
        switch info.type {
        case .music: scanMusic()
        default: scanBook()
        }
    }

    // MARK: Music

    private func scanMusic() {
        resolveMusicQuality()
        // Artist and album: "Artist - Album (Year) [FLAC]" or scene "Artist-Album-WEB-2022-GRP".
        var start = titleStart
        while start < tokens.count, tokens[start].role != .free { start += 1 }
        guard start < tokens.count else { return }
        // The first " - " (or a bare dash in scene names without spaces) splits artist and album.
        // Scene names ("Artist-Album-WEB-2021-GRP") split on bare dashes when no " - " is there.
        let spaced = (start..<tokens.count).contains { isDashGap($0) && tokens[$0].depth == 0 } || gapHasEnDashAnywhere(start)
        var split: Int?
        for j in (start + 1)..<max(start + 1, tokens.count) {
            if tokens[j].depth > 0 { continue }
            if isDashGap(j) || (!spaced && gapHasDash(j)) || gapHasEnDash(j) { split = j; break }
            if spaced && gapHasDash(j) && !tokens[j].hasAlpha { continue }
        }
        if let discography = (start..<tokens.count).first(where: { isFlag($0, .discography) }) {
            info.album = "Discography"
            let artistEnd = split.map { min($0, discography) } ?? discography
            var e = artistEnd
            while e > start, tokenIs(e - 1, "complete") || tokenIs(e - 1, "studio") || tokenIs(e - 1, "full") { e -= 1 }
            if e > start { info.artist = musicText(start, e) }
            info.title = info.album
            return
        }
        guard let s = split else {
            info.album = info.title
            return
        }
        info.artist = musicText(start, s)
        // Scene names: "Artist-2007-Album-GRP" puts the year first.
        var albumStart = s
        if !spaced, let t = token(s), isYearCandidate(s) || t.role == .year, s + 1 < tokens.count, gapHasDash(s + 1) { albumStart = s + 1 }
        var albumEnd = albumStart
        let laterBracketYear = (albumStart..<tokens.count).contains { tokens[$0].role == .year && tokens[$0].depth > 0 }
        while albumEnd < tokens.count {
            let t = tokens[albumEnd]
            if albumEnd > albumStart {
                if t.depth > 0 && tokens[albumStart].depth == 0 { break }
                if !spaced && gapHasDash(albumEnd) { break }
                if isDashGap(albumEnd) { break }
            }
            if t.role == .year && !(laterBracketYear && t.depth == 0) { break }
            if t.role == .meta || t.role == .language || (t.role == .edition && albumEnd > albumStart) { break }
            if t.role == .free, albumEnd > albumStart, isMusicTag(albumEnd) { break }
            albumEnd += 1
        }
        if albumEnd > albumStart {
            info.album = musicText(albumStart, albumEnd)
            info.title = info.album
        }
    }

    private func isMusicTag(_ j: Int) -> Bool {
        guard let w = word(j) else { return false }
        switch w.kind {
        case .music, .audioCodec: return true
        case .flag:
            switch Flag(rawValue: w.value) {
            case .cd, .lossless, .kbps, .vbr, .v0, .bit24, .bit16, .vinyl, .web, .tracks: return true
            default: return false
            }
        case .source: return w.value == SourceWord.web.rawValue
        default: return false
        }
    }

    private func gapHasDash(_ j: Int) -> Bool {
        guard let t = token(j) else { return false }
        var p = t.gap
        while p < t.start { if bytes[p] == UInt8(ascii: "-") { return true }; p += 1 }
        return false
    }

    private func gapHasEnDashAnywhere(_ from: Int) -> Bool {
        (from..<tokens.count).contains { gapHasEnDash($0) }
    }

    private func gapHasEnDash(_ j: Int) -> Bool {
        guard let t = token(j), t.start - t.gap >= 3 else { return false }
        var p = t.gap
        while p + 2 < t.start { if bytes[p] == 0xE2 && bytes[p + 1] == 0x80 { return true }; p += 1 }
        return false
    }

    private func musicText(_ from: Int, _ end: Int) -> String? {
        var text = cleanText(tokens[from].start, tokens[end - 1].end, keepAcronyms: true)
        trimTitle(&text)
        return text.isEmpty ? nil : text
    }

    /// Lidarr's names: "FLAC", "FLAC 24bit", "ALAC", "MP3-320", "MP3-VBR-V0", "AAC-256", "OGG Vorbis Q8", ...
    private func resolveMusicQuality() {
        var flac = false, alac = false, mp3 = false, aac = false, ogg = false, ape = false, wavpack = false, wav = false, wma = false
        var bit24 = false, bitrate = 0, vbrPreset = -1, vorbisQ = 0, webScene = false
        for j in 0..<tokens.count {
            let t = tokens[j]
            if let w = t.word {
                switch (w.kind, w.value) {
                case (.audioCodec, 7): flac = true
                case (.audioCodec, 9): mp3 = true
                case (.audioCodec, 1): aac = true
                case (.audioCodec, 10): wav = true
                case (.music, 1): alac = true
                case (.music, 2): aac = true
                case (.music, 3), (.music, 4): ogg = true
                case (.music, 5): wavpack = true
                case (.music, 6): if isUpper(j) || t.depth > 0 { ape = true }
                case (.music, 7): wma = true
                case (.music, 8): wav = true
                case (.music, 9): flac = true
                case (.music, 10): flac = true; bit24 = true
                case (.flag, Flag.bit24.rawValue): bit24 = true
                case (.flag, Flag.v0.rawValue): vbrPreset = 0
                case (.source, SourceWord.web.rawValue): webScene = true
                default: break
                }
                if tokenIs(j, "itunes") { aac = true; bitrate = max(bitrate, 256) }
            }
            // "192kbps", "320K"
            if !t.isNumber, t.hasDigit, t.hasAlpha {
                var d = t.start
                while d < t.end, byte(d) &- 48 < 10 { d += 1 }
                let n = digits(t.start, d)
                let unit = Vocabulary.lookup(bytes, d, t.end).map { $0.kind == .flag && $0.value == Flag.kbps.rawValue } ?? false
                if n > 0, d > t.start, unit || (t.end - d == 1 && lowerByte(d) == UInt8(ascii: "k")), Self.isBitrate(n) {
                    bitrate = max(bitrate, n)
                }
            }
            if t.isNumber {
                // "24-96", "24-192", "24 bit": a 24-bit master
                if t.number == 24, let n = token(j + 1), (n.isNumber && Self.isSampleRate(n.number)) || tokenIs(j + 1, "bit") { bit24 = true }
                if Self.isBitrate(t.number) {
                    let kbps = isFlag(j + 1, .kbps) || t.depth > 0 || gapContains(j, UInt8(ascii: "@")) || isKind(j - 1, .audioCodec)
                        || isKind(j - 1, .music) || j == tokens.count - 1
                    if kbps { bitrate = max(bitrate, t.number) }
                }
            }
            // "V0", "V2" presets next to MP3 or VBR; "Q8" after Ogg
            if t.length == 2, lowerByte(t.start) == UInt8(ascii: "v"), byte(t.start + 1) &- 48 < 10, mp3 || isFlag(j + 1, .vbr) || isKind(j - 1, .audioCodec) {
                vbrPreset = Int(byte(t.start + 1) - 48)
            }
            if lowerByte(t.start) == UInt8(ascii: "q"), t.length <= 3, let q = Optional(digits(t.start + 1, t.end)), q >= 5, q <= 10 { vorbisQ = q }
            // "FLAC24", "M4A-256", "Mp3-256", "FLAC24bit"
            if tokenHasPrefix(j, "flac24") { flac = true; bit24 = true }
            if tokenIs(j, "24bit") || tokenIs(j, "tr24") { bit24 = true }
        }
        switch ext {
        case .flac: flac = true
        case .mp3: mp3 = true
        case .m4a, .aac: aac = true
        case .ogg, .opus: ogg = true
        case .ape: ape = true
        case .wv: wavpack = true
        case .wav: wav = true
        case .wma: wma = true
        default: break
        }
        var q = "Unknown"
        var format: String?
        if flac { q = bit24 ? "FLAC 24bit" : "FLAC"; format = q }
        else if alac { q = bit24 ? "ALAC 24bit" : "ALAC"; format = q }
        else if ape { q = "APE"; format = q }
        else if wavpack { q = "WavPack"; format = q }
        else if wav { q = "WAV"; format = q }
        else if wma { q = "WMA"; format = q }
        else if ogg { q = vorbisQ > 0 ? "OGG Vorbis Q\(vorbisQ)" : "Unknown"; format = "OGG" }
        else if aac { q = bitrate > 0 ? "AAC-\(bitrate)" : "AAC-VBR"; format = "AAC" }
        else if vbrPreset == 0 || vbrPreset == 2 { q = "MP3-VBR-V\(vbrPreset)"; format = "MP3-V\(vbrPreset)" }
        else if bitrate > 0 { q = "MP3-\(bitrate)"; format = q }
        else if mp3 { format = "MP3" }
        else if webScene { q = "MP3-320"; format = "MP3-320" }
        else if bit24 { q = "FLAC 24bit"; format = q }
        info.quality = q
        info.format = format
        info.audioCodec = nil
    }

    static func isBitrate(_ n: Int) -> Bool {
        switch n { case 320, 256, 224, 192, 160, 128, 112, 96, 64: return true; default: return false }
    }

    static func isSampleRate(_ n: Int) -> Bool {
        switch n { case 44, 48, 88, 96, 176, 192: return true; default: return false }
    }

    // MARK: Books

    /// "Author - Title (Year) [EPUB]", "Author - Title (Unabridged) [M4B]", "Series 001 (2020) (Digital).cbz".
    private func scanBook() {
        var format: String?
        for t in tokens {
            if let w = t.word, w.kind == .book { format = Vocabulary.books[Int(w.value)]; break }
        }
        switch ext {
        case .epub: format = "EPUB"
        case .mobi: format = "MOBI"
        case .azw3: format = "AZW3"
        case .azw: format = "AZW"
        case .pdf: format = "PDF"
        case .cbz: format = "CBZ"
        case .cbr: format = "CBR"
        case .cb7: format = "CB7"
        case .djvu: format = "DJVU"
        case .m4b: format = "M4B"
        case .mp3 where info.type == .audiobook: format = "MP3"
        default: break
        }
        if format == nil, info.type == .audiobook, tokens.contains(where: { $0.word?.kind == .audioCodec && $0.word?.value == 9 }) { format = "MP3" }
        info.format = format
        guard info.type != .comic else { return }
        // Author before the first " - " inside the title.
        guard let title = info.title, let range = title.firstRange(of: " - ") else { return }
        info.author = String(title[..<range.lowerBound])
        info.title = String(title[range.upperBound...])
    }
}
