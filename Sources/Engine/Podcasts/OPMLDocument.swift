import Foundation

/// The feeds listed in an OPML file, as podcast apps export subscriptions.
///
/// Every `<outline>` with an `xmlUrl` counts, at any depth (apps nest them in folders);
/// the same URL twice is listed once.
public struct OPMLDocument: Sendable, Equatable {
    public struct Feed: Sendable, Equatable {
        public var url: String
        public var title: String?
    }

    public var feeds: [Feed]

    /// Most feeds taken from one file.
    static let maxFeeds = 2000

    public static func parse(_ data: Data, source: String) throws -> OPMLDocument {
        let root: XMLTreeNode
        switch XMLTree.parse(data, limits: limits) {
        case .success(let parsed): root = parsed
        case .failure(.entityDeclarations):
            throw EngineError.invalid("\(source) declares XML entities, which seedtui refuses to expand; export the subscriptions again")
        case .failure(.limit(let limit)):
            throw EngineError.invalid("\(source) has \(limit); export the subscriptions again")
        case .failure(.notWellFormed(let line, let column, _, _)):
            throw EngineError.invalid("\(source) is not well-formed XML (\(XMLTree.place(line: line, column: column))); nothing was imported")
        }
        guard root.name.lowercased() == "opml" else {
            throw EngineError.invalid("\(source) is not OPML (its root is <\(TerminalText.inert(root.name))>); export the subscriptions from the podcast app as OPML")
        }
        var feeds: [Feed] = []
        var seen = Set<String>()
        func visit(_ node: XMLTreeNode) {
            for child in node.children {
                if child.name == "outline", feeds.count < maxFeeds {
                    let url = (child.attribute("xmlUrl") ?? child.attribute("url").flatMap { child.attribute("type")?.lowercased() == "rss" ? $0 : nil })
                        .map(XMLTree.trimmed)
                    if let url, !url.isEmpty, seen.insert(url).inserted {
                        feeds.append(Feed(url: url, title: (child.attribute("title") ?? child.attribute("text")).map(PodcastFeed.clean)))
                    }
                }
                visit(child)
            }
        }
        visit(root)
        guard !feeds.isEmpty else { throw EngineError.invalid("\(source) lists no feed (no <outline> with an xmlUrl)") }
        return OPMLDocument(feeds: feeds)
    }

    static let limits = XMLTree.Limits(elements: 200_000, depth: 64, textPerElement: 64 * 1024)
}
