import Foundation

/// Reads what a file's path says, the way media servers read it.
///
/// Jellyfin and Plex (films, shows), Navidrome (music without tags), AudioBookshelf
/// (audiobooks, podcasts) and Kavita or Komga (books, comics) identify files by their folders
/// and names. The scanner classifies every path the same way, so `library check` can tell
/// which paths those servers would misread and `LibraryNaming` can propose better ones.
/// Pure and total: any string gives facts, never a crash; what a path does not say stays empty.
///
///     PathClassifier.classify(relativePath: "Show (2010)/Season 01/Show - S01E02 - Pilot.mkv", type: .tv)
///     // kind episode, series "Show", year 2010, season 1, episodes [2], title "Pilot"
public enum PathClassifier {
    /// Classifies a file by its path relative to the library root (`Artist/Album/01 - Song.flac`).
    public static func classify(relativePath: String, type: LibraryType) -> PathFacts {
        let comps = PathText.components(of: relativePath)
        guard let file = comps.last else { return PathFacts(kind: itemKind(for: type)) }
        let folders = Array(comps.dropLast())
        let (stem, ext) = PathText.splitExtension(file)
        switch type {
        case .tv: return episode(folders: folders, stem: stem)
        case .movies: return movie(folders: folders, stem: stem)
        case .music: return track(folders: folders, stem: stem)
        case .audiobooks: return audiobook(folders: folders, stem: stem, ext: ext)
        case .podcasts: return podcastEpisode(folders: folders, stem: stem)
        case .books: return book(folders: folders, stem: stem)
        case .comics: return comic(folders: folders, stem: stem)
        case .videos: return video(folders: folders, stem: stem)
        case .photos: return PathFacts(kind: .photo, title: PathText.nonEmpty(stem))
        }
    }

    /// The kind of a library's main items (extras and samples aside).
    public static func itemKind(for type: LibraryType) -> ItemKind {
        switch type {
        case .movies: return .movie
        case .tv: return .episode
        case .music: return .track
        case .audiobooks: return .audiobook
        case .podcasts: return .podcastEpisode
        case .photos: return .photo
        case .books: return .book
        case .comics: return .comic
        case .videos: return .video
        }
    }

    /// Sonarr/Radarr-style quality when the name states a resolution or a source; the
    /// parser's guess from the container alone is not something the path says.
    static func quality(_ stem: String, hint: ReleaseInfo.Kind) -> String? {
        let info = ReleaseParser.parse(stem, hint: hint)
        guard info.resolution != nil || info.source != nil, info.quality != "Unknown" else { return nil }
        return info.quality
    }

    /// "Disc 2", "Disk 2", "CD2", "CD 2", "CD-02": the number of a disc folder.
    static func discFolder(_ name: String) -> Int? {
        let s = NameChars(name)
        var i: Int
        if s.matches("disc", at: 0) || s.matches("disk", at: 0) { i = 4 } else if s.matches("cd", at: 0) { i = 2 } else { return nil }
        while s.lower(i) == 32 || s.lower(i) == 45 || s.lower(i) == 95 || s.lower(i) == 46 { i += 1 }
        guard let (n, e) = s.number(at: i, max: 3), !s.isWord(e) else { return nil }
        return n
    }
}
