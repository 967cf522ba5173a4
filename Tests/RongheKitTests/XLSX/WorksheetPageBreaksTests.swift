import Foundation
import Testing

@testable import RongheKit

@Suite struct WorksheetPageBreaksTests {
    /// The worksheet XML of the first sheet of the workbook at `path`.
    static func firstSheetXML(_ path: String) throws -> String {
        String(decoding: try ZipArchive(path: path).data(ofEntry: "xl/worksheets/sheet1.xml"), as: UTF8.self)
    }

    @Test(arguments: [false, true]) func breaksAreWrittenSortedWithoutRepeats(constantMemory: Bool) throws {
        let directory = try WriterTestSupport.TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("breaks.xlsx")
        let book = try XLSXWriter(path: path, options: .init(constantMemory: constantMemory))
        let sheet = try book.addWorksheet(named: "企业画像")
        for row in 0..<60 { try sheet.write("第\(row + 1)行", row: row, column: 0) }
        // After the rows: constant-memory mode keeps breaks apart from the flushed rows.
        try sheet.setPageBreaks(beforeRows: [40, 20, 20])
        try book.close()
        let xml = try Self.firstSheetXML(path)
        // Excel's id is the last row (one-based) before the break: zero-based 20 is the break
        // between rows 20 and 21.
        #expect(xml.contains(
            #"<rowBreaks count="2" manualBreakCount="2"><brk id="20" max="16383" man="1"/><brk id="40" max="16383" man="1"/></rowBreaks>"#))
    }

    @Test func noBreaksWritesNothing() throws {
        let directory = try WriterTestSupport.TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("none.xlsx")
        let book = try XLSXWriter(path: path)
        let sheet = try book.addWorksheet(named: "Sheet1")
        try sheet.write("x", row: 0, column: 0)
        try sheet.setPageBreaks(beforeRows: [])
        try book.close()
        #expect(!(try Self.firstSheetXML(path)).contains("rowBreaks"))
    }

    @Test func problems() throws {
        let book = try XLSXWriter(path: "b.xlsx")
        let sheet = try book.addWorksheet(named: "画像")
        #expect(
            WriterTestSupport.errorText { try sheet.setPageBreaks(beforeRows: [0, 5]) }
                == "b.xlsx:画像: error: a page break needs a row above it; row 0 (zero-based) cannot take one")
        #expect(
            WriterTestSupport.errorText { try sheet.setPageBreaks(beforeRows: Array(1...1024)) }
                == "b.xlsx:画像: error: 1024 page breaks are more than Excel's 1023 per sheet")
        try sheet.setPageBreaks(beforeRows: Array(1...1023))
        #expect(
            WriterTestSupport.errorText { try sheet.setPageBreaks(beforeRows: [7]) }
                == "b.xlsx:画像: error: the sheet's page breaks are already set; give them all in one call")
    }
}
