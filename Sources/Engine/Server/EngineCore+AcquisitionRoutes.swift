import Foundation
import Synchronization

extension EngineCore {
    /// Acquisition's socket methods: indexers, search, wanted lists, profiles, RSS sync, grabs,
    /// imports, history and the blocklist. Also connects acquisition to the torrent service and
    /// the library, and hooks imports to completed downloads.
    func addAcquisitionRoutes(_ r: inout RouterBuilder) {
        let service = acquisition
        let interface: @Sendable () async -> String? = {
            let name = await self.settings[.interface]
            return name.isEmpty ? nil : name
        }
        r.on(Methods.IndexerAdd.self) { try await service.addIndexer($0, interface: await interface()) }
        r.on(Methods.IndexerList.self) { _ in try await service.listIndexers() }
        r.on(Methods.IndexerTest.self) { try await service.testIndexer(named: $0.name, interface: await interface()) }
        r.on(Methods.IndexerRemove.self) { try await service.removeIndexer(named: $0.name); return Empty() }
        r.on(Methods.IndexerEnable.self) { try await service.setEnabled($0.name, $0.enabled) }
        r.on(Methods.Search.self) { try await service.search($0, interface: await interface()) }
        r.on(Methods.WantedAdd.self) { try await service.addWanted($0) }
        r.on(Methods.WantedList.self) { try await service.listWanted(type: $0.type, status: $0.status) }
        r.on(Methods.WantedRemove.self) { try await service.removeWanted(id: $0.id); return Empty() }
        r.on(Methods.ProfileList.self) { _ in try await service.profiles() }
        r.on(Methods.ProfileShow.self) { try await service.profileEntry(named: $0.name) }
        r.on(Methods.ProfileSave.self) { try await service.saveProfile($0.profile, replace: $0.replace) }
        r.on(Methods.ProfileRemove.self) { try await service.removeProfile(named: $0.name); return Empty() }
        r.on(Methods.RSSSync.self) { _ in try await service.rssSync(interface: await interface()) }
        r.on(Methods.WantedSearch.self) { try await service.searchWanted(ids: $0.ids, missingOnly: $0.missing, interface: await interface()) }
        r.on(Methods.Grab.self) { try await service.grab(rank: $0.rank, wantedId: $0.wantedId) }
        r.on(Methods.AcquisitionHistory.self) { try await service.acquisitionHistory(limit: $0.limit, wantedId: $0.wantedId) }
        r.on(Methods.BlocklistList.self) { _ in try await service.blocklistEntries() }
        r.on(Methods.BlocklistRemove.self) { try await service.removeBlocklisted(id: $0.id); return Empty() }
        r.on(Methods.Import.self) { try await service.manualImport(path: $0.path, wantedId: $0.wantedId, type: $0.type) }

        let torrents = self.torrents
        let links = AcquisitionLinks(
            torrents: torrents, library: library,
            naming: { await self.libraryNaming() },
            defaultSavePath: { await self.settings.path(.defaultSavePath) },
            categoriesChanged: { await torrents.updateSettings(await self.settings) })
        Task { await service.attach(links) }
        AcquisitionRegistry.startSweeps(for: store.path, service)
        DownloadCompletion.register(store: store.path) { id in await service.downloadCompleted(torrentId: id) }
    }

    /// The engine's acquisition service (kept in `AcquisitionRegistry`, made on first use).
    var acquisition: AcquisitionService { AcquisitionRegistry.service(for: self) }
}

/// The engine's `AcquisitionService`s, one per store path, made on first use.
///
/// `EngineCore` is shared by other work in progress and an extension cannot add a stored
/// property, so the service lives here, keyed by the database it owns. One engine process
/// has one store, so in practice this holds one service for the life of the process.
enum AcquisitionRegistry {
    private static let services = Mutex<[String: AcquisitionService]>([:])

    static func service(for core: EngineCore) -> AcquisitionService {
        services.withLock { map in
            if let s = map[core.store.path] { return s }
            let s = AcquisitionService(store: core.store, history: core.history, logger: core.logger)
            map[core.store.path] = s
            return s
        }
    }

    private static let sweeps = Mutex<[String: Task<Void, Never>]>([:])

    /// Starts the service's timer once per store: routes may be registered more than once.
    static func startSweeps(for path: String, _ service: AcquisitionService) {
        sweeps.withLock { map in
            guard map[path] == nil else { return }
            map[path] = Task { await service.runSweeps() }
        }
    }
}
