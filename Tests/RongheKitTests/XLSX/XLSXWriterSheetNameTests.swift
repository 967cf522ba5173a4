import Foundation
import Testing

@testable import RongheKit

@Suite struct XLSXWriterSheetNameTests {
    /// The error text of adding `name` to a workbook that already has `existing` sheets.
    private func addingError(_ name: String, after existing: [String] = []) throws -> String {
        // Never closed, so nothing is written to this path.
        let book = try XLSXWriter(path: "reports/book.xlsx")
        for sheet in existing { _ = try book.addWorksheet(named: sheet) }
        return WriterTestSupport.errorText { _ = try book.addWorksheet(named: name) }
    }

    @Test func exactMessages() throws {
        #expect(try addingError("") == "reports/book.xlsx: error: a sheet name must not be empty")
        #expect(
            try addingError(String(repeating: "评", count: 32))
                == "reports/book.xlsx: error: sheet name \"\(String(repeating: "评", count: 32))\" is 32 characters long; Excel allows at most 31")
        #expect(
            try addingError("得分/排名")
                == "reports/book.xlsx: error: sheet name \"得分/排名\" contains \"/\"; Excel does not allow any of [ ] : * ? / \\ in sheet names")
        #expect(
            try addingError("'汇总")
                == "reports/book.xlsx: error: sheet name \"'汇总\" begins or ends with an apostrophe, which Excel does not allow")
        #expect(try addingError("history") == "reports/book.xlsx: error: sheet name \"history\" is reserved by Excel")
        #expect(
            try addingError("DATA", after: ["Data"])
                == "reports/book.xlsx: error: sheet name \"DATA\" is already used by sheet \"Data\"; Excel ignores case when comparing sheet names")
    }

    @Test(arguments: ["[", "]", ":", "*", "?", "/", "\\"])
    func everyForbiddenCharacterIsNamed(character: String) {
        let problem = XLSXWriter.sheetNameProblem("a\(character)b", existingNames: [])
        #expect(problem == .invalidCharacter(Character(character)))
    }

    @Test func lengthCountsUTF16UnitsLikeExcel() {
        #expect(XLSXWriter.sheetNameProblem(String(repeating: "评", count: 31), existingNames: []) == nil)
        // Sixteen emoji are 16 characters but 32 UTF-16 units.
        #expect(XLSXWriter.sheetNameProblem(String(repeating: "😀", count: 16), existingNames: []) == .tooLong(length: 32))
    }

    @Test func acceptableNames() {
        for name in ["排名", "区县对比", "_lists", "Sheet 1", "History2", "O'Brien", "维度得分（2024）"] {
            #expect(XLSXWriter.sheetNameProblem(name, existingNames: ["排名x"]) == nil, "\(name)")
        }
        #expect(XLSXWriter.sheetNameProblem("排名", existingNames: ["排名"]) == .duplicate(existing: "排名"))
    }
}
