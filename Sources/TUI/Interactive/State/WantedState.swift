import Engine

/// The Wanted tab: every wanted item with what happened to it (grabs and imports), and a cursor.
///
/// The engine sends the list only when it changed (`Methods.WantedWatch`); the history is kept
/// by wanted item so the rows and the item under the cursor find theirs without a search.
struct WantedState: PlainCursorList {
    private(set) var items: [WantedItem] = []
    /// Grabs and imports by wanted item, newest first.
    private(set) var history: [Int64: [AcquisitionHistoryEntry]] = [:]
    private(set) var counts: [WantedItem.Status: Int] = [:]
    var cursor = 0
    var scroll = 0
    var loaded = false

    var current: WantedItem? { items.indices.contains(cursor) ? items[cursor] : nil }

    mutating func set(_ new: [WantedItem], history entries: [AcquisitionHistoryEntry]) {
        let previous = current?.id
        items = new
        loaded = true
        history = Dictionary(grouping: entries.filter { $0.wantedId != nil }, by: { $0.wantedId! })
        counts = Dictionary(grouping: new, by: \.status).mapValues(\.count)
        // The scroll follows in `AppState.apply`, as for every list.
        if let previous, let i = items.firstIndex(where: { $0.id == previous }) { cursor = i }
        cursor = max(0, min(cursor, items.count - 1))
    }

    /// The newest grab or import of `item`, if any is recent enough to have been sent.
    func latest(_ item: WantedItem) -> AcquisitionHistoryEntry? { item.id.flatMap { history[$0]?.first } }

    var rowCount: Int { items.count }
}
