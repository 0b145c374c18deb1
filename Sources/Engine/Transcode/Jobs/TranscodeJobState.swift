/// Where a job is in the queue. `done`, `failed` and `cancelled` are final until `jobs retry`.
public enum TranscodeJobState: String, Codable, Sendable, CaseIterable {
    case queued, running, done, failed, cancelled

    public var isFinal: Bool { self == .done || self == .failed || self == .cancelled }
}
