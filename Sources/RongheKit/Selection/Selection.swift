/// Selects demonstration enterprises (示范企业) from a scored batch under its tree's selection
/// policy.
///
/// 1. Each enterprise falls in the first track whose condition it meets (the engine evaluates the
///    conditions while scoring, on answers, flags and scores).
/// 2. It is eligible when it is in a track, ranked (complete enough), carries no veto, reaches the
///    track's minimum total and every node minimum of the track. A node without a score does not
///    meet a minimum.
/// 3. The eligible are placed within their quota cell (the track and the enterprise's values of
///    the track's quota dimensions; a track without a quota rule is one cell without limit) by
///    ``SelectionOrder``: unrounded total, then the tie-break keys, then USCC.
/// 4. The first `quota` of each cell are recommended: the rule's `cells` entry for the cell, else
///    its `perCell`; no limit when that is nil.
///
/// Ties at the quota line: when the last enterprise in and the first one out have equal totals,
/// every enterprise of that equal-total group gets a reason naming the tie-break key that
/// separated it from its neighbour across the line. If no key separates them (equal on the total
/// and every key), the USCC order decides, which is arbitrary: both sides get
/// ``SelectionReason/tieAtQuotaLine(others:)`` and ``SelectionDecision/tieAtQuotaLine`` so the
/// bureau reviews the cut. Either way each enterprise has a definite, reproducible decision.
public enum Selection {
    /// Selects from `result` under `result.tree.selection`.
    public static func select(_ result: ScoringResult) throws(SelectionError) -> SelectionResult {
        guard let policy = result.tree.selection else { throw .noPolicy(tree: result.tree.id) }
        let layout = SelectionLayout(result: result, policy: policy)
        let count = result.count
        var reasons = [[SelectionReason]](repeating: [], count: count)
        var isEligible = [Bool](repeating: false, count: count)

        for position in 0..<count {
            let track = result.trackIndices[position].map { policy.tracks[$0] }
            var list: [SelectionReason] = []
            if track == nil { list.append(.noTrack) }
            if !result.isRanked[position] {
                list.append(.notRanked(
                    completeness: result.completeness[position], minimum: result.tree.ranking.minimumCompleteness))
            }
            for veto in result.vetoIndices[position] {
                list.append(.vetoed(rule: result.tree.vetoes[veto].id, reason: result.tree.vetoes[veto].reason))
            }
            if let track, let trackIndex = result.trackIndices[position] {
                let total = result.totals[position]
                if total < track.minimumTotal {
                    list.append(.belowTrackMinimum(track: track, total: total, minimum: track.minimumTotal))
                }
                for minimum in layout.nodeMinimums[trackIndex] {
                    let score = result.nodes.score(row: position, node: minimum.node)
                    if score.map({ $0 < minimum.value }) ?? true {
                        list.append(.belowNodeMinimum(
                            track: track, node: result.plan.nodes[minimum.node].id, nodeName: layout.nodeNames[minimum.node],
                            score: score, minimum: minimum.value))
                    }
                }
            }
            isEligible[position] = track != nil && list.isEmpty
            reasons[position] = list
        }

        var places = [Int?](repeating: nil, count: count)
        var recommended = [Bool](repeating: false, count: count)
        var tied = [Bool](repeating: false, count: count)
        var cells: [QuotaCell] = []
        for cell in layout.cells {
            let track = policy.tracks[cell.track]
            var eligible = cell.members.filter { isEligible[$0] }
            result.totals.withUnsafeBufferPointer { totals in
                layout.keys.withUnsafeBufferPointer { keys in
                    eligible.sort {
                        SelectionOrder.precedes(
                            $0, $1, totals: totals.baseAddress!, keys: keys.baseAddress!, keyCount: layout.keyCount)
                    }
                }
            }
            let recommendedCount = min(cell.quota ?? eligible.count, eligible.count)
            for (index, position) in eligible.enumerated() {
                places[position] = index + 1
                if index < recommendedCount {
                    recommended[position] = true
                    reasons[position].append(.recommended(track: track, cell: cell.key, place: index + 1, quota: cell.quota))
                } else {
                    reasons[position].append(.outsideQuota(track: track, cell: cell.key, place: index + 1, quota: cell.quota ?? 0))
                }
            }
            if recommendedCount > 0 && recommendedCount < eligible.count {
                noteTies(
                    across: recommendedCount, in: eligible, result: result, layout: layout, policy: policy,
                    reasons: &reasons, tied: &tied)
            }
            cells.append(QuotaCell(
                track: track, key: cell.key, quota: cell.quota, members: cell.members, eligible: eligible,
                recommendedCount: recommendedCount))
        }

        let decisions = (0..<count).map { position in
            SelectionDecision(
                uscc: result.profiles[position].uscc,
                track: result.trackIndices[position].map { policy.tracks[$0].id },
                cell: layout.cellOfPosition[position], isEligible: isEligible[position], place: places[position],
                isRecommended: recommended[position], tieAtQuotaLine: tied[position], reasons: reasons[position])
        }
        return SelectionResult(policy: policy, decisions: decisions, cells: cells)
    }

    /// Adds the tie reasons for the equal-total group straddling the line between place `line` and
    /// place `line + 1` of `eligible` (positions in place order), if there is one.
    private static func noteTies(
        across line: Int, in eligible: [Int], result: ScoringResult, layout: SelectionLayout, policy: SelectionPolicy,
        reasons: inout [[SelectionReason]], tied: inout [Bool]
    ) {
        let lastIn = eligible[line - 1]
        let firstOut = eligible[line]
        let total = result.totals[lastIn]
        guard result.totals[firstOut] == total else { return }
        func exactlyEqual(_ a: Int, _ b: Int) -> Bool {
            result.totals[a] == result.totals[b]
                && SelectionOrder.firstDifference(a, b, keys: layout.keys, keyCount: layout.keyCount) == nil
        }
        for (index, position) in eligible.enumerated() where result.totals[position] == total {
            let isIn = index < line
            let neighbour = isIn ? firstOut : lastIn
            if let key = SelectionOrder.firstDifference(position, neighbour, keys: layout.keys, keyCount: layout.keyCount) {
                let tieBreak = policy.tieBreak[key]
                reasons[position].append(.tieBrokenAtQuotaLine(
                    key: tieBreak, keyLabel: layout.keyLabels[key], other: result.profiles[neighbour].uscc))
            } else {
                let across = isIn ? eligible[line...] : eligible[..<line]
                let others = across.filter { exactlyEqual($0, position) }.map { result.profiles[$0].uscc }
                reasons[position].append(.tieAtQuotaLine(others: others))
                tied[position] = true
            }
        }
    }
}

/// What the selection and the robustness analysis both need to know about a policy applied to a
/// batch: the cells and their members, each track's node minimums, and the tie-break key values.
struct SelectionLayout {
    struct Cell {
        var track: Int
        var key: QuotaCellKey
        var quota: Int?
        /// Positions of the track's enterprises in this cell, in result order.
        var members: [Int]
    }

    struct NodeMinimum {
        var node: Int
        var value: Double
    }

    /// Tracks in policy order, each track's cells by key.
    var cells: [Cell] = []
    /// The index in `cells` of each enterprise's cell.
    var cellOfPosition: [Int?]
    /// Each track's node minimums, in tree order.
    var nodeMinimums: [[NodeMinimum]]
    var nodeNames: [LocalizedText]
    let keyCount: Int
    /// The nominal tie-break key values, `keys[position * keyCount + key]`, higher is better.
    var keys: [Double]
    /// For each tie-break key, the node it reads (nil for other keys).
    var keyNodes: [Int?]
    var keyLabels: [LocalizedText]

    init(result: ScoringResult, policy: SelectionPolicy) {
        let plan = result.plan
        var nodeIndex: [String: Int] = [:]
        for (index, node) in plan.nodes.enumerated() { nodeIndex[node.id] = index }
        var names: [String: LocalizedText] = [:]
        for node in result.tree.root.preorder { names[node.id] = node.name }
        let nodeNames = plan.nodes.map { names[$0.id] ?? LocalizedText(zh: $0.id) }
        self.nodeNames = nodeNames
        nodeMinimums = policy.tracks.map { track in
            track.minimumNodes.compactMap { id, value in nodeIndex[id].map { NodeMinimum(node: $0, value: value) } }
                .sorted { $0.node < $1.node }
        }

        keyCount = policy.tieBreak.count
        let keyNodes: [Int?] = policy.tieBreak.map { key in
            if case .node(let id) = key { return nodeIndex[id] }
            return nil
        }
        self.keyNodes = keyNodes
        keyLabels = policy.tieBreak.enumerated().map { index, key in
            key.label(nodeName: keyNodes[index].map { nodeNames[$0] })
        }
        var keys = [Double](repeating: 0, count: result.count * keyCount)
        for position in 0..<result.count {
            for (index, key) in policy.tieBreak.enumerated() {
                keys[position * keyCount + index] = SelectionOrder.keyValue(
                    key, nodeScore: keyNodes[index].flatMap { result.nodes.score(row: position, node: $0) },
                    completeness: result.completeness[position], employees: result.profiles[position].employees)
            }
        }
        self.keys = keys

        var byTrack = [[String: Cell]](repeating: [:], count: policy.tracks.count)
        let rules: [QuotaRule?] = policy.tracks.map { track in policy.quotas.first { $0.track == track.id } }
        for (track, rule) in rules.enumerated() {
            guard let rule else { continue }
            for (key, quota) in rule.cells {
                let cellKey = QuotaCellKey(dimensions: rule.by, key: key)
                byTrack[track][cellKey.key] = Cell(track: track, key: cellKey, quota: quota, members: [])
            }
        }
        for position in 0..<result.count {
            guard let track = result.trackIndices[position] else { continue }
            let rule = rules[track]
            let key = QuotaCellKey(dimensions: rule?.by ?? [], profile: result.profiles[position])
            if byTrack[track][key.key] == nil {
                byTrack[track][key.key] = Cell(track: track, key: key, quota: rule.flatMap { $0.cells[key.key] ?? $0.perCell }, members: [])
            }
            byTrack[track][key.key]!.members.append(position)
        }
        cellOfPosition = [Int?](repeating: nil, count: result.count)
        for track in byTrack {
            for (_, cell) in track.sorted(by: { $0.key < $1.key }) {
                for position in cell.members { cellOfPosition[position] = cells.count }
                cells.append(cell)
            }
        }
    }
}
