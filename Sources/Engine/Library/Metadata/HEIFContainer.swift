/// Finds the dimensions and the EXIF block of a HEIF-family image (HEIC, AVIF) in its
/// ISO base media file boxes.
///
/// The primary item's size is its `ispe` property (for HEIC usually a `grid` item whose
/// `ispe` is the whole canvas); the EXIF is the item of type `Exif`, located through
/// `iloc` either in the file or in `idat`. Only the `ftyp` and `meta` boxes are read
/// (`meta` up to 4 MiB) plus the EXIF extents, never `mdat`.
struct HEIFContainer {
    var format: String
    var width: Int?
    var height: Int?
    var exif: [UInt8]?

    static let maxMetaBytes = 4 << 20
    static let maxExifBytes = 256 << 10

    /// The format named by the `ftyp` brands, nil when they are not an image brand.
    static func format(brands: [String]) -> String? {
        if brands.contains(where: { $0 == "avif" || $0 == "avis" }) { return "AVIF" }
        if brands.contains(where: { ["heic", "heix", "heim", "heis", "hevc", "hevx"].contains($0) }) { return "HEIC" }
        if brands.contains("crx ") { return "CR3" }
        if brands.contains(where: { $0 == "mif1" || $0 == "msf1" }) { return "HEIF" }
        return nil
    }

    init(file: BoundedFile) throws {
        let path = file.path
        var offset: Int64 = 0
        var brands: [String] = []
        var meta: [UInt8]?
        var boxes = 0
        while offset + 8 <= file.size, boxes < 1_000, meta == nil {
            boxes += 1
            let header = try file.readExactly(at: offset, count: min(16, Int(file.size - offset)), what: "box header")
            guard let size32 = header.beUInt32(at: 0), let type = header.ascii(at: 4, count: 4) else { break }
            var size = Int64(size32)
            var headerSize: Int64 = 8
            if size32 == 1 {
                guard let large = header.beUInt64(at: 8), large < UInt64(Int64.max) else { throw MetadataError.corrupt(path, "a box has an unreadable 64-bit size") }
                size = Int64(large)
                headerSize = 16
            } else if size32 == 0 {
                size = file.size - offset
            }
            guard size >= headerSize else { throw MetadataError.corrupt(path, "the \(type) box at \(offset) has size \(size)") }
            if size > file.size - offset {
                if type == "meta" { throw MetadataError.truncated(path, "the file ends inside the meta box") }
                break
            }
            let payloadSize = size - headerSize
            if type == "ftyp" {
                let payload = try file.read(at: offset + headerSize, count: Int(min(payloadSize, 4096)))
                brands = stride(from: 0, to: payload.count - 3, by: 4).filter { $0 != 4 }.compactMap { payload.ascii(at: $0, count: 4) }
            } else if type == "meta" {
                guard payloadSize <= Int64(Self.maxMetaBytes) else { throw MetadataError.tooLarge(path, "its meta box declares \(payloadSize) bytes") }
                let payload = try file.read(at: offset + headerSize, count: Int(payloadSize))
                guard payload.count == Int(payloadSize) else { throw MetadataError.truncated(path, "the file ends inside the meta box") }
                meta = payload
            }
            offset += size
        }
        guard let format = Self.format(brands: brands) else {
            throw MetadataError.notRecognized(path, "its ftyp brands (\(brands.joined(separator: ", "))) are not a HEIF or AVIF image")
        }
        self.format = format
        guard let meta else { return }
        let boxesInMeta = Self.children(of: meta, from: 4)
        let primary = boxesInMeta["pitm"].flatMap { Self.primaryItem(meta, $0) }
        let properties = boxesInMeta["iprp"].map { Self.sizes(meta, $0, primary: primary) }
        width = properties?.width
        height = properties?.height
        if let iinf = boxesInMeta["iinf"], let iloc = boxesInMeta["iloc"], let exifItem = Self.exifItem(meta, iinf),
           let extents = Self.extents(meta, iloc, item: exifItem) {
            var payload: [UInt8] = []
            for extent in extents where payload.count < Self.maxExifBytes {
                let length = min(extent.length, Self.maxExifBytes - payload.count)
                if extent.inIdat {
                    guard let idat = boxesInMeta["idat"], extent.offset >= 0, extent.offset <= idat.count - length else { continue }
                    payload += meta[(idat.lowerBound + extent.offset)..<(idat.lowerBound + extent.offset + length)]
                } else {
                    payload += try file.read(at: Int64(extent.offset), count: length)
                }
            }
            // The item starts with a 32-bit offset to the TIFF header, usually past `Exif\0\0`.
            if let skip = payload.beUInt32(at: 0), 4 + skip < payload.count {
                exif = Array(payload[(4 + skip)...])
            }
        }
    }

    /// The payload ranges of the boxes in `bytes[from..<end]`, by type (the first of each type).
    static func children(of bytes: [UInt8], from: Int, end: Int? = nil) -> [String: Range<Int>] {
        var found: [String: Range<Int>] = [:]
        var position = from
        let stop = min(end ?? bytes.count, bytes.count)
        var count = 0
        while position + 8 <= stop, count < 4_096 {
            count += 1
            guard let size32 = bytes.beUInt32(at: position), let type = bytes.ascii(at: position + 4, count: 4) else { break }
            var size = size32
            var header = 8
            if size32 == 1 {
                guard let large = bytes.beUInt64(at: position + 8), large <= UInt64(stop - position) else { break }
                size = Int(large)
                header = 16
            } else if size32 == 0 {
                size = stop - position
            }
            guard size >= header, position + size <= stop else { break }
            if found[type] == nil { found[type] = (position + header)..<(position + size) }
            position += size
        }
        return found
    }

    private static func primaryItem(_ meta: [UInt8], _ pitm: Range<Int>) -> Int? {
        let version = meta.byte(at: pitm.lowerBound) ?? 0
        return version == 0 ? meta.beUInt16(at: pitm.lowerBound + 4) : meta.beUInt32(at: pitm.lowerBound + 4)
    }

    /// The `ispe` associated with the primary item, else the largest `ispe`.
    private static func sizes(_ meta: [UInt8], _ iprp: Range<Int>, primary: Int?) -> (width: Int?, height: Int?) {
        let inner = children(of: meta, from: iprp.lowerBound, end: iprp.upperBound)
        guard let ipco = inner["ipco"] else { return (nil, nil) }
        // Property boxes in order; indices in ipma are 1-based into this list.
        var properties: [(type: String, range: Range<Int>)] = []
        var position = ipco.lowerBound
        while position + 8 <= ipco.upperBound, properties.count < 4_096 {
            guard let size = meta.beUInt32(at: position), size >= 8, position + size <= ipco.upperBound,
                  let type = meta.ascii(at: position + 4, count: 4) else { break }
            properties.append((type, (position + 8)..<(position + size)))
            position += size
        }
        func ispe(_ range: Range<Int>) -> (Int, Int)? {
            guard let w = meta.beUInt32(at: range.lowerBound + 4), let h = meta.beUInt32(at: range.lowerBound + 8), w > 0, h > 0 else { return nil }
            return (w, h)
        }
        if let primary, let ipma = inner["ipma"] {
            let version = meta.byte(at: ipma.lowerBound) ?? 0
            let flags = meta.beUInt24(at: ipma.lowerBound + 1) ?? 0
            var p = ipma.lowerBound + 4
            let entries = meta.beUInt32(at: p) ?? 0
            p += 4
            for _ in 0..<min(entries, 65_536) {
                guard let item = version < 1 ? meta.beUInt16(at: p) : meta.beUInt32(at: p) else { break }
                p += version < 1 ? 2 : 4
                guard let associations = meta.byte(at: p) else { break }
                p += 1
                for _ in 0..<associations {
                    let index: Int?
                    if flags & 1 != 0 { index = meta.beUInt16(at: p).map { $0 & 0x7FFF }; p += 2 }
                    else { index = meta.byte(at: p).map { $0 & 0x7F }; p += 1 }
                    if item == primary, let index, index >= 1, index <= properties.count, properties[index - 1].type == "ispe",
                       let size = ispe(properties[index - 1].range) {
                        return size
                    }
                }
                if p > ipma.upperBound { break }
            }
        }
        let all = properties.filter { $0.type == "ispe" }.compactMap { ispe($0.range) }
        guard let largest = all.max(by: { $0.0 * $0.1 < $1.0 * $1.1 }) else { return (nil, nil) }
        return largest
    }

    /// The item id of the first `infe` of type `Exif`.
    private static func exifItem(_ meta: [UInt8], _ iinf: Range<Int>) -> Int? {
        let version = meta.byte(at: iinf.lowerBound) ?? 0
        var position = iinf.lowerBound + 4 + (version == 0 ? 2 : 4)
        var seen = 0
        while position + 8 <= iinf.upperBound, seen < 65_536 {
            seen += 1
            guard let size = meta.beUInt32(at: position), size >= 8, position + size <= iinf.upperBound else { return nil }
            if meta.ascii(at: position + 4, count: 4) == "infe", let infeVersion = meta.byte(at: position + 8), infeVersion >= 2 {
                let body = position + 12
                let id = infeVersion == 2 ? meta.beUInt16(at: body) : meta.beUInt32(at: body)
                let typeAt = body + (infeVersion == 2 ? 2 : 4) + 2
                if meta.ascii(at: typeAt, count: 4) == "Exif" { return id }
            }
            position += size
        }
        return nil
    }

    struct Extent { var offset: Int; var length: Int; var inIdat: Bool }

    /// The extents of `item` in `iloc`; nil for construction methods other than file (0) and idat (1).
    private static func extents(_ meta: [UInt8], _ iloc: Range<Int>, item: Int) -> [Extent]? {
        let start = iloc.lowerBound
        guard let version = meta.byte(at: start), let sizes = meta.beUInt16(at: start + 4) else { return nil }
        let offsetSize = sizes >> 12, lengthSize = (sizes >> 8) & 0xF, baseSize = (sizes >> 4) & 0xF
        let indexSize = version >= 1 ? sizes & 0xF : 0
        var p = start + 6
        func read(_ width: Int) -> Int? {
            defer { p += width }
            switch width {
            case 0: return 0
            case 4: return meta.beUInt32(at: p)
            case 8: return meta.beUInt64(at: p).flatMap { $0 < UInt64(Int.max) ? Int($0) : nil }
            default: return nil
            }
        }
        guard let count = version < 2 ? meta.beUInt16(at: p) : meta.beUInt32(at: p) else { return nil }
        p += version < 2 ? 2 : 4
        for _ in 0..<min(count, 65_536) {
            guard let id = version < 2 ? meta.beUInt16(at: p) : meta.beUInt32(at: p) else { return nil }
            p += version < 2 ? 2 : 4
            var method = 0
            if version >= 1 { method = (meta.beUInt16(at: p) ?? 0) & 0xF; p += 2 }
            p += 2 // data_reference_index
            guard let base = read(baseSize), let extentCount = meta.beUInt16(at: p) else { return nil }
            p += 2
            var extents: [Extent] = []
            for _ in 0..<extentCount {
                _ = read(indexSize)
                guard let offset = read(offsetSize), let length = read(lengthSize), p <= iloc.upperBound else { return nil }
                let (sum, overflow) = base.addingReportingOverflow(offset)
                guard !overflow else { return nil }
                extents.append(Extent(offset: sum, length: length, inIdat: method == 1))
            }
            if id == item { return method <= 1 ? extents : nil }
        }
        return nil
    }
}
