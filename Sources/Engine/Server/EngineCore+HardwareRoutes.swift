extension EngineCore {
    /// `hardware.report`: the transcoder's own report, so `gpu --refresh` also changes what
    /// the next job uses.
    func addHardwareRoutes(_ r: inout RouterBuilder) {
        let transcode = self.transcode
        r.on(Methods.HardwareReportRequest.self) { request in
            await transcode.start()
            return RawJSON(bytes: Array(try await transcode.hardwareReport(refresh: request.refresh).jsonData()))
        }
    }
}
