/// One named rule a release must pass; it answers nil (pass) or the reason it fails.
///
/// Named so every rejection says which rule spoke, and small so each can be tested alone.
/// `DecisionSpecifications.all` is the order reasons are listed in.
public protocol DecisionSpecification: Sendable {
    var name: String { get }
    func check(_ candidate: ReleaseCandidate, _ context: DecisionContext) -> String?
}

public enum DecisionSpecifications {
    public static let all: [any DecisionSpecification] = [
        DownloadableSpecification(), SampleSpecification(), QualityAllowedSpecification(), UpgradeSpecification(),
        SizeSpecification(), SeedersSpecification(), MatchSpecification(), TermsSpecification(),
        BlocklistSpecification(), UnavailableSpecification(), AlreadyGrabbedSpecification(), AgeSpecification(), DelaySpecification(),
    ]
}
