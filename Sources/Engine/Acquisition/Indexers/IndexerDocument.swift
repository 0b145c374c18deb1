import Foundation

/// Any answer an indexer gives, read without knowing which request it answers.
///
/// For `indexer parse FILE` (debugging a saved answer, the parse benchmark): the root element
/// decides whether it is caps or a feed; an `<error/>` throws like it would from the network.
public enum IndexerDocument: Sendable {
    case caps(IndexerCaps)
    case feed(IndexerFeed)

    public static func parse(_ data: Data, indexer: String, kind: IndexerKind) throws -> IndexerDocument {
        let root = try IndexerXML.parse(data)
        if root.localName == "caps" { return .caps(try IndexerCapsParser.parse(data)) }
        return .feed(try IndexerFeedParser.parse(data, indexer: indexer, kind: kind))
    }
}
