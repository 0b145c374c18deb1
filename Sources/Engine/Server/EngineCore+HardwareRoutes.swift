import Foundation

extension EngineCore {
    /// `hardware.report`: detection runs in the engine, which owns the cache in the database.
    func addHardwareRoutes(_ r: inout RouterBuilder) {
        let store = self.store
        r.on(Methods.HardwareReportRequest.self) { request in
            let detector = HardwareDetector()
            let (report, cache) = await detector.detect(cached: request.refresh ? nil : HardwareCacheStore.load(store))
            if !report.cached { HardwareCacheStore.save(cache, store) }
            return RawJSON(bytes: Array(try report.jsonData()))
        }
    }
}
