/// Tracks without tags: `Artist/Album (Year)/NN - Title.flac`, as Navidrome and Lidarr lay
/// them out.
///
/// Tags win whenever a file has them; the path is the fallback a server uses for untagged
/// files, so it is read the same way: disc folders (`Disc 2`, `CD1`), album years in
/// parentheses or as a `YYYY - ` prefix, and track numbers as `NN - `, `NN. `, `NN ` or
/// `D-NN ` (disc and track) before the title.
extension PathClassifier {
    static func track(folders: [String], stem: String) -> PathFacts {
        var facts = PathFacts(kind: .track)
        var dirs = folders
        if let last = dirs.last, let d = discFolder(last) {
            facts.disc = d
            dirs.removeLast()
        }

        let s = NameChars(stem)
        var rest = stem
        if let (d, e1) = s.number(at: 0, max: 2), s.lower(e1) == UInt8(ascii: "-"),
           let (t, e2) = s.number(at: e1 + 1, max: 3), e2 - e1 > 2, !s.isWord(e2) {
            facts.disc = facts.disc ?? d
            facts.track = t
            rest = s.string(e2..<s.count)
        } else if let (t, e) = s.number(at: 0, max: 3), !s.isWord(e), !(s.lower(e) == 46 && s.isDigit(e + 1)) {
            facts.track = t
            rest = s.string(e..<s.count)
        }

        var artistDir: String?
        var albumDir: String?
        if dirs.count >= 2 {
            artistDir = dirs[dirs.count - 2]
            albumDir = dirs[dirs.count - 1]
        } else if let only = dirs.first {
            if let r = only.range(of: " - "), !isYearText(only[..<r.lowerBound]) {
                artistDir = String(only[..<r.lowerBound])
                albumDir = String(only[r.upperBound...])
            } else if facts.track != nil {
                albumDir = only
            } else {
                artistDir = only
            }
        }
        facts.artist = artistDir.flatMap { PathText.nonEmpty(PathText.tidy($0)) }
        if let albumDir {
            let album = albumFolder(albumDir)
            facts.album = album.title
            facts.year = album.year
        }

        var title = PathText.tidy(rest)
        if let r = title.range(of: " - ") {
            let before = String(title[..<r.lowerBound])
            let after = String(title[r.upperBound...])
            if let artist = facts.artist {
                if PathText.same(before, artist) { title = after }
            } else {
                facts.artist = PathText.nonEmpty(before)
                title = after
            }
        }
        facts.title = PathText.nonEmpty(PathText.trimSeparators(title))
        return facts
    }

    static func isYearText<S: StringProtocol>(_ s: S) -> Bool {
        s.count == 4 && Int(s).map(PathText.isYear) == true
    }

    /// An album folder's title and year: `Album (2010)`, `Album [2010]`, `2010 - Album`,
    /// `(2010) Album`; other square-bracket tags (`[FLAC]`, `[24-96]`) are dropped.
    static func albumFolder(_ raw: String) -> (title: String?, year: Int?) {
        var text = raw
        var year: Int?
        if let (before, y, after) = PathText.parenYear(text) {
            year = y
            text = before + after
        }
        text = PathText.removingGroups(text, "[", "]") { inner in
            if year == nil, isYearText(inner), let y = Int(inner) { year = y }
            return true
        }
        let s = NameChars(text.trimmingCharacters(in: .whitespaces))
        if year == nil, let (y, e) = s.number(at: 0, max: 4), e == 4, PathText.isYear(y), !s.isWord(e) {
            var j = e
            while [32, 45, 46, 95].contains(s.lower(j)) { j += 1 }
            if j > e, j < s.count {
                year = y
                text = s.string(j..<s.count)
            }
        }
        return (PathText.nonEmpty(PathText.tidy(text)), year)
    }
}
