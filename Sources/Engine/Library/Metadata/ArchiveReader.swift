import CArchive

/// Lists and reads entries of zip, rar, 7z and tar archives in-process, through libarchive.
///
/// EPUBs and comic archives are containers; their metadata lives in one small entry. The
/// reader never extracts to disk and never trusts a declared size: every call opens its own
/// libarchive handle (so a value can be shared between tasks), walks at most
/// `limits.maxEntries` headers, and stops decompressing at `limits.maxBytesPerRead` or
/// when the output outgrows the input by `limits.maxCompressionRatio`.
///
///     let archive = try ArchiveReader(path: "/lib/comics/Saga 001.cbz")
///     if let info = ArchiveReader.find("ComicInfo.xml", in: try archive.entries()) {
///         let xml = try archive.read(named: info.name, maxBytes: 1 << 20)
///     }
public struct ArchiveReader: Sendable {
    public let path: String
    public let limits: ArchiveLimits
    /// The container format found in the file's bytes.
    public let format: ArchiveFormat

    /// Opens the file once to recognise its format.
    ///
    /// Throws `notRecognized` for anything that is not a zip, rar, 7z or (possibly
    /// compressed) tar archive, and `unreadable` for files that are not regular files.
    public init(path: String, limits: ArchiveLimits = .default) throws {
        self.path = path
        self.limits = limits
        let handle = try ArchiveHandle(path: path)
        do {
            _ = try handle.nextHeader()
        } catch {
            throw MetadataError.notRecognized(path, "not a zip, rar, 7z or tar archive (\(handle.errorText))")
        }
        guard let format = handle.format else {
            throw MetadataError.notRecognized(path, "not a zip, rar, 7z or tar archive")
        }
        self.format = format
    }

    /// Every entry's header, in archive order.
    ///
    /// Throws `tooLarge` when there are more than `limits.maxEntries` entries, or when the
    /// declared sizes add up past `limits.maxTotalUncompressedBytes` or past the archive's
    /// own size times `limits.maxCompressionRatio` (the signature of a zip bomb).
    public func entries() throws -> [ArchiveEntryInfo] {
        let handle = try ArchiveHandle(path: path)
        var list: [ArchiveEntryInfo] = []
        var total: Int64 = 0
        while let entry = try handle.nextHeader() {
            guard list.count < limits.maxEntries else {
                throw MetadataError.tooLarge(path, "the archive has more than \(limits.maxEntries) entries")
            }
            let info = handle.info(entry)
            if let size = info.size {
                total = total.addingReportingOverflow(size).overflow ? .max : total + size
                try checkDeclaredTotal(total, fileSize: handle.fileSize)
            }
            list.append(info)
        }
        return list
    }

    /// The uncompressed bytes of the entry called `name`.
    ///
    /// An exact match (ignoring a leading `./` or `/`) wins; otherwise the first entry whose
    /// name matches ignoring case. Throws `missing` when there is none, `encrypted` for
    /// password-protected entries, and `tooLarge` when the entry declares or yields more
    /// than `min(maxBytes, limits.maxBytesPerRead)` bytes, before allocating them.
    public func read(named name: String, maxBytes: Int) throws -> [UInt8] {
        let wanted = Self.normalized(name)
        let limit = max(0, min(maxBytes, limits.maxBytesPerRead))
        var candidate: String?
        let handle = try ArchiveHandle(path: path)
        var seen = 0
        while let entry = try handle.nextHeader() {
            seen += 1
            guard seen <= limits.maxEntries else {
                throw MetadataError.tooLarge(path, "the archive has more than \(limits.maxEntries) entries")
            }
            let entryName = Self.normalized(handle.info(entry).name)
            if entryName == wanted { return try readData(handle, entry, name: entryName, limit: limit) }
            if candidate == nil && entryName.lowercased() == wanted.lowercased() { candidate = entryName }
        }
        guard let candidate else {
            throw MetadataError(.missing, path: path, "the archive has no entry \"\(name)\"", advice: "the file is incomplete or not the expected kind")
        }
        let second = try ArchiveHandle(path: path)
        seen = 0
        while let entry = try second.nextHeader(), seen < limits.maxEntries {
            seen += 1
            if Self.normalized(second.info(entry).name) == candidate { return try readData(second, entry, name: candidate, limit: limit) }
        }
        throw MetadataError.corrupt(path, "the entry \"\(candidate)\" disappeared between two reads")
    }

    /// The entry called `name` in `entries`: exact match first (ignoring a leading `./` or
    /// `/`), then a case-insensitive one, because archives made on Windows disagree on case.
    public static func find(_ name: String, in entries: [ArchiveEntryInfo]) -> ArchiveEntryInfo? {
        let wanted = normalized(name)
        if let exact = entries.first(where: { normalized($0.name) == wanted }) { return exact }
        let lower = wanted.lowercased()
        return entries.first { normalized($0.name).lowercased() == lower }
    }

    static func normalized(_ name: String) -> String {
        var name = Substring(name)
        while true {
            if name.hasPrefix("./") { name = name.dropFirst(2) } else if name.hasPrefix("/") { name = name.dropFirst() } else { break }
        }
        return String(name)
    }

    private func checkDeclaredTotal(_ total: Int64, fileSize: Int64) throws {
        if total > limits.maxTotalUncompressedBytes {
            throw MetadataError.tooLarge(path, "its entries declare \(Self.size(total)) uncompressed, over the \(Self.size(limits.maxTotalUncompressedBytes)) limit")
        }
        let compressed = max(fileSize, 1)
        if total > limits.ratioSlackBytes && total / compressed > limits.maxCompressionRatio {
            throw MetadataError.tooLarge(path, "its entries declare \(Self.size(total)) uncompressed in a \(Self.size(fileSize)) file (\(total / compressed):1), the mark of a zip bomb")
        }
    }

    private func readData(_ handle: ArchiveHandle, _ entry: OpaquePointer, name: String, limit: Int) throws -> [UInt8] {
        if archive_entry_is_encrypted(entry) != 0 {
            throw MetadataError(.encrypted, path: path, "the entry \"\(name)\" is password-protected", advice: "seedtui cannot read encrypted archives; add an unencrypted copy")
        }
        if archive_entry_size_is_set(entry) != 0, archive_entry_size(entry) > Int64(limit) {
            throw MetadataError.tooLarge(path, "the entry \"\(name)\" declares \(Self.size(archive_entry_size(entry))), over the \(Self.size(Int64(limit))) read limit")
        }
        let chunk = 64 << 10
        var out: [UInt8] = []
        if archive_entry_size_is_set(entry) != 0 { out.reserveCapacity(Int(max(0, archive_entry_size(entry)))) }
        var buffer = [UInt8](repeating: 0, count: chunk)
        let startConsumed = archive_filter_bytes(handle.archive, -1)
        while true {
            let got = buffer.withUnsafeMutableBytes { archive_read_data(handle.archive, $0.baseAddress, chunk) }
            if got == 0 { break }
            if got < 0 {
                throw MetadataError.corrupt(path, "reading \"\(name)\" failed (\(handle.errorText))")
            }
            guard out.count + got <= limit else {
                throw MetadataError.tooLarge(path, "the entry \"\(name)\" is larger than the \(Self.size(Int64(limit))) read limit")
            }
            out.append(contentsOf: buffer[0..<got])
            let produced = Int64(out.count)
            let consumed = max(archive_filter_bytes(handle.archive, -1) - startConsumed, 1)
            if produced > limits.ratioSlackBytes && produced / consumed > limits.maxCompressionRatio {
                throw MetadataError.tooLarge(path, "the entry \"\(name)\" expands more than \(limits.maxCompressionRatio):1, the mark of a zip bomb")
            }
        }
        return out
    }

    static func size(_ bytes: Int64) -> String {
        if bytes >= 1 << 30 { return "\((bytes * 10 >> 30) / 10).\((bytes * 10 >> 30) % 10) GiB" }
        if bytes >= 1 << 20 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }
}

/// One libarchive read handle over one file descriptor; freed with the value.
///
/// The choke point where libarchive status codes become `MetadataError`s. Formats and
/// filters are listed one by one rather than with the `_all` calls: `mtree` would open the
/// local files its text names, and `lrzip`, `grzip` and (without liblzo) `lzop` would
/// start external programs. The filters kept are the ones Debian's libarchive links in.
private final class ArchiveHandle {
    let archive: OpaquePointer
    let path: String
    let fileSize: Int64
    /// Owns the descriptor; released after `deinit` has freed the archive that reads it.
    private let file: BoundedFile

    init(path: String) throws {
        let file = try BoundedFile(path: path, budget: 0)
        guard let archive = archive_read_new() else {
            throw MetadataError(.unreadable, path: path, "libarchive could not allocate a reader", advice: "free some memory and scan again")
        }
        archive_read_support_format_zip(archive)
        archive_read_support_format_rar(archive)
        archive_read_support_format_rar5(archive)
        archive_read_support_format_7zip(archive)
        archive_read_support_format_tar(archive)
        archive_read_support_filter_gzip(archive)
        archive_read_support_filter_bzip2(archive)
        archive_read_support_filter_xz(archive)
        archive_read_support_filter_lzma(archive)
        archive_read_support_filter_zstd(archive)
        archive_read_support_filter_lz4(archive)
        archive_read_support_filter_compress(archive)
        self.archive = archive
        self.file = file
        self.path = path
        self.fileSize = file.size
        if archive_read_open_fd(archive, file.fd, 64 << 10) != ARCHIVE_OK {
            throw MetadataError.notRecognized(path, "not a zip, rar, 7z or tar archive (\(errorText))")
        }
    }

    deinit { archive_read_free(archive) }

    var errorText: String {
        archive_error_string(archive).map { String(cString: $0) } ?? "unknown libarchive error"
    }

    /// The format libarchive settled on, once a header has been read.
    var format: ArchiveFormat? {
        switch archive_format(archive) & ARCHIVE_FORMAT_BASE_MASK {
        case ARCHIVE_FORMAT_ZIP: return .zip
        case ARCHIVE_FORMAT_RAR, ARCHIVE_FORMAT_RAR_V5: return .rar
        case ARCHIVE_FORMAT_7ZIP: return .sevenZip
        case ARCHIVE_FORMAT_TAR: return .tar
        default: return nil
        }
    }

    /// The next entry, nil at the end; a warning (unconvertible name, odd field) still yields it.
    func nextHeader() throws -> OpaquePointer? {
        var entry: OpaquePointer?
        let status = archive_read_next_header(archive, &entry)
        switch status {
        case ARCHIVE_OK, ARCHIVE_WARN: return entry
        case ARCHIVE_EOF: return nil
        default: throw MetadataError.corrupt(path, "the archive cannot be walked (\(errorText))")
        }
    }

    func info(_ entry: OpaquePointer) -> ArchiveEntryInfo {
        let raw = archive_entry_pathname_utf8(entry) ?? archive_entry_pathname(entry)
        let name = raw.map { String(cString: $0) } ?? ""
        let isDirectory = (archive_entry_filetype(entry) & 0o170000) == 0o040000 || name.hasSuffix("/")
        let size: Int64? = archive_entry_size_is_set(entry) != 0 && archive_entry_size(entry) >= 0 ? archive_entry_size(entry) : nil
        return ArchiveEntryInfo(name: ArchiveReader.normalized(name), size: size, isDirectory: isDirectory)
    }
}
