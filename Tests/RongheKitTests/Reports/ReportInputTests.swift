import Foundation
import Testing

@testable import RongheKit

@Suite struct ReportInputTests {
    @Test func districtNamesAreReadFromJSON() throws {
        let names = try ReportInput.districtNames(fromJSON: Data(#"{"371402": "德城区", "371403": "陵城区"}"#.utf8), source: "d.json")
        #expect(names == ["371402": "德城区", "371403": "陵城区"])
    }

    @Test(arguments: [
        (#"["371402"]"#, "d.json: error: expected an object of district codes to names, found an array"),
        (#"{"371402": 1}"#, #"d.json: error: the name of district "371402" is a number, not a string"#),
        (#"{"德城区": "371402"}"#, #"d.json: error: "德城区" is not a 6-digit division code"#),
        (#"{"#, "d.json: error: line 1, column 2: the document ends inside an object"),
    ])
    func badDistrictNames(text: String, expected: String) {
        #expect(throws: ReportError.self) { try ReportInput.districtNames(fromJSON: Data(text.utf8), source: "d.json") }
        do {
            _ = try ReportInput.districtNames(fromJSON: Data(text.utf8), source: "d.json")
        } catch {
            #expect(error.description == expected)
        }
    }

    @Test func rejectionMessagesNameTheirPlace() {
        let record = FileLocation(file: "batch.csv", place: .line(4))
        let rejection = ReportInput.Rejection(
            record: record, uscc: "X", name: "某企业",
            errors: [
                SurveyIssue(.error, at: record, LocalizedText(zh: "整行有误", en: "the line is wrong")),
                SurveyIssue(.error, at: FileLocation(file: "batch.csv", place: .cell(sheet: "问卷", reference: "C7")),
                            LocalizedText(zh: "应为数字", en: "expected a number")),
            ])
        #expect(rejection.place == "4")
        #expect(rejection.messages == [
            LocalizedText(zh: "整行有误", en: "the line is wrong"),
            LocalizedText(zh: "问卷!C7：应为数字", en: "问卷!C7: expected a number"),
        ])
    }
}
