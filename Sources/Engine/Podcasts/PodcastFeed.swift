import Foundation

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
        let root: XMLTreeNode
        switch XMLTree.parse(data, limits: limits) {
        case .success(let parsed): root = parsed
        case .failure(.entityDeclarations):
            throw EngineError.invalid("\(source) declares XML entities, which seedtui refuses to expand; nothing was changed")
        case .failure(.limit(let limit)):
            throw EngineError.invalid("\(source) has \(limit); it is not a podcast feed seedtui can read, nothing was changed")
        case .failure(.notWellFormed(let line, let column, _, _)):
            throw EngineError.invalid("\(source) is not well-formed XML (\(XMLTree.place(line: line, column: column))); the feed is broken on the server, nothing was changed")
        }
        guard root.name == "rss" else {
            let what = root.name == "feed" ? "an Atom feed (only RSS 2.0 podcast feeds are read)" : "an XML document with root <\(TerminalText.inert(root.name))>"
            throw EngineError.invalid("\(source) is \(what), not an RSS 2.0 feed")
        }
        guard let channel = root.children.first(where: { $0.name == "channel" }) else {
            throw EngineError.invalid("\(source) has no RSS <channel>; it is not a podcast feed")
        }
        // The channel's own fields, as written (`itunes:author`); the first of a name counts.
        var fields: [String: String] = [:]
        for child in channel.children where child.name != "item" && fields[child.name] == nil { fields[child.name] = child.text }
        let title = fields["title"].map(PodcastFeed.clean) ?? ""
        guard !title.isEmpty else { throw EngineError.invalid("\(source) has no channel <title>; a podcast needs a name for its folder") }
        let imageURL = channel.children.first { $0.name == "itunes:image" && $0.attributes["href"] != nil }?.attributes["href"]
        let dates = FeedDateReader()
        var episodes = channel.children.lazy.filter { $0.name == "item" }.prefix(maxEpisodes * 2).map { episode($0, dates: dates) }
            .sorted { ($0.publishedAt ?? .distantPast) > ($1.publishedAt ?? .distantPast) }
        if episodes.count > maxEpisodes { episodes = Array(episodes.prefix(maxEpisodes)) }
        return PodcastFeed(title: title, link: fields["link"].map(clean), author: fields["itunes:author"].map(clean),
                           summary: fields["description"].map(clean), imageURL: imageURL, episodes: episodes)
    }

    /// Feeds run to thousands of items; text beyond 64 KiB in one element is dropped.
    static let limits = XMLTree.Limits(elements: 2_000_000, depth: 64, textPerElement: 64 * 1024)

    /// One `<item>`: its direct fields (the first of a name counts) and its first enclosure.
    static func episode(_ item: XMLTreeNode, dates: FeedDateReader) -> Episode {
        var fields: [String: String] = [:]
        for child in item.children where fields[child.name] == nil { fields[child.name] = child.text }
        let enclosure = item.children.first { $0.name == "enclosure" }?.attributes
        let title = fields["title"].map(PodcastFeed.clean).flatMap { $0.isEmpty ? nil : $0 }
            ?? fields["itunes:title"].map(PodcastFeed.clean) ?? "Untitled"
        let published = fields["pubDate"].flatMap { dates.date(PodcastFeed.clean($0)) }
        let url = enclosure?["url"].map(XMLTree.trimmed)
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
        return Episode(
            guid: guid, title: title, publishedAt: published, enclosureURL: url,
            enclosureType: enclosure?["type"], enclosureLength: enclosure?["length"].flatMap { Int64(XMLTree.trimmed($0)) }.flatMap { $0 > 0 ? $0 : nil },
            duration: fields["itunes:duration"].flatMap(PodcastFeed.duration),
            season: fields["itunes:season"].flatMap { Int(XMLTree.trimmed($0)) },
            episode: fields["itunes:episode"].flatMap { Int(XMLTree.trimmed($0)) },
            enclosureProblem: problem)
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
