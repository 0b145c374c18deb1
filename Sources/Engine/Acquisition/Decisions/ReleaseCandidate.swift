/// A release with its name parsed: what the specifications look at.
public struct ReleaseCandidate: Sendable {
    public var release: IndexerRelease
    public var info: ReleaseInfo
    /// The kind it is judged as: the target's, else the parser's guess.
    public var kind: ReleaseInfo.Kind
    /// The quality name on its kind's scale (for books, audiobooks and comics, the format).
    public var quality: String

    public init(release: IndexerRelease, target: SearchTarget?) {
        self.release = release
        let hint = target?.type?.releaseKind
        info = ReleaseParser.parse(release.title, hint: hint)
        kind = hint ?? info.type
        switch kind {
        case .book, .audiobook, .comic: quality = info.format?.uppercased() ?? "Unknown"
        default: quality = info.quality
        }
        if QualityRanking.rank(quality, kind: kind) == nil && !QualityRanking.allNames.contains(quality) { quality = "Unknown" }
    }
}
