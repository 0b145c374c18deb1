// `bench/parse`: release-name parses per second on one core, in process, in a release build
// like the one users run (an XCTest bundle needs -enable-testing, which alone costs the
// parser about 2%). Prints figures only.
//
// Usage: ParseSpeed NAMES_FILE — one name per line (the script extracts them from the reference
// data at run time). Environment: BENCH_NAMES (names a round, default 1,000,000), BENCH_ROUNDS
// (default 5; the median is reported with the range).
import Dispatch
import Engine
import Foundation

let arguments = CommandLine.arguments
guard arguments.count == 2, let text = try? String(contentsOfFile: arguments[1], encoding: .utf8) else {
    FileHandle.standardError.write(Data("usage: ParseSpeed NAMES_FILE (one release name per line)\n".utf8))
    exit(2)
}
let names = text.split(separator: "\n").map(String.init)
guard !names.isEmpty else {
    FileHandle.standardError.write(Data("ParseSpeed: \(arguments[1]) holds no names\n".utf8))
    exit(2)
}
let environment = ProcessInfo.processInfo.environment
let total = max(1, Int(environment["BENCH_NAMES"] ?? "") ?? 1_000_000)
let rounds = max(1, Int(environment["BENCH_ROUNDS"] ?? "") ?? 5)

var checksum = 0
for name in names.prefix(2000) { checksum &+= ReleaseParser.parse(name).episodes.count }   // warm-up
// Several rounds, reported by their median: one round of a second swings by a few percent
// with whatever else the machine does.
var rates: [Double] = []
names.withUnsafeBufferPointer { names in
    for _ in 0..<rounds {
        let start = DispatchTime.now().uptimeNanoseconds
        // The names in turn, borrowed from the array (no reference counting of the harness's own),
        // wrapping without a division per name.
        var i = 0, next = 0
        while i < total {
            let info = ReleaseParser.parse(names[next])
            checksum &+= info.episodes.count &+ (info.title?.utf8.count ?? 0)
            next = next + 1 == names.count ? 0 : next + 1
            i += 1
        }
        rates.append(Double(total) * 1e9 / Double(DispatchTime.now().uptimeNanoseconds - start))
    }
}
rates.sort()
let median = rates[rates.count / 2]
print(String(format: "parse: %.0f names/s (goal ≥ 1,000,000), median of %d rounds of %d names (%.0f–%.0f), %.0f ns a name [checksum %d]",
             median, rounds, total, rates.first!, rates.last!, 1e9 / median, checksum))
