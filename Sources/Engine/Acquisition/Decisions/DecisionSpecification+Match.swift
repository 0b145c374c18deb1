import Foundation

/// The release must be what was asked for: its title, year, season and episode.
///
/// Indexers answer loosely (a search for "Harbor Lights" also returns "Harbor Lights
/// Revisited"), so the parsed name is compared with the target. Strict targets (wanted items)
/// need the same title after normalizing; loose ones (a free search) every word of the query.
public struct MatchSpecification: DecisionSpecification {
    public let name = "match"
    public init() {}

    public func check(_ c: ReleaseCandidate, _ ctx: DecisionContext) -> String? {
        guard let t = ctx.target else { return nil }
        if let why = title(c, t) { return why }
        if let wanted = t.year, let year = c.info.year {
            let tolerance = c.kind == .movie ? 1 : 0
            if abs(wanted - year) > tolerance { return "year \(year), wanted \(wanted)" }
        }
        return numbering(c.info, t)
    }

    private func title(_ c: ReleaseCandidate, _ t: SearchTarget) -> String? {
        guard let wanted = t.title else { return nil }
        let wantedWords = TitleKey.words(wanted)
        guard !wantedWords.isEmpty else { return nil }
        switch c.kind {
        case .episode, .movie:
            guard let found = c.info.title, !found.isEmpty else { return "the name has no title to match '\(wanted)'" }
            if t.strict {
                return TitleKey.same(found, wanted) ? nil : "title '\(found)' is not '\(wanted)'"
            }
            let have = Set(TitleKey.words(found))
            let missing = wantedWords.filter { !have.contains($0) }
            return missing.isEmpty ? nil : "title '\(found)' does not contain '\(missing.joined(separator: " "))'"
        default:
            // Music and books: artist, album, author and title all live in the name.
            let have = Set(TitleKey.words(c.release.title))
            let missing = wantedWords.filter { !have.contains($0) }
            return missing.isEmpty ? nil : "the name does not contain '\(missing.joined(separator: " "))'"
        }
    }

    private func numbering(_ i: ReleaseInfo, _ t: SearchTarget) -> String? {
        func se(_ s: Int, _ e: Int? = nil) -> String {
            "S" + (s < 10 ? "0" : "") + String(s) + (e.map { "E" + ($0 < 10 ? "0" : "") + String($0) } ?? "")
        }
        guard let season = t.season else { return nil }
        if i.seasons.isEmpty {
            if !i.absoluteEpisodes.isEmpty {
                return "absolute episode \(i.absoluteEpisodes.map(String.init).joined(separator: ",")) cannot be matched to \(se(season, t.episode)) without series metadata"
            }
            return "no season in the name, wanted \(se(season, t.episode))"
        }
        guard i.seasons.contains(season) else {
            return "season \(i.seasons.map(String.init).joined(separator: ",")), wanted season \(season)"
        }
        if let episode = t.episode {
            if i.fullSeason || i.episodes.isEmpty { return "a season pack, wanted \(se(season, episode)) only" }
            if !i.episodes.contains(episode) {
                return "episode \(i.episodes.map(String.init).joined(separator: ",")), wanted \(se(season, episode))"
            }
        } else if !i.fullSeason && !i.episodes.isEmpty {
            return "single episode \(se(season, i.episodes[0])), wanted the whole season \(season)"
        }
        return nil
    }
}

/// Required and ignored terms, and the minimum term score.
public struct TermsSpecification: DecisionSpecification {
    public let name = "terms"
    public init() {}
    public func check(_ c: ReleaseCandidate, _ ctx: DecisionContext) -> String? {
        let p = ctx.profile
        let title = c.release.title
        if let term = TermMatcher.first(of: p.ignoredTerms, in: title) { return "contains the ignored term '\(term)'" }
        if !p.requiredTerms.isEmpty, TermMatcher.first(of: p.requiredTerms, in: title) == nil {
            return "contains none of the required terms (\(p.requiredTerms.joined(separator: ", ")))"
        }
        if let minimum = p.minimumScore {
            let score = p.score(title)
            if score < minimum { return "term score \(score) is below the minimum \(minimum)" }
        }
        return nil
    }
}

/// Titles reduced to comparable words: lowercase letters and digits, "&" as "and", accents off.
enum TitleKey {
    static func words(_ title: String) -> [String] {
        let anded = title.contains("&") ? title.replacingOccurrences(of: "&", with: " and ") : title
        // ASCII has no diacritics and `normalize` lowercases: folding (slow) only for the rest.
        let folded = anded.utf8.allSatisfy { $0 < 0x80 } ? anded
            : anded.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        return TermMatcher.normalize(folded).split(separator: " ").map(String.init).filter { $0 != "'" }
    }

    /// "Grey's" as "Greys". Most titles have no apostrophe: those skip Foundation's replace.
    static func withoutApostrophes(_ title: String) -> String {
        title.utf8.contains(UInt8(ascii: "'")) ? title.replacingOccurrences(of: "'", with: "") : title
    }

    /// What two titles must share to be the same: their words without apostrophes, a leading
    /// "the"/"a"/"an" and a trailing year. Also the key `GrabMatcher` indexes wanted items by.
    static func key(_ title: String) -> String {
        var w = words(withoutApostrophes(title))
        if let first = w.first, ["the", "a", "an"].contains(first), w.count > 1 { w.removeFirst() }
        if let last = w.last, last.count == 4, let y = Int(last), y > 1900, y < 2100, w.count > 1 { w.removeLast() }
        return w.joined(separator: " ")
    }

    /// Equal titles, ignoring a leading "the"/"a" and a trailing year.
    static func same(_ found: String, _ wanted: String) -> Bool { key(found) == key(wanted) }
}
