import Foundation

/// The leaf scores of a batch, one column per leaf, and how each came about.
///
/// Scores are stored as `Double` with NaN meaning "left out" so that a 100,000-row batch stays
/// compact; the public result turns NaN into nil.
struct LeafColumns: Sendable {
    let plan: ScoringPlan
    let count: Int
    /// Row-major: `scores[row * leafCount + leaf]`.
    var scores: [Double]
    var values: [Double]
    var flags: [ScoreFlags]
    /// For each batch-rule leaf, the rows waiting for the column statistics.
    private var pending: [Int: [Int]] = [:]
    /// Medians used for imputation, by leaf id and industry (`*` for the batch-wide fallback).
    private(set) var imputationMedians: [String: [String: Double]] = [:]

    init(plan: ScoringPlan, count: Int) {
        self.plan = plan
        self.count = count
        let size = count * plan.leaves.count
        scores = [Double](repeating: .nan, count: size)
        values = [Double](repeating: .nan, count: size)
        flags = [ScoreFlags](repeating: [], count: size)
    }

    private func slot(_ row: Int, _ leaf: Int) -> Int { row * plan.leaves.count + leaf }

    func score(row: Int, leaf: Int) -> Double? {
        let value = scores[slot(row, leaf)]
        return value.isNaN ? nil : value
    }

    func value(row: Int, leaf: Int) -> Double? {
        let value = values[slot(row, leaf)]
        return value.isNaN ? nil : value
    }

    func flags(row: Int, leaf: Int) -> ScoreFlags { flags[slot(row, leaf)] }

    /// Applies the leaf's rule to one enterprise's answers. Batch rules only record the value here.
    mutating func evaluate(leaf: Int, row: Int, response: SurveyResponse, context: ConditionContext) {
        let index = slot(row, leaf)
        let rule = plan.leaves[leaf].rule
        for id in rule.questions {
            if context.inapplicable.contains(id) || response.answers[id] == .notApplicable {
                flags[index] = .notApplicable
                return
            }
        }
        func number(_ operand: RuleOperand) -> Double? {
            switch operand {
            case .question(let id): return response.answers[id]?.number
            case .profile(let field):
                if case .number(let value) = response.profile.value(of: field) { return value }
                return nil
            }
        }
        func answer(_ id: String) -> Answer? { response.answers[id] }
        var result: (score: Double, value: Double?, flags: ScoreFlags)?
        switch rule {
        case .linear(let id, let goalposts):
            if let x = answer(id)?.number { result = Self.linear(x, goalposts) }
        case .steps(let id, let steps, let below):
            if let x = answer(id)?.number {
                result = (steps.last { $0.from <= x }?.score ?? below, x, [])
            }
        case .choice(let id, let table):
            if case .choice(let code) = answer(id), let score = table[code] { result = (score, nil, []) }
        case .yesNo(let id, let yes, let no):
            if case .yesNo(let flag) = answer(id) { result = (flag ? yes : no, nil, []) }
        case .share(let id, let outOf):
            if case .choices(let codes) = answer(id), let question = plan.questionIndex[id].map({ plan.questions[$0] }) {
                let total = Double(outOf ?? question.options.count)
                let chosen = Double(codes.count)
                result = (min(100, 100 * chosen / total), chosen, chosen > total ? [.clamped] : [])
            }
        case .points(let id, let table):
            if case .choices(let codes) = answer(id) {
                let sum = codes.reduce(0) { $0 + (table[$1] ?? 0) }
                result = (min(100, sum), sum, sum > 100 ? [.clamped] : [])
            }
        case .ratio(let numerator, let denominator, let scale, let goalposts):
            if let top = number(numerator), let bottom = number(denominator) {
                if bottom == 0 {
                    flags[index] = [.missing, .zeroDenominator]
                } else {
                    result = Self.linear(scale * top / bottom, goalposts)
                }
            }
        case .batch(let id, _, _, _):
            if let x = answer(id)?.number {
                values[index] = x
                flags[index] = .answered
                pending[leaf, default: []].append(row)
                return
            }
        }
        if let result {
            scores[index] = result.score
            values[index] = result.value ?? .nan
            flags[index] = result.flags.union(.answered)
        } else {
            flags[index].insert(.missing)
        }
    }

    static func linear(_ x: Double, _ goalposts: Goalposts) -> (score: Double, value: Double?, flags: ScoreFlags) {
        let span = goalposts.high - goalposts.low
        var fraction = goalposts.direction == .higher ? (x - goalposts.low) / span : (goalposts.high - x) / span
        var flags: ScoreFlags = []
        if fraction < 0 || fraction > 1 {
            fraction = min(1, max(0, fraction))
            flags.insert(.clamped)
        }
        return (100 * fraction, x, flags)
    }

    /// Scores the batch-relative leaves once every value of their column is known.
    mutating func finishBatchRules() {
        for (leaf, rows) in pending.sorted(by: { $0.key < $1.key }) {
            guard case .batch(_, let method, let direction, let constantScore) = plan.leaves[leaf].rule else { continue }
            let column = rows.map { values[slot($0, leaf)] }
            let normalizer = BatchNormalizer(values: column, method: method, direction: direction, constantScore: constantScore)
            for row in rows {
                let index = slot(row, leaf)
                let (score, isConstant) = normalizer.score(values[index])
                scores[index] = score
                if isConstant { flags[index].insert(.constantColumn) }
            }
        }
        pending = [:]
    }

    /// Gives blank leaves their policy's treatment; `industries` holds each row's industry.
    mutating func applyMissingPolicies(industries: [String]) {
        for leaf in plan.leaves.indices {
            applyMissingPolicy(leaf: leaf, industries: industries)
        }
    }

    /// Gives the blank rows of one leaf its policy's treatment, from the leaf's answered scores.
    private mutating func applyMissingPolicy(leaf: Int, industries: [String]) {
        let definition = plan.leaves[leaf]
        let missingRows = (0..<count).filter { flags[slot($0, leaf)].contains(.missing) }
        guard !missingRows.isEmpty else { return }
        switch definition.missing {
        case .zero:
            for row in missingRows {
                scores[slot(row, leaf)] = 0
                flags[slot(row, leaf)].insert(.zeroForMissing)
            }
        case .respread:
            for row in missingRows { flags[slot(row, leaf)].insert(.respread) }
        case .industryMedian:
            var byIndustry: [String: [Double]] = [:]
            var all: [Double] = []
            for row in 0..<count where flags[slot(row, leaf)].contains(.answered) {
                let score = scores[slot(row, leaf)]
                byIndustry[industries[row], default: []].append(score)
                all.append(score)
            }
            var medians = byIndustry.compactMapValues(Statistics.median)
            let batchMedian = Statistics.median(all)
            if let batchMedian { medians["*"] = batchMedian }
            imputationMedians[plan.nodes[definition.node].id] = medians
            for row in missingRows {
                let index = slot(row, leaf)
                if let median = medians[industries[row]] ?? batchMedian {
                    scores[index] = median
                    flags[index].insert(.imputed)
                } else {
                    scores[index] = 0
                    flags[index].insert(.zeroForMissing)
                }
            }
        }
    }

    /// These columns as they would be if every linear and ratio leaf were normalised by batch
    /// min-max over the same values instead of by its goalposts: the alternative normalisation of
    /// the robustness analysis. Also returns the leaves that changed.
    ///
    /// The answered rows' values are placed between the batch's smallest and largest value (in the
    /// leaf's direction); blank rows then get the leaf's missing-answer policy again, so an imputed
    /// median is the median of the new scores. A leaf whose answered values do not vary keeps its
    /// goalpost scores: min-max has nothing to spread.
    func minMaxAlternative(industries: [String]) -> (columns: LeafColumns, leaves: [Int]) {
        var alternative = self
        var changed: [Int] = []
        for (leaf, definition) in plan.leaves.enumerated() {
            let direction: Direction
            switch definition.rule {
            case .linear(_, let goalposts), .ratio(_, _, _, let goalposts): direction = goalposts.direction
            default: continue
            }
            let answered = (0..<count).filter {
                flags[slot($0, leaf)].contains(.answered) && !values[slot($0, leaf)].isNaN
            }
            let normalizer = BatchNormalizer(
                values: answered.map { values[slot($0, leaf)] }, method: .minMax, direction: direction, constantScore: 0)
            guard !normalizer.isConstant else { continue }
            changed.append(leaf)
            for row in answered {
                alternative.scores[slot(row, leaf)] = normalizer.score(values[slot(row, leaf)]).0
            }
            for row in 0..<count where flags[slot(row, leaf)].contains(.missing) {
                alternative.scores[slot(row, leaf)] = .nan
                alternative.flags[slot(row, leaf)].subtract([.zeroForMissing, .imputed, .respread])
            }
            alternative.applyMissingPolicy(leaf: leaf, industries: industries)
        }
        return (alternative, changed)
    }
}
