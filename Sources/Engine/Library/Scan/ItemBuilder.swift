import Foundation

/// Everything the scanner learned about one file: the list row and the detail `library show` prints.
struct BuiltItem: Sendable {
    var item: LibraryItem
    var detail: ItemDetail
    /// Extra words for search (genre, narrator, file name, ...).
    var searchTags: String
}

/// What `library show` adds to the list row: streams, chapters, tags, embedded metadata.
public struct ItemDetail: Codable, Sendable, Equatable {
    public var probe: ProbeResult?
    public var book: BookMetadata?
    public var comic: ComicMetadata?
    public var photo: PhotoMetadata?
    public var video: VideoSidecar?
    public var pathFacts: PathFacts?

    enum CodingKeys: String, CodingKey { case probe, book, comic, photo, video; case pathFacts = "path_facts" }
}

/// Turns one file into a catalogue item: what its path says (per library type), then what
/// the file itself says (probe, tags, EXIF, OPF, ComicInfo, yt-dlp sidecar), which wins.
struct ItemBuilder: Sendable {
    let rootPath: String
    let type: LibraryType
    let limits: ProbeLimits

    func build(_ file: WalkedFile, sidecars: FolderSidecars) -> BuiltItem {
        let relative = String(file.path.dropFirst(rootPath.count).drop { $0 == "/" })
        let facts = PathClassifier.classify(relativePath: relative, type: type)
        var item = LibraryItem(path: file.path, root: rootPath, library: type, type: facts.kind, size: file.size)
        var detail = ItemDetail(pathFacts: facts)
        apply(facts, to: &item)
        let name = (file.path as NSString).lastPathComponent
        let ext = (name as NSString).pathExtension.lowercased()
        do {
            try readContents(file.path, ext: ext, into: &item, detail: &detail)
        } catch let error as ProbeError {
            item.error = error.message
        } catch {
            item.error = "\(error)"
        }
        attachSidecars(name: name, sidecars: sidecars, to: &item, detail: &detail)
        if item.title == nil { item.title = defaultTitle(item, name: name) }
        let tags = [item.genre, item.narrator, item.albumArtist, item.channel, item.publisher, item.edition,
                    item.episodeTitle, (name as NSString).deletingPathExtension].compactMap { $0 }.joined(separator: " ")
        return BuiltItem(item: item, detail: detail, searchTags: tags)
    }

    private func apply(_ f: PathFacts, to item: inout LibraryItem) {
        item.year = f.year
        item.edition = f.edition
        item.part = f.part
        item.version = f.version
        item.extraType = f.extraType
        item.quality = f.quality
        item.number = f.number
        item.volume = f.volume
        item.channel = f.channel
        item.videoId = f.videoId
        item.uploadDate = f.uploadDate
        item.author = f.author
        item.narrator = f.narrator
        item.seriesIndex = f.seriesIndex
        item.artist = f.artist
        item.album = f.album
        item.track = f.track
        item.disc = f.disc
        item.series = f.series
        item.season = f.season
        item.episodes = f.episodes
        item.absoluteEpisodes = f.absoluteEpisodes
        item.airDate = f.airDate
        if f.kind == .episode {
            item.episodeTitle = f.title
        } else {
            item.title = f.title
        }
    }

    private func readContents(_ path: String, ext: String, into item: inout LibraryItem, detail: inout ItemDetail) throws {
        switch type {
        case .photos where MediaExtensions.image.contains(ext):
            let photo = try PhotoReader.read(path: path)
            detail.photo = photo
            item.width = photo.width
            item.height = photo.height
            item.takenAt = photo.takenAt
            item.camera = photo.camera
            item.latitude = photo.latitude
            item.longitude = photo.longitude
            item.orientation = photo.orientation
            item.format = photo.format
        case .books, .comics:
            switch ext {
            case "epub": applyBook(try EPUBReader.read(path: path), to: &item, detail: &detail)
            case "pdf": applyBook(try PDFReader.read(path: path), to: &item, detail: &detail)
            case "mobi", "azw", "azw3": applyBook(try MOBIReader.read(path: path), to: &item, detail: &detail)
            case "cbz", "cbr", "cb7", "cbt", "zip", "rar", "7z":
                let comic = try ComicReader.read(path: path)
                detail.comic = comic
                item.series = comic.series ?? item.series
                item.number = comic.number ?? item.number
                item.volume = comic.volume ?? item.volume
                item.title = comic.title ?? item.title
                item.author = comic.writer ?? item.author
                item.year = comic.year ?? item.year
                item.pages = comic.pages
                item.format = comic.format
                item.language = comic.languageISO
            default:
                item.format = ext.uppercased()
            }
        default:
            guard MediaExtensions.audio.contains(ext) || MediaExtensions.video.contains(ext) else { return }
            let probe = try MediaProbe.probe(path: path, limits: limits)
            detail.probe = probe
            applyProbe(probe, to: &item)
            if type == .videos { applyVideoSidecar(path, to: &item, detail: &detail) }
        }
    }

    private func applyBook(_ book: BookMetadata, to item: inout LibraryItem, detail: inout ItemDetail) {
        detail.book = book
        item.title = book.title ?? item.title
        if !book.authors.isEmpty { item.author = book.authors.joined(separator: " & ") }
        item.series = book.series ?? item.series
        item.seriesIndex = book.seriesIndex ?? item.seriesIndex
        item.language = book.language
        item.isbn = book.isbn
        item.publisher = book.publisher
        item.pages = book.pages
        item.format = book.format
        item.hasCover = book.hasCover
        if let date = book.date, let y = Int(date.prefix(4)), (1000...2999).contains(y) { item.year = y }
    }

    private func applyProbe(_ p: ProbeResult, to item: inout LibraryItem) {
        item.duration = p.duration
        item.container = p.container
        item.bitRate = p.bitRate
        item.hasCover = p.hasCover
        if let v = p.video {
            item.videoCodec = v.codec
            item.width = v.width
            item.height = v.height
            item.hdr = v.hdr
            item.bitDepth = v.bitDepth
        }
        item.audioCodecs = p.audio.map(\.codec)
        item.audioLanguages = p.audio.compactMap(\.language)
        item.subtitleLanguages = p.subtitles.compactMap(\.language)
        if !p.chapters.isEmpty { item.chapters = p.chapters.count }
        let t = p.tags
        switch type {
        case .music:
            item.title = t["title"] ?? item.title
            item.artist = t["artist"] ?? t["album_artist"] ?? item.artist
            item.albumArtist = t["album_artist"] ?? t["albumartist"] ?? t["album artist"]
            item.album = t["album"] ?? item.album
            item.track = Self.leadingNumber(t["track"]) ?? item.track
            // A disc number counts only on a multi-disc album ("1/1" adds no Disc folder).
            if let disc = t["disc"] ?? t["discnumber"], let n = Self.leadingNumber(disc) {
                let total = disc.split(separator: "/").dropFirst().first.flatMap { Int($0) }
                if n > 1 || (total ?? 1) > 1 { item.disc = n }
            }
            item.genre = t["genre"]
            item.year = Self.year(t["date"] ?? t["year"]) ?? item.year
            item.musicbrainzTrackId = t["musicbrainz_trackid"] ?? t["musicbrainz track id"] ?? t["musicbrainz_releasetrackid"]
            item.musicbrainzAlbumId = t["musicbrainz_albumid"] ?? t["musicbrainz album id"]
        case .audiobooks:
            // AudioBookshelf's reading of tags: album (or title) is the book, artist the author, composer the narrator.
            item.title = t["album"] ?? item.title ?? t["title"]
            item.author = t["album_artist"] ?? t["artist"] ?? item.author
            item.narrator = t["composer"] ?? item.narrator
            item.series = t["series"] ?? item.series
            item.seriesIndex = t["series-part"].flatMap(Double.init) ?? item.seriesIndex
            item.year = Self.year(t["date"] ?? t["year"]) ?? item.year
            item.genre = t["genre"]
        case .podcasts:
            item.title = t["title"] ?? item.title
            if item.airDate == nil, let date = t["date"], date.count >= 10, Self.year(date) != nil { item.airDate = String(date.prefix(10)) }
            item.genre = t["genre"]
        case .photos:
            if let created = t["creation_time"] ?? t["com.apple.quicktime.creationdate"] { item.takenAt = String(created.prefix(19)) }
            if let make = t["com.apple.quicktime.make"] ?? t["make"] {
                let model = t["com.apple.quicktime.model"] ?? t["model"] ?? ""
                item.camera = model.hasPrefix(make) ? model : "\(make) \(model)".trimmingCharacters(in: .whitespaces)
            }
            if let location = t["location"] ?? t["com.apple.quicktime.location.iso6709"], let (lat, lon) = Self.iso6709(location) {
                item.latitude = lat
                item.longitude = lon
            }
        default:
            break
        }
    }

    private func applyVideoSidecar(_ path: String, to item: inout LibraryItem, detail: inout ItemDetail) {
        let info = (path as NSString).deletingPathExtension + ".info.json"
        guard FileManager.default.fileExists(atPath: info), let video = try? VideoSidecar.read(path: info) else { return }
        detail.video = video
        item.title = video.title ?? item.title
        item.channel = video.channel ?? video.uploader ?? item.channel
        item.uploadDate = video.uploadDate ?? item.uploadDate
        item.videoId = video.id ?? item.videoId
    }

    /// Subtitles, .nfo files and posters that belong to the file: `Name.en.srt`, `Name.eng.forced.ass`,
    /// `Name.nfo`, `Name-poster.jpg`, and folder art (`poster.jpg`, `folder.jpg`, `cover.jpg`).
    private func attachSidecars(name: String, sidecars: FolderSidecars, to item: inout LibraryItem, detail: inout ItemDetail) {
        let stem = (name as NSString).deletingPathExtension
        var found = sidecars.folderArt.filter { $0 != name }
        if !found.isEmpty { item.hasCover = true }
        for sibling in sidecars.named(startingWith: stem) where sibling != name {
            guard sibling.hasPrefix(stem + ".") || sibling.hasPrefix(stem + "-") else { continue }
            let ext = DirectoryWalker.lowercasedExtension(sibling)
            found.append(sibling)
            if MediaExtensions.subtitle.contains(ext) {
                let middle = sibling.dropFirst(stem.count + 1).dropLast(ext.count + 1)
                if let lang = middle.split(separator: ".").first.map(String.init), (2...3).contains(lang.count),
                   lang.allSatisfy(\.isLetter), !item.subtitleLanguages.contains(lang.lowercased()) {
                    item.subtitleLanguages.append(lang.lowercased())
                }
            }
            if FolderSidecars.imageExtensions.contains(ext) { item.hasCover = true }
        }
        item.sidecars = Array(Set(found)).sorted()
    }

    private func defaultTitle(_ item: LibraryItem, name: String) -> String {
        if item.type == .episode, let series = item.series {
            if let s = item.season, let e = item.episodes.first { return "\(series) S\(Self.two(s))E\(Self.two(e))" }
            if let a = item.absoluteEpisodes.first { return "\(series) \(a)" }
            if let d = item.airDate { return "\(series) \(d)" }
            return series
        }
        return (name as NSString).deletingPathExtension
    }

    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }

    /// "3/12" → 3.
    static func leadingNumber(_ text: String?) -> Int? {
        guard let text else { return nil }
        return Int(text.prefix { $0.isNumber })
    }

    static func year(_ text: String?) -> Int? {
        guard let text, text.count >= 4, let y = Int(text.prefix(4)), (1000...2999).contains(y) else { return nil }
        return y
    }

    /// "+48.8584+002.2945/" (ISO 6709, as phones write it) → (48.8584, 2.2945).
    static func iso6709(_ text: String) -> (Double, Double)? {
        var numbers: [Double] = []
        var current = ""
        for c in text {
            if (c == "+" || c == "-" || c == "/") && !current.isEmpty {
                guard let v = Double(current) else { return nil }
                numbers.append(v)
                current = ""
            }
            if c != "/" { current.append(c) }
        }
        if !current.isEmpty, let v = Double(current) { numbers.append(v) }
        guard numbers.count >= 2, abs(numbers[0]) <= 90, abs(numbers[1]) <= 180 else { return nil }
        return (numbers[0], numbers[1])
    }
}
