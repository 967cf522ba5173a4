import Testing

@testable import RongheKit

/// Conditions put into words over the default tree, as survey forms show them.
@Suite struct ConditionWordingTests {
    static let examples: [(condition: Condition, zh: String, en: String)] = [
        (
            .test(.question("F0"), [.equals(.text("yes"))]),
            "F0「是否为重点用能单位」为“是”", "F0 (Designated key energy-using unit) is “Yes”"
        ),
        (
            .test(.question("F0"), [.equals(.bool(false))]),
            "F0「是否为重点用能单位」为“否”", "F0 (Designated key energy-using unit) is “No”"
        ),
        (
            .test(.question("A1.1"), [.notEquals(.text("none"))]),
            "A1.1「首席信息官（CIO）的职级」不为“未设CIO或信息化负责人”",
            "A1.1 (Rank of the chief information officer (CIO)) is not “No CIO or IT head”"
        ),
        (
            .test(.profile(.size), [.oneOf([.text("large"), .text("medium")])]),
            "企业规模为“大型”或“中型”", "the size class is “Large” or “Medium”"
        ),
        (
            .test(.question("C1.1"), [.includes("finance")]),
            "C1.1「已应用的ERP模块（可多选）」包括“财务”", "C1.1 (ERP modules in use (choose all that apply)) includes “Finance”"
        ),
        (
            .test(.question("B1.1"), [.atLeast(100)]),
            "B1.1「本年度信息化投入」不低于100万元", "B1.1 (IT spending this year) is at least 100 (10k yuan)"
        ),
        (
            .test(.question("A2.3"), [.above(50)]),
            "A2.3「接受数字化技能培训的员工比例」高于50%", "A2.3 (Share of staff given digital-skills training) is above 50%"
        ),
        (
            .test(.question("D1.1"), [.atLeast(2), .atMost(10)]),
            "D1.1「已实现集成的系统对数（ERP、MES、PLM、CRM、SCM、EMS之间）」不低于2对且不高于10对",
            "D1.1 (Integrated links among ERP, MES, PLM, CRM, SCM and EMS) is at least 2 links and is at most 10 links"
        ),
        (
            .test(.question("X1"), [.answered(false)]),
            "X1「信息化建设主要成效（简述）」未填写", "X1 (Main results of informatization (brief)) is not answered"
        ),
        (
            .all([.test(.question("P1"), [.below(0)]), .test(.question("P2"), [.below(0)])]),
            "P1「上年度利润总额」低于0万元，且P2「前年度利润总额」低于0万元",
            "P1 (Profit last year) is below 0 (10k yuan) and P2 (Profit the year before last) is below 0 (10k yuan)"
        ),
        (
            .any([.flag("falsified"), .all([.test(.node("D"), [.atLeast(50)]), .test(.total, [.atLeast(60)])])]),
            "被标记为“falsified”，或（D「综合集成与协同」得分不低于50，且总分不低于60）",
            "marked “falsified” or (the score of D (Integration and collaboration) is at least 50 and the total score is at least 60)"
        ),
        (
            .not(.test(.completeness, [.below(0.9)])),
            "并非（填报率低于90%）", "not (the share of questions answered is below 90%)"
        ),
        (
            .test(.question("Z9"), [.equals(.text("yes"))]),
            "Z9为“yes”", "Z9 is “yes”"
        ),
    ]

    @Test(arguments: examples)
    func describes(example: (condition: Condition, zh: String, en: String)) throws {
        let tree = try IndicatorTree.load(contentsOf: Fixtures.defaultTreeURL)
        #expect(ConditionWording(tree: tree, language: .zh).describe(example.condition) == example.zh)
        #expect(ConditionWording(tree: tree, language: .en).describe(example.condition) == example.en)
    }

    @Test func applicabilitySentence() throws {
        let tree = try IndicatorTree.load(contentsOf: Fixtures.defaultTreeURL)
        let condition = try #require(tree.question("F1.2")?.applicableWhen)
        #expect(ConditionWording(tree: tree, language: .zh).applicability(condition) == "仅当F0「是否为重点用能单位」为“是”时填写，否则请留空")
        #expect(ConditionWording(tree: tree, language: .en).applicability(condition)
            == "Answer only if F0 (Designated key energy-using unit) is “Yes”; otherwise leave blank")
    }
}
