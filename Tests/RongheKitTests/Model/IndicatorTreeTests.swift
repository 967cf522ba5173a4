import Foundation
import Testing

@testable import RongheKit

/// A minimal valid tree document that tests modify to provoke one error at a time.
func treeJSON(questions: String? = nil, tree: String? = nil, extra: String = "") -> String {
    let defaultQuestions = """
        [{"id": "q1", "label": "问题一", "type": "number", "min": 0},
         {"id": "q2", "label": {"zh": "问题二", "en": "Question two"}, "type": "choice",
          "options": [{"code": "a", "label": "甲"}, {"code": "b", "label": "乙"}]},
         {"id": "q3", "label": "问题三", "type": "yes-no"}]
        """
    let defaultTree = """
        {"id": "total", "name": "总分", "children": [
          {"id": "L1", "name": "指标一", "weight": 0.5, "rule": {"kind": "linear", "question": "q1", "low": 0, "high": 10}},
          {"id": "L2", "name": "指标二", "weight": 0.5, "rule": {"kind": "choice", "question": "q2", "scores": {"a": 0, "b": 100}}}
        ]}
        """
    return """
        {"format": 1, "id": "test", "version": "1", "name": "测试",
         "questions": \(questions ?? defaultQuestions),
         "tree": \(tree ?? defaultTree)\(extra)}
        """
}

func parseTree(_ text: String) throws -> IndicatorTree {
    try IndicatorTree.parse(Data(text.utf8), source: "t.json")
}

/// The error text a tree document produces, or nil when it is valid.
func treeErrors(_ text: String) -> String? {
    do {
        _ = try parseTree(text)
        return nil
    } catch {
        return "\(error)"
    }
}

@Suite struct IndicatorTreeTests {
    @Test func defaultTreeLoadsWithAllLeaves() throws {
        let tree = try IndicatorTree.load(contentsOf: Fixtures.defaultTreeURL)
        #expect(tree.id == "lianghua-default")
        #expect(tree.root.leaves.count == 33)
        #expect(tree.root.children.map(\.id) == ["A", "B", "C", "D", "E", "F", "G"])
        #expect(tree.root.children.map { $0.weight ?? 0 } == [0.15, 0.10, 0.20, 0.15, 0.15, 0.15, 0.10])
        #expect(tree.stages.map(\.name.zh) == ["起步建设", "单项覆盖", "集成提升", "创新突破"])
        #expect(tree.vetoes.map(\.id) == ["safety", "environment", "dishonesty", "falsified", "losses", "incomplete"])
        #expect(tree.selection?.tracks.map(\.id) == ["large-medium", "sme"])
        // Every label is bilingual.
        #expect(tree.questions.allSatisfy { $0.label.en != nil })
        #expect(tree.root.preorder.allSatisfy { $0.name.en != nil })
    }

    @Test func hashIgnoresLayoutButNotContent() throws {
        let compact = try parseTree(treeJSON())
        let spaced = try parseTree(treeJSON().replacingOccurrences(of: ", ", with: ",\n   "))
        #expect(compact.hash == spaced.hash)
        let changed = try parseTree(treeJSON().replacingOccurrences(of: "\"high\": 10", with: "\"high\": 12"))
        #expect(compact.hash != changed.hash)
        #expect(compact.hash.count == 64)
    }

    @Test func syntaxErrorNamesLineAndColumn() {
        #expect(treeErrors("{\n  \"format\": 1,\n  \"id\": }") == "t.json:3:9: error: unexpected character '}' where a value was expected")
    }

    @Test func unreadableFile() {
        do {
            _ = try IndicatorTree.load(contentsOf: URL(fileURLWithPath: "/nonexistent/tree.json"))
            Issue.record("loaded a missing file")
        } catch {
            #expect("\(error)".hasPrefix("/nonexistent/tree.json: error: cannot read the indicator tree: "))
        }
    }

    @Test(arguments: [
        // Shape errors, reported with their JSON path.
        (treeJSON(extra: #", "wieght": 1"#),
         #"t.json: error: wieght: unknown key "wieght" (expected one of `defaults`, `description`, `format`, `id`, `name`, `questions`, `ranking`, `selection`, `stages`, `tree`, `version`, `vetoes`)"#),
        (treeJSON().replacingOccurrences(of: #""format": 1"#, with: #""format": 2"#),
         "t.json: error: format: this file uses tree format 2; this build of ronghe reads format 1"),
        (treeJSON().replacingOccurrences(of: #""weight": 0.5, "rule": {"kind": "choice""#, with: #""weight": "half", "rule": {"kind": "choice""#),
         "t.json: error: tree.children[1].weight: expected a number, found a string"),
        (treeJSON().replacingOccurrences(of: #""type": "yes-no""#, with: #""type": "boolean""#),
         #"t.json: error: questions[2].type: unknown question type "boolean" (expected one of "number", "percent", "yes-no", "choice", "multi-choice", "text")"#),
        (treeJSON().replacingOccurrences(of: #""kind": "linear""#, with: #""kind": "log""#),
         #"t.json: error: tree.children[0].rule.kind: unknown rule kind "log" (expected one of "linear", "steps", "choice", "yes-no", "share", "points", "ratio", "batch")"#),
        (treeJSON().replacingOccurrences(of: #""low": 0, "high": 10"#, with: #""low": 0"#),
         #"t.json: error: tree.children[0].rule: missing key "high""#),
        // Semantic errors.
        (treeJSON().replacingOccurrences(of: #""question": "q1""#, with: #""question": "q9""#),
         #"t.json: error: tree.children[0].rule.question: unknown question "q9""#),
        (treeJSON().replacingOccurrences(of: #""weight": 0.5, "rule": {"kind": "linear""#, with: #""weight": 0.45, "rule": {"kind": "linear""#),
         #"t.json: error: tree.children: the weights of the children of "total" sum to 0.95, not 1 (L1 0.45, L2 0.5)"#),
        (treeJSON().replacingOccurrences(of: #""low": 0, "high": 10"#, with: #""low": 10, "high": 10"#),
         "t.json: error: tree.children[0].rule: the goalposts are equal (low = high = 10), so no score can be computed"),
        (treeJSON().replacingOccurrences(of: #"{"kind": "choice", "question": "q2""#, with: #"{"kind": "choice", "question": "q1""#),
         #"t.json: error: tree.children[1].rule.question: a choice rule needs a choice question, but "q1" is number"#),
        (treeJSON().replacingOccurrences(of: #""scores": {"a": 0, "b": 100}"#, with: #""scores": {"a": 0}"#),
         #"t.json: error: tree.children[1].rule.scores: option "b" of question "q2" has no score"#),
        (treeJSON().replacingOccurrences(of: #""id": "q3""#, with: #""id": "q1""#),
         #"t.json: error: questions[2].id: the question id "q1" is used twice"#),
        (treeJSON().replacingOccurrences(of: #""id": "L2""#, with: #""id": "L1""#),
         #"t.json: error: tree.children[1].id: the node id "L1" is already used at tree.children[0]"#),
        (treeJSON(tree: #"{"id": "total", "name": "总分", "children": [{"id": "G", "name": "空", "weight": 1, "children": []}]}"#),
         #"t.json: error: tree.children[0]: node "G" is empty: give it children or a rule"#),
        (treeJSON(extra: #", "vetoes": [{"id": "v", "reason": "x", "when": {"question": "q7", "equals": "yes"}}]"#),
         #"t.json: error: vetoes[0].when.question: unknown question "q7""#),
        (treeJSON(extra: #", "stages": [{"id": "s", "name": "x", "minimumTotal": 0}, {"id": "t", "name": "y", "minimumTotal": 50, "requires": {"node": "Q", "atLeast": 1}}]"#),
         #"t.json: error: stages[1].requires.node: unknown node "Q""#),
        (treeJSON(extra: #", "vetoes": [{"id": "v", "reason": "x", "when": {"question": "q3", "equals": "maybe"}}]"#),
         #"t.json: error: vetoes[0].when: question "q3" is yes-no; compare it with "yes", "no", true or false"#),
        // Text profile fields compare text: these conditions would otherwise never hold.
        (treeJSON(extra: #", "vetoes": [{"id": "v", "reason": "x", "when": {"profile": "district", "equals": 371402}}]"#),
         #"t.json: error: vetoes[0].when: profile field "district" is text; write the value in quotes: "371402""#),
        (treeJSON(extra: #", "vetoes": [{"id": "v", "reason": "x", "when": {"profile": "industry", "atLeast": 26}}]"#),
         #"t.json: error: vetoes[0].when: profile field "industry" is text; use equals, notEquals or in"#),
        (treeJSON(extra: #", "vetoes": [{"id": "v", "reason": "x", "when": {"profile": "size", "in": ["large", "huge"]}}]"#),
         #"t.json: error: vetoes[0].when: unknown size class "huge" (expected one of "large", "medium", "small", "micro")"#),
    ])
    func reportsErrorsWithJSONPaths(document: String, expected: String) {
        #expect(treeErrors(document) == expected)
    }

    @Test func reportsEveryErrorNotJustTheFirst() {
        let document = treeJSON()
            .replacingOccurrences(of: #""question": "q1""#, with: #""question": "q9""#)
            .replacingOccurrences(of: #""scores": {"a": 0, "b": 100}"#, with: #""scores": {"a": 0, "b": 100, "c": 5}"#)
        #expect(treeErrors(document) == """
            t.json: error: tree.children[0].rule.question: unknown question "q9"
            t.json: error: tree.children[1].rule.scores["c"]: question "q2" has no option "c"
            """)
    }

    @Test func collectsDecodingErrorsAcrossListElements() {
        let questions = """
            [{"id": "q1", "label": "一", "type": "number"},
             {"id": "q2", "label": "二", "type": "choice", "options": [{"code": "a"}]},
             {"id": "q3", "type": "yes-no"}]
            """
        #expect(treeErrors(treeJSON(questions: questions)) == """
            t.json: error: questions[1].options[0]: missing key "label"
            t.json: error: questions[2]: missing key "label"
            """)
    }

    @Test func inNeverHoldsForAMultiChoiceQuestion() {
        // A multi-choice answer is a set of codes; the evaluator never finds it among "in" values.
        let questions = """
            [{"id": "q1", "label": "一", "type": "number"},
             {"id": "q2", "label": "二", "type": "choice", "options": [{"code": "a", "label": "甲"}, {"code": "b", "label": "乙"}]},
             {"id": "m", "label": "多选", "type": "multi-choice", "options": [{"code": "x", "label": "X"}, {"code": "y", "label": "Y"}]}]
            """
        let refused = #", "vetoes": [{"id": "v", "reason": "r", "when": {"question": "m", "in": ["x", "y"]}}]"#
        #expect(treeErrors(treeJSON(questions: questions, extra: refused)) == """
            t.json: error: vetoes[0].when: question "m" is multi-choice; "in" never holds for it: use "includes", with "any" to accept one of several options
            """)
        let accepted = #", "vetoes": [{"id": "v", "reason": "r", "when": {"any": [{"question": "m", "includes": "x"}, {"question": "m", "includes": "y"}]}}]"#
        #expect(treeErrors(treeJSON(questions: questions, extra: accepted)) == nil)
    }

    @Test func textProfileFieldsAcceptTextValues() {
        let conditions = [
            #"{"profile": "district", "in": ["371402", "371403"]}"#, #"{"profile": "size", "notEquals": "micro"}"#,
            #"{"profile": "industrySection", "equals": "C"}"#, #"{"profile": "employees", "atLeast": 300}"#,
        ]
        for condition in conditions {
            let extra = #", "vetoes": [{"id": "v", "reason": "r", "when": \#(condition)}]"#
            #expect(treeErrors(treeJSON(extra: extra)) == nil, "\(condition)")
        }
    }

    @Test func applicabilityCannotUseScores() {
        let questions = """
            [{"id": "q1", "label": "一", "type": "number", "applicableWhen": {"node": "L1", "atLeast": 3}},
             {"id": "q2", "label": "二", "type": "choice", "options": [{"code": "a", "label": "甲"}, {"code": "b", "label": "乙"}]}]
            """
        #expect(treeErrors(treeJSON(questions: questions))
            == "t.json: error: questions[0].applicableWhen.node: node scores are not known yet where this condition is evaluated")
    }

    @Test func applicabilityCyclesAreRefused() {
        let questions = """
            [{"id": "q1", "label": "一", "type": "number", "applicableWhen": {"question": "q3", "equals": "yes"}},
             {"id": "q2", "label": "二", "type": "choice", "options": [{"code": "a", "label": "甲"}, {"code": "b", "label": "乙"}]},
             {"id": "q3", "label": "三", "type": "yes-no", "applicableWhen": {"question": "q1", "atLeast": 1}}]
            """
        #expect(treeErrors(treeJSON(questions: questions)) == """
            t.json: error: questions[0].applicableWhen: the applicability of "q1" depends, through other questions, on itself
            t.json: error: questions[2].applicableWhen: the applicability of "q3" depends, through other questions, on itself
            """)
    }

    @Test func theRootHasNoWeight() {
        let tree = """
            {"id": "total", "name": "总分", "weight": 1, "children": [
              {"id": "L1", "name": "一", "weight": 1, "rule": {"kind": "linear", "question": "q1", "low": 0, "high": 10}}]}
            """
        #expect(treeErrors(treeJSON(tree: tree)) == "t.json: error: tree.weight: the root carries the whole total; it has no weight")
    }

    @Test func firstStageMustStartAtZero() {
        let stages = #", "stages": [{"id": "s", "name": "x", "minimumTotal": 10}]"#
        #expect(treeErrors(treeJSON(extra: stages))
            == "t.json: error: stages[0]: the first stage must start at 0 with no requirement, so that every enterprise has a stage")
    }

    @Test func inconsistentAHPMatrixIsRefusedWithItsWorstPair() {
        // A consistent matrix for weights 8:4:2:1 with one judgement reversed (L1 over L4 = 1/8
        // instead of 8). numpy's eigen-decomposition gives CR 1.013 and an implied L1/L4 of 0.660.
        let tree = """
            {"id": "total", "name": "总分", "weighting": {"ahp": [
                [1, 2, 4, "1/8"], ["1/2", 1, 2, 4], ["1/4", "1/2", 1, 2], [8, "1/4", "1/2", 1]]}, "children": [
              {"id": "L1", "name": "一", "rule": {"kind": "linear", "question": "q1", "low": 0, "high": 10}},
              {"id": "L2", "name": "二", "rule": {"kind": "yes-no", "question": "q3"}},
              {"id": "L3", "name": "三", "rule": {"kind": "choice", "question": "q2", "scores": {"a": 0, "b": 100}}},
              {"id": "L4", "name": "四", "rule": {"kind": "linear", "question": "q1", "low": 0, "high": 20}}
            ]}
            """
        #expect(treeErrors(treeJSON(tree: tree)) == """
            t.json: error: tree.weighting.ahp: the AHP matrix of "total" is too inconsistent: CR = 1.013 (must be below 0.10); the most inconsistent judgement is L1 over L4: 1/8, while the other judgements imply 0.660
            """)
    }

    @Test func childrenOfAnAHPNodeMustNotStateWeights() {
        let tree = """
            {"id": "total", "name": "总分", "weighting": {"ahp": [[1, 2], ["1/2", 1]]}, "children": [
              {"id": "L1", "name": "一", "weight": 0.6, "rule": {"kind": "linear", "question": "q1", "low": 0, "high": 10}},
              {"id": "L2", "name": "二", "rule": {"kind": "yes-no", "question": "q3"}}
            ]}
            """
        #expect(treeErrors(treeJSON(tree: tree))
            == "t.json: error: tree.children[0].weight: node \"total\" uses ahp weighting, so its children must not state a weight")
    }

    @Test func ahpMatrixMustBeReciprocal() {
        let tree = """
            {"id": "total", "name": "总分", "weighting": {"ahp": [[1, 2], [2, 1]]}, "children": [
              {"id": "L1", "name": "一", "rule": {"kind": "linear", "question": "q1", "low": 0, "high": 10}},
              {"id": "L2", "name": "二", "rule": {"kind": "yes-no", "question": "q3"}}
            ]}
            """
        #expect(treeErrors(treeJSON(tree: tree))
            == "t.json: error: tree.weighting.ahp: entries (1, 2) = 2 and (2, 1) = 2 of the AHP matrix are not reciprocal")
    }
}
