import Foundation

/// The figures the workbook's sheets share, computed once from the input in a few passes over
/// the scoring result's columns (never building 100,000 score cards).
///
/// Averages, medians and maxima of scores are over the **ranked** enterprises (those complete
/// enough to rank): an enterprise that left most questions blank would otherwise pull a
/// district's mean down for reasons that have nothing to do with its informatization. Counts
/// (of enterprises, stages, recommendations) include everyone scored.
struct ReportFacts {
    /// Summary figures of a set of scores.
    struct Spread: Equatable {
        var count: Int
        var mean: Double?
        var median: Double?
        var maximum: Double?
        var minimum: Double?

        init(_ values: [Double]) {
            count = values.count
            mean = Statistics.mean(values)
            median = Statistics.median(values)
            maximum = values.max()
            minimum = values.min()
        }
    }

    /// One group (a district, an industry, a size class) of the Groups sheet.
    struct Group: Equatable {
        var key: String
        var label: String
        var members: Int
        /// The ranked members' totals.
        var totals: Spread
        /// Members by stage index; the last entry counts members without a stage.
        var stageCounts: [Int]
        var recommended: Int
    }

    /// The flags of one leaf indicator across the batch.
    struct LeafQuality: Equatable {
        var node: Int
        var answered = 0
        var missing = 0
        var zeroForMissing = 0
        var imputed = 0
        var notApplicable = 0
        var clamped = 0
        var respread = 0
        var zeroDenominator = 0
        var constantColumn = 0
    }

    let input: ReportInput
    let text: ReportText
    /// Positions in ranking order: the ranked by rank, then the unranked.
    let order: [Int]
    /// The top-level nodes (dimensions): their indices in the result's node list.
    let dimensions: [Int]
    /// Every node of the tree in preorder, as ``TreeSummary`` describes it.
    let summary: TreeSummary
    /// The index of each node id in the result's node list.
    let nodeIndex: [String: Int]
    let nodeCount: Int

    let rankedCount: Int
    let vetoedCount: Int
    let eligibleCount: Int
    let recommendedCount: Int
    let closeCallCount: Int
    /// Enterprises by stage index; the last entry counts those without a stage.
    let stageCounts: [Int]
    /// The ranked enterprises' totals.
    let totals: Spread
    /// Each dimension's scores among the ranked.
    let dimensionSpreads: [Spread]
    let districts: [Group]
    let industries: [Group]
    let sizes: [Group]
    /// Leaves in tree order with their flag counts.
    let leafQuality: [LeafQuality]
    /// Whether each position is recommended.
    let isRecommended: [Bool]

    init(_ input: ReportInput) {
        self.input = input
        text = ReportText(language: input.language)
        let result = input.result
        let count = result.count
        order = result.rankingOrder
        summary = TreeSummary(tree: input.tree)
        var index: [String: Int] = [:]
        for (position, id) in result.nodeIDs.enumerated() { index[id] = position }
        nodeIndex = index
        nodeCount = result.nodeIDs.count
        dimensions = input.tree.root.children.compactMap { index[$0.id] }

        var recommended = [Bool](repeating: false, count: count)
        for position in input.selection?.recommended ?? [] { recommended[position] = true }
        isRecommended = recommended
        rankedCount = result.isRanked.filter { $0 }.count
        vetoedCount = result.vetoIndices.filter { !$0.isEmpty }.count
        eligibleCount = input.selection?.decisions.filter(\.isEligible).count ?? 0
        recommendedCount = recommended.filter { $0 }.count
        closeCallCount = input.robustness?.closeCalls.count ?? 0

        let stageSlots = input.tree.stages.count + 1
        var stages = [Int](repeating: 0, count: stageSlots)
        var rankedTotals: [Double] = []
        var dimensionScores = [[Double]](repeating: [], count: dimensions.count)
        for position in 0..<count {
            stages[result.stageIndices[position] ?? input.tree.stages.count] += 1
            guard result.isRanked[position] else { continue }
            rankedTotals.append(result.totals[position])
            for (slot, node) in dimensions.enumerated() {
                if let score = result.nodes.score(row: position, node: node) { dimensionScores[slot].append(score) }
            }
        }
        stageCounts = stages
        totals = Spread(rankedTotals)
        dimensionSpreads = dimensionScores.map(Spread.init)

        let names = input.districtNames
        let language = input.language
        districts = Self.groups(result, recommended: recommended, stageSlots: stageSlots, key: \.district) { code in
            names[code].map { "\(code) \($0)" } ?? code
        }
        industries = Self.groups(result, recommended: recommended, stageSlots: stageSlots, key: \.industry) { code in
            Self.industryLabel(code, language)
        }
        sizes = Self.groups(result, recommended: recommended, stageSlots: stageSlots, key: \.size.rawValue) { raw in
            SizeClass(rawValue: raw)?.label.text(language) ?? raw
        }.sorted { (SizeClass(rawValue: $0.key) ?? .micro) < (SizeClass(rawValue: $1.key) ?? .micro) }

        var quality = result.plan.leaves.map { LeafQuality(node: $0.node) }
        let width = nodeCount
        result.nodes.flags.withUnsafeBufferPointer { flags in
            for leaf in quality.indices {
                let node = quality[leaf].node
                var counts = quality[leaf]
                for position in 0..<count {
                    let flag = flags[position * width + node]
                    if flag.contains(.answered) { counts.answered += 1 }
                    if flag.contains(.missing) { counts.missing += 1 }
                    if flag.contains(.zeroForMissing) { counts.zeroForMissing += 1 }
                    if flag.contains(.imputed) { counts.imputed += 1 }
                    if flag.contains(.notApplicable) { counts.notApplicable += 1 }
                    if flag.contains(.clamped) { counts.clamped += 1 }
                    if flag.contains(.respread) { counts.respread += 1 }
                    if flag.contains(.zeroDenominator) { counts.zeroDenominator += 1 }
                    if flag.contains(.constantColumn) { counts.constantColumn += 1 }
                }
                quality[leaf] = counts
            }
        }
        leafQuality = quality
    }

    /// The enterprises grouped by a profile field, groups in key order.
    private static func groups(
        _ result: ScoringResult, recommended: [Bool], stageSlots: Int, key: KeyPath<EnterpriseProfile, String>,
        label: (String) -> String
    ) -> [Group] {
        var members: [String: (count: Int, totals: [Double], stages: [Int], recommended: Int)] = [:]
        for position in result.indices {
            let group = result.profiles[position][keyPath: key]
            var entry = members[group] ?? (0, [], [Int](repeating: 0, count: stageSlots), 0)
            entry.count += 1
            if result.isRanked[position] { entry.totals.append(result.totals[position]) }
            entry.stages[result.stageIndices[position] ?? stageSlots - 1] += 1
            if recommended[position] { entry.recommended += 1 }
            members[group] = entry
        }
        return members.keys.sorted().map { group in
            let entry = members[group]!
            return Group(
                key: group, label: label(group), members: entry.count, totals: Spread(entry.totals),
                stageCounts: entry.stages, recommended: entry.recommended)
        }
    }

    // MARK: - Labels shared by the sheets

    /// A district as shown: `371402 德城区` when its name is known, else the code.
    func districtLabel(_ code: String) -> String {
        input.districtNames[code].map { "\(code) \($0)" } ?? code
    }

    /// An industry as shown: `C26 化学原料和化学制品制造业`; in English the code with its
    /// section, `C26 (Manufacturing)`, since GB/T 4754 division names exist here in Chinese only.
    static func industryLabel(_ code: String, _ language: Language) -> String {
        switch language {
        case .zh:
            return IndustryCode.displayName(code)
        case .en:
            guard let letter = code.first, let section = IndustryCode.sectionName(letter) else { return code }
            return "\(code) (\(section.text(.en)))"
        }
    }

    func industryLabel(_ code: String) -> String {
        Self.industryLabel(code, input.language)
    }

    /// The name of the node at `index` in the result's node list.
    func nodeName(_ index: Int) -> String {
        summary.nodes[index].name.text(input.language)
    }

    /// `A 组织保障与CIO体系`: a node's id and name.
    func nodeTitle(_ index: Int) -> String {
        "\(summary.nodes[index].id) \(nodeName(index))"
    }

    /// The stage's name, by index; "未定级" for none.
    func stageName(_ index: Int?) -> String {
        guard let index else { return text("未定级", "No stage") }
        return input.tree.stages[index].name.text(input.language)
    }

    /// The robustness figures of the enterprise at `position`, if the analysis ran.
    func robustness(at position: Int) -> EnterpriseRobustness? {
        input.robustness?.enterprises[position]
    }

    /// The overall rank interval as text: `3–7`, or `3` when the runs never moved it.
    func rankInterval(at position: Int) -> String? {
        guard let overall = robustness(at: position)?.overall else { return nil }
        return overall.low == overall.high ? "\(overall.low)" : "\(overall.low)–\(overall.high)"
    }

    /// The selection reasons of the enterprise at `position`, joined.
    func reasons(at position: Int) -> String {
        guard let decision = input.selection?.decisions[position] else { return "" }
        return decision.reasons.map { $0.text(input.language) }.joined(separator: text.separator)
    }

    /// Veto reasons of the enterprise at `position`, joined.
    func vetoReasons(at position: Int) -> String {
        input.result.vetoIndices[position].map { input.tree.vetoes[$0].reason.text(input.language) }
            .joined(separator: text.separator)
    }

    /// Means of every node's score among the ranked enterprises of each of `industries`, and
    /// among all ranked enterprises under the key nil, by node index; nil where no such
    /// enterprise has a score. One pass over the batch whatever the number of industries.
    func nodeMeans(industries: Set<String>) -> [String?: [Double?]] {
        let result = input.result
        let width = nodeCount
        var sums: [String?: [Double]] = [nil: [Double](repeating: 0, count: width)]
        var counts: [String?: [Int]] = [nil: [Int](repeating: 0, count: width)]
        for industry in industries {
            sums[industry] = [Double](repeating: 0, count: width)
            counts[industry] = [Int](repeating: 0, count: width)
        }
        result.nodes.scores.withUnsafeBufferPointer { scores in
            for position in result.indices where result.isRanked[position] {
                let industry = result.profiles[position].industry
                let keys: [String?] = industries.contains(industry) ? [nil, industry] : [nil]
                for key in keys {
                    for node in 0..<width {
                        let score = scores[position * width + node]
                        if !score.isNaN {
                            sums[key]![node] += score
                            counts[key]![node] += 1
                        }
                    }
                }
            }
        }
        var means: [String?: [Double?]] = [:]
        for (key, sum) in sums {
            let count = counts[key]!
            means[key] = (0..<width).map { count[$0] > 0 ? sum[$0] / Double(count[$0]) : nil }
        }
        return means
    }
}
