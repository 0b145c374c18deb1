import Foundation

/// What to ask an indexer for, independent of what it can answer.
///
/// `items(caps:categories:apiKey:)` turns it into the query string for one indexer: the typed
/// function when caps offer it, with only the parameters caps list; otherwise a text search
/// that carries the numbering in `q` ("Title S01E02"), as Sonarr does for indexers without
/// `tvsearch`. IMDb ids go without their `tt`, as the Newznab spec writes them.
public struct IndexerQuery: Codable, Sendable, Equatable {
    public var function: SearchFunction
    public var text: String?
    public var season: Int?
    public var episode: Int?
    public var year: Int?
    public var imdbId: String?
    public var tvdbId: Int?
    public var tmdbId: Int?
    public var artist: String?
    public var album: String?
    public var author: String?
    /// Newznab category ids; empty means the indexer's own, else the function's family (5000 TV, 2000 movies, ...).
    public var categories: [Int] = []
    public var offset: Int = 0
    public var limit: Int?

    public init(function: SearchFunction, text: String? = nil) {
        self.function = function
        self.text = text
    }

    enum CodingKeys: String, CodingKey {
        case function, text, season, episode, year, artist, album, author, categories, offset, limit
        case imdbId = "imdb_id", tvdbId = "tvdb_id", tmdbId = "tmdb_id"
    }

    /// The top Newznab category of each function's family.
    public var familyCategory: Int? {
        switch function {
        case .tvsearch: return 5000
        case .movie: return 2000
        case .music: return 3000
        case .book: return 7000
        case .search: return nil
        }
    }

    /// Categories to send to an indexer configured with `configured`; nil when none of them is
    /// in this search's family (the indexer does not carry this kind of media).
    public func categories(configured: [Int]) -> [Int]? {
        if !categories.isEmpty { return categories }
        guard let family = familyCategory else { return configured }
        if configured.isEmpty { return [family] }
        let inFamily = configured.filter { $0 / 1000 == family / 1000 }
        return inFamily.isEmpty ? nil : inFamily
    }

    /// The function actually used against an indexer with these caps.
    public func effectiveFunction(_ caps: IndexerCaps) -> SearchFunction {
        caps.mode(for: function) != nil ? function : .search
    }

    /// The query string items, in a stable order, ending with the key.
    func items(caps: IndexerCaps, categories: [Int], apiKey: APIKey) -> [(String, String)] {
        let used = effectiveFunction(caps)
        let supported = Set(caps.mode(for: used)?.parameters ?? ["q"])
        var items: [(String, String)] = [("t", used.rawValue)]
        var q = text?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        func add(_ name: String, _ value: String?) -> Bool {
            guard let value, !value.isEmpty, supported.contains(name) else { return false }
            items.append((name, value))
            return true
        }
        func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        switch function {
        case .tvsearch:
            _ = add("tvdbid", tvdbId.map(String.init))
            _ = add("tmdbid", tmdbId.map(String.init))
            _ = add("imdbid", imdbId.map(Self.bareImdb))
            let seasonSent = add("season", season.map(String.init))
            let episodeSent = seasonSent && add("ep", episode.map(String.init))
            if let season, !seasonSent || (episode != nil && !episodeSent) {
                q += (q.isEmpty ? "" : " ") + "S" + pad(season) + (episode.map { "E" + pad($0) } ?? "")
            }
        case .movie:
            _ = add("imdbid", imdbId.map(Self.bareImdb))
            _ = add("tmdbid", tmdbId.map(String.init))
            if let year, !add("year", String(year)), !q.isEmpty { q += " \(year)" }
        case .music:
            if !add("artist", artist), let artist { q = [artist, q].filter { !$0.isEmpty }.joined(separator: " ") }
            if !add("album", album), let album { q = [q, album].filter { !$0.isEmpty }.joined(separator: " ") }
        case .book:
            if !add("author", author), let author { q = [author, q].filter { !$0.isEmpty }.joined(separator: " ") }
        case .search:
            break
        }
        if !q.isEmpty { items.append(("q", q)) }
        if !categories.isEmpty { items.append(("cat", categories.map(String.init).joined(separator: ","))) }
        items.append(("extended", "1"))
        let limitMax = caps.limitMax ?? 100
        items.append(("limit", String(min(max(1, limit ?? caps.limitDefault ?? 100), limitMax))))
        if offset > 0 { items.append(("offset", String(offset))) }
        items.append(("apikey", apiKey.reveal))
        return items
    }

    static func bareImdb(_ id: String) -> String {
        id.lowercased().hasPrefix("tt") ? String(id.dropFirst(2)) : id
    }

    /// `base` with the items appended to its query, each value percent-encoded (a `+` in a
    /// title must not turn into a space).
    static func url(base: String, items: [(String, String)]) -> String {
        // Commas stay as they are: `cat=5030,5040` is how every client writes category lists.
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~,")
        let query = items.map { name, value in
            name + "=" + (value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value)
        }.joined(separator: "&")
        let separator = base.contains("?") ? (base.hasSuffix("?") || base.hasSuffix("&") ? "" : "&") : "?"
        return base + separator + query
    }

    /// The caps request for an indexer.
    static func capsURL(base: String, apiKey: APIKey) -> String {
        url(base: base, items: [("t", "caps"), ("apikey", apiKey.reveal)])
    }
}
