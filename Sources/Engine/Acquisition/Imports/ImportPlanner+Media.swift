import Foundation

/// The facts that name music, books, audiobooks and comics in their libraries.
///
/// What the person asked for names the album, book or series (`wanted add music 'Artist -
/// Album'`), then the release name, then the file; what only the file knows (a track's number
/// and title, a comic's issue) comes from its tags, then from its name read the way the
/// library scanner reads it (`PathClassifier`), so an import reads back as what it is.
extension ImportPlanner {
    static func trackFacts(file: String, content: String, wanted: WantedItem?, release: String?,
                           tags: [String: String]) throws -> PathFacts {
        let w = wanted.map { ReleaseParser.parse($0.title, hint: .music) }
        let r = release.map { ReleaseParser.parse($0, hint: .music) }
        // The release folder reads as the album folder, as the scanner would read it.
        let base = (content as NSString).deletingLastPathComponent
        let relative = file.hasPrefix(base + "/") ? String(file.dropFirst(base.count + 1)) : (file as NSString).lastPathComponent
        let p = PathClassifier.classify(relativePath: relative, type: .music)
        let stem = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        var f = PathFacts(kind: .track)
        f.artist = firstText(w?.artist, r?.artist, tags["album_artist"], tags["artist"], p.artist)
        f.album = firstText(w?.album, w?.artist == nil ? nil : w?.title, r?.album, tags["album"], p.album)
        f.year = wanted?.year ?? w?.year ?? r?.year ?? tags["date"].flatMap(leadingYear) ?? p.year
        f.track = tags["track"].flatMap { ofTotal($0)?.n } ?? p.track
        if let d = tags["disc"].flatMap(ofTotal), d.n > 1 || (d.total ?? 1) > 1 { f.disc = d.n } else { f.disc = p.disc }
        f.title = firstText(tags["title"], p.title, stem)
        guard f.artist != nil, f.album != nil else {
            throw EngineError.failed("\(stem): no artist and album known; want it as 'Artist - Album' and import with --wanted ID")
        }
        return f
    }

    static func bookFacts(file: String, wanted: WantedItem?, release: String?) throws -> PathFacts {
        let (author, title) = authorAndTitle(file: file, wanted: wanted, release: release, hint: .book, type: .books)
        guard let author, let title else {
            throw EngineError.failed("\((file as NSString).lastPathComponent): no author and title known; want it as 'Author - Title' and import with --wanted ID")
        }
        return PathFacts(kind: .book, title: title, year: wanted?.year, author: author)
    }

    /// A single-file book is named by the template; a book of several files keeps each
    /// file's name (`chapter`) inside the one book folder.
    static func audiobookFacts(file: String, wanted: WantedItem?, release: String?, chapter: String?) throws -> PathFacts {
        let (author, title) = authorAndTitle(file: file, wanted: wanted, release: release, hint: .audiobook, type: .audiobooks)
        guard let author, let title else {
            throw EngineError.failed("\((file as NSString).lastPathComponent): no author and title known; want it as 'Author - Title' and import with --wanted ID")
        }
        var f = PathFacts(kind: .audiobook, title: title, year: wanted?.year, author: author)
        if let chapter = firstText(chapter) {
            f.chapter = chapter
            let s = NameChars(chapter)
            if let (n, e) = s.number(at: 0, max: 4), !s.isWord(e) { f.track = n }
        }
        return f
    }

    /// The series from the wanted item (`wanted add comic 'Saga'`) or the file; the issue
    /// number from the file, so each archive of a pack keeps its own.
    static func comicFacts(file: String, wanted: WantedItem?) throws -> PathFacts {
        let p = PathClassifier.classify(relativePath: (file as NSString).lastPathComponent, type: .comics)
        let w = wanted.map { PathClassifier.classify(relativePath: $0.title.replacingOccurrences(of: "/", with: " ") + ".cbz", type: .comics) }
        var f = PathFacts(kind: .comic)
        f.series = firstText(w?.series, w?.title, p.series)
        f.number = p.number ?? w?.number
        f.volume = p.volume
        f.year = p.year ?? wanted?.year
        f.title = p.title
        guard f.series != nil, f.number != nil else {
            throw EngineError.failed("\((file as NSString).lastPathComponent): no series and issue number in the name; rename it as 'Series 012.cbz' and import again")
        }
        return f
    }

    /// Author and title from the wanted item, the release name, then the file's own name.
    static func authorAndTitle(file: String, wanted: WantedItem?, release: String?, hint: ReleaseInfo.Kind,
                               type: LibraryType) -> (String?, String?) {
        let w = wanted.map { ReleaseParser.parse($0.title, hint: hint) }
        let r = release.map { ReleaseParser.parse($0, hint: hint) }
        let p = PathClassifier.classify(relativePath: (file as NSString).lastPathComponent, type: type)
        let author = firstText(w?.author, r?.author, p.author)
        // A wanted title without an author is still the title asked for.
        let title = firstText(w?.title, wanted?.title, r?.title, p.title)
        return (author, title)
    }

    /// The first value with something in it besides spaces.
    static func firstText(_ values: String?...) -> String? {
        values.lazy.compactMap { $0?.trimmingCharacters(in: .whitespacesAndNewlines) }.first { !$0.isEmpty }
    }

    /// "3/12" → (3, 12); "3" → (3, nil).
    static func ofTotal(_ text: String) -> (n: Int, total: Int?)? {
        let parts = text.split(separator: "/", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let first = parts.first, let n = Int(first), (0...9999).contains(n) else { return nil }
        return (n, parts.count > 1 ? Int(parts[1]) : nil)
    }

    /// The year a tag's date starts with ("2019-03-01", "2019").
    static func leadingYear(_ text: String) -> Int? {
        guard text.count >= 4, let y = Int(text.prefix(4)), PathText.isYear(y) else { return nil }
        return y
    }
}
