extension Condition {
    /// The condition in a line of words, for listings and reports: `V1 = yes`, `node D ≥ 50`,
    /// `size in large, medium`, `P1 < 0 and P2 < 0`, `flag falsified`.
    ///
    /// A question is named by its id, a node score as `node ID`, a profile field and the metrics
    /// `completeness` and `total` by their names. Several tests on one subject are joined by
    /// `and`; a combination nested in another is put in parentheses.
    public var summary: String {
        summary(nested: false)
    }

    private func summary(nested: Bool) -> String {
        func group(_ parts: [Condition], _ word: String) -> String {
            let text = parts.map { $0.summary(nested: parts.count > 1) }.joined(separator: " \(word) ")
            return nested && parts.count > 1 ? "(\(text))" : text
        }
        switch self {
        case .all(let parts): return group(parts, "and")
        case .any(let parts): return group(parts, "or")
        case .not(let part): return "not (\(part.summary(nested: false)))"
        case .flag(let name): return "flag \(name)"
        case .test(let subject, let tests):
            let name: String
            switch subject {
            case .question(let id): name = id
            case .node(let id): name = "node \(id)"
            case .profile(let field): name = field.rawValue
            case .completeness: name = "completeness"
            case .total: name = "total"
            }
            let text = tests.map { Self.summary(of: $0, on: name) }.joined(separator: " and ")
            return nested && tests.count > 1 ? "(\(text))" : text
        }
    }

    private static func summary(of test: ConditionTest, on name: String) -> String {
        switch test {
        case .equals(let value): return "\(name) = \(value.summary)"
        case .notEquals(let value): return "\(name) ≠ \(value.summary)"
        case .oneOf(let values): return "\(name) in \(values.map(\.summary).joined(separator: ", "))"
        case .includes(let code): return "\(name) includes \(code)"
        case .atLeast(let bound): return "\(name) ≥ \(formatNumber(bound))"
        case .atMost(let bound): return "\(name) ≤ \(formatNumber(bound))"
        case .above(let bound): return "\(name) > \(formatNumber(bound))"
        case .below(let bound): return "\(name) < \(formatNumber(bound))"
        case .answered(let expected): return expected ? "\(name) answered" : "\(name) not answered"
        }
    }
}

extension ConditionValue {
    /// The value as a condition's summary shows it: text as written, numbers without a trailing
    /// `.0`, booleans as `true` or `false`.
    public var summary: String {
        switch self {
        case .text(let text): return text
        case .number(let value): return formatNumber(value)
        case .bool(let flag): return flag ? "true" : "false"
        }
    }
}
