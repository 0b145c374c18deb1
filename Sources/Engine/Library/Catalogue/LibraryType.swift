/// What a library root holds; it decides how the scanner reads paths and which naming applies.
///
/// A root has one type because the same path means different things in different
/// libraries: `Author/Series/1 - Title/01.mp3` is an audiobook chapter, not a music track.
public enum LibraryType: String, Codable, Sendable, CaseIterable {
    case movies, tv, music, audiobooks, podcasts, photos, books, comics, videos

    /// File extensions this type catalogues (lowercase, no dot). Everything else is a sidecar or ignored.
    public var extensions: Set<String> {
        switch self {
        case .movies, .tv, .videos: return MediaExtensions.video
        case .music: return MediaExtensions.audio
        case .audiobooks, .podcasts: return MediaExtensions.audio.union(MediaExtensions.video)
        case .photos: return MediaExtensions.image.union(MediaExtensions.video)
        case .books: return MediaExtensions.book
        case .comics: return MediaExtensions.comic.union(["pdf", "epub"])
        }
    }
}

/// What one catalogued file is. JSON values are the ones `library list --json` prints.
public enum ItemKind: String, Codable, Sendable, CaseIterable {
    case movie, episode, track, audiobook
    case podcastEpisode = "podcast_episode"
    case photo, book, comic, video, extra, sample
}

/// File extensions by family, lowercase without the dot.
public enum MediaExtensions {
    public static let video: Set<String> = [
        "mkv", "mp4", "m4v", "avi", "mov", "wmv", "mpg", "mpeg", "ts", "m2ts", "mts", "webm", "flv", "ogv", "3gp", "vob", "divx", "iso",
    ]
    public static let audio: Set<String> = [
        "mp3", "flac", "m4a", "m4b", "aac", "ogg", "oga", "opus", "wav", "wma", "aiff", "aif", "alac", "ape", "wv", "dsf", "dff", "mka",
    ]
    public static let image: Set<String> = [
        "jpg", "jpeg", "png", "heic", "heif", "webp", "tif", "tiff", "gif", "bmp", "avif",
        "dng", "cr2", "cr3", "nef", "arw", "orf", "rw2", "raf", "pef", "srw",
    ]
    public static let book: Set<String> = ["epub", "pdf", "mobi", "azw", "azw3", "kfx", "fb2", "djvu", "cbz", "cbr"]
    public static let comic: Set<String> = ["cbz", "cbr", "cb7", "cbt", "zip", "rar", "7z"]
    public static let subtitle: Set<String> = ["srt", "ass", "ssa", "vtt", "sub", "idx", "sup"]
}
