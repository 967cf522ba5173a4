import Foundation

/// Rank-robustness (uncertainty) analysis in the manner of the OECD/JRC handbook and COINr: Monte
/// Carlo over the weights and, optionally, the normalisation, reporting each enterprise's rank
/// interval and flagging the selection decisions that are close calls.
///
/// What varies: every edge weight (``RobustnessSettings/weightSpread``) and, if asked, the
/// normalisation of linear and ratio leaves. What stays at its nominal value: leaf scores
/// otherwise, entropy weights (derived once from the nominal batch, then perturbed like the
/// others), completeness, vetoes and track membership (evaluated once by the engine, so a veto or
/// track condition that tests a score uses the nominal score). Minimum totals and node minimums
/// are re-checked in every run, so an enterprise near a track minimum can move in or out.
///
/// Cost: leaf columns and their min-max alternatives are computed once; each run re-aggregates
/// the inner nodes of the ranked enterprises and sorts. Memory: 8 bytes per enterprise per run
/// for the recorded ranks (80 MB for 10,000 enterprises × 1,000 runs).
///
/// Reproducible: run r draws from stream r of the seed, runs are split over threads in fixed
/// blocks, and every figure depends only on (seed, inputs): the thread count changes nothing.
public enum RobustnessAnalysis {
    /// Runs the analysis on a scored batch, with its tree's selection policy if it has one.
    ///
    /// `threads` is how many threads to use (default: the machine's active processors); the
    /// result does not depend on it.
    public static func run(
        _ result: ScoringResult, settings: RobustnessSettings = RobustnessSettings(),
        threads: Int = ProcessInfo.processInfo.activeProcessorCount
    ) throws(RobustnessError) -> RobustnessResult {
        try validate(settings, threads: threads)
        let selection = try? Selection.select(result)
        let runner = prepare(result, selection: selection, settings: settings)
        let count = result.count
        let runs = settings.runs
        guard count > 0 else { return RobustnessResult(settings: settings, selection: selection, enterprises: []) }

        // Recorded ranks, run-major so each run writes one contiguous stretch; 0 = no rank.
        var overallRanks = [Int32](repeating: 0, count: runs * count)
        var cellPlaces = [Int32](repeating: 0, count: runs * count)
        let blocks = min(threads, runs)
        var recommendedByBlock = [Int32](repeating: 0, count: blocks * count)
        var nominalOverall = [Int32](repeating: 0, count: count)
        var nominalPlaces = [Int32](repeating: 0, count: count)
        var nominalRecommended = [Int32](repeating: 0, count: count)

        let nominal = MonteCarloRunner.Workspace(runner)
        runner.useNominal(nominal)
        runner.run(
            nominal, overall: &nominalOverall, cellPlaces: &nominalPlaces, recommended: &nominalRecommended)

        overallRanks.withUnsafeMutableBufferPointer { overallRanks in
            cellPlaces.withUnsafeMutableBufferPointer { cellPlaces in
                recommendedByBlock.withUnsafeMutableBufferPointer { recommendedByBlock in
                    let output = RunOutput(
                        overall: overallRanks.baseAddress!, cellPlaces: cellPlaces.baseAddress!,
                        recommended: recommendedByBlock.baseAddress!)
                    inParallel(blocks: blocks) { block in
                        let workspace = MonteCarloRunner.Workspace(runner)
                        let recommended = output.recommended + block * count
                        for run in (block * runs / blocks)..<((block + 1) * runs / blocks) {
                            runner.draw(run: run, into: workspace)
                            runner.run(
                                workspace, overall: output.overall + run * count,
                                cellPlaces: output.cellPlaces + run * count, recommended: recommended)
                        }
                    }
                }
            }
        }

        var recommendedRuns = [Int](repeating: 0, count: count)
        for block in 0..<blocks {
            for position in 0..<count { recommendedRuns[position] += Int(recommendedByBlock[block * count + position]) }
        }
        let isCompetitor = (0..<count).map { nominalPlaces[$0] > 0 }
        let nominalOverallRanks = nominalOverall
        let nominalCellPlaces = nominalPlaces
        var overall = [RankDistribution?](repeating: nil, count: count)
        var cell = [RankDistribution?](repeating: nil, count: count)
        overallRanks.withUnsafeBufferPointer { overallRanks in
            cellPlaces.withUnsafeBufferPointer { cellPlaces in
                overall.withUnsafeMutableBufferPointer { overall in
                    cell.withUnsafeMutableBufferPointer { cell in
                        let input = SummaryInput(
                            overallRanks: overallRanks.baseAddress!, cellPlaces: cellPlaces.baseAddress!,
                            overall: overall.baseAddress!, cell: cell.baseAddress!)
                        let summaryBlocks = max(1, min(threads, count))
                        inParallel(blocks: summaryBlocks) { block in
                            summarize(
                                (block * count / summaryBlocks)..<((block + 1) * count / summaryBlocks), count: count,
                                runs: runs, isRanked: result.isRanked, isCompetitor: isCompetitor,
                                nominalOverall: nominalOverallRanks, nominalPlaces: nominalCellPlaces, input: input)
                        }
                    }
                }
            }
        }

        let enterprises = (0..<count).map { position in
            let isRecommended = selection?.decisions[position].isRecommended ?? false
            var share: Double?
            var isCloseCall = false
            if isCompetitor[position] {
                let shareIn = Double(recommendedRuns[position]) / Double(runs)
                let shareOut = Double(runs - recommendedRuns[position]) / Double(runs)
                share = shareIn
                isCloseCall = (isRecommended ? shareOut : shareIn) >= settings.closeCallShare
            }
            return EnterpriseRobustness(
                uscc: result.profiles[position].uscc, overall: overall[position], cell: cell[position],
                recommendedShare: share, isNominallyRecommended: isRecommended, isCloseCall: isCloseCall)
        }
        return RobustnessResult(settings: settings, selection: selection, enterprises: enterprises)
    }

    /// Rank distributions of the enterprises in `positions`.
    ///
    /// The recorded ranks are run-major, so one enterprise's ranks lie `count` apart. They are
    /// gathered for 64 enterprises at a time, run by run, which reads memory in 256-byte stretches
    /// instead of one page per value.
    private static func summarize(
        _ positions: Range<Int>, count: Int, runs: Int, isRanked: [Bool], isCompetitor: [Bool], nominalOverall: [Int32],
        nominalPlaces: [Int32], input: SummaryInput
    ) {
        let tileWidth = 64
        let tile = UnsafeMutableBufferPointer<Int32>.allocate(capacity: tileWidth * runs)
        defer { tile.deallocate() }
        for start in stride(from: positions.lowerBound, to: positions.upperBound, by: tileWidth) {
            let width = min(tileWidth, positions.upperBound - start)
            for (source, isOverall) in [(input.overallRanks, true), (input.cellPlaces, false)] {
                for run in 0..<runs {
                    let row = source + run * count + start
                    for offset in 0..<width { tile[offset * runs + run] = row[offset] }
                }
                for offset in 0..<width {
                    let position = start + offset
                    let ranks = UnsafeMutableBufferPointer(rebasing: tile[(offset * runs)..<((offset + 1) * runs)])
                    if isOverall && isRanked[position] {
                        input.overall[position] = RankDistribution(nominal: Int(nominalOverall[position]), ranks: ranks)
                    } else if !isOverall && isCompetitor[position] {
                        input.cell[position] = RankDistribution(nominal: Int(nominalPlaces[position]), ranks: ranks)
                    }
                }
            }
        }
    }

    private static func validate(_ settings: RobustnessSettings, threads: Int) throws(RobustnessError) {
        // The recorded ranks take 8 bytes per enterprise and run; 100,000 runs is far beyond what
        // stable intervals need, and keeps a mistyped count from exhausting memory.
        if !(1...100_000).contains(settings.runs) {
            throw .invalidSetting(name: "runs", value: "\(settings.runs)", expected: "between 1 and 100000")
        }
        if !(0..<1).contains(settings.weightSpread) {
            throw .invalidSetting(
                name: "weightSpread", value: "\(settings.weightSpread)", expected: "at least 0 and below 1 (a share such as 0.2)")
        }
        switch settings.normalization {
        case .none: break
        case .perLeaf(let probability), .perRun(let probability):
            if !(0...1).contains(probability) {
                throw .invalidSetting(name: "normalization probability", value: "\(probability)", expected: "between 0 and 1")
            }
        }
        if !(settings.closeCallShare > 0 && settings.closeCallShare <= 0.5) {
            throw .invalidSetting(name: "closeCallShare", value: "\(settings.closeCallShare)", expected: "above 0 and at most 0.5")
        }
        if threads < 1 {
            throw .invalidSetting(name: "threads", value: "\(threads)", expected: "at least 1")
        }
    }

    /// Flattens what the runs need out of the scoring result and the nominal selection.
    static func prepare(_ result: ScoringResult, selection: SelectionResult?, settings: RobustnessSettings) -> MonteCarloRunner {
        let plan = result.plan
        var switchable: [Int] = []
        var alternative: [Double] = []
        if settings.normalization != .none {
            let (columns, leaves) = result.leaves.minMaxAlternative(industries: result.profiles.map(\.industry))
            switchable = leaves.map { plan.leaves[$0].node }
            alternative.reserveCapacity(result.count * leaves.count)
            for row in 0..<result.count {
                for leaf in leaves { alternative.append(columns.scores[row * plan.leaves.count + leaf]) }
            }
        }

        var cells: [MonteCarloRunner.Cell] = []
        var tracked: [Int] = []
        var keyTracked: [Int?] = []
        var fixedKeys: [Double] = []
        var keyCount = 0
        if let selection {
            let layout = SelectionLayout(result: result, policy: selection.policy)
            func trackedIndex(_ node: Int) -> Int {
                if let index = tracked.firstIndex(of: node) { return index }
                tracked.append(node)
                return tracked.count - 1
            }
            for cell in layout.cells {
                let track = selection.policy.tracks[cell.track]
                let candidates = cell.members.filter { result.isRanked[$0] && result.vetoIndices[$0].isEmpty }
                guard !candidates.isEmpty else { continue }
                cells.append(MonteCarloRunner.Cell(
                    candidates: candidates, quota: cell.quota, minimumTotal: track.minimumTotal,
                    nodeMinimums: layout.nodeMinimums[cell.track].map { (trackedIndex($0.node), $0.value) }))
            }
            keyCount = layout.keyCount
            keyTracked = layout.keyNodes.map { $0.map(trackedIndex) }
            fixedKeys = layout.keys
        }
        return MonteCarloRunner(
            count: result.count, width: plan.nodes.count, base: result.nodes.scores, steps: plan.aggregator.steps,
            children: plan.aggregator.children, nominalWeights: result.nodes.edgeWeights, switchable: switchable,
            alternative: alternative, ranked: (0..<result.count).filter { result.isRanked[$0] }, cells: cells,
            tracked: tracked, keyCount: keyCount, keyTracked: keyTracked, fixedKeys: fixedKeys, settings: settings)
    }

    /// Runs `body` for blocks 0..<blocks, on several threads when there is more than one.
    private static func inParallel(blocks: Int, _ body: @Sendable (Int) -> Void) {
        if blocks == 1 {
            body(0)
        } else {
            DispatchQueue.concurrentPerform(iterations: blocks, execute: body)
        }
    }
}

/// Where the runs write, shared by the threads: each run writes only its own stretch, and each
/// block only its own recommendation counts.
private struct RunOutput: @unchecked Sendable {
    let overall: UnsafeMutablePointer<Int32>
    let cellPlaces: UnsafeMutablePointer<Int32>
    let recommended: UnsafeMutablePointer<Int32>
}

/// What the summary threads read and write: each writes only its own enterprises.
private struct SummaryInput: @unchecked Sendable {
    let overallRanks: UnsafePointer<Int32>
    let cellPlaces: UnsafePointer<Int32>
    let overall: UnsafeMutablePointer<RankDistribution?>
    let cell: UnsafeMutablePointer<RankDistribution?>
}
