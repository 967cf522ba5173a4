import Foundation

/// The arithmetic of aggregating a node from its children, in one place for both paths that need
/// it: the scoring engine (``NodeColumns``, once per batch, keeping weights and flags) and the
/// robustness analysis (thousands of times with perturbed weights, keeping only scores).
///
/// The tree is flattened into steps over edges: each inner node is one step, its children are a
/// contiguous range of edges, and each edge has one weight. Both paths give bit-identical scores
/// for the same weights because they run the same code in the same order.
struct NodeAggregator: Sendable {
    struct Step: Sendable {
        /// The inner node this step scores.
        var node: Int
        /// Its children's edges, in child order.
        var edges: Range<Int>
        /// The floor of a geometric mean; nil for the weighted arithmetic mean.
        var geometricFloor: Double?
    }

    /// What one aggregation gave.
    struct Outcome {
        /// The score from 0 to 100, or NaN when every child was left out.
        var score: Double
        /// How many children had a score.
        var present: Int
        /// Whether a geometric mean raised a child's score to its floor.
        var floored: Bool
    }

    /// Inner nodes, children before parents (reverse preorder), so one pass scores the tree.
    let steps: [Step]
    /// The child node of each edge.
    let children: [Int]
    /// The tree's fixed weight of each edge (explicit, equal or AHP, normalised within the node);
    /// NaN on the edges of entropy-weighted nodes, whose weights come from the batch.
    let fixedWeights: [Double]

    init(nodes: [ScoringPlan.Node]) {
        var edgeStart: [Int] = []
        var children: [Int] = []
        var weights: [Double] = []
        for node in nodes {
            edgeStart.append(children.count)
            children.append(contentsOf: node.children)
            weights.append(contentsOf: node.childWeights ?? [Double](repeating: .nan, count: node.children.count))
        }
        var steps: [Step] = []
        for index in nodes.indices.reversed() where nodes[index].leaf == nil {
            let floor: Double?
            if case .geometric(let value) = nodes[index].aggregation { floor = value } else { floor = nil }
            steps.append(Step(
                node: index, edges: edgeStart[index]..<(edgeStart[index] + nodes[index].children.count),
                geometricFloor: floor))
        }
        self.steps = steps
        self.children = children
        self.fixedWeights = weights
    }

    /// Aggregates one node of one enterprise from the scores in `row` (the enterprise's node
    /// scores, NaN for left out) with the given edge weights.
    ///
    /// Weights are re-spread over the children that have a score: each present child weighs its
    /// edge weight divided by the sum of the present edge weights, so weights need not sum to 1.
    /// When only weight-0 children have a score, the tree says they count for nothing, so they
    /// cannot carry the node: it is left out like a node without scores (`present` is 0). With `weightsOut`, each present child's re-spread weight is
    /// stored at its node index. The result is clamped to 0…100; it is not written to `row`.
    @inline(__always)
    static func combine(
        _ step: Step, children: UnsafePointer<Int>, weights: UnsafePointer<Double>, row: UnsafePointer<Double>,
        weightsOut: UnsafeMutablePointer<Double>?
    ) -> Outcome {
        var presentWeight = 0.0
        var present = 0
        for edge in step.edges where !row[children[edge]].isNaN {
            presentWeight += weights[edge]
            present += 1
        }
        guard present > 0, presentWeight > 0 else { return Outcome(score: .nan, present: 0, floored: false) }
        var floored = false
        var logSum = 0.0
        var sum = 0.0
        for edge in step.edges {
            let child = children[edge]
            let score = row[child]
            guard !score.isNaN else { continue }
            let weight = weights[edge] / presentWeight
            weightsOut?[child] = weight
            if let floor = step.geometricFloor {
                if score < floor { floored = true }
                logSum += weight * log(max(score, floor))
            } else {
                sum += weight * score
            }
        }
        if step.geometricFloor != nil { sum = exp(logSum) }
        return Outcome(score: min(100, max(0, sum)), present: present, floored: floored)
    }

    /// Scores every inner node of one enterprise in place, children first, with the given edge
    /// weights: the robustness analysis's re-aggregation, which needs no weights or flags.
    @inline(__always)
    static func aggregateRow(
        steps: UnsafeBufferPointer<Step>, children: UnsafePointer<Int>, weights: UnsafePointer<Double>,
        row: UnsafeMutablePointer<Double>
    ) {
        for step in steps {
            row[step.node] = combine(step, children: children, weights: weights, row: row, weightsOut: nil).score
        }
    }
}
