/// One cell with a value, and where it is.
public struct SheetCell: Sendable, Hashable {
    /// The cell's address.
    public let reference: CellReference
    /// The cell's value; never ``CellValue/empty``, as cells without a value are left out of rows.
    public let value: CellValue

    /// Creates a cell.
    public init(reference: CellReference, value: CellValue) {
        self.reference = reference
        self.value = value
    }
}

/// One row of a sheet as it is streamed: its number and the cells that have a value.
///
/// Rows come in sheet order; rows without any value are skipped, so compare ``number`` rather
/// than counting rows.
public struct SheetRow: Sendable, Hashable {
    /// The 1-based row number.
    public let number: Int
    /// The cells with a value, left to right.
    public let cells: [SheetCell]

    /// Creates a row.
    public init(number: Int, cells: [SheetCell]) {
        self.number = number
        self.cells = cells
    }

    /// The value in a 1-based column, or ``CellValue/empty`` if that cell has none.
    public subscript(column: Int) -> CellValue {
        // Cells are sorted by column; rows are short, so a linear search is fine.
        cells.first(where: { $0.reference.column == column })?.value ?? .empty
    }

    /// The value in the column with these letters (`"C"`), or ``CellValue/empty``.
    public subscript(column letters: String) -> CellValue {
        guard let column = CellReference.columnNumber(letters) else { return .empty }
        return self[column]
    }
}
