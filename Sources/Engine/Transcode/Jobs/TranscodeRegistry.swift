import Synchronization

/// The transcoding service of each engine in this process, by home path.
///
/// `EngineCore` has no stored property for it (its initializer belongs to the torrent side),
/// so the service is created and started when the router is built, and found here again.
/// One engine runs per process, so this holds one entry outside tests.
enum TranscodeRegistry {
    private static let services = Mutex<[String: TranscodeService]>([:])

    static func service(for core: EngineCore) -> TranscodeService {
        services.withLock { all in
            if let existing = all[core.home.path] { return existing }
            let service = TranscodeService(store: core.store, history: core.history, logger: core.logger,
                                           torrents: core.torrents, library: core.library)
            all[core.home.path] = service
            return service
        }
    }
}
