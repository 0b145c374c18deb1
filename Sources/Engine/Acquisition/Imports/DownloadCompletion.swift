import Synchronization

/// The hook from the torrent service to acquisition: "torrent N completed".
///
/// The torrent service knows nothing of wanted items and libraries; acquisition registers a
/// handler per store (one engine, one store), and `completed` calls `notify` once per
/// completed torrent. The handler runs in its own task, so a slow import never holds up the
/// torrent service.
enum DownloadCompletion {
    private static let handlers = Mutex<[String: @Sendable (Int64) async -> Void]>([:])

    static func register(store path: String, _ handler: @escaping @Sendable (Int64) async -> Void) {
        handlers.withLock { $0[path] = handler }
    }

    static func notify(store path: String, torrentId: Int64) {
        guard let handler = handlers.withLock({ $0[path] }) else { return }
        Task { await handler(torrentId) }
    }
}
