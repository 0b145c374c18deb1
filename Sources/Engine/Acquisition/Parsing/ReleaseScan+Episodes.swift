/// Season and episode numbering: S01E02, 1x02, Season 2, S01-S03, Cap.102, Part 2, ...
extension ReleaseScan {
    /// Finds explicit numbering; returns true when some was found.
    ///
    /// The first marker wins: "Show S01E02 ... 2x05" is episode 2. Numbers inside the
    /// title ("Warehouse 13", "24") are left alone because only marker-shaped tokens count here.
    func scanExplicitNumbering() -> Bool {
        var i = nextNumberingCandidate(from: titleStart)
        while i < tokens.count {
            // A word without digits starts numbering only as a season or episode word, "Se",
            // "S" or "Series" (see `matchMarker`): title words are passed over here.
            if !tokens[i].hasDigit, !canStartNumberingWithoutDigits(i) { i = nextNumberingCandidate(from: i + 1); continue }
            if tokens[i].role == .free, tokens[i].ascii, let used = matchMarker(at: i) {
                if firstNumbering == nil || i < firstNumbering! { firstNumbering = i }
                // Several markers in a row ("S03E01.S03E02", "2x04.2x05") extend the same list.
                i = nextNumberingCandidate(from: i + used)
                continue
            }
            i = nextNumberingCandidate(from: i + 1)
        }
        return firstNumbering != nil
    }

    @inline(__always)
    private func canStartNumberingWithoutDigits(_ i: Int) -> Bool { Self.startsNumberingWithoutDigits(tokens[i], bytes) }

    /// A season or episode word, "S", "Se" or "Series" (see `matchMarker`).
    static func startsNumberingWithoutDigits(_ t: ReleaseToken, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if let w = t.word, w.kind == .flag, w.value == Flag.season.rawValue || w.value == Flag.episode.rawValue { return true }
        return t.ascii && t.length <= 6 && isNumberingLetter(shortKey(bytes, t.start, t.length))
    }

    /// "S", "Se" and "Series", by their key: besides the season and episode words, the words
    /// without digits that can start numbering (see `matchMarker`). The tokenizer asks too, with
    /// the key it has just read, to mark the tokens `scanExplicitNumbering` visits.
    @inline(__always)
    static func isNumberingLetter(_ key: UInt64) -> Bool {
        key == literalKey("s") || key == literalKey("se") || key == literalKey("series")
    }

    private func claim(_ from: Int, _ count: Int, _ role: ReleaseToken.Role = .episode) {
        for k in from..<min(tokens.count, from + count) { tokens[k].role = role; tokens[k].strong = true }
    }

    private func addEpisodes(_ first: Int, _ last: Int) {
        guard first >= 0, last >= first, last - first < 500 else {
            if first >= 0, !info.episodes.contains(first) { info.episodes.append(first) }
            return
        }
        // The first range is the whole list in most names: one exact allocation, no growth.
        if info.episodes.isEmpty { info.episodes = first == last ? [first] : Array(first...last); return }
        for e in first...last where !info.episodes.contains(e) { info.episodes.append(e) }
    }

    private func setSeason(_ s: Int) {
        if info.seasons.isEmpty { info.seasons = [s] } else if !info.seasons.contains(s) { info.seasons.append(s) }
    }

    /// A number made of `bytes[p..<end]` digits, returning the value and where the digits stop.
    private func readDigits(_ p: Int, _ end: Int, max: Int = 4) -> (Int, Int)? {
        var q = p, v = 0
        while q < end, q - p < max, byte(q) &- 48 < 10 { v = v * 10 + Int(byte(q) - 48); q += 1 }
        return q > p ? (v, q) : nil
    }

    /// Tries every marker shape at token `i`; returns the tokens used.
    private func matchMarker(at i: Int) -> Int? {
        let t = tokens[i]
        // Plain words: only the season words, "Se", "S" and the British "Series" can start numbering.
        if !t.hasDigit {
            if let w = t.word, w.kind == .flag, w.value == Flag.season.rawValue { return matchSeasonWord(i) }
            if let w = t.word, w.kind == .flag, w.value == Flag.episode.rawValue { return matchEpisodeWord(i) }
            guard t.length <= 6 else { return nil }
        }
        let b0 = lowerByte(t.start)
        if b0 == UInt8(ascii: "s"), t.length >= 2, byte(t.start + 1) &- 48 < 10, let used = matchSxxEyy(i) { return used }
        if t.hasDigit, let used = matchNxM(i) { return used }
        if let w = t.word, w.kind == .flag {
            switch Flag(rawValue: w.value) {
            case .season: return matchSeasonWord(i)
            case .episode: return matchEpisodeWord(i)
            case .part: return nil
            default: break
            }
        }
        if t.hasAlpha, t.hasDigit, let used = matchGluedWord(i) { return used }
        if tokenIs(i, "se"), token(i + 1)?.isNumber == true, gapIs(i + 1, UInt8(ascii: ".")) { return matchDutch(i) }
        // "Series S 01 720p": a lone S and the season number
        if tokenIs(i, "s"), i > titleStart, let n = token(i + 1), n.isNumber, n.length <= 2, gapIs(i + 1, 32), i + 2 >= tokens.count || looksMeta(i + 2) {
            guard let used = matchSeasonPack(i + 1, season: n.number) else { return nil }
            tokens[i].role = .episode
            return used + 1
        }
        // "Title - Series 1 (1970)": the British "series" after a dash
        if tokenIs(i, "series"), isDashGap(i), let n = token(i + 1), n.isNumber, n.length <= 2, n.number > 0 {
            setSeason(n.number)
            info.fullSeason = true
            claim(i, 2)
            return 2
        }
        // "E07-E08": a range with E on both sides is season 1
        if lowerByte(t.start) == UInt8(ascii: "e"), t.length >= 2, lowerByte(t.start + 1) != UInt8(ascii: "p"), let first = Optional(digits(t.start + 1, t.end)), first > 0,
           let m = token(i + 1), gapIs(i + 1, UInt8(ascii: "-")), lowerByte(m.start) == UInt8(ascii: "e"), let last = Optional(digits(m.start + 1, m.end)), last > first {
            setSeason(1)
            addEpisodes(first, last)
            claim(i, 2)
            return 2
        }
        // "5of9": episode 5 of a 9-part miniseries
        if t.hasAlpha, t.hasDigit, let o = firstIndex(of: UInt8(ascii: "o"), in: t), lowerByte(o + 1) == UInt8(ascii: "f"),
           let n = Optional(digits(t.start, o)), n > 0, digits(o + 2, t.end) >= n, hint != .movie {
            setSeason(1)
            addEpisodes(n, n)
            claim(i, 1)
            return 1
        }
        // "grp-zoos01e11": a marker glued to the end of a word
        if t.hasAlpha, t.hasDigit, let cut = gluedMarkerStart(i) {
            var p = cut + 1
            guard let (season, afterSeason) = readDigits(p, t.end) else { return nil }
            p = afterSeason
            var eps: [Int] = []
            while p < t.end, lowerByte(p) == UInt8(ascii: "e"), let (e, after) = readDigits(p + 1, t.end) { eps.append(e); p = after }
            guard p == t.end, let first = eps.first else { return nil }
            setSeason(season)
            addEpisodes(first, eps.last!)
            claim(i, 1)
            titleCut = cut
            return 1
        }
        return nil
    }

    /// Where "s01e02" starts inside "zoos01e02", if it ends the token.
    private func gluedMarkerStart(_ i: Int) -> Int? {
        let t = tokens[i]
        var p = t.end - 1
        while p > t.start + 1 {
            if lowerByte(p) == UInt8(ascii: "s"), byte(p + 1) &- 48 < 10, byte(p - 1) &- 97 < 26 || byte(p - 1) &- 65 < 26 {
                var q = p + 1
                while q < t.end, byte(q) &- 48 < 10 { q += 1 }
                if q < t.end, lowerByte(q) == UInt8(ascii: "e"), byte(q + 1) &- 48 < 10 { return p }
            }
            p -= 1
        }
        return nil
    }

    // MARK: S01E02

    /// "S01E02", "S01E01E02", "S1E1", "S2016E14", "S01E02v2", "S06E01b", "S01" (+ following tokens).
    private func matchSxxEyy(_ i: Int) -> Int? {
        let t = tokens[i]
        guard let (season, afterSeason) = readDigits(t.start + 1, t.end) else { return nil }
        var p = afterSeason
        // The first and last episode named; only the range is kept, so no list is built.
        var episodes: (first: Int, last: Int)?
        while p < t.end, lowerByte(p) == UInt8(ascii: "e") {
            var q = p + 1
            if lowerByte(q) == UInt8(ascii: "p") { q += 1 }
            guard let (e, after) = readDigits(q, t.end, max: 5) else { break }
            episodes = (episodes?.first ?? e, e)
            p = after
        }
        var version: Int?
        if p < t.end {
            // Allowed tails: "v2" (revision), one letter ("S06E01b", split episode)
            if lowerByte(p) == UInt8(ascii: "v"), let (v, after) = readDigits(p + 1, t.end, max: 2), after == t.end { version = v }
            else if p + 1 == t.end, episodes != nil, lowerByte(p) &- 97 < 26 {}
            else { return nil }
        }
        if episodes == nil && p == t.end && afterSeason - (t.start + 1) > 4 { return nil }
        if let version { info.version = version }
        var used = 1
        if episodes == nil {
            // "S01 E02", "S01.E02", "S01.Ep.02", "S01 - E02"; "S01-S03", "S01 - S07"; "S01.Extras"
            let animeEp = isDashGap(i + 1) && tokenHasPrefix(i + 1, "ep")
            if let n = token(i + 1), n.isNumber, n.length == 2, n.role == .free, gapIs(i + 1, UInt8(ascii: ".")) {
                episodes = (n.number, n.number)   // "s06.01"
                used += 1
            } else if !animeEp, let following = followingEpisodes(i + 1) {
                episodes = (following.first, following.last)
                used += following.used
            } else {
                return matchSeasonPack(i, season: season)
            }
        }
        setSeason(season)
        addEpisodes(episodes!.first, episodes!.last)
        claim(i, used)
        used += continuation(after: i + used, season: season)
        // "S1E1-8 of 8": every episode, i.e. the season
        if tokenIs(i + used, "of"), let n = token(i + used + 1), n.isNumber, info.episodes.first == 1, info.episodes.max() == n.number, info.episodes.count > 1 {
            info.episodes = []
            info.fullSeason = true
            claim(i + used, 2)
            used += 2
        }
        return used
    }

    /// Episode tokens following a bare season: "E02", "Ep02", "E" "02", "Ep" "02", "EP01".
    /// Returns the first and last episode named and the tokens used.
    private func followingEpisodes(_ j: Int) -> (first: Int, last: Int, used: Int)? {
        guard let t = token(j), t.ascii, t.role == .free else { return nil }
        if gapContains(j, UInt8(ascii: "[")) || gapContains(j, UInt8(ascii: "(")) { return nil }
        if tokenIs(j, "e") || tokenIs(j, "ep") {
            if let n = token(j + 1), n.isNumber, n.length <= 5 { return (n.number, n.number, 2) }
            return nil
        }
        guard lowerByte(t.start) == UInt8(ascii: "e") else { return nil }
        var p = t.start + 1
        if lowerByte(p) == UInt8(ascii: "p") { p += 1 }
        var first: Int?, last = 0
        while p < t.end {
            guard let (e, after) = readDigits(p, t.end, max: 5) else { return nil }
            if first == nil { first = e }
            last = e
            p = after
            if p < t.end, lowerByte(p) == UInt8(ascii: "e") { p += 1 } else { break }
        }
        guard p == t.end, let first else { return nil }
        return (first, last, 1)
    }

    /// More episodes after a marker: "-E03", "-03", "E02", " e02", "-S6E2", "-E2-E3", ".S03E02", "-2x10", "_02".
    private func continuation(after start: Int, season: Int) -> Int {
        var j = start
        var used = 0
        while let t = token(j), t.role == .free, t.ascii {
            let dash = gapIs(j, UInt8(ascii: "-")) || isDashGap(j) || gapIs(j, UInt8(ascii: "~"))
            let glue = gapIs(j, UInt8(ascii: ".")) || gapIs(j, UInt8(ascii: " ")) || gapIs(j, UInt8(ascii: "_")) || dash
            guard glue, t.depth == tokens[start - 1].depth else { break }
            // Every shape below has digits: an episode title's first word ends the list at once.
            guard t.hasDigit else { break }
            // "E03" / "Ep10722" / "e02"
            if let eps = followingEpisodes(j), eps.used == 1 {
                let last = info.episodes.max() ?? eps.first
                if dash { addEpisodes(last, eps.last) } else { addEpisodes(eps.first, eps.last) }
                claim(j, 1); j += 1; used += 1
                continue
            }
            // "-03", "_02", "-100"
            if gapIs(j, UInt8(ascii: "-")) || gapIs(j, UInt8(ascii: "_")), t.isNumber, t.length <= 4, let last = info.episodes.max(), t.number > last, t.number - last < 500 {
                addEpisodes(last, t.number)
                claim(j, 1); j += 1; used += 1
                continue
            }
            // "S03E02" / "S6E2" of the same season
            if lowerByte(t.start) == UInt8(ascii: "s"), let (s, after) = readDigits(t.start + 1, t.end), s == season,
               lowerByte(after) == UInt8(ascii: "e"), let (e, end) = readDigits(after + 1, t.end), end == t.end {
                let last = info.episodes.max() ?? e
                if dash { addEpisodes(last, e) } else { addEpisodes(e, e) }
                claim(j, 1); j += 1; used += 1
                continue
            }
            // "2x05" of the same season, "x03"
            if let x = firstIndex(of: UInt8(ascii: "x"), in: t) {
                let s = x == t.start ? season : digits(t.start, x)
                if s == season, let (e, end) = readDigits(x + 1, t.end), end == t.end {
                    let last = info.episodes.max() ?? e
                    if dash { addEpisodes(last, e) } else { addEpisodes(e, e) }
                    claim(j, 1); j += 1; used += 1
                    continue
                }
            }
            break
        }
        return used
    }

    // MARK: Season packs

    /// A bare "S02": a season pack, several seasons ("S01-S03", "S01 - S07", "S01 S04", "S01-05"),
    /// extras, or part of an anime title ("Show S2 - 07").
    private func matchSeasonPack(_ i: Int, season: Int) -> Int? {
        let t = tokens[i]
        // Anime: "Show S3 - 12", "Title S21 999", "Title S2 [05]", "Title S03 - EP14" keep "S3" in the title.
        if let n = token(i + 1), n.role == .free {
            let bracketed = n.depth > t.depth
            let yearLike = n.length == 4 && n.number >= 1900 && n.number <= 2100
            if n.isNumber, !yearLike, isDashGap(i + 1) || n.length >= 3 || (bracketed && isAnimeStyle) { return nil }
            if isDashGap(i + 1), tokenHasPrefix(i + 1, "ep") || tokenHasPrefix(i + 1, "e"), digits(n.start + (tokenHasPrefix(i + 1, "ep") ? 2 : 1), n.end) >= 0 { return nil }
        }
        if isFlag(i + 1, .episode), token(i + 2)?.isNumber == true, isDashGap(i + 1) { return nil }
        var used = 1
        var last = season
        // Range of seasons
        if let n = token(i + 1), n.role == .free {
            let dash = gapContains(i + 1, UInt8(ascii: "-"))
            if lowerByte(n.start) == UInt8(ascii: "s"), let (s2, end) = readDigits(n.start + 1, n.end), end == n.end, s2 > season, s2 - season < 60 {
                last = s2; used = 2
            } else if n.isNumber, n.length == 2, n.number > season, n.number - season < 60,
                      dash || (digitsCount(i) == 2 && gapIs(i + 1, UInt8(ascii: " "))) {
                last = n.number; used = 2
            } else if tokenIs(i + 1, "season"), let m = token(i + 2), m.isNumber, m.number > season, dash { last = m.number; used = 3 }
        }
        for s in season...last { setSeason(s) }
        claim(i, used)
        // "S07.Vol.1", "S02.Part.1", "S06.P1": part of a season, not all of it.
        if isFlag(i + used, .part), token(i + used + 1)?.isNumber == true {
            claim(i + used, 2)
            return used + 2
        }
        if let n = token(i + used), n.length >= 2, lowerByte(n.start) == UInt8(ascii: "p"), digits(n.start + 1, n.end) >= 0, n.role == .free {
            claim(i + used, 1)
            return used + 1
        }
        info.fullSeason = true
        if isFlag(i + used, .extras) || isFlag(i + used, .subpack) { claim(i + used, 1); used += 1 }
        return used
    }

    private func digitsCount(_ i: Int) -> Int {
        guard let t = token(i) else { return 0 }
        var p = t.start + 1, n = 0
        while p < t.end, byte(p) &- 48 < 10 { n += 1; p += 1 }
        return n
    }

    // MARK: 1x02

    /// "4x05", "2x04x05", "2009x09", "1x01" and "[02x01-02]".
    private func matchNxM(_ i: Int) -> Int? {
        let t = tokens[i]
        guard let x = firstIndex(of: UInt8(ascii: "x"), in: t), x > t.start, x - t.start <= 4 else { return nil }
        let s = digits(t.start, x)
        guard s >= 0 else { return nil }
        var p = x
        var eps: [Int] = []
        while p < t.end, lowerByte(p) == UInt8(ascii: "x") {
            guard let (e, after) = readDigits(p + 1, t.end, max: 3) else { return nil }
            eps.append(e)
            p = after
        }
        guard p == t.end, let first = eps.first else { return nil }
        // A size ("1280x720") is a resolution, handled by the meta pass; "640x480" etc. never get here.
        if resolution(of: i) != nil { return nil }
        setSeason(s)
        addEpisodes(first, eps.last!)
        claim(i, 1)
        return 1 + continuation(after: i + 1, season: s)
    }

    // MARK: Words

    /// "Season 2", "Season 01 Episode 05", "Saison3" (glued, see `matchGluedWord`), "Season 01-07",
    /// "Season 01 - Season 07", "Temporada 2 ... Cap.201" (the chapter gives the episode).
    private func matchSeasonWord(_ i: Int) -> Int? {
        guard let n = token(i + 1), n.isNumber, n.length <= 4, n.role == .free else { return nil }
        let season = n.number
        var used = 2
        // "Season 1 - Episode 01", "Season 01 Episode 05-06"
        if isFlag(i + 2, .episode) || tokenIs(i + 2, "ep"), let e = token(i + 3), e.isNumber {
            setSeason(season)
            var last = e.number
            used = 4
            if let r = token(i + 4), r.isNumber, gapContains(i + 4, UInt8(ascii: "-")), r.number > last { last = r.number; used = 5 }
            addEpisodes(e.number, last)
            claim(i, used)
            return used
        }
        if let eps = followingEpisodes(i + 2), eps.used == 1 {
            setSeason(season)
            addEpisodes(eps.first, eps.last)
            claim(i, 3)
            return 3
        }
        // Spanish packs give the episode as a chapter later: "Temporada 2 [HDTV 720p][Cap.201]"
        var last = season
        if let m = token(i + 2), m.role == .free, m.depth == n.depth, gapContains(i + 2, UInt8(ascii: "-")), !(m.isNumber && isDashGap(i + 2)) {
            if m.isNumber, m.number > season, m.number - season < 60 { last = m.number; used = 3 }
            else if isFlag(i + 2, .season), let m2 = token(i + 3), m2.isNumber, m2.number > season { last = m2.number; used = 4 }
        }
        // Anime "(Season 2) - 33": the season goes with an absolute number found later.
        for s in season...last { setSeason(s) }
        claim(i, used)
        if !hasChapterLater(i + used) { info.fullSeason = true }
        if isFlag(i + used, .extras) { claim(i + used, 1); used += 1 }
        return used
    }

    private func hasChapterLater(_ from: Int) -> Bool {
        var j = from
        while j < tokens.count {
            if tokenIs(j, "cap"), token(j + 1)?.isNumber == true { return true }
            if isFlag(j, .episode), token(j + 1)?.isNumber == true, !isDashGap(j) || tokenIs(j, "episode") { return true }
            if tokens[j].role == .free, tokens[j].isNumber, isDashGap(j) { return true }
            j += 1
        }
        return false
    }

    /// "Cap.201" (season 2, episode 1), "Cap.1901", "Cap.111_120"; "Episode 5", "Ep 06", "afl.3".
    private func matchEpisodeWord(_ i: Int) -> Int? {
        guard let n = token(i + 1), n.isNumber, n.role == .free, n.length <= 5 else { return nil }
        if tokenIs(i, "cap") {
            guard n.length >= 3 else { return nil }
            let split = n.length - 2
            let season = digits(n.start, n.start + split), first = digits(n.start + split, n.end)
            var last = first
            var used = 2
            if let r = token(i + 2), r.isNumber, r.length == n.length, gapIs(i + 2, UInt8(ascii: "_")) || gapIs(i + 2, UInt8(ascii: "-")) {
                last = digits(r.start + split, r.end)
                used = 3
            }
            info.seasons = [season]
            info.fullSeason = false
            info.episodes = []
            addEpisodes(first, last)
            claim(i, used)
            return used
        }
        if tokenIs(i, "afl") {
            guard !info.seasons.isEmpty else { return nil }
            var used = 2
            addEpisodes(n.number, n.number)
            var j = i + 2
            while let r = token(j), r.isNumber, gapIs(j, UInt8(ascii: "-")) { addEpisodes(r.number, r.number); j += 1; used += 1 }
            if tokenIs(j, "en"), let r = token(j + 1), r.isNumber { addEpisodes(r.number, r.number); used += 2 }
            claim(i, used)
            return used
        }
        return nil   // "Episode N" without a season is absolute numbering, handled later.
    }

    /// Dutch "Se.3 afl.3": season word "Se" (only with "afl" after it).
    private func matchDutch(_ i: Int) -> Int? {
        guard let n = token(i + 1), n.isNumber, tokenIs(i + 2, "afl") else { return nil }
        setSeason(n.number)
        claim(i, 2)
        return 2
    }

    /// "Season4", "Saison3", "Part01" are glued word+number tokens.
    private func matchGluedWord(_ i: Int) -> Int? {
        let t = tokens[i]
        var d = t.start
        while d < t.end, byte(d) &- 48 >= 10 { d += 1 }
        guard d > t.start, d < t.end, digits(d, t.end) >= 0 else { return nil }
        guard let w = Vocabulary.lookup(bytes, t.start, d), w.kind == .flag else { return nil }
        let n = digits(d, t.end)
        switch Flag(rawValue: w.value) {
        case .season:
            setSeason(n)
            claim(i, 1)
            if !hasChapterLater(i + 1) { info.fullSeason = true }
            return 1
        default:
            return nil
        }
    }
}
