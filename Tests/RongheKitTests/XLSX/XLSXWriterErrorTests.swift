import Testing

@testable import RongheKit

@Suite struct XLSXWriterErrorTests {
    @Test func locatesSheetAndCellLikeACompiler() {
        let error = XLSXWriterError(path: "reports/x.xlsx", sheet: "排名", cell: "B7", reason: .nonFiniteNumber(.nan))
        #expect(
            error.description
                == "reports/x.xlsx:排名!B7: error: cannot write nan: Excel stores only finite numbers; write a blank cell instead")
    }

    @Test func omitsMissingParts() {
        let workbookOnly = XLSXWriterError(path: "out.xlsx", reason: .workbookClosed)
        #expect(workbookOnly.description == "out.xlsx: error: the workbook has already been closed; nothing more can be written to it")
        let sheetOnly = XLSXWriterError(path: "out.xlsx", sheet: "_lists", reason: .invalidArgument("zoom 5% is outside Excel's 10...400"))
        #expect(sheetOnly.description == "out.xlsx:_lists: error: zoom 5% is outside Excel's 10...400")
    }

    @Test func carriesLibraryMessage() {
        let error = XLSXWriterError(
            path: "a.xlsx", reason: .library(function: "workbook_close", code: 2, message: "Error creating output xlsx file. Usually a permissions error."))
        #expect(
            error.description
                == "a.xlsx: error: libxlsxwriter error 2 in workbook_close: Error creating output xlsx file. Usually a permissions error.")
    }

    @Test(arguments: [
        (XLSXWriterError.Reason.cellOutOfRange(row: 1_048_576, column: 0),
         "row 1048576, column 0 (zero-based) is outside the sheet; Excel has rows 0...1048575 and columns 0...16383"),
        (.reversedRange(firstRow: 5, firstColumn: 0, lastRow: 3, lastColumn: 2),
         "range from row 5, column 0 to row 3, column 2 (zero-based) ends before it starts"),
        (.textTooLong(length: 32_768, limit: 32_767),
         "text of 32768 UTF-16 units is longer than Excel's limit of 32767 per cell"),
        (.rowAlreadyFlushed(row: 2, currentRow: 6),
         "row 2 (zero-based) was already written to the file, since row 6 has been started; in constant-memory mode rows must be written in ascending order"),
        (.overlappingMerge(existing: "A1:C1"),
         "merged range overlaps the merged range A1:C1; Excel reports overlapping merges as corrupt"),
        (.dateOutOfRange(year: 1899),
         "year 1899 is outside the years 1900...9999 that Excel's 1900 date system can show"),
    ])
    func messages(reason: XLSXWriterError.Reason, expected: String) {
        #expect(XLSXWriterError(path: "p", reason: reason).message == expected)
    }
}
