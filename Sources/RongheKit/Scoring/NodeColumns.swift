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
    mutating func aggregate() {
        let width = plan.nodes.count
        for node in plan.nodes.indices.reversed() where plan.nodes[node].leaf == nil {
            let definition = plan.nodes[node]
            let children = definition.children
            var nodeFlags: ScoreFlags = []
            let base: [Double]
            if let fixed = definition.childWeights {
                base = fixed
            } else {
                let entropy = entropyWeights(children: children)
                base = entropy.weights
                derivedWeights[definition.id] = base
                if entropy.isFallback { nodeFlags.insert(.equalWeightFallback) }
            }
            for (position, child) in children.enumerated() { nominalWeights[child] = base[position] }
            for row in 0..<count {
                let offset = row * width
                var presentWeight = 0.0
                var present = 0
                for (position, child) in children.enumerated() where !scores[offset + child].isNaN {
                    presentWeight += base[position]
                    present += 1
                }
                var rowFlags = nodeFlags
                // Only weight-0 children left (explicitly, or by entropy): the tree says they count
                // for nothing, so they cannot carry the node; it is left out like an empty one.
                guard present > 0, presentWeight > 0 else {
                    let allNotApplicable = children.allSatisfy { flags[offset + $0].contains(.notApplicable) }
                    rowFlags.insert(allNotApplicable ? .notApplicable : .respread)
                    flags[offset + node] = rowFlags
                    continue
                }
                if present < children.count { rowFlags.insert(.partial) }
                var logSum = 0.0
                var sum = 0.0
                for (position, child) in children.enumerated() {
                    let score = scores[offset + child]
                    guard !score.isNaN else { continue }
                    let weight = base[position] / presentWeight
                    weights[offset + child] = weight
                    switch definition.aggregation {
                    case .arithmetic:
                        sum += weight * score
                    case .geometric(let floor):
                        if score < floor { rowFlags.insert(.floored) }
                        logSum += weight * log(max(score, floor))
                    }
                }
                if case .geometric = definition.aggregation { sum = exp(logSum) }
                scores[offset + node] = min(100, max(0, sum))
                flags[offset + node] = rowFlags
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
    private func entropyWeights(children: [Int]) -> EntropyWeights {
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
