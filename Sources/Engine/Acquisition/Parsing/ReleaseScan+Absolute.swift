/// Numbering without a season marker: anime absolute numbers ("Show - 123", "Ep06", "#957"),
/// scene-style numbers ("Show.103" is season 1 episode 3) and Japanese variety episodes.
extension ReleaseScan {
    /// A number that stands alone: free, 1 to 4 digits, not glued to a word by a dash
    /// ("300-nen", "24-Hour") and not a decimal ("12.5", which is a recap special).
    func isStandaloneNumber(_ j: Int) -> Bool {
        guard let t = token(j), t.role == .free, t.isNumber, t.length <= 4 else { return false }
        if let n = token(j + 1), gapIs(j + 1, UInt8(ascii: "-")), n.hasAlpha, !n.isNumber, n.role == .free, !looksMeta(j + 1) { return false }
        if isDecimal(j) { return false }
        if j > 0, gapIs(j, UInt8(ascii: ".")), tokens[j - 1].isNumber, tokens[j - 1].length <= 2, tokens[j - 1].role == .free { return false }
        return true
    }

    /// "09v2": an episode number with its revision.
    func numberWithVersion(_ j: Int) -> (number: Int, version: Int)? {
        guard let t = token(j), t.role == .free, t.hasAlpha, t.hasDigit, t.length <= 7 else { return nil }
        var p = t.start
        while p < t.end, byte(p) &- 48 < 10 { p += 1 }
        guard p > t.start, p - t.start <= 4, lowerByte(p) == UInt8(ascii: "v"), let v = Optional(digits(p + 1, t.end)), v > 0, v < 10 else { return nil }
        return (digits(t.start, p), v)
    }

    /// Claims "12.5" and "05.5" after " - ": specials between episodes, which end the title but
    /// are not episode numbers.
    func claimDecimalSpecials() {
        var j = nextDashGap(from: titleStart + 1)
        while j < tokens.count {
            if tokens[j].role == .free, tokens[j].isNumber, isDashGap(j), isDecimal(j) {
                tokens[j].role = .episode; tokens[j].strong = true
                var k = j + 1
                while k < tokens.count, tokens[k].isNumber, gapIs(k, UInt8(ascii: ".")) { tokens[k].role = .episode; k += 1 }
                if firstNumbering == nil || j < firstNumbering! { firstNumbering = j }
                j = nextDashGap(from: k)
                continue
            }
            j = nextDashGap(from: j + 1)
        }
    }

    /// "12.5" and "26.5.1": a recap or special, not an episode.
    func isDecimal(_ j: Int) -> Bool {
        guard let n = token(j + 1), n.isNumber, n.length == 1, gapIs(j + 1, UInt8(ascii: ".")) else { return false }
        return token(j + 2).map { !$0.isNumber || gapIs(j + 2, UInt8(ascii: ".")) } ?? true
    }

    private func yearLike(_ t: ReleaseToken) -> Bool { t.length == 4 && t.number >= 1900 && t.number <= 2100 }

    private func claimAbsolute(_ j: Int, _ first: Int, _ last: Int, used: Int) {
        guard last >= first, last - first < 2000 else { return }
        if info.absoluteEpisodes.isEmpty {
            info.absoluteEpisodes = first == last ? [first] : Array(first...last)
        } else {
            for e in first...last where !info.absoluteEpisodes.contains(e) { info.absoluteEpisodes.append(e) }
        }
        for k in j..<min(tokens.count, j + used) { tokens[k].role = .episode; tokens[k].strong = true }
        if firstNumbering == nil || j < firstNumbering! { firstNumbering = j }
    }

    /// A range after number `j`: "01-12", "01~10", "01 ~ 10", "091-123", "001-002-003".
    private func rangeEnd(after j: Int) -> (last: Int, used: Int) {
        var last = tokens[j].number, used = 1, k = j + 1
        while let n = token(k), n.isNumber, n.role == .free, n.length <= 4, n.number > last,
              gapIs(k, UInt8(ascii: "-")) || gapContains(k, UInt8(ascii: "~")), !gapContainsAny(k, "[(") {
            last = n.number; used += 1; k += 1
        }
        return (last, used)
    }

    /// Absolute numbers next to an explicit marker ("[Grp] Show - 05 - S01E05", "S01E01.001",
    /// "S01E01-02 (001-002)") and the prefix forms ("Ep01", "#957") everywhere.
    func scanAbsoluteBesideMarker() {
        guard let first = firstNumbering, tokens[first].role == .episode, !info.episodes.isEmpty else { return }
        var lastMarker = first
        while lastMarker + 1 < tokens.count, tokens[lastMarker + 1].role == .episode { lastMarker += 1 }
        // After: "S01E01.001", "S01E01-02 (001-002)", "S10E14 214"
        let j = lastMarker + 1
        if let t = token(j), isStandaloneNumber(j), !yearLike(t), (t.length == 3 && (isAnimeStyle || byte(t.start) == UInt8(ascii: "0")) || (isAnimeStyle && t.length >= 2)),
           !(t.depth > 0 && gapContains(j, UInt8(ascii: "[")) && t.length != 3) {
            let r = rangeEnd(after: j)
            claimAbsolute(j, t.number, r.last, used: r.used)
            return
        }
        // Before: "[Grp] Show - 05 - S01E05", "Animation - 12 (S01E12)", "[K-F] Show 214 10x14"
        let b = first - 1
        if isAnimeStyle || isDashGap(first), let t = token(b), b > titleStart, isStandaloneNumber(b), !yearLike(t), t.length >= 2 {
            if isDashGap(b) || isAnimeStyle {
                claimAbsolute(b, t.number, t.number, used: 1)
            }
        }
    }

    /// Prefix forms: "Ep01", "EP06", "E1135", "e66", "Episode 56", "Episodio 13", "#957", "{01}",
    /// "69. Blm", "60.Bolum"; and "E07-E08" (episodes of season 1, not absolute).
    func scanPrefixedEpisodes(variety: Bool) -> Bool {
        // Every shape below has digits or is an episode word: the numbering candidates.
        var i = nextNumberingCandidate(from: titleStart + (tokens.count > titleStart + 1 ? 1 : 0))
        while i < tokens.count {
            defer { i = nextNumberingCandidate(from: i + 1) }
            let t = tokens[i]
            guard t.role == .free, t.ascii || t.isNumber || t.hasAlpha else { continue }
            // glued: "Ep01", "E1135", "e66", "EP06"
            if t.hasAlpha, t.hasDigit, lowerByte(t.start) == UInt8(ascii: "e") {
                var p = t.start + 1
                if lowerByte(p) == UInt8(ascii: "p") { p += 1 }
                var d = p
                while d < t.end, byte(d) &- 48 < 10 { d += 1 }
                guard d > p, d - p <= 4 else { continue }
                let n = digits(p, d)
                var version: Int?
                if d < t.end {
                    guard lowerByte(d) == UInt8(ascii: "v"), let v = Optional(digits(d + 1, t.end)), v > 0 else { continue }
                    version = v
                }
                if let version { info.version = version }
                // "E07-E08": a range with "E" on both sides is season 1.
                if let m = token(i + 1), gapContains(i + 1, UInt8(ascii: "-")), lowerByte(m.start) == UInt8(ascii: "e"), m.hasDigit,
                   lowerByte(m.start + 1) != UInt8(ascii: "p") {
                    let last = digits(m.start + 1, m.end)
                    if last > n {
                        info.seasons = [1]
                        for e in n...last where !info.episodes.contains(e) { info.episodes.append(e) }
                        tokens[i].role = .episode; tokens[i + 1].role = .episode
                        if firstNumbering == nil || i < firstNumbering! { firstNumbering = i }
                        return true
                    }
                }
                if variety {
                    info.seasons = [1]
                    info.episodes = [n]
                    tokens[i].role = .episode
                    firstNumbering = min(firstNumbering ?? i, i)
                    return true
                }
                var last = n, used = 1
                if let m = token(i + 1), m.isNumber, gapContains(i + 1, UInt8(ascii: "-")), m.number > n { last = m.number; used = 2 }
                claimAbsolute(i, n, last, used: used)
                return true
            }
            // "Episode 56", "Episodio 13", "Ep 04", "Episode 99-100"
            if (tokenIs(i, "episode") || tokenIs(i, "episodio") || tokenIs(i, "ep") || tokenIs(i, "eps")), let n = token(i + 1), n.isNumber, n.role == .free, n.length <= 4 {
                let r = rangeEnd(after: i + 1)
                if variety { info.seasons = [1]; info.episodes = [n.number]; tokens[i].role = .episode; tokens[i + 1].role = .episode; firstNumbering = min(firstNumbering ?? i, i); return true }
                claimAbsolute(i, n.number, r.last, used: r.used + 1)
                return true
            }
            // "#957", "#17" (variety)
            if t.isNumber, t.length <= 4, gapContains(i, UInt8(ascii: "#")), i > titleStart {
                if variety { info.seasons = [1]; info.episodes = [t.number]; tokens[i].role = .episode; firstNumbering = min(firstNumbering ?? i, i); return true }
                claimAbsolute(i, t.number, t.number, used: 1)
                return true
            }
            // "{01}"
            if t.isNumber, t.length <= 4, gapContains(i, UInt8(ascii: "{")), i > titleStart, !yearLike(t) {
                claimAbsolute(i, t.number, t.number, used: 1)
                return true
            }
        }
        return false
    }

    /// Turkish "69. Blm", "60.Bolum", "1. Bölüm", "79.BLM": the episode number before the word.
    func scanTurkishEpisodes() -> Bool {
        var i = nextNumber(from: titleStart + 1)
        while i + 1 < tokens.count {
            let t = tokens[i]
            if t.role == .free, t.isNumber, t.length <= 4, t.number > 0, tokenIs(i + 1, "blm") || tokenIs(i + 1, "bolum") || isBolum(i + 1) {
                claimAbsolute(i, t.number, t.number, used: 2)
                return true
            }
            i = nextNumber(from: i + 1)
        }
        return false
    }

    private func isBolum(_ j: Int) -> Bool {
        // "Bölüm" in UTF-8: 42 C3 B6 6C C3 BC 6D
        guard let t = token(j), t.length == 7 else { return false }
        let expected: [UInt8] = [0x62, 0xC3, 0xB6, 0x6C, 0xC3, 0xBC, 0x6D]
        for k in 0..<7 where lowerByte(t.start + k) != expected[k] { return false }
        return true
    }

    /// Scene numbering: "Show.103.720p" is S01E03, "Show.1013" S10E13, "Show.10708" S01E07-08.
    /// Only for dot or underscore names, where spaces do not suggest anime numbering.
    func scanSceneNumbers() -> Bool {
        var i = nextNumber(from: titleStart + 1)
        while i < tokens.count {
            defer { i = nextNumber(from: i + 1) }
            let t = tokens[i]
            guard t.role == .free, t.isNumber, t.depth == 0, t.length >= 3, t.length <= 6, !yearLike(t) else { continue }
            guard gapIs(i, UInt8(ascii: ".")) || gapIs(i, UInt8(ascii: "_")) || (gapIs(i, UInt8(ascii: " ")) && t.length >= 5) else { continue }
            if let n = token(i + 1), n.isNumber, yearLike(n) { continue }
            if let n = token(i + 1), n.isNumber, n.length == 1, gapIs(i + 1, UInt8(ascii: ".")) { continue }
            // After a title word or a year, not after hash-like noise ("ca00568c3887.337").
            let p = tokens[i - 1]
            guard (p.hasAlpha && !p.hasDigit) || yearLike(p) || p.role == .year else { continue }
            let v = t.number
            var season: Int, first: Int, last: Int
            switch t.length {
            case 3: season = v / 100; first = v % 100; last = first
            case 4: season = v / 100; first = v % 100; last = first
            case 5: season = v / 10000; first = v / 100 % 100; last = v % 100
            default: season = v / 10000; first = v / 100 % 100; last = v % 100
            }
            guard first >= 1, last >= first, last - first <= 1 || t.length <= 4 else { continue }
            if t.length == 3, byte(t.start) == UInt8(ascii: "0") { continue }   // "001" is an absolute number
            if t.length >= 5, last != first + 1 { continue }
            if t.length == 4, season == 0 && lowerByte(t.start) != UInt8(ascii: "0") { continue }
            info.seasons = [season]
            info.episodes = []
            for e in first...last { info.episodes.append(e) }
            tokens[i].role = .episode
            tokens[i].strong = true
            firstNumbering = min(firstNumbering ?? i, i)
            // "Show.101.102": a second number of the same season
            if let n = token(i + 1), n.isNumber, n.length == t.length, n.role == .free, n.number / 100 == season, n.number % 100 > last {
                info.episodes.append(n.number % 100)
                tokens[i + 1].role = .episode
            }
            return true
        }
        return false
    }

    /// Anime-style absolute numbers: after " - ", the last bare number before the first bracket,
    /// a bracketed number ("[05]", "(01-25)"), or a number followed by quality words.
    func scanAbsolute(allowBare: Bool = true) {
        let from = titleStart + 1
        guard from < tokens.count else { return }
        // 1. " - 12", " - 09v2"
        var next = nextDashGap(from: from)
        while next < tokens.count {
            let j = next
            next = nextDashGap(from: j + 1)
            if let nv = numberWithVersion(j), nv.number > 0 {
                info.version = nv.version
                claimAbsolute(j, nv.number, nv.number, used: 1)
                return
            }
            guard isStandaloneNumber(j), tokens[j].number > 0, !(yearLike(tokens[j]) && isYearContext(j)) else { continue }
            // "Title - 100 Years Quest - 01": a number that starts words is part of the title.
            if let n = token(j + 1), n.role == .free, n.depth == tokens[j].depth, !n.isNumber, gapIs(j + 1, 32) || gapIs(j + 1, UInt8(ascii: "_")) { continue }
            var first = tokens[j].number
            var r = rangeEnd(after: j)
            var start = j
            // "01 - 119" (a zero-padded first number): a range written with spaces
            if let p = token(j - 1), j - 1 > titleStart, p.role == .free, p.isNumber, p.length >= 2, byte(p.start) == UInt8(ascii: "0"), p.number < first {
                first = p.number; start = j - 1
                r = (max(r.last, tokens[j].number), r.used + 1)
            }
            claimAbsolute(start, first, r.last, used: r.used)
            return
        }
        // 2. A bracketed number or range right after the title: "[05]", "[01-05]", "(01-25)"
        for j in from..<tokens.count {
            let t = tokens[j]
            if t.role != .free { if t.role == .meta && t.strong { break } else { continue } }
            guard t.depth > 0, t.isNumber, t.number > 0, t.length <= 4, !yearLike(t), gapContainsAny(j, "[("), isStandaloneNumber(j) else { continue }
            let r = rangeEnd(after: j)
            if let n = token(j + r.used), n.depth >= t.depth, !gapContainsAny(j + r.used, "])") { continue }
            claimAbsolute(j, t.number, r.last, used: r.used)
            return
        }
        guard allowBare else { return }
        // 3. The last bare number before the first bracket or quality word (anime names),
        //    or one followed by quality/language words ("Abc 484 VOSTFR", "Show 2018 06 720p").
        var candidate: Int?
        var j = from
        while j < tokens.count {
            let t = tokens[j]
            if t.depth > 0 || (t.role != .free && t.strong) || t.role == .language || (t.role == .meta && !t.strong && isAnimeStyle) { break }
            if isStandaloneNumber(j), t.number > 0, !yearLike(t) || isAnimeStyle && !isYearContext(j) {
                // A number right before a year is part of a title ("Quiet Harbor 2 2014").
                let beforeYear = token(j + 1).map { yearLike($0) } ?? false
                let followedByMeta = !beforeYear && (j + 1 >= tokens.count || looksMeta(j + 1) || (token(j + 1)?.depth ?? 0) > 0
                    || isFlag(j + 1, .vostfr) || token(j + 1).map { $0.role != .free } ?? true)
                if isAnimeStyle || followedByMeta { candidate = j }
                if !isAnimeStyle && followedByMeta { break }
            }
            j += 1
        }
        if let c = candidate {
            var start = c, first = tokens[c].number
            // "26-27": the range ends here
            if let p = token(c - 1), c - 1 > titleStart, p.isNumber, p.role == .free, p.number < first, gapContains(c, UInt8(ascii: "-")) || gapContains(c, UInt8(ascii: "~")) {
                start = c - 1; first = p.number
            }
            let r = rangeEnd(after: c)
            claimAbsolute(start, first, r.last, used: r.used + (c - start))
        }
    }

    /// "(2014)" or a 4-digit year right before quality words reads as a year, not an episode.
    func isYearContext(_ j: Int) -> Bool {
        gapContains(j, UInt8(ascii: "(")) || gapContains(j, UInt8(ascii: "["))
    }
}

extension ReleaseScan {
    private static let numberWords: [StaticString] = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]

    /// "Part01", "Part 02", "Part.Two" right before quality words: episode N of a miniseries
    /// (a "Part 2" followed by a year is a film's title, so quality words must follow).
    func scanPartEpisodes() -> Bool {
        var i = titleStart + 1
        while i < tokens.count {
            defer { i += 1 }
            guard tokens[i].role == .free, tokenHasPrefix(i, "part") else { continue }
            var n = -1, used = 1
            if tokens[i].length > 4 { n = digits(tokens[i].start + 4, tokens[i].end) }
            else if let next = token(i + 1), next.isNumber { n = next.number; used = 2 }
            else if token(i + 1) != nil {
                for (k, w) in Self.numberWords.enumerated() where tokenIs(i + 1, w) { n = k + 1; used = 2 }
            }
            guard n > 0, n < 100, i + used < tokens.count, looksStrongMeta(i + used) else { continue }
            info.seasons = [1]
            info.episodes = [n]
            for k in i..<(i + used) { tokens[k].role = .episode; tokens[k].strong = true }
            firstNumbering = min(firstNumbering ?? i, i)
            return true
        }
        return false
    }

    private func looksStrongMeta(_ j: Int) -> Bool {
        guard let t = token(j) else { return false }
        return t.role == .meta && t.strong
    }
}
