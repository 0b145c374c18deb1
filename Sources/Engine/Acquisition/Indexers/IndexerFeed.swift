/// A page of search results from one indexer, as read from its RSS answer.
public struct IndexerFeed: Sendable {
    public var releases: [IndexerRelease] = []
    /// `newznab:response offset/total`, for paging; nil when the indexer does not say.
    public var offset: Int?
    public var total: Int?
    /// `<item>` elements in the answer, kept or not.
    public var itemCount = 0
    /// Items left out, each with why, so a person can tell a broken indexer from an empty search.
    public var dropped: [String] = []

    public init() {}
}
