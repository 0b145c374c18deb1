import Foundation

/// Reads a `t=caps` answer into `IndexerCaps`.
///
/// Caps documents vary: `supportedParams` may be missing (then a mode takes the parameters
/// the spec defines for it), categories may or may not nest, limits may be absent. An
/// `<error/>` answer becomes its `IndexerError` (a bad key is usually found here first).
public enum IndexerCapsParser {
    public static func parse(_ data: Data) throws -> IndexerCaps {
        let root = try IndexerXML.parse(data)
        if root.localName == "error" { throw IndexerFeedParser.errorAnswer(root) }
        guard root.localName == "caps" else {
            throw IndexerError.malformed("the caps answer is <\(IndexerError.clean(root.name))>, not <caps>")
        }
        var caps = IndexerCaps()
        if let server = root.child(named: "server") {
            caps.title = server.attribute("title").flatMap { $0.isEmpty ? nil : IndexerError.clean($0) }
        }
        if let limits = root.child(named: "limits") {
            caps.limitMax = limits.attribute("max").flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
            caps.limitDefault = limits.attribute("default").flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
        }
        if let searching = root.child(named: "searching") {
            for mode in searching.children {
                let name = mode.localName
                let available = mode.attribute("available")?.lowercased() == "yes"
                let declared = mode.attribute("supportedParams")?
                    .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
                caps.modes[name] = .init(available: available, parameters: declared ?? defaultParameters(name))
            }
        }
        if let categories = root.child(named: "categories") {
            caps.categories = categories.children(named: "category").compactMap { node in
                guard let id = node.attribute("id").flatMap({ Int($0) }) else { return nil }
                let subs = node.children(named: "subcat").compactMap { sub -> IndexerCaps.Category? in
                    guard let sid = sub.attribute("id").flatMap({ Int($0) }) else { return nil }
                    return .init(id: sid, name: IndexerError.clean(sub.attribute("name") ?? ""))
                }
                return .init(id: id, name: IndexerError.clean(node.attribute("name") ?? ""), subcategories: subs)
            }
        }
        return caps
    }

    /// The parameters the Newznab spec gives each function, for caps that do not list them.
    static func defaultParameters(_ mode: String) -> [String] {
        switch mode {
        case "search": return ["q"]
        case "tv-search": return ["q", "season", "ep", "rid", "tvdbid"]
        case "movie-search": return ["q", "imdbid"]
        case "audio-search", "music-search": return ["q", "artist", "album"]
        case "book-search": return ["q", "author", "title"]
        default: return ["q"]
        }
    }
}
