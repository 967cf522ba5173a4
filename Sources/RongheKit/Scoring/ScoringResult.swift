/// The scored batch: one ``ScoreCard`` per enterprise, in USCC order.
///
/// Cards are built on access from compact columns, so a 100,000-enterprise batch does not hold
/// 100,000 arrays of node results at once.
public struct ScoringResult: RandomAccessCollection, Sendable {
    public let tree: IndicatorTree
    let plan: ScoringPlan
    let profiles: [EnterpriseProfile]
    /// The total of each enterprise, in USCC order.
    public let totals: [Double]
    let stageIndices: [Int?]
    let vetoIndices: [[Int]]
    public let completeness: [Double]
    public let isRanked: [Bool]
    public let ranks: [Ranks]
    /// The index into the selection policy's tracks of the first track whose condition each
    /// enterprise meets; nil for none, or when the tree has no selection policy.
    let trackIndices: [Int?]
    let leaves: LeafColumns
    let nodes: NodeColumns

    init(
        tree: IndicatorTree, plan: ScoringPlan, profiles: [EnterpriseProfile], totals: [Double], stages: [Int?],
        vetoes: [[Int]], completeness: [Double], isRanked: [Bool], ranks: [Ranks], tracks: [Int?], leaves: LeafColumns,
        nodes: NodeColumns
    ) {
        self.tree = tree
        self.plan = plan
        self.profiles = profiles
        self.totals = totals
        self.stageIndices = stages
        self.vetoIndices = vetoes
        self.completeness = completeness
        self.isRanked = isRanked
        self.ranks = ranks
        self.trackIndices = tracks
        self.leaves = leaves
        self.nodes = nodes
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { profiles.count }

    public subscript(position: Int) -> ScoreCard {
        var results: [NodeResult] = []
        results.reserveCapacity(plan.nodes.count)
        let width = plan.nodes.count
        for (index, node) in plan.nodes.enumerated() {
            let slot = position * width + index
            let score = nodes.scores[slot]
            results.append(NodeResult(
                id: node.id,
                score: score.isNaN ? nil : score,
                weight: nodes.weights[slot],
                nominalWeight: nodes.nominalWeights[index],
                globalWeight: nodes.globalWeights[slot],
                value: node.leaf.flatMap { leaves.value(row: position, leaf: $0) },
                flags: nodes.flags[slot]))
        }
        return ScoreCard(
            profile: profiles[position],
            total: totals[position],
            stage: stageIndices[position].map { tree.stages[$0].id },
            vetoes: vetoIndices[position].map { tree.vetoes[$0].id },
            completeness: completeness[position],
            isRanked: isRanked[position],
            ranks: ranks[position],
            nodes: results)
    }

    /// The selection track the enterprise at `position` falls in: the first whose condition it
    /// meets, evaluated on its answers, flags and nominal scores. Nil when it meets none, or when
    /// the tree has no selection policy.
    public func track(at position: Int) -> SelectionTrack? {
        trackIndices[position].map { tree.selection!.tracks[$0] }
    }

    /// The node ids in tree order, matching each card's `nodes`.
    public var nodeIDs: [String] { plan.nodes.map(\.id) }

    /// The child weights entropy weighting derived from this batch, by node id.
    public var derivedWeights: [String: [Double]] { nodes.derivedWeights }

    /// The medians used to impute blank answers, by leaf id and industry (`*`: whole batch).
    public var imputationMedians: [String: [String: Double]] { leaves.imputationMedians }

    /// Positions in ranking order: ranked enterprises by rank (ties by USCC), then the unranked by
    /// total.
    public var rankingOrder: [Int] {
        indices.sorted { a, b in
            switch (ranks[a].overall, ranks[b].overall) {
            case (let x?, let y?): return x != y ? x < y : profiles[a].uscc < profiles[b].uscc
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return totals[a] != totals[b] ? totals[a] > totals[b] : profiles[a].uscc < profiles[b].uscc
            }
        }
    }
}
