import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

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
        let reader = OPMLReader()
        guard let parser = SafeXMLParser.make(data) else {
            throw EngineError.invalid("\(source) declares XML entities, which seedtui refuses to expand; export the subscriptions again")
        }
        parser.delegate = reader
        // corelibs' XMLParser recovers and returns true after errors: the delegate notes them.
        let ok = parser.parse() && parser.parserError == nil && reader.errorLine == nil
        if let root = reader.root, root.lowercased() != "opml" {
            throw EngineError.invalid("\(source) is not OPML (its root is <\(TerminalText.inert(root))>); export the subscriptions from the podcast app as OPML")
        }
        guard ok, reader.root != nil else {
            throw EngineError.invalid("\(source) is not well-formed XML (line \(reader.errorLine ?? parser.lineNumber)); nothing was imported")
        }
        guard !reader.feeds.isEmpty else { throw EngineError.invalid("\(source) lists no feed (no <outline> with an xmlUrl)") }
        return OPMLDocument(feeds: Array(reader.feeds.prefix(maxFeeds)))
    }
}

final class OPMLReader: NSObject, XMLParserDelegate {
    private(set) var root: String?
    /// The line of the first error, if any.
    private(set) var errorLine: Int?

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        if errorLine == nil { errorLine = parser.lineNumber }
    }
    private(set) var feeds: [OPMLDocument.Feed] = []
    private var seen = Set<String>()

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if root == nil {
            root = name
            if name.lowercased() != "opml" { parser.abortParsing(); return }
        }
        guard name == "outline" else { return }
        let url = (attributes["xmlUrl"] ?? attributes["xmlurl"] ?? attributes["url"].flatMap { attributes["type"]?.lowercased() == "rss" ? $0 : nil })?
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard let url, !url.isEmpty, seen.insert(url).inserted else { return }
        let title = (attributes["title"] ?? attributes["text"]).map(PodcastFeed.clean)
        feeds.append(.init(url: url, title: title))
    }
}
