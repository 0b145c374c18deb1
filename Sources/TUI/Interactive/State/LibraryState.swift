import Engine
import Foundation

/// The Library tab: a tree per library type (series → seasons → episodes, artist → albums →
/// tracks, author → books, ...), a search, and one item's detail.
///
/// Items of a type are fetched only once that type is expanded, and the visible rows are
/// rebuilt only when the items, the expansion or the search change.
struct LibraryState: PlainCursorList {
    struct Node: Equatable {
        var key: String
        var depth: Int
        var title: String
        var count: Int
        var size: Int64
        var itemId: Int64?
        var expanded: Bool
    }

    struct Shown {
        var item: LibraryItem
        var detail: ItemDetail?
    }

    var roots: [Methods.LibraryRoots.Root] = []
    private(set) var items: [LibraryType: [LibraryItem]] = [:]
    private(set) var expanded: Set<String> = []
    /// FTS query; when set, the tab lists its results instead of the tree.
    private(set) var search = ""
    private(set) var results: [LibraryItem] = []
    private(set) var nodes: [Node] = []
    /// Where each fetched item and search result sits, by id, made when its list changes: the
    /// rows look their item up on every frame. Positions, not copies of the items.
    private var positions: [LibraryType: [Int64: Int]] = [:]
    private var resultPositions: [Int64: Int] = [:]
    var cursor = 0
    var scroll = 0
    var showing: Int64?
    var shown: Shown?
    var scan: ScanProgress?

    /// Types that have a root, in a stable order, with their item counts.
    var types: [(type: LibraryType, items: Int, bytes: Int64)] {
        LibraryType.allCases.compactMap { t in
            let rs = roots.filter { $0.type == t }
            return rs.isEmpty ? nil : (t, rs.reduce(0) { $0 + $1.items }, rs.reduce(0) { $0 + $1.bytes })
        }
    }

    /// Types whose items the engine link should fetch.
    var wantedTypes: Set<LibraryType> {
        Set(LibraryType.allCases.filter { expanded.contains(Self.typeKey($0)) })
    }

    var current: Node? { nodes.indices.contains(cursor) ? nodes[cursor] : nil }

    static func typeKey(_ t: LibraryType) -> String { "type:" + t.rawValue }

    mutating func setRoots(_ new: [Methods.LibraryRoots.Root]) {
        guard new != roots else { return }
        roots = new
        rebuild()
    }

    mutating func setItems(_ list: [LibraryItem], for type: LibraryType) {
        items[type] = list
        positions[type] = Self.positions(list)
        rebuild()
    }

    private static func positions(_ list: [LibraryItem]) -> [Int64: Int] {
        Dictionary(list.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    mutating func setSearch(_ query: String) {
        search = query.trimmingCharacters(in: .whitespaces)
        results = []
        resultPositions = [:]
        cursor = 0
        scroll = 0
        rebuild()
    }

    mutating func setResults(_ list: [LibraryItem], for query: String) {
        guard query == search else { return }
        results = list
        resultPositions = Self.positions(list)
        rebuild()
    }

    mutating func toggle(_ key: String) {
        if expanded.contains(key) { expanded.remove(key) } else { expanded.insert(key) }
        rebuild()
    }

    /// Collapses the group the cursor is in and moves the cursor onto it.
    mutating func collapseParent() {
        guard let node = current else { return }
        if node.expanded { toggle(node.key); return }
        guard node.depth > 0, let parent = nodes[..<cursor].lastIndex(where: { $0.depth == node.depth - 1 }) else { return }
        cursor = parent
        toggle(nodes[parent].key)
    }

    func item(_ id: Int64) -> LibraryItem? {
        if let at = resultPositions[id] { return results[at] }
        for (type, byId) in positions { if let at = byId[id], let list = items[type] { return list[at] } }
        return nil
    }

    var rowCount: Int { nodes.count }

    // MARK: The visible rows

    private mutating func rebuild() {
        let previous = current?.key
        nodes = search.isEmpty ? treeNodes() : results.map { Self.leaf($0, depth: 0, title: LibraryTitles.full($0)) }
        if let previous, let i = nodes.firstIndex(where: { $0.key == previous }) { cursor = i }
        cursor = max(0, min(cursor, nodes.count - 1))
    }

    private func treeNodes() -> [Node] {
        var out: [Node] = []
        for (type, count, bytes) in types {
            let key = Self.typeKey(type)
            let open = expanded.contains(key)
            out.append(Node(key: key, depth: 0, title: Self.typeTitle(type), count: count, size: bytes, itemId: nil, expanded: open))
            guard open else { continue }
            guard let list = items[type] else {
                out.append(Node(key: key + ":loading", depth: 1, title: "loading…", count: 0, size: 0, itemId: nil, expanded: false))
                continue
            }
            out += groups(list, type: type, prefix: key, depth: 1, levels: LibraryGrouping.levels(for: type))
        }
        return out
    }

    /// Groups items by the first level's key, recursing into the next levels; leaves are items.
    private func groups(_ list: [LibraryItem], type: LibraryType, prefix: String, depth: Int, levels: [LibraryGrouping.Level]) -> [Node] {
        guard let level = levels.first else {
            return list.sorted(by: LibraryGrouping.order(for: type)).map { Self.leaf($0, depth: depth, title: LibraryTitles.leaf($0)) }
        }
        var byKey: [String: [LibraryItem]] = [:]
        for item in list { byKey[level.key(item), default: []].append(item) }
        var out: [Node] = []
        for name in byKey.keys.sorted(by: level.ascending ? { LibraryGrouping.before($0, $1) } : { LibraryGrouping.before($1, $0) }) {
            let members = byKey[name]!
            let key = prefix + "|" + name
            let open = expanded.contains(key)
            out.append(Node(key: key, depth: depth, title: name, count: members.count, size: members.reduce(0) { $0 + $1.size }, itemId: nil, expanded: open))
            if open { out += groups(members, type: type, prefix: key, depth: depth + 1, levels: Array(levels.dropFirst())) }
        }
        return out
    }

    private static func leaf(_ item: LibraryItem, depth: Int, title: String) -> Node {
        Node(key: "item:\(item.id)", depth: depth, title: title, count: 1, size: item.size, itemId: item.id, expanded: false)
    }

    static func typeTitle(_ t: LibraryType) -> String {
        switch t {
        case .tv: return "TV"
        case .audiobooks: return "Audiobooks"
        default: return t.rawValue.prefix(1).uppercased() + t.rawValue.dropFirst()
        }
    }
}

/// How each library type nests: the group levels above its items, and the order of items.
enum LibraryGrouping {
    struct Level {
        var key: @Sendable (LibraryItem) -> String
        var ascending = true
    }

    static func levels(for type: LibraryType) -> [Level] {
        switch type {
        case .tv:
            return [Level { $0.series ?? "(unknown series)" }, Level { $0.type == .episode ? ($0.season.map { $0 == 0 ? "Specials" : "Season \($0)" } ?? "Episodes") : "Extras" }]
        case .music:
            return [Level { $0.albumArtist ?? $0.artist ?? "(unknown artist)" }, Level { ($0.album ?? "(no album)") + ($0.year.map { " (\($0))" } ?? "") }]
        case .audiobooks:
            return [Level { $0.author ?? "(unknown author)" }, Level { book in
                let series = book.series.map { s in " — " + s + (book.seriesIndex.map { " #" + LibraryTitles.number($0) } ?? "") } ?? ""
                return (book.title ?? "(untitled)") + series
            }]
        case .books:
            return [Level { $0.author ?? "(unknown author)" }]
        case .comics, .podcasts:
            return [Level { $0.series ?? "(no series)" }]
        case .videos:
            return [Level { $0.channel ?? "(no channel)" }]
        case .photos:
            return [Level(key: { String(($0.takenAt ?? "undated").prefix(7)) }, ascending: false)]
        case .movies:
            return []
        }
    }

    static func order(for type: LibraryType) -> (LibraryItem, LibraryItem) -> Bool {
        switch type {
        case .tv: return { ($0.season ?? 0, $0.episodes.first ?? $0.absoluteEpisodes.first ?? 0, $0.path) < ($1.season ?? 0, $1.episodes.first ?? $1.absoluteEpisodes.first ?? 0, $1.path) }
        case .music: return { ($0.disc ?? 0, $0.track ?? 0, $0.path) < ($1.disc ?? 0, $1.track ?? 0, $1.path) }
        case .podcasts: return { ($0.airDate ?? "", $0.path) > ($1.airDate ?? "", $1.path) }
        case .photos: return { ($0.takenAt ?? "", $0.path) < ($1.takenAt ?? "", $1.path) }
        default: return { before(LibraryTitles.leaf($0), LibraryTitles.leaf($1)) }
        }
    }

    /// Case-insensitive, numbers in numeric order ("Season 2" before "Season 10").
    static func before(_ a: String, _ b: String) -> Bool {
        a.compare(b, options: [.caseInsensitive, .numeric]) == .orderedAscending
    }
}

/// Row titles for library items.
enum LibraryTitles {
    static func leaf(_ i: LibraryItem) -> String {
        switch i.type {
        case .episode:
            var t = ""
            if let s = i.season, !i.episodes.isEmpty { t = "S" + two(s) + i.episodes.map { "E" + two($0) }.joined() }
            else if let a = i.absoluteEpisodes.first { t = String(a) } else if let d = i.airDate { t = d }
            if let et = i.episodeTitle { t += (t.isEmpty ? "" : " ") + et }
            return t.isEmpty ? (i.title ?? name(i)) : t
        case .track:
            return (i.track.map { two($0) + " " } ?? "") + (i.title ?? name(i))
        case .movie:
            return (i.title ?? name(i)) + (i.year.map { " (\($0))" } ?? "") + (i.edition.map { " {\($0)}" } ?? "") + (i.part.map { " part \($0)" } ?? "")
        case .comic:
            return ([i.series, i.number.map { "#\($0)" }].compactMap { $0 }.joined(separator: " ")) + (i.title.map { " " + $0 } ?? "")
        case .extra:
            return "[\(i.extraType ?? "extra")] " + (i.title ?? name(i))
        case .sample:
            return "[sample] " + name(i)
        default:
            return i.title ?? name(i)
        }
    }

    /// A title that stands alone (search results): with its series, artist or author.
    static func full(_ i: LibraryItem) -> String {
        switch i.type {
        case .episode: return (i.series ?? "?") + " " + leaf(i)
        case .track: return [i.artist, i.album].compactMap { $0 }.joined(separator: " – ") + " – " + leaf(i)
        case .audiobook, .book: return (i.author.map { $0 + " – " } ?? "") + leaf(i)
        default: return leaf(i)
        }
    }

    static func name(_ i: LibraryItem) -> String { (i.path as NSString).lastPathComponent }
    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
    static func number(_ d: Double) -> String { d == d.rounded() ? String(Int(d)) : String(d) }
}
