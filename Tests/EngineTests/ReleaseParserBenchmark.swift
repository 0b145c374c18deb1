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
        let rounds = max(1, Int(env["BENCH_ROUNDS"] ?? "") ?? 5)
        var checksum = 0
        for name in names.prefix(2000) { checksum &+= ReleaseParser.parse(name).episodes.count }   // warm-up
        // Several rounds, reported by their median: one round of a second swings by a few percent
        // with whatever else the machine does.
        var rates: [Double] = []
        for _ in 0..<rounds {
            let start = DispatchTime.now().uptimeNanoseconds
            // The names in turn, wrapping without a division per name.
            var i = 0, next = 0
            while i < total {
                let info = ReleaseParser.parse(names[next])
                checksum &+= info.episodes.count &+ (info.title?.utf8.count ?? 0)
                next = next + 1 == names.count ? 0 : next + 1
                i += 1
            }
            rates.append(Double(total) * 1e9 / Double(DispatchTime.now().uptimeNanoseconds - start))
        }
        rates.sort()
        let median = rates[rates.count / 2]
        print(String(format: "parse: %.0f names/s (goal ≥ 1,000,000), median of %d rounds of %d names (%.0f–%.0f), %.0f ns a name [checksum %d]",
                     median, rounds, total, rates.first!, rates.last!, 1e9 / median, checksum))
    }
}
