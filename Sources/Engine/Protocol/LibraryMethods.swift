import Foundation

extension Methods {
    public struct LibraryAdd: EngineMethod {
        public static let name = "library.add"
        public var path: String
        public var type: LibraryType
        public var isPrivate: Bool
        public init(path: String, type: LibraryType, isPrivate: Bool) { self.path = path; self.type = type; self.isPrivate = isPrivate }
        enum CodingKeys: String, CodingKey { case path, type; case isPrivate = "private" }
        public typealias Result = LibraryRootRecord
    }

    public struct LibraryRemove: EngineMethod {
        public static let name = "library.remove"
        public var path: String
        public init(path: String) { self.path = path }
        public struct Result: Codable, Sendable { public var forgotten: Int }
    }

    public struct LibraryRoots: EngineMethod {
        public static let name = "library.roots"
        public init() {}
        public struct Root: Codable, Sendable, Equatable {
            public var id: Int64
            public var path: String
            public var type: LibraryType
            public var isPrivate: Bool
            public var items: Int
            public var bytes: Int64
            public var errors: Int
            public var scannedAt: Double?
            enum CodingKeys: String, CodingKey {
                case id, path, type, items, bytes, errors
                case isPrivate = "private", scannedAt = "scanned_at"
            }
        }
        public typealias Result = [Root]
    }

    /// Queues a scan; `path` nil scans every root, a folder inside a root scans that folder.
    public struct LibraryScan: EngineMethod {
        public static let name = "library.scan"
        public var path: String?
        public var full: Bool
        public init(path: String?, full: Bool) { self.path = path; self.full = full }
        public typealias Result = ScanProgress
    }

    public struct LibraryScanStatus: EngineMethod {
        public static let name = "library.scan_status"
        public var id: Int64?
        /// Answer as soon as the scan ends, or after this many milliseconds with its progress
        /// (a long poll for `scan --wait`).
        public var waitMs: Int?
        public init(id: Int64?, waitMs: Int? = nil) { self.id = id; self.waitMs = waitMs }
        enum CodingKeys: String, CodingKey { case id; case waitMs = "wait_ms" }
        public typealias Result = ScanProgress?
    }

    /// Items as stored JSON objects, passed through undecoded.
    public struct LibraryList: EngineMethod {
        public static let name = "library.list"
        /// A library type (tv, movies, ...) or an item kind (episode, movie, ...).
        public var type: String?
        /// Full-text query (SQLite FTS5 over titles, series, artists, albums, authors, tags).
        public var query: String?
        public var ids: [Int64]?
        public var limit: Int?
        public var offset: Int?
        public init(type: String? = nil, query: String? = nil, ids: [Int64]? = nil, limit: Int? = nil, offset: Int? = nil) {
            self.type = type; self.query = query; self.ids = ids; self.limit = limit; self.offset = offset
        }
        /// A JSON array of `LibraryItem` objects.
        public typealias Result = RawJSON
    }

    public struct LibraryShow: EngineMethod {
        public static let name = "library.show"
        public var id: Int64
        public init(id: Int64) { self.id = id }
        /// `{"item":{...},"detail":{...}}`.
        public typealias Result = RawJSON
    }

    /// Re-reads the given items (after a tagger or an encoder changed them in place).
    public struct LibraryReprobe: EngineMethod {
        public static let name = "library.reprobe"
        public var ids: [Int64]
        public init(ids: [Int64]) { self.ids = ids }
        public typealias Result = ScanProgress
    }

    /// Paths a media server would misread, with the path the naming templates propose.
    public struct LibraryCheck: EngineMethod {
        public static let name = "library.check"
        public var type: String?
        public init(type: String?) { self.type = type }
        public struct Entry: Codable, Sendable, Equatable {
            public var id: Int64
            public var path: String
            public var proposed: String?
            public var reason: String
        }
        public typealias Result = [Entry]
    }

    /// Renames the items `library check` lists; only a plan unless `apply`.
    public struct LibraryOrganize: EngineMethod {
        public static let name = "library.organize"
        public var type: String?
        public var apply: Bool
        public init(type: String?, apply: Bool) { self.type = type; self.apply = apply }
        public struct Entry: Codable, Sendable, Equatable {
            public var id: Int64
            public var from: String
            public var to: String?
            /// rename, planned or skipped.
            public var action: String
            public var reason: String?
        }
        public typealias Result = [Entry]
    }
}
