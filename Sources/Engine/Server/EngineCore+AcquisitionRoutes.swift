extension EngineCore {
    /// Acquisition's socket methods: indexers, search, wanted lists, profiles, RSS sync, grabs.
    func addAcquisitionRoutes(_ r: inout RouterBuilder) {
    }
}
