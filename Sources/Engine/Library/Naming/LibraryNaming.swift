import Foundation

/// The naming each library type is checked against, and the paths it proposes.
///
/// The defaults are the layouts the servers people point at these libraries expect:
/// Jellyfin and Plex for films and shows, Navidrome for music, AudioBookshelf for audiobooks
/// and podcasts, Kavita for books and comics, a yt-dlp archive layout for videos. Photos have
/// no naming: photo managers read EXIF, not names.
///
/// `library check` asks `conforms(relativePath:facts:type:)` for every item and lists only
/// paths a server would misread, each with `proposedPath(for:type:ext:)`. The importer renames
/// with `importMovies` and `importEpisodes`, which also carry the quality, as Radarr and
/// Sonarr do.
public struct LibraryNaming: Sendable, Codable, Equatable {
    public var movies: NamingTemplate
    public var importMovies: NamingTemplate
    public var episodes: NamingTemplate
    public var importEpisodes: NamingTemplate
    /// A `Disc N` level appears only when a track's disc is set (set it for multi-disc albums only).
    public var music: NamingTemplate
    /// Series levels vanish for books outside a series.
    public var audiobooks: NamingTemplate
    public var podcasts: NamingTemplate
    public var books: NamingTemplate
    public var comics: NamingTemplate
    public var videos: NamingTemplate

    /// The default template texts, by JSON key.
    public static let defaultTexts: [String: String] = [
        "movies": "{Movie Title} ({Year})/{Movie Title} ({Year})",
        "import_movies": "{Movie Title} ({Year})/{Movie Title} ({Year}) {Quality Full}",
        "episodes": "{Series Title}/Season {season:00}/{Series Title} - S{season:00}E{episode:00}",
        "import_episodes": "{Series Title}/Season {season:00}/{Series Title} - S{season:00}E{episode:00} - {Episode Title} {Quality Full}",
        "music": "{Album Artist}/{Album} ({Year})/Disc {disc}/{track:00} - {Title}",
        "audiobooks": "{Author}/{Series}/{Series Index} - {Title}/{Title}",
        "podcasts": "{Series}/{Air Date} - {Title}",
        "books": "{Author}/{Title}",
        "comics": "{Series}/{Series} #{number:000}",
        "videos": "{Channel}/{Upload Date} - {Title} [{Video Id}]",
    ]

    /// The defaults.
    public init() {
        func t(_ key: String) -> NamingTemplate { NamingTemplate(builtIn: Self.defaultTexts[key] ?? "") }
        movies = t("movies")
        importMovies = t("import_movies")
        episodes = t("episodes")
        importEpisodes = t("import_episodes")
        music = t("music")
        audiobooks = t("audiobooks")
        podcasts = t("podcasts")
        books = t("books")
        comics = t("comics")
        videos = t("videos")
    }

    enum CodingKeys: String, CodingKey {
        case movies
        case importMovies = "import_movies"
        case episodes
        case importEpisodes = "import_episodes"
        case music, audiobooks, podcasts, books, comics, videos
    }

    /// A missing key keeps its default, so settings name only the templates they change.
    public init(from decoder: any Decoder) throws {
        self.init()
        let c = try decoder.container(keyedBy: CodingKeys.self)
        movies = try c.decodeIfPresent(NamingTemplate.self, forKey: .movies) ?? movies
        importMovies = try c.decodeIfPresent(NamingTemplate.self, forKey: .importMovies) ?? importMovies
        episodes = try c.decodeIfPresent(NamingTemplate.self, forKey: .episodes) ?? episodes
        importEpisodes = try c.decodeIfPresent(NamingTemplate.self, forKey: .importEpisodes) ?? importEpisodes
        music = try c.decodeIfPresent(NamingTemplate.self, forKey: .music) ?? music
        audiobooks = try c.decodeIfPresent(NamingTemplate.self, forKey: .audiobooks) ?? audiobooks
        podcasts = try c.decodeIfPresent(NamingTemplate.self, forKey: .podcasts) ?? podcasts
        books = try c.decodeIfPresent(NamingTemplate.self, forKey: .books) ?? books
        comics = try c.decodeIfPresent(NamingTemplate.self, forKey: .comics) ?? comics
        videos = try c.decodeIfPresent(NamingTemplate.self, forKey: .videos) ?? videos
    }

    /// The template `library check` uses for a type; nil for photos.
    public func template(for type: LibraryType) -> NamingTemplate? {
        switch type {
        case .movies: return movies
        case .tv: return episodes
        case .music: return music
        case .audiobooks: return audiobooks
        case .podcasts: return podcasts
        case .books: return books
        case .comics: return comics
        case .videos: return videos
        case .photos: return nil
        }
    }

    /// Where an item should be, relative to the library root and with its extension.
    ///
    /// nil when there is nothing to propose: extras and samples (they stay beside what they
    /// belong to), photos, facts of another type's kind, facts that lack what names the item
    /// (a film without a title, an episode without series, season or episode number), and
    /// any proposal the classifier would not read back as the same item. A film keeps what
    /// tells it from its siblings: ` {edition-…}` (unless the template has `{Edition}`),
    /// ` - version` and ` - partN`; a chapter of an audiobook kept as a folder of files keeps
    /// its file name, only its folders follow the template.
    public func proposedPath(for facts: PathFacts, type: LibraryType, ext: String) -> String? {
        guard let template = template(for: type) else { return nil }
        return path(for: facts, type: type, ext: ext, template: template)
    }

    /// Like `proposedPath`, with the import templates for films and episodes (which add the quality).
    public func importPath(for facts: PathFacts, type: LibraryType, ext: String) -> String? {
        switch type {
        case .movies: return path(for: facts, type: type, ext: ext, template: importMovies)
        case .tv: return path(for: facts, type: type, ext: ext, template: importEpisodes)
        default: return proposedPath(for: facts, type: type, ext: ext)
        }
    }

    private func path(for facts: PathFacts, type: LibraryType, ext: String, template: NamingTemplate) -> String? {
        guard facts.kind == PathClassifier.itemKind(for: type), Self.isNamed(facts) else { return nil }
        let cleanExt = String(ext.lowercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) }.prefix(16))
        let dotExt = cleanExt.isEmpty ? "" : "." + cleanExt
        let suffix = facts.kind == .movie ? Self.movieSuffix(facts, template: template) : ""
        var components = template.renderComponents(NamingValues(facts: facts), reservingInLast: suffix.utf8.count + dotExt.utf8.count)
        guard !components.isEmpty else { return nil }
        if facts.kind == .audiobook, let chapter = facts.chapter {
            // A chapter keeps its own name inside the book's folder.
            let name = PathComponent.finish(chapter, maxBytes: PathComponent.maxBytes - dotExt.utf8.count)
            guard components.count > 1, !name.isEmpty else { return nil }
            components[components.count - 1] = name
        }
        components[components.count - 1] += suffix + dotExt
        let path = components.joined(separator: "/")
        let back = PathClassifier.classify(relativePath: path, type: type)
        return Self.sameItem(back, facts, template: template) ? path : nil
    }

    /// What tells a film from its siblings, appended to its file name.
    static func movieSuffix(_ facts: PathFacts, template: NamingTemplate) -> String {
        var s = ""
        let version = facts.version.map { String(PathComponent.sanitize($0).prefix(64)) }.flatMap(PathText.nonEmpty)
        if let edition = facts.edition.map({ PathComponent.sanitize($0).filter { $0 != "{" && $0 != "}" } }),
           !edition.isEmpty, !template.tokens.contains(.edition), !PathText.same(version, edition) {
            s += " {edition-\(edition.prefix(64))}"
        }
        if let version { s += " - " + version }
        if let part = facts.part, (0...99).contains(part) { s += " - part\(part)" }
        return s
    }

    /// Whether the facts hold what names an item of their kind.
    static func isNamed(_ f: PathFacts) -> Bool {
        func has(_ s: String?) -> Bool { !PathText.key(s).isEmpty || !(s ?? "").trimmingCharacters(in: .whitespaces).isEmpty }
        switch f.kind {
        case .movie: return has(f.title)
        case .episode: return has(f.series) && f.season != nil && !f.episodes.isEmpty
        case .track: return has(f.title) && has(f.artist) && has(f.album)
        case .audiobook, .book: return has(f.title) && has(f.author)
        case .podcastEpisode: return has(f.series) && has(f.title)
        case .comic: return has(f.series) && has(f.number)
        case .video: return has(f.title) && has(f.channel)
        case .photo, .extra, .sample: return false
        }
    }

    /// Whether a proposal reads back as the item it was made for, on what names it.
    static func sameItem(_ back: PathFacts, _ f: PathFacts, template: NamingTemplate) -> Bool {
        guard back.kind == f.kind else { return false }
        /// Same name, or a long one cut to fit 255 bytes that reads back as its beginning.
        func same(_ got: String?, _ want: String?) -> Bool {
            if PathText.same(got, want) { return true }
            let g = PathText.key(got)
            return g.count >= 64 && PathText.key(want).hasPrefix(g)
        }
        switch f.kind {
        case .movie:
            let yearOK = f.year == nil || !template.tokens.contains(.year) || back.year == f.year
            return same(back.title, f.title) && yearOK && back.part == f.part
                && (f.version == nil || same(back.version, f.version))
        case .episode:
            return same(back.series, f.series) && back.season == f.season
                && Set(back.episodes) == Set(f.episodes)
        case .track:
            return same(back.title, f.title) && (f.track == nil || back.track == f.track)
        case .audiobook:
            return same(back.title, f.title) && same(back.author, f.author)
                && (f.series == nil || !template.tokens.contains(.series) || same(back.series, f.series))
        case .podcastEpisode:
            return same(back.series, f.series) && same(back.title, f.title)
        case .book:
            return same(back.title, f.title) && same(back.author, f.author)
        case .comic:
            return same(back.series, f.series) && back.number == f.number.map(PathText.trimZeros)
        case .video:
            return same(back.title, f.title) && same(back.channel, f.channel)
                && (f.videoId == nil || back.videoId == f.videoId)
        case .photo, .extra, .sample:
            return false
        }
    }
}
