internal import CXLSXWriter
import Foundation

/// One worksheet of an ``XLSXWriter`` workbook: cells, rows, columns, view and print settings.
///
/// Get one from ``XLSXWriter/addWorksheet(named:)``. Rows and columns are zero-based (row 0 is
/// Excel's row 1, column 0 is column A). Every method throws ``XLSXWriterError`` naming this
/// sheet and the cell concerned; once the workbook is closed every method throws
/// ``XLSXWriterError/Reason/workbookClosed``.
///
/// Values are written as their own types and never reinterpreted: a `String` is always stored as
/// text, so `=SUM(A1)`, `0012` or an 18-character unified social credit code stay text; formulas
/// go through `write(_:row:column:style:)` with a ``Formula``.
public final class Worksheet {
    /// The workbook this sheet belongs to; a sheet keeps its workbook alive.
    public let workbook: XLSXWriter
    let state: SheetState

    /// The sheet's name as shown on its tab.
    public var name: String { state.name }
    /// The sheet's zero-based position in the tab order.
    public var index: Int { state.index }
    /// Whether the sheet has been hidden with ``hide()``.
    public var isHidden: Bool { state.isHidden }

    /// What the workbook keeps per sheet, so that nothing is lost when callers drop their
    /// `Worksheet` (the workbook owns this; a `Worksheet` is a handle onto it).
    final class SheetState {
        let name: String
        let index: Int
        let handle: UnsafeMutablePointer<lxw_worksheet>
        let constantMemory: Bool
        var isHidden = false
        /// Whether manual page breaks have been set (libxlsxwriter 1.1.4 leaks a replaced list).
        var hasPageBreaks = false
        /// In constant-memory mode, the row libxlsxwriter is holding; earlier rows are on disk.
        var currentRow = -1
        var merges: [WorksheetRange] = []
        /// For each row, the indices in `merges` of the ranges covering it, so that checking a new
        /// merge for overlaps costs the rows it spans, not the number of earlier merges (a report
        /// may merge one cell per row over 100,000 rows).
        var mergesByRow: [Int: [Int]] = [:]
        var columnSettings: [Int: ColumnSettings] = [:]
        var fitOptions: ColumnWidth.FitOptions?
        var widestContent: [Int: Double] = [:]

        init(name: String, index: Int, handle: UnsafeMutablePointer<lxw_worksheet>, constantMemory: Bool) {
            self.name = name
            self.index = index
            self.handle = handle
            self.constantMemory = constantMemory
        }

        /// Closes the constant-memory row file of a workbook that is freed without being closed.
        func closeTemporaryFile() {
            if let file = handle.pointee.optimize_tmpfile {
                fclose(file)
                handle.pointee.optimize_tmpfile = nil
            }
        }
    }

    struct ColumnSettings: Equatable {
        var width: Double?
        var style: CellStyle?
        var isHidden = false
    }

    init(workbook: XLSXWriter, state: SheetState) {
        self.workbook = workbook
        self.state = state
    }

    /// A reference to `range` on this sheet, for validation lists, chart series and formulas.
    public func reference(to range: WorksheetRange) -> QualifiedRange {
        QualifiedRange(sheet: name, range: range)
    }

    // MARK: - Writing cells

    /// Writes `text` as a string cell, whatever it looks like.
    ///
    /// Text starting with `=`, digits with leading zeros and long identifiers are stored as
    /// text, never as formulas or numbers; a literal `_x0041_` is escaped so Excel does not
    /// decode it. Empty text writes a blank cell when a style is given and nothing otherwise.
    /// Throws for text over 32,767 UTF-16 units or containing U+0000.
    public func write(_ text: String, row: Int, column: Int, style: CellStyle? = nil) throws {
        try checkCell(row: row, column: column)
        let cell = { XLSXWriter.cellName(row: row, column: column) }  // named only for errors
        try checkText(text, cell: cell())
        let (book, handle) = try live()
        try claimRows(row, through: row, cell: cell())
        let format = try book.cellFormat(for: style, sheet: name, cell: cell())
        try book.check(
            worksheet_write_string(handle, lxw_row_t(row), lxw_col_t(column), Self.storedText(text), format),
            "worksheet_write_string", sheet: name, cell: cell())
        noteWidth(ColumnWidth.displayWidth(of: text), column: column, style: style)
    }

    /// Writes a number.
    ///
    /// NaN and infinities throw ``XLSXWriterError/Reason/nonFiniteNumber(_:)``: libxlsxwriter would
    /// write them as `nan`/`inf`, which Excel reports as a corrupt file. Write a blank instead.
    public func write(_ number: Double, row: Int, column: Int, style: CellStyle? = nil) throws {
        try checkCell(row: row, column: column)
        let cell = { XLSXWriter.cellName(row: row, column: column) }  // named only for errors
        guard number.isFinite else {
            throw error(.nonFiniteNumber(number), cell: cell())
        }
        let (book, handle) = try live()
        try claimRows(row, through: row, cell: cell())
        let format = try book.cellFormat(for: style, sheet: name, cell: cell())
        try book.check(
            worksheet_write_number(handle, lxw_row_t(row), lxw_col_t(column), number, format),
            "worksheet_write_number", sheet: name, cell: cell())
        noteWidth(ColumnWidth.estimatedWidth(of: number, numberFormat: style?.numberFormat), column: column, style: style)
    }

    /// Writes an integer as a number; Excel keeps 15 significant digits, so write identifiers as text.
    public func write(_ number: Int, row: Int, column: Int, style: CellStyle? = nil) throws {
        try write(Double(number), row: row, column: column, style: style)
    }

    /// Writes a boolean, shown as TRUE or FALSE.
    public func write(_ value: Bool, row: Int, column: Int, style: CellStyle? = nil) throws {
        try checkCell(row: row, column: column)
        let cell = { XLSXWriter.cellName(row: row, column: column) }  // named only for errors
        let (book, handle) = try live()
        try claimRows(row, through: row, cell: cell())
        let format = try book.cellFormat(for: style, sheet: name, cell: cell())
        try book.check(
            worksheet_write_boolean(handle, lxw_row_t(row), lxw_col_t(column), value ? 1 : 0, format),
            "worksheet_write_boolean", sheet: name, cell: cell())
        noteWidth(value ? 4 : 5, column: column, style: style)
    }

    /// Writes a blank cell carrying `style`, such as a bordered empty input cell.
    ///
    /// Without a style nothing is written (an unstyled blank cell is no cell at all).
    public func writeBlank(row: Int, column: Int, style: CellStyle? = nil) throws {
        try checkCell(row: row, column: column)
        let cell = { XLSXWriter.cellName(row: row, column: column) }  // named only for errors
        let (book, handle) = try live()
        try claimRows(row, through: row, cell: cell())
        let format = try book.cellFormat(for: style, sheet: name, cell: cell())
        try book.check(
            worksheet_write_blank(handle, lxw_row_t(row), lxw_col_t(column), format),
            "worksheet_write_blank", sheet: name, cell: cell())
    }

    /// Writes a date and time as seen in `timeZone`, as an Excel date serial.
    ///
    /// When `style` has no number format, `yyyy-mm-dd` is used for midnight and
    /// `yyyy-mm-dd hh:mm:ss` otherwise, so the cell shows a date rather than a serial number.
    /// Years outside 1900...9999 throw ``XLSXWriterError/Reason/dateOutOfRange(year:)``.
    public func write(_ date: Date, timeZone: TimeZone, row: Int, column: Int, style: CellStyle? = nil) throws {
        let cell = try checkedCell(row: row, column: column)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .nanosecond], from: date)
        let year = parts.year ?? 0
        guard (1900...9999).contains(year) else { throw error(.dateOutOfRange(year: year), cell: cell) }
        var datetime = lxw_datetime()
        datetime.year = Int32(year)
        datetime.month = Int32(parts.month ?? 1)
        datetime.day = Int32(parts.day ?? 1)
        datetime.hour = Int32(parts.hour ?? 0)
        datetime.min = Int32(parts.minute ?? 0)
        datetime.sec = Double(parts.second ?? 0) + Double(parts.nanosecond ?? 0) / 1e9
        let isMidnight = datetime.hour == 0 && datetime.min == 0 && datetime.sec == 0
        var dateStyle = style ?? CellStyle()
        if dateStyle.numberFormat == nil {
            dateStyle.numberFormat = isMidnight ? "yyyy-mm-dd" : "yyyy-mm-dd hh:mm:ss"
        }
        let (book, handle) = try live()
        try claimRows(row, through: row, cell: cell)
        let format = try book.cellFormat(for: dateStyle, sheet: name, cell: cell)
        try book.check(
            worksheet_write_datetime(handle, lxw_row_t(row), lxw_col_t(column), &datetime, format),
            "worksheet_write_datetime", sheet: name, cell: cell)
        noteWidth(isMidnight ? 10 : 19, column: column, style: dateStyle)
    }

    /// Writes a formula; the only way a formula gets into a cell.
    public func write(_ formula: Formula, row: Int, column: Int, style: CellStyle? = nil) throws {
        let cell = try checkedCell(row: row, column: column)
        if let problem = formula.problem() { throw error(.invalidArgument(problem), cell: cell) }
        try XLSXWriter.checkCString(formula.expression, path: workbook.path, sheet: name, cell: cell, what: "the formula")
        let (book, handle) = try live()
        try claimRows(row, through: row, cell: cell)
        let format = try book.cellFormat(for: style, sheet: name, cell: cell)
        let r = lxw_row_t(row)
        let c = lxw_col_t(column)
        switch formula.cachedResult {
        case nil:
            try book.check(
                worksheet_write_formula(handle, r, c, formula.expression, format),
                "worksheet_write_formula", sheet: name, cell: cell)
        case let .number(value):
            try book.check(
                worksheet_write_formula_num(handle, r, c, formula.expression, format, value),
                "worksheet_write_formula_num", sheet: name, cell: cell)
            noteWidth(ColumnWidth.estimatedWidth(of: value, numberFormat: style?.numberFormat), column: column, style: style)
        case let .text(value):
            try checkText(value, cell: cell)
            try book.check(
                worksheet_write_formula_str(handle, r, c, formula.expression, format, Self.storedText(value)),
                "worksheet_write_formula_str", sheet: name, cell: cell)
            noteWidth(ColumnWidth.displayWidth(of: value), column: column, style: style)
        }
    }

    /// Writes a hyperlink, shown as `text` (or the URL itself) in the blue underlined link style
    /// unless `style` is given.
    ///
    /// URLs may be `http://`, `https://`, `ftp://`, `mailto:`, `internal:Sheet!A1` or
    /// `external:path`; libxlsxwriter limits them to 2,079 characters and 65,530 per sheet.
    public func writeURL(
        _ url: String, text: String? = nil, tooltip: String? = nil, row: Int, column: Int, style: CellStyle? = nil
    ) throws {
        let cell = try checkedCell(row: row, column: column)
        if let text { try checkText(text, cell: cell) }
        if let tooltip, tooltip.utf16.count > 255 {
            throw error(.invalidArgument("hyperlink tooltip is longer than Excel's 255 characters"), cell: cell)
        }
        let (book, handle) = try live()
        try claimRows(row, through: row, cell: cell)
        let format = try book.cellFormat(for: style, sheet: name, cell: cell)
        try book.withCStrings([url, text.map(Self.storedText), tooltip], sheet: name, cell: cell, what: "the hyperlink") {
            strings in
            try book.check(
                worksheet_write_url_opt(handle, lxw_row_t(row), lxw_col_t(column), strings[0], format, strings[1], strings[2]),
                "worksheet_write_url_opt", sheet: name, cell: cell)
        }
        noteWidth(ColumnWidth.displayWidth(of: text ?? url), column: column, style: style)
    }

    /// Merges `range` into one cell showing `text` in `style`.
    ///
    /// The range must have at least two cells and must not overlap an earlier merge (libxlsxwriter
    /// 1.1.4 does not check, and Excel then reports the file as corrupt). To show a number, merge
    /// and then write the number to the range's first cell (not possible in constant-memory mode,
    /// where rows below the first are already written). Merged cells do not count for auto-fit.
    public func merge(_ range: WorksheetRange, text: String = "", style: CellStyle? = nil) throws {
        let cell = try checkedRange(range)
        guard !range.isSingleCell else {
            throw error(.invalidArgument("a merged range needs at least two cells"), cell: cell)
        }
        let earlier = (range.firstRow...range.lastRow).lazy.flatMap { self.state.mergesByRow[$0] ?? [] }
        if let existing = earlier.map({ self.state.merges[$0] }).first(where: { $0.overlaps(range) }) {
            throw error(.overlappingMerge(existing: existing.a1()), cell: cell)
        }
        try checkText(text, cell: cell)
        let (book, handle) = try live()
        try claimRows(range.firstRow, through: range.lastRow, cell: cell)
        let format = try book.cellFormat(for: style, sheet: name, cell: cell)
        try book.check(
            worksheet_merge_range(
                handle, lxw_row_t(range.firstRow), lxw_col_t(range.firstColumn), lxw_row_t(range.lastRow),
                lxw_col_t(range.lastColumn), Self.storedText(text), format),
            "worksheet_merge_range", sheet: name, cell: cell)
        for row in range.firstRow...range.lastRow { state.mergesByRow[row, default: []].append(state.merges.count) }
        state.merges.append(range)
    }

    // MARK: - Rows and columns

    /// Sets a row's height in points (`nil` keeps the default 15), default style, and visibility.
    ///
    /// The style applies to empty cells of the row; written cells keep their own style. In
    /// constant-memory mode the row must not be before the row being written.
    public func setRow(_ row: Int, height: Double? = nil, style: CellStyle? = nil, isHidden: Bool = false) throws {
        let cell = try checkedCell(row: row, column: 0)
        if let height, !(0...409).contains(height) {
            throw error(.invalidArgument("row height \(height) is outside Excel's 0...409 points"), cell: cell)
        }
        let (book, handle) = try live()
        try claimRows(row, through: row, cell: cell)
        let format = try book.cellFormat(for: style, sheet: name, cell: cell)
        var options = lxw_row_col_options()
        options.hidden = isHidden ? 1 : 0
        try book.check(
            worksheet_set_row_opt(handle, lxw_row_t(row), height ?? LXW_DEF_ROW_HEIGHT, format, &options),
            "worksheet_set_row_opt", sheet: name, cell: cell)
    }

    /// Sets the width (in characters of the default font; `nil` leaves it to the default or to
    /// auto-fit), default style and visibility of `columns`.
    ///
    /// Settings are kept and handed to libxlsxwriter when the workbook is closed, one run of equal
    /// columns at a time, because libxlsxwriter 1.1.4 writes overlapping column ranges that Excel
    /// rejects. A later call for the same column replaces the earlier settings. An explicit width
    /// wins over auto-fit. The style applies to empty cells; written cells keep their own style.
    public func setColumns(
        _ columns: ClosedRange<Int>, width: Double? = nil, style: CellStyle? = nil, isHidden: Bool = false
    ) throws {
        let range = WorksheetRange(firstRow: 0, firstColumn: columns.lowerBound, lastRow: 0, lastColumn: columns.upperBound)
        _ = try checkedRange(range)
        let cell = XLSXWriter.columnName(columns.lowerBound) + ":" + XLSXWriter.columnName(columns.upperBound)
        if let width, !(0...255).contains(width) {
            throw error(.invalidArgument("column width \(width) is outside Excel's 0...255"), cell: cell)
        }
        let (book, _) = try live()
        // Make the format now so a bad style is reported here, not at close.
        _ = try book.cellFormat(for: style, sheet: name, cell: cell)
        for column in columns {
            state.columnSettings[column] = ColumnSettings(width: width, style: style, isHidden: isHidden)
        }
    }

    /// Sets the width, default style and visibility of one column; see ``setColumns(_:width:style:isHidden:)``.
    public func setColumn(_ column: Int, width: Double? = nil, style: CellStyle? = nil, isHidden: Bool = false) throws {
        try setColumns(column...column, width: width, style: style, isHidden: isHidden)
    }

    /// Starts sizing columns from their content: from now on the widest value written to each
    /// column is tracked, and columns without an explicit width get ``ColumnWidth/fitted(displayWidth:fontScale:options:)``
    /// of it when the workbook is closed.
    ///
    /// Text, numbers (as their number format roughly shows them), dates, booleans, hyperlink text
    /// and formula results given as cached values count; merged ranges, wrapped text and values
    /// written before this call do not. A cell's font size scales its width.
    public func enableAutoFit(_ options: ColumnWidth.FitOptions = ColumnWidth.FitOptions()) {
        state.fitOptions = options
    }

    /// The widths auto-fit would give now, by zero-based column, for columns without an explicit width.
    public var autoFitWidths: [Int: Double] {
        guard let fitOptions = state.fitOptions else { return [:] }
        var widths: [Int: Double] = [:]
        for (column, units) in state.widestContent where state.columnSettings[column]?.width == nil {
            widths[column] = min(fitOptions.maximum, max(fitOptions.minimum, units + fitOptions.padding))
        }
        return widths
    }

    /// Fixes the current auto-fit widths as explicit column widths, so later content no longer changes them.
    public func applyAutoFit() throws {
        _ = try live()
        for (column, width) in autoFitWidths {
            var settings = state.columnSettings[column] ?? ColumnSettings()
            settings.width = width
            state.columnSettings[column] = settings
        }
    }

    // MARK: - View

    /// Freezes the top `rows` rows and left `columns` columns so they stay visible when scrolling.
    public func freezePanes(rows: Int, columns: Int = 0) throws {
        let cell = try checkedCell(row: rows, column: columns)
        let (_, handle) = try live()
        guard rows > 0 || columns > 0 else {
            throw error(.invalidArgument("freezing panes needs at least one row or column"), cell: cell)
        }
        worksheet_freeze_panes(handle, lxw_row_t(rows), lxw_col_t(columns))
    }

    /// Adds filter buttons to the first row of `range` (usually the header row down to the last data row).
    ///
    /// In constant-memory mode libxlsxwriter needs the range's last row not yet written out, so
    /// set the filter before writing the rows below it (the range may be known in advance).
    public func setAutoFilter(_ range: WorksheetRange) throws {
        let cell = try checkedRange(range)
        let (book, handle) = try live()
        if state.constantMemory, range.lastRow < state.currentRow {
            throw error(
                .invalidArgument(
                    "in constant-memory mode an autofilter must be set before rows after its last row "
                        + "(\(range.lastRow), zero-based) are written; row \(state.currentRow) has been started"),
                cell: cell)
        }
        try book.check(
            worksheet_autofilter(
                handle, lxw_row_t(range.firstRow), lxw_col_t(range.firstColumn), lxw_row_t(range.lastRow),
                lxw_col_t(range.lastColumn)),
            "worksheet_autofilter", sheet: name, cell: cell)
    }

    /// Sets the zoom, 10...400 percent.
    public func setZoom(_ percent: Int) throws {
        let (_, handle) = try live()
        guard (10...400).contains(percent) else {
            throw error(.invalidArgument("zoom \(percent)% is outside Excel's 10...400"))
        }
        worksheet_set_zoom(handle, UInt16(percent))
    }

    /// Colours the sheet's tab.
    public func setTabColor(_ color: XLSXColor) throws {
        let (_, handle) = try live()
        worksheet_set_tab_color(handle, XLSXWriter.lxwColor(color))
    }

    /// Shows or hides gridlines on screen and in print (by default shown on screen, not printed).
    public func setGridlines(onScreen: Bool, inPrint: Bool) throws {
        let (_, handle) = try live()
        // worksheet_gridlines only switches flags on (except "hide all"), so start from nothing.
        worksheet_gridlines(handle, UInt8(LXW_HIDE_ALL_GRIDLINES.rawValue))
        switch (onScreen, inPrint) {
        case (false, false): break
        case (true, false): worksheet_gridlines(handle, UInt8(LXW_SHOW_SCREEN_GRIDLINES.rawValue))
        case (false, true): worksheet_gridlines(handle, UInt8(LXW_SHOW_PRINT_GRIDLINES.rawValue))
        case (true, true): worksheet_gridlines(handle, UInt8(LXW_SHOW_ALL_GRIDLINES.rawValue))
        }
    }

    /// Hides the sheet's tab, as for a sheet of validation lists.
    ///
    /// The active sheet must stay visible: ``XLSXWriter/close()`` throws if it is hidden, so
    /// when hiding the first sheet, ``activate()`` another.
    public func hide() throws {
        let (_, handle) = try live()
        worksheet_hide(handle)
        state.isHidden = true
    }

    /// Makes this the sheet shown when the workbook is opened (by default the first sheet).
    public func activate() throws {
        let (book, handle) = try live()
        guard !isHidden else {
            throw error(.invalidArgument("a hidden sheet cannot be activated"))
        }
        worksheet_activate(handle)
        book.activeSheetIndex = index
    }

    /// Selects the sheet's tab together with the active one, as a group.
    public func select() throws {
        let (_, handle) = try live()
        guard !isHidden else {
            throw error(.invalidArgument("a hidden sheet cannot be selected"))
        }
        worksheet_select(handle)
    }

    // MARK: - Internal plumbing shared with the other worksheet files

    /// The workbook and this sheet's handle, or the closed error.
    func live() throws -> (XLSXWriter, UnsafeMutablePointer<lxw_worksheet>) {
        guard !workbook.isClosed else { throw error(.workbookClosed) }
        return (workbook, state.handle)
    }

    func error(_ reason: XLSXWriterError.Reason, cell: String? = nil) -> XLSXWriterError {
        XLSXWriterError(path: workbook.path, sheet: name, cell: cell, reason: reason)
    }

    /// The A1 name of a cell inside the grid, or the out-of-range error.
    func checkedCell(row: Int, column: Int) throws -> String {
        try checkCell(row: row, column: column)
        return XLSXWriter.cellName(row: row, column: column)
    }

    /// Throws if the cell is outside the grid; the cheap check for the hot writing paths, which
    /// name the cell only when reporting an error.
    func checkCell(row: Int, column: Int) throws {
        guard (0..<XLSXWriter.maximumRows).contains(row), (0..<XLSXWriter.maximumColumns).contains(column) else {
            throw error(.cellOutOfRange(row: row, column: column))
        }
    }

    /// The A1 name of a range inside the grid with its corners in order, or the error.
    func checkedRange(_ range: WorksheetRange) throws -> String {
        _ = try checkedCell(row: range.firstRow, column: range.firstColumn)
        _ = try checkedCell(row: range.lastRow, column: range.lastColumn)
        guard range.firstRow <= range.lastRow, range.firstColumn <= range.lastColumn else {
            throw error(
                .reversedRange(
                    firstRow: range.firstRow, firstColumn: range.firstColumn, lastRow: range.lastRow,
                    lastColumn: range.lastColumn))
        }
        return range.a1()
    }

    func checkText(_ text: String, cell: @autoclosure () -> String) throws {
        let length = text.utf16.count
        if length > XLSXWriter.maximumTextLength {
            throw error(.textTooLong(length: length, limit: XLSXWriter.maximumTextLength), cell: cell())
        }
        if text.utf8.contains(0) { throw error(.textContainsNUL, cell: cell()) }
    }

    /// `text` as it must be stored so that Excel shows it unchanged.
    ///
    /// Excel decodes `_xHHHH_` in cell text as the character U+HHHH (the escape libxlsxwriter
    /// uses for control characters), but 1.1.4 writes such sequences typed literally as they
    /// are, so `_x0041_` would appear as `A`. Escaping the underscore as `_x005F_` keeps it.
    static func storedText(_ text: String) -> String {
        guard text.contains("_x") || text.contains("_X") else { return text }
        return text.replacing(/_[xX][0-9A-Fa-f]{4}_/) { "_x005F" + $0.output }
    }

    /// In constant-memory mode, refuses rows already flushed and records the rows now in use.
    func claimRows(_ first: Int, through last: Int, cell: @autoclosure () -> String) throws {
        guard state.constantMemory else { return }
        if first < state.currentRow {
            throw error(.rowAlreadyFlushed(row: first, currentRow: state.currentRow), cell: cell())
        }
        state.currentRow = max(state.currentRow, last)
    }

    private func noteWidth(_ units: @autoclosure () -> Int, column: Int, style: CellStyle?) {
        guard state.fitOptions != nil, style?.wrapsText != true else { return }
        let scaled = Double(units()) * (style?.fontSize ?? 11) / 11
        state.widestContent[column] = max(state.widestContent[column] ?? 0, scaled)
    }

    /// Hands the column settings and auto-fit widths to libxlsxwriter; called by ``XLSXWriter/close()``.
    func applyColumnSettings() throws {
        let (book, handle) = try live()
        let fitted = autoFitWidths
        var final: [Int: ColumnSettings] = state.columnSettings
        for (column, width) in fitted {
            var settings = final[column] ?? ColumnSettings()
            settings.width = width
            final[column] = settings
        }
        var runs: [(first: Int, last: Int, settings: ColumnSettings)] = []
        for column in final.keys.sorted() {
            let settings = final[column]!
            if let last = runs.last, last.last == column - 1, last.settings == settings {
                runs[runs.count - 1].last = column
            } else {
                runs.append((column, column, settings))
            }
        }
        for run in runs {
            let cell = XLSXWriter.columnName(run.first) + ":" + XLSXWriter.columnName(run.last)
            let format = try book.cellFormat(for: run.settings.style, sheet: name, cell: cell)
            var options = lxw_row_col_options()
            options.hidden = run.settings.isHidden ? 1 : 0
            try book.check(
                worksheet_set_column_opt(
                    handle, lxw_col_t(run.first), lxw_col_t(run.last), run.settings.width ?? LXW_DEF_COL_WIDTH, format,
                    &options),
                "worksheet_set_column_opt", sheet: name, cell: cell)
        }
    }
}
