import Testing

@testable import RongheKit

@Suite struct XLSXErrorTests {
    @Test func printsEveryLocationInCompilerStyle() {
        let problem = XLSXError.Problem.invalidNumber("n/a")
        #expect(XLSXError(path: "batch.xlsx", problem: .empty).description
            == "batch.xlsx: error: the file is empty (0 bytes); ask the sender to save the workbook and send it again")
        #expect(XLSXError(path: "a.xlsx", location: .part("xl/workbook.xml"), problem: problem).description
            == "a.xlsx:xl/workbook.xml: error: expected a number, found \"n/a\"")
        #expect(XLSXError(path: "a.xlsx", location: .position(part: "xl/styles.xml", line: 3, column: 9), problem: problem)
            .description == "a.xlsx:xl/styles.xml:3:9: error: expected a number, found \"n/a\"")
        #expect(XLSXError(path: "a.xlsx", location: .sheet("问卷"), problem: problem).description
            == "a.xlsx:问卷: error: expected a number, found \"n/a\"")
        #expect(XLSXError(path: "surveys/acme.xlsx", location: .cell(sheet: "问卷", CellReference("C7")!), problem: problem)
            .description == "surveys/acme.xlsx:问卷!C7: error: expected a number, found \"n/a\"")
    }

    @Test(arguments: [
        (Int64(512) << 20, "512 MB"), (Int64(1) << 30, "1 GB"), (Int64(3) << 10, "3 KB"), (Int64(1000), "1000 bytes"),
        (Int64(1_572_864), "1536 KB"),
    ])
    func formatsSizes(bytes: Int64, text: String) {
        #expect(XLSXError.Problem.size(bytes) == text)
    }

    @Test func listsSheetsOfUnknownName() {
        #expect(XLSXError.Problem.noSuchSheet(name: "汇总", available: []).message == "there is no sheet named \"汇总\" (sheets: none)")
    }
}
