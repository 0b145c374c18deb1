/// What a person wants from a release: which qualities, how big, which words, how seeded.
///
/// Read by every specification of the `DecisionEngine`. Modeled on Sonarr/Radarr profiles so
/// they read the same: `qualities` lists the allowed qualities best first (the ranking follows
/// that order), `cutoff` is where upgrading stops, size limits are MB per minute of runtime for
/// video (MB in total for music and books). Terms are case-insensitive words or phrases matched
/// on word boundaries ("dolby vision" matches "Dolby.Vision"), or `/regular expressions/`.
///
///     var p = QualityProfile.standard
///     p.preferredTerms = [.init(term: "x265", score: 10)]
public struct QualityProfile: Codable, Sendable, Equatable {
    /// Bounds in MB (per minute for video); nil is unbounded.
    public struct SizeLimit: Codable, Sendable, Equatable {
        public var min: Double?
        public var max: Double?
        public init(min: Double? = nil, max: Double? = nil) { self.min = min; self.max = max }
    }

    /// A term and what it adds to a release's score (negative to push a release down).
    public struct ScoredTerm: Codable, Sendable, Equatable {
        public var term: String
        public var score: Int
        public init(term: String, score: Int) { self.term = term; self.score = score }
    }

    public var name: String
    /// Allowed qualities, best first.
    public var qualities: [String]
    /// Once a file of this quality (or a better one) is on disk, no upgrade is sought.
    public var cutoff: String?
    public var upgradesAllowed: Bool
    /// Per quality name.
    public var sizeLimits: [String: SizeLimit]
    /// A release must contain at least one of these (when any are given).
    public var requiredTerms: [String]
    /// A release containing any of these is rejected.
    public var ignoredTerms: [String]
    public var preferredTerms: [ScoredTerm]
    /// Releases whose term score is lower are rejected.
    public var minimumScore: Int?
    /// Torrents with fewer seeders are rejected (usenet has none).
    public var minimumSeeders: Int
    /// A release younger than this waits, unless it meets the cutoff (a better one may follow soon).
    public var delayMinutes: Int
    /// Older releases are rejected (usenet retention, stale torrents).
    public var maximumAgeDays: Int?

    public init(name: String, qualities: [String], cutoff: String? = nil, upgradesAllowed: Bool = true,
                sizeLimits: [String: SizeLimit] = [:], requiredTerms: [String] = [], ignoredTerms: [String] = [],
                preferredTerms: [ScoredTerm] = [], minimumScore: Int? = nil, minimumSeeders: Int = 1,
                delayMinutes: Int = 0, maximumAgeDays: Int? = nil) {
        self.name = name
        self.qualities = qualities
        self.cutoff = cutoff
        self.upgradesAllowed = upgradesAllowed
        self.sizeLimits = sizeLimits
        self.requiredTerms = requiredTerms
        self.ignoredTerms = ignoredTerms
        self.preferredTerms = preferredTerms
        self.minimumScore = minimumScore
        self.minimumSeeders = minimumSeeders
        self.delayMinutes = delayMinutes
        self.maximumAgeDays = maximumAgeDays
    }

    enum CodingKeys: String, CodingKey {
        case name, qualities, cutoff
        case upgradesAllowed = "upgrades_allowed", sizeLimits = "size_limits", requiredTerms = "required_terms"
        case ignoredTerms = "ignored_terms", preferredTerms = "preferred_terms", minimumScore = "minimum_score"
        case minimumSeeders = "minimum_seeders", delayMinutes = "delay_minutes", maximumAgeDays = "maximum_age_days"
    }

    /// Position in `qualities` (0 is best), nil when not allowed.
    public func preference(of quality: String) -> Int? { qualities.firstIndex(of: quality) }

    /// Whether a file of this quality needs no upgrade.
    public func meetsCutoff(_ quality: String) -> Bool {
        guard let cutoff, let c = preference(of: cutoff) else { return true }
        guard let q = preference(of: quality) else { return false }
        return q <= c
    }

    /// The term score of a name: the sum of the preferred terms it contains.
    public func score(_ name: String) -> Int {
        let text = TermMatcher.normalize(name)
        return preferredTerms.reduce(0) { $0 + (TermMatcher.matches($1.term, normalized: text, raw: name) ? $1.score : 0) }
    }

    /// Checks names, the cutoff, limits and terms; throws one line saying what to fix.
    public func validate() throws {
        let n = name.trimmingCharacters(in: .whitespaces)
        guard !n.isEmpty, n.count <= 64, !n.contains(where: { $0.isNewline || $0 == "," || $0 == "/" }) else {
            throw EngineError.invalid("a profile name must be 1–64 characters, one line, without commas or slashes")
        }
        guard !qualities.isEmpty else { throw EngineError.invalid("profile '\(name)' allows no quality; give --qualities, best first") }
        for q in qualities where !QualityRanking.allNames.contains(q) {
            throw EngineError.invalid("profile '\(name)': unknown quality '\(q)'; `profile show default` lists the names")
        }
        if Set(qualities).count != qualities.count { throw EngineError.invalid("profile '\(name)' lists a quality twice") }
        if let cutoff, !qualities.contains(cutoff) {
            throw EngineError.invalid("profile '\(name)': the cutoff '\(cutoff)' is not one of its allowed qualities")
        }
        for (q, limit) in sizeLimits {
            if !QualityRanking.allNames.contains(q) { throw EngineError.invalid("profile '\(name)': size limit for unknown quality '\(q)'") }
            if let lo = limit.min, let hi = limit.max, lo > hi {
                throw EngineError.invalid("profile '\(name)': the size limit for \(q) has its minimum above its maximum")
            }
            if (limit.min ?? 0) < 0 || (limit.max ?? 0) < 0 { throw EngineError.invalid("profile '\(name)': size limits cannot be negative") }
        }
        for term in requiredTerms + ignoredTerms + preferredTerms.map(\.term) { try TermMatcher.validate(term, profile: name) }
        guard minimumSeeders >= 0, delayMinutes >= 0, (maximumAgeDays ?? 1) > 0 else {
            throw EngineError.invalid("profile '\(name)': seeders and delay cannot be negative, the maximum age must be positive")
        }
    }
}
