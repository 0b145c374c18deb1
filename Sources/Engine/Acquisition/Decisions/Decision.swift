/// The verdict on one release: accepted, or rejected with every reason; and its place in the ranking.
///
/// Every specification runs, so a release rejected for its quality also says it was too small,
/// the way Sonarr's interactive search lists all rejections at once.
public struct Decision: Codable, Sendable {
    public struct Rejection: Codable, Sendable, Equatable {
        /// The specification's name ("quality", "size", "seeders", ...).
        public var spec: String
        /// One line for people.
        public var reason: String
        public init(spec: String, reason: String) { self.spec = spec; self.reason = reason }
    }

    public var release: IndexerRelease
    public var parsed: ReleaseInfo
    public var quality: String
    public var rejections: [Rejection]
    /// The sum of the profile's preferred terms found in the name.
    public var score: Int
    /// 1 for the release to grab first; rejected releases rank after every accepted one.
    public var rank: Int
    public var accepted: Bool { rejections.isEmpty }

    public init(release: IndexerRelease, parsed: ReleaseInfo, quality: String, rejections: [Rejection], score: Int, rank: Int = 0) {
        self.release = release
        self.parsed = parsed
        self.quality = quality
        self.rejections = rejections
        self.score = score
        self.rank = rank
    }

    enum CodingKeys: String, CodingKey { case release, parsed, quality, rejections, score, rank, accepted }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        release = try c.decode(IndexerRelease.self, forKey: .release)
        parsed = try c.decode(ReleaseInfo.self, forKey: .parsed)
        quality = try c.decode(String.self, forKey: .quality)
        rejections = try c.decode([Rejection].self, forKey: .rejections)
        score = try c.decode(Int.self, forKey: .score)
        rank = try c.decode(Int.self, forKey: .rank)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(release, forKey: .release)
        try c.encode(parsed, forKey: .parsed)
        try c.encode(quality, forKey: .quality)
        try c.encode(rejections, forKey: .rejections)
        try c.encode(score, forKey: .score)
        try c.encode(rank, forKey: .rank)
        try c.encode(accepted, forKey: .accepted)
    }
}
