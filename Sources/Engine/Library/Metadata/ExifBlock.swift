import CExif

/// The EXIF fields seedtui keeps, decoded from one TIFF block by libexif.
///
/// The containers (JPEG APP1, PNG eXIf, WebP EXIF, the HEIF Exif item, a TIFF-based RAW
/// file) are taken apart in Swift; libexif only sees the TIFF block, prefixed with the
/// `Exif\0\0` header it expects. libexif reads at most 64 KiB of it, which holds IFD0, the
/// EXIF and GPS IFDs in every camera file seen so far. Unknown tags are kept (DNGVersion
/// is one) and libexif's "follow the specification" fix-ups, which invent missing mandatory
/// tags, are turned off so only what the camera wrote is reported.
struct ExifBlock: Equatable {
    var make: String?
    var model: String?
    /// DateTimeOriginal, else DateTimeDigitized, else DateTime, as written (`2019:07:14 18:30:05`).
    var dateTime: String?
    /// The matching OffsetTime* (`+02:00`).
    var offset: String?
    var orientation: Int?
    var latitude: Double?
    var longitude: Double?
    var pixelWidth: Int?
    var pixelHeight: Int?
    /// IFD0 ImageWidth / ImageLength (the main image in TIFF, often a preview in RAW).
    var imageWidth: Int?
    var imageHeight: Int?
    /// IFD0 NewSubfileType: 0 is the full-resolution image.
    var subfileType: Int?
    /// IFD0 has DNGVersion (0xC612).
    var isDNG = false

    static let maxBytes = 0xFFFE

    /// Decodes `tiff`, which starts with `II`/`MM` or with `Exif\0\0`; nil when libexif finds no IFD.
    init?(tiff input: [UInt8]) {
        var block = input
        let header: [UInt8] = Array("Exif".utf8) + [0, 0]
        if !block.hasBytes(header, at: 0) { block = header + block }
        guard block.count >= 14, block.hasBytes([0x49, 0x49], at: 6) || block.hasBytes([0x4D, 0x4D], at: 6) else { return nil }
        if block.count > Self.maxBytes + 6 { block.removeSubrange((Self.maxBytes + 6)...) }
        // ORF (IIRO, IIRS, MMOR) and RW2 (IIU) put their own magic where TIFF has 42; libexif insists on 42.
        if block[6] == 0x49 { block[8] = 0x2A; block[9] = 0 } else { block[8] = 0; block[9] = 0x2A }

        guard let data = exif_data_new() else { return nil }
        defer { exif_data_unref(data) }
        exif_data_unset_option(data, EXIF_DATA_OPTION_IGNORE_UNKNOWN_TAGS)
        exif_data_unset_option(data, EXIF_DATA_OPTION_FOLLOW_SPECIFICATION)
        block.withUnsafeBufferPointer { exif_data_load_data(data, $0.baseAddress, UInt32($0.count)) }
        let order = exif_data_get_byte_order(data)
        let ifds = data.pointee.ifd
        let reader = EntryReader(order: order)
        let ifd0 = ifds.0, exif = ifds.2, gps = ifds.3
        guard ifd0?.pointee.count ?? 0 > 0 || exif?.pointee.count ?? 0 > 0 else { return nil }

        make = reader.string(ifd0, 0x010F)
        model = reader.string(ifd0, 0x0110)
        orientation = reader.integer(ifd0, 0x0112).flatMap { (1...8).contains($0) ? $0 : nil }
        imageWidth = reader.integer(ifd0, 0x0100)
        imageHeight = reader.integer(ifd0, 0x0101)
        subfileType = reader.integer(ifd0, 0x00FE)
        isDNG = reader.entry(ifd0, 0xC612) != nil
        pixelWidth = reader.integer(exif, 0xA002)
        pixelHeight = reader.integer(exif, 0xA003)
        for (dateTag, offsetTag, ifd) in [(0x9003, 0x9011, exif), (0x9004, 0x9012, exif), (0x0132, 0x9010, ifd0)] {
            if let value = reader.string(ifd, UInt32(dateTag)), Self.isoDate(value) != nil {
                dateTime = value
                offset = reader.string(exif, UInt32(offsetTag))
                break
            }
        }
        latitude = Self.coordinate(reader.rationals(gps, 0x0002), ref: reader.string(gps, 0x0001), negative: "S", limit: 90)
        longitude = Self.coordinate(reader.rationals(gps, 0x0004), ref: reader.string(gps, 0x0003), negative: "W", limit: 180)
    }

    /// `Make Model`, dropping the make when the model already starts with it (or with its
    /// first word: `NIKON CORPORATION` + `NIKON D750` is `NIKON D750`).
    var camera: String? {
        let make = self.make?.trimmingSpaces(), model = self.model?.trimmingSpaces()
        switch (make?.isEmpty == false ? make : nil, model?.isEmpty == false ? model : nil) {
        case (nil, nil): return nil
        case (let make?, nil): return make
        case (nil, let model?): return model
        case (let make?, let model?):
            let firstWord = make.split(separator: " ").first.map(String.init) ?? make
            if model.lowercased().hasPrefix(make.lowercased()) || model.lowercased().hasPrefix(firstWord.lowercased()) { return model }
            return "\(make) \(model)"
        }
    }

    /// `2019:07:14 18:30:05` (and the offset when valid) as ISO 8601.
    var takenAt: String? {
        guard let dateTime, var iso = Self.isoDate(dateTime) else { return nil }
        if let offset = offset?.trimmingSpaces(), Self.isOffset(offset) { iso += offset }
        return iso
    }

    static func isoDate(_ value: String) -> String? {
        let c = Array(value.trimmingSpaces().utf8)
        guard c.count >= 19 else { return nil }
        let digitPositions = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18]
        guard digitPositions.allSatisfy({ (48...57).contains(c[$0]) }), c[13] == 58, c[16] == 58 else { return nil }
        let s = String(decoding: c[0..<19], as: UTF8.self)
        let year = s.prefix(4), month = s.dropFirst(5).prefix(2), day = s.dropFirst(8).prefix(2)
        guard year != "0000", month != "00", day != "00" else { return nil }
        return "\(year)-\(month)-\(day)T\(s.dropFirst(11).prefix(8))"
    }

    static func isOffset(_ value: String) -> Bool {
        let c = Array(value.utf8)
        return c.count == 6 && (c[0] == 43 || c[0] == 45) && c[3] == 58 && [1, 2, 4, 5].allSatisfy { (48...57).contains(c[$0]) }
    }

    static func coordinate(_ parts: [Double]?, ref: String?, negative: String, limit: Double) -> Double? {
        guard let parts, parts.count >= 1, parts.allSatisfy({ $0.isFinite && $0 >= 0 }) else { return nil }
        var value = parts[0] + (parts.count > 1 ? parts[1] / 60 : 0) + (parts.count > 2 ? parts[2] / 3600 : 0)
        if ref?.trimmingSpaces().uppercased() == negative { value = -value }
        guard abs(value) <= limit else { return nil }
        return (value * 1e7).rounded() / 1e7
    }
}

/// Reads typed values out of libexif entries, checking each entry's size against its format.
private struct EntryReader {
    let order: ExifByteOrder

    func entry(_ content: UnsafeMutablePointer<ExifContent>?, _ tag: UInt32) -> UnsafeMutablePointer<ExifEntry>? {
        guard let content else { return nil }
        return exif_content_get_entry(content, ExifTag(rawValue: tag))
    }

    private func bytes(_ e: UnsafeMutablePointer<ExifEntry>) -> [UInt8] {
        guard let data = e.pointee.data, e.pointee.size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: Int(e.pointee.size)))
    }

    func string(_ content: UnsafeMutablePointer<ExifContent>?, _ tag: UInt32) -> String? {
        guard let e = entry(content, tag) else { return nil }
        let raw = bytes(e)
        let text = String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self).trimmingSpaces()
        return text.isEmpty ? nil : text
    }

    func integer(_ content: UnsafeMutablePointer<ExifContent>?, _ tag: UInt32) -> Int? {
        guard let e = entry(content, tag), e.pointee.components >= 1 else { return nil }
        let raw = bytes(e)
        let big = order == EXIF_BYTE_ORDER_MOTOROLA
        switch e.pointee.format {
        case EXIF_FORMAT_SHORT, EXIF_FORMAT_SSHORT: return big ? raw.beUInt16(at: 0) : raw.leUInt16(at: 0)
        case EXIF_FORMAT_LONG, EXIF_FORMAT_SLONG: return big ? raw.beUInt32(at: 0) : raw.leUInt32(at: 0)
        case EXIF_FORMAT_BYTE: return raw.byte(at: 0)
        default: return nil
        }
    }

    func rationals(_ content: UnsafeMutablePointer<ExifContent>?, _ tag: UInt32) -> [Double]? {
        guard let e = entry(content, tag), e.pointee.format == EXIF_FORMAT_RATIONAL else { return nil }
        let raw = bytes(e)
        let count = min(Int(e.pointee.components), raw.count / 8, 3)
        let big = order == EXIF_BYTE_ORDER_MOTOROLA
        var values: [Double] = []
        for i in 0..<count {
            guard let n = big ? raw.beUInt32(at: i * 8) : raw.leUInt32(at: i * 8),
                  let d = big ? raw.beUInt32(at: i * 8 + 4) : raw.leUInt32(at: i * 8 + 4), d != 0 else { return nil }
            values.append(Double(n) / Double(d))
        }
        return values.isEmpty ? nil : values
    }
}

private extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s = s.dropFirst() }
        while let c = s.last, c.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
