import Foundation
import Testing

@testable import RongheKit

@Suite struct WorksheetDataValidationTests {
    /// Seventeen five-character Chinese options: 17 × 15 bytes plus 16 commas = 271 bytes.
    private let longChineseOptions = Array(repeating: "信息化程度", count: 17)

    @Test func longInlineChineseListIsRefusedWithoutAborting() throws {
        let directory = try WriterTestSupport.TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("survey.xlsx")
        let book = try XLSXWriter(path: path)
        let sheet = try book.addWorksheet(named: "问卷")
        let range = WorksheetRange(rows: 1...19, column: 1)
        #expect(
            WriterTestSupport.errorText { try sheet.addDataValidation(DataValidation(.inlineList(longChineseOptions)), to: range) }
                == "\(path):问卷!B2:B20: error: inline list of 17 options is 271 bytes long in UTF-8, over the 255 that "
                + "libxlsxwriter 1.1.4 can handle; put the options on a sheet and validate from that range")
        // The process is still alive and the workbook still writes.
        try book.close()
        #expect(WriterTestSupport.isZipFile(path))
    }

    @Test func inlineListAtExactly255BytesIsAccepted() throws {
        let directory = try WriterTestSupport.TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("survey.xlsx")
        let book = try XLSXWriter(path: path)
        let sheet = try book.addWorksheet(named: "问卷")
        // Sixteen options: 16 × 15 bytes plus 15 commas = 255 bytes.
        let options = Array(repeating: "信息化程度", count: 16)
        #expect(options.joined(separator: ",").utf8.count == 255)
        try sheet.addDataValidation(DataValidation(.inlineList(options)), to: WorksheetRange(row: 1, column: 1))
        try sheet.addDataValidation(DataValidation(.inlineList(["是", "否"])), to: WorksheetRange(row: 2, column: 1))
        try book.close()
        #expect(WriterTestSupport.isZipFile(path))
    }

    @Test func inlineListItemsMustBePlain() {
        let validation = DataValidation(.inlineList(["是", "否,不确定"]))
        #expect(
            validation.problem()
                == .invalidArgument(
                    "inline validation list item \"否,不确定\" is empty or contains a comma or a double quote; "
                        + "put the options on a sheet and validate from that range"))
        #expect(DataValidation(.inlineList([])).problem() == .invalidArgument("inline validation list is empty"))
    }

    @Test func listFromAHiddenSheetHasNoLengthLimit() throws {
        let directory = try WriterTestSupport.TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("survey.xlsx")
        let book = try XLSXWriter(path: path)
        let form = try book.addWorksheet(named: "问卷")
        let lists = try book.addWorksheet(named: "_lists")
        let options = (1...40).map { "第\($0)类：制造业信息化集成应用程度较高的企业" }
        for (row, option) in options.enumerated() {
            try lists.write(option, row: row, column: 0)
        }
        try lists.hide()
        let source = lists.reference(to: WorksheetRange(rows: 0...(options.count - 1), column: 0))
        #expect(source.formula == "'_lists'!$A$1:$A$40")
        try form.addDataValidation(
            DataValidation(
                .list(source), inputTitle: "所属行业", inputMessage: "请从下拉列表中选择企业所属行业",
                errorTitle: "输入无效", errorMessage: "只能选择列表中的行业"),
            to: WorksheetRange(rows: 1...200, column: 2))
        try book.close()
        #expect(WriterTestSupport.isZipFile(path))
    }

    @Test func numberRulesAndPrompts() throws {
        let directory = try WriterTestSupport.TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("survey.xlsx")
        let book = try XLSXWriter(path: path)
        let form = try book.addWorksheet(named: "问卷")
        try form.addDataValidation(
            DataValidation(.wholeNumber(.between(0, 100000)), inputTitle: "员工人数", inputMessage: "填写整数"),
            to: WorksheetRange(row: 3, column: 2))
        try form.addDataValidation(
            DataValidation(.decimal(.greaterThanOrEqualTo(0)), errorStyle: .warning), to: WorksheetRange(row: 4, column: 2))
        try form.addDataValidation(
            DataValidation(.textLength(.equalTo(18)), errorTitle: "统一社会信用代码", errorMessage: "应为18位"),
            to: WorksheetRange(row: 5, column: 2))
        try form.addDataValidation(
            DataValidation(.decimal(.notBetween(-1, 1)), ignoresBlank: false, errorStyle: .information),
            to: WorksheetRange(row: 6, column: 2))
        try book.close()
        #expect(WriterTestSupport.isZipFile(path))
    }

    @Test func promptLengthsAreEnforcedBeforeTheLibrarySeesThem() {
        let title = String(repeating: "标", count: 33)
        #expect(
            DataValidation(.decimal(.lessThan(5)), inputTitle: title).problem()
                == .invalidArgument("data validation input title is 33 characters long; Excel allows at most 32"))
        #expect(DataValidation(.decimal(.lessThan(5)), inputTitle: String(title.dropFirst())).problem() == nil)
        #expect(
            DataValidation(.decimal(.lessThan(5)), errorMessage: String(repeating: "错", count: 256)).problem()
                == .invalidArgument("data validation error message is 256 characters long; Excel allows at most 255"))
    }

    @Test func boundsAreChecked() {
        #expect(
            DataValidation(.wholeNumber(.between(0, 2.5))).problem()
                == .invalidArgument("data validation bound 2.5 must be a whole number"))
        #expect(
            DataValidation(.decimal(.between(10, 1))).problem()
                == .invalidArgument("data validation bounds 10.0 and 1.0 are reversed"))
        #expect(
            DataValidation(.decimal(.greaterThan(.nan))).problem() == .invalidArgument("data validation bound nan must be finite"))
    }

    @Test func errorsCarryTheSheetAndRange() throws {
        let book = try XLSXWriter(path: "forms/x.xlsx")
        let form = try book.addWorksheet(named: "问卷")
        #expect(
            WriterTestSupport.errorText {
                try form.addDataValidation(
                    DataValidation(.decimal(.lessThan(5)), inputTitle: String(repeating: "标", count: 40)),
                    to: WorksheetRange(rows: 2...9, column: 3))
            } == "forms/x.xlsx:问卷!D3:D10: error: data validation input title is 40 characters long; Excel allows at most 32")
    }
}
