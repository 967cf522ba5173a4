import Foundation
import Testing

@testable import RongheKit

@Suite struct SheetRowParserTests {
    private let dateStyles = """
        <numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>\
        <cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="10"/></cellXfs>
        """

    private func rows(_ sheetData: String, sharedStrings: [String]? = nil, styles: String? = nil,
                      date1904: Bool = false, limits: XLSXLimits = .default) throws -> [SheetRow] {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let package = TestWorkbook(sheets: [("Sheet1", sheetData)], sharedStrings: sharedStrings, styles: styles,
                                   date1904: date1904)
        return try allRows(try package.open(in: directory, as: "batch.xlsx", limits: limits), "Sheet1")
    }

    /// The message of the error reading `sheetData` throws, with the temp directory cut off.
    private func message(_ sheetData: String, sharedStrings: [String]? = nil, limits: XLSXLimits = .default,
                         sourceLocation: SourceLocation = #_sourceLocation) -> String {
        guard let error = xlsxError({ _ = try rows(sheetData, sharedStrings: sharedStrings, limits: limits) },
                                    sourceLocation: sourceLocation)
        else { return "" }
        return "batch.xlsx" + error.description.dropFirst(error.path.count)
    }

    private func cell(_ reference: String, _ value: CellValue) -> SheetCell {
        SheetCell(reference: CellReference(reference)!, value: value)
    }

    @Test func continuesRowsAndCellsWithoutReferences() throws {
        let read = try rows("""
            <row><c><v>1</v></c><c t="inlineStr"><is><t>b</t></is></c></row>\
            <row r="4"><c r="C4"><v>3</v></c><c><v>4</v></c><c r="F4"><v>6</v></c><c><v>7</v></c></row>\
            <row><c><v>5</v></c></row>
            """)
        #expect(read == [
            SheetRow(number: 1, cells: [cell("A1", .number(1)), cell("B1", .string("b"))]),
            SheetRow(number: 4, cells: [cell("C4", .number(3)), cell("D4", .number(4)), cell("F4", .number(6)),
                                        cell("G4", .number(7))]),
            SheetRow(number: 5, cells: [cell("A5", .number(5))]),
        ])
    }

    @Test func readsEveryCellType() throws {
        let read = try rows("""
            <row r="1">\
            <c r="A1" t="s"><v>1</v></c>\
            <c r="B1" t="inlineStr"><is><r><t>两化</t></r><r><rPr><b/></rPr><t xml:space="preserve"> 融合</t></r>\
            <rPh sb="0" eb="2"><t>リャンカ</t></rPh></is></c>\
            <c r="C1"><v>-1.5E3</v></c>\
            <c r="D1" t="n"><v>42</v></c>\
            <c r="E1" t="b"><v>1</v></c>\
            <c r="F1" t="str"><f>CONCAT("a","b")</f><v>ab</v></c>\
            <c r="G1" t="e"><f>1/0</f><v>#DIV/0!</v></c>\
            <c r="H1" t="d"><v>2024-05-31T13:30:05</v></c>\
            <c r="I1" s="1"><v>45443</v></c>\
            <c r="J1" s="2"><v>45443.5</v></c>\
            <c r="K1" s="3"><v>0.5</v></c>\
            <c r="L1" s="9"><v>45443</v></c>\
            <c r="M1" s="1"/>\
            <c r="N1"><f>SUM(A2:A3)</f><v/></c>\
            <c r="O1" t="inlineStr"><is><t>line_x000D__x000A_next _x005F_x000D_</t></is></c>\
            </row>
            """, sharedStrings: ["unused", "  杭州 \n"], styles: dateStyles)
        let row = try #require(read.first)
        #expect(row[column: "A"] == .string("  杭州 \n"))
        #expect(row[column: "B"] == .string("两化 融合"))  // runs joined, phonetic guide dropped
        #expect(row[column: "C"] == .number(-1500))
        #expect(row[column: "D"] == .number(42))
        #expect(row[column: "E"] == .boolean(true))
        #expect(row[column: "F"] == .string("ab"))
        #expect(row[column: "G"] == .error("#DIV/0!"))
        #expect(row[column: "H"].description == "2024-05-31 13:30:05")
        #expect(row[column: "I"].description == "2024-05-31")  // built-in format 14
        #expect(row[column: "J"].description == "2024-05-31 12:00:00")  // custom Chinese date format
        #expect(row[column: "K"] == .percentage(0.5))  // format 10 is 0.00%
        #expect(row[column: "L"] == .number(45_443))  // a style index past the table is no date
        #expect(row[column: "M"] == .empty)  // formatting only
        #expect(row[column: "N"] == .empty)  // a formula without cached value
        #expect(row[column: "O"] == .string("line\r\nnext _x000D_"))
        #expect(row.cells.count == 13)
    }

    @Test func readsDatesOfThe1904System() throws {
        let read = try rows("<row r=\"1\"><c r=\"A1\" s=\"1\"><v>0</v></c><c r=\"B1\" t=\"d\"><v>1904-01-02</v></c></row>",
                            styles: dateStyles, date1904: true)
        guard case .date(let epoch) = read[0][1], case .date(let second) = read[0][2] else {
            Issue.record("expected two dates, got \(read)")
            return
        }
        #expect(epoch.description == "1904-01-01")
        #expect(second.serial == 1)
        #expect(second.uses1904DateSystem)
    }

    // Structural errors point into the part; libxml2's column is the end of the offending start tag
    // (line 2 starts with the 166-character <worksheet …><sheetData> prefix).
    @Test(arguments: [
        ("<row r=\"7\"><c r=\"C7\"><v>n/a</v></c></row>", "batch.xlsx:Sheet1!C7: error: expected a number, found \"n/a\""),
        ("<row r=\"1\"><c r=\"A1\" t=\"b\"><v>yes</v></c></row>",
         "batch.xlsx:Sheet1!A1: error: expected 0 or 1 in a true/false cell, found \"yes\""),
        ("<row r=\"1\"><c r=\"A1\" t=\"d\"><v>2024-02-30</v></c></row>",
         "batch.xlsx:Sheet1!A1: error: expected a date such as 2024-05-31, found \"2024-02-30\""),
        ("<row r=\"1\"><c r=\"B1\" t=\"q\"><v>1</v></c></row>", "batch.xlsx:Sheet1!B1: error: unknown cell type \"q\""),
        ("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>2</v></c></row>",
         "batch.xlsx:Sheet1!A1: error: the cell refers to shared string 2, but the workbook has only 2"),
        ("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>first</v></c></row>",
         "batch.xlsx:Sheet1!A1: error: expected a shared-string index, found \"first\""),
        ("<row r=\"3\"/><row r=\"2\"/>",
         "batch.xlsx:xl/worksheets/sheet1.xml:2:189: error: row 2 comes after row 3; rows must be in order"),
        ("<row r=\"0\"/>", "batch.xlsx:xl/worksheets/sheet1.xml:2:177: error: invalid row number \"0\""),
        ("<row r=\"1\"><c r=\"B1\"><v>1</v></c><c r=\"A1\"><v>1</v></c></row>",
         "batch.xlsx:xl/worksheets/sheet1.xml:2:209: error: cell A1 comes after column B; cells must be in order"),
        ("<row r=\"1\"><c r=\"A2\"><v>1</v></c></row>",
         "batch.xlsx:xl/worksheets/sheet1.xml:2:187: error: cell A2 is inside row 1"),
        ("<row r=\"1\"><c r=\"A0\"><v>1</v></c></row>",
         "batch.xlsx:xl/worksheets/sheet1.xml:2:187: error: invalid cell reference \"A0\""),
        ("<row r=\"1\"><c r=\"XFD1\"><v>1</v></c><c><v>2</v></c></row>",
         "batch.xlsx:xl/worksheets/sheet1.xml:2:204: error: row 1 has more than 16384 columns"),
    ])
    func reportsBadCells(sheetData: String, expected: String) {
        #expect(message(sheetData, sharedStrings: ["a", "b"]) == expected)
    }

    @Test func enforcesCellAndStringLimits() {
        var limits = XLSXLimits()
        limits.maxCellCount = 3
        limits.maxStringLength = 5
        #expect(message("<row><c><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c><c><v>4</v></c></row>", limits: limits)
            == "batch.xlsx:Sheet1: error: the sheet has more than 3 cells, the limit for one sheet")
        #expect(message("<row><c t=\"inlineStr\"><is><t>123456</t></is></c></row>", limits: limits)
            == "batch.xlsx:Sheet1!A1: error: a text is longer than 5 characters, the limit for one cell")
        #expect(message("<row><c t=\"str\"><v>12345</v></c><c t=\"str\"><v>123456</v></c></row>", limits: limits)
            == "batch.xlsx:Sheet1!B1: error: a text is longer than 5 characters, the limit for one cell")
    }

    @Test func countsStringLengthInUTF16UnitsAsExcelDoes() throws {
        var limits = XLSXLimits()
        limits.maxStringLength = 4
        // Four Chinese characters are 12 UTF-8 bytes but 4 UTF-16 units: allowed.
        #expect(try rows("<row><c t=\"inlineStr\"><is><t>两化融合</t></is></c></row>", limits: limits)[0][1] == .string("两化融合"))
        // One emoji is two UTF-16 units: five in all.
        #expect(message("<row><c t=\"inlineStr\"><is><t>两化融😀</t></is></c></row>", limits: limits)
            == "batch.xlsx:Sheet1!A1: error: a text is longer than 4 characters, the limit for one cell")
    }

    @Test func skipsRowsWithoutValues() throws {
        let read = try rows("<row r=\"1\" ht=\"20\" customHeight=\"1\"/><row r=\"2\"><c r=\"A2\" s=\"1\"/></row>"
            + "<row r=\"3\"><c r=\"B3\"><v>3</v></c></row>")
        #expect(read.map(\.number) == [3])
    }
}
