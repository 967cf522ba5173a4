import Foundation

/// Scores a batch of surveys against an indicator tree.
///
/// Scoring runs in four passes over the batch, column by column: each leaf's rule on each
/// enterprise's answers; batch-relative rules and industry-median imputation, which need the whole
/// column; aggregation up the tree (entropy weights are derived from the children's columns); then
/// stages, vetoes, ranks and selection tracks. Cost is linear in enterprises × nodes, apart from sorting for medians
/// and percentiles.
///
/// Results are deterministic: the batch is put in USCC order first, so the same surveys in any
/// order give bit-identical results.
public struct ScoringEngine: Sendable {
    public let tree: IndicatorTree
    let plan: ScoringPlan

    /// Prepares an engine for a validated tree.
    public init(tree: IndicatorTree) {
        self.tree = tree
        self.plan = ScoringPlan(tree: tree)
    }

    /// Scores `responses`, one per enterprise.
    public func score(_ responses: [SurveyResponse]) throws(ScoringError) -> ScoringResult {
        let batch = responses.sorted { $0.profile.uscc < $1.profile.uscc }
        for (previous, next) in zip(batch, batch.dropFirst()) where previous.profile.uscc == next.profile.uscc {
            throw .duplicateEnterprise(uscc: next.profile.uscc)
        }
        var leaves = LeafColumns(plan: plan, count: batch.count)
        var contexts: [ConditionContext] = []
        contexts.reserveCapacity(batch.count)
        var completeness: [Double] = []
        completeness.reserveCapacity(batch.count)
        for (row, response) in batch.enumerated() {
            let context = applicabilityContext(for: response)
            completeness.append(self.completeness(of: response, in: context))
            for leaf in plan.leaves.indices {
                leaves.evaluate(leaf: leaf, row: row, response: response, context: context)
            }
            contexts.append(context)
        }
        leaves.finishBatchRules()
        leaves.applyMissingPolicies(industries: batch.map(\.profile.industry))

        var nodes = NodeColumns(plan: plan, leaves: leaves, count: batch.count)
        nodes.aggregate()

        var totals: [Double] = []
        var stages: [Int?] = []
        var vetoes: [[Int]] = []
        var tracks: [Int?] = []
        let selectionTracks = tree.selection?.tracks ?? []
        for row in batch.indices {
            let total = nodes.score(row: row, node: 0) ?? 0
            var context = contexts[row]
            context.completeness = completeness[row]
            context.total = total
            for (position, node) in plan.nodes.enumerated() {
                if let score = nodes.score(row: row, node: position) { context.nodeScores[node.id] = score }
            }
            totals.append(total)
            stages.append(tree.stages.indices.last { index in
                let stage = tree.stages[index]
                return total >= stage.minimumTotal && stage.requires.map { ConditionEvaluator.holds($0, in: context) } != false
            })
            vetoes.append(tree.vetoes.indices.filter { ConditionEvaluator.holds(tree.vetoes[$0].when, in: context) })
            // Here rather than in selection: a track's condition may test answers and staff flags,
            // which the result does not keep.
            tracks.append(selectionTracks.firstIndex { track in
                track.when.map { ConditionEvaluator.holds($0, in: context) } ?? true
            })
        }
        let ranked = completeness.map { $0 >= tree.ranking.minimumCompleteness }
        let ranks = Ranking.ranks(profiles: batch.map(\.profile), totals: totals, isRanked: ranked)
        return ScoringResult(
            tree: tree, plan: plan, profiles: batch.map(\.profile), totals: totals, stages: stages, vetoes: vetoes,
            completeness: completeness, isRanked: ranked, ranks: ranks, tracks: tracks, leaves: leaves, nodes: nodes)
    }

    /// The enterprise's answers, with the questions whose applicability condition fails marked.
    private func applicabilityContext(for response: SurveyResponse) -> ConditionContext {
        var context = ConditionContext(profile: response.profile, answers: response.answers, flags: response.flags)
        for question in plan.applicabilityOrder {
            if let condition = question.applicableWhen, !ConditionEvaluator.holds(condition, in: context) {
                context.inapplicable.insert(question.id)
            }
        }
        return context
    }

    /// Answered ÷ applicable among the questions the tree scores; 1 when none applies.
    private func completeness(of response: SurveyResponse, in context: ConditionContext) -> Double {
        var applicable = 0
        var answered = 0
        for index in plan.scoredQuestions {
            let id = plan.questions[index].id
            let answer = response.answers[id]
            if context.inapplicable.contains(id) || answer == .notApplicable { continue }
            applicable += 1
            if answer != nil { answered += 1 }
        }
        return applicable == 0 ? 1 : Double(answered) / Double(applicable)
    }
}
