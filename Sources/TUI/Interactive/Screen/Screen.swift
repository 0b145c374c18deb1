/// Where frames are drawn: the terminal through curses, or an in-memory grid in tests.
///
/// Presentation code never talks to curses; it produces `StyledLine`s, and a
/// `Renderer` hands a screen only the rows that changed since the last frame.
protocol Screen: AnyObject {
    var rows: Int { get }
    var columns: Int { get }
    /// Replaces row `row` with `line` (already fitted to the width).
    func draw(_ line: StyledLine, at row: Int)
    /// Makes the drawn rows visible.
    func flush()
}

/// Remembers the last frame and redraws only rows that differ.
final class Renderer {
    private var previous: [StyledLine] = []
    private(set) var rowsDrawnLastFrame = 0

    func render(_ frame: [StyledLine], on screen: Screen, force: Bool = false) {
        if force || previous.count != frame.count { previous = [] }
        rowsDrawnLastFrame = 0
        for (row, line) in frame.enumerated() where row >= previous.count || previous[row] != line {
            screen.draw(line, at: row)
            rowsDrawnLastFrame += 1
        }
        previous = frame
        screen.flush()
    }

    func invalidate() { previous = [] }
}
