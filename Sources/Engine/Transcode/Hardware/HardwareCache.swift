import Foundation

/// A detection result together with the fingerprint of the machine it was measured on.
///
/// Trials take seconds; the hardware and ffmpeg rarely change. The caller stores this
/// value (as JSON, wherever it likes) and hands it back to `HardwareDetector.detect`:
/// while the fingerprint still matches, the report is reused without running anything.
public struct HardwareCache: Codable, Sendable, Equatable {
    /// Bumped whenever detection logic changes, so an old cache is never trusted.
    public static let currentVersion = 1

    public var version: Int
    public var fingerprint: String
    public var report: HardwareReport

    public init(fingerprint: String, report: HardwareReport, version: Int = HardwareCache.currentVersion) {
        self.version = version
        self.fingerprint = fingerprint
        self.report = report
    }

    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(self)
    }

    public init(jsonData: Data) throws {
        self = try JSONDecoder().decode(HardwareCache.self, from: jsonData)
    }
}
