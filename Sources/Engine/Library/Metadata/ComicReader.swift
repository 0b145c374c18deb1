/// Reads a comic archive (CBZ, CBR, CB7, CBT) into `ComicMetadata`.
///
/// The container is opened through `ArchiveReader`, so a misnamed file (a RAR called
/// `.cbz`) is labelled by what it is and a zip bomb fails on its declared sizes before
/// anything is decompressed. ComicInfo.xml is looked for at the root or one folder down,
/// in any letter case. A ComicInfo.xml that is missing, too large or malformed is not an
/// error: the comic is still a comic, and its page count still comes from the images.
public enum ComicReader {
    /// Largest ComicInfo.xml read; real ones are a few KiB.
    static let maxComicInfoBytes = 1 << 20
    /// Entry extensions counted as pages.
    static let imageExtensions: Set<String> = ["jpg", "jpeg", "png", "webp", "gif", "avif"]

    public static func read(path: String) throws -> ComicMetadata {
        let archive = try ArchiveReader(path: path)
        let entries = try archive.entries()
        let format: String
        switch archive.format {
        case .zip: format = "CBZ"
        case .rar: format = "CBR"
        case .sevenZip: format = "CB7"
        case .tar: format = "CBT"
        }
        let files = entries.filter { !$0.isDirectory && !isJunk($0.name) }
        let imageCount = files.filter { isImage($0.name) }.count
        var comic = ComicMetadata(pages: imageCount, format: format)

        let infos = files.filter { entry in
            let parts = entry.name.split(separator: "/")
            return parts.count <= 2 && parts.last?.lowercased() == "comicinfo.xml"
        }
        let chosen = infos.first { !$0.name.contains("/") } ?? infos.first
        if let chosen, let bytes = try? archive.read(named: chosen.name, maxBytes: maxComicInfoBytes),
           let tree = try? MarkupParser.parse(bytes, path: path, what: "ComicInfo.xml") {
            apply(tree, to: &comic)
        }
        return comic
    }

    static func apply(_ tree: MarkupNode, to comic: inout ComicMetadata) {
        let root = tree.first(named: "ComicInfo") ?? tree
        func field(_ name: String) -> String? {
            guard let text = root.children(named: name).first?.trimmedText, !text.isEmpty else { return nil }
            return text
        }
        comic.series = field("Series")
        comic.number = field("Number").map(normalizedNumber)
        comic.volume = field("Volume").flatMap { Int($0) }
        comic.title = field("Title")
        comic.writer = field("Writer")
        comic.year = field("Year").flatMap { Int($0) }.flatMap { (1..<10_000).contains($0) ? $0 : nil }
        if let count = field("PageCount").flatMap({ Int($0) }), count > 0 { comic.pages = count }
        comic.languageISO = field("LanguageISO")
        comic.summary = field("Summary")
    }

    /// `001` → `1`, `12.50` → `12.5`; anything not a plain decimal number is kept as written.
    static func normalizedNumber(_ text: String) -> String {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return text }
        var whole = parts[0].drop { $0 == "0" }
        if whole.isEmpty { whole = "0" }
        guard parts.count == 2 else { return String(whole) }
        var fraction = parts[1]
        while fraction.last == "0" { fraction = fraction.dropLast() }
        return fraction.isEmpty ? String(whole) : "\(whole).\(fraction)"
    }

    static func isImage(_ name: String) -> Bool {
        guard let dot = name.lastIndex(of: "."), !name[name.index(after: dot)...].contains("/") else { return false }
        return imageExtensions.contains(name[name.index(after: dot)...].lowercased())
    }

    /// macOS resource forks and thumbnails that archivers sweep in.
    static func isJunk(_ name: String) -> Bool {
        let last = name.split(separator: "/").last.map(String.init) ?? name
        return name.hasPrefix("__MACOSX/") || last.hasPrefix("._") || last == ".DS_Store" || last.lowercased() == "thumbs.db"
    }
}
