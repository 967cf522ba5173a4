import Foundation
import Testing

@testable import RongheKit

@Suite struct ScoringEngineTests {
    // MARK: Rules

    static let numberQuestion = #"{"id": "x", "label": "x", "type": "number"}"#

    func single(_ rule: String, questions: String = numberQuestion, _ answers: [String: Answer]) throws -> NodeResult {
        let tree = try makeTree(questions: questions, children: #"{"id": "L", "name": "L", "weight": 1, "rule": \#(rule)}"#)
        return try scoreCards(tree, [survey("1", answers)])["1"]!.node("L")!
    }

    @Test(arguments: [
        // (answer, direction, expected score, clamped)
        (5.0, "higher", 50.0, false), (0, "higher", 0, false), (10, "higher", 100, false),
        (15, "higher", 100, true), (-3, "higher", 0, true),
        (2, "lower", 80, false), (12, "lower", 0, true),
    ])
    func linearRule(answer: Double, direction: String, expected: Double, clamped: Bool) throws {
        let node = try single(
            #"{"kind": "linear", "question": "x", "low": 0, "high": 10, "direction": "\#(direction)"}"#, ["x": .number(answer)])
        #expect(isClose(node.score, expected))
        #expect(node.value == answer)
        #expect(node.flags.contains(.clamped) == clamped)
        #expect(node.flags.contains(.answered))
    }

    @Test(arguments: [(-1.0, 5.0), (0, 0), (9.99, 0), (10, 50), (19.9, 50), (20, 100), (1e6, 100)])
    func stepsRule(answer: Double, expected: Double) throws {
        let rule = #"{"kind": "steps", "question": "x", "below": 5, "steps": [{"from": 0, "score": 0}, {"from": 10, "score": 50}, {"from": 20, "score": 100}]}"#
        #expect(try single(rule, ["x": .number(answer)]).score == expected)
    }

    static let choiceQuestion = #"{"id": "c", "label": "c", "type": "choice", "options": [{"code": "lo", "label": "低"}, {"code": "mid", "label": "中"}, {"code": "hi", "label": "高"}]}"#

    @Test func choiceRule() throws {
        let rule = #"{"kind": "choice", "question": "c", "scores": {"lo": 0, "mid": 70, "hi": 100}}"#
        #expect(try single(rule, questions: Self.choiceQuestion, ["c": .choice("mid")]).score == 70)
    }

    @Test func yesNoRuleWithCustomScores() throws {
        let question = #"{"id": "y", "label": "y", "type": "yes-no"}"#
        let rule = #"{"kind": "yes-no", "question": "y", "yes": 80, "no": 20}"#
        #expect(try single(rule, questions: question, ["y": .yesNo(true)]).score == 80)
        #expect(try single(rule, questions: question, ["y": .yesNo(false)]).score == 20)
        #expect(try single(#"{"kind": "yes-no", "question": "y"}"#, questions: question, ["y": .yesNo(true)]).score == 100)
    }

    static let multiQuestion = #"{"id": "m", "label": "m", "type": "multi-choice", "options": [{"code": "a", "label": "甲"}, {"code": "b", "label": "乙"}, {"code": "c", "label": "丙"}]}"#

    @Test func shareRuleCountsChosenOptions() throws {
        let node = try single(#"{"kind": "share", "question": "m"}"#, questions: Self.multiQuestion, ["m": .choices(["a", "c"])])
        #expect(isClose(node.score, 200.0 / 3.0))
        #expect(node.value == 2)
        let none = try single(#"{"kind": "share", "question": "m"}"#, questions: Self.multiQuestion, ["m": .choices([])])
        #expect(none.score == 0)
        #expect(none.flags.contains(.answered))
        let ofFour = try single(#"{"kind": "share", "question": "m", "outOf": 4}"#, questions: Self.multiQuestion, ["m": .choices(["a", "b", "c"])])
        #expect(ofFour.score == 75)
    }

    @Test func pointsRuleSumsAndCaps() throws {
        let rule = #"{"kind": "points", "question": "m", "points": {"a": 50, "b": 50, "c": 30}}"#
        #expect(try single(rule, questions: Self.multiQuestion, ["m": .choices(["a", "c"])]).score == 80)
        let capped = try single(rule, questions: Self.multiQuestion, ["m": .choices(["a", "b", "c"])])
        #expect(capped.score == 100)
        #expect(capped.flags.contains(.clamped))
    }

    @Test func ratioRuleOverAProfileFigure() throws {
        // 30 IT staff among 1,000 employees = 3 per 100; goalposts 0.5–5: (3 − 0.5) / 4.5 = 55.5…%.
        let rule = #"{"kind": "ratio", "numerator": "x", "denominator": {"profile": "employees"}, "scale": 100, "low": 0.5, "high": 5}"#
        let tree = try makeTree(questions: Self.numberQuestion, children: #"{"id": "L", "name": "L", "weight": 1, "rule": \#(rule)}"#)
        let cards = try scoreCards(tree, [
            survey("1", employees: 1000, ["x": .number(30)]),
            survey("2", employees: 0, ["x": .number(30)]),
            survey("3", employees: nil, ["x": .number(30)]),
        ])
        let node = cards["1"]!.node("L")!
        #expect(isClose(node.score, 2.5 / 4.5 * 100))
        #expect(isClose(node.value, 3))
        // A zero denominator is missing, not infinity; the default policy then scores 0.
        #expect(cards["2"]!.node("L")!.flags == [.missing, .zeroDenominator, .zeroForMissing])
        #expect(cards["2"]!.node("L")!.score == 0)
        #expect(cards["3"]!.node("L")!.flags == [.missing, .zeroForMissing])
    }

    @Test func ratioRuleOfTwoQuestions() throws {
        let questions = #"{"id": "n", "label": "n", "type": "number"}, {"id": "d", "label": "d", "type": "number"}"#
        let rule = #"{"kind": "ratio", "numerator": "n", "denominator": "d", "scale": 100, "low": 0, "high": 35}"#
        let tree = try makeTree(questions: questions, children: #"{"id": "L", "name": "L", "weight": 1, "rule": \#(rule)}"#)
        let card = try scoreCards(tree, [survey("1", ["n": .number(700), "d": .number(4000)])])["1"]!
        // 700 / 4000 = 17.5%; 17.5 / 35 = 50.
        #expect(isClose(card.total, 50))
    }

    func batchScores(_ method: String, _ values: [Double], direction: String = "higher") throws -> [Double?] {
        let rule = #"{"kind": "batch", "question": "x", "method": "\#(method)", "direction": "\#(direction)"}"#
        let tree = try makeTree(questions: Self.numberQuestion, children: #"{"id": "L", "name": "L", "weight": 1, "rule": \#(rule)}"#)
        let responses = values.enumerated().map { survey(String($0.offset), ["x": .number($0.element)]) }
        let cards = try scoreCards(tree, responses)
        return values.indices.map { cards[String($0)]!.node("L")!.score }
    }

    @Test func batchMinMax() throws {
        let scores = try batchScores("min-max", [10, 20, 40])
        #expect(scores[0] == 0)
        #expect(scores[2] == 100)
        #expect(isClose(scores[1], 100.0 / 3.0))
        let reversed = try batchScores("min-max", [10, 20, 40], direction: "lower")
        #expect(reversed[0] == 100)
        #expect(reversed[2] == 0)
        #expect(isClose(reversed[1], 200.0 / 3.0))
    }

    @Test func batchZScoreThroughTheNormalDistribution() throws {
        // Mean 20, population SD 8.1650: z = ∓1.2247, Φ(z) = 0.110336 and 0.889664 (Python's NormalDist).
        let scores = try batchScores("z-score", [10, 20, 30])
        #expect(isClose(scores[0], 11.033568, tolerance: 1e-6))
        #expect(isClose(scores[1], 50, tolerance: 1e-12))
        #expect(isClose(scores[2], 88.966432, tolerance: 1e-6))
    }

    @Test func batchPercentileRankWithTies() throws {
        #expect(try batchScores("percentile", [10, 20, 20, 40]) == [0, 50, 50, 100])
    }

    @Test(arguments: ["min-max", "z-score", "percentile"])
    func batchConstantColumnNeverDividesByZero(method: String) throws {
        let rule = #"{"kind": "batch", "question": "x", "method": "\#(method)", "constantScore": 60}"#
        let tree = try makeTree(questions: Self.numberQuestion, children: #"{"id": "L", "name": "L", "weight": 1, "rule": \#(rule)}"#)
        let cards = try scoreCards(tree, [survey("1", ["x": .number(7)]), survey("2", ["x": .number(7)]), survey("3", [:])])
        for uscc in ["1", "2"] {
            #expect(cards[uscc]!.node("L")!.score == 60)
            #expect(cards[uscc]!.node("L")!.flags.contains(.constantColumn))
        }
        // The blank enterprise takes no part in the column and scores 0 under the default policy.
        #expect(cards["3"]!.node("L")!.score == 0)
    }

    // MARK: Missing answers and applicability

    enum TwoLeaves {
        static let questions = #"{"id": "x", "label": "x", "type": "number"}, {"id": "y", "label": "y", "type": "number"}"#

        static func children(_ policy: String) -> String {
            #"""
            {"id": "LX", "name": "LX", "weight": 0.4, "missing": "\#(policy)", "rule": {"kind": "linear", "question": "x", "low": 0, "high": 100}},
            {"id": "LY", "name": "LY", "weight": 0.6, "rule": {"kind": "linear", "question": "y", "low": 0, "high": 100}}
            """#
        }
    }

    @Test func missingScoresZero() throws {
        let tree = try makeTree(questions: TwoLeaves.questions, children: TwoLeaves.children("zero"))
        let card = try scoreCards(tree, [survey("1", ["y": .number(50)])])["1"]!
        #expect(card.node("LX")!.score == 0)
        #expect(card.node("LX")!.flags == [.missing, .zeroForMissing])
        #expect(isClose(card.total, 30))
        #expect(card.completeness == 0.5)
    }

    @Test func missingRespreadsItsWeight() throws {
        let tree = try makeTree(questions: TwoLeaves.questions, children: TwoLeaves.children("respread"))
        let card = try scoreCards(tree, [survey("1", ["y": .number(50)])])["1"]!
        let x = card.node("LX")!
        let y = card.node("LY")!
        #expect(x.score == nil)
        #expect(x.weight == 0)
        #expect(x.flags == [.missing, .respread])
        #expect(y.weight == 1)
        #expect(y.nominalWeight == 0.6)
        #expect(y.globalWeight == 1)
        #expect(card.node("total")!.flags.contains(.partial))
        #expect(isClose(card.total, 50))
    }

    @Test func missingTakesItsIndustryMedian() throws {
        let tree = try makeTree(questions: TwoLeaves.questions, children: TwoLeaves.children("industry-median"))
        let result = try ScoringEngine(tree: tree).score([
            survey("a", industry: "C26", ["x": .number(20), "y": .number(0)]),
            survey("b", industry: "C26", ["x": .number(40), "y": .number(0)]),
            survey("c", industry: "C26", ["x": .number(90), "y": .number(0)]),
            survey("d", industry: "C26", ["y": .number(0)]),
            survey("e", industry: "C30", ["x": .number(10), "y": .number(0)]),
            survey("f", industry: "C30", ["x": .number(30), "y": .number(0)]),
            survey("g", industry: "I65", ["y": .number(0)]),
        ])
        let cards = Dictionary(uniqueKeysWithValues: result.map { ($0.profile.uscc, $0) })
        // C26 answered 20, 40, 90: median 40.
        #expect(cards["d"]!.node("LX")!.score == 40)
        #expect(cards["d"]!.node("LX")!.flags == [.missing, .imputed])
        // Nobody in I65 answered: the batch median of 10, 20, 30, 40, 90 is 30.
        #expect(cards["g"]!.node("LX")!.score == 30)
        #expect(result.imputationMedians["LX"] == ["C26": 40, "C30": 20, "*": 30])
    }

    @Test func imputationWithNoAnswersAnywhereScoresZero() throws {
        let tree = try makeTree(questions: TwoLeaves.questions, children: TwoLeaves.children("industry-median"))
        let card = try scoreCards(tree, [survey("1", ["y": .number(10)])])["1"]!
        #expect(card.node("LX")!.score == 0)
        #expect(card.node("LX")!.flags == [.missing, .zeroForMissing])
    }

    @Test func notApplicableAlwaysRespreads() throws {
        let questions = """
            {"id": "key", "label": "重点用能单位", "type": "yes-no"},
            {"id": "x", "label": "x", "type": "yes-no", "applicableWhen": {"question": "key", "equals": "yes"}},
            {"id": "y", "label": "y", "type": "number", "allowsNotApplicable": true}
            """
        let children = """
            {"id": "LX", "name": "LX", "weight": 0.2, "rule": {"kind": "yes-no", "question": "x"}},
            {"id": "LY", "name": "LY", "weight": 0.3, "rule": {"kind": "linear", "question": "y", "low": 0, "high": 10}},
            {"id": "LK", "name": "LK", "weight": 0.5, "rule": {"kind": "yes-no", "question": "key"}}
            """
        let tree = try makeTree(questions: questions, children: children)
        let cards = try scoreCards(tree, [
            survey("key", ["key": .yesNo(true), "x": .yesNo(true), "y": .number(5)]),
            survey("other", ["key": .yesNo(false), "x": .yesNo(true), "y": .notApplicable]),
        ])
        #expect(isClose(cards["key"]!.total, 0.2 * 100 + 0.3 * 50 + 0.5 * 100))
        let other = cards["other"]!
        // Not a key energy user: x does not apply even though answered; y declared not applicable.
        #expect(other.node("LX")!.flags == .notApplicable)
        #expect(other.node("LY")!.flags == .notApplicable)
        #expect(other.node("LK")!.weight == 1)
        #expect(other.total == 0)
        // Completeness counts applicable questions only: key answered, 1 of 1.
        #expect(other.completeness == 1)
    }

    @Test func applicabilityFollowsDependenciesNotFileOrder() throws {
        // b depends on a, a on k; the file lists b first. With k = no, a does not apply, so b
        // must see a as unanswered and not apply either, although a's raw answer is yes.
        let questions = """
            {"id": "b", "label": "b", "type": "yes-no", "applicableWhen": {"question": "a", "equals": "yes"}},
            {"id": "a", "label": "a", "type": "yes-no", "applicableWhen": {"question": "k", "equals": "yes"}},
            {"id": "k", "label": "k", "type": "yes-no"}
            """
        let children = """
            {"id": "LB", "name": "LB", "weight": 0.5, "rule": {"kind": "yes-no", "question": "b"}},
            {"id": "LK", "name": "LK", "weight": 0.5, "rule": {"kind": "yes-no", "question": "k"}}
            """
        let tree = try makeTree(questions: questions, children: children)
        #expect(tree.applicabilityOrder.map(\.id) == ["a", "b"])
        let card = try scoreCards(tree, [survey("1", ["k": .yesNo(false), "a": .yesNo(true), "b": .yesNo(true)])])["1"]!
        #expect(card.node("LB")!.flags == .notApplicable)
        #expect(card.node("LK")!.weight == 1)
    }

    @Test func zeroWeightChildrenCannotCarryTheirParent() throws {
        let children = """
            {"id": "G", "name": "G", "weight": 0.5, "children": [
              {"id": "LX", "name": "LX", "weight": 1, "missing": "respread", "rule": {"kind": "linear", "question": "x", "low": 0, "high": 100}},
              {"id": "LY", "name": "LY", "weight": 0, "rule": {"kind": "linear", "question": "y", "low": 0, "high": 100}}]},
            {"id": "LZ", "name": "LZ", "weight": 0.5, "rule": {"kind": "linear", "question": "y", "low": 0, "high": 100}}
            """
        let tree = try makeTree(questions: TwoLeaves.questions, children: children)
        let card = try scoreCards(tree, [survey("1", ["y": .number(90)])])["1"]!
        // x is blank and re-spread; only y is left in G, and G gives it weight 0: G is left out
        // rather than scoring 90 on an indicator it says counts for nothing.
        #expect(card.node("G")!.score == nil)
        #expect(card.node("G")!.flags == .respread)
        #expect(card.total == 90)
    }

    @Test func everythingLeftOutGivesZeroAndIsNotRanked() throws {
        let tree = try makeTree(questions: TwoLeaves.questions, children: TwoLeaves.children("respread")
            .replacingOccurrences(of: #""id": "LY", "name": "LY", "weight": 0.6,"#, with: #""id": "LY", "name": "LY", "weight": 0.6, "missing": "respread","#))
        let card = try scoreCards(tree, [survey("1", [:])])["1"]!
        #expect(card.node("total")!.score == nil)
        #expect(card.node("total")!.flags == .respread)
        #expect(card.total == 0)
        #expect(card.completeness == 0)
        #expect(!card.isRanked && card.ranks.overall == nil)
    }

    // MARK: Aggregation and weights

    @Test func effectiveWeightsMultiplyDownTheTree() throws {
        let children = """
            {"id": "A", "name": "A", "weight": 0.25, "children": [
              {"id": "A1", "name": "A1", "weight": 0.4, "rule": {"kind": "linear", "question": "x", "low": 0, "high": 100}},
              {"id": "A2", "name": "A2", "weight": 0.6, "rule": {"kind": "linear", "question": "y", "low": 0, "high": 100}}]},
            {"id": "B", "name": "B", "weight": 0.75, "rule": {"kind": "linear", "question": "y", "low": 0, "high": 100}}
            """
        let tree = try makeTree(questions: TwoLeaves.questions, children: children)
        let card = try scoreCards(tree, [survey("1", ["x": .number(80), "y": .number(30)])])["1"]!
        #expect(isClose(card.node("A")!.score, 0.4 * 80 + 0.6 * 30))
        #expect(isClose(card.node("A1")!.globalWeight, 0.1))
        #expect(isClose(card.node("A2")!.globalWeight, 0.15))
        #expect(isClose(card.total, 0.25 * 50 + 0.75 * 30))
    }

    @Test func equalWeighting() throws {
        let tree = try makeTree(
            questions: TwoLeaves.questions,
            children: TwoLeaves.children("zero").replacingOccurrences(of: #""weight": 0.4, "#, with: "")
                .replacingOccurrences(of: #""weight": 0.6, "#, with: ""),
            rootExtra: #", "weighting": "equal""#)
        #expect(isClose(try scoreCards(tree, [survey("1", ["x": .number(80), "y": .number(30)])])["1"]!.total, 55))
    }

    @Test func ahpWeighting() throws {
        // [[1, 3], [1/3, 1]] gives 0.75 / 0.25.
        let tree = try makeTree(
            questions: TwoLeaves.questions,
            children: TwoLeaves.children("zero").replacingOccurrences(of: #""weight": 0.4, "#, with: "")
                .replacingOccurrences(of: #""weight": 0.6, "#, with: ""),
            rootExtra: #", "weighting": {"ahp": [[1, 3], ["1/3", 1]]}"#)
        #expect(isClose(try scoreCards(tree, [survey("1", ["x": .number(80), "y": .number(40)])])["1"]!.total, 70))
    }

    @Test func entropyWeightingFromTheBatch() throws {
        let questions = (1...3).map { #"{"id": "q\#($0)", "label": "q", "type": "number"}"# }.joined(separator: ",")
        let children = (1...3).map {
            #"{"id": "L\#($0)", "name": "L", "rule": {"kind": "linear", "question": "q\#($0)", "low": 0, "high": 100}}"#
        }.joined(separator: ",")
        let tree = try makeTree(questions: questions, children: children, rootExtra: #", "weighting": "entropy""#)
        // The hand-worked columns of EntropyWeightsTests: weights 0.073542, 0, 0.926458.
        let rows: [[Double]] = [[1, 2, 0], [2, 2, 0], [3, 2, 6]]
        let result = try ScoringEngine(tree: tree).score(rows.enumerated().map { row in
            survey(String(row.offset), Dictionary(uniqueKeysWithValues: row.element.enumerated().map { ("q\($0.offset + 1)", Answer.number($0.element)) }))
        })
        let weights = try #require(result.derivedWeights["total"])
        #expect(abs(weights[0] - 0.073542) < 1e-6)
        #expect(weights[1] == 0)
        #expect(abs(weights[2] - 0.926458) < 1e-6)
        let expected: Double = 0.073542 * 3 + 0.926458 * 6
        #expect(isClose(result[2].total, expected, tolerance: 1e-5))
        #expect(result[2].node("L3")!.nominalWeight == weights[2])
    }

    @Test func geometricMeanRaisesZerosToTheFloor() throws {
        let tree = try makeTree(
            questions: TwoLeaves.questions,
            children: TwoLeaves.children("zero").replacingOccurrences(of: "0.4", with: "0.5").replacingOccurrences(of: "0.6", with: "0.5"),
            rootExtra: #", "aggregation": {"geometric": {"floor": 1}}"#)
        let cards = try scoreCards(tree, [survey("1", ["x": .number(0), "y": .number(100)]), survey("2", ["x": .number(25), "y": .number(100)])])
        // exp(0.5 ln 1 + 0.5 ln 100) = 10; √(25 · 100) = 50.
        #expect(isClose(cards["1"]!.total, 10))
        #expect(cards["1"]!.node("total")!.flags.contains(.floored))
        #expect(isClose(cards["2"]!.total, 50))
        #expect(!cards["2"]!.node("total")!.flags.contains(.floored))
    }

    // MARK: Stages, vetoes, ranks

    static let stageTree = (
        questions: """
            {"id": "x", "label": "x", "type": "number"}, {"id": "d", "label": "d", "type": "number"},
            {"id": "accident", "label": "事故", "type": "yes-no"},
            {"id": "p1", "label": "利润1", "type": "number"}, {"id": "p2", "label": "利润2", "type": "number"}
            """,
        children: """
            {"id": "X", "name": "X", "weight": 0.5, "rule": {"kind": "linear", "question": "x", "low": 0, "high": 100}},
            {"id": "D", "name": "D", "weight": 0.5, "rule": {"kind": "linear", "question": "d", "low": 0, "high": 100}}
            """,
        extra: """
            , "stages": [
              {"id": "s1", "name": "起步建设", "minimumTotal": 0},
              {"id": "s2", "name": "单项覆盖", "minimumTotal": 40},
              {"id": "s3", "name": "集成提升", "minimumTotal": 60, "requires": {"node": "D", "atLeast": 50}},
              {"id": "s4", "name": "创新突破", "minimumTotal": 80, "requires": {"node": "D", "atLeast": 70}}],
            "vetoes": [
              {"id": "safety", "reason": "安全事故", "when": {"question": "accident", "equals": "yes"}},
              {"id": "falsified", "reason": "弄虚作假", "when": {"flag": "falsified"}},
              {"id": "losses", "reason": "连续亏损", "when": {"all": [{"question": "p1", "below": 0}, {"question": "p2", "below": 0}]}},
              {"id": "incomplete", "reason": "填报不全", "when": {"metric": "completeness", "below": 0.9}}],
            "ranking": {"minimumCompleteness": 0.5}
            """
    )

    @Test(arguments: [
        // (x, d, stage): totals 95 with D 90 → s4; 85 with D 60 → not s4 (D < 70) but s3; 70 with
        // D 40 → s2 (D < 50); 39.5 → s1; exactly 40 → s2.
        (100.0, 90.0, "s4"), (110, 60, "s3"), (100, 40, "s2"), (29, 50, "s1"), (30, 50, "s2"),
    ])
    func stagesUseBandsAndRequirements(x: Double, d: Double, stage: String) throws {
        let tree = try makeTree(questions: Self.stageTree.questions, children: Self.stageTree.children, extra: Self.stageTree.extra)
        let card = try scoreCards(tree, [survey("1", ["x": .number(x), "d": .number(d)])])["1"]!
        #expect(card.stage == stage)
    }

    @Test func vetoesKeepTheScoreAndGiveReasons() throws {
        let tree = try makeTree(questions: Self.stageTree.questions, children: Self.stageTree.children, extra: Self.stageTree.extra)
        let full: [String: Answer] = ["x": .number(90), "d": .number(90), "accident": .yesNo(false), "p1": .number(5), "p2": .number(-5)]
        var accident = full
        accident["accident"] = .yesNo(true)
        var losses = full
        losses["p1"] = .number(-1)
        let cards = try scoreCards(tree, [
            survey("clean", full), survey("accident", accident), survey("losses", losses),
            survey("falsified", flags: ["falsified"], full), survey("sparse", ["x": .number(90), "d": .number(90)]),
        ])
        #expect(cards["clean"]!.vetoes == [])
        #expect(cards["accident"]!.vetoes == ["safety"])
        #expect(cards["accident"]!.total == 90 && cards["accident"]!.ranks.overall == 1)
        #expect(cards["losses"]!.vetoes == ["losses"])
        #expect(cards["falsified"]!.vetoes == ["falsified"])
        // Scored questions x and d are answered, so completeness is 1 and the veto does not fire;
        // blank eligibility questions are not part of completeness.
        #expect(cards["sparse"]!.vetoes == [])
        let halfDone = try scoreCards(tree, [survey("half", ["x": .number(90)])])["half"]!
        #expect(halfDone.completeness == 0.5 && halfDone.vetoes == ["incomplete"] && halfDone.isRanked)
    }

    @Test func competitionRanksWithTiesAndGroups() throws {
        let tree = try makeTree(questions: Self.stageTree.questions, children: Self.stageTree.children, extra: Self.stageTree.extra)
        func entry(_ uscc: String, _ x: Double, district: String, size: SizeClass = .medium, industry: String = "C26") -> SurveyResponse {
            survey(uscc, industry: industry, district: district, size: size, ["x": .number(x), "d": .number(x)])
        }
        let cards = try scoreCards(tree, [
            entry("a", 90, district: "371402"), entry("b", 80, district: "371402", size: .small),
            entry("c", 80, district: "371403"), entry("d", 70, district: "371403", industry: "C30"),
            entry("e", 60, district: "371402", size: .small),
            survey("f", district: "371402", ["x": .number(100)]),
        ])
        #expect(["a", "b", "c", "d", "e"].map { cards[$0]!.ranks.overall } == [1, 2, 2, 4, 5])
        #expect(["a", "b", "e"].map { cards[$0]!.ranks.district } == [1, 2, 3])
        #expect(["c", "d"].map { cards[$0]!.ranks.district } == [1, 2])
        #expect(["b", "e"].map { cards[$0]!.ranks.size } == [1, 2])
        #expect(cards["d"]!.ranks.industry == 1 && cards["c"]!.ranks.industry == 2)
        // f answered one of two scored questions: completeness 0.5 meets the minimum of 0.5, and
        // its blank D scores 0, so its total is 50, below e's 60.
        #expect(cards["f"]!.isRanked)
        #expect(cards["f"]!.total == 50)
        #expect(cards["f"]!.ranks.overall == 6)
        #expect(cards["e"]!.ranks.overall == 5)
    }

    @Test func rankingOrderPutsTiesInUSCCOrderAndUnrankedLast() throws {
        let tree = try makeTree(questions: Self.stageTree.questions, children: Self.stageTree.children, extra: Self.stageTree.extra)
        let result = try ScoringEngine(tree: tree).score([
            survey("z", ["x": .number(80), "d": .number(80)]),
            survey("m", ["x": .number(80), "d": .number(80)]),
            survey("unranked", [:]),
            survey("top", ["x": .number(99), "d": .number(99)]),
        ])
        #expect(result.rankingOrder.map { result[$0].profile.uscc } == ["top", "m", "z", "unranked"])
    }

    @Test func duplicateEnterprisesAreRefused() throws {
        let tree = try makeTree(questions: Self.numberQuestion, children: #"{"id": "L", "name": "L", "weight": 1, "rule": {"kind": "linear", "question": "x", "low": 0, "high": 1}}"#)
        #expect(throws: ScoringError.duplicateEnterprise(uscc: "91370000MA3C5LXK2K")) {
            try ScoringEngine(tree: tree).score([survey("91370000MA3C5LXK2K", [:]), survey("91370000MA3C5LXK2K", [:])])
        }
    }
}
