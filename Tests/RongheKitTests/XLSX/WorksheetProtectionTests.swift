import Foundation
import Testing

@testable import RongheKit

@Suite struct WorksheetProtectionTests {
    @Test func surveyFormWithUnlockedInputCells() throws {
        let directory = try WriterTestSupport.TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("form.xlsx")
        let book = try XLSXWriter(path: path)
        let form = try book.addWorksheet(named: "问卷")
        let input = CellStyle(fillColor: XLSXColor(rgb: 0xFF_F2CC), borders: .all(.thin), numberFormat: "@", isLocked: false)
        for row in 0..<10 {
            try form.write("问题\(row + 1)", row: row, column: 0)
            try form.writeBlank(row: row, column: 1, style: input)
        }
        try form.protect(.inputCellsOnly(password: "ronghe"))
        let other = try book.addWorksheet(named: "说明")
        try other.protect(WorksheetProtection(allowsFormattingColumns: true, allowsSorting: true, allowsFiltering: true))
        try book.close()
        #expect(WriterTestSupport.isZipFile(path))
    }

    @Test func inputCellsOnlyForbidsSelectingLockedCells() {
        let protection = WorksheetProtection.inputCellsOnly()
        #expect(!protection.allowsSelectingLockedCells)
        #expect(protection.allowsSelectingUnlockedCells)
        #expect(protection.password == nil)
    }

    @Test func overlongPasswordIsRefused() throws {
        let book = try XLSXWriter(path: "f.xlsx")
        let form = try book.addWorksheet(named: "问卷")
        #expect(
            WriterTestSupport.errorText { try form.protect(WorksheetProtection(password: String(repeating: "p", count: 256))) }
                == "f.xlsx:问卷: error: protection password is longer than Excel's 255 characters")
    }
}
