extension EngineCore {
    /// The podcast socket methods (the engine's timer refreshes the feeds).
    func addPodcastRoutes(_ r: inout RouterBuilder) {
        let service = podcasts
        let interface: @Sendable () async -> String? = { await self.boundInterface }
        r.on(Methods.PodcastAdd.self) { try await service.add($0, interface: await interface()) }
        r.on(Methods.PodcastList.self) { _ in try await service.list() }
        r.on(Methods.PodcastRemove.self) { try await service.remove($0.id, deleteFiles: $0.deleteFiles) }
        r.on(Methods.PodcastRefresh.self) { try await service.refresh(id: $0.id, interface: await interface()) }
        r.on(Methods.PodcastEdit.self) { try await service.edit($0, interface: await interface()) }
        r.on(Methods.PodcastImport.self) { try await service.importOPML($0, interface: await interface()) }
        r.on(Methods.PodcastEpisodes.self) { try await service.episodes($0.id) }
    }
}
