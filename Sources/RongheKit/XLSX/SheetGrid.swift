/// A whole sheet in memory as a rectangle of values starting at `A1`; for small sheets such as
/// survey forms. Batch sheets should be streamed with ``XLSXReader/forEachRow(inSheet:_:)``.
public struct SheetGrid: Sendable, Hashable {
    /// The number of rows, up to the last row with a value.
    public let rowCount: Int
    /// The number of columns, up to the rightmost column with a value.
    public let columnCount: Int
    /// The values; `rows[0][0]` is `A1`. Every row has ``columnCount`` values.
    public let rows: [[CellValue]]

    /// Creates a grid from rows of equal length.
    public init(rows: [[CellValue]]) {
        let columnCount = rows.first?.count ?? 0
        precondition(rows.allSatisfy { $0.count == columnCount }, "grid rows must have equal length")
        self.rows = rows
        self.rowCount = rows.count
        self.columnCount = columnCount
    }

    /// The value at a 1-based row and column, or ``CellValue/empty`` outside the grid.
    public subscript(row: Int, column: Int) -> CellValue {
        guard row >= 1, row <= rowCount, column >= 1, column <= columnCount else { return .empty }
        return rows[row - 1][column - 1]
    }

    /// The value at a reference, or ``CellValue/empty`` outside the grid.
    public subscript(reference: CellReference) -> CellValue {
        self[reference.row, reference.column]
    }
}
