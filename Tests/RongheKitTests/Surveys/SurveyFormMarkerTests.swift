import Testing

@testable import RongheKit

/// The marker as rows of text on the `_ronghe` sheet.
@Suite struct SurveyFormMarkerTests {
    @Test func rows() {
        let marker = SurveyFormMarker(
            treeID: "lianghua-default", treeVersion: "2026.1", treeHash: "ab12", language: .en, surveySheet: "Survey",
            fields: [
                SurveyFormField(key: "uscc", kind: .profile, cell: CellReference("E5")!),
                SurveyFormField(key: "B1.1", kind: .question, cell: CellReference("E23")!),
                SurveyFormField(key: "C1.1", kind: .option("finance"), cell: CellReference("E30")!),
                SurveyFormField(key: "E1.2", kind: .notApplicable, cell: CellReference("E52")!),
            ])
        #expect(marker.rows == [
            ["format", "ronghe-survey-form"],
            ["layout", "1"],
            ["tree", "lianghua-default"],
            ["treeVersion", "2026.1"],
            ["treeHash", "ab12"],
            ["language", "en"],
            ["sheet", "Survey"],
            [],
            ["key", "kind", "option", "cell"],
            ["uscc", "profile", "", "E5"],
            ["B1.1", "question", "", "E23"],
            ["C1.1", "option", "finance", "E30"],
            ["E1.2", "notApplicable", "", "E52"],
        ])
    }
}
