import Foundation
import Testing

@testable import RongheKit

@Suite struct XLSXReaderTests {
    // MARK: Real workbooks

    /// The survey fixture's values; both writers store the same cells, see `make_fixtures.py`.
    private func expectSurveyValues(_ reader: XLSXReader, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let rows = try allRows(reader, "问卷")
        #expect(rows.map(\.number) == [1, 2, 3, 5], sourceLocation: sourceLocation)
        let header = rows[0]
        #expect(header.cells.map(\.reference.description) == ["A1", "B1", "C1", "D1", "E1", "G1", "H1"],
                sourceLocation: sourceLocation)
        #expect(header[1] == .string("企业名称"), sourceLocation: sourceLocation)
        #expect(header[6] == .empty, sourceLocation: sourceLocation)
        let data = rows[1]
        #expect(data[column: "A"] == .string("杭州融合科技有限公司"), sourceLocation: sourceLocation)
        #expect(data[column: "B"] == .number(87.5), sourceLocation: sourceLocation)
        #expect(data[column: "C"] == .boolean(true), sourceLocation: sourceLocation)
        guard case .date(let day) = data[column: "D"], case .date(let moment) = data[column: "E"] else {
            Issue.record("D2 and E2 should be dates, got \(data[column: "D"]) and \(data[column: "E"])",
                         sourceLocation: sourceLocation)
            return
        }
        #expect(day.description == "2024-05-31", sourceLocation: sourceLocation)
        #expect(moment.description == "2024-05-31 13:30:05", sourceLocation: sourceLocation)
        #expect(data[column: "F"] == .empty, sourceLocation: sourceLocation)
        #expect(data[column: "G"] == .error("#N/A"), sourceLocation: sourceLocation)
        #expect(data[column: "H"] == .string("两化融合评估"), sourceLocation: sourceLocation)
        let third = rows[2]
        #expect(third[1] == .number(42), sourceLocation: sourceLocation)
        #expect(third[2] == .boolean(false), sourceLocation: sourceLocation)
        #expect(third[3] == .string("  padded  "), sourceLocation: sourceLocation)
        let fifth = rows[3]
        if case .date(let custom) = fifth[1] {
            #expect(custom.description == "2023-01-15", sourceLocation: sourceLocation)
        } else {
            Issue.record("A5 (format yyyy\"年\"m\"月\"d\"日\") should be a date, got \(fifth[1])",
                         sourceLocation: sourceLocation)
        }
        #expect(fifth[2] == .percentage(0.25), sourceLocation: sourceLocation)  // a percentage, not a date
    }

    @Test func readsWorkbookSavedByOpenpyxl() throws {
        let reader = try XLSXReader(path: xlsxFixture("openpyxl-survey.xlsx"))
        #expect(reader.workbookPart == "xl/workbook.xml")
        #expect(!reader.uses1904DateSystem)
        #expect(reader.sheets == [
            SheetInfo(name: "问卷", state: .visible, kind: .worksheet, part: "xl/worksheets/sheet1.xml"),
            SheetInfo(name: "隐藏", state: .hidden, kind: .worksheet, part: "xl/worksheets/sheet2.xml"),
            SheetInfo(name: "VeryHidden", state: .veryHidden, kind: .worksheet, part: "xl/worksheets/sheet3.xml"),
        ])
        try expectSurveyValues(reader)
        // openpyxl stores no cached value for formulas: D3 (=B2*2) has none.
        #expect(try allRows(reader, "问卷")[2][4] == .empty)
        #expect(try allRows(reader, "隐藏") == [
            SheetRow(number: 1, cells: [SheetCell(reference: CellReference("A1")!, value: .string("hidden sheet"))]),
        ])
    }

    @Test func readsWorkbookSavedByLibreOffice() throws {
        let reader = try XLSXReader(path: xlsxFixture("libreoffice-survey.xlsx"))
        #expect(reader.sheets.map(\.name) == ["问卷", "隐藏", "VeryHidden"])
        #expect(reader.sheets.map(\.state) == [.visible, .hidden, .hidden])  // LibreOffice has no "very hidden"
        try expectSurveyValues(reader)
        // LibreOffice recalculated the formula and cached its result.
        #expect(try allRows(reader, "问卷")[2][4] == .number(175))
    }

    @Test(arguments: ["openpyxl-1904.xlsx", "libreoffice-1904.xlsx"])
    func readsDatesOfThe1904System(fixture: String) throws {
        let reader = try XLSXReader(path: xlsxFixture(fixture))
        #expect(reader.uses1904DateSystem)
        try expectSurveyValues(reader)
        guard case .date(let day) = try allRows(reader, "问卷")[1][4] else {
            Issue.record("D2 should be a date")
            return
        }
        #expect(day.serial == 43_981)  // 1462 days fewer than in the 1900 system
        #expect(day.uses1904DateSystem)
    }

    @Test func readsSmallSheetAsGrid() throws {
        let reader = try XLSXReader(path: xlsxFixture("libreoffice-survey.xlsx"))
        let grid = try reader.grid(ofSheet: "问卷")
        #expect(grid.rowCount == 5)
        #expect(grid.columnCount == 8)
        #expect(grid[2, 1] == .string("杭州融合科技有限公司"))
        #expect(grid[CellReference("D3")!] == .number(175))
        #expect(grid.rows[3] == [CellValue](repeating: .empty, count: 8))
    }

    // MARK: Files that are not xlsx workbooks

    @Test func refusesPasswordProtectedWorkbook() {
        let path = xlsxFixture("password-protected.xlsx")
        #expect(xlsxErrorText { _ = try XLSXReader(path: path) }
            == "\(path): error: this is a password-protected workbook; remove the password and save it again as .xlsx")
    }

    @Test func refusesLegacyExcelWorkbook() {
        let path = xlsxFixture("libreoffice-legacy.xls")
        #expect(xlsxErrorText { _ = try XLSXReader(path: path) }
            == "\(path): error: this is an Excel 97-2003 workbook (.xls); open it in Excel or WPS and save it as .xlsx")
    }

    @Test(arguments: [
        (["EncryptionInfo", "EncryptedPackage"], "survey.xlsx",
         "this is a password-protected workbook; remove the password and save it again as .xlsx"),
        (["Workbook"], "survey.xlsx",
         "this is an Excel 97-2003 workbook (.xls); open it in Excel or WPS and save it as .xlsx"),
        (["Book"], "survey.xls",
         "this is an Excel 97-2003 workbook (.xls); open it in Excel or WPS and save it as .xlsx"),
        (["Workbook"], "survey.et",
         "this is a WPS Spreadsheets workbook (.et); open it in WPS and save it as Excel workbook (.xlsx)"),
        (["Workbook", "WpsCustomData"], "survey.xlsx",
         "this is a WPS Spreadsheets workbook (.et); open it in WPS and save it as Excel workbook (.xlsx)"),
        (["WordDocument"], "survey.xlsx",
         "this is an older Office document, not an Excel workbook; save the table as .xlsx"),
    ])
    func tellsCompoundFilesApart(streams: [String], name: String, message: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path(name)
        try Data(makeCompoundFile(streams: streams)).write(to: URL(fileURLWithPath: path))
        #expect(xlsxErrorText { _ = try XLSXReader(path: path) } == "\(path): error: \(message)")
    }

    @Test(arguments: [
        (Array("企业名称,得分\n杭州融合,87.5\n".utf8), "this is a plain-text file (such as CSV) with a spreadsheet name, "
            + "not an Excel workbook; open it in Excel or WPS and save it as .xlsx"),
        ([], "the file is empty (0 bytes); ask the sender to save the workbook and send it again"),
        (Array("%PDF-1.7\n".utf8), "this is a PDF file, not an Excel workbook; send the workbook itself as .xlsx"),
        (Array("<html><body><table><tr><td>1</td></tr></table></body></html>".utf8),
         "this is a web page (HTML) with a spreadsheet name, not an Excel workbook; open it in Excel or WPS and "
            + "save it as .xlsx"),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00],
         "this is not an Excel workbook (.xlsx); open it in Excel or WPS and save it as .xlsx"),
    ])
    func refusesFilesThatAreNotZipPackages(bytes: [UInt8], message: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("batch.xlsx")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(xlsxErrorText { _ = try XLSXReader(path: path) } == "\(path): error: \(message)")
    }

    @Test func reportsMissingFileWithSystemReason() {
        #expect(xlsxErrorText { _ = try XLSXReader(path: "/nonexistent/acme.xlsx") }
            == "/nonexistent/acme.xlsx: error: cannot read the file (No such file or directory)")
    }

    @Test func reportsTruncatedZip() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let whole = try Data(contentsOf: URL(fileURLWithPath: xlsxFixture("libreoffice-survey.xlsx")))
        let path = directory.path("cut.xlsx")
        try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: path))
        #expect(xlsxErrorText { _ = try XLSXReader(path: path) }
            == "\(path): error: the file is damaged or incomplete (it cannot be opened as a zip package); "
            + "ask the sender to save the workbook and send it again")
    }

    @Test func refusesZipWithoutWorkbookRelationship() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var package = TestWorkbook()
        package.set("_rels/.rels", TestWorkbook.relationships([("rId1", "extended-properties", "docProps/app.xml")]))
        let path = directory.path("no-workbook.xlsx")
        try package.write(to: path)
        #expect(xlsxErrorText { _ = try XLSXReader(path: path) }
            == "\(path): error: this zip file is not an Excel workbook (it has no main document part); save the "
            + "table as .xlsx and send it again")

        package.remove("_rels/.rels")  // and a zip without any package relationships
        try package.write(to: path)
        #expect(xlsxErrorText { _ = try XLSXReader(path: path) }
            == "\(path): error: this zip file is not an Excel workbook (it has no main document part); save the "
            + "table as .xlsx and send it again")
    }

    @Test func recognisesOpenDocumentSpreadsheet() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("survey.xlsx")
        let writer = try ZipWriter(path: path)
        try writer.addEntry(named: "mimetype", text: "application/vnd.oasis.opendocument.spreadsheet", compression: .stored)
        try writer.addEntry(named: "content.xml", text: "<office:document-content/>")
        try writer.close()
        #expect(xlsxErrorText { _ = try XLSXReader(path: path) }
            == "\(path): error: this is an OpenDocument spreadsheet (.ods); open it and save it as .xlsx")
    }

    @Test func refusesWordDocument() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("report.xlsx")
        let writer = try ZipWriter(path: path)
        try writer.addEntry(named: "_rels/.rels", text: TestWorkbook.relationships([
            ("rId1", "officeDocument", "word/document.xml"),
        ]))
        try writer.addEntry(named: "word/document.xml", text: "<w:document xmlns:w=\"urn:w\"><w:body/></w:document>")
        try writer.close()
        #expect(xlsxErrorText { _ = try XLSXReader(path: path) }
            == "\(path): error: this Office file is not an Excel workbook (its main part is word/document.xml); "
            + "save the table as .xlsx and send it again")
    }

    // MARK: Finding parts through relationships

    @Test func findsWorkbookAndSheetsWhereverRelationshipsPoint() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var package = TestWorkbook(sheets: [("Data", "")])
        // A generator that keeps its workbook elsewhere and uses an absolute sheet target.
        let workbook = package.parts.first { $0.name == "xl/workbook.xml" }!.text
        package.remove("xl/workbook.xml")
        package.remove("xl/_rels/workbook.xml.rels")
        package.remove("xl/worksheets/sheet1.xml")
        package.set("_rels/.rels", TestWorkbook.relationships([("rId1", "officeDocument", "/book/main.xml")]))
        package.set("book/main.xml", workbook)
        package.set("book/_rels/main.xml.rels", TestWorkbook.relationships([
            ("rId1", "worksheet", "/tables/first.xml"),
        ]))
        package.set("tables/first.xml", TestWorkbook.sheet("<row r=\"1\"><c r=\"A1\"><v>7</v></c></row>"))
        let reader = try package.open(in: directory)
        #expect(reader.workbookPart == "book/main.xml")
        #expect(reader.sheets == [SheetInfo(name: "Data", state: .visible, kind: .worksheet, part: "tables/first.xml")])
        #expect(try allRows(reader, "Data").first?[1] == .number(7))
    }

    @Test func refusesRelationshipThatLeavesThePackage() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var package = TestWorkbook()
        package.set("xl/_rels/workbook.xml.rels", TestWorkbook.relationships([
            ("rId1", "worksheet", "../../etc/passwd"),
        ]))
        let path = directory.path("escape.xlsx")
        try package.write(to: path)
        #expect(xlsxErrorText { _ = try XLSXReader(path: path) }
            == "\(path):xl/_rels/workbook.xml.rels: error: relationship rId1 points outside the package "
            + "(\"../../etc/passwd\")")
    }

    /// Damage inside a sheet's XML names the sheet and the row being read, besides the part and
    /// the position in its XML; a reference past the grid says so.
    @Test(arguments: [
        ("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"2\"><c r=\"XFE2\"><v>2</v></c></row>", 2,
         "cell XFE2 is outside a sheet, whose last column is XFD and last row 1048576"),
        ("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"1048577\"/>", nil,
         "row 1048577 is past the last row a sheet can have (1048576)"),
    ] as [(String, Int?, String)])
    func damageInASheetNamesTheSheetAndRow(rows: String, row: Int?, detail: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("damaged.xlsx")
        try TestWorkbook(sheets: [("申报", rows)]).write(to: path)
        let reader = try XLSXReader(path: path)
        let error = xlsxError { try reader.forEachRow(inSheet: "申报") { _ in } }
        #expect(error?.sheetContext == XLSXError.SheetContext(sheet: "申报", row: row))
        #expect(error?.part == "xl/worksheets/sheet1.xml")
        #expect(error?.problem == .invalidContent(detail))
    }

    @Test func reportsMissingWorkbookAndSheetParts() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var package = TestWorkbook()
        package.remove("xl/workbook.xml")
        let path = directory.path("missing.xlsx")
        try package.write(to: path)
        #expect(xlsxErrorText { _ = try XLSXReader(path: path) }
            == "\(path):_rels/.rels: error: the part xl/workbook.xml is missing from the package")

        package = TestWorkbook(sheets: [("Sheet1", ""), ("第二页", "")])
        package.remove("xl/worksheets/sheet2.xml")
        let reader = try package.open(in: directory, as: "sheetless.xlsx")
        #expect(xlsxErrorText { _ = try allRows(reader, "第二页") }
            == "\(reader.path):第二页: error: the part xl/worksheets/sheet2.xml is missing from the package")
    }

    @Test func reportsMissingSharedStringsPart() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // No shared-strings part and no relationship to one, but a cell refers to one.
        let package = TestWorkbook(sheets: [("Sheet1", "<row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>0</v></c></row>")])
        let reader = try package.open(in: directory)
        #expect(xlsxErrorText { _ = try allRows(reader, "Sheet1") }
            == "\(reader.path):Sheet1!C1: error: the cell refers to shared string 0, but the workbook has no "
            + "shared-string part")

        // A relationship to a shared-strings part that is not there.
        var broken = TestWorkbook(sheets: [("Sheet1", "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>")],
                                  sharedStrings: ["x"])
        broken.remove("xl/sharedStrings.xml")
        let brokenReader = try broken.open(in: directory, as: "broken.xlsx")
        #expect(xlsxErrorText { _ = try allRows(brokenReader, "Sheet1") }
            == "\(brokenReader.path):xl/_rels/workbook.xml.rels: error: the part xl/sharedStrings.xml is missing "
            + "from the package")
    }

    @Test func reportsUnknownSheetName() throws {
        let reader = try XLSXReader(path: xlsxFixture("openpyxl-survey.xlsx"))
        #expect(xlsxErrorText { _ = try allRows(reader, "汇总") }
            == "\(reader.path): error: there is no sheet named \"汇总\" (sheets: 问卷, 隐藏, VeryHidden)")
        #expect(reader.sheet(named: "veryhidden")?.name == "VeryHidden")
    }

    @Test func refusesReadingRowsOfChartSheet() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var package = TestWorkbook(sheets: [("Chart1", "")])
        package.set("xl/_rels/workbook.xml.rels", TestWorkbook.relationships([
            ("rId1", "chartsheet", "chartsheets/sheet1.xml"),
        ]))
        let reader = try package.open(in: directory)
        #expect(reader.sheets.first?.kind == .chartsheet)
        #expect(xlsxErrorText { _ = try allRows(reader, "Chart1") }
            == "\(reader.path):Chart1: error: this sheet is a chart or another kind of sheet, not a table of cells")
    }

    @Test func refusesGridOfLargeSheet() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let package = TestWorkbook(sheets: [("Sheet1", "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"
            + "<row r=\"30\"><c r=\"D30\"><v>2</v></c></row>")])
        var limits = XLSXLimits()
        limits.maxGridCellCount = 100
        let reader = try package.open(in: directory, limits: limits)
        #expect(xlsxErrorText { _ = try reader.grid(ofSheet: "Sheet1") }
            == "\(reader.path):Sheet1: error: the sheet has more than 100 cells counting blanks, too many to load "
            + "at once; read it row by row")
        var rows = 0
        try reader.forEachRow(inSheet: "Sheet1") { _ in rows += 1 }  // streaming still works
        #expect(rows == 2)
    }

    @Test func passesHandlerErrorsThroughAndStops() throws {
        struct Enough: Error {}
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let rows = (1...50).map { "<row r=\"\($0)\"><c r=\"A\($0)\"><v>\($0)</v></c></row>" }.joined()
        let reader = try TestWorkbook(sheets: [("Sheet1", rows)]).open(in: directory)
        var seen: [Int] = []
        #expect(throws: Enough.self) {
            try reader.forEachRow(inSheet: "Sheet1") { row in
                seen.append(row.number)
                if row.number == 3 { throw Enough() }
            }
        }
        #expect(seen == [1, 2, 3])
        #expect(try allRows(reader, "Sheet1").count == 50)  // the reader is still usable
    }

    // MARK: A batch sheet

    /// 100,000 rows × 10 columns, streamed: shared strings, inline strings, numbers, booleans, dates.
    @Test func streamsOneHundredThousandRows() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let rowCount = 100_000
        let path = directory.path("batch.xlsx")
        var package = TestWorkbook(
            sheets: [("Sheet1", "")], sharedStrings: ["杭州", "宁波", "温州"],
            styles: "<cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs>")
        package.remove("xl/worksheets/sheet1.xml")
        let writer = try ZipWriter(path: path)
        for part in package.parts {
            try writer.addEntry(named: part.name, text: part.text)
        }
        var next = 0
        try writer.addEntry(named: "xl/worksheets/sheet1.xml", compression: .deflated(level: 1)) {
            if next > rowCount { return nil }
            defer { next += 1 }
            if next == 0 {
                return Array(#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="\#(TestWorkbook.mainNamespace)"><sheetData>"#.utf8)
            }
            let r = next
            var row = "<row r=\"\(r)\">"
            row += "<c r=\"A\(r)\"><v>\(r)</v></c>"
            row += "<c r=\"B\(r)\" t=\"s\"><v>\(r % 3)</v></c>"
            row += "<c r=\"C\(r)\" t=\"inlineStr\"><is><t>企业\(r)</t></is></c>"
            row += "<c r=\"D\(r)\"><v>\(Double(r) / 4)</v></c>"
            row += "<c r=\"E\(r)\" t=\"b\"><v>\(r % 2)</v></c>"
            row += "<c r=\"F\(r)\" s=\"1\"><v>\(45_000 + r % 365)</v></c>"
            row += "<c r=\"G\(r)\" t=\"str\"><v>G\(r)</v></c>"
            row += "<c r=\"H\(r)\"><v>\(r * 7 % 1000)</v></c>"
            row += "<c r=\"I\(r)\" t=\"inlineStr\"><is><t>x</t></is></c>"
            row += "<c r=\"J\(r)\"><v>-\(r)</v></c>"
            row += "</row>"
            if r == rowCount { row += "</sheetData></worksheet>" }
            return Array(row.utf8)
        }
        try writer.close()

        let reader = try XLSXReader(path: path)
        var count = 0
        var cellCount = 0
        var last: SheetRow?
        var row54321: SheetRow?
        try reader.forEachRow(inSheet: "Sheet1") { row in
            count += 1
            cellCount += row.cells.count
            if row.number == 54_321 { row54321 = row }
            last = row
        }
        #expect(count == rowCount)
        #expect(cellCount == rowCount * 10)
        let sample = try #require(row54321)
        #expect(sample[column: "A"] == .number(54_321))
        #expect(sample[column: "B"] == .string("杭州"))  // 54321 % 3 == 0
        #expect(sample[column: "C"] == .string("企业54321"))
        #expect(sample[column: "D"] == .number(13_580.25))
        #expect(sample[column: "E"] == .boolean(true))
        guard case .date(let date) = sample[column: "F"] else {
            Issue.record("F54321 should be a date, got \(sample[column: "F"])")
            return
        }
        #expect(date.serial == 45_301)
        #expect(date.description == "2024-01-10")
        #expect(sample[column: "G"] == .string("G54321"))
        let final = try #require(last)
        #expect(final.number == 100_000)
        #expect(final.cells.map(\.reference.description) == ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J"].map { "\($0)100000" })
        #expect(final[column: "C"] == .string("企业100000"))
        #expect(final[column: "J"] == .number(-100_000))
    }
}
