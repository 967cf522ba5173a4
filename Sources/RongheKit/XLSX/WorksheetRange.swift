import Foundation

/// A rectangle of cells on one worksheet, by zero-based row and column.
///
/// The writer takes zero-based indices throughout, like libxlsxwriter: row 0 is Excel's row 1,
/// column 0 is column A. A range is not checked when made; the writer checks it when it is used
/// and throws ``XLSXWriterError`` if it is reversed or leaves the grid.
public struct WorksheetRange: Hashable, Sendable, CustomStringConvertible {
    /// The first (top) row, zero-based.
    public var firstRow: Int
    /// The first (leftmost) column, zero-based.
    public var firstColumn: Int
    /// The last (bottom) row, zero-based and inclusive.
    public var lastRow: Int
    /// The last (rightmost) column, zero-based and inclusive.
    public var lastColumn: Int

    /// Creates a range from its corners, both inclusive.
    public init(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) {
        self.firstRow = firstRow
        self.firstColumn = firstColumn
        self.lastRow = lastRow
        self.lastColumn = lastColumn
    }

    /// Creates a range of one cell.
    public init(row: Int, column: Int) {
        self.init(firstRow: row, firstColumn: column, lastRow: row, lastColumn: column)
    }

    /// Creates the range of `rows` in one column, such as a column of values for a chart series.
    public init(rows: ClosedRange<Int>, column: Int) {
        self.init(firstRow: rows.lowerBound, firstColumn: column, lastRow: rows.upperBound, lastColumn: column)
    }

    /// Creates the range of `columns` in one row.
    public init(row: Int, columns: ClosedRange<Int>) {
        self.init(firstRow: row, firstColumn: columns.lowerBound, lastRow: row, lastColumn: columns.upperBound)
    }

    /// Whether the range is a single cell.
    public var isSingleCell: Bool { firstRow == lastRow && firstColumn == lastColumn }

    /// Whether the two ranges share at least one cell.
    public func overlaps(_ other: WorksheetRange) -> Bool {
        firstRow <= other.lastRow && other.firstRow <= lastRow
            && firstColumn <= other.lastColumn && other.firstColumn <= lastColumn
    }

    /// The range in A1 notation, `B2:D9`, or `B2` for a single cell; relative unless `absolute`.
    ///
    /// Indices outside the grid are written as `R…C…` (one-based) so a message about a bad range
    /// still shows something readable.
    public func a1(absolute: Bool = false) -> String {
        let first = XLSXWriter.cellName(row: firstRow, column: firstColumn, absolute: absolute)
        if isSingleCell { return first }
        return first + ":" + XLSXWriter.cellName(row: lastRow, column: lastColumn, absolute: absolute)
    }

    /// The range in relative A1 notation.
    public var description: String { a1() }
}

/// A range on a named sheet, as formulas, validation lists and chart series refer to it.
public struct QualifiedRange: Hashable, Sendable, CustomStringConvertible {
    /// The name of the sheet holding the range.
    public var sheet: String
    /// The cells on that sheet.
    public var range: WorksheetRange

    /// Creates a reference to `range` on the sheet named `sheet`.
    public init(sheet: String, range: WorksheetRange) {
        self.sheet = sheet
        self.range = range
    }

    /// The absolute formula reference, such as `'_lists'!$A$1:$A$5`.
    ///
    /// The sheet name is always quoted (an apostrophe in it doubled), which Excel accepts for
    /// every name, Chinese ones included.
    public var formula: String {
        XLSXWriter.quotedSheetName(sheet) + "!" + range.a1(absolute: true)
    }

    /// The same as ``formula``.
    public var description: String { formula }
}

extension XLSXWriter {
    /// The number of rows in a worksheet, 1,048,576.
    public static let maximumRows = 1_048_576
    /// The number of columns in a worksheet, 16,384 (A to XFD).
    public static let maximumColumns = 16_384
    /// The most UTF-16 units one cell can hold, 32,767.
    public static let maximumTextLength = 32_767

    /// The letters of a zero-based column: 0 is `A`, 25 is `Z`, 26 is `AA`, 16,383 is `XFD`.
    ///
    /// A negative column gives an empty string; callers check bounds first.
    public static func columnName(_ column: Int) -> String {
        guard column >= 0 else { return "" }
        var letters: [Character] = []
        var remaining = column + 1
        while remaining > 0 {
            let digit = (remaining - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + digit))))
            remaining = (remaining - 1) / 26
        }
        return String(letters.reversed())
    }

    /// The A1 name of a zero-based cell, `B7` for row 6, column 1; `$B$7` when `absolute`.
    ///
    /// A cell outside the grid is named `R<row+1>C<column+1>` so diagnostics stay readable.
    public static func cellName(row: Int, column: Int, absolute: Bool = false) -> String {
        guard (0..<maximumRows).contains(row), (0..<maximumColumns).contains(column) else {
            return "R\(row + 1)C\(column + 1)"
        }
        let dollar = absolute ? "$" : ""
        return dollar + columnName(column) + dollar + String(row + 1)
    }

    /// The sheet name quoted for use in a formula: `'排名'`, with any apostrophe doubled.
    public static func quotedSheetName(_ name: String) -> String {
        "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
