import Foundation

/// Reads an EPUB's package document (OPF) into `BookMetadata`.
///
/// EPUB 2 and 3 keep their metadata in the OPF that `META-INF/container.xml` points to.
/// Series information has two spellings: calibre's `<meta name="calibre:series">` and
/// EPUB 3's `belongs-to-collection` refined by `group-position`; both are read, calibre's
/// first because it is the more common in the wild. The archive is read through
/// `ArchiveReader`, so the same size limits apply.
public enum EPUBReader {
    /// Largest container.xml or OPF accepted; real ones are a few KiB.
    static let maxDocumentBytes = 4 << 20

    public static func read(path: String) throws -> BookMetadata {
        let archive = try ArchiveReader(path: path)
        let entries = try archive.entries()
        guard let container = ArchiveReader.find("META-INF/container.xml", in: entries) else {
            throw MetadataError(.missing, path: path, "no META-INF/container.xml, so not an EPUB",
                                advice: "check that the file is an EPUB and not a renamed archive")
        }
        let containerTree = try MarkupParser.parse(try archive.read(named: container.name, maxBytes: maxDocumentBytes),
                                                   path: path, what: "META-INF/container.xml")
        let rootfiles = containerTree.descendants(named: "rootfile")
        let rootfile = rootfiles.first { $0.attribute("media-type") == "application/oebps-package+xml" } ?? rootfiles.first
        guard let opfPath = rootfile?.attribute("full-path"), !opfPath.isEmpty,
              let opfEntry = ArchiveReader.find(opfPath, in: entries) ?? ArchiveReader.find(opfPath.removingPercentEncoding ?? opfPath, in: entries)
        else {
            throw MetadataError(.missing, path: path, "container.xml names no package document that the archive holds",
                                advice: "the EPUB is broken; fetch it again or repair it with an EPUB editor")
        }
        let opf = try MarkupParser.parse(try archive.read(named: opfEntry.name, maxBytes: maxDocumentBytes),
                                         path: path, what: "the OPF package document")
        let directory = opfEntry.name.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        return metadata(opf: opf, opfDirectory: directory, entries: entries)
    }

    /// The metadata in a parsed OPF; `opfDirectory` and `entries` check that the cover exists.
    static func metadata(opf: MarkupNode, opfDirectory: String, entries: [ArchiveEntryInfo]) -> BookMetadata {
        let meta = opf.first(named: "metadata") ?? opf
        let refines = Refinements(metas: meta.descendants(named: "meta"))
        var book = BookMetadata(format: "EPUB")

        let titles = meta.descendants(named: "title").filter { !$0.trimmedText.isEmpty }
        let mainTitle = titles.first { refines.value($0.attribute("id"), "title-type") == "main" }
        book.title = (mainTitle ?? titles.first)?.trimmedText

        let creators = meta.descendants(named: "creator").filter { !$0.trimmedText.isEmpty }
        let authors = creators.filter { creator in
            let role = creator.attribute("role") ?? refines.value(creator.attribute("id"), "role")
            return role == nil || role?.lowercased() == "aut"
        }
        book.authors = (authors.isEmpty ? creators : authors).map(\.trimmedText)

        book.language = meta.descendants(named: "language").first { !$0.trimmedText.isEmpty }?.trimmedText
        book.publisher = meta.descendants(named: "publisher").first { !$0.trimmedText.isEmpty }?.trimmedText
        book.description = meta.descendants(named: "description").first { !$0.trimmedText.isEmpty }?.trimmedText

        let dates = meta.descendants(named: "date").filter { !$0.trimmedText.isEmpty }
        let published = dates.first { ["publication", "original-publication"].contains($0.attribute("event")?.lowercased() ?? "") }
        book.date = (published ?? dates.first { $0.attribute("event") == nil } ?? dates.first)?.trimmedText

        for identifier in meta.descendants(named: "identifier") {
            let value = identifier.trimmedText
            guard !value.isEmpty else { continue }
            book.identifiers.append(value)
            let scheme = identifier.attribute("scheme") ?? refines.value(identifier.attribute("id"), "identifier-type")
            let labelled = scheme?.lowercased().contains("isbn") == true || scheme == "15"
            if book.isbn == nil { book.isbn = ISBN.normalize(value, labelled: labelled) }
        }

        let metas = meta.descendants(named: "meta")
        func named(_ name: String) -> String? {
            metas.first { $0.attribute("name") == name }?.attribute("content")?.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        if let series = named("calibre:series"), !series.isEmpty {
            book.series = series
            book.seriesIndex = named("calibre:series_index").flatMap(Double.init)
        } else {
            let collections = metas.filter { $0.attribute("property") == "belongs-to-collection" && !$0.trimmedText.isEmpty }
            let series = collections.first { refines.value($0.attribute("id"), "collection-type") == "series" } ?? collections.first
            if let series {
                book.series = series.trimmedText
                book.seriesIndex = refines.value(series.attribute("id"), "group-position").flatMap(Double.init)
            }
        }

        book.hasCover = hasCover(opf: opf, coverID: named("cover"), opfDirectory: opfDirectory, entries: entries)
        return book
    }

    /// A cover is the manifest item named by `<meta name="cover">` or marked `cover-image`,
    /// and it must be in the archive: many converters leave a dangling reference.
    static func hasCover(opf: MarkupNode, coverID: String?, opfDirectory: String, entries: [ArchiveEntryInfo]) -> Bool {
        let items = opf.first(named: "manifest")?.children(named: "item") ?? []
        let byProperty = items.first { ($0.attribute("properties") ?? "").split(separator: " ").contains("cover-image") }
        let byMeta = coverID.flatMap { id in items.first { $0.attribute("id") == id } ?? items.first { $0.attribute("href") == id } }
        for item in [byProperty, byMeta].compactMap({ $0 }) {
            guard let href = item.attribute("href") else { continue }
            let decoded = href.split(separator: "#").first.map(String.init)?.removingPercentEncoding ?? href
            if ArchiveReader.find(resolve(decoded, against: opfDirectory), in: entries) != nil { return true }
        }
        return false
    }

    /// `href` relative to the OPF's folder, with `.` and `..` folded.
    static func resolve(_ href: String, against directory: String) -> String {
        var parts = directory.isEmpty || href.hasPrefix("/") ? [] : directory.split(separator: "/").map(String.init)
        for part in href.split(separator: "/") {
            if part == "." { continue }
            if part == ".." { _ = parts.popLast(); continue }
            parts.append(String(part))
        }
        return parts.joined(separator: "/")
    }
}

/// EPUB 3 `<meta refines="#id" property="…">` values, looked up by the refined element's id.
private struct Refinements {
    private var values: [String: [String: String]] = [:]

    init(metas: [MarkupNode]) {
        for meta in metas {
            guard let target = meta.attribute("refines"), let property = meta.attribute("property") else { continue }
            let id = target.hasPrefix("#") ? String(target.dropFirst()) : target
            let value = meta.trimmedText
            if values[id, default: [:]][property] == nil { values[id, default: [:]][property] = value }
        }
    }

    func value(_ id: String?, _ property: String) -> String? {
        guard let id else { return nil }
        return values[id]?[property]
    }
}
