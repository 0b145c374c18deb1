import Engine

/// A plain-text table sized by display width; every cell is made inert first.
struct Table {
    struct Column {
        var title: String
        var alignRight = false
        /// The column that shrinks when the terminal is narrow (the name).
        var flexible = false
    }

    var columns: [Column]
    var rows: [[String]] = []
    /// Per row, an SGR color code for one column, applied after padding.
    var colors: [(column: Int, code: String)?] = []

    init(_ columns: [Column]) { self.columns = columns }

    mutating func add(_ cells: [String], color: (column: Int, code: String)? = nil) {
        rows.append(cells.map(TerminalText.inert))
        colors.append(color)
    }

    func render(maxWidth: Int?) -> [String] {
        var widths = columns.map { TerminalText.width($0.title) }
        for row in rows {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], TerminalText.width(cell)) }
        }
        if let maxWidth, let flex = columns.firstIndex(where: \.flexible) {
            let others = widths.enumerated().filter { $0.offset != flex }.reduce(0) { $0 + $1.element } + 2 * (columns.count - 1)
            widths[flex] = max(8, min(widths[flex], maxWidth - others))
        }
        func line(_ cells: [String], color: (column: Int, code: String)?) -> String {
            var parts: [String] = []
            for (i, column) in columns.enumerated() {
                let cell = i < cells.count ? cells[i] : ""
                var text = i == columns.count - 1 && !column.alignRight
                    ? TerminalText.truncate(cell, to: widths[i])
                    : TerminalText.pad(cell, to: widths[i], alignRight: column.alignRight)
                if let color, color.column == i { text = Console.color(text, color.code) }
                parts.append(text)
            }
            return parts.joined(separator: "  ")
        }
        var lines = [Console.color(line(columns.map(\.title), color: nil), "1")]
        for (row, color) in zip(rows, colors) { lines.append(line(row, color: color)) }
        return lines
    }

    func print() {
        for line in render(maxWidth: Console.columns) { Console.out(line) }
    }
}
