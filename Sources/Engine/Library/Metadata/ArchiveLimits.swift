/// How much an `ArchiveReader` is allowed to list and decompress.
///
/// Archives come from torrents, and a zip bomb (a few KiB declaring gigabytes) is cheap to
/// make. The limits make such a file fail fast with `MetadataError.Code.tooLarge` instead
/// of filling memory: the entry count, the size of any one read, the total uncompressed
/// size the archive declares, and the ratio of uncompressed to compressed bytes.
public struct ArchiveLimits: Sendable, Equatable {
    /// Most entries listed or walked before the archive is refused.
    public var maxEntries: Int
    /// Most bytes one `read(named:maxBytes:)` may return, whatever the caller asks.
    public var maxBytesPerRead: Int
    /// Most uncompressed bytes all entries together may declare.
    public var maxTotalUncompressedBytes: Int64
    /// Most uncompressed bytes per compressed byte, checked on the declared total against
    /// the archive's size and while decompressing against the bytes consumed. Checked only
    /// past `ratioSlackBytes`, so small, highly compressible files (XML, text) pass.
    public var maxCompressionRatio: Int64
    /// Uncompressed bytes below which the ratio is not checked.
    public var ratioSlackBytes: Int64

    public init(maxEntries: Int = 50_000, maxBytesPerRead: Int = 16 << 20, maxTotalUncompressedBytes: Int64 = 64 << 30,
                maxCompressionRatio: Int64 = 200, ratioSlackBytes: Int64 = 4 << 20) {
        self.maxEntries = maxEntries
        self.maxBytesPerRead = maxBytesPerRead
        self.maxTotalUncompressedBytes = maxTotalUncompressedBytes
        self.maxCompressionRatio = maxCompressionRatio
        self.ratioSlackBytes = ratioSlackBytes
    }

    /// 50,000 entries, 16 MiB per read, 64 GiB declared in all, 200:1 past 4 MiB.
    public static let `default` = ArchiveLimits()
}
