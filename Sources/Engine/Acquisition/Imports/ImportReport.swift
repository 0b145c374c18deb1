/// What an import did: each file linked into the library (or why not), and the folder scanned.
public struct ImportReport: Codable, Sendable, Equatable {
    public struct File: Codable, Sendable, Equatable {
        public var source: String
        public var target: String
        /// hardlink, copy (across filesystems) or existing (the same file was already there).
        public var mode: String
    }

    public var files: [File]
    public var wantedId: Int64?
    public var quality: String?
    /// The library folder handed to a scan so the import shows in `library list`.
    public var scanned: String?

    enum CodingKeys: String, CodingKey { case files, quality, scanned; case wantedId = "wanted_id" }
}
