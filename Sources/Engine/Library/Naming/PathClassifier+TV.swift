/// Episodes: `Show (2010) [tvdbid-123]/Season 01/Show - S01E02 - Pilot.mkv`, as Jellyfin,
/// Plex and Sonarr lay them out.
///
/// The show comes from the top folder (servers group by it), the season from a season folder
/// unless the name states one, and the numbering from the name: `S01E02`, `1x02`, multi-episode
/// `S01E01E02`/`S01E01-E03`/`S01E01-03`, dates for daily shows, `E05`/`Episode 5` inside a
/// season folder, and absolute numbers (`[Group] Show - 123`) for anime kept without seasons.
extension PathClassifier {
    /// Where the numbering sits in a name and what it says.
    struct EpisodeMarker {
        var range: Range<Int>
        var season: Int?
        var episodes: [Int] = []
        var absolute: [Int] = []
        var airDate: String?
        /// A bare number ("Show - 012", "05 - Title"): an episode in a season folder, absolute otherwise.
        var bare = false
    }

    static func episode(folders: [String], stem: String) -> PathFacts {
        var facts = PathFacts(kind: .episode)
        var folderSeason: Int?
        var hasSeriesFolder = !folders.isEmpty
        for (i, f) in folders.enumerated().reversed() {
            if let s = seasonFolder(f) {
                folderSeason = s
                if i == 0 { hasSeriesFolder = false }
                break
            }
        }
        if hasSeriesFolder {
            let top = seriesFolder(folders[0])
            facts.series = top.title
            facts.year = top.year
            if folderSeason == nil { folderSeason = top.season }
        }
        if let extra = extra(folders: folders, stem: stem) {
            facts.kind = extra.type == "sample" ? .sample : .extra
            facts.extraType = extra.type
            facts.title = extra.title
            facts.season = folderSeason
            return facts
        }

        let name = NameChars(stem)
        if let m = episodeMarker(name) {
            facts.season = m.season ?? folderSeason
            if m.bare && folderSeason == nil {
                facts.absoluteEpisodes = m.episodes
            } else {
                facts.episodes = m.episodes
            }
            facts.absoluteEpisodes += m.absolute
            facts.airDate = m.airDate
            if facts.series == nil {
                let (series, year) = seriesFromName(name.string(0..<m.range.lowerBound))
                facts.series = series
                facts.year = facts.year ?? year
            }
            facts.title = PathText.beforeMeta(PathText.removingGroups(name.string(m.range.upperBound..<name.count), "[", "]"))
        } else {
            let info = ReleaseParser.parse(stem, hint: .episode)
            facts.season = info.seasons.count == 1 ? info.seasons[0] : folderSeason
            facts.episodes = info.episodes
            facts.absoluteEpisodes = info.absoluteEpisodes
            facts.airDate = info.airDate
            if facts.series == nil { facts.series = PathText.nonEmpty(info.title) }
            if facts.episodes.isEmpty, facts.absoluteEpisodes.isEmpty, facts.airDate == nil {
                facts.title = PathText.beforeMeta(PathText.removingGroups(stem, "[", "]"))
            }
        }
        facts.quality = quality(stem, hint: .episode)
        return facts
    }

    /// The show's name, year and (for a season-pack folder such as `Show.S02.1080p.WEB-DL`)
    /// season, from the top folder; database id tags are dropped.
    static func seriesFolder(_ raw: String) -> (title: String?, year: Int?, season: Int?) {
        let name = PathText.removingIdTags(raw)
        if let (before, year, _) = PathText.parenYear(name) {
            return (PathText.nonEmpty(PathText.tidy(before)), year, nil)
        }
        if !name.contains(" "), name.contains(".") {
            let info = ReleaseParser.parse(name, hint: .episode)
            if let title = PathText.nonEmpty(info.title) {
                return (title, info.year, info.seasons.count == 1 && info.episodes.isEmpty ? info.seasons[0] : nil)
            }
        }
        return (PathText.nonEmpty(PathText.tidy(name)), nil, nil)
    }

    /// The show's name written before the numbering in a file name, without release group
    /// prefixes (`[Group]`), ids and a trailing year.
    static func seriesFromName(_ before: String) -> (String?, Int?) {
        let text = PathText.removingIdTags(PathText.removingGroups(before, "[", "]"))
        if let (b, year, _) = PathText.parenYear(text) { return (PathText.nonEmpty(PathText.tidy(b)), year) }
        let tidy = PathText.tidy(text)
        let words = tidy.split(separator: " ")
        if words.count > 1, let last = words.last, last.count == 4, let y = Int(last), PathText.isYear(y) {
            return (PathText.nonEmpty(words.dropLast().joined(separator: " ")), y)
        }
        return (PathText.nonEmpty(tidy), nil)
    }

    /// "Season 1", "Season 01", "S01", "Series 2", "Staffel 3", "Saison 4", "Temporada 5",
    /// "Stagione 6", and "Specials" (season 0).
    static func seasonFolder(_ raw: String) -> Int? {
        let name = PathText.tidy(raw).lowercased()
        if name == "specials" || name == "special" || name == "extras and specials" { return 0 }
        let s = NameChars(name)
        for word in ["season", "series", "staffel", "saison", "temporada", "stagione", "sezon"] where s.matches(word, at: 0) {
            var i = word.utf8.count
            while s.lower(i) == 32 { i += 1 }
            if let (n, e) = s.number(at: i, max: 4), !s.isWord(e) { return n }
            return nil
        }
        if s.lower(0) == UInt8(ascii: "s"), let (n, e) = s.number(at: 1, max: 4), e == s.count { return n }
        return nil
    }

    /// The first numbering in a name, tried from the most explicit form to the least.
    static func episodeMarker(_ s: NameChars) -> EpisodeMarker? {
        if let m = seasonEpisode(s) { return m }
        if let m = crossEpisode(s) { return m }
        if let d = s.date() { return EpisodeMarker(range: d.range, airDate: d.date) }
        if let m = episodeWord(s) { return m }
        if let m = dashNumber(s) { return m }
        if let m = leadingNumber(s) { return m }
        return nil
    }

    /// `S01E02`, `s1e2`, `S01.E02`, and what follows for more episodes.
    static func seasonEpisode(_ s: NameChars) -> EpisodeMarker? {
        var i = 0
        while i < s.count {
            if s.lower(i) == UInt8(ascii: "s"), !s.isWord(i - 1), let (season, e1) = s.number(at: i + 1, max: 4) {
                var j = e1
                if [32, 46, 95, 45].contains(s.lower(j)), s.lower(j + 1) == UInt8(ascii: "e") { j += 1 }
                if s.lower(j) == UInt8(ascii: "e"), let (ep, e2) = s.number(at: j + 1, max: 4) {
                    var episodes = [ep]
                    let end = moreEpisodes(s, from: e2, season: season, letter: UInt8(ascii: "e"), into: &episodes)
                    return EpisodeMarker(range: i..<end, season: season, episodes: episodes)
                }
            }
            i += 1
        }
        return nil
    }

    /// `1x02`, `1x02x03`, `1x02-03`.
    static func crossEpisode(_ s: NameChars) -> EpisodeMarker? {
        var i = 0
        while i < s.count {
            if s.isDigit(i), !s.isWord(i - 1), let (season, e1) = s.number(at: i, max: 2), s.lower(e1) == UInt8(ascii: "x"),
               let (ep, e2) = s.number(at: e1 + 1, max: 3) {
                var episodes = [ep]
                let end = moreEpisodes(s, from: e2, season: season, letter: UInt8(ascii: "x"), into: &episodes)
                if !s.isWord(end) { return EpisodeMarker(range: i..<end, season: season, episodes: episodes) }
            }
            i += 1
        }
        return nil
    }

    /// Further episodes after the first: `E02` (a list), `-E03` and `-03` (a range),
    /// `-S01E03` (a range in the same season). Returns the index after the last one.
    static func moreEpisodes(_ s: NameChars, from start: Int, season: Int?, letter: UInt8, into episodes: inout [Int]) -> Int {
        var end = start
        while episodes.count < 200 {
            if s.lower(end) == letter, let (n, e) = s.number(at: end + 1, max: 4) {
                appendEpisode(n, range: false, to: &episodes)
                end = e
                continue
            }
            guard s.lower(end) == UInt8(ascii: "-") else { break }
            if s.lower(end + 1) == letter, let (n, e) = s.number(at: end + 2, max: 4) {
                appendEpisode(n, range: true, to: &episodes)
                end = e
                continue
            }
            if let (n, e) = s.number(at: end + 1, max: 4), !s.isASCIILetter(e), !s.isDigit(e) {
                appendEpisode(n, range: true, to: &episodes)
                end = e
                continue
            }
            if let season, s.lower(end + 1) == UInt8(ascii: "s"), let (s2, e1) = s.number(at: end + 2, max: 4), s2 == season,
               s.lower(e1) == letter, let (n, e) = s.number(at: e1 + 1, max: 4) {
                appendEpisode(n, range: true, to: &episodes)
                end = e
                continue
            }
            break
        }
        return end
    }

    /// Adds `n`; for a range, the numbers between the last one and `n` too (at most 100).
    static func appendEpisode(_ n: Int, range: Bool, to episodes: inout [Int]) {
        if range, let last = episodes.last, n > last, n - last <= 100 {
            episodes.append(contentsOf: (last + 1)...n)
        } else if !episodes.contains(n) {
            episodes.append(n)
        }
    }

    /// `Episode 5`, `Ep 5`, `Ep. 5`, `E05`, standing alone; ranges as after `S01E01`.
    static func episodeWord(_ s: NameChars) -> EpisodeMarker? {
        var i = 0
        while i < s.count {
            if s.lower(i) == UInt8(ascii: "e"), !s.isWord(i - 1) {
                var j = i + 1
                if s.matches("pisode", at: j) { j += 6 } else if s.lower(j) == UInt8(ascii: "p") { j += 1 }
                let worded = j > i + 1
                if worded { while s.lower(j) == 32 || s.lower(j) == 46 || s.lower(j) == 95 { j += 1 } }
                if let (n, e) = s.number(at: j, max: 4) {
                    var episodes = [n]
                    let end = moreEpisodes(s, from: e, season: nil, letter: UInt8(ascii: "e"), into: &episodes)
                    if !s.isWord(end) { return EpisodeMarker(range: i..<end, episodes: episodes) }
                }
            }
            i += 1
        }
        return nil
    }

    /// `Show - 012`, `[Group] Show - 123 [1080p]`, `Show - 05v2`: a bare number after a dash.
    static func dashNumber(_ s: NameChars) -> EpisodeMarker? {
        var i = 1
        while i < s.count {
            if s.lower(i) == UInt8(ascii: "-"), s.isSpace(i - 1) || s.isSpace(i + 1) {
                var j = i + 1
                while s.isSpace(j) { j += 1 }
                if let m = bareNumber(s, at: j) { return EpisodeMarker(range: i..<m.end, episodes: [m.value], bare: true) }
            }
            i += 1
        }
        return nil
    }

    /// `05 - Title`, `05. Title`, `05`: a number opening the name.
    static func leadingNumber(_ s: NameChars) -> EpisodeMarker? {
        guard let m = bareNumber(s, at: 0) else { return nil }
        return EpisodeMarker(range: 0..<m.end, episodes: [m.value], bare: true)
    }

    /// One to four digits standing alone at `i` (a `v2` revision may follow), not a year.
    static func bareNumber(_ s: NameChars, at i: Int) -> (value: Int, end: Int)? {
        guard let (n, e) = s.number(at: i, max: 4) else { return nil }
        if e - i == 4, PathText.isYear(n) { return nil }
        var end = e
        if s.lower(end) == UInt8(ascii: "v"), s.isDigit(end + 1), !s.isWord(end + 2) { end += 2 }
        guard !s.isWord(end) else { return nil }
        // "05.5" or "1,000" are not episode numbers.
        if (s.lower(end) == 46 || s.lower(end) == 44), s.isDigit(end + 1) { return nil }
        return (n, end)
    }
}
