/// A tab's list with a cursor that the view scrolls to keep in sight (Torrents, Jobs, Library,
/// Search, Wanted): the movement keys are the same for all of them.
protocol CursorList {
    var cursor: Int { get }
    /// Rows the cursor can be on.
    var rowCount: Int { get }
    /// Puts the cursor on `index` (clamped) and scrolls a view `height` rows tall to show it.
    mutating func moveCursor(to index: Int, height: Int)
}

/// A list whose cursor only moves and scrolls: no marks, no visual range (everything but Torrents).
protocol PlainCursorList: CursorList {
    var cursor: Int { get set }
    var scroll: Int { get set }
}

extension PlainCursorList {
    mutating func moveCursor(to index: Int, height: Int) {
        cursor = max(0, min(index, rowCount - 1))
        scroll = keptInSight(scroll, cursor: cursor, rows: rowCount, height: height)
    }
}

/// The first row a view `height` rows tall shows so that `cursor` is in it, moving `scroll` as
/// little as it can, and never past the end of `rows` rows.
func keptInSight(_ scroll: Int, cursor: Int, rows: Int, height: Int) -> Int {
    let h = max(1, height)
    var first = scroll
    if cursor < first { first = cursor }
    if cursor >= first + h { first = cursor - h + 1 }
    return max(0, min(first, max(0, rows - h)))
}

extension CursorList {
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

/// Scrolling a full-screen text of `lines` lines (the help, a command's output) in a view `page`
/// rows tall: the new first line for a movement key, stopping where the last line shows, or nil
/// for any other key, which closes it as in less.
func scrolledOverlay(_ scroll: Int, _ action: Action?, page: Int, lines: Int) -> Int? {
    let next: Int
    switch action {
    case .down: next = scroll + 1
    case .up: next = scroll - 1
    case .pageDown, .halfPageDown: next = scroll + page / 2
    case .pageUp, .halfPageUp: next = scroll - page / 2
    default: return nil
    }
    return max(0, min(next, lines - page))
}
