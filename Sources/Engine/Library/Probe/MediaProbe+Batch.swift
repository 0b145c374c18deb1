import Foundation

extension MediaProbe {
    /// Probes every path on all cores and returns the outcomes in input order.
    ///
    /// Probing is I/O and parsing bound per file; `concurrentPerform` keeps one worker per
    /// core busy without starting a thread per file.
    public static func probeAll(_ paths: [String], limits: ProbeLimits = ProbeLimits()) -> [Result<ProbeResult, ProbeError>] {
        let results = UnsafeMutableBufferPointer<Result<ProbeResult, ProbeError>?>.allocate(capacity: paths.count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let next = ProbeCursor()
        nonisolated(unsafe) let slots = results
        DispatchQueue.concurrentPerform(iterations: min(workers, max(paths.count, 1))) { _ in
            while let i = next.take(below: paths.count) {
                slots[i] = Result { () throws(ProbeError) in try probe(path: paths[i], limits: limits) }
            }
        }
        return results.map { $0! }
    }
}

/// The next index to probe, shared by the workers.
private final class ProbeCursor: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func take(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard value < limit else { return nil }
        defer { value += 1 }
        return value
    }
}
