import Engine
import Foundation

/// The torrents view: every row the engine sent, and what the user made of them —
/// order, filter, cursor, marks. Derived order is recomputed only when rows, sort or
/// filter change, never per frame.
struct TorrentsState: CursorList {
    enum SortColumn: String, CaseIterable {
        case queue, name, size, progress, state, down, up, eta, ratio, peers, category, added
    }

    private(set) var rows: [Int64: TorrentSnapshot] = [:]
    private(set) var order: [Int64] = []
    var revision: UInt64?
    var sort: SortColumn = .queue
    var descending = false
    private(set) var filter = ""
    private(set) var cursor = 0
    var scroll = 0
    var marked = Set<Int64>()
    var visualAnchor: Int?

    var currentId: Int64? { order.indices.contains(cursor) ? order[cursor] : nil }
    var current: TorrentSnapshot? { currentId.flatMap { rows[$0] } }

    /// The torrents an action applies to: the marked ones, else the one under the cursor.
    var targets: [Int64] {
        if !marked.isEmpty { return order.filter(marked.contains) + marked.subtracting(order).sorted() }
        return currentId.map { [$0] } ?? []
    }

    // MARK: Data

    mutating func apply(_ page: Methods.ListPage) {
        let keep = currentId
        if page.complete { rows = [:] }
        for id in page.removed { rows.removeValue(forKey: id); marked.remove(id); matchCache.removeValue(forKey: id) }
        for t in page.torrents { rows[t.id] = t }
        revision = page.revision
        recompute(keeping: keep)
    }

    mutating func setFilter(_ text: String) {
        let keep = currentId
        filter = text
        matchCache = [:]
        recompute(keeping: keep)
    }

    mutating func setSort(_ column: SortColumn, descending: Bool) {
        let keep = currentId
        sort = column
        self.descending = descending
        recompute(keeping: keep)
    }

    func matches(_ t: TorrentSnapshot) -> Bool {
        guard !filter.isEmpty else { return true }
        return t.name.range(of: filter, options: [.caseInsensitive, .diacriticInsensitive]) != nil
            || (t.category?.range(of: filter, options: .caseInsensitive) != nil)
    }

    /// Whether each row matches the filter, kept per name and category so an engine update
    /// re-tests only the rows whose name or category changed.
    private var matchCache: [Int64: (name: String, category: String?, matches: Bool)] = [:]

    private mutating func cachedMatch(_ t: TorrentSnapshot) -> Bool {
        guard !filter.isEmpty else { return true }
        if let c = matchCache[t.id], c.name == t.name, c.category == t.category { return c.matches }
        let m = matches(t)
        matchCache[t.id] = (t.name, t.category, m)
        return m
    }

    private mutating func recompute(keeping id: Int64?) {
        var list: [TorrentSnapshot] = []
        list.reserveCapacity(rows.count)
        for t in rows.values where cachedMatch(t) { list.append(t) }
        let by: (TorrentSnapshot, TorrentSnapshot) -> Bool
        switch sort {
        case .queue: by = { ($0.queuePosition < 0 ? Int.max : $0.queuePosition, $0.id) < ($1.queuePosition < 0 ? Int.max : $1.queuePosition, $1.id) }
        case .name: by = { $0.name.localizedStandardCompare($1.name) == .orderedAscending }
        case .size: by = { ($0.size, $0.id) < ($1.size, $1.id) }
        case .progress: by = { ($0.progress, $0.id) < ($1.progress, $1.id) }
        case .state: by = { ($0.state.rawValue, $0.id) < ($1.state.rawValue, $1.id) }
        case .down: by = { ($0.downRate, $0.id) < ($1.downRate, $1.id) }
        case .up: by = { ($0.upRate, $0.id) < ($1.upRate, $1.id) }
        case .eta: by = { ($0.eta ?? Int64.max, $0.id) < ($1.eta ?? Int64.max, $1.id) }
        case .ratio: by = { ($0.ratio, $0.id) < ($1.ratio, $1.id) }
        case .peers: by = { ($0.peers, $0.id) < ($1.peers, $1.id) }
        case .category: by = { ($0.category ?? "", $0.id) < ($1.category ?? "", $1.id) }
        case .added: by = { ($0.addedAt, $0.id) < ($1.addedAt, $1.id) }
        }
        list.sort(by: by)
        if descending { list.reverse() }
        order = list.map(\.id)
        if let id, let index = order.firstIndex(of: id) { cursor = index } else { cursor = min(cursor, max(0, order.count - 1)) }
    }

    // MARK: Movement

    var rowCount: Int { order.count }

    /// Moves the cursor, keeping it on screen (`height` rows of list), extending a visual range.
    mutating func moveCursor(to index: Int, height: Int) {
        guard !order.isEmpty else { cursor = 0; scroll = 0; return }
        cursor = max(0, min(order.count - 1, index))
        if let anchor = visualAnchor {
            let range = min(anchor, cursor)...max(anchor, cursor)
            marked = Set(range.map { order[$0] })
        }
        clampScroll(height: height)
    }

    mutating func clampScroll(height: Int) {
        scroll = keptInSight(scroll, cursor: cursor, rows: order.count, height: height)
    }

    mutating func toggleMark() {
        guard let id = currentId else { return }
        if marked.contains(id) { marked.remove(id) } else { marked.insert(id) }
    }

    mutating func toggleVisual() {
        if visualAnchor == nil {
            visualAnchor = cursor
            if let id = currentId { marked.insert(id) }
        } else {
            visualAnchor = nil
        }
    }

    /// Next row (wrapping) whose name matches the filter text, for n/N.
    func nextMatch(forward: Bool) -> Int? {
        guard !order.isEmpty else { return nil }
        let n = order.count
        for step in 1...n {
            let i = forward ? (cursor + step) % n : (cursor - step + n * 2) % n
            if let t = rows[order[i]], matches(t) { return i }
        }
        return nil
    }
}
