import Foundation
import Testing

@testable import RongheKit

@Suite struct SurveyValueFormatterTests {
    @Test(arguments: [
        (1234.5, true, "1,234.5"), (1234.5, false, "1234.5"), (999, true, "999"), (-1234567, true, "-1,234,567"),
        (1000, true, "1,000"), (0.5, true, "0.5"), (18600, true, "18,600"), (-0.25, false, "-0.25"),
    ])
    func numbersAsPeopleTypeThem(value: Double, thousands: Bool, text: String) {
        #expect(SurveyValueFormatter.decimal(value, thousands: thousands) == text)
    }

    @Test func answersOfTheDefaultTreeAsTyped() {
        let tree = GeneratorFixtures.defaultTree
        let formatter = SurveyValueFormatter(tree: tree)
        let plain = SurveyTyping.plain.style(forRow: 0)
        func text(_ answer: Answer?, _ id: String) -> String { formatter.text(answer, for: tree.question(id)!, style: plain) }
        #expect(text(.choice("director"), "A1.1") == "总监级（中层以上）")
        #expect(text(.choices(["association", "training"]), "A1.3") == "CIO为市级或省级CIO协会会员、CIO年度培训不少于24学时")
        #expect(text(.choices([]), "C1.1") == "无")
        #expect(text(.yesNo(true), "F0") == "是")
        #expect(text(.yesNo(false), "V1") == "否")
        #expect(text(.notApplicable, "C2.1") == "不适用")
        #expect(text(nil, "X1") == "")
        #expect(text(.number(-120.5), "P1") == "-120.5")
    }

    /// Labels that would not read back as their option are replaced: one that spells another
    /// option's code, one that is a not-applicable word, one with a separator in a multi-choice.
    @Test func ambiguousLabelsFallBackToSomethingThatReadsBack() throws {
        let question = Question(id: "Q", label: LocalizedText(zh: "题"), type: .multiChoice, options: [
            QuestionOption(code: "a", label: LocalizedText(zh: "b", en: "Alpha")),
            QuestionOption(code: "b", label: LocalizedText(zh: "不适用", en: "Beta")),
            QuestionOption(code: "c", label: LocalizedText(zh: "丙;丁")),
            QuestionOption(code: "d", label: LocalizedText(zh: "戊、己")),
        ])
        let tree = try IndicatorTree.parse(Data(#"""
            {"format": 1, "id": "t", "version": "1", "name": "t", "questions": [
              {"id": "Q", "label": "题", "type": "multi-choice", "options": [
                {"code": "a", "label": {"zh": "b", "en": "Alpha"}}, {"code": "b", "label": {"zh": "不适用", "en": "Beta"}},
                {"code": "c", "label": "丙;丁"}, {"code": "d", "label": "戊、己"}]}],
             "tree": {"id": "root", "name": "r", "children": [{"id": "L", "name": "l", "weight": 1, "rule": {"kind": "share", "question": "Q"}}]}}
            """#.utf8), source: "t.json")
        #expect(tree.question("Q") == question)
        let formatter = SurveyValueFormatter(tree: tree)
        let style = SurveyTyping.plain.style(forRow: 0)
        #expect(formatter.text(.choices(["a", "b", "c"]), for: question, style: style) == "Alpha、Beta、c")
        // A label with 、 is kept whole, so the options are joined with ; instead.
        #expect(formatter.text(.choices(["a", "d"]), for: question, style: style) == "Alpha;戊、己")
        for codes in [["a"], ["b"], ["c"], ["d"], ["a", "b", "c", "d"], ["b", "d"]] {
            let typed = formatter.text(.choices(codes), for: question, style: style)
            #expect(AnswerParser.parse(.text(typed), for: question) == .answer(.choices(codes)), "\(typed)")
        }
    }
}
