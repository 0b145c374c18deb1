import Foundation

/// Matches many releases against many wanted items and picks the best accepted release per item.
///
/// An RSS sync reads thousands of releases for thousands of wanted items; judging every pair
/// would be millions of parses. So each release is parsed once and only paired with the items
/// whose title could match: films and episodes by their normalized title (what `MatchSpecification`
/// compares, so the prefilter never drops a pair the rule would accept), music and books by a
/// word of the wanted title. Each pair is then judged by the full `DecisionEngine` with the
/// item's profile, what it has on disk (or has grabbed), the blocklist and the grab history.
///
///     let picks = GrabMatcher(wants: [.init(item: episode, profile: .standard)]).pick(releases)
public struct GrabMatcher: Sendable {
    /// A wanted item with the profile it is judged by and the quality it already has.
    public struct Want: Sendable {
        public var item: WantedItem
        public var profile: QualityProfile
        /// The quality on disk, or grabbed and not yet imported; nil when it has nothing.
        public var have: String?
        public init(item: WantedItem, profile: QualityProfile, have: String? = nil) {
            self.item = item
            self.profile = profile
            self.have = have
        }
    }

    /// The release chosen for one item.
    public struct Pick: Sendable {
        public var want: Want
        public var decision: Decision
        /// The next best accepted releases, best first (at most `GrabMatcher.fallbacks`): tried in
        /// turn, in the same sync, when the chosen one's link is gone or its torrent is bad.
        public var alternatives: [Decision] = []
        /// The item already has something: this replaces it with a better quality.
        public var upgrade: Bool { want.have != nil }
    }

    public struct Result: Sendable {
        public var picks: [Pick]
        public var judged: Int
        public var accepted: Int
    }

    /// How many releases past the best one a sync tries for an item: enough to get past a nuked
    /// release or two, few enough that an indexer whose links all fail costs little.
    public static let fallbacks = 4

    public let wants: [Want]
    let engine: DecisionEngine
    private var byTitle: [String: [Int]] = [:]
    private var byWord: [String: [Int]] = [:]

    public init(wants: [Want], engine: DecisionEngine = DecisionEngine()) {
        self.wants = wants
        self.engine = engine
        for (i, w) in wants.enumerated() {
            switch w.item.type {
            case .tv, .movie:
                byTitle[TitleKey.key(w.item.title), default: []].append(i)
            default:
                if let word = TitleKey.words(w.item.title).max(by: { $0.count < $1.count }) { byWord[word, default: []].append(i) }
            }
        }
    }

    /// Indexes of the items a release may be for.
    func candidates(for release: IndexerRelease) -> [Int] {
        var found: [Int] = []
        if !byTitle.isEmpty {
            let info = ReleaseParser.parse(release.title)
            if let title = info.title, let hits = byTitle[TitleKey.key(title)] { found += hits }
        }
        if !byWord.isEmpty {
            var seen = Set<Int>()
            for word in Set(TitleKey.words(release.title)) { for i in byWord[word] ?? [] where seen.insert(i).inserted { found.append(i) } }
        }
        return found
    }

    /// The best accepted release per item, and the next best ones in `DecisionEngine.before`'s
    /// order, judged against the history keys (blocklist, grabbed, links found gone).
    public func pick(_ releases: [IndexerRelease], blocklist: [String: String] = [:], grabbed: Set<String> = [],
                     unavailable: [String: String] = [:], now: Date = Date()) -> Result {
        var ranked: [Int: [Decision]] = [:]
        var judged = 0, accepted = 0
        for release in releases {
            for i in candidates(for: release) {
                let w = wants[i]
                let context = DecisionContext(profile: w.profile, target: w.item.target, onDisk: w.have,
                                              blocklist: blocklist, grabbed: grabbed, unavailable: unavailable, now: now)
                let decision = engine.evaluate(release, context: context)
                judged += 1
                guard decision.accepted else { continue }
                accepted += 1
                // Kept best first; of two that rank the same, the first listed stays first.
                let at = ranked[i]?.firstIndex { DecisionEngine.before(decision, $0, profile: w.profile) } ?? ranked[i]?.count ?? 0
                guard at <= Self.fallbacks else { continue }
                // Changed in place: a copy taken out of the dictionary would be copied again to insert.
                ranked[i, default: []].insert(decision, at: at)
                if ranked[i]!.count > Self.fallbacks + 1 { ranked[i]!.removeLast() }
            }
        }
        let picks = ranked.keys.sorted { (wants[$0].item.id ?? 0, $0) < (wants[$1].item.id ?? 0, $1) }
            .map { Pick(want: wants[$0], decision: ranked[$0]![0], alternatives: Array(ranked[$0]!.dropFirst())) }
        return Result(picks: picks, judged: judged, accepted: accepted)
    }
}
