import Foundation
import Testing

@testable import RongheKit

@Suite struct WorksheetTests {
    /// A workbook that is never closed (so never written) with one sheet, for checks that throw.
    private func scratchSheet(_ name: String = "排名", constantMemory: Bool = false) throws -> (XLSXWriter, Worksheet) {
        let book = try XLSXWriter(path: "reports/x.xlsx", options: .init(constantMemory: constantMemory))
        return (book, try book.addWorksheet(named: name))
    }

    @Test func writesEveryKindOfValue() throws {
        let directory = try WriterTestSupport.TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("values.xlsx")
        let book = try XLSXWriter(path: path)
        let sheet = try book.addWorksheet(named: "数据")
        // Text that looks like a formula, a number with leading zeros or a long number stays text.
        try sheet.write("=SUM(A1)", row: 0, column: 0)
        try sheet.write("0012", row: 1, column: 0)
        try sheet.write("91350200MA2XYZ1234", row: 2, column: 0)
        try sheet.write("350203199001011234", row: 3, column: 0)
        try sheet.write("", row: 4, column: 0)
        try sheet.write("", row: 5, column: 0, style: CellStyle(borders: .all(.thin)))
        try sheet.write(87.5, row: 0, column: 1)
        try sheet.write(42, row: 1, column: 1)
        try sheet.write(true, row: 2, column: 1)
        try sheet.writeBlank(row: 3, column: 1, style: CellStyle(fillColor: .yellow, isLocked: false))
        let date = Date(timeIntervalSince1970: 1_700_000_000)  // 2023-11-14 22:13:20 UTC
        try sheet.write(date, timeZone: TimeZone(identifier: "Asia/Shanghai")!, row: 4, column: 1)
        try sheet.write(Formula("=SUM(B1:B2)", cachedResult: .number(129.5)), row: 5, column: 1)
        try sheet.write(Formula("B1&\"分\"", cachedResult: .text("87.5分")), row: 6, column: 1)
        try sheet.write(Formula("=B1*2"), row: 7, column: 1)
        try sheet.writeURL("https://www.miit.gov.cn", text: "工信部", tooltip: "打开", row: 8, column: 1)
        try sheet.writeURL("internal:'数据'!A1", row: 9, column: 1)
        try book.close()
        #expect(WriterTestSupport.isZipFile(path))
    }

    @Test func nonFiniteNumbersAreRefused() throws {
        let (_, sheet) = try scratchSheet()
        #expect(
            WriterTestSupport.errorText { try sheet.write(Double.nan, row: 6, column: 1) }
                == "reports/x.xlsx:排名!B7: error: cannot write nan: Excel stores only finite numbers; write a blank cell instead")
        #expect(
            WriterTestSupport.errorText { try sheet.write(-Double.infinity, row: 0, column: 0) }
                == "reports/x.xlsx:排名!A1: error: cannot write -inf: Excel stores only finite numbers; write a blank cell instead")
        #expect(
            WriterTestSupport.errorText { try sheet.write(Formula("=1/0", cachedResult: .number(.infinity)), row: 0, column: 0) }
                == "reports/x.xlsx:排名!A1: error: cached result inf of a formula must be finite")
    }

    @Test func textLimits() throws {
        let (_, sheet) = try scratchSheet()
        try sheet.write(String(repeating: "字", count: 32_767), row: 0, column: 0)
        #expect(
            WriterTestSupport.errorText { try sheet.write(String(repeating: "字", count: 32_768), row: 1, column: 0) }
                == "reports/x.xlsx:排名!A2: error: text of 32768 UTF-16 units is longer than Excel's limit of 32767 per cell")
        // 16,384 emoji are 32,768 UTF-16 units, which is what Excel counts.
        #expect(
            WriterTestSupport.errorText { try sheet.write(String(repeating: "😀", count: 16_384), row: 1, column: 0) }
                == "reports/x.xlsx:排名!A2: error: text of 32768 UTF-16 units is longer than Excel's limit of 32767 per cell")
        #expect(
            WriterTestSupport.errorText { try sheet.write("a\u{0}b", row: 2, column: 0) }
                == "reports/x.xlsx:排名!A3: error: text contains the NUL character U+0000, which a workbook cannot store")
    }

    @Test func cellsOutsideTheGrid() throws {
        let (_, sheet) = try scratchSheet()
        try sheet.write("最后", row: 1_048_575, column: 16_383)
        let message = "error: row 1048576, column 0 (zero-based) is outside the sheet; Excel has rows 0...1048575 and columns 0...16383"
        #expect(WriterTestSupport.errorText { try sheet.write("x", row: 1_048_576, column: 0) } == "reports/x.xlsx:排名: " + message)
        #expect(
            WriterTestSupport.errorText { try sheet.write(1.0, row: 0, column: 16_384) }
                == "reports/x.xlsx:排名: error: row 0, column 16384 (zero-based) is outside the sheet; Excel has rows 0...1048575 and columns 0...16383")
        #expect(
            WriterTestSupport.errorText { try sheet.write(true, row: -1, column: 0) }
                == "reports/x.xlsx:排名: error: row -1, column 0 (zero-based) is outside the sheet; Excel has rows 0...1048575 and columns 0...16383")
        #expect(
            WriterTestSupport.errorText { try sheet.merge(WorksheetRange(firstRow: 3, firstColumn: 0, lastRow: 1, lastColumn: 2)) }
                == "reports/x.xlsx:排名: error: range from row 3, column 0 to row 1, column 2 (zero-based) ends before it starts")
    }

    @Test func datesOutsideExcelsRange() throws {
        let (_, sheet) = try scratchSheet()
        let utc = TimeZone(identifier: "UTC")!
        let early = Date(timeIntervalSince1970: -2_300_000_000)  // 1897
        #expect(
            WriterTestSupport.errorText { try sheet.write(early, timeZone: utc, row: 0, column: 0) }
                == "reports/x.xlsx:排名!A1: error: year 1897 is outside the years 1900...9999 that Excel's 1900 date system can show")
    }

    @Test func formulasMustNotBeEmpty() throws {
        let (_, sheet) = try scratchSheet()
        #expect(WriterTestSupport.errorText { try sheet.write(Formula("= "), row: 0, column: 0) } == "reports/x.xlsx:排名!A1: error: formula is empty")
    }

    @Test func constantMemoryRefusesRowsAlreadyWritten() throws {
        let (_, sheet) = try scratchSheet("数据", constantMemory: true)
        try sheet.write("第六行", row: 5, column: 0)
        try sheet.write(6, row: 6, column: 3)
        // Any column order within the current row is fine.
        try sheet.write(1, row: 6, column: 0)
        try sheet.setRow(6, height: 20)
        let expected =
            "reports/x.xlsx:数据!A3: error: row 2 (zero-based) was already written to the file, since row 6 has been started; "
            + "in constant-memory mode rows must be written in ascending order"
        #expect(WriterTestSupport.errorText { try sheet.write("迟到", row: 2, column: 0) } == expected)
        #expect(WriterTestSupport.errorText { try sheet.write(1.0, row: 2, column: 0) } == expected)
        #expect(WriterTestSupport.errorText { try sheet.setRow(2, height: 30) } == expected)
        // An autofilter's last row must not be written out yet.
        #expect(
            WriterTestSupport.errorText { try sheet.setAutoFilter(WorksheetRange(firstRow: 0, firstColumn: 0, lastRow: 5, lastColumn: 3)) }
                == "reports/x.xlsx:数据!A1:D6: error: in constant-memory mode an autofilter must be set before rows after its last row "
                + "(5, zero-based) are written; row 6 has been started")
        try sheet.setAutoFilter(WorksheetRange(firstRow: 0, firstColumn: 0, lastRow: 6, lastColumn: 3))
        // A merge reserves every row it spans.
        try sheet.merge(WorksheetRange(firstRow: 8, firstColumn: 0, lastRow: 10, lastColumn: 1), text: "合并")
        #expect(
            WriterTestSupport.errorText { try sheet.write(9, row: 9, column: 5) }
                == "reports/x.xlsx:数据!F10: error: row 9 (zero-based) was already written to the file, since row 10 has been started; "
                + "in constant-memory mode rows must be written in ascending order")
    }

    @Test func normalModeAcceptsAnyOrder() throws {
        let directory = try WriterTestSupport.TemporaryDirectory()
        defer { directory.remove() }
        let book = try XLSXWriter(path: directory.path("order.xlsx"))
        let sheet = try book.addWorksheet(named: "数据")
        try sheet.write("后", row: 10, column: 0)
        try sheet.write("前", row: 2, column: 0)
        try sheet.setRow(1, height: 30)
        try book.close()
        #expect(WriterTestSupport.isZipFile(directory.path("order.xlsx")))
    }

    @Test func constantMemoryWorkbookIsWritten() throws {
        let directory = try WriterTestSupport.TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("streamed.xlsx")
        let book = try XLSXWriter(path: path, options: .init(constantMemory: true, temporaryDirectory: directory.url.path))
        let sheet = try book.addWorksheet(named: "数据")
        sheet.enableAutoFit()
        try sheet.setColumn(0, width: 30)
        for row in 0..<200 {
            try sheet.write("企业\(row)", row: row, column: 0)
            try sheet.write(Double(row) / 3, row: row, column: 1, style: CellStyle(numberFormat: "0.00"))
        }
        try book.close()
        #expect(WriterTestSupport.isZipFile(path))
    }

    @Test func overlappingMergesAreRefused() throws {
        let (_, sheet) = try scratchSheet()
        try sheet.merge(WorksheetRange(row: 0, columns: 0...5), text: "两化融合评估排名", style: CellStyle(isBold: true, horizontalAlignment: .center))
        #expect(
            WriterTestSupport.errorText { try sheet.merge(WorksheetRange(firstRow: 0, firstColumn: 5, lastRow: 1, lastColumn: 6)) }
                == "reports/x.xlsx:排名!F1:G2: error: merged range overlaps the merged range A1:F1; Excel reports overlapping merges as corrupt")
        #expect(
            WriterTestSupport.errorText { try sheet.merge(WorksheetRange(row: 3, column: 3)) }
                == "reports/x.xlsx:排名!D4: error: a merged range needs at least two cells")
        try sheet.merge(WorksheetRange(row: 1, columns: 0...5), text: "第二行")
    }

    @Test func overlapsAreFoundInAnyRowOfATallMergeAmongMany() throws {
        let (_, sheet) = try scratchSheet()
        // One merge per row, as a long table with a merged reason column has.
        for row in 0..<20_000 { try sheet.merge(WorksheetRange(row: row, columns: 4...9), text: "原因\(row)") }
        try sheet.merge(WorksheetRange(firstRow: 30_000, firstColumn: 1, lastRow: 30_009, lastColumn: 2), text: "高")
        #expect(
            WriterTestSupport.errorText { try sheet.merge(WorksheetRange(row: 12_345, columns: 9...10)) }
                == "reports/x.xlsx:排名!J12346:K12346: error: merged range overlaps the merged range E12346:J12346; Excel reports overlapping merges as corrupt")
        #expect(
            WriterTestSupport.errorText { try sheet.merge(WorksheetRange(row: 30_005, columns: 0...1)) }
                == "reports/x.xlsx:排名!A30006:B30006: error: merged range overlaps the merged range B30001:C30010; Excel reports overlapping merges as corrupt")
        try sheet.merge(WorksheetRange(row: 30_005, columns: 3...4))
    }

    @Test func rowAndColumnSettingsAreChecked() throws {
        let (_, sheet) = try scratchSheet()
        #expect(
            WriterTestSupport.errorText { try sheet.setRow(0, height: 500) }
                == "reports/x.xlsx:排名!A1: error: row height 500.0 is outside Excel's 0...409 points")
        #expect(
            WriterTestSupport.errorText { try sheet.setColumns(1...3, width: 300) }
                == "reports/x.xlsx:排名!B:D: error: column width 300.0 is outside Excel's 0...255")
        #expect(
            WriterTestSupport.errorText { try sheet.setZoom(5) } == "reports/x.xlsx:排名: error: zoom 5% is outside Excel's 10...400")
        #expect(
            WriterTestSupport.errorText { try sheet.freezePanes(rows: 0, columns: 0) }
                == "reports/x.xlsx:排名!A1: error: freezing panes needs at least one row or column")
    }

    @Test func autoFitTracksTheWidestValuePerColumn() throws {
        let (_, sheet) = try scratchSheet()
        try sheet.write("written before auto-fit is on", row: 0, column: 0)
        sheet.enableAutoFit(ColumnWidth.FitOptions(padding: 2, minimum: 4, maximum: 30))
        try sheet.write("企业名称", row: 1, column: 0)  // 8 units
        try sheet.write("厦门两化融合科技有限公司", row: 2, column: 0)  // 24 units
        try sheet.write(87.456, row: 1, column: 1, style: CellStyle(numberFormat: "0.0"))  // "87.5": 4 units
        try sheet.write("一段很长很长的说明文字，会换行显示，不应撑宽列", row: 1, column: 2, style: CellStyle(wrapsText: true))
        try sheet.write(String(repeating: "长", count: 40), row: 1, column: 3)  // capped at 30
        try sheet.write("大号", row: 1, column: 4, style: CellStyle(fontSize: 22))  // 4 units at twice the size
        try sheet.merge(WorksheetRange(row: 3, columns: 5...6), text: "合并单元格不计入自动列宽的计算范围")
        #expect(sheet.autoFitWidths == [0: 26, 1: 6, 3: 30, 4: 10])
        // An explicit width wins over auto-fit.
        try sheet.setColumn(3, width: 12)
        #expect(sheet.autoFitWidths == [0: 26, 1: 6, 4: 10])
        try sheet.applyAutoFit()
        try sheet.write(String(repeating: "更长", count: 20), row: 4, column: 0)
        // Fixed widths no longer follow new content.
        #expect(sheet.autoFitWidths.isEmpty)
    }

    @Test func viewSettings() throws {
        let directory = try WriterTestSupport.TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("view.xlsx")
        let book = try XLSXWriter(path: path)
        let first = try book.addWorksheet(named: "说明")
        let report = try book.addWorksheet(named: "排名")
        try report.write("排名", row: 0, column: 0)
        try report.freezePanes(rows: 1, columns: 2)
        try report.setAutoFilter(WorksheetRange(firstRow: 0, firstColumn: 0, lastRow: 20, lastColumn: 6))
        try report.setZoom(85)
        try report.setTabColor(.blue)
        try report.setGridlines(onScreen: false, inPrint: true)
        try report.setRow(3, isHidden: true)
        try report.setColumns(4...5, width: 14, style: CellStyle(numberFormat: "0.0"), isHidden: true)
        try report.activate()
        try first.select()
        try book.close()
        #expect(WriterTestSupport.isZipFile(path))
    }

    @Test(arguments: [
        ("plain 文本", "plain 文本"),
        ("_x0041_", "_x005F_x0041_"),
        ("__x0041__", "__x005F_x0041__"),
        ("_X00e9_ and _x000D_", "_x005F_X00e9_ and _x005F_x000D_"),
        ("_x00ZZ_", "_x00ZZ_"),  // not a valid escape, left alone
        ("_x004_", "_x004_"),
    ])
    func literalEscapeSequencesAreProtected(text: String, stored: String) {
        #expect(Worksheet.storedText(text) == stored)
    }

    @Test func sheetReferences() throws {
        let (_, sheet) = try scratchSheet("_lists")
        #expect(sheet.reference(to: WorksheetRange(rows: 0...4, column: 0)).formula == "'_lists'!$A$1:$A$5")
    }
}
