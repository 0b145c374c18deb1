import Foundation
import XCTest

/// `seedtui --headless gpu`: the real detection on this machine (no GPU in CI): software only,
/// confirmed by test encodes, then served from the cache.
final class GPUCommandTests: HomeTestCase {
    func testReportsSoftwareOnlyAndCaches() throws {
        let first = try h.run(home: home, ["gpu", "--json"], timeout: 120)
        XCTAssertEqual(first.status, 0, first.stderr)
        let report = try XCTUnwrap(try h.json(first) as? [String: Any])
        let devices = try XCTUnwrap(report["devices"] as? [[String: Any]])
        for device in devices {
            for key in ["vendor", "model", "decode", "encode"] { XCTAssertNotNil(device[key], "device lacks \(key)") }
        }
        let software = try XCTUnwrap(report["software"] as? [String: Any])
        XCTAssertTrue((software["encoders"] as? [String] ?? []).contains("libx264"), "\(software)")
        if devices.isEmpty {
            XCTAssertTrue((report["notes"] as? [String] ?? []).contains { $0.contains("no GPU") })
        }
        let second = try h.run(home: home, ["gpu", "--json"])
        XCTAssertEqual((try h.json(second) as? [String: Any])?["cached"] as? Bool, true, "an unchanged machine is served from the cache")
        let human = try h.run(home: home, ["gpu"])
        XCTAssertEqual(human.status, 0)
        XCTAssertTrue(human.stdout.contains("recommended"), human.stdout)
    }
}
