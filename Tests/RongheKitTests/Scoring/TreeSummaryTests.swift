import Foundation
import Testing

@testable import RongheKit

@Suite struct TreeSummaryTests {
    @Test func defaultTreeEffectiveWeightsAreProductsDownThePath() throws {
        let tree = try IndicatorTree.load(contentsOf: Fixtures.defaultTreeURL)
        let summary = TreeSummary(tree: tree)
        // Worked by hand from the file: dimension × sub-dimension × leaf.
        let expected: [String: Double] = [
            "B1.1": 0.10 * 0.5 * 0.6,  // 0.03
            "F1.2": 0.15 * 0.5 * 0.2,  // 0.015
            "A1.1": 0.15 * 0.6 * 0.4,  // 0.036
            "C1.1": 0.20 * 0.6 * 0.4,  // 0.048
            "D1.1": 0.15 * 0.6 * 0.6,  // 0.054
            "E1.1": 0.15 * 0.5 * 0.7,  // 0.0525
            "G2.2": 0.10 * 0.4 * 0.5,  // 0.02
            "C": 0.20, "F1": 0.15 * 0.5, "total": 1,
        ]
        for (id, weight) in expected {
            #expect(isClose(summary.node(id)?.effectiveWeight, weight, tolerance: 1e-12), "\(id)")
        }
        #expect(isClose(summary.node("B1.1")?.weight, 0.6, tolerance: 1e-12))
        #expect(summary.node("total")?.weight == 1)
        #expect(summary.node("total")?.parentID == nil)
        #expect(summary.node("B1.1")?.parentID == "B1")
        #expect(summary.node("B1.1")?.depth == 3)
        #expect(summary.leafCount == 33 && summary.fixedLeafCount == 33)
        #expect(abs(summary.fixedLeafWeightSum - 1) < 1e-12)
        #expect(summary.entropyShares.isEmpty)
        // 42 questions; F0, V1–V3, P1, P2 and X1 are read by no rule.
        #expect(summary.questionCount == 42)
        #expect(summary.scoredQuestionCount == 35)
        #expect(summary.nodes.map(\.id) == tree.root.preorder.map(\.id))
        #expect(summary.nodes.first?.leafCount == 33 && summary.node("C")?.leafCount == 5)
    }

    @Test func leavesCarryTheirRuleAndMissingPolicy() throws {
        let summary = TreeSummary(tree: try IndicatorTree.load(contentsOf: Fixtures.defaultTreeURL))
        let g11 = try #require(summary.node("G1.1"))
        #expect(g11.missingPolicy == .industryMedian && g11.statesMissingPolicy)
        #expect(g11.ruleSummary == "linear 0 → 10 (higher is better)")
        let b11 = try #require(summary.node("B1.1"))
        #expect(b11.missingPolicy == .zero && !b11.statesMissingPolicy)
        #expect(b11.ruleSummary == "ratio B1.1 / revenue × 100, linear 0.2 → 3 (higher is better)")
        let inner = try #require(summary.node("B1"))
        #expect(!inner.isLeaf && inner.ruleSummary == nil && inner.missingPolicy == nil && inner.ahp == nil)
    }

    @Test func explicitWeightsAreDividedByTheirSumAsScoringDoes() throws {
        // 0.3335 × 3 = 1.0005 is within the validator's tolerance; scoring uses a third each.
        let tree = try makeTree(questions: RuleSummaryTests.number, children: """
            {"id": "A", "name": "A", "weight": 0.3335, "rule": {"kind": "linear", "question": "x", "low": 0, "high": 1}},
            {"id": "B", "name": "B", "weight": 0.3335, "rule": {"kind": "linear", "question": "y", "low": 0, "high": 1}},
            {"id": "C", "name": "C", "weight": 0.3335, "rule": {"kind": "linear", "question": "x", "low": 0, "high": 2}}
            """)
        let summary = TreeSummary(tree: tree)
        for id in ["A", "B", "C"] {
            #expect(isClose(summary.node(id)?.weight, 1.0 / 3, tolerance: 1e-15), "\(id)")
        }
        #expect(abs(summary.fixedLeafWeightSum - 1) < 1e-15)
    }

    @Test func ahpNodesCarryTheirAnalysis() throws {
        let tree = try makeTree(
            questions: RuleSummaryTests.number,
            children: """
                {"id": "A", "name": "A", "rule": {"kind": "linear", "question": "x", "low": 0, "high": 1}},
                {"id": "B", "name": "B", "rule": {"kind": "linear", "question": "y", "low": 0, "high": 1}}
                """,
            rootExtra: #", "weighting": {"ahp": [[1, 3], ["1/3", 1]]}"#)
        let summary = TreeSummary(tree: tree)
        let root = try #require(summary.nodes.first)
        #expect(root.ahp == AHPAnalysis(matrix: [[1, 3], [1.0 / 3, 1]]))
        #expect(isClose(root.ahp?.weights[0], 0.75, tolerance: 1e-12))
        #expect(isClose(summary.node("A")?.effectiveWeight, 0.75, tolerance: 1e-12))
        #expect(isClose(summary.node("B")?.weight, 0.25, tolerance: 1e-12))
    }

    @Test func entropyLeavesTheirSubtreeUnweighted() throws {
        let questions = (1...4).map { #"{"id": "q\#($0)", "label": "q", "type": "number"}"# }.joined(separator: ",")
        func leaf(_ n: Int, weight: String = "") -> String {
            #"{"id": "L\#(n)", "name": "L"\#(weight), "rule": {"kind": "linear", "question": "q\#(n)", "low": 0, "high": 1}}"#
        }
        let tree = try makeTree(questions: questions, children: """
            \(leaf(1, weight: #", "weight": 0.6"#)),
            {"id": "E", "name": "E", "weight": 0.4, "weighting": "entropy", "children": [
              \(leaf(2)),
              {"id": "F", "name": "F", "weighting": "equal", "children": [\(leaf(3)), \(leaf(4))]}]}
            """)
        let summary = TreeSummary(tree: tree)
        #expect(isClose(summary.node("E")?.effectiveWeight, 0.4, tolerance: 1e-15))
        for id in ["L2", "F"] {
            #expect(summary.node(id)?.weight == nil && summary.node(id)?.effectiveWeight == nil, "\(id)")
        }
        // F's own children have fixed weights within F, but no share of the total.
        #expect(summary.node("L3")?.weight == 0.5)
        #expect(summary.node("L3")?.effectiveWeight == nil)
        #expect(summary.fixedLeafCount == 1 && isClose(summary.fixedLeafWeightSum, 0.6, tolerance: 1e-15))
        #expect(summary.entropyShares == [TreeSummary.EntropyShare(nodeID: "E", effectiveWeight: 0.4, leafCount: 3)])
    }
}
