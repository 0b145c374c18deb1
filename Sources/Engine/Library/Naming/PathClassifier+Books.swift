import Foundation

/// Ebooks: `Author/Title.epub`, `Author/Series/2 - Title.epub`, `Title - Author.epub`, and
/// Calibre's `Author/Title (123)/Title - Author.epub`.
///
/// Kavita and Calibre-Web prefer a book's embedded metadata; the path is what they fall back
/// on, so it is read for author, title, series and index the way AudioBookshelf reads books.
extension PathClassifier {
    static func book(folders: [String], stem: String) -> PathFacts {
        var facts = PathFacts(kind: .book)
        facts.author = folders.first.flatMap { PathText.nonEmpty(PathText.tidy($0)) }
        var text = stem
        if let r = text.range(of: " - ", options: .backwards) {
            let before = String(text[..<r.lowerBound])
            let tail = String(text[r.upperBound...])
            if let author = facts.author {
                if PathText.same(tail, author) { text = before }
            } else if folders.isEmpty, seriesIndexPrefix(NameChars(stem)) == nil, !before.allSatisfy(\.isNumber) {
                facts.author = PathText.nonEmpty(PathText.tidy(tail))
                text = before
            }
        }
        let name = bookName(text)
        facts.title = name.title
        facts.seriesIndex = name.seriesIndex
        facts.year = name.year
        if folders.count >= 2, let last = folders.last {
            let folderName = bookName(withoutCalibreId(last))
            if PathText.same(folderName.title, facts.title) {
                // A folder per book: the series (if any) is the level above it.
                if folders.count >= 3 { facts.series = PathText.nonEmpty(PathText.tidy(folders[folders.count - 2])) }
                facts.year = facts.year ?? folderName.year
                facts.seriesIndex = facts.seriesIndex ?? folderName.seriesIndex
            } else {
                facts.series = PathText.nonEmpty(PathText.tidy(last))
            }
        }
        return facts
    }

    /// Calibre's book folders end in the book's id: `Title (123)`.
    static func withoutCalibreId(_ name: String) -> String {
        let s = NameChars(name)
        guard s.lower(s.count - 1) == 41 else { return name }
        var i = s.count - 2
        while s.isDigit(i) { i -= 1 }
        guard i < s.count - 2, s.lower(i) == 40 else { return name }
        let digits = s.string(i + 1..<s.count - 1)
        if digits.count == 4, let y = Int(digits), PathText.isYear(y) { return name }
        return s.string(0..<i)
    }
}
