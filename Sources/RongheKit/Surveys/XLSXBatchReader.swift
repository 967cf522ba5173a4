import Foundation

/// Reads batch workbooks: a sheet laid out like a batch CSV file, one enterprise per row.
///
/// The sheet used is the first visible one whose first rows hold a header; cells keep their
/// spreadsheet types (numbers, percentages, booleans, dates) and their addresses for messages.
public struct XLSXBatchReader {
    let mapper: FieldMapper

    public init(tree: IndicatorTree) {
        mapper = FieldMapper(tree: tree)
    }

    /// Calls `body` with each record of `workbook`, streaming; returns file-level warnings.
    @discardableResult
    public func forEachRecord(in workbook: XLSXReader, file: String, _ body: (RawSurvey) throws -> Void) throws -> [SurveyIssue] {
        for sheet in workbook.sheets where sheet.state == .visible && sheet.kind == .worksheet {
            if let warnings = try read(sheet, of: workbook, file: file, body) { return warnings }
        }
        throw BatchTable.noHeader(at: FileLocation(file: file))
    }

    /// Reads one sheet; nil when it has no header, so the next sheet is tried.
    private func read(_ sheet: SheetInfo, of workbook: XLSXReader, file: String, _ body: (RawSurvey) throws -> Void) throws -> [SurveyIssue]? {
        var table: BatchTable?
        var headerRow = 0
        var sawRecord = false
        var warnings: [SurveyIssue] = []
        var rowsSeen = 0
        do {
            try workbook.forEachRow(in: sheet) { row in
                rowsSeen += 1
                guard let header = table else {
                    if rowsSeen > BatchTable.headerSearchDepth { throw StopReading() }
                    var cells = [String](repeating: "", count: (row.cells.last?.reference.column ?? 0))
                    for cell in row.cells { cells[cell.reference.column - 1] = cell.value.description }
                    table = BatchTable(header: cells, mapper: mapper)
                    headerRow = row.number
                    if let table, let warning = table.unknownColumnsWarning(
                        at: FileLocation(file: file, place: .row(sheet: sheet.name, row: row.number)))
                    {
                        warnings.append(warning)
                    }
                    return
                }
                var fields: [RawField] = []
                for cell in row.cells {
                    let index = cell.reference.column - 1
                    guard index < header.columns.count, let key = header.columns[index],
                        let value = Self.rawValue(cell.value)
                    else { continue }
                    fields.append(RawField(
                        key: key, value: value,
                        location: FileLocation(file: file, place: .cell(sheet: sheet.name, reference: cell.reference.description))))
                }
                guard !fields.isEmpty else { return }
                sawRecord = true
                try body(RawSurvey(location: FileLocation(file: file, place: .row(sheet: sheet.name, row: row.number)), fields: fields))
            }
        } catch is StopReading {
            return nil
        } catch let error as XLSXError {
            throw SurveyFileError(error, file: file)
        }
        guard table != nil else { return nil }
        if !sawRecord { throw BatchTable.noRecords(at: FileLocation(file: file, place: .row(sheet: sheet.name, row: headerRow))) }
        return warnings
    }

    private struct StopReading: Error {}

    /// A cell as a raw value; nil for an empty cell.
    static func rawValue(_ value: CellValue) -> RawValue? {
        switch value {
        case .empty: return nil
        case .string(let text): return text.isEmpty ? nil : .text(text)
        case .number(let number): return .number(number)
        case .percentage(let fraction): return .percentNumber(fraction)
        case .boolean(let flag): return .bool(flag)
        case .date(let date): return .date(year: date.year, month: date.month, day: date.day)
        case .error(let code): return .text(code)
        }
    }
}
