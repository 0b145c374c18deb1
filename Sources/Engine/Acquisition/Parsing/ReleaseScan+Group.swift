/// The release group: "-GROUP" at the end, "[Group]" in front (fansubs), a trailing "[Group]",
/// or the last word of a parenthesized quality block ("(1080p BluRay x265 Tigole)").
extension ReleaseScan {
    /// Tags indexers and reposters append after the group ("-GROUP-RP", "-GROUP-Obfuscated",
    /// "-GROUP-Rakuv02"): generic words, and the handles of the usenet reposters whose tags are
    /// common enough in feeds to hide the real group.
    private func isRepostTag(_ j: Int) -> Bool {
        guard let t = token(j) else { return false }
        if t.isNumber, t.length <= 2 { return true }                      // "-1"
        guard t.length <= 24 else { return false }
        let key = t.ascii && t.length <= 8 ? Self.shortKey(bytes, t.start, t.length) : Vocabulary.key(bytes, t.start, t.end)
        if Self.isRepostTagKey(key) { return true }
        // "Rakuv", "Rakuv02", "RakuvUS", ...: one reposter, many suffixes.
        guard t.length >= 5 else { return false }
        return tokenHasPrefix(j, "rakuv")
    }

    /// The tags as vocabulary keys in a small open-addressing table, so the check allocates
    /// nothing and reads a slot or two (a scan of the two dozen keys was a sixth of this pass's
    /// instructions).
    nonisolated(unsafe) private static let repostTagTable: UnsafePointer<UInt64> = {
        let table = UnsafeMutablePointer<UInt64>.allocate(capacity: repostTagSlots)
        table.initialize(repeating: 0, count: repostTagSlots)
        for word in ["rp", "obfuscated", "obfuscation", "scrambled", "sample", "postbot", "xpost", "nzbgeek", "repost",
                     "pre", "whiterev", "buymore", "asrequested", "alternativetorequested", "gerov", "z0ids3n", "chamele0n",
                     "4p", "4planet", "altezachen", "repackpost", "sickbeard", "sonarr", "radarr"] {
            let key = Array(word.utf8).withUnsafeBufferPointer { Vocabulary.key($0, 0, $0.count) }
            var slot = repostTagSlot(key)
            while table[slot] != 0 { slot = (slot + 1) & (repostTagSlots - 1) }
            table[slot] = key
        }
        return UnsafePointer(table)
    }()

    private static let repostTagSlots = 64

    @inline(__always)
    private static func repostTagSlot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 58) }

    /// A token's key is never 0: a token has at least one byte, and none is NUL.
    private static func isRepostTagKey(_ key: UInt64) -> Bool {
        let table = repostTagTable
        var slot = repostTagSlot(key)
        while true {
            let stored = table[slot]
            if stored == key { return true }
            if stored == 0 { return false }
            slot = (slot + 1) & (repostTagSlots - 1)
        }
    }

    /// A token that cannot be (the start of) a group name: a quality or numbering word.
    private func isTechnical(_ j: Int) -> Bool {
        guard let t = token(j) else { return true }
        if t.role == .episode || t.role == .date || t.role == .year || t.role == .hash { return true }
        if t.role == .meta && t.strong { return true }
        if let w = t.word {
            switch w.kind {
            case .source, .videoCodec, .audioCodec, .resolution, .hdr, .language, .book: return true
            case .music: return w.value != 5 && w.value != 6
            case .flag:
                switch Flag(rawValue: w.value) {
                case .dl, .rip, .hd, .sd, .uhd, .fhd, .ray, .mux, .tv, .ma, .es, .x, .bit10, .hi10p, .proper, .repack, .subs, .ch, .season, .episode,
                     .subbed, .hardsub: return true
                default: return false
                }
            default: return false
            }
        }
        return resolution(of: j) != nil
    }

    /// Bracket sections at the end that say nothing about the group: hashes, site tags, "[v2]".
    private func trailingJunkStart() -> Int {
        var e = tokens.count
        while e > 0 {
            let t = tokens[e - 1]
            guard t.depth > 0 else { break }
            // the whole bracket section
            var s = e - 1
            while s > 0, tokens[s - 1].depth >= t.depth, !gapContainsAny(s, "[({") { s -= 1 }
            let section = s..<e
            let junk = section.allSatisfy { tokens[$0].role == .hash || tokens[$0].role == .site || (tokens[$0].word?.kind == .site) }
                || (section.count == 1 && (tokenIs(s, "v2") || tokenIs(s, "v3")))
                || section.allSatisfy({ tokens[$0].word?.kind == .site || tokenIs($0, "com") || tokenIs($0, "org") || tokenIs($0, "net") })
            guard junk else { break }
            e = s
        }
        return e
    }

    func scanReleaseGroup() {
        if !leadingGroup.isEmpty {
            info.releaseGroup = text(leadingGroup.lowerBound, leadingGroup.upperBound)
            return
        }
        // Fansub names carry their group in front; a CRC without one leaves the group unknown.
        if hashMarked { return }
        var end = trailingJunkStart()
        guard end > titleStart else { return }
        let movie = info.type == .movie
        // "-GRP (Some Comment, Multi-Subs)": a trailing remark in parentheses.
        if let section = trailingComment(end) { end = section }
        let bracket = trailingBracketGroup(end)
        if let dash = dashGroup(end) {
            // "-Qman[UTR]": a bracket glued to the group names the group; inside a bracketed
            // quality block ("(... x265-Name[TAG])") Sonarr-style names keep the dash group.
            if let b = bracket, b.glued, movie || tokens[end - 1].depth <= 1 && !dashInsideBracket(end) { info.releaseGroup = b.text; return }
            info.releaseGroup = dash
            return
        }
        // "(... RZeroX) QxR": a word after a closing parenthesis (movies).
        if movie, let word = trailingWordAfterBlock(end) { info.releaseGroup = word; return }
        let block = blockGroup(end)
        if let block, !movie || bracket == nil {
            info.releaseGroup = block
            return
        }
        if let b = bracket { info.releaseGroup = b.text; return }
        if let block { info.releaseGroup = block; return }
        if let dotted = dottedGroup(end) { info.releaseGroup = dotted; return }
        if let first = firstBracketAfterTitle() { info.releaseGroup = first }
    }

    private func dashInsideBracket(_ end: Int) -> Bool {
        var j = end - 1
        while j > titleStart, tokens[j].depth > 1 { j -= 1 }
        return tokens[j].depth == 1 && gapHasBareDash(j)
    }

    /// A trailing "( ... )" with words and no quality words: a remark, not part of the name.
    private func trailingComment(_ end: Int) -> Int? {
        guard end > titleStart + 2, tokens[end - 1].depth > 0 else { return nil }
        var s = end - 1
        while s > titleStart, tokens[s - 1].depth >= tokens[end - 1].depth, !gapContainsAny(s, "[({") { s -= 1 }
        guard gapContains(s, UInt8(ascii: "(")), end - s >= 2, (s + 1..<end).contains(where: { gapContains($0, 32) }) else { return nil }
        for k in s..<end where tokens[k].role == .meta && tokens[k].strong || tokens[k].role == .episode || tokens[k].role == .year { return nil }
        return s
    }

    /// "(1080p AMZN WEB-DL x265 RZeroX) QxR"
    private func trailingWordAfterBlock(_ end: Int) -> String? {
        let last = end - 1
        guard last > titleStart, tokens[last].depth == 0, tokens[last].role == .free, tokens[last].hasAlpha, !isTechnical(last),
              gapContains(last, UInt8(ascii: ")")), gapContains(last, 32), tokens[last - 1].depth > 0 else { return nil }
        return text(of: last)
    }

    /// "H.264.KCRT", "DTS-HD.MA.5.1.Group": a dotted word right after the codec or audio words.
    private func dottedGroup(_ end: Int) -> String? {
        let last = end - 1
        guard last > titleStart + 1, tokens[last].depth == 0, tokens[last].role == .free, gapIs(last, UInt8(ascii: ".")),
              tokens[last].word == nil, tokens[last].length >= 3, tokens[last].hasAlpha, !isUpperOnly(last) || tokens[last].length <= 6 else { return nil }
        let p = tokens[last - 1]
        guard p.role == .meta, p.strong else { return nil }
        let kindOK = p.word.map { $0.kind == .videoCodec || $0.kind == .audioCodec || ($0.kind == .flag && $0.value == Flag.ma.rawValue) } ?? p.isNumber
        guard kindOK else { return nil }
        var upper = false
        for q in tokens[last].start..<tokens[last].end where bytes[q] &- 65 < 26 { upper = true }
        return upper ? text(of: last) : nil
    }

    private func isUpperOnly(_ j: Int) -> Bool { isUpper(j) }

    /// "x264-GROUP", "x264-Erai-raws", "DTS.x264.D-Z0N3", "H264.Fight-BB", "FLAC.2.0-E.N.D", "MP4-BEN THE MEN",
    /// "x265 - HQMUX", "x264.-Blu-bits".
    private func dashGroup(_ endIndex: Int) -> String? {
        var e = endIndex
        while e > titleStart + 1, isRepostTag(e - 1), gapContains(e - 1, UInt8(ascii: "-")) { e -= 1 }
        while e > titleStart + 1, isKind(e - 1, .language), !gapHasBareDash(e - 1) { e -= 1 }
        guard e > titleStart + 1 else { return nil }
        let last = e - 1
        // ".-Blu-bits", " -DX-TV": a dash attached to the group after a dot or a space; the rest is the group.
        if let s = attachedDashStart(last) { return text(tokens[s].start, tokens[last].end) }
        if isTechnical(last) && !(tokens[last].isNumber && tokens[last].length >= 5) { return nil }
        let depth = tokens[last].depth
        // Walk back to the dash that starts the group.
        var s = last
        var joinedBySpace = false
        while s > titleStart {
            if gapHasBareDash(s) || isDashGap(s) { break }
            let gapDot = gapIs(s, UInt8(ascii: ".")), gapSpace = gapIs(s, 32), gapUnderscore = gapIs(s, UInt8(ascii: "_"))
            guard gapDot || gapSpace || gapUnderscore, tokens[s - 1].depth == depth, !isTechnical(s - 1), tokens[s - 1].role == .free else { return nil }
            if gapSpace { joinedBySpace = true }
            s -= 1
            if last - s > 3 { return nil }
        }
        guard s > titleStart, gapHasBareDash(s) || isDashGap(s) else { return nil }
        // "BEN THE MEN" needs its dash attached ("-BEN THE MEN"), not " - Episode Title".
        if joinedBySpace && !gapHasBareDash(s) { return nil }
        var before = s - 1
        // "x264-Erai-raws", "H264.Fight-BB": one more word joined by a bare dash, right after quality words.
        if gapIs(s, UInt8(ascii: "-")), !joinedBySpace, before > titleStart, tokens[before].role == .free, tokens[before].hasAlpha,
           !isTechnical(before), isTechnical(before - 1), gapHasBareDash(before) || gapIs(before, UInt8(ascii: ".")) {
            s = before
            before -= 1
        }
        let ok = isTechnical(before) || tokens[before].role == .language || tokens[before].role == .edition || tokens[before].role == .meta
            || isContainerWord(before)
            // "Atmos Releaser-SEV": a word after the quality words, then the group.
            || (tokens[before].role == .free && gapIs(before, 32) && before > titleStart && isTechnical(before - 1) && gapIs(s, UInt8(ascii: "-")))
        guard ok else { return nil }
        let text = self.text(tokens[s].start, tokens[last].end)
        return text.isEmpty ? nil : text
    }

    /// The first token after a gap that ends in a dash attached to it and starts with a dot or a
    /// space (".-GRP", " -GRP"), when everything after it is joined by bare dashes.
    private func attachedDashStart(_ last: Int) -> Int? {
        var s = last
        while s > titleStart + 1 {
            let t = tokens[s]
            guard t.role == .free || s != last || !isTechnical(s), t.depth == 0 else { return nil }
            if t.start - t.gap >= 2, bytes[t.start - 1] == UInt8(ascii: "-"), bytes[t.start - 2] == UInt8(ascii: ".") || bytes[t.start - 2] == 32 {
                return isTechnical(s - 1) && tokens[s].hasAlpha ? s : nil
            }
            guard gapIs(s, UInt8(ascii: "-")) else { return nil }
            s -= 1
        }
        return nil
    }

    private func isContainerWord(_ j: Int) -> Bool {
        tokenIs(j, "mkv") || tokenIs(j, "mp4") || tokenIs(j, "avi") || tokenIs(j, "m2ts")
    }

    /// A dash with no spaces around it ("x264-GRP", ".-GRP", " -GRP").
    private func gapHasBareDash(_ j: Int) -> Bool {
        guard let t = token(j), t.start > t.gap else { return false }
        return bytes[t.start - 1] == UInt8(ascii: "-")
    }

    /// "[Group]" at the end (after the numbering or quality words), not a quality or site tag.
    private func trailingBracketGroup(_ end: Int) -> (text: String, glued: Bool)? {
        guard end > titleStart + 1, tokens[end - 1].depth > 0 else { return nil }
        var s = end - 1
        while s > titleStart, tokens[s - 1].depth >= tokens[end - 1].depth, !gapContainsAny(s, "[({") { s -= 1 }
        guard gapContains(s, UInt8(ascii: "[")), s > titleStart else { return nil }
        for k in s..<end {
            if isTechnical(k) || tokens[k].role == .site || tokens[k].role == .hash || tokens[k].role == .language { return nil }
            if k > s, gapContains(k, 32) { return nil }
            if tokens[k].role == .meta || tokens[k].role == .edition { return nil }
        }
        if end - s == 1, tokens[s].isNumber { return nil }
        // The bracket must come after the title part.
        guard s >= titleEnd || tokens[s].role != .free || s > titleStart else { return nil }
        let open = bytes[tokens[s].gap..<tokens[s].start].lastIndex(of: UInt8(ascii: "[")) ?? tokens[s].gap
        let glued = open == tokens[s - 1].end || (open > tokens[s - 1].end && bytes[open - 1] == UInt8(ascii: ")"))
        // "[-ZR-]": dashes inside the bracket are part of the name.
        var from = tokens[s].start, to = tokens[end - 1].end
        if bytes[from - 1] == UInt8(ascii: "-") { from -= 1 }
        if to < limit, bytes[to] == UInt8(ascii: "-") { to += 1 }
        let text = self.text(from, to)
        return (text, glued && open > 0 && bytes[open - 1] != 32)
    }

    /// "(1080p BluRay x265 HEVC 10bit AAC 5.1 Tigole)": the last word of a bracketed quality block.
    private func blockGroup(_ end: Int) -> String? {
        // The last bracket section that holds several quality words.
        guard seen.brackets else { return nil }
        var j = end - 1
        while j > titleStart {
            guard tokens[j].depth > 0 else { j -= 1; continue }
            var s = j
            while s > titleStart, tokens[s - 1].depth >= tokens[j].depth, !gapContainsAny(s, "[(") { s -= 1 }
            var strong = 0
            for k in s...j where tokens[k].role == .meta && tokens[k].strong { strong += 1 }
            if strong >= 2, tokens[j].role == .free, tokens[j].hasAlpha, !isTechnical(j), gapIs(j, 32) || isDashGap(j) {
                return text(of: j)
            }
            j = s - 1
        }
        return nil
    }

    /// Anime movies: "Name 1999 [Group] [Blu-ray][MKV]": the first bracket after the title, when it is one word.
    private func firstBracketAfterTitle() -> String? {
        guard seen.brackets else { return nil }
        var j = titleEnd
        while j < tokens.count {
            if tokens[j].depth > 0, gapContains(j, UInt8(ascii: "[")) {
                var e = j
                while e + 1 < tokens.count, tokens[e + 1].depth >= tokens[j].depth, !gapContainsAny(e + 1, "[]") { e += 1 }
                for k in j...e where isTechnical(k) || tokens[k].role != .free || (k > j && gapContains(k, 32)) { return nil }
                guard tokens[j].hasAlpha else { return nil }
                // keep a leading or trailing dash: "[-ZR-]"
                var from = tokens[j].start, to = tokens[e].end
                if bytes[from - 1] == UInt8(ascii: "-") { from -= 1 }
                if to < limit, bytes[to] == UInt8(ascii: "-") { to += 1 }
                return text(from, to)
            }
            if tokens[j].role == .meta && tokens[j].strong { return nil }
            j += 1
        }
        return nil
    }
}
