import Engine

/// An in-memory screen: rows of cells, each with the role it was drawn in.
///
/// Tests and the render benchmark draw into it exactly as into a terminal and then
/// read it back as text (`text`) or as roles (`role(atRow:column:)`).
final class GridScreen: Screen {
    struct Cell: Equatable { var character: String; var role: Role }

    let rows: Int
    let columns: Int
    private(set) var cells: [[Cell]]
    private(set) var drawCount = 0

    init(rows: Int, columns: Int) {
        self.rows = rows
        self.columns = columns
        cells = Array(repeating: Array(repeating: Cell(character: " ", role: .normal), count: columns), count: rows)
    }

    func draw(_ line: StyledLine, at row: Int) {
        guard row >= 0 && row < rows else { return }
        drawCount += 1
        var rowCells = Array(repeating: Cell(character: " ", role: .normal), count: columns)
        var col = 0
        for span in line.spans {
            for ch in span.text {
                let w = TerminalText.width(String(ch))
                guard col + w <= columns else { break }
                rowCells[col] = Cell(character: String(ch), role: span.role)
                // A wide character covers the next column too.
                if w == 2 { rowCells[col + 1] = Cell(character: "", role: span.role) }
                col += max(w, w == 0 ? 0 : 1)
            }
        }
        cells[row] = rowCells
    }

    func flush() {}

    func text(row: Int) -> String { cells[row].map(\.character).joined() }
    var text: String { (0..<rows).map { text(row: $0) }.joined(separator: "\n") }
    func role(atRow row: Int, column: Int) -> Role { cells[row][column].role }

    /// The first row containing `needle`, if any.
    func row(containing needle: String) -> Int? { (0..<rows).first { text(row: $0).contains(needle) } }
}
