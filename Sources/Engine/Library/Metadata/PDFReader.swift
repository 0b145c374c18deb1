import Foundation

/// Reads a PDF's document information and page count without reading the whole file.
///
/// A library PDF can be hundreds of MiB; its metadata sits in the trailer, the Info
/// dictionary and the page tree root, which are almost always near either end. The reader
/// loads the first and last MiB (the whole file when it is under 4 MiB), then fetches single
/// objects through the cross-reference table, never more than 8 MiB in all. What it cannot
/// reach (objects inside compressed object streams) it replaces by scans: the largest
/// `/Type /Pages` `/Count` for the page count, the XMP packet for title and authors.
///
/// Info `/Subject` becomes the description and `/CreationDate` the date (as ISO 8601);
/// `/Producer` names the software that wrote the file, not a publisher, and is not kept.
/// Strings of encrypted files are not read (they are ciphertext); the page count still is.
///
/// Throws `notRecognized` without a `%PDF-` header, `truncated` without a final
/// `startxref`, and `corrupt` when `startxref` points outside the file.
public enum PDFReader {
    static let edgeBytes = 1 << 20
    static let wholeFileBelow: Int64 = 4 << 20
    static let budget = 8 << 20

    public static func read(path: String) throws -> BookMetadata {
        let document = try PDFScan(file: try BoundedFile(path: path, budget: budget))
        return document.metadata()
    }
}

/// The loaded parts of one PDF and the lookups over them.
private final class PDFScan {
    let file: BoundedFile
    /// File regions read so far, each as (file offset, bytes).
    private var windows: [(offset: Int64, bytes: [UInt8])] = []
    private var objectCache: [Int: PDFValue] = [:]
    private(set) var trailer: PDFValue?
    private var startXref: Int64 = 0

    init(file: BoundedFile) throws {
        self.file = file
        let size = file.size
        if size <= PDFReader.wholeFileBelow {
            windows.append((0, try file.read(at: 0, count: Int(size))))
        } else {
            windows.append((0, try file.read(at: 0, count: PDFReader.edgeBytes)))
            windows.append((size - Int64(PDFReader.edgeBytes), try file.read(at: size - Int64(PDFReader.edgeBytes), count: PDFReader.edgeBytes)))
        }
        guard let head = windows.first?.bytes, let magic = head.firstIndex(of: Array("%PDF-".utf8), end: 1024) , magic >= 0 else {
            throw MetadataError.notRecognized(file.path, "no %PDF- header, so not a PDF")
        }
        let tail = windows[windows.count - 1]
        guard let keyword = tail.bytes.lastIndex(of: Array("startxref".utf8)) else {
            throw MetadataError.truncated(file.path, "no startxref near the end of the PDF")
        }
        var parser = PDFParser(tail.bytes, at: keyword + 9)
        guard case .number(let offset)? = try? parser.parseValue(depth: 0), offset >= 0, offset.rounded() == offset else {
            throw MetadataError.corrupt(file.path, "the startxref value is not a number")
        }
        guard offset < Double(size) else {
            throw MetadataError.corrupt(file.path, "the cross-reference offset \(Int64(offset)) points past the end of the \(size)-byte file")
        }
        startXref = Int64(offset)
        trailer = findTrailer(tail: tail.bytes)
    }

    // MARK: - Metadata

    func metadata() -> BookMetadata {
        var book = BookMetadata(format: "PDF")
        let encrypted = trailer?["Encrypt"] != nil
        if !encrypted, let info = resolve(trailer?["Info"]), case .dictionary = info {
            book.title = text(info["Title"])
            book.authors = text(info["Author"]).map { Self.splitAuthors($0) } ?? []
            book.description = text(info["Subject"])
            book.date = text(info["CreationDate"]).map { PDFText.isoDate($0) ?? $0 }
        }
        let catalog = resolve(trailer?["Root"])
        if !encrypted { book.language = text(catalog?["Lang"]) }
        book.pages = pageCountFromTree(catalog) ?? largestPagesCount()
        if book.title == nil || book.authors.isEmpty, let xmp = xmpPacket() {
            if book.title == nil {
                let titles = xmp.descendants(qualified: "dc:title")
                let items = titles.flatMap { $0.descendants(named: "li") }
                let chosen = items.first { $0.attribute("lang") == "x-default" } ?? items.first
                book.title = nonEmpty(chosen?.trimmedText ?? titles.first?.trimmedText)
            }
            if book.authors.isEmpty {
                let creators = xmp.descendants(qualified: "dc:creator")
                book.authors = creators.flatMap { $0.descendants(named: "li") }.compactMap { nonEmpty($0.trimmedText) }
            }
        }
        return book
    }

    /// Info `/Author` holds one string; `;` is the usual separator between several names.
    private static func splitAuthors(_ text: String) -> [String] {
        text.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    private func text(_ value: PDFValue?) -> String? {
        guard case .string(let bytes)? = resolve(value) else { return nil }
        return nonEmpty(PDFText.decode(bytes).replacingOccurrences(of: "\0", with: ""))
    }

    private func nonEmpty(_ s: String?) -> String? {
        guard let trimmed = s?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return trimmed
    }

    // MARK: - Page count

    private func pageCountFromTree(_ catalog: PDFValue?) -> Int? {
        guard let pages = resolve(catalog?["Pages"]), let count = resolve(pages["Count"])?.int, count > 0, count <= 10_000_000 else { return nil }
        return count
    }

    /// The largest `/Count` of any `/Type /Pages` dictionary in the loaded bytes: the root of
    /// the page tree has the largest, even when the catalog hides in an object stream.
    private func largestPagesCount() -> Int? {
        var best: Int?
        let pagesName = Array("/Pages".utf8)
        for window in windows {
            let bytes = window.bytes
            var from = 0
            var hits = 0
            while hits < 10_000, let at = bytes.firstIndex(of: pagesName, from: from) {
                hits += 1
                from = at + pagesName.count
                if let next = bytes.byte(at: from), !PDFParser.isWhitespace(UInt8(next)) && !PDFParser.isDelimiter(UInt8(next)) { continue }
                guard precededByType(bytes, at) else { continue }
                if let count = enclosingPagesCount(bytes, typeAt: at), count > 0, count <= 10_000_000 { best = max(best ?? 0, count) }
            }
        }
        return best
    }

    private func precededByType(_ bytes: [UInt8], _ at: Int) -> Bool {
        var i = at - 1
        while i >= 0, PDFParser.isWhitespace(bytes[i]) { i -= 1 }
        return i >= 4 && bytes.hasBytes(Array("/Type".utf8), at: i - 4)
    }

    /// Parses the dictionaries that open before `typeAt` (nearest first) until one spans it.
    private func enclosingPagesCount(_ bytes: [UInt8], typeAt: Int) -> Int? {
        var before = typeAt
        let open = Array("<<".utf8)
        for _ in 0..<16 {
            guard let start = bytes.lastIndex(of: open, before: before), typeAt - start < 64 << 10 else { return nil }
            before = start
            var parser = PDFParser(bytes, at: start)
            guard let dict = try? parser.parseValue(depth: 0), parser.position > typeAt else { continue }
            guard dict["Type"]?.nameValue == "Pages" else { continue }
            return dict["Count"]?.int
        }
        return nil
    }

    // MARK: - XMP

    private func xmpPacket() -> MarkupNode? {
        for (open, close) in [("<x:xmpmeta", "</x:xmpmeta>"), ("<rdf:RDF", "</rdf:RDF>")] {
            for window in windows {
                guard let start = window.bytes.firstIndex(of: Array(open.utf8)),
                      let end = window.bytes.firstIndex(of: Array(close.utf8), from: start, end: start + (1 << 20)) else { continue }
                let packet = Array(window.bytes[start..<(end + close.utf8.count)])
                if let tree = try? MarkupParser.parse(packet, path: file.path, what: "the XMP packet") { return tree }
            }
        }
        return nil
    }

    // MARK: - Trailer and objects

    /// The last classic `trailer` dictionary, or else the cross-reference stream's dictionary.
    private func findTrailer(tail: [UInt8]) -> PDFValue? {
        if let keyword = tail.lastIndex(of: Array("trailer".utf8)) {
            var parser = PDFParser(tail, at: keyword + 7)
            if let dict = try? parser.parseValue(depth: 0), case .dictionary = dict { return dict }
        }
        if let found = try? window(at: startXref, minLength: 4096) {
            var parser = PDFParser(found.0, at: found.1)
            if let object = try? parser.parseIndirectObject(), case .dictionary = object.value { return object.value }
        }
        return nil
    }

    /// Follows references (a few levels at most) to a direct value.
    func resolve(_ value: PDFValue?, depth: Int = 0) -> PDFValue? {
        guard let value else { return nil }
        guard case .reference(let number, let generation) = value else { return value }
        guard depth < 4 else { return nil }
        return resolve(object(number, generation), depth: depth + 1)
    }

    private func object(_ number: Int, _ generation: Int) -> PDFValue? {
        if let cached = objectCache[number] { return cached }
        var found: PDFValue?
        let header = Array("\(number) \(generation) obj".utf8)
        for window in windows.reversed() where found == nil {
            var before = window.bytes.count
            while found == nil, let at = window.bytes.lastIndex(of: header, before: before) {
                before = at
                if at > 0, let previous = window.bytes.byte(at: at - 1), !PDFParser.isWhitespace(UInt8(previous)) && !PDFParser.isDelimiter(UInt8(previous)) { continue }
                found = parseObject(window.bytes, at: at, number: number)
            }
        }
        if found == nil, let offset = xrefOffset(of: number), let located = try? window(at: offset, minLength: 4096) {
            found = parseObject(located.0, at: located.1, number: number)
        }
        if let found { objectCache[number] = found }
        return found
    }

    private func parseObject(_ bytes: [UInt8], at: Int, number: Int) -> PDFValue? {
        var parser = PDFParser(bytes, at: at)
        guard let object = try? parser.parseIndirectObject(), object.number == number else { return nil }
        return object.value
    }

    /// The byte offset of object `number` from the classic cross-reference tables, following
    /// `/Prev` links (each visited once, sixteen at most). Nil for cross-reference streams.
    private func xrefOffset(of number: Int) -> Int64? {
        var section: Int64? = startXref
        var visited: Set<Int64> = []
        while let offset = section, visited.count < 16, visited.insert(offset).inserted {
            section = nil
            guard let located = try? window(at: offset, minLength: 64), located.0.hasBytes(Array("xref".utf8), at: located.1) else { return nil }
            var (bytes, position) = located
            var base = offset - Int64(position)
            position += 4
            for _ in 0..<10_000 {
                var parser = PDFParser(bytes, at: position)
                parser.skipWhitespace()
                if bytes.hasBytes(Array("trailer".utf8), at: parser.position) {
                    parser.position += 7
                    if let dict = try? parser.parseValue(depth: 0), let prev = dict["Prev"]?.int, prev >= 0, Int64(prev) < file.size {
                        section = Int64(prev)
                    }
                    break
                }
                guard let first = (try? parser.parseValue(depth: 0))?.int, let count = (try? parser.parseValue(depth: 0))?.int,
                      first >= 0, first < 100_000_000, count >= 0, count < 10_000_000 else { return nil }
                // Entries start after the end of line that follows the subsection header.
                while let c = bytes.byte(at: parser.position), c == 0x20 || c == 0x0D || c == 0x0A { parser.position += 1 }
                let entries = base + Int64(parser.position)
                if number >= first && number < first + count {
                    let entry = entries + Int64(number - first) * 20
                    guard let row = try? window(at: entry, minLength: 20), let text = row.0.ascii(at: row.1, count: 18) else { return nil }
                    let fields = text.split(separator: " ")
                    guard fields.count == 3, fields[2] == "n", let value = Int64(fields[0]), value >= 0, value < file.size else { return nil }
                    return value
                }
                let next = entries + Int64(count) * 20
                guard next < file.size, let more = try? window(at: next, minLength: 64) else { return nil }
                (bytes, position) = more
                base = next - Int64(position)
            }
        }
        return nil
    }

    /// Bytes covering `offset..<offset+minLength` (or to the end of the file) and the index of
    /// `offset` in them, from a loaded window or from a new 64 KiB read charged to the budget.
    private func window(at offset: Int64, minLength: Int) throws -> ([UInt8], Int)? {
        guard offset >= 0, offset < file.size else { return nil }
        let wantedEnd = min(offset + Int64(minLength), file.size)
        for window in windows where window.offset <= offset && window.offset + Int64(window.bytes.count) >= wantedEnd {
            return (window.bytes, Int(offset - window.offset))
        }
        let bytes = try file.read(at: offset, count: max(minLength, 64 << 10))
        guard !bytes.isEmpty else { return nil }
        windows.append((offset, bytes))
        return (bytes, 0)
    }
}
