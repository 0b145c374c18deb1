/// Reads a photo's dimensions, format and EXIF into `PhotoMetadata`.
///
/// The format comes from the magic bytes, not the extension. Each container is walked in
/// Swift with bounded reads to find the dimensions and the EXIF (TIFF) block; libexif then
/// decodes the block (`ExifBlock`). The image data itself is never read: a JPEG is walked
/// marker by marker up to its first scan, a PNG chunk header by chunk header.
///
/// Throws `notRecognized` for unknown magic and `truncated` when the file ends before its
/// dimensions. A missing or malformed EXIF block is not an error: the photo keeps its
/// dimensions and format.
public enum PhotoReader {
    static let budget = 8 << 20
    static let maxExifBytes = 256 << 10

    /// Formats sharing TIFF's magic, by extension; the magic and DNGVersion refine it.
    static let tiffExtensions: [String: String] = [
        "dng": "DNG", "cr2": "CR2", "nef": "NEF", "nrw": "NRW", "arw": "ARW", "srf": "ARW", "sr2": "ARW", "orf": "ORF",
        "rw2": "RW2", "pef": "PEF", "srw": "SRW", "3fr": "3FR", "erf": "ERF", "iiq": "IIQ", "mos": "MOS", "tif": "TIFF", "tiff": "TIFF",
    ]

    public static func read(path: String) throws -> PhotoMetadata {
        let file = try BoundedFile(path: path, budget: budget)
        let head = try file.read(at: 0, count: 32)
        guard head.count >= 12 else { throw MetadataError.truncated(path, "the file is only \(head.count) bytes") }

        if head.hasBytes([0xFF, 0xD8, 0xFF], at: 0) { return try jpeg(file) }
        if head.hasBytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], at: 0) { return try png(file) }
        if head.ascii(at: 0, count: 4) == "RIFF" && head.ascii(at: 8, count: 4) == "WEBP" { return try webp(file) }
        if head.ascii(at: 4, count: 4) == "ftyp" {
            let heif = try HEIFContainer(file: file)
            return finish(PhotoMetadata(width: heif.width, height: heif.height, format: heif.format), exif: heif.exif, useIFD0Size: false)
        }
        if head.hasBytes(Array("II".utf8), at: 0) || head.hasBytes(Array("MM".utf8), at: 0) { return try tiff(file, head: head) }
        if head.ascii(at: 0, count: 6) == "GIF87a" || head.ascii(at: 0, count: 6) == "GIF89a" {
            return PhotoMetadata(width: head.leUInt16(at: 6), height: head.leUInt16(at: 8), format: "GIF")
        }
        if head.ascii(at: 0, count: 2) == "BM", let w = head.leUInt32(at: 18), let h = head.leUInt32(at: 22) {
            let height = h >= 0x8000_0000 ? 0x1_0000_0000 - h : h
            return PhotoMetadata(width: w, height: height, format: "BMP")
        }
        throw MetadataError.notRecognized(path, "its first bytes are not a JPEG, PNG, WebP, HEIF, TIFF, GIF or BMP image")
    }

    /// Adds the EXIF fields; container dimensions win over EXIF ones, which may be stale.
    static func finish(_ photo: PhotoMetadata, exif bytes: [UInt8]?, useIFD0Size: Bool) -> PhotoMetadata {
        guard let bytes, let exif = ExifBlock(tiff: bytes) else { return photo }
        var photo = photo
        if exif.isDNG && (photo.format == "TIFF" || photo.format == "DNG") { photo.format = "DNG" }
        photo.takenAt = exif.takenAt
        photo.camera = exif.camera
        photo.latitude = exif.latitude
        photo.longitude = exif.longitude
        photo.orientation = exif.orientation
        if photo.width == nil || photo.height == nil {
            if let w = exif.pixelWidth, let h = exif.pixelHeight, w > 0, h > 0 {
                (photo.width, photo.height) = (w, h)
            } else if useIFD0Size, (exif.subfileType ?? 0) == 0, let w = exif.imageWidth, let h = exif.imageHeight, w > 0, h > 0 {
                (photo.width, photo.height) = (w, h)
            }
        }
        return photo
    }

    // MARK: - JPEG

    /// Walks markers from SOI to the first SOS: the first SOFn gives the size, the first
    /// APP1 `Exif\0\0` segment the EXIF block.
    static func jpeg(_ file: BoundedFile) throws -> PhotoMetadata {
        var photo = PhotoMetadata(format: "JPEG")
        var exif: [UInt8]?
        var offset: Int64 = 2
        for _ in 0..<4_096 {
            let marker = try file.read(at: offset, count: 4)
            guard marker.count == 4 else { break }
            guard marker[0] == 0xFF else {
                if photo.width != nil { break }  // junk after the frame header does not matter here
                throw MetadataError.corrupt(file.path, "no JPEG marker at byte \(offset)")
            }
            let type = marker[1]
            if type == 0xFF { offset += 1; continue }  // fill byte
            if type == 0xD8 || type == 0x01 || (0xD0...0xD7).contains(type) { offset += 2; continue }
            if type == 0xD9 || type == 0xDA { break }
            guard let length = marker.beUInt16(at: 2), length >= 2 else { throw MetadataError.corrupt(file.path, "a JPEG segment at byte \(offset) has a bad length") }
            let isSOF = (0xC0...0xCF).contains(type) && type != 0xC4 && type != 0xC8 && type != 0xCC
            if isSOF && photo.width == nil {
                let sof = try file.readExactly(at: offset + 4, count: 5, what: "JPEG frame header")
                photo.height = sof.beUInt16(at: 1)
                photo.width = sof.beUInt16(at: 3)
            } else if type == 0xE1 && exif == nil && length >= 8 {
                let segment = try file.read(at: offset + 4, count: length - 2)
                if segment.hasBytes(Array("Exif".utf8) + [0, 0], at: 0) { exif = segment }
            }
            offset += 2 + Int64(length)
        }
        guard photo.width != nil else { throw MetadataError.truncated(file.path, "the JPEG ends before its frame header") }
        if photo.width == 0 || photo.height == 0 { (photo.width, photo.height) = (nil, nil) }
        return finish(photo, exif: exif, useIFD0Size: false)
    }

    // MARK: - PNG

    /// IHDR gives the size; an `eXIf` chunk, anywhere before IEND, the EXIF block.
    static func png(_ file: BoundedFile) throws -> PhotoMetadata {
        let ihdr = try file.readExactly(at: 8, count: 16, what: "PNG header chunk")
        guard ihdr.ascii(at: 4, count: 4) == "IHDR", let w = ihdr.beUInt32(at: 8), let h = ihdr.beUInt32(at: 12) else {
            throw MetadataError.corrupt(file.path, "the PNG does not start with an IHDR chunk")
        }
        let photo = PhotoMetadata(width: w > 0 ? w : nil, height: h > 0 ? h : nil, format: "PNG")
        var exif: [UInt8]?
        var offset: Int64 = 8
        for _ in 0..<100_000 {
            let header = try file.read(at: offset, count: 8)
            guard header.count == 8, let length = header.beUInt32(at: 0), length < 0x8000_0000, let type = header.ascii(at: 4, count: 4) else { break }
            if type == "IEND" { break }
            if type == "eXIf" && length <= maxExifBytes { exif = try file.read(at: offset + 8, count: length) }
            offset += 12 + Int64(length)
            if exif != nil { break }
        }
        return finish(photo, exif: exif, useIFD0Size: false)
    }

    // MARK: - WebP

    /// VP8, VP8L or VP8X gives the size; an `EXIF` chunk the EXIF block.
    static func webp(_ file: BoundedFile) throws -> PhotoMetadata {
        var photo = PhotoMetadata(format: "WebP")
        var exif: [UInt8]?
        let riff = try file.readExactly(at: 4, count: 4, what: "RIFF header")
        let end = min(file.size, 8 + Int64(riff.leUInt32(at: 0) ?? 0))
        var offset: Int64 = 12
        for _ in 0..<10_000 {
            guard offset + 8 <= end else { break }
            let header = try file.read(at: offset, count: 8)
            guard header.count == 8, let type = header.ascii(at: 0, count: 4), let length = header.leUInt32(at: 4) else { break }
            let body = offset + 8
            switch type {
            case "VP8X":
                let d = try file.readExactly(at: body, count: 10, what: "VP8X chunk")
                if photo.width == nil, let w = d.leUInt24(at: 4), let h = d.leUInt24(at: 7) { (photo.width, photo.height) = (w + 1, h + 1) }
            case "VP8 ":
                let d = try file.readExactly(at: body, count: 10, what: "VP8 frame header")
                if photo.width == nil, d.hasBytes([0x9D, 0x01, 0x2A], at: 3), let w = d.leUInt16(at: 6), let h = d.leUInt16(at: 8) {
                    (photo.width, photo.height) = (w & 0x3FFF, h & 0x3FFF)
                }
            case "VP8L":
                let d = try file.readExactly(at: body, count: 5, what: "VP8L header")
                if photo.width == nil, d[0] == 0x2F, let bits = d.leUInt32(at: 1) {
                    (photo.width, photo.height) = ((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
                }
            case "EXIF":
                if length <= maxExifBytes { exif = try file.read(at: body, count: length) }
            default:
                break
            }
            offset = body + Int64(length) + Int64(length & 1)
        }
        guard photo.width != nil else { throw MetadataError.truncated(file.path, "the WebP has no readable image header") }
        return finish(photo, exif: exif, useIFD0Size: false)
    }

    // MARK: - TIFF and RAW

    /// The file is the TIFF block; the magic tells CR2, ORF and RW2 apart, DNGVersion tells
    /// DNG, and the extension the rest.
    static func tiff(_ file: BoundedFile, head: [UInt8]) throws -> PhotoMetadata {
        let little = head[0] == 0x49
        let magic = little ? head.leUInt16(at: 2) : head.beUInt16(at: 2)
        let ext = file.path.split(separator: "/").last.flatMap { name in name.contains(".") ? name.split(separator: ".").last : nil }?.lowercased() ?? ""
        var format: String
        switch magic {
        case 0x2A: format = head.ascii(at: 8, count: 2) == "CR" ? "CR2" : (tiffExtensions[ext] ?? "TIFF")
        case 0x4F52, 0x5352: format = "ORF"
        case 0x55: format = "RW2"
        default: throw MetadataError.notRecognized(file.path, "it starts like a TIFF but has no TIFF magic number")
        }
        if format == "TIFF" && ext == "dng" { format = "DNG" }
        let block = try file.read(at: 0, count: ExifBlock.maxBytes)
        let useIFD0 = format == "TIFF" || format == "DNG" || format == "CR2"
        return finish(PhotoMetadata(format: format), exif: block, useIFD0Size: useIFD0)
    }
}
