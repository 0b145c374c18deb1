import Foundation

/// Reads MOBI and AZW3 (KF8) headers into `BookMetadata`.
///
/// A Mobipocket file is a PalmDB database of type `BOOK`, creator `MOBI`. Record 0 holds
/// the PalmDOC header, the MOBI header with the book's full name, and an EXTH block of
/// tagged records (100 author, 101 publisher, 103 description, 104 ISBN, 106 date,
/// 503 updated title, 524 language, 201 cover). Only the PalmDB header, the record table's
/// first two entries and record 0 are read, at most 1 MiB, so the size of the book's text
/// and images does not matter.
///
/// The format is `AZW3` when the MOBI header version is 8 or EXTH 121 marks a KF8 boundary
/// (a combined MOBI/KF8 file), `MOBI` otherwise.
public enum MOBIReader {
    static let maxRecord0Bytes = 1 << 20

    public static func read(path: String) throws -> BookMetadata {
        let file = try BoundedFile(path: path, budget: maxRecord0Bytes + 4096)
        let header = try file.readExactly(at: 0, count: 78, what: "PalmDB header")
        guard header.ascii(at: 60, count: 4) == "BOOK", header.ascii(at: 64, count: 4) == "MOBI" else {
            throw MetadataError.notRecognized(path, "no BOOKMOBI PalmDB header, so not a MOBI or AZW3 book")
        }
        guard let recordCount = header.beUInt16(at: 76), recordCount >= 1 else {
            throw MetadataError.corrupt(path, "the PalmDB record table is empty")
        }
        let table = try file.readExactly(at: 78, count: min(recordCount, 2) * 8, what: "PalmDB record table")
        guard let start = table.beUInt32(at: 0) else { throw MetadataError.corrupt(path, "the record table is unreadable") }
        let end = recordCount >= 2 ? (table.beUInt32(at: 8) ?? Int(file.size)) : Int(file.size)
        guard start >= 78 + recordCount * 8, Int64(start) < file.size, end > start else {
            throw MetadataError.corrupt(path, "record 0 lies outside the file (offset \(start), next record \(end))")
        }
        let record = try file.read(at: Int64(start), count: min(end - start, maxRecord0Bytes))
        return try parseRecord0(record, path: path)
    }

    /// The metadata in record 0 (PalmDOC header, MOBI header, EXTH).
    static func parseRecord0(_ record: [UInt8], path: String) throws -> BookMetadata {
        guard record.ascii(at: 16, count: 4) == "MOBI", let headerLength = record.beUInt32(at: 20), headerLength >= 24 else {
            throw MetadataError.notRecognized(path, "record 0 has no MOBI header (a plain PalmDOC file?)")
        }
        if record.count < 16 + headerLength { throw MetadataError.truncated(path, "record 0 ends inside the MOBI header") }
        let utf8 = record.beUInt32(at: 28) == 65001
        let version = record.beUInt32(at: 36) ?? 0
        func decode(_ bytes: ArraySlice<UInt8>) -> String? {
            let text = utf8 ? String(decoding: bytes, as: UTF8.self) : (String(bytes: bytes, encoding: .windowsCP1252) ?? String(decoding: bytes, as: UTF8.self))
            let trimmed = text.replacingOccurrences(of: "\0", with: "").trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? nil : trimmed
        }

        var book = BookMetadata(format: version == 8 ? "AZW3" : "MOBI")
        if let offset = record.beUInt32(at: 84), let length = record.beUInt32(at: 88), length > 0, offset + length <= record.count {
            book.title = decode(record[offset..<(offset + length)])
        }

        let hasEXTH = headerLength >= 0x74 && ((record.beUInt32(at: 0x80) ?? 0) & 0x40) != 0
        let exthStart = 16 + headerLength
        guard hasEXTH, record.ascii(at: exthStart, count: 4) == "EXTH", let exthCount = record.beUInt32(at: exthStart + 8) else { return book }
        var position = exthStart + 12
        var isbnSeen = false
        for _ in 0..<min(exthCount, 10_000) {
            guard let type = record.beUInt32(at: position), let length = record.beUInt32(at: position + 4),
                  length >= 8, position + length <= record.count else { break }
            let data = record[(position + 8)..<(position + length)]
            position += length
            switch type {
            case 100: if let author = decode(data) { book.authors.append(author) }
            case 101: book.publisher = book.publisher ?? decode(data)
            case 103: book.description = book.description ?? decode(data)
            case 104:
                if let value = decode(data) {
                    book.identifiers.append(value)
                    if !isbnSeen { book.isbn = ISBN.normalize(value, labelled: true); isbnSeen = book.isbn != nil }
                }
            case 106: book.date = book.date ?? decode(data)
            case 113, 504: if let asin = decode(data), !book.identifiers.contains("asin:\(asin)") { book.identifiers.append("asin:\(asin)") }
            case 121:
                if data.count == 4, let boundary = Array(data).beUInt32(at: 0), boundary != 0xFFFF_FFFF { book.format = "AZW3" }
            case 201: book.hasCover = true
            case 503: if let title = decode(data) { book.title = title }
            case 524: book.language = book.language ?? decode(data)
            default: break
            }
        }
        return book
    }
}
