import Foundation
import Testing

@testable import RongheKit

@Suite struct RobustnessAnalysisTests {
    typealias T = SelectionTree

    /// One track for everyone, one cell with quota 2.
    static let oneCellOfTwo = """
        {"tracks": [{"id": "all", "name": "全部", "minimumTotal": 0}], "quotas": [{"track": "all", "by": [], "perCell": 2}]}
        """

    static func analyse(
        _ firms: [SurveyResponse], policy: String = oneCellOfTwo, settings: RobustnessSettings = RobustnessSettings(),
        threads: Int = 2
    ) throws -> (RobustnessResult, ScoringResult) {
        let result = try ScoringEngine(tree: T.tree(policy: policy)).score(firms)
        return (try RobustnessAnalysis.run(result, settings: settings, threads: threads), result)
    }

    static func entry(_ robustness: RobustnessResult, _ uscc: String) -> EnterpriseRobustness {
        robustness.enterprises.first { $0.uscc == uscc }!
    }

    @Test func twoNeckAndNeckFirmsWithOppositeStrengthsAreCloseCalls() throws {
        // Total = w_X·x + w_D·d with w = 0.5 each, perturbed by independent factors f_X, f_D drawn
        // from U[0.8, 1.2] and re-normalised: w_X = f_X / (f_X + f_D).
        // L (100, 100) totals 100 whatever the weights: always first. C (10, 10) totals 10: always
        // last. A (100, 0.02) minus B (0, 100) = (100 f_X − 99.98 f_D) / (f_X + f_D), positive
        // exactly when f_X / f_D > 0.9998: about half the runs. One of A and B takes the second
        // place of the quota in every run, so their shares of runs recommended sum to 1.
        let (robustness, _) = try Self.analyse([
            T.firm("L", x: 100, d: 100), T.firm("A", x: 100, d: 0.02), T.firm("B", x: 0, d: 100), T.firm("C", x: 10, d: 10),
        ])
        let leader = Self.entry(robustness, "L")
        let a = Self.entry(robustness, "A")
        let b = Self.entry(robustness, "B")
        let last = Self.entry(robustness, "C")

        #expect(leader.overall == RankDistribution(nominal: 1, median: 1, mean: 1, low: 1, high: 1))
        #expect(leader.cell == RankDistribution(nominal: 1, median: 1, mean: 1, low: 1, high: 1))
        #expect(leader.recommendedShare == 1 && leader.isNominallyRecommended && !leader.isCloseCall)
        #expect(last.cell == RankDistribution(nominal: 4, median: 4, mean: 4, low: 4, high: 4))
        #expect(last.recommendedShare == 0 && !last.isNominallyRecommended && !last.isCloseCall)

        // Nominally A (50.01) is in and B (50) is out; both are close calls.
        #expect(a.isNominallyRecommended && !b.isNominallyRecommended)
        #expect(a.isCloseCall && b.isCloseCall)
        #expect(a.cell?.nominal == 2 && b.cell?.nominal == 3)
        #expect(a.cell?.low == 2 && a.cell?.high == 3 && b.cell?.low == 2 && b.cell?.high == 3)
        let shareA = try #require(a.recommendedShare)
        let shareB = try #require(b.recommendedShare)
        #expect(shareA + shareB == 1)
        // Binomial with p ≈ 0.5 over 1,000 runs: the standard error is 0.016; ±0.15 is 9 of them.
        #expect(abs(shareA - 0.5) < 0.15)
        #expect(robustness.closeCalls.count == 2)
    }

    @Test func nearTheTrackMinimumIsACloseCallTheOtherWay() throws {
        // Minimum 60, no quota. G (100, 19.98) totals 59.99 nominally, below the minimum, but
        // 100 w_X + 19.98 w_D ≥ 60 whenever w_X ≥ 0.500125, which is about half the runs.
        // H (62.5, 62.5) totals 62.5 under any weights: always eligible.
        let policy = #"{"tracks": [{"id": "all", "name": "全部", "minimumTotal": 60}]}"#
        let (robustness, result) = try Self.analyse(
            [T.firm("G", x: 100, d: 19.98), T.firm("H", x: 62.5, d: 62.5)], policy: policy)
        let selection = try #require(robustness.selection)
        #expect(selection.decision("G").reasons.map(\.code) == ["below-track-minimum"])
        let near = Self.entry(robustness, "G")
        #expect(!near.isNominallyRecommended && near.isCloseCall)
        #expect(abs(try #require(near.recommendedShare) - 0.5) < 0.15)
        // Not eligible nominally, so it is placed after the eligible H.
        #expect(near.cell?.nominal == 2)
        let safe = Self.entry(robustness, "H")
        #expect(safe.recommendedShare == 1 && !safe.isCloseCall)
        #expect(result.totals[0] < 60)
    }

    @Test func sameSeedSameResultDifferentSeedDifferentDraws() throws {
        var factory = RandomTreeFactory(seed: 11)
        var tree = factory.makeTree()
        tree.selection = Self.randomPolicy(tree)
        let batch = factory.makeBatch(for: tree, count: 40)
        let result = try ScoringEngine(tree: tree).score(batch)
        let settings = RobustnessSettings(runs: 200, seed: 7, weightSpread: 0.3, normalization: .perLeaf(probability: 0.3))
        let first = try RobustnessAnalysis.run(result, settings: settings)
        let again = try RobustnessAnalysis.run(result, settings: settings)
        #expect(first == again)

        var reseeded = settings
        reseeded.seed = 8
        let other = try RobustnessAnalysis.run(result, settings: reseeded)
        // The nominal side is the same: the selection and every nominal rank and decision.
        #expect(other.selection == first.selection)
        #expect(other.enterprises.map(\.overall?.nominal) == first.enterprises.map(\.overall?.nominal))
        #expect(other.enterprises.map(\.cell?.nominal) == first.enterprises.map(\.cell?.nominal))
        #expect(other.enterprises.map(\.isNominallyRecommended) == first.enterprises.map(\.isNominallyRecommended))
        // The runs are not: 40 enterprises' mean ranks over 200 runs do not all coincide by chance.
        #expect(other.enterprises.map(\.overall?.mean) != first.enterprises.map(\.overall?.mean))
    }

    @Test func drawsDependOnSeedAndRunOnlyAndStayWithinTheSpread() throws {
        let result = try ScoringEngine(tree: T.tree(policy: Self.oneCellOfTwo)).score([T.firm("1", x: 50, d: 50)])
        let settings = RobustnessSettings(seed: 3, weightSpread: 0.2)
        let runner = RobustnessAnalysis.prepare(result, selection: nil, settings: settings)
        func weights(seed: UInt64, run: Int) -> [Double] {
            var changed = settings
            changed.seed = seed
            let workspace = MonteCarloRunner.Workspace(runner)
            RobustnessAnalysis.prepare(result, selection: nil, settings: changed).draw(run: run, into: workspace)
            return Array(workspace.weights)
        }
        #expect(runner.nominalWeights == [0.5, 0.5, 0])
        #expect(weights(seed: 3, run: 5) == weights(seed: 3, run: 5))
        #expect(weights(seed: 3, run: 5) != weights(seed: 4, run: 5))
        #expect(weights(seed: 3, run: 5) != weights(seed: 3, run: 6))
        for run in 0..<100 {
            let drawn = weights(seed: 3, run: run)
            #expect((0.4...0.6).contains(drawn[0]) && (0.4...0.6).contains(drawn[1]), "run \(run): \(drawn)")
            #expect(drawn[2] == 0, "a zero weight stays zero")
        }
    }

    @Test(arguments: Array(UInt64(1)...30))
    func zeroSpreadReproducesTheNominalRanksExactly(seed: UInt64) throws {
        // Random trees mix explicit, equal, AHP and entropy weights, arithmetic and geometric means,
        // and every missing-answer policy: with p = 0 each run must rebuild the engine's totals bit
        // for bit, or exact ties and minimums would come out differently.
        var factory = RandomTreeFactory(seed: seed)
        var tree = factory.makeTree()
        tree.selection = Self.randomPolicy(tree)
        let result = try ScoringEngine(tree: tree).score(factory.makeBatch(for: tree, count: 30))
        let selection = try Selection.select(result)
        let settings = RobustnessSettings(runs: 3, seed: seed, weightSpread: 0, normalization: .perLeaf(probability: 0))
        let robustness = try RobustnessAnalysis.run(result, settings: settings)

        let runner = RobustnessAnalysis.prepare(result, selection: selection, settings: settings)
        let workspace = MonteCarloRunner.Workspace(runner)
        runner.draw(run: 0, into: workspace)
        var overall = [Int32](repeating: 0, count: result.count)
        var places = overall
        var recommended = overall
        runner.run(workspace, overall: &overall, cellPlaces: &places, recommended: &recommended)
        for position in result.indices where result.isRanked[position] {
            #expect(workspace.totals[position].bitPattern == result.totals[position].bitPattern, "seed \(seed)")
        }

        for (position, entry) in robustness.enterprises.enumerated() {
            let decision = selection.decisions[position]
            if let nominal = result.ranks[position].overall {
                #expect(entry.overall == RankDistribution(nominal: nominal, median: Double(nominal), mean: Double(nominal), low: nominal, high: nominal), "seed \(seed)")
            } else {
                #expect(entry.overall == nil)
            }
            if let place = decision.place {
                #expect(entry.cell == RankDistribution(nominal: place, median: Double(place), mean: Double(place), low: place, high: place), "seed \(seed)")
            }
            if let cell = entry.cell { #expect(cell.low == cell.high && cell.low == cell.nominal) }
            #expect(entry.recommendedShare == (entry.cell == nil ? nil : decision.isRecommended ? 1 : 0), "seed \(seed)")
            #expect(entry.isNominallyRecommended == decision.isRecommended)
            #expect(!entry.isCloseCall)
        }
    }

    @Test func threadCountChangesNothing() throws {
        var factory = RandomTreeFactory(seed: 5)
        var tree = factory.makeTree()
        tree.selection = Self.randomPolicy(tree)
        let result = try ScoringEngine(tree: tree).score(factory.makeBatch(for: tree, count: 50))
        // 37 runs do not split evenly over 2, 3 or 8 threads.
        let settings = RobustnessSettings(runs: 37, seed: 99, weightSpread: 0.25, normalization: .perLeaf(probability: 0.4))
        let single = try RobustnessAnalysis.run(result, settings: settings, threads: 1)
        for threads in [2, 3, 8, 64] {
            #expect(try RobustnessAnalysis.run(result, settings: settings, threads: threads) == single, "\(threads) threads")
        }
        #expect(single.enterprises.contains { $0.overall.map { $0.low != $0.high } ?? false }, "the runs vary")
    }

    // MARK: Normalisation

    /// X is linear over 0–100 (the only leaf with an alternative); Y is a choice scoring 0, 30 or 90.
    static func normalizationTree() throws -> IndicatorTree {
        try makeTree(
            questions: """
                {"id": "x", "label": "x", "type": "number"},
                {"id": "c", "label": "c", "type": "choice", "options": [{"code": "a", "label": "a"}, {"code": "b", "label": "b"}, {"code": "c", "label": "c"}]}
                """,
            children: """
                {"id": "X", "name": "X", "weight": 0.5, "missing": "industry-median", "rule": {"kind": "linear", "question": "x", "low": 0, "high": 100}},
                {"id": "Y", "name": "Y", "weight": 0.5, "rule": {"kind": "choice", "question": "c", "scores": {"a": 0, "b": 30, "c": 90}}}
                """)
    }

    static let normalizationBatch = [
        survey("A", ["x": .number(60), "c": .choice("a")]),
        survey("B", ["x": .number(40), "c": .choice("b")]),
        survey("C", ["x": .number(20), "c": .choice("c")]),
    ]

    @Test(arguments: [NormalizationUncertainty.perRun(probability: 1), .perLeaf(probability: 1)])
    func minMaxInEveryRunRanksByTheAlternativeScores(normalization: NormalizationUncertainty) throws {
        // Goalposts: X = x, so A 0.5·60 + 0 = 30, B 20 + 15 = 35, C 10 + 45 = 55: C, B, A.
        // Min-max over x ∈ {20, 40, 60}: A 100, B 50, C 0, so A 50, B 25 + 15 = 40, C 45: A, C, B.
        let result = try ScoringEngine(tree: Self.normalizationTree()).score(Self.normalizationBatch)
        #expect(result.ranks.map(\.overall) == [3, 2, 1])
        let robustness = try RobustnessAnalysis.run(
            result, settings: RobustnessSettings(runs: 20, weightSpread: 0, normalization: normalization))
        #expect(robustness.selection == nil)
        #expect(robustness.enterprises.map(\.overall?.low) == [1, 3, 2])
        #expect(robustness.enterprises.map(\.overall?.high) == [1, 3, 2])
        #expect(robustness.enterprises.map(\.overall?.nominal) == [3, 2, 1])
        #expect(robustness.enterprises.allSatisfy { $0.cell == nil && $0.recommendedShare == nil && !$0.isCloseCall })
    }

    @Test func minMaxInSomeRunsWidensTheInterval() throws {
        // With probability 1/2 per run, A is third (goalposts) or first (min-max): over 200 runs
        // both happen in far more than 5% of them, so its interval is [1, 3].
        let result = try ScoringEngine(tree: Self.normalizationTree()).score(Self.normalizationBatch)
        let robustness = try RobustnessAnalysis.run(
            result, settings: RobustnessSettings(runs: 200, weightSpread: 0, normalization: .perLeaf(probability: 0.5)))
        let a = try #require(robustness.enterprises[0].overall)
        #expect(a.low == 1 && a.high == 3 && a.nominal == 3)
    }

    @Test func minMaxAlternativeColumns() throws {
        // D left x blank: X takes the industry median, 40 under goalposts (of 20, 40, 60) and 50
        // under min-max (of 0, 50, 100). A "lower" leaf reverses min-max; a constant column keeps
        // its goalpost scores; the choice leaf has no alternative.
        let tree = try makeTree(
            questions: """
                {"id": "x", "label": "x", "type": "number"}, {"id": "l", "label": "l", "type": "number"},
                {"id": "k", "label": "k", "type": "number"}, {"id": "y", "label": "y", "type": "yes-no"}
                """,
            children: """
                {"id": "X", "name": "X", "weight": 0.25, "missing": "industry-median", "rule": {"kind": "linear", "question": "x", "low": 0, "high": 100}},
                {"id": "L", "name": "L", "weight": 0.25, "rule": {"kind": "linear", "question": "l", "low": 0, "high": 10, "direction": "lower"}},
                {"id": "K", "name": "K", "weight": 0.25, "rule": {"kind": "linear", "question": "k", "low": 0, "high": 10}},
                {"id": "Y", "name": "Y", "weight": 0.25, "rule": {"kind": "yes-no", "question": "y"}}
                """)
        let result = try ScoringEngine(tree: tree).score([
            survey("A", ["x": .number(60), "l": .number(2), "k": .number(5), "y": .yesNo(true)]),
            survey("B", ["x": .number(40), "l": .number(4), "k": .number(5), "y": .yesNo(false)]),
            survey("C", ["x": .number(20), "l": .number(6), "k": .number(5), "y": .yesNo(true)]),
            survey("D", ["l": .number(4), "k": .number(5), "y": .yesNo(true)]),
        ])
        let (columns, changed) = result.leaves.minMaxAlternative(industries: result.profiles.map(\.industry))
        #expect(changed == [0, 1])
        func column(_ leaf: Int) -> [Double] { (0..<4).map { columns.scores[$0 * 4 + leaf] } }
        #expect(column(0) == [100, 50, 0, 50])
        #expect(result.leaves.scores[3 * 4] == 40)
        // l ∈ {2, 4, 6}, lower is better: 2 → 100, 4 → 50, 6 → 0.
        #expect(column(1) == [100, 50, 0, 50])
        #expect(column(2) == [50, 50, 50, 50])
        #expect(column(3) == [100, 0, 100, 100])
    }

    // MARK: Who is analysed

    @Test func vetoedUnrankedAndTracklessFirmsHaveNoCellPlace() throws {
        let policy = """
            {"tracks": [{"id": "big", "name": "大中型", "when": {"profile": "size", "in": ["large", "medium"]}, "minimumTotal": 0}]}
            """
        let (robustness, _) = try Self.analyse([
            T.firm("1", x: 50, d: 50),
            T.firm("2", x: 90, d: 90, accident: true),
            T.firm("3", x: 90, d: nil, e: nil),
            T.firm("4", size: .micro, x: 70, d: 70),
        ], policy: policy, settings: RobustnessSettings(runs: 10))
        #expect(robustness.enterprises.map { $0.cell != nil } == [true, false, false, false])
        #expect(robustness.enterprises.map { $0.overall != nil } == [true, true, false, true])
        // Ranked among the ranked: 2 (90), 4 (70), 1 (50).
        #expect(robustness.enterprises.map(\.overall?.nominal) == [3, 1, nil, 2])
    }

    @Test func emptyBatch() throws {
        let result = try ScoringEngine(tree: T.tree()).score([])
        let robustness = try RobustnessAnalysis.run(result, settings: RobustnessSettings(runs: 5))
        #expect(robustness.enterprises.isEmpty && robustness.selection?.cells.allSatisfy(\.members.isEmpty) == true)
    }

    @Test func settingsAreChecked() throws {
        let result = try ScoringEngine(tree: T.tree()).score([T.firm("1", x: 50, d: 50)])
        #expect(throws: RobustnessError.invalidSetting(name: "runs", value: "0", expected: "between 1 and 100000")) {
            try RobustnessAnalysis.run(result, settings: RobustnessSettings(runs: 0))
        }
        #expect(throws: RobustnessError.self) { try RobustnessAnalysis.run(result, settings: RobustnessSettings(runs: 100_001)) }
        #expect(throws: RobustnessError.self) { try RobustnessAnalysis.run(result, settings: RobustnessSettings(weightSpread: 1)) }
        #expect(throws: RobustnessError.self) { try RobustnessAnalysis.run(result, settings: RobustnessSettings(weightSpread: -0.1)) }
        #expect(throws: RobustnessError.self) {
            try RobustnessAnalysis.run(result, settings: RobustnessSettings(normalization: .perRun(probability: 1.5)))
        }
        #expect(throws: RobustnessError.self) { try RobustnessAnalysis.run(result, threads: 0) }
        #expect(
            "\(RobustnessError.invalidSetting(name: "runs", value: "0", expected: "between 1 and 100000"))"
                == "the robustness setting runs is 0; expected between 1 and 100000")
    }

    @Test func rankDistributionUsesNearestRankPercentiles() {
        // 20 runs: the 5th percentile is the ⌈1⌉st value, the 95th the ⌈19⌉th; the median is the
        // mean of the 10th and 11th.
        var ranks: [Int32] = [9, 1, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 4, 4, 5].shuffled()
        let distribution = RankDistribution(nominal: 2, ranks: &ranks)
        #expect(distribution == RankDistribution(nominal: 2, median: 3, mean: 61.0 / 20.0, low: 1, high: 5))
        var one: [Int32] = [7]
        #expect(RankDistribution(nominal: 7, ranks: &one) == RankDistribution(nominal: 7, median: 7, mean: 7, low: 7, high: 7))
        // A band wider than 4 × 5 + 64 takes the sorting path: sorted 1, 2, 3, 4, 500; the median
        // is the 3rd; the 5th percentile the ⌈0.25⌉st = 1st, the 95th the ⌈4.75⌉th = 5th.
        var wide: [Int32] = [500, 3, 1, 4, 2]
        #expect(RankDistribution(nominal: 3, ranks: &wide) == RankDistribution(nominal: 3, median: 3, mean: 102, low: 1, high: 500))
        var narrow: [Int32] = [5, 3, 1, 4, 2]
        #expect(RankDistribution(nominal: 3, ranks: &narrow) == RankDistribution(nominal: 3, median: 3, mean: 3, low: 1, high: 5))
    }

    // MARK: Helpers

    /// A policy over a random tree: one track with a minimum total of 30 and a minimum of 20 on the
    /// first child of the root, cells of 3 per district, ties by the second child then completeness.
    static func randomPolicy(_ tree: IndicatorTree) -> SelectionPolicy {
        let children = tree.root.children.map(\.id)
        return SelectionPolicy(
            tracks: [SelectionTrack(id: "all", name: LocalizedText(zh: "全部"), minimumTotal: 30, minimumNodes: [children[0]: 20])],
            quotas: [QuotaRule(track: "all", by: [.district], perCell: 3)],
            tieBreak: [.node(children[1]), .completeness])
    }
}
