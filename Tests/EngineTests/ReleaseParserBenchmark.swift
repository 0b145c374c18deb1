@testable import Engine
import XCTest

/// `bench/parse`: names per second on one core, in process. Prints figures only; runs when
/// SEEDTUI_BENCH=1 (the bench script sets it), skips otherwise. The names come from
/// BENCH_NAMES_FILE (the script extracts them from the reference data at run time), else from
/// a small built-in list.
final class ReleaseParserBenchmark: XCTestCase {
    func testNamesPerSecond() throws {
        let env = ProcessInfo.processInfo.environment
        guard env["SEEDTUI_BENCH"] == "1" else { throw XCTSkip("benchmark: run bench/parse") }
        var names: [String] = []
        if let file = env["BENCH_NAMES_FILE"], let text = try? String(contentsOfFile: file, encoding: .utf8) {
            names = text.split(separator: "\n").map(String.init)
        }
        if names.isEmpty {
            names = ["Harbor.Lights.S02E05.1080p.WEB-DL.DDP5.1.H.264-KELP", "[Lanterns] Paper Moon Academy - 014 [1080p][0A1B2C3D].mkv",
                     "The.Copper.Road.2019.2160p.UHD.BluRay.x265.10bit.HDR.TrueHD.7.1.Atmos-ORE", "Night.Desk.2023.11.02.720p.HDTV.x264-TIDE"]
        }
        let total = Int(env["BENCH_NAMES"] ?? "") ?? 1_000_000
        var checksum = 0
        for name in names.prefix(2000) { checksum &+= ReleaseParser.parse(name).episodes.count }   // warm-up
        let start = DispatchTime.now().uptimeNanoseconds
        var i = 0
        while i < total {
            let info = ReleaseParser.parse(names[i % names.count])
            checksum &+= info.episodes.count &+ (info.title?.utf8.count ?? 0)
            i += 1
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        print(String(format: "parse: %.0f names/s (goal ≥ 1,000,000); %d names in %.2f s, %.0f ns a name [checksum %d]",
                     Double(total) / seconds, total, seconds, seconds * 1e9 / Double(total), checksum))
    }
}
