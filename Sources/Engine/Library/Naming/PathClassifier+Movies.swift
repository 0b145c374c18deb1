/// Films: `Title (Year)/Title (Year).mkv` as Jellyfin, Plex and Radarr lay them out, and
/// scene names (`Title.2010.1080p.BluRay.x264-GRP.mkv`) through the release parser.
///
/// A film's folder names it when its file does not (`movie.mkv`, an obfuscated name without a
/// year); the file adds what distinguishes it from its siblings: a stack part (`cd1`,
/// `part2`), a version label (`Title (2010) - 1080p.mkv`, which servers offer as a choice),
/// and an edition (`{edition-Director's Cut}` or words the parser knows).
extension PathClassifier {
    /// What one name (a file stem or a folder) says about a film.
    struct MovieName {
        var title: String?
        var year: Int?
        var edition: String?
        var version: String?
        var part: Int?
    }

    /// Folders of a disc structure, which say nothing about the film.
    static let structureFolders: Set<String> = ["video_ts", "audio_ts", "bdmv", "stream", "playlist", "clipinf", "backup", "certificate"]
    /// File stems that name no film, so the folder does.
    static let genericStems: Set<String> = ["movie", "video", "film", "feature", "main", "main feature", "main movie", "title", "index", "untitled"]

    static func movie(folders: [String], stem: String) -> PathFacts {
        var facts = PathFacts(kind: .movie)
        if let extra = extra(folders: folders, stem: stem) {
            facts.kind = extra.type == "sample" ? .sample : .extra
            facts.extraType = extra.type
            facts.title = extra.title
            return facts
        }
        var index = folders.count - 1
        var folderPart: Int?
        while index >= 0 {
            let f = folders[index]
            if structureFolders.contains(f.lowercased()) { index -= 1; continue }
            if folderPart == nil, let p = partFolder(f) { folderPart = p; index -= 1; continue }
            break
        }
        let folderRaw = index >= 0 ? folders[index] : nil
        let folder = folderRaw.map { movieName($0, isFile: false, folderRaw: nil, folder: nil) }
        let file = movieName(stem, isFile: true, folderRaw: folderRaw, folder: folder)
        if let folder, folder.title != nil, isGenericStem(stem) || file.title == nil || (file.year == nil && folder.year != nil) {
            facts.title = folder.title
            facts.year = folder.year
        } else {
            facts.title = file.title
            facts.year = file.year
        }
        facts.edition = file.edition ?? folder?.edition
        facts.version = file.version
        facts.part = file.part ?? folderPart
        facts.quality = quality(stem, hint: .movie)
        return facts
    }

    /// Reads a film's name. For a file, also its stack part and its version label (the text
    /// after ` - ` that follows the year, or follows the folder's whole name).
    static func movieName(_ raw: String, isFile: Bool, folderRaw: String?, folder: MovieName?) -> MovieName {
        var out = MovieName()
        let (withoutEdition, edition) = PathText.extractEdition(raw)
        out.edition = edition
        var text = PathText.removingIdTags(withoutEdition)
        let year = PathText.parenYear(text)

        if isFile, let (range, n) = stackPart(NameChars(text)) {
            let s = NameChars(text)
            let marker = s.string(range).lowercased()
            let afterYear = year.map { range.lowerBound >= $0.before.count + 6 } ?? true
            let inFolderTitle = folderRaw.map { $0.lowercased().contains(marker) } ?? false
            if afterYear && (year != nil || !inFolderTitle) {
                out.part = n
                text = s.string(0..<range.lowerBound) + s.string(range.upperBound..<s.count)
            }
        }

        if let (before, y, after) = PathText.parenYear(text) {
            out.title = PathText.nonEmpty(PathText.tidy(before))
            out.year = y
            let rest = after.trimmingCharacters(in: .whitespaces)
            if isFile, rest.hasPrefix("-") { out.version = PathText.nonEmpty(PathText.tidy(rest.dropFirst())) }
        } else if isFile, let folderRaw, let folder, folder.title != nil,
                  text.lowercased().hasPrefix(folderRaw.lowercased() + " - ") {
            out.title = folder.title
            out.year = folder.year
            out.version = PathText.nonEmpty(PathText.tidy(text.dropFirst(folderRaw.count + 3)))
        } else if !text.contains(" ") || quality(text, hint: .movie) != nil {
            let info = ReleaseParser.parse(text, hint: .movie)
            out.title = PathText.nonEmpty(info.title)
            out.year = info.year
            out.edition = out.edition ?? info.edition
        } else {
            out.title = PathText.beforeMeta(text)
        }
        if out.edition == nil {
            out.edition = PathText.nonEmpty(ReleaseParser.parse(text, hint: .movie).edition)
        }
        return out
    }

    /// The last stack marker in a name (`cd1`, `cd 2`, `part1`, `pt2`, `disc1`, `disk 3`,
    /// `dvd1`, with `-`, `_`, `.` or spaces around): its range and number.
    static func stackPart(_ s: NameChars) -> (Range<Int>, Int)? {
        var found: (Range<Int>, Int)?
        var i = 0
        while i < s.count {
            if s.isASCIILetter(i), !s.isWord(i - 1) {
                for word in ["part", "disc", "disk", "dvd", "cd", "pt"] where s.matches(word, at: i) {
                    var j = i + word.count
                    while [32, 45, 46, 95].contains(s.lower(j)) { j += 1 }
                    // DVD5 and DVD9 are disc sizes in release names, not pieces.
                    let size = word == "dvd" && j == i + 3
                    if let (n, e) = s.number(at: j, max: 2), !s.isWord(e), !(size && (n == 5 || n == 9)) {
                        var start = i
                        while start > 0, [32, 45, 46, 95].contains(s.lower(start - 1)) { start -= 1 }
                        found = (start..<e, n)
                    }
                    break
                }
            }
            i += 1
        }
        return found
    }

    /// `CD1`, `Disc 2`, `Part 1`, `DVD2`: a folder holding one piece of a stacked film.
    static func partFolder(_ name: String) -> Int? {
        let s = NameChars(name)
        guard let (range, n) = stackPart(s), range.lowerBound == 0, range.upperBound == s.count else { return nil }
        return n
    }

    static func isGenericStem(_ stem: String) -> Bool {
        let lower = PathText.tidy(stem).lowercased()
        if lower.isEmpty || genericStems.contains(lower) { return true }
        if lower.allSatisfy({ $0.isASCII && $0.isNumber }) { return true }
        // DVD title sets: VTS_01_1.
        return lower.hasPrefix("vts ") && lower.dropFirst(4).allSatisfy { $0.isNumber || $0 == " " }
    }
}
