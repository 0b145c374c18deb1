/// Podcast episodes as AudioBookshelf keeps them: `Show/2024-03-01 - Episode Title.mp3`.
///
/// The show is the top folder; the episode's date is a `YYYY-MM-DD` (or `YYYYMMDD`) before or
/// after the title, and the title is what remains (without the show's name when the file
/// repeats it).
extension PathClassifier {
    static func podcastEpisode(folders: [String], stem: String) -> PathFacts {
        var facts = PathFacts(kind: .podcastEpisode)
        facts.series = folders.first.flatMap { PathText.nonEmpty(PathText.tidy(PathText.removingIdTags($0))) }
        let dated = datedTitle(stem, dropping: facts.series)
        facts.airDate = dated.date
        facts.title = dated.title
        return facts
    }

    /// A name with a date before or after its title: the date, and the title without it (and
    /// without `omit` when the name repeats it, such as a show's or channel's name).
    static func datedTitle(_ stem: String, dropping omit: String?) -> (date: String?, title: String?) {
        let s = NameChars(stem)
        guard let found = s.date() ?? s.compactDate() else {
            return (nil, titleDropping(PathText.tidy(stem), omit))
        }
        var before = s.string(0..<found.range.lowerBound).trimmingCharacters(in: .whitespaces)
        var after = s.string(found.range.upperBound..<s.count).trimmingCharacters(in: .whitespaces)
        // "Title (2024-03-01)" and "Title [20240301]"
        if let l = before.last, let f = after.first, (l == "(" && f == ")") || (l == "[" && f == "]") {
            before.removeLast()
            after.removeFirst()
        }
        let parts = [PathText.tidy(before), PathText.tidy(after)].filter { !$0.isEmpty }
        var title = parts.joined(separator: " - ")
        if parts.count == 2, PathText.same(parts[0], omit) { title = parts[1] }
        return (found.date, titleDropping(title, omit))
    }

    /// `title` without a leading `omit - `.
    static func titleDropping(_ title: String, _ omit: String?) -> String? {
        if let omit, !omit.isEmpty, let r = title.range(of: " - "), PathText.same(String(title[..<r.lowerBound]), omit) {
            return PathText.nonEmpty(PathText.tidy(title[r.upperBound...]))
        }
        return PathText.nonEmpty(title)
    }
}
