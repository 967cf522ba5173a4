import Foundation

@testable import RongheKit

/// A small tree for selection tests: total = 0.5·X + 0.5·D + 0·E, each leaf linear over 0–100 on
/// questions x, d and e, so a score is its answer and, with answers in steps of 12.5, every total
/// below is exact in binary. E weighs nothing but counts for completeness (x, d and e are the
/// scored questions): answering two of three gives 2/3, which is ranked (minimum 0.6); one of
/// three gives 1/3, which is not. A "safety" veto fires on `accident = yes`.
enum SelectionTree {
    static let questions = """
        {"id": "x", "label": "x", "type": "number"}, {"id": "d", "label": "d", "type": "number"},
        {"id": "e", "label": "e", "type": "number"}, {"id": "accident", "label": "事故", "type": "yes-no"}
        """
    static let children = """
        {"id": "X", "name": {"zh": "应用", "en": "Applications"}, "weight": 0.5, "rule": {"kind": "linear", "question": "x", "low": 0, "high": 100}},
        {"id": "D", "name": {"zh": "集成", "en": "Integration"}, "weight": 0.5, "rule": {"kind": "linear", "question": "d", "low": 0, "high": 100}},
        {"id": "E", "name": {"zh": "其他", "en": "Other"}, "weight": 0, "rule": {"kind": "linear", "question": "e", "low": 0, "high": 100}}
        """
    static let vetoes = """
        , "vetoes": [{"id": "safety", "reason": {"zh": "近三年发生重大生产安全事故", "en": "Major production-safety accident"},
                      "when": {"question": "accident", "equals": "yes"}}]
        """

    /// The policy most tests use: medium and large firms in track "big" (minimum total 60, D at
    /// least 40; quota 1 per district, 2 in 371402, 3 in 371499 where nobody applies); small firms
    /// in track "small" (minimum 50, no quota rule, so one unlimited cell); micro firms in none.
    /// Ties: D first, then completeness.
    static let policy = """
        {"tracks": [
           {"id": "big", "name": {"zh": "大中型企业", "en": "Large and medium"}, "when": {"profile": "size", "in": ["large", "medium"]},
            "minimumTotal": 60, "minimumNodes": {"D": 40}},
           {"id": "small", "name": {"zh": "小型企业", "en": "Small"}, "when": {"profile": "size", "equals": "small"}, "minimumTotal": 50}],
         "quotas": [{"track": "big", "by": "district", "perCell": 1, "cells": {"371402": 2, "371499": 3}}],
         "tieBreak": ["node:D", "completeness"]}
        """

    static func tree(policy: String = policy) throws -> IndicatorTree {
        try makeTree(questions: questions, children: children, extra: vetoes + #", "selection": "# + policy)
    }

    /// An enterprise answering x and d (and e when given).
    static func firm(
        _ uscc: String, district: String = "371403", size: SizeClass = .medium, x: Double?, d: Double?, e: Double? = 100,
        accident: Bool = false
    ) -> SurveyResponse {
        var answers: [String: Answer] = ["accident": .yesNo(accident)]
        if let x { answers["x"] = .number(x) }
        if let d { answers["d"] = .number(d) }
        if let e { answers["e"] = .number(e) }
        return survey(uscc, district: district, size: size, answers)
    }

    /// Scores and selects, returning the selection and the scoring result.
    static func select(_ firms: [SurveyResponse], policy: String = policy) throws -> (SelectionResult, ScoringResult) {
        let result = try ScoringEngine(tree: tree(policy: policy)).score(firms)
        return (try Selection.select(result), result)
    }
}

extension SelectionResult {
    /// The decision of the enterprise with `uscc`.
    func decision(_ uscc: String) -> SelectionDecision {
        decisions.first { $0.uscc == uscc }!
    }

    /// The USCCs of the recommended list, in its order.
    func recommendedUSCCs(_ result: ScoringResult) -> [String] {
        recommended.map { result[$0].profile.uscc }
    }
}
