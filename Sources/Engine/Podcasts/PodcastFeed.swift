import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A podcast's RSS 2.0 feed as read: the channel and its episodes, newest first.
///
/// Everything here came from a stranger's server, so it is data to be judged, not trusted:
/// titles are made inert where shown and sanitized where they become paths, and an enclosure
/// that is not http(s) is kept with `enclosureProblem` so it is listed but never fetched.
public struct PodcastFeed: Sendable, Equatable {
    public struct Episode: Sendable, Equatable {
        /// The item's `<guid>`, else its enclosure URL, else its title and date.
        public var guid: String
        public var title: String
        public var publishedAt: Date?
        public var enclosureURL: String?
        public var enclosureType: String?
        public var enclosureLength: Int64?
        /// Seconds, from `<itunes:duration>` (`1:02:03`, `62:03` or `3723`).
        public var duration: Int64?
        public var season: Int?
        public var episode: Int?
        /// Why the enclosure cannot be downloaded (missing, not http(s)); nil when it can.
        public var enclosureProblem: String?
    }

    public var title: String
    public var link: String?
    public var author: String?
    public var summary: String?
    public var imageURL: String?
    public var episodes: [Episode]
}

extension PodcastFeed {
    /// Most items read from one feed; a feed with more is cut (oldest dropped), not refused.
    static let maxEpisodes = 5000

    /// Parses RSS 2.0 with iTunes tags; throws one line saying what the document is instead.
    public static func parse(_ data: Data, source: String) throws -> PodcastFeed {
        if let kind = htmlOrEmpty(data) {
            throw EngineError.invalid("\(source) is \(kind), not an RSS feed; give the feed's URL (often linked as RSS on the show's page)")
        }
        #if canImport(FoundationXML)
        let reader = PodcastFeedReader()
        guard let parser = SafeXMLParser.make(data) else {
            throw EngineError.invalid("\(source) declares XML entities, which seedtui refuses to expand; nothing was changed")
        }
        parser.delegate = reader
        // corelibs' XMLParser recovers and returns true after errors: the delegate notes them.
        let ok = parser.parse() && parser.parserError == nil && reader.errorLine == nil
        if let root = reader.root, root != "rss" {
            let what = root == "feed" ? "an Atom feed (only RSS 2.0 podcast feeds are read)" : "an XML document with root <\(TerminalText.inert(root))>"
            throw EngineError.invalid("\(source) is \(what), not an RSS 2.0 feed")
        }
        guard ok else {
            let line = reader.errorLine ?? parser.lineNumber
            throw EngineError.invalid("\(source) is not well-formed XML (line \(line)); the feed is broken on the server, nothing was changed")
        }
        guard reader.root == "rss", reader.sawChannel else {
            throw EngineError.invalid("\(source) has no RSS <channel>; it is not a podcast feed")
        }
        let title = reader.channel["title"].map(PodcastFeed.clean) ?? ""
        guard !title.isEmpty else { throw EngineError.invalid("\(source) has no channel <title>; a podcast needs a name for its folder") }
        let dates = FeedDateReader()
        var episodes = reader.items.map { $0.episode(dates: dates) }
        episodes.sort { ($0.publishedAt ?? .distantPast) > ($1.publishedAt ?? .distantPast) }
        if episodes.count > maxEpisodes { episodes = Array(episodes.prefix(maxEpisodes)) }
        return PodcastFeed(title: title, link: reader.channel["link"].map(clean), author: reader.channel["itunes:author"].map(clean),
                           summary: reader.channel["description"].map(clean), imageURL: reader.imageURL, episodes: episodes)
        #else
        throw EngineError.failed("this build has no XML parser (FoundationXML)")
        #endif
    }

    /// "an HTML page" or "empty" when the body is plainly not XML meant as a feed.
    static func htmlOrEmpty(_ data: Data) -> String? {
        let head = String(decoding: data.prefix(512), as: UTF8.self)
            .trimmingCharacters(in: CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{FEFF}"))).lowercased()
        if head.isEmpty { return "empty" }
        if head.hasPrefix("<!doctype html") || head.hasPrefix("<html") { return "an HTML page" }
        if !head.hasPrefix("<") { return "not XML" }
        return nil
    }

    /// One line of text: whitespace runs collapsed, ends trimmed.
    static func clean(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ")
    }

    /// `1:02:03`, `62:03` or `3723` as seconds.
    static func duration(_ text: String) -> Int64? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ":")
        guard !parts.isEmpty, parts.count <= 3 else { return nil }
        var total: Int64 = 0
        for p in parts {
            guard let n = Int64(p.split(separator: ".").first ?? ""), n >= 0 else { return nil }
            total = total * 60 + n
        }
        return total
    }
}

/// The XMLParser delegate: keeps the channel's direct fields and each item's.
final class PodcastFeedReader: NSObject, XMLParserDelegate {
    struct Item {
        var fields: [String: String] = [:]
        var enclosure: [String: String]?

        func episode(dates: FeedDateReader) -> PodcastFeed.Episode {
            let title = fields["title"].map(PodcastFeed.clean).flatMap { $0.isEmpty ? nil : $0 }
                ?? fields["itunes:title"].map(PodcastFeed.clean) ?? "Untitled"
            let published = fields["pubDate"].flatMap { dates.date(PodcastFeed.clean($0)) }
            let url = enclosure?["url"]?.trimmingCharacters(in: .whitespacesAndNewlines)
            var problem: String?
            if let url {
                if !HTTPFetcher.isHTTP(url) || URLComponents(string: url)?.host?.isEmpty != false {
                    problem = "enclosure '\(TerminalText.inert(String(url.prefix(80))))' is not an http(s) URL"
                }
            } else {
                problem = "no enclosure (nothing to download)"
            }
            let guid = fields["guid"].map(PodcastFeed.clean).flatMap { $0.isEmpty ? nil : $0 }
                ?? url ?? "\(title)|\(fields["pubDate"] ?? "")"
            return PodcastFeed.Episode(
                guid: guid, title: title, publishedAt: published, enclosureURL: url,
                enclosureType: enclosure?["type"], enclosureLength: enclosure?["length"].flatMap { Int64($0.trimmingCharacters(in: .whitespaces)) }.flatMap { $0 > 0 ? $0 : nil },
                duration: fields["itunes:duration"].flatMap(PodcastFeed.duration),
                season: fields["itunes:season"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) },
                episode: fields["itunes:episode"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) },
                enclosureProblem: problem)
        }
    }

    private(set) var root: String?
    /// The line of the first error, if any.
    private(set) var errorLine: Int?

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        if errorLine == nil { errorLine = parser.lineNumber }
    }
    private(set) var sawChannel = false
    private(set) var channel: [String: String] = [:]
    private(set) var items: [Item] = []
    private(set) var imageURL: String?
    private var path: [String] = []
    private var item: Item?
    private var text = ""

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if root == nil {
            root = name
            if name != "rss" { parser.abortParsing(); return }
        }
        path.append(name)
        text = ""
        switch (path.count, name) {
        case (2, "channel"): sawChannel = true
        case (3, "item") where path[1] == "channel":
            if items.count < PodcastFeed.maxEpisodes * 2 { item = Item() }
        case (4, "enclosure") where item != nil && item?.enclosure == nil: item?.enclosure = attributes
        case (3, "itunes:image"): imageURL = imageURL ?? attributes["href"]
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if text.utf8.count < 64 * 1024 { text += string }
    }

    func parser(_ parser: XMLParser, foundCDATA data: Data) {
        if text.utf8.count < 64 * 1024 { text += String(decoding: data, as: UTF8.self) }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        defer { path.removeLast(); text = "" }
        if path.count == 3, path[1] == "channel" {
            if name == "item" {
                if let item { items.append(item) }
                item = nil
            } else if channel[name] == nil {
                channel[name] = text
            }
        } else if path.count == 4, path[2] == "item", item != nil, item?.fields[name] == nil {
            item?.fields[name] = text
        }
    }
}
