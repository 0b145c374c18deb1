import Foundation

/// Everything a decision depends on besides the release: the profile, the target, history.
public struct DecisionContext: Sendable {
    public var profile: QualityProfile
    public var target: SearchTarget?
    /// The quality of the file already on disk for the target, if any.
    public var onDisk: String?
    /// Identities (info-hash, guid, lowercased title) blocklisted, with why.
    public var blocklist: [String: String]
    /// Identities already grabbed.
    public var grabbed: Set<String>
    /// Download links found gone a short while ago, with why (see `GoneLinks`).
    public var unavailable: [String: String]
    public var now: Date

    public init(profile: QualityProfile, target: SearchTarget? = nil, onDisk: String? = nil,
                blocklist: [String: String] = [:], grabbed: Set<String> = [], unavailable: [String: String] = [:], now: Date = Date()) {
        self.profile = profile
        self.target = target
        self.onDisk = onDisk
        self.blocklist = blocklist
        self.grabbed = grabbed
        self.unavailable = unavailable
        self.now = now
    }
}
