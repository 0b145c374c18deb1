import Foundation

extension ImportPlanner {
    /// One file of a download to link into the library, with the facts that name it there.
    public struct Planned: Sendable, Equatable {
        public var source: String
        public var facts: PathFacts
        /// The file's extension as found (the naming lowercases it).
        public var ext: String
    }

    /// E-book formats a book import takes; comic archives belong to comics even in a book release.
    static let bookExtensions: Set<String> = ["epub", "azw3", "azw", "mobi", "pdf", "fb2", "djvu", "kfx"]
    /// Comic archives; a bare zip or rar in a release is more often a split archive than a comic.
    static let comicExtensions: Set<String> = ["cbz", "cbr", "cb7", "cbt"]

    /// Which files of `content` (a file or a folder) to import as `type`, and what each is called.
    ///
    /// Per type: the one episode (or the wanted one of a pack) or the film; every audio file of
    /// an album or of an audiobook (a short interlude is still a track, so no size floor); one
    /// e-book per format; every comic archive. Samples, extras, .nfo files and images are never
    /// taken. `tags` reads a file's container tags (in process, `MediaProbe`); tests pass their own.
    public static func plan(content: String, type: WantedType, wanted: WantedItem?, release: String?, quality: String?,
                            tags: (String) -> [String: String] = ImportPlanner.probeTags) throws -> [Planned] {
        let libraryType = libraryType(for: type)
        var files: [Candidate]
        switch type {
        case .tv, .movie: files = mainFiles(at: content, extensions: libraryType.extensions)
        case .music, .audiobook: files = mainFiles(at: content, extensions: MediaExtensions.audio, sizeFloor: false)
        case .book: files = onePerFormat(mainFiles(at: content, extensions: bookExtensions, sizeFloor: false))
        case .comic: files = mainFiles(at: content, extensions: comicExtensions, sizeFloor: false)
        }
        guard !files.isEmpty else {
            throw EngineError.failed("no \(libraryType.rawValue) media file in \(content) (samples, extras and small files are skipped)")
        }
        if let episode = wanted?.episode, files.count > 1 {
            // A season pack grabbed for one episode: only that episode.
            let matching = files.filter { ReleaseParser.parse(($0.path as NSString).lastPathComponent, hint: .episode).episodes.contains(episode) }
            files = matching.isEmpty ? [files[0]] : matching
        } else if type == .movie {
            files = [files[0]]
        }
        // Music and audiobooks keep the order of the release, not of file sizes.
        if type == .music || type == .audiobook { files.sort { $0.path < $1.path } }
        let chapters = type == .audiobook && files.count > 1 ? chapterNames(files.map(\.path), content: content) : [:]
        return try files.map { file in
            let ext = (file.path as NSString).pathExtension
            var facts: PathFacts
            switch type {
            case .tv, .movie: facts = try self.facts(file: file.path, type: type, wanted: wanted, release: release, quality: quality)
            case .music: facts = try trackFacts(file: file.path, content: content, wanted: wanted, release: release, tags: tags(file.path))
            case .book: facts = try bookFacts(file: file.path, wanted: wanted, release: release)
            case .audiobook: facts = try audiobookFacts(file: file.path, wanted: wanted, release: release, chapter: chapters[file.path])
            case .comic: facts = try comicFacts(file: file.path, wanted: wanted)
            }
            return Planned(source: file.path, facts: facts, ext: ext)
        }
    }

    /// The container tags of an audio file, read in process; empty when it cannot be read.
    public static func probeTags(_ path: String) -> [String: String] {
        (try? MediaProbe.probe(path: path, limits: ProbeLimits(deadline: 5)))?.tags ?? [:]
    }

    /// The largest file of each e-book format: one book, as EPUB and MOBI, is imported as both.
    static func onePerFormat(_ files: [Candidate]) -> [Candidate] {
        var seen = Set<String>()
        return files.filter { seen.insert(($0.path as NSString).pathExtension.lowercased()).inserted }
    }

    /// Chapter names for a book of several files: the file's own name, with its disc folder
    /// in front when two discs hold files of the same name (`CD1/01.mp3`, `CD2/01.mp3`).
    static func chapterNames(_ paths: [String], content: String) -> [String: String] {
        let stems = paths.map { (($0 as NSString).lastPathComponent as NSString).deletingPathExtension }
        var counts: [String: Int] = [:]
        for s in stems { counts[s.lowercased(), default: 0] += 1 }
        var names: [String: String] = [:]
        for (path, stem) in zip(paths, stems) {
            let parent = ((path as NSString).deletingLastPathComponent as NSString).lastPathComponent
            let clash = (counts[stem.lowercased()] ?? 0) > 1 && path.hasPrefix(content + "/")
            names[path] = clash ? "\(parent) - \(stem)" : stem
        }
        return names
    }
}
