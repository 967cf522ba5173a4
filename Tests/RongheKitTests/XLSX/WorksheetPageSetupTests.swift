import Foundation
import Testing

@testable import RongheKit

@Suite struct WorksheetPageSetupTests {
    @Test func reportPrintSetupIsWritten() throws {
        let directory = try WriterTestSupport.TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("print.xlsx")
        let book = try XLSXWriter(path: path)
        let sheet = try book.addWorksheet(named: "排名")
        for row in 0..<120 { try sheet.write("第\(row + 1)名", row: row, column: 0) }
        try sheet.setPageSetup(
            PageSetup(
                orientation: .landscape, paper: .a4, fitToPagesWide: 1, fitToPagesTall: 0, repeatRows: 0...1,
                repeatColumns: 0...0, printArea: WorksheetRange(firstRow: 0, firstColumn: 0, lastRow: 119, lastColumn: 6),
                margins: .init(left: 0.5, right: 0.5, top: 0.8, bottom: 0.8), header: "&C&\"等线,Bold\"两化融合评估排名",
                footer: "&C第 &P 页，共 &N 页", centersHorizontally: true))
        let second = try book.addWorksheet(named: "说明")
        try second.setPageSetup(PageSetup(paper: .a3, scale: 80, centersVertically: true))
        try book.close()
        #expect(WriterTestSupport.isZipFile(path))
    }

    @Test func problems() {
        #expect(PageSetup(fitToPagesWide: 0).problem() == "fit to 0 pages wide is outside 1...32767")
        #expect(PageSetup(scale: 500).problem() == "print scale 500% is outside Excel's 10...400")
        #expect(PageSetup(margins: .init(left: -1)).problem() == "left margin -1.0 in is outside 0..<49 inches")
        #expect(
            PageSetup(footer: String(repeating: "页", count: 256)).problem() == "footer of 256 characters is longer than Excel's 255")
        #expect(PageSetup(repeatRows: 0...1_048_576).problem() == "repeated rows 0...1048576 are outside the sheet")
        #expect(PageSetup().problem() == nil)
    }

    @Test func errorsNameTheSheet() throws {
        let book = try XLSXWriter(path: "p.xlsx")
        let sheet = try book.addWorksheet(named: "排名")
        #expect(
            WriterTestSupport.errorText { try sheet.setPageSetup(PageSetup(scale: 5)) }
                == "p.xlsx:排名: error: print scale 5% is outside Excel's 10...400")
    }
}
