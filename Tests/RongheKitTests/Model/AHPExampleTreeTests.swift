import Foundation
import Testing

@testable import RongheKit

/// The AHP example shipped in `indicators/ahp-example.json`, an SME quick scan whose weights come
/// from pairwise comparison matrices.
///
/// The reference figures were computed independently of our power iteration, with numpy's
/// eigen-decomposition (`numpy.linalg.eig`, principal eigenvalue, eigenvector normalised to sum 1,
/// CI = (λmax − n)/(n − 1), CR = CI/RI with Saaty's RI 0.58 for n = 3 and 0.90 for n = 4):
///
///     total [R, M, P, G]  w = 0.193576 0.356440 0.325727 0.124257  λmax 4.045819  CI 0.015273  CR 0.016970
///     R [R1, R2, R3]      w = 0.296961 0.539615 0.163424           λmax 3.009203  CI 0.004601  CR 0.007933
///     M [M1, M2, M3, M4]  w = 0.467296 0.277181 0.160088 0.095435  λmax 4.030983  CI 0.010328  CR 0.011475
///     P [P1, P2, P3]      w = 0.240211 0.209844 0.549946           λmax 3.018295  CI 0.009147  CR 0.015771
@Suite struct AHPExampleTreeTests {
    static let url = Fixtures.repository.appendingPathComponent("indicators/ahp-example.json")

    static let numpy: [(node: String, weights: [Double], lambdaMax: Double, cr: Double)] = [
        ("total", [0.193576, 0.356440, 0.325727, 0.124257], 4.045819, 0.016970),
        ("R", [0.296961, 0.539615, 0.163424], 3.009203, 0.007933),
        ("M", [0.467296, 0.277181, 0.160088, 0.095435], 4.030983, 0.011475),
        ("P", [0.240211, 0.209844, 0.549946], 3.018295, 0.015771),
    ]

    @Test func loadsWithFourDimensionsAndThirteenLeaves() throws {
        let tree = try IndicatorTree.load(contentsOf: Self.url)
        #expect(tree.id == "sme-digital-quickscan")
        #expect(tree.root.children.map(\.id) == ["R", "M", "P", "G"])
        #expect(tree.root.leaves.count == 13)
        #expect(tree.root.children.map { $0.leaves.count } == [3, 4, 3, 3])
        #expect(tree.node("G")?.weighting == .entropy)
        #expect(tree.node("P")?.aggregation == .geometric(floor: 10))
        #expect(tree.stages.map(\.id) == ["level1", "level2", "level3", "level4"])
        #expect(tree.selection?.tracks.map(\.id) == ["sme"])
        #expect(tree.questions.allSatisfy { $0.label.en != nil })
        #expect(tree.root.preorder.allSatisfy { $0.name.en != nil })
    }

    @Test(arguments: numpy.indices)
    func ahpWeightsAndConsistencyMatchNumpy(index: Int) throws {
        let reference = Self.numpy[index]
        let summary = TreeSummary(tree: try IndicatorTree.load(contentsOf: Self.url))
        let analysis = try #require(summary.node(reference.node)?.ahp)
        #expect(analysis.weights.count == reference.weights.count)
        for (ours, theirs) in zip(analysis.weights, reference.weights) {
            #expect(abs(ours - theirs) < 1e-6, "\(reference.node): \(ours) vs \(theirs)")
        }
        #expect(abs(analysis.lambdaMax - reference.lambdaMax) < 1e-6, "\(reference.node)")
        #expect(abs(analysis.consistencyRatio - reference.cr) < 1e-6, "\(reference.node)")
        #expect(analysis.isAcceptable)
    }

    @Test func effectiveWeightsOfTheFixedLeavesLeaveGsShareToEntropy() throws {
        let summary = TreeSummary(tree: try IndicatorTree.load(contentsOf: Self.url))
        // numpy: 0.193576 × 0.539615 = 0.104456; 0.356440 × 0.467296 = 0.166563; 0.325727 × 0.549946 = 0.179132.
        #expect(isClose(summary.node("R2")?.effectiveWeight, 0.104456, tolerance: 1e-6))
        #expect(isClose(summary.node("M1")?.effectiveWeight, 0.166563, tolerance: 1e-6))
        #expect(isClose(summary.node("P3")?.effectiveWeight, 0.179132, tolerance: 1e-6))
        #expect(summary.fixedLeafCount == 10)
        #expect(isClose(summary.fixedLeafWeightSum, 1 - 0.124257, tolerance: 1e-6))
        #expect(summary.entropyShares.map(\.nodeID) == ["G"])
        #expect(isClose(summary.fixedLeafWeightSum + summary.entropyShares[0].effectiveWeight, 1, tolerance: 1e-12))
    }

    @Test func sharesItsQuestionsWithTheDefaultTree() throws {
        let example = try IndicatorTree.load(contentsOf: Self.url)
        let standard = try IndicatorTree.load(contentsOf: Fixtures.defaultTreeURL)
        for question in example.questions {
            #expect(standard.question(question.id) == question, "\(question.id)")
        }
    }

    @Test func scoresAWorkedExample() throws {
        let tree = try IndicatorTree.load(contentsOf: Self.url)
        let answers: [String: Answer] = [
            "B1.1": .number(60), "B2.2": .number(55), "B2.3": .choice("partial"),
            "C1.1": .choices(["finance", "purchasing", "inventory", "sales"]), "C1.3": .choice("integrated"),
            "A1.1": .choice("itHead"), "A2.1": .choice("embedded"),
            "C2.2": .number(44), "D1.1": .number(1), "D2.2": .choice("some"),
            "E1.1": .number(600), "E2.1a": .number(70), "E2.1b": .number(1000), "F1.3": .choice("monitoring"),
            "V1": .yesNo(false), "V2": .yesNo(false), "V3": .yesNo(false),
        ]
        let card = try #require(try ScoringEngine(tree: tree).score([
            survey("91371402MA3C5LXK2K", size: .small, employees: 120, revenue: 5000, answers)
        ]).first)
        // By hand and numpy, with revenue 5,000 万元:
        // R: 60/5000 = 1.2% → (1.2 − 0.2)/2.8 = 35.714286; 55% → step 70; partial → 50;
        //    0.296961 · 35.714286 + 0.539615 · 70 + 0.163424 · 50 = 56.549986.
        // M: points 20 + 15 + 15 + 20 = 70; integrated 70; itHead 50; embedded 60 → 65.843881.
        // P: geometric mean of 50, 20, 60 (all above the floor of 10) → 45.604768.
        // G: 12% → 40; 7% → 20; monitoring 50. One enterprise gives entropy nothing to go on, so
        //    the weights fall back to equal (flagged): 36.666667.
        // Total: 0.193576 · 56.549986 + 0.356440 · 65.843881 + 0.325727 · 45.604768
        //        + 0.124257 · 36.666667 = 53.826899.
        #expect(isClose(card.node("R")?.score, 56.549986, tolerance: 1e-5))
        #expect(isClose(card.node("M")?.score, 65.843881, tolerance: 1e-5))
        #expect(isClose(card.node("P")?.score, 45.604768, tolerance: 1e-5))
        #expect(isClose(card.node("G")?.score, 110.0 / 3, tolerance: 1e-9))
        #expect(card.node("G")?.flags.contains(.equalWeightFallback) == true)
        #expect(isClose(card.total, 53.826899, tolerance: 1e-5))
        #expect(card.stage == "level2")
        #expect(card.vetoes == [] && card.completeness == 1)
    }
}
