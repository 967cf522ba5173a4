import Foundation

/// The tight loop of the robustness analysis: everything a run needs, prepared once from the
/// scoring result as flat arrays, and the run itself.
///
/// A run never calls the scoring engine. Leaf scores do not depend on weights, so they are taken
/// from the nominal result (and the min-max alternatives computed once); a run only draws
/// weights, re-aggregates each ranked enterprise's inner nodes with
/// ``NodeAggregator/aggregateRow(steps:children:weights:row:)`` (the engine's own arithmetic),
/// and re-ranks: overall, and within each quota cell by ``SelectionOrder``.
struct MonteCarloRunner: Sendable {
    struct Cell: Sendable {
        /// The cell's ranked, non-vetoed members.
        var candidates: [Int]
        var quota: Int?
        var minimumTotal: Double
        /// Node minimums as (index into `tracked`, minimum).
        var nodeMinimums: [(tracked: Int, value: Double)]
    }

    let count: Int
    let width: Int
    /// The nominal node scores, `base[row * width + node]`; leaves are read from here.
    let base: [Double]
    let steps: [NodeAggregator.Step]
    let children: [Int]
    /// The nominal weight of each edge, entropy weights included.
    let nominalWeights: [Double]
    /// The node of each leaf that has a min-max alternative, and the alternative scores,
    /// `alternative[row * switchable.count + index]`.
    let switchable: [Int]
    let alternative: [Double]
    /// The ranked enterprises: the only ones whose ranks are recorded.
    let ranked: [Int]
    let cells: [Cell]
    /// The nodes whose per-run scores cell ranking needs (minimums and tie-break keys).
    let tracked: [Int]
    let keyCount: Int
    /// For each tie-break key, its index into `tracked` when it reads a node.
    let keyTracked: [Int?]
    /// The key values that do not change between runs, `fixedKeys[row * keyCount + key]`.
    let fixedKeys: [Double]
    let settings: RobustnessSettings

    /// Per-thread buffers, reused from run to run; raw memory so the loops touch no reference
    /// counts or exclusivity checks. Owned by one thread.
    final class Workspace {
        let scratch: UnsafeMutableBufferPointer<Double>
        let weights: UnsafeMutableBufferPointer<Double>
        let useAlternative: UnsafeMutableBufferPointer<Bool>
        var anyAlternative = false
        let totals: UnsafeMutableBufferPointer<Double>
        let trackedScores: UnsafeMutableBufferPointer<Double>
        let keys: UnsafeMutableBufferPointer<Double>
        let eligible: UnsafeMutableBufferPointer<Bool>
        var order: [Int]
        var cellOrder: [Int] = []

        init(_ runner: MonteCarloRunner) {
            func buffer<T>(_ count: Int, _ value: T) -> UnsafeMutableBufferPointer<T> {
                let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(count, 1))
                buffer.initialize(repeating: value)
                return buffer
            }
            scratch = buffer(runner.width, .nan)
            weights = buffer(runner.nominalWeights.count, 0)
            _ = weights.update(fromContentsOf: runner.nominalWeights)
            useAlternative = buffer(runner.switchable.count, false)
            totals = buffer(runner.count, 0)
            trackedScores = buffer(runner.count * runner.tracked.count, .nan)
            keys = buffer(runner.fixedKeys.count, 0)
            _ = keys.update(fromContentsOf: runner.fixedKeys)
            eligible = buffer(runner.count, false)
            order = runner.ranked
        }

        deinit {
            scratch.deallocate()
            weights.deallocate()
            useAlternative.deallocate()
            totals.deallocate()
            trackedScores.deallocate()
            keys.deallocate()
            eligible.deallocate()
        }
    }

    /// Draws run `run`'s weights and normalisation choices into `workspace`.
    ///
    /// One stream per run, so the draws depend only on the seed and the run number, never on
    /// which thread runs it. Weights are drawn first, one per edge in edge order, then the
    /// normalisation choices.
    func draw(run: Int, into workspace: Workspace) {
        var random = SplitMix64(seed: settings.seed, stream: UInt64(run))
        let spread = settings.weightSpread
        for edge in nominalWeights.indices {
            // With spread 0 the factor is exactly 1, so the weights are exactly the nominal ones.
            workspace.weights[edge] = nominalWeights[edge] * (1 + spread * (2 * random.nextUnit() - 1))
        }
        switch settings.normalization {
        case .none:
            break
        case .perLeaf(let probability):
            for index in switchable.indices { workspace.useAlternative[index] = random.nextUnit() < probability }
        case .perRun(let probability):
            let switched = random.nextUnit() < probability
            for index in switchable.indices { workspace.useAlternative[index] = switched }
        }
        workspace.anyAlternative = workspace.useAlternative.contains(true)
    }

    /// Puts the nominal weights and normalisation into `workspace`.
    func useNominal(_ workspace: Workspace) {
        _ = workspace.weights.update(fromContentsOf: nominalWeights)
        for index in switchable.indices { workspace.useAlternative[index] = false }
        workspace.anyAlternative = false
    }

    /// Re-aggregates and re-ranks with the weights and choices in `workspace`, writing each ranked
    /// enterprise's overall rank to `overall[position]` and each competitor's cell place to
    /// `cellPlaces[position]`, and adding 1 to `recommended[position]` for each one recommended.
    func run(
        _ workspace: Workspace, overall: UnsafeMutablePointer<Int32>, cellPlaces: UnsafeMutablePointer<Int32>,
        recommended: UnsafeMutablePointer<Int32>
    ) {
        aggregate(workspace)
        rankOverall(workspace, into: overall)
        rankCells(workspace, places: cellPlaces, recommended: recommended)
    }

    private func aggregate(_ workspace: Workspace) {
        let trackedCount = tracked.count
        let switchCount = switchable.count
        let row = workspace.scratch.baseAddress!
        let totals = workspace.totals
        let trackedScores = workspace.trackedScores
        let useAlternative = workspace.useAlternative
        let anyAlternative = workspace.anyAlternative
        base.withUnsafeBufferPointer { base in
            alternative.withUnsafeBufferPointer { alternative in
                steps.withUnsafeBufferPointer { steps in
                    children.withUnsafeBufferPointer { children in
                        tracked.withUnsafeBufferPointer { tracked in
                            for position in ranked {
                                row.update(from: base.baseAddress! + position * width, count: width)
                                if anyAlternative {
                                    for index in 0..<switchCount where useAlternative[index] {
                                        row[switchable[index]] = alternative[position * switchCount + index]
                                    }
                                }
                                NodeAggregator.aggregateRow(
                                    steps: steps, children: children.baseAddress!,
                                    weights: workspace.weights.baseAddress!, row: row)
                                let total = row[0]
                                // As the engine does: a root with nothing to aggregate totals 0.
                                totals[position] = total.isNaN ? 0 : total
                                for index in 0..<trackedCount {
                                    trackedScores[position * trackedCount + index] = row[tracked[index]]
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Competition ranks (1, 2, 2, 4) on the run's totals, as ``Ranking`` gives the nominal ones.
    private func rankOverall(_ workspace: Workspace, into overall: UnsafeMutablePointer<Int32>) {
        let totals = workspace.totals
        workspace.order.withUnsafeMutableBufferPointer { order in
            order.sort { totals[$0] > totals[$1] }
            var rank = 0
            for index in order.indices {
                let position = order[index]
                if index == 0 || totals[position] != totals[order[index - 1]] { rank = index + 1 }
                overall[position] = Int32(rank)
            }
        }
    }

    private func rankCells(_ workspace: Workspace, places: UnsafeMutablePointer<Int32>, recommended: UnsafeMutablePointer<Int32>) {
        let trackedCount = tracked.count
        let keyCount = keyCount
        let totals = workspace.totals
        let trackedScores = workspace.trackedScores
        let keys = workspace.keys
        let eligible = workspace.eligible
        for cell in cells {
            for position in cell.candidates {
                var isEligible = totals[position] >= cell.minimumTotal
                for minimum in cell.nodeMinimums {
                    // A node without a score (NaN) does not meet a minimum, as in the selection.
                    if !(trackedScores[position * trackedCount + minimum.tracked] >= minimum.value) { isEligible = false }
                }
                eligible[position] = isEligible
                for key in 0..<keyCount {
                    guard let index = keyTracked[key] else { continue }
                    let score = trackedScores[position * trackedCount + index]
                    keys[position * keyCount + key] = score.isNaN ? -.infinity : score
                }
            }
            workspace.cellOrder.removeAll(keepingCapacity: true)
            workspace.cellOrder.append(contentsOf: cell.candidates)
            workspace.cellOrder.withUnsafeMutableBufferPointer { order in
                order.sort { a, b in
                    if eligible[a] != eligible[b] { return eligible[a] }
                    return SelectionOrder.precedes(
                        a, b, totals: totals.baseAddress!, keys: keys.baseAddress!, keyCount: keyCount)
                }
                let quota = cell.quota ?? Int.max
                for index in order.indices {
                    let position = order[index]
                    places[position] = Int32(index + 1)
                    if eligible[position] && index < quota { recommended[position] += 1 }
                }
            }
        }
    }
}
