/// A tree compiled for fast, column-wise scoring: nodes flattened in preorder with parent and child
/// indices, leaves with their questions resolved to indices.
struct ScoringPlan: Sendable {
    struct Node: Sendable {
        var id: String
        var parent: Int?
        var children: [Int]
        /// The index into `leaves` for a leaf.
        var leaf: Int?
        var weighting: Weighting
        var aggregation: Aggregation
        /// Fixed child weights for explicit, equal and AHP weighting, normalised to sum to 1; nil for
        /// entropy, which is derived per batch.
        var childWeights: [Double]?
    }

    struct Leaf: Sendable {
        var node: Int
        var rule: Rule
        var missing: MissingPolicy
        /// The questions the rule reads, by index into `questions`.
        var questions: [Int]
    }

    let nodes: [Node]
    let leaves: [Leaf]
    let questions: [Question]
    let questionIndex: [String: Int]
    /// The distinct questions read by any leaf, for completeness.
    let scoredQuestions: [Int]
    /// The questions with applicability conditions, each after the questions its condition reads.
    let applicabilityOrder: [Question]
    /// The inner nodes flattened into aggregation steps over weighted edges.
    let aggregator: NodeAggregator

    init(tree: IndicatorTree) {
        questions = tree.questions
        applicabilityOrder = tree.applicabilityOrder
        var index: [String: Int] = [:]
        for (position, question) in tree.questions.enumerated() { index[question.id] = position }
        questionIndex = index
        var nodes: [Node] = []
        var leaves: [Leaf] = []
        func add(_ node: IndicatorNode, parent: Int?) {
            let position = nodes.count
            var leafIndex: Int?
            if let rule = node.rule {
                leafIndex = leaves.count
                leaves.append(Leaf(
                    node: position, rule: rule, missing: node.missing ?? tree.defaultMissingPolicy,
                    questions: rule.questions.compactMap { index[$0] }))
            }
            nodes.append(Node(
                id: node.id, parent: parent, children: [], leaf: leafIndex, weighting: node.weighting,
                aggregation: node.aggregation, childWeights: Self.fixedWeights(of: node)))
            for child in node.children {
                nodes[position].children.append(nodes.count)
                add(child, parent: position)
            }
        }
        add(tree.root, parent: nil)
        self.nodes = nodes
        self.leaves = leaves
        var seen = Set<Int>()
        scoredQuestions = leaves.flatMap(\.questions).filter { seen.insert($0).inserted }
        aggregator = NodeAggregator(nodes: nodes)
    }

    private static func fixedWeights(of node: IndicatorNode) -> [Double]? {
        guard !node.children.isEmpty else { return [] }
        switch node.weighting {
        case .explicit:
            let weights = node.children.map { $0.weight ?? 0 }
            let sum = weights.reduce(0, +)
            return sum > 0 ? weights.map { $0 / sum } : weights
        case .equal:
            return [Double](repeating: 1 / Double(node.children.count), count: node.children.count)
        case .ahp(let matrix):
            return AHPAnalysis(matrix: matrix).weights
        case .entropy:
            return nil
        }
    }
}
