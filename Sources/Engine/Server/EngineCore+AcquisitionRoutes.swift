import Foundation

extension EngineCore {
    /// Acquisition's socket methods: indexers, search, wanted lists, profiles, RSS sync, grabs,
    /// imports, history and the blocklist.
    func addAcquisitionRoutes(_ r: inout RouterBuilder) {
        let service = acquisition
        let interface: @Sendable () async -> String? = { await self.boundInterface }
        r.on(Methods.IndexerAdd.self) { try await service.addIndexer($0, interface: await interface()) }
        r.on(Methods.IndexerList.self) { _ in try await service.listIndexers() }
        r.on(Methods.IndexerTest.self) { try await service.testIndexer(named: $0.name, interface: await interface()) }
        r.on(Methods.IndexerRemove.self) { try await service.removeIndexer(named: $0.name); return Empty() }
        r.on(Methods.IndexerEnable.self) { try await service.setEnabled($0.name, $0.enabled) }
        r.on(Methods.Search.self) { try await service.search($0, interface: await interface()) }
        r.on(Methods.WantedAdd.self) { try await service.addWanted($0) }
        r.on(Methods.WantedList.self) { try await service.listWanted(type: $0.type, status: $0.status) }
        r.on(Methods.WantedRemove.self) { try await service.removeWanted(id: $0.id); return Empty() }
        r.on(Methods.WantedWatch.self) { try await service.watchWanted(since: $0.since) }
        r.on(Methods.ProfileList.self) { _ in try await service.profiles() }
        r.on(Methods.ProfileShow.self) { try await service.profileEntry(named: $0.name) }
        r.on(Methods.ProfileSave.self) { try await service.saveProfile($0.profile, replace: $0.replace) }
        r.on(Methods.ProfileRemove.self) { try await service.removeProfile(named: $0.name); return Empty() }
        r.on(Methods.RSSSync.self) { _ in try await service.rssSync(interface: await interface()) }
        r.on(Methods.WantedSearch.self) { try await service.searchWanted(ids: $0.ids, missingOnly: $0.missing, interface: await interface()) }
        r.on(Methods.Grab.self) { try await service.grab(rank: $0.rank, wantedId: $0.wantedId, title: $0.title) }
        r.on(Methods.AcquisitionHistory.self) { try await service.acquisitionHistory(limit: $0.limit, wantedId: $0.wantedId) }
        r.on(Methods.BlocklistList.self) { _ in try await service.blocklistEntries() }
        r.on(Methods.BlocklistRemove.self) { try await service.removeBlocklisted(id: $0.id); return Empty() }
        r.on(Methods.Import.self) { try await service.manualImport(path: $0.path, wantedId: $0.wantedId, type: $0.type) }

    }
}
