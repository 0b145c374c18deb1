/// One entry of an archive as its header declares it, before any data is read.
///
/// The size is what the archive claims, which a hostile file can get wrong either way; the
/// reader enforces its limits again on the bytes it actually decompresses.
public struct ArchiveEntryInfo: Sendable, Equatable, Hashable {
    /// Path inside the archive, without a leading `./` or `/`.
    public var name: String
    /// Declared uncompressed size, nil when the header does not say.
    public var size: Int64?
    public var isDirectory: Bool

    public init(name: String, size: Int64?, isDirectory: Bool) {
        self.name = name
        self.size = size
        self.isDirectory = isDirectory
    }
}

/// The container format libarchive recognised, whatever the file's extension says.
///
/// Comic archives are routinely misnamed (a RAR called `.cbz`); the format decides how
/// the file is labelled.
public enum ArchiveFormat: String, Sendable, Codable, Equatable {
    case zip, rar, sevenZip = "7z", tar
}
