import Foundation

/// Turns a sheet part's XML events into ``SheetRow`` values, one row at a time.
///
/// Only the current row is held in memory. Rows and cells without an `r` attribute continue from
/// the previous one, as LibreOffice and some generators write them; rows and cells must come in
/// order, as Excel writes and requires them.
final class SheetRowParser: XMLPartHandler {
    private let sheet: String
    private let sharedStrings: [String]?
    private let formats: CellFormats
    private let uses1904: Bool
    private let limits: XLSXLimits
    private let deliver: (SheetRow) throws -> Void

    private var inSheetData = false
    private var inRow = false
    private var rowNumber = 0
    private var previousRowNumber = 0
    private var previousColumn = 0
    private var cells: [SheetCell] = []
    private var cellCount = 0

    private var inCell = false
    private var reference = CellReference(column: 1, row: 1)!
    private var type: String?
    private var style = 0
    private var value = ""
    private var hasValue = false
    private var inValue = false
    private var inlineText = ""
    private var hasInlineString = false
    private var inInlineString = false
    private var inInlineText = false
    private var phoneticDepth = 0

    init(
        path: String, part: String, sheet: String, sharedStrings: [String]?, formats: CellFormats,
        uses1904: Bool, limits: XLSXLimits, deliver: @escaping (SheetRow) throws -> Void
    ) {
        self.sheet = sheet
        self.sharedStrings = sharedStrings
        self.formats = formats
        self.uses1904 = uses1904
        self.limits = limits
        self.deliver = deliver
        super.init(path: path, part: part)
    }

    /// The row being read, or nil between rows.
    var currentRow: Int? { inRow ? rowNumber : nil }

    override func start(_ name: String, attributes: [String: String]) throws {
        switch name {
        case "c" where inRow:
            try startCell(attributes)
        case "v" where inCell:
            inValue = true
            hasValue = true
            value = ""
        case "is" where inCell:
            inInlineString = true
            hasInlineString = true
            inlineText = ""
        case "rPh" where inInlineString:
            phoneticDepth += 1
        case "t" where inInlineString && phoneticDepth == 0:
            inInlineText = true
        case "row" where inSheetData:
            try startRow(attributes)
        case "sheetData":
            inSheetData = true
        default:
            break
        }
    }

    override func end(_ name: String) throws {
        switch name {
        case "v":
            inValue = false
        case "t":
            inInlineText = false
        case "rPh" where inInlineString:
            phoneticDepth -= 1
        case "is":
            inInlineString = false
        case "c" where inCell:
            inCell = false
            if let cellValue = try cellValue() {
                cells.append(SheetCell(reference: reference, value: cellValue))
            }
        case "row" where inRow:
            inRow = false
            if !cells.isEmpty {
                try deliver(SheetRow(number: rowNumber, cells: cells))
            }
        case "sheetData":
            inSheetData = false
        default:
            break
        }
    }

    override func text(_ text: String) throws {
        if inValue {
            value += text
            try SharedStringTable.check(value, limit: limits.maxStringLength, tooLong: tooLong)
        } else if inInlineText {
            inlineText += text
            try SharedStringTable.check(inlineText, limit: limits.maxStringLength, tooLong: tooLong)
        }
    }

    private func tooLong() -> Error {
        XLSXError(path: path, location: .cell(sheet: sheet, reference), problem: .stringTooLong(limit: limits.maxStringLength))
    }

    private func startRow(_ attributes: [String: String]) throws {
        if let text = attributes["r"] {
            guard let number = Int(text), number >= 1 else {
                throw invalid("invalid row number \"\(text)\"")
            }
            guard number <= CellReference.maxRow else {
                throw invalid("row \(text) is past the last row a sheet can have (\(CellReference.maxRow))")
            }
            guard number > previousRowNumber else {
                throw invalid("row \(number) comes after row \(previousRowNumber); rows must be in order")
            }
            rowNumber = number
        } else {
            guard previousRowNumber < CellReference.maxRow else {
                throw invalid("the sheet has more than \(CellReference.maxRow) rows")
            }
            rowNumber = previousRowNumber + 1
        }
        previousRowNumber = rowNumber
        previousColumn = 0
        inRow = true
        cells.removeAll(keepingCapacity: true)
    }

    private func startCell(_ attributes: [String: String]) throws {
        cellCount += 1
        guard cellCount <= limits.maxCellCount else {
            throw XLSXError(path: path, location: .sheet(sheet), problem: .tooManyCells(limit: limits.maxCellCount))
        }
        if let text = attributes["r"] {
            guard let parsed = CellReference.parse(text) else {
                if Self.isOutsideSheet(text) {
                    throw invalid("cell \(text) is outside a sheet, whose last column is "
                        + "\(CellReference.columnName(CellReference.maxColumn)) and last row \(CellReference.maxRow)")
                }
                throw invalid("invalid cell reference \"\(text)\"")
            }
            guard parsed.row == rowNumber else {
                throw invalid("cell \(parsed) is inside row \(rowNumber)")
            }
            guard parsed.column > previousColumn else {
                throw invalid("cell \(parsed) comes after column \(CellReference.columnName(previousColumn)); "
                    + "cells must be in order")
            }
            reference = parsed
        } else {
            guard let next = CellReference(column: previousColumn + 1, row: rowNumber) else {
                throw invalid("row \(rowNumber) has more than \(CellReference.maxColumn) columns")
            }
            reference = next
        }
        previousColumn = reference.column
        type = attributes["t"]
        style = attributes["s"].flatMap { Int($0) } ?? 0
        inCell = true
        hasValue = false
        hasInlineString = false
        value = ""
        inlineText = ""
        phoneticDepth = 0
    }

    /// Whether `text` is written like a cell reference (letters, then digits not starting with 0)
    /// but lies past Excel's last column or row, such as `XFE1` or `A1048577`.
    static func isOutsideSheet(_ text: String) -> Bool {
        let letters = text.prefix { ("A"..."Z").contains($0) || ("a"..."z").contains($0) }
        let digits = text.dropFirst(letters.count)
        return !letters.isEmpty && !digits.isEmpty && digits.first != "0" && digits.allSatisfy { ("0"..."9").contains($0) }
    }

    /// The value of the cell just closed, or `nil` if it has none.
    private func cellValue() throws -> CellValue? {
        let fail = { (problem: XLSXError.Problem) in
            XLSXError(path: self.path, location: .cell(sheet: self.sheet, self.reference), problem: problem)
        }
        // An empty <v/> (openpyxl writes one for formulas it did not calculate) is no value.
        let text = SharedStringTable.trimmed(value)
        let hasText = hasValue && !text.isEmpty
        switch type {
        case nil, "n":
            guard hasText else { return nil }
            guard let number = Double(text), number.isFinite else { throw fail(.invalidNumber(value)) }
            if formats.isDate(styleIndex: style), let date = CellDate(serial: number, uses1904DateSystem: uses1904) {
                return .date(date)
            }
            if formats.isPercentage(styleIndex: style) {
                return .percentage(number)
            }
            return .number(number)
        case "s":
            guard hasText else { return nil }
            guard let index = Int(text), index >= 0 else { throw fail(.invalidSharedStringIndex(value)) }
            guard let sharedStrings else { throw fail(.noSharedStrings(index: index)) }
            guard index < sharedStrings.count else {
                throw fail(.sharedStringOutOfRange(index: index, count: sharedStrings.count))
            }
            return .string(sharedStrings[index])
        case "inlineStr":
            if hasInlineString { return .string(SharedStringTable.decodeEscapes(inlineText)) }
            return hasText ? .string(SharedStringTable.decodeEscapes(value)) : nil
        case "str":
            return hasText ? .string(SharedStringTable.decodeEscapes(value)) : nil
        case "b":
            guard hasText else { return nil }
            switch text {
            case "1", "true": return .boolean(true)
            case "0", "false": return .boolean(false)
            default: throw fail(.invalidBoolean(value))
            }
        case "e":
            return hasText ? .error(text) : nil
        case "d":
            guard hasText else { return nil }
            guard let date = CellDate(iso8601: text, uses1904DateSystem: uses1904) else {
                throw fail(.invalidDate(value))
            }
            return .date(date)
        case let other?:
            throw fail(.unknownCellType(other))
        }
    }
}
