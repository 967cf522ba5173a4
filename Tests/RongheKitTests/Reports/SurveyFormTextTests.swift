import Testing

@testable import RongheKit

/// Section headings and numbering of the survey form.
@Suite struct SurveyFormTextTests {
    @Test(arguments: [(1, "一"), (9, "九"), (10, "十"), (11, "十一"), (20, "二十"), (42, "四十二"), (99, "九十九"), (100, "100")])
    func chineseNumerals(number: Int, numeral: String) {
        #expect(SurveyFormText.chineseNumeral(number) == numeral)
    }

    @Test func sectionHeadings() throws {
        let tree = try IndicatorTree.load(contentsOf: Fixtures.defaultTreeURL)
        let zh = SurveyFormText(language: .zh, tree: tree)
        let en = SurveyFormText(language: .en, tree: tree)
        let q = { (id: String) in tree.question(id)! }
        // A node of the tree.
        #expect(zh.sectionHeading("A", questions: [q("A1.1")]) == "A 组织保障与CIO体系")
        #expect(en.sectionHeading("A", questions: [q("A1.1")]) == "A Governance and CIO network")
        // Not a node: unscored questions that veto rules test are eligibility conditions.
        #expect(zh.sectionHeading("V", questions: [q("V1"), q("X1")]) == "V 资格条件")
        #expect(en.sectionHeading("V", questions: [q("V1"), q("X1")]) == "V Eligibility")
        // Unscored and untested: other information.
        #expect(zh.sectionHeading("W", questions: [q("X1")]) == "W 其他情况")
        #expect(en.sectionHeading("W", questions: [q("X1")]) == "W Other information")
        // Scored questions under a section that names no node.
        #expect(zh.sectionHeading("Q", questions: [q("A2.2")]) == "Q 部分")
        #expect(en.sectionHeading("Q", questions: [q("A2.2")]) == "Section Q")
        // No section at all.
        #expect(zh.sectionHeading(nil, questions: [q("X1")]) == "其他问题")
        #expect(en.sectionHeading(nil, questions: [q("X1")]) == "Other questions")
        #expect(zh.numbered("A 组织保障与CIO体系", 2) == "二、A 组织保障与CIO体系")
        #expect(en.numbered("A Governance and CIO network", 2) == "2. A Governance and CIO network")
    }

    @Test func pageHeaderEscapesAmpersands() throws {
        #expect(SurveyFormText.escapedHeaderText("R&D 投入") == "R&&D 投入")
        let long = String(repeating: "&", count: 120)
        #expect(SurveyFormText.escapedHeaderText(long) == String(repeating: "&&", count: 100) + "…")
    }
}
