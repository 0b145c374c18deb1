import Foundation

extension Methods {
    /// What the box can really decode and encode, confirmed by test runs and cached until
    /// the hardware, the driver or ffmpeg changes.
    public struct HardwareReportRequest: EngineMethod {
        public static let name = "hardware.report"
        /// Run the detection again even when the cache matches.
        public var refresh: Bool
        public init(refresh: Bool) { self.refresh = refresh }
        /// The report's JSON, passed through.
        public typealias Result = RawJSON
    }
}
