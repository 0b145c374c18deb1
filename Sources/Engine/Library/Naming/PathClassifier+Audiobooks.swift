/// Audiobooks as AudioBookshelf lays them out: `Author/Series/1 - Title {Narrator}/files`.
///
/// A book is a folder (its files are chapters, so the title is the folder's, not a file's)
/// or a single file (`Author/Title.m4b`). Above the book folder sit the author and, when
/// there are three levels, the series. The book folder's name may carry the series index
/// (`1 - `, `Book 2 - `, `Vol. 3 - `, `1.5 - `), a year (`1994 - Title`, `Title (1994)`) and
/// the narrator in braces. `Disc 1`/`CD 2` folders inside a book are part of it.
extension PathClassifier {
    /// What a book folder's (or a single book file's) name says.
    struct BookName {
        var title: String?
        var seriesIndex: Double?
        var year: Int?
        var narrator: String?
    }

    static func audiobook(folders: [String], stem: String, ext: String) -> PathFacts {
        var facts = PathFacts(kind: .audiobook)
        var dirs = folders
        while let last = dirs.last, discFolder(last) != nil { dirs.removeLast() }
        var bookFolder: String?
        switch dirs.count {
        case 0:
            break
        case 1:
            if isChapter(stem, of: dirs[0], ext: ext) { bookFolder = dirs[0] } else { facts.author = dirs[0] }
        case 2:
            facts.author = dirs[0]
            bookFolder = dirs[1]
        default:
            facts.author = dirs[0]
            facts.series = dirs[dirs.count - 2]
            bookFolder = dirs[dirs.count - 1]
        }
        facts.author = facts.author.flatMap { PathText.nonEmpty(PathText.tidy($0)) }
        facts.series = facts.series.flatMap { PathText.nonEmpty(PathText.tidy($0)) }
        let name = bookName(bookFolder ?? stem)
        facts.title = name.title
        facts.seriesIndex = name.seriesIndex
        facts.year = name.year
        facts.narrator = name.narrator
        if bookFolder != nil, !PathText.same(stem, name.title) {
            // One file of several: its name is kept, its number orders the book's files.
            facts.chapter = PathText.nonEmpty(stem)
            let s = NameChars(stem)
            if let (n, e) = s.number(at: 0, max: 4), !s.isWord(e) { facts.track = n }
        }
        return facts
    }

    /// Whether a file inside a single folder is a chapter of a book named by that folder,
    /// rather than a whole book inside its author's folder.
    static func isChapter(_ stem: String, of folder: String, ext: String) -> Bool {
        let fileKey = PathText.key(stem)
        let folderKey = PathText.key(bookName(folder).title)
        if !folderKey.isEmpty, fileKey.hasPrefix(folderKey) { return true }
        if ext == "m4b" { return false }
        let s = NameChars(stem)
        if let (_, e) = s.number(at: 0, max: 3), !s.isWord(e) { return true }
        for word in ["chapter", "part", "track", "disc", "cd", "kapitel", "chapitre", "capitulo"] where s.matches(word, at: 0) {
            var i = word.count
            while s.isSpace(i) || s.lower(i) == 95 || s.lower(i) == 45 { i += 1 }
            if s.isDigit(i) { return true }
        }
        return false
    }

    /// Reads `Vol. 2 - 1994 - Title (1994) {Narrator}` and its simpler forms.
    static func bookName(_ raw: String) -> BookName {
        var out = BookName()
        let text = PathText.removingGroups(raw, "{", "}") { inner in
            if out.narrator == nil { out.narrator = PathText.nonEmpty(PathText.tidy(inner)) }
            return true
        }
        let s = NameChars(text.trimmingCharacters(in: .whitespaces))
        var i = 0
        if let (index, end) = seriesIndexPrefix(s) {
            out.seriesIndex = index
            i = end
        }
        // "1994 - Title"
        if let (y, e) = s.number(at: i, max: 4), e == i + 4, PathText.isYear(y), let after = dashAfter(s, e) {
            out.year = y
            i = after
        }
        var rest = s.string(i..<s.count)
        if let (before, y, after) = PathText.parenYear(rest), PathText.tidy(after).isEmpty {
            out.year = out.year ?? y
            rest = before
        }
        out.title = PathText.nonEmpty(PathText.tidy(rest))
        return out
    }

    /// `1 - `, `1. `, `1.5 - `, `#2 - `, `Book 2 - `, `Vol 3 - `, `Vol. 3. `, `Volume 3 - `
    /// opening a name: the index and where the rest begins. A number alone needs a separator
    /// after it ("1984" is a title); a year is not an index.
    static func seriesIndexPrefix(_ s: NameChars) -> (Double, Int)? {
        var i = 0
        var worded = false
        for word in ["volume", "vol", "book", "#"] where s.matches(word, at: 0) {
            i = word.utf8.count
            if s.lower(i) == 46 { i += 1 }
            while s.isSpace(i) { i += 1 }
            worded = true
            break
        }
        guard let (whole, e) = s.number(at: i, max: 3) else { return nil }
        var value = Double(whole)
        var end = e
        if s.lower(e) == 46, let (frac, e2) = s.number(at: e + 1, max: 2) {
            value += Double(frac) / (e2 - e - 1 == 1 ? 10 : 100)
            end = e2
        }
        if let after = dashAfter(s, end) { return (value, after) }
        if s.lower(end) == 46, s.isSpace(end + 1) {
            var j = end + 1
            while s.isSpace(j) { j += 1 }
            return j < s.count ? (value, j) : nil
        }
        if worded {
            if end == s.count { return (value, end) }
            if s.isSpace(end) {
                var j = end
                while s.isSpace(j) { j += 1 }
                return (value, j)
            }
        }
        return nil
    }

    /// After ` - ` (or `-`) at `i` with text following, where that text begins.
    static func dashAfter(_ s: NameChars, _ i: Int) -> Int? {
        var j = i
        while s.isSpace(j) { j += 1 }
        guard s.lower(j) == 45 else { return nil }
        j += 1
        while s.isSpace(j) { j += 1 }
        return j < s.count ? j : nil
    }
}
