/// A plain-text table for people: a header, a rule of dashes and rows, in aligned columns.
///
/// Widths count terminal columns, so Chinese names line up (a CJK character is two columns).
/// Numeric columns are right-aligned. Control characters in cells (newlines, tabs, escapes) are
/// shown as spaces, so text from enterprises cannot break the layout or drive the terminal.
/// Columns are separated by two spaces; lines carry no trailing spaces.
public struct TextTable: Sendable {
    /// How a column's cells line up.
    public enum Alignment: Sendable {
        /// Right when every non-empty cell is a number (`12`, `-3.5`, `1,234`, `85%`), else left.
        case automatic
        /// Cells start at the column's left edge.
        case left
        /// Cells end at the column's right edge.
        case right
    }

    /// A column's title and alignment.
    public struct Column: Sendable {
        /// The header text.
        public var title: String
        /// How the cells and the title line up.
        public var alignment: Alignment

        /// Creates a column.
        public init(_ title: String, alignment: Alignment = .automatic) {
            self.title = title
            self.alignment = alignment
        }
    }

    /// The columns, left to right.
    public var columns: [Column]
    /// The rows added so far, each with one cell per column.
    public private(set) var rows: [[String]] = []

    /// Creates an empty table.
    public init(columns: [Column]) {
        self.columns = columns
    }

    /// Creates an empty table of automatically aligned columns with these titles.
    public init(_ titles: String...) {
        self.columns = titles.map { Column($0) }
    }

    /// Adds a row; it must have one cell per column.
    public mutating func append(_ row: [String]) {
        precondition(row.count == columns.count, "a row of \(row.count) cells for \(columns.count) columns")
        rows.append(row.map(Self.sanitized))
    }

    /// The table as lines ending in newlines.
    public func render() -> String {
        let titles = columns.map { Self.sanitized($0.title) }
        let widths = columns.indices.map { column in
            ([titles[column]] + rows.map { $0[column] }).map(TextWidth.of).max() ?? 0
        }
        let rightAligned = columns.indices.map { column in
            switch columns[column].alignment {
            case .left: false
            case .right: true
            case .automatic:
                rows.contains { !$0[column].isEmpty }
                    && rows.allSatisfy { $0[column].isEmpty || Self.isNumeric($0[column]) }
            }
        }
        func line(_ cells: [String]) -> String {
            let padded = cells.indices.map { column in
                let padding = String(repeating: " ", count: widths[column] - TextWidth.of(cells[column]))
                return rightAligned[column] ? padding + cells[column] : cells[column] + padding
            }
            return padded.joined(separator: "  ").trailingSpacesRemoved + "\n"
        }
        return line(titles) + line(widths.map { String(repeating: "-", count: $0) })
            + rows.map(line).joined()
    }

    private static func sanitized(_ cell: String) -> String {
        String(cell.map { $0.unicodeScalars.contains { $0.properties.generalCategory == .control } ? " " : $0 })
    }

    private static func isNumeric(_ cell: String) -> Bool {
        var text = Substring(cell)
        if text.last == "%" { text.removeLast() }
        if text.first == "-" || text.first == "+" { text.removeFirst() }
        let digits = text.filter { $0 != "," }
        guard let first = digits.first, first.isASCII, first.isNumber else { return false }
        return digits.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") }
            && digits.filter { $0 == "." }.count <= 1
    }
}
