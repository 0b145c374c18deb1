/// A tab's list with a cursor that the view scrolls to keep in sight (Jobs, Library, Search,
/// Wanted): the cursor rules and the movement keys are the same for all of them.
protocol CursorList {
    var cursor: Int { get set }
    var scroll: Int { get set }
    /// Rows the cursor can be on.
    var rowCount: Int { get }
}

extension CursorList {
    mutating func moveCursor(to index: Int, height: Int) {
        cursor = max(0, min(index, rowCount - 1))
        if cursor < scroll { scroll = cursor }
        if cursor >= scroll + height { scroll = cursor - height + 1 }
        scroll = max(0, min(scroll, max(0, rowCount - height)))
    }

    /// Moves the cursor for a movement key (down, up, pages, half pages, top, bottom) in a view
    /// `page` rows tall; false for any other action, which the tab handles itself.
    mutating func move(_ action: Action, page: Int) -> Bool {
        let target: Int
        switch action {
        case .down: target = cursor + 1
        case .up: target = cursor - 1
        case .pageDown: target = cursor + page
        case .pageUp: target = cursor - page
        case .halfPageDown: target = cursor + page / 2
        case .halfPageUp: target = cursor - page / 2
        case .top: target = 0
        case .bottom: target = rowCount - 1
        default: return false
        }
        moveCursor(to: target, height: page)
        return true
    }
}
