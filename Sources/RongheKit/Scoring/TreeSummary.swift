/// An indicator tree as a listing or a report's method sheet shows it: every node with its weight
/// within its parent, its effective (global) weight, its AHP consistency and its rule in words.
///
/// The weights are the ones the scoring engine uses: explicit weights divided by their sum (the
/// validator keeps that sum within 0.001 of 1), equal weights, and the principal eigenvector of an
/// AHP matrix. A node's effective weight is the product of the weights on the path from the root,
/// i.e. its share of the total when nothing is left out. Entropy weights exist only for a scored
/// batch, so the children of an entropy node have no weight here and nothing below one has an
/// effective weight; the entropy node itself keeps its share (see ``entropyShares``).
public struct TreeSummary: Equatable, Sendable {
    /// One node of the tree, in preorder (parents before children).
    public struct Node: Equatable, Sendable {
        public var id: String
        public var name: LocalizedText
        /// 0 for the root, 1 for its children, and so on.
        public var depth: Int
        /// The parent's id; nil for the root.
        public var parentID: String?
        /// How this node's children are weighted (meaningless for a leaf).
        public var weighting: Weighting
        public var aggregation: Aggregation
        /// The weight within the parent as scoring uses it: 1 for the root, nil when the parent
        /// uses entropy weighting.
        public var weight: Double?
        /// The product of the weights from the root down to this node; nil below an entropy node.
        public var effectiveWeight: Double?
        /// The weights and consistency of the node's AHP matrix, for an AHP node.
        public var ahp: AHPAnalysis?
        /// The rule of a leaf.
        public var rule: Rule?
        /// The rule in words (``Rule/summary(in:)``), for a leaf.
        public var ruleSummary: String?
        /// The missing-answer policy a leaf is scored with: its own, or the tree's default.
        public var missingPolicy: MissingPolicy?
        /// Whether the leaf states its own missing-answer policy in the file.
        public var statesMissingPolicy: Bool
        /// The number of leaves in this node's subtree (1 for a leaf).
        public var leafCount: Int

        public var isLeaf: Bool { rule != nil }
    }

    /// A node weighted by entropy with no entropy node above it: its subtree's leaves share its
    /// effective weight in proportions that each scored batch decides.
    public struct EntropyShare: Equatable, Sendable {
        public var nodeID: String
        public var effectiveWeight: Double
        public var leafCount: Int
    }

    /// Every node, in preorder.
    public let nodes: [Node]
    /// The number of questions in the survey.
    public let questionCount: Int
    /// The number of distinct questions the leaves' rules read: the ones completeness counts.
    public let scoredQuestionCount: Int
    public let leafCount: Int
    /// The leaves whose effective weight is fixed by the tree (not below an entropy node).
    public let fixedLeafCount: Int
    /// The sum of those leaves' effective weights: 1 (up to rounding) in a tree without entropy.
    public let fixedLeafWeightSum: Double
    /// The top-most entropy nodes, in tree order; their effective weights and
    /// ``fixedLeafWeightSum`` add up to 1.
    public let entropyShares: [EntropyShare]

    /// Summarises a validated tree.
    public init(tree: IndicatorTree) {
        let plan = ScoringPlan(tree: tree)
        let source = tree.root.preorder
        var nodes: [Node] = []
        nodes.reserveCapacity(source.count)
        for (index, node) in source.enumerated() {
            let parent = plan.nodes[index].parent
            var weight: Double? = 1
            var effective: Double? = 1
            var depth = 0
            if let parent {
                let position = plan.nodes[parent].children.firstIndex(of: index) ?? 0
                weight = plan.nodes[parent].childWeights.map { $0[position] }
                effective = weight.flatMap { weight in nodes[parent].effectiveWeight.map { $0 * weight } }
                depth = nodes[parent].depth + 1
            }
            var ahp: AHPAnalysis?
            if case .ahp(let matrix) = node.weighting, !node.children.isEmpty {
                ahp = AHPAnalysis(matrix: matrix)
            }
            nodes.append(Node(
                id: node.id, name: node.name, depth: depth, parentID: parent.map { source[$0].id },
                weighting: node.weighting, aggregation: node.aggregation, weight: weight, effectiveWeight: effective,
                ahp: ahp, rule: node.rule, ruleSummary: node.rule?.summary(in: tree),
                missingPolicy: node.isLeaf ? node.missing ?? tree.defaultMissingPolicy : nil,
                statesMissingPolicy: node.missing != nil, leafCount: node.leaves.count))
        }
        self.nodes = nodes
        questionCount = tree.questions.count
        scoredQuestionCount = plan.scoredQuestions.count
        let leaves = nodes.filter(\.isLeaf)
        leafCount = leaves.count
        let fixed = leaves.compactMap(\.effectiveWeight)
        fixedLeafCount = fixed.count
        fixedLeafWeightSum = fixed.reduce(0, +)
        entropyShares = nodes.compactMap { node in
            guard !node.isLeaf, node.weighting == .entropy, let weight = node.effectiveWeight else { return nil }
            return EntropyShare(nodeID: node.id, effectiveWeight: weight, leafCount: node.leafCount)
        }
    }

    /// The node with `id`, if the tree has one.
    public func node(_ id: String) -> Node? {
        nodes.first { $0.id == id }
    }
}
