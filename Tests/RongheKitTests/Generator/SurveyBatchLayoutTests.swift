import Foundation
import Testing

@testable import RongheKit

@Suite struct SurveyBatchLayoutTests {
    @Test func theDefaultTreesHeaderNamesEveryFieldAndQuestion() {
        let tree = GeneratorFixtures.defaultTree
        let headers = SurveyBatchLayout(tree: tree).headers
        #expect(headers.count == 8 + 42)
        #expect(Array(headers.prefix(9)) == [
            "统一社会信用代码", "企业名称", "所属区县（行政区划代码）", "所属行业（国民经济行业分类代码）", "企业规模", "从业人员（人）",
            "营业收入（万元）", "填报年度", "A1.1 首席信息官（CIO）的职级",
        ])
        #expect(headers.contains("B1.1 本年度信息化投入（万元）"))
        #expect(headers.contains("C1.2a ERP活跃用户数（人）"))
        let mapper = FieldMapper(tree: tree)
        let targets = headers.map { mapper.target(forKey: $0) }
        #expect(targets == ProfileField.surveyFields.map { .profile($0) } + tree.questions.map { .question($0.id) })
    }

    /// A question labelled like a profile field would be read as that field; its column is
    /// headed by its id alone.
    @Test func aLabelReadAsSomethingElseFallsBackToTheId() throws {
        let tree = try IndicatorTree.parse(Data(#"""
            {"format": 1, "id": "t", "version": "1", "name": "t", "questions": [
              {"id": "企业名称", "label": "名称", "type": "text"},
              {"id": "Q2", "label": "营业收入", "type": "number"}],
             "tree": {"id": "root", "name": "r", "children": [{"id": "L", "name": "l", "weight": 1, "rule": {"kind": "linear", "question": "Q2", "low": 0, "high": 1}}]}}
            """#.utf8), source: "t.json")
        let headers = SurveyBatchLayout(tree: tree).headers
        // The question id 企业名称 takes the key 企业名称, so the profile column is headed "name";
        // Q2's label is 营业收入 but "Q2 营业收入" reads as Q2.
        #expect(headers[1] == "Enterprise name")
        #expect(Array(headers.suffix(2)) == ["企业名称", "Q2 营业收入"])
        let mapper = FieldMapper(tree: tree)
        #expect(headers.map { mapper.target(forKey: $0) } == ProfileField.surveyFields.map { .profile($0) } + [.question("企业名称"), .question("Q2")])
    }
}
