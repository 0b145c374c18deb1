import Foundation

/// Where a scan stands, as `scan --wait` and the TUI show it.
public struct ScanProgress: Codable, Sendable, Equatable {
    public enum Phase: String, Codable, Sendable { case queued, walking, reading, removing, done, failed }
    public var id: Int64
    public var phase: Phase
    public var roots: [String]
    public var full: Bool
    /// Files seen by the walk.
    public var seen: Int
    /// Files new or changed since the last scan.
    public var changed: Int
    /// Of those, how many are read.
    public var read: Int
    public var added: Int
    public var updated: Int
    public var moved: Int
    public var removed: Int
    public var failed: Int
    /// The first problems met (unreadable folders, loops, bad names, damaged files).
    public var problems: [String]
    public var startedAt: Double
    public var finishedAt: Double?
    /// Seconds spent per phase (walk, index, compare, remove, read), for tuning large libraries.
    public var timings: [String: Double] = [:]

    enum CodingKeys: String, CodingKey {
        case id, phase, roots, full, seen, changed, read, added, updated, moved, removed, failed, problems, timings
        case startedAt = "started_at", finishedAt = "finished_at"
    }

    init(id: Int64, roots: [String], full: Bool) {
        self.id = id
        self.roots = roots
        self.full = full
        phase = .queued
        seen = 0; changed = 0; read = 0; added = 0; updated = 0; moved = 0; removed = 0; failed = 0
        problems = []
        startedAt = Date().timeIntervalSince1970
    }
}

/// The live progress of the running scan, written by its worker thread and read by socket calls.
final class ScanProgressBox: @unchecked Sendable {
    private var value: ScanProgress
    private let lock = NSLock()
    static let problemLimit = 100

    init(_ value: ScanProgress) { self.value = value }

    var snapshot: ScanProgress { lock.withLock { value } }

    func update(_ change: (inout ScanProgress) -> Void) { lock.withLock { change(&value) } }

    func problem(_ message: String) {
        lock.withLock { if value.problems.count < Self.problemLimit { value.problems.append(message) } }
    }
}
