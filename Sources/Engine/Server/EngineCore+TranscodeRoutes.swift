extension EngineCore {
    /// The transcoding socket methods: hardware report, jobs, presets, rules.
    func addTranscodeRoutes(_ r: inout RouterBuilder) {
    }
}
