import Foundation

/// Which files of a download are the thing wanted, and what the library should call them.
///
/// A release folder holds the episode or film, and often a sample, extras, an .nfo and
/// screenshots; only the main files are imported. Facts come first from the wanted item
/// (what the person asked for is what the library should say), then from the file's name,
/// then from the release name; the quality is the one the release was judged at.
public enum ImportPlanner {
    /// A candidate file with its size.
    public struct Candidate: Sendable, Equatable {
        public var path: String
        public var size: Int64
    }

    /// Folder names whose files are never the main feature.
    static let extraFolders: Set<String> = ["sample", "samples", "extras", "extra", "featurettes", "behind the scenes",
                                            "deleted scenes", "interviews", "trailers", "shorts", "screens", "screenshots", "proof"]

    /// The main media files under `path` (a file or a folder), largest first: media extensions of
    /// the type only, no samples or extras, and with `sizeFloor` nothing under a tenth of the
    /// largest file (right for a film or an episode, wrong for an album's short tracks).
    public static func mainFiles(at path: String, extensions: Set<String>, sizeFloor: Bool = true) -> [Candidate] {
        var found: [Candidate] = []
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { return [] }
        if isDir.boolValue {
            guard let walker = FileManager.default.enumerator(atPath: path) else { return [] }
            while let rel = walker.nextObject() as? String {
                let full = path + "/" + rel
                let folders = rel.split(separator: "/").dropLast().map { $0.lowercased() }
                if folders.contains(where: { extraFolders.contains($0) }) { continue }
                if let c = candidate(full, extensions: extensions) { found.append(c) }
            }
        } else if let c = candidate(path, extensions: extensions) {
            found.append(c)
        }
        guard let largest = found.map(\.size).max() else { return [] }
        return found.filter { !sizeFloor || $0.size * 10 >= largest }.sorted { ($0.size, $1.path) > ($1.size, $0.path) }
    }

    static func candidate(_ path: String, extensions: Set<String>) -> Candidate? {
        var st = stat()
        guard lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_size > 0 else { return nil }
        let name = (path as NSString).lastPathComponent
        let ext = (name as NSString).pathExtension.lowercased()
        guard extensions.contains(ext) else { return nil }
        let words = TermMatcher.normalize((name as NSString).deletingPathExtension)
        if words.contains(" sample ") || words.hasSuffix(" sample") { return nil }
        for extra in ["trailer", "featurette", "behindthescenes", "deleted", "interview"] where words.hasSuffix(" \(extra) ") {
            return nil
        }
        return Candidate(path: path, size: Int64(st.st_size))
    }

    /// The library type a wanted type is imported into.
    public static func libraryType(for type: WantedType) -> LibraryType {
        switch type {
        case .tv: return .tv
        case .movie: return .movies
        case .music: return .music
        case .book: return .books
        case .audiobook: return .audiobooks
        case .comic: return .comics
        }
    }

    /// The facts that name `file` in the library; throws when they cannot name it.
    ///
    /// `wanted` wins over the names; `release` is the release title (a folder name says more
    /// than a file named `episode.mkv`); `quality` is the judged quality ("Unknown" is left out).
    public static func facts(file: String, type: WantedType, wanted: WantedItem?, release: String?, quality: String?) throws -> PathFacts {
        let name = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        let fromFile = ReleaseParser.parse(name, hint: type.releaseKind)
        let fromRelease = release.map { ReleaseParser.parse($0, hint: type.releaseKind) }
        let parsedQuality = [fromFile.quality, fromRelease?.quality].compactMap { $0 }.first { $0 != "Unknown" }
        let q = (quality.flatMap { $0 == "Unknown" ? nil : $0 }) ?? parsedQuality
        switch type {
        case .tv:
            let series = wanted?.title ?? fromFile.title ?? fromRelease?.title
            let season = wanted?.season ?? fromFile.seasons.first ?? fromRelease?.seasons.first
            var episodes = wanted?.episode.map { [$0] } ?? fromFile.episodes
            if episodes.isEmpty { episodes = fromRelease?.episodes ?? [] }
            guard let series, !series.isEmpty else { throw EngineError.failed("\(name): no series title in the name; import it with --wanted ID") }
            guard let season, !episodes.isEmpty else {
                throw EngineError.failed("\(name): no season and episode in the name; import it with --wanted ID of an episode")
            }
            // No metadata source here: the episode title is the one the names carry, if any.
            let title = episodeTitle(inName: (file as NSString).lastPathComponent) ?? release.flatMap { episodeTitle(inName: $0) }
            return PathFacts(kind: .episode, title: title, year: wanted?.year, series: series, season: season, episodes: episodes, quality: q)
        case .movie:
            let title = wanted?.title ?? fromRelease?.title ?? fromFile.title
            guard let title, !title.isEmpty else { throw EngineError.failed("\(name): no film title in the name; import it with --wanted ID") }
            return PathFacts(kind: .movie, title: title, year: wanted?.year ?? fromRelease?.year ?? fromFile.year,
                             edition: fromRelease?.edition ?? fromFile.edition, quality: q)
        case .music:
            return try trackFacts(file: file, content: file, wanted: wanted, release: release, tags: [:])
        case .book:
            return try bookFacts(file: file, wanted: wanted, release: release)
        case .audiobook:
            return try audiobookFacts(file: file, wanted: wanted, release: release, chapter: nil)
        case .comic:
            return try comicFacts(file: file, wanted: wanted)
        }
    }

    /// The episode title a name carries between its numbering and its release words
    /// ("Show.S01E05.The.Long.Night.1080p.WEB-DL-GRP" → "The Long Night"), read as the library
    /// reads file names. `name` is a file name or a release title (with or without an extension).
    /// Release words the library's reading lets through — languages ("GERMAN DL"), flags
    /// ("REPACK", "READNFO") — end the title, and the release group is not part of it.
    static func episodeTitle(inName name: String) -> String? {
        var stem = name
        let ext = (name as NSString).pathExtension.lowercased()
        if LibraryType.tv.extensions.contains(ext) { stem = (name as NSString).deletingPathExtension }
        // "…Pilot-KELP", "…720p-KELP": a word in capitals (with a letter) glued on by a bare dash,
        // or the group the parser finds, is the release group — "Catch-22" keeps its number.
        let group = ReleaseParser.parse(stem, hint: .episode).releaseGroup
        if let dash = stem.lastIndex(of: "-"), dash > stem.startIndex, stem[stem.index(before: dash)] != " " {
            let tail = stem[stem.index(after: dash)...]
            let capitals = tail.count <= 20 && tail.contains(where: \.isLetter) && tail.allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber) }
            if capitals || tail == group ?? "" { stem = String(stem[..<dash]) }
        }
        let facts = PathClassifier.classify(relativePath: stem + ".mkv", type: .tv)
        guard facts.kind == .episode, !facts.episodes.isEmpty || facts.airDate != nil, let found = facts.title else { return nil }
        var words: [Substring] = []
        for word in found.split(separator: " ") {
            if isReleaseWord(word) { break }
            words.append(word)
        }
        var title = words.joined(separator: " ")
        if let group, title == group { return nil }
        title = title.trimmingCharacters(in: CharacterSet(charactersIn: " -._"))
        return title.contains(where: \.isLetter) ? title : nil
    }

    /// A language, source, codec or release flag as the release parser knows them: never part
    /// of an episode title. ("Part", "Episode" and the like are flags too, but titles use them.)
    private static func isReleaseWord(_ word: Substring) -> Bool {
        let bytes = Array(word.utf8)
        return bytes.withUnsafeBufferPointer { b in
            guard let w = Vocabulary.lookup(b, 0, b.count) else { return false }
            switch w.kind {
            case .language, .source, .videoCodec, .audioCodec, .hdr, .service, .resolution: return true
            case .flag:
                switch Flag(rawValue: w.value) {
                case .proper, .repack, .rerip, .real, .internal, .limited, .dubbed, .subbed, .dual, .multi, .dl, .readnfo,
                     .uncensored, .hardsub, .subs, .vostfr, .hd, .sd, .uhd, .fhd, .bit10, .bit8, .hi10p, .upscale, .hybrid: return true
                default: return false
                }
            default: return false
            }
        }
    }
}
