extension Rule {
    /// The rule in a line of words, for listings (`ronghe indicators check`) and the report's
    /// method sheet: `linear 0.2 → 3 (higher is better)`, `choice none 0 · itHead 40 · …`.
    ///
    /// Goalposts are written low → high as in the file, with the direction after them; option
    /// scores and points follow the question's option order, so `tree` must be the tree the rule
    /// belongs to. Options a points rule gives nothing are left out.
    public func summary(in tree: IndicatorTree) -> String {
        func number(_ value: Double) -> String { formatNumber(value) }
        func goalposts(_ goalposts: Goalposts) -> String {
            let direction = goalposts.direction == .higher ? "higher is better" : "lower is better"
            return "linear \(number(goalposts.low)) → \(number(goalposts.high)) (\(direction))"
        }
        /// The entries of a table keyed by option code, in the question's option order.
        func optionTable(_ id: String, _ table: [String: Double], skippingZeros: Bool) -> String {
            let order = tree.question(id)?.options.map(\.code) ?? []
            let codes = order.filter { table[$0] != nil } + table.keys.filter { !order.contains($0) }.sorted()
            return codes.compactMap { code in
                guard let value = table[code], !(skippingZeros && value == 0) else { return nil }
                return "\(code) \(number(value))"
            }.joined(separator: " · ")
        }
        switch self {
        case .linear(_, let posts):
            return goalposts(posts)
        case .steps(_, let steps, let below):
            let bands = steps.map { "≥\(number($0.from)) → \(number($0.score))" }
            let under = steps.first.map { ["<\(number($0.from)) → \(number(below))"] } ?? []
            return "steps " + (under + bands).joined(separator: " · ")
        case .choice(let id, let scores):
            return "choice " + optionTable(id, scores, skippingZeros: false)
        case .yesNo(_, let yes, let no):
            return "yes-no \(number(yes))/\(number(no))"
        case .share(let id, let outOf):
            if let outOf { return "share of \(outOf)" }
            return "share of \(tree.question(id)?.options.count ?? 0) options"
        case .points(let id, let points):
            return "points " + optionTable(id, points, skippingZeros: true) + " (capped at 100)"
        case .ratio(let numerator, let denominator, let scale, let posts):
            func operand(_ operand: RuleOperand) -> String {
                switch operand {
                case .question(let id): return id
                case .profile(let field): return field.rawValue
                }
            }
            let scaled = scale == 1 ? "" : " × \(number(scale))"
            return "ratio \(operand(numerator)) / \(operand(denominator))\(scaled), \(goalposts(posts))"
        case .batch(_, let method, let direction, let constantScore):
            let lower = direction == .lower ? ", lower is better" : ""
            return "batch \(method.rawValue)\(lower) (constant column → \(number(constantScore)))"
        }
    }
}
