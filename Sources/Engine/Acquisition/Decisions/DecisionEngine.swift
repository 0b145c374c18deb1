/// Judges search results against a profile and a target, and ranks them.
///
/// Every release runs through every specification of `DecisionSpecifications.all` (quality,
/// upgrade, size, sample, seeders, match, terms, blocklist, already grabbed, age, delay,
/// downloadable); the rejections carry one reason each. Ranking, best first: accepted before
/// rejected, then the profile's quality order, the revision (proper/repack), the term score,
/// seeders, indexer priority (lower first) and size (larger first: more bitrate at one quality).
///
///     let decisions = DecisionEngine().decide(releases, context: .init(profile: .standard))
///     decisions.first { $0.accepted }   // what a grab would take
public struct DecisionEngine: Sendable {
    public var specifications: [any DecisionSpecification]

    public init(specifications: [any DecisionSpecification] = DecisionSpecifications.all) {
        self.specifications = specifications
    }

    public func evaluate(_ release: IndexerRelease, context: DecisionContext) -> Decision {
        let candidate = ReleaseCandidate(release: release, target: context.target)
        let rejections = specifications.compactMap { spec in
            spec.check(candidate, context).map { Decision.Rejection(spec: spec.name, reason: $0) }
        }
        return Decision(release: release, parsed: candidate.info, quality: candidate.quality, rejections: rejections,
                        score: context.profile.score(release.title))
    }

    /// Every release judged and ranked; `rank` numbers the result from 1.
    public func decide(_ releases: [IndexerRelease], context: DecisionContext) -> [Decision] {
        var decisions = releases.map { evaluate($0, context: context) }
        decisions.sort { Self.before($0, $1, profile: context.profile) }
        for i in decisions.indices { decisions[i].rank = i + 1 }
        return decisions
    }

    /// Whether `a` ranks before `b`.
    public static func before(_ a: Decision, _ b: Decision, profile: QualityProfile) -> Bool {
        if a.accepted != b.accepted { return a.accepted }
        let qa = profile.preference(of: a.quality) ?? Int.max, qb = profile.preference(of: b.quality) ?? Int.max
        if qa != qb { return qa < qb }
        let ra = revision(a.parsed), rb = revision(b.parsed)
        if ra != rb { return ra > rb }
        if a.score != b.score { return a.score > b.score }
        let sa = a.release.seeders ?? 0, sb = b.release.seeders ?? 0
        if sa != sb { return sa > sb }
        if a.release.indexerPriority != b.release.indexerPriority { return a.release.indexerPriority < b.release.indexerPriority }
        let za = a.release.size ?? 0, zb = b.release.size ?? 0
        if za != zb { return za > zb }
        return a.release.title < b.release.title
    }

    /// 1 for a first release, higher for a proper, a repack or a numbered version.
    static func revision(_ i: ReleaseInfo) -> Int {
        if let v = i.version { return v }
        return i.proper || i.repack ? 2 : 1
    }
}
