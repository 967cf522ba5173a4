import Foundation
import Testing

@testable import RongheKit

@Suite struct RuleSummaryTests {
    /// The summary of the only leaf of a tree over these questions.
    func summary(questions: String, rule: String) throws -> String {
        let tree = try makeTree(questions: questions, children: #"{"id": "L", "name": "L", "weight": 1, "rule": \#(rule)}"#)
        return try #require(tree.node("L")?.rule).summary(in: tree)
    }

    static let number = #"{"id": "x", "label": "x", "type": "number"}, {"id": "y", "label": "y", "type": "number"}"#
    static let choice = #"{"id": "c", "label": "c", "type": "choice", "options": [{"code": "none", "label": "无"}, {"code": "some", "label": "部分"}, {"code": "all", "label": "全部"}]}"#
    static let multi = #"{"id": "m", "label": "m", "type": "multi-choice", "options": [{"code": "a", "label": "甲"}, {"code": "b", "label": "乙"}, {"code": "c", "label": "丙"}]}"#

    @Test(arguments: [
        (number, #"{"kind": "linear", "question": "x", "low": 0.2, "high": 3}"#, "linear 0.2 → 3 (higher is better)"),
        (number, #"{"kind": "linear", "question": "x", "low": 0, "high": 5, "direction": "lower"}"#, "linear 0 → 5 (lower is better)"),
        (number, #"{"kind": "steps", "question": "x", "steps": [{"from": 20, "score": 40}, {"from": 50, "score": 100}], "below": 10}"#,
         "steps <20 → 10 · ≥20 → 40 · ≥50 → 100"),
        // Scores follow the question's option order, not the order in the rule.
        (choice, #"{"kind": "choice", "question": "c", "scores": {"all": 100, "none": 0, "some": 50}}"#, "choice none 0 · some 50 · all 100"),
        (#"{"id": "q", "label": "q", "type": "yes-no"}"#, #"{"kind": "yes-no", "question": "q"}"#, "yes-no 100/0"),
        (#"{"id": "q", "label": "q", "type": "yes-no"}"#, #"{"kind": "yes-no", "question": "q", "yes": 80, "no": 20}"#, "yes-no 80/20"),
        (multi, #"{"kind": "share", "question": "m"}"#, "share of 3 options"),
        (multi, #"{"kind": "share", "question": "m", "outOf": 5}"#, "share of 5"),
        // Options worth nothing are left out.
        (multi, #"{"kind": "points", "question": "m", "points": {"c": 30, "a": 60, "b": 0}}"#, "points a 60 · c 30 (capped at 100)"),
        (number, #"{"kind": "ratio", "numerator": "x", "denominator": {"profile": "revenue"}, "scale": 100, "low": 0.2, "high": 3}"#,
         "ratio x / revenue × 100, linear 0.2 → 3 (higher is better)"),
        (number, #"{"kind": "ratio", "numerator": {"question": "x"}, "denominator": "y", "low": 0, "high": 1}"#,
         "ratio x / y, linear 0 → 1 (higher is better)"),
        (number, #"{"kind": "batch", "question": "x", "method": "min-max"}"#, "batch min-max (constant column → 50)"),
        (number, #"{"kind": "batch", "question": "x", "method": "percentile", "direction": "lower", "constantScore": 60}"#,
         "batch percentile, lower is better (constant column → 60)"),
    ])
    func describesEveryKind(questions: String, rule: String, expected: String) throws {
        #expect(try summary(questions: questions, rule: rule) == expected)
    }
}
