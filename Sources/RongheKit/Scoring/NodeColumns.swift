import Foundation

/// Every node's score for every enterprise of a batch, aggregated from the leaf columns up.
struct NodeColumns: Sendable {
    let plan: ScoringPlan
    let count: Int
    /// Row-major: `scores[row * nodeCount + node]`; NaN means left out.
    var scores: [Double]
    /// The weight each node carried within its parent, after re-spreading.
    var weights: [Double]
    /// The share of the total each node carried.
    var globalWeights: [Double]
    var flags: [ScoreFlags]
    /// Each node's weight within its parent before re-spreading (batch-derived for entropy).
    var nominalWeights: [Double]
    /// The child weights entropy weighting derived, by node id.
    var derivedWeights: [String: [Double]] = [:]
    /// The nominal weight of each edge of ``ScoringPlan/aggregator``: the tree's fixed weights,
    /// with entropy-weighted nodes' edges filled from this batch once aggregated.
    var edgeWeights: [Double] = []

    init(plan: ScoringPlan, leaves: LeafColumns, count: Int) {
        self.plan = plan
        self.count = count
        let size = count * plan.nodes.count
        scores = [Double](repeating: .nan, count: size)
        weights = [Double](repeating: 0, count: size)
        globalWeights = [Double](repeating: 0, count: size)
        flags = [ScoreFlags](repeating: [], count: size)
        nominalWeights = [Double](repeating: 1, count: plan.nodes.count)
        for row in 0..<count {
            for (leaf, definition) in plan.leaves.enumerated() {
                let index = row * plan.nodes.count + definition.node
                scores[index] = leaves.scores[row * plan.leaves.count + leaf]
                flags[index] = leaves.flags(row: row, leaf: leaf)
            }
        }
    }

    func score(row: Int, node: Int) -> Double? {
        let value = scores[row * plan.nodes.count + node]
        return value.isNaN ? nil : value
    }

    /// Aggregates every inner node, children before parents, then derives the global weights.
    ///
    /// Node by node rather than enterprise by enterprise: an entropy-weighted node needs its
    /// children's whole columns before any enterprise's score can be computed. The arithmetic is
    /// ``NodeAggregator/combine(_:children:weights:row:weightsOut:)``, shared with the robustness
    /// analysis.
    mutating func aggregate() {
        let width = plan.nodes.count
        let aggregator = plan.aggregator
        // Taken out of `self` so the loops can hold pointers into them without overlapping accesses.
        var edgeWeights = aggregator.fixedWeights
        var scores = self.scores
        var weights = self.weights
        var flags = self.flags
        self.scores = []
        self.weights = []
        self.flags = []
        defer {
            self.edgeWeights = edgeWeights
            self.scores = scores
            self.weights = weights
            self.flags = flags
        }
        for step in aggregator.steps {
            let node = step.node
            let definition = plan.nodes[node]
            var nodeFlags: ScoreFlags = []
            if definition.childWeights == nil {
                let entropy = entropyWeights(children: definition.children, scores: scores)
                for (position, edge) in step.edges.enumerated() { edgeWeights[edge] = entropy.weights[position] }
                derivedWeights[definition.id] = entropy.weights
                if entropy.isFallback { nodeFlags.insert(.equalWeightFallback) }
            }
            for (position, child) in definition.children.enumerated() {
                nominalWeights[child] = edgeWeights[step.edges.lowerBound + position]
            }
            aggregator.children.withUnsafeBufferPointer { children in
                edgeWeights.withUnsafeBufferPointer { edgeWeights in
                    scores.withUnsafeMutableBufferPointer { scores in
                        weights.withUnsafeMutableBufferPointer { weights in
                            for row in 0..<count {
                                let offset = row * width
                                let outcome = NodeAggregator.combine(
                                    step, children: children.baseAddress!, weights: edgeWeights.baseAddress!,
                                    row: scores.baseAddress! + offset, weightsOut: weights.baseAddress! + offset)
                                var rowFlags = nodeFlags
                                if outcome.present == 0 {
                                    let allNotApplicable = definition.children.allSatisfy {
                                        flags[offset + $0].contains(.notApplicable)
                                    }
                                    rowFlags.insert(allNotApplicable ? .notApplicable : .respread)
                                } else {
                                    if outcome.present < definition.children.count { rowFlags.insert(.partial) }
                                    if outcome.floored { rowFlags.insert(.floored) }
                                    scores[offset + node] = outcome.score
                                }
                                flags[offset + node] = rowFlags
                            }
                        }
                    }
                }
            }
        }
        for row in 0..<count {
            let offset = row * width
            weights[offset] = 1
            globalWeights[offset] = 1
            for node in plan.nodes.indices {
                for child in plan.nodes[node].children {
                    globalWeights[offset + child] = globalWeights[offset + node] * weights[offset + child]
                }
            }
        }
    }

    /// Entropy weights over the rows where every child has a score.
    private func entropyWeights(children: [Int], scores: [Double]) -> EntropyWeights {
        let width = plan.nodes.count
        var columns = [[Double]](repeating: [], count: children.count)
        for row in 0..<count {
            let offset = row * width
            guard children.allSatisfy({ !scores[offset + $0].isNaN }) else { continue }
            for (position, child) in children.enumerated() { columns[position].append(scores[offset + child]) }
        }
        return EntropyWeights(columns: columns)
    }
}
