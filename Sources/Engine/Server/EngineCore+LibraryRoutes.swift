extension EngineCore {
    /// The library's socket methods.
    func addLibraryRoutes(_ r: inout RouterBuilder) {
    }
}
