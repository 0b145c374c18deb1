import CTorrent
import Foundation

/// Swift face of the C shim: turns `st_error` codes into throws and C structs into values.
///
/// libtorrent's session is thread-safe, so this class is too; it holds no Swift state
/// besides the opaque handle.
final class LibtorrentSession: @unchecked Sendable {
    private let handle: OpaquePointer

    enum Profile: Int32 { case standard = 0, highPerformanceSeed = 1, minMemory = 2 }
    enum DiskIO: Int32 { case automatic = 0, mmap = 1, posix = 2 }

    init(profile: Profile, diskIO: DiskIO, settings: [LibtorrentSetting]) throws {
        var err = st_error()
        let created = settings.withCSettings { ptr, count in
            st_session_create(profile.rawValue, diskIO.rawValue, ptr, count, &err)
        }
        guard let created else { throw Self.error(err, context: "cannot start libtorrent") }
        handle = created
    }

    /// Blocks until libtorrent has shut down its threads.
    func close() { st_session_destroy(handle) }

    func apply(_ settings: [LibtorrentSetting]) throws {
        var err = st_error()
        let rc = settings.withCSettings { st_session_apply_settings(handle, $0, $1, &err) }
        if rc != 0 { throw Self.error(err, context: "libtorrent refused settings") }
    }

    func setPaused(_ paused: Bool) {
        var err = st_error()
        _ = st_session_set_paused(handle, paused ? 1 : 0, &err)
    }

    var listenPort: Int { Int(st_session_listen_port(handle)) }

    func limitLocalPeers(_ limited: Bool) throws {
        var err = st_error()
        if st_session_limit_local_peers(handle, limited ? 1 : 0, &err) != 0 { throw Self.error(err, context: "cannot set the peer classes") }
    }

    // MARK: Adding

    struct AddOptions {
        var torrentFile: Data?
        var magnet: String?
        var resumeData: Data?
        var savePath: String?
        var paused = false
        var sequential = false
        var autoManaged = true
        var seedMode = false
        var filePriorities: [UInt8]?
        var downloadLimit: Int32 = 0
        var uploadLimit: Int32 = 0
    }

    struct Meta: Sendable {
        var hash: InfoHash
        var name: String
        var totalSize: Int64
        var fileCount: Int
        var hasMetadata: Bool
    }

    static func inspect(_ options: AddOptions) throws -> Meta {
        var meta = st_torrent_meta()
        var err = st_error()
        let rc = withCParams(options) { st_inspect($0, &meta, &err) }
        if rc != 0 { throw error(err, context: nil) }
        return Meta(hash: InfoHash(meta.hash), name: fixedString(&meta.name), totalSize: meta.total_size,
                    fileCount: Int(meta.num_files), hasMetadata: meta.has_metadata != 0)
    }

    func add(_ options: AddOptions) throws {
        var err = st_error()
        let rc = Self.withCParams(options) { st_add(handle, $0, &err) }
        if rc != 0 { throw Self.error(err, context: nil) }
    }

    private static func withCParams<R>(_ o: AddOptions, _ body: (UnsafePointer<st_add_params>) -> R) -> R {
        var p = st_add_params()
        var flags: UInt32 = 0
        if o.paused { flags |= UInt32(ST_ADD_PAUSED) }
        if o.sequential { flags |= UInt32(ST_ADD_SEQUENTIAL) }
        if o.autoManaged { flags |= UInt32(ST_ADD_AUTO_MANAGED) }
        if o.seedMode { flags |= UInt32(ST_ADD_SEED_MODE) }
        p.flags = flags
        p.download_limit = o.downloadLimit
        p.upload_limit = o.uploadLimit
        let torrent = o.torrentFile ?? Data()
        let resume = o.resumeData ?? Data()
        let priorities = o.filePriorities ?? []
        return torrent.withUnsafeBytes { tBuf in
            resume.withUnsafeBytes { rBuf in
                priorities.withUnsafeBufferPointer { prBuf in
                    withOptionalCString(o.magnet) { magnet in
                        withOptionalCString(o.savePath) { save in
                            if o.torrentFile != nil {
                                p.torrent_data = tBuf.baseAddress?.assumingMemoryBound(to: UInt8.self)
                                p.torrent_size = tBuf.count
                            }
                            if o.resumeData != nil {
                                p.resume_data = rBuf.baseAddress?.assumingMemoryBound(to: UInt8.self)
                                p.resume_size = rBuf.count
                            }
                            if o.filePriorities != nil {
                                p.file_priorities = prBuf.baseAddress
                                p.file_priority_count = prBuf.count
                            }
                            p.magnet_uri = magnet
                            p.save_path = save
                            return body(&p)
                        }
                    }
                }
            }
        }
    }

    // MARK: Operations

    enum Operation: Int32 {
        case pause = 1, resume, recheck, reannounce, queueTop, queueUp, queueDown, queueBottom
        case saveResume, remove, setDownloadLimit, setUploadLimit, setSequential, setAutoManaged, forceStart
    }

    /// Applies `op` to every hash; returns how many libtorrent knew.
    @discardableResult
    func apply(_ op: Operation, to hashes: [InfoHash], argument: Int64 = 0) -> Int {
        guard !hashes.isEmpty else { return 0 }
        let raw = hashes.map(\.raw)
        var err = st_error()
        return Int(raw.withUnsafeBufferPointer { st_apply(handle, $0.baseAddress, $0.count, op.rawValue, argument, &err) })
    }

    func moveStorage(_ hash: InfoHash, to path: String) throws {
        var raw = hash.raw
        var err = st_error()
        if st_move_storage(handle, &raw, path, &err) != 0 { throw Self.error(err, context: nil) }
    }

    func setFilePriorities(_ hash: InfoHash, _ changes: [(index: Int32, priority: UInt8)]) throws {
        var raw = hash.raw
        var err = st_error()
        let indices = changes.map(\.index)
        let priorities = changes.map(\.priority)
        let rc = indices.withUnsafeBufferPointer { i in
            priorities.withUnsafeBufferPointer { p in
                st_set_file_priorities(handle, &raw, i.baseAddress, p.baseAddress, changes.count, &err)
            }
        }
        if rc != 0 { throw Self.error(err, context: nil) }
    }

    func postUpdates() { st_post_updates(handle) }

    func status(of hashes: [InfoHash]) throws -> [TorrentStatus] {
        var out: UnsafeMutablePointer<st_status>?
        var count = 0
        var err = st_error()
        let raw = hashes.map(\.raw)
        let rc = raw.withUnsafeBufferPointer { st_get_status(handle, $0.baseAddress, $0.count, &out, &count, &err) }
        if rc != 0 { throw Self.error(err, context: nil) }
        defer { st_free(out) }
        guard let out else { return [] }
        return (0..<count).map { TorrentStatus(out[$0]) }
    }

    func detail(of hash: InfoHash, files: Bool, peers: Bool, trackers: Bool, pieces: Bool) throws -> TorrentDetail {
        var raw = hash.raw
        var err = st_error()
        var what: Int32 = 0
        if files { what |= Int32(ST_DETAIL_FILES) }
        if peers { what |= Int32(ST_DETAIL_PEERS) }
        if trackers { what |= Int32(ST_DETAIL_TRACKERS) }
        if pieces { what |= Int32(ST_DETAIL_PIECES) }
        guard let d = st_get_detail(handle, &raw, what, &err) else { throw Self.error(err, context: nil) }
        defer { st_detail_free(d) }
        return TorrentDetail(d.pointee)
    }

    /// Waits up to `timeoutMilliseconds` and returns everything libtorrent reported.
    func drain(timeoutMilliseconds: Int32) -> AlertBatch? {
        guard let batch = st_drain(handle, timeoutMilliseconds) else { return nil }
        defer { st_batch_free(batch) }
        let b = batch.pointee
        var events: [TorrentEvent] = []
        events.reserveCapacity(b.event_count)
        for i in 0..<b.event_count { events.append(TorrentEvent(b.events[i])) }
        var statuses: [TorrentStatus] = []
        statuses.reserveCapacity(b.status_count)
        for i in 0..<b.status_count { statuses.append(TorrentStatus(b.statuses[i])) }
        return AlertBatch(events: events, statuses: statuses)
    }

    // MARK: Creating

    static func createTorrent(path: String, trackers: [String], comment: String?, pieceSize: Int32, isPrivate: Bool) throws -> Data {
        var out: UnsafeMutablePointer<UInt8>?
        var size = 0
        var err = st_error()
        let cTrackers = trackers.map { strdup($0) }
        defer { cTrackers.forEach { free($0) } }
        let rc: Int32 = cTrackers.map { UnsafePointer($0) }.withUnsafeBufferPointer { tp in
            withOptionalCString(comment) { c in
                path.withCString { p in
                    var params = st_create_params()
                    params.path = p
                    params.trackers = tp.baseAddress
                    params.tracker_count = tp.count
                    params.comment = c
                    params.piece_size = pieceSize
                    params.is_private = isPrivate ? 1 : 0
                    return st_create_torrent(&params, &out, &size, &err)
                }
            }
        }
        if rc != 0 { throw error(err, context: nil) }
        defer { st_free(out) }
        guard let out else { return Data() }
        return Data(bytes: out, count: size)
    }

    static var libtorrentVersion: String { String(cString: st_libtorrent_version()) }

    // MARK: Errors

    static func error(_ err: st_error, context: String?) -> EngineError {
        var e = err
        let message = fixedString(&e.message)
        let text = context.map { "\($0): \(message)" } ?? message
        switch e.code {
        case Int32(ST_E_INVALID), Int32(ST_E_DUPLICATE): return .invalid(text)
        case Int32(ST_E_NOT_FOUND): return .notFound(text)
        default: return .failed(text)
        }
    }
}

/// A libtorrent `settings_pack` entry by name.
struct LibtorrentSetting: Sendable {
    var name: String
    var string: String?
    var int: Int64

    static func int(_ name: String, _ value: Int64) -> LibtorrentSetting { .init(name: name, string: nil, int: value) }
    static func bool(_ name: String, _ value: Bool) -> LibtorrentSetting { .init(name: name, string: nil, int: value ? 1 : 0) }
    static func string(_ name: String, _ value: String) -> LibtorrentSetting { .init(name: name, string: value, int: 0) }
}

extension Array where Element == LibtorrentSetting {
    func withCSettings<R>(_ body: (UnsafePointer<st_setting>?, Int) -> R) -> R {
        let names = map { strdup($0.name) }
        let strings = map { $0.string.map { strdup($0) } ?? nil }
        defer { names.forEach { free($0) }; strings.forEach { free($0) } }
        var c: [st_setting] = []
        for i in indices {
            c.append(st_setting(name: names[i], string_value: strings[i], int_value: self[i].int))
        }
        return c.withUnsafeBufferPointer { body($0.baseAddress, $0.count) }
    }
}

func withOptionalCString<R>(_ s: String?, _ body: (UnsafePointer<CChar>?) -> R) -> R {
    guard let s else { return body(nil) }
    return s.withCString { body($0) }
}

/// Reads a NUL-terminated C string out of a fixed-size char array imported as a tuple.
func fixedString<T>(_ tuple: inout T) -> String {
    withUnsafeBytes(of: &tuple) { String(cBuffer: $0) }
}
