/// What a condition can see of one enterprise.
struct ConditionContext {
    var profile: EnterpriseProfile
    var answers: [String: Answer]
    var flags: Set<String>
    /// Questions whose applicability condition fails for this enterprise.
    var inapplicable: Set<String> = []
    var nodeScores: [String: Double] = [:]
    var completeness: Double?
    var total: Double?
}

/// Evaluates conditions; a test on something unknown (a blank answer, a node left out) is false.
enum ConditionEvaluator {
    static func holds(_ condition: Condition, in context: ConditionContext) -> Bool {
        switch condition {
        case .all(let parts): return parts.allSatisfy { holds($0, in: context) }
        case .any(let parts): return parts.contains { holds($0, in: context) }
        case .not(let part): return !holds(part, in: context)
        case .flag(let name): return context.flags.contains(name)
        case .test(let subject, let tests): return tests.allSatisfy { holds($0, for: subject, in: context) }
        }
    }

    private static func holds(_ test: ConditionTest, for subject: ConditionSubject, in context: ConditionContext) -> Bool {
        switch subject {
        case .question(let id):
            let answer = context.inapplicable.contains(id) ? nil : context.answers[id]
            if case .answered(let expected) = test {
                let hasAnswer = answer != nil && answer != .notApplicable
                return hasAnswer == expected
            }
            guard let answer, answer != .notApplicable else { return false }
            return holds(test, answer: answer)
        case .node(let id): return holds(test, number: context.nodeScores[id])
        case .completeness: return holds(test, number: context.completeness)
        case .total: return holds(test, number: context.total)
        case .profile(let field):
            switch context.profile.value(of: field) {
            case .number(let value): return holds(test, number: value)
            case .text(let text): return holds(test, text: text)
            case nil: return false
            }
        }
    }

    private static func holds(_ test: ConditionTest, answer: Answer) -> Bool {
        switch answer {
        case .number(let value): return holds(test, number: value)
        case .choice(let code), .text(let code): return holds(test, text: code)
        case .yesNo(let flag):
            func matches(_ value: ConditionValue) -> Bool {
                switch value {
                case .bool(let expected): return expected == flag
                case .text(let text): return text == (flag ? "yes" : "no")
                case .number: return false
                }
            }
            switch test {
            case .equals(let value): return matches(value)
            case .notEquals(let value): return !matches(value)
            case .oneOf(let values): return values.contains(where: matches)
            default: return false
            }
        case .choices(let codes):
            switch test {
            case .includes(let code): return codes.contains(code)
            case .equals(.text(let code)): return codes == [code]
            case .notEquals(.text(let code)): return !codes.contains(code)
            default: return false
            }
        case .notApplicable: return false
        }
    }

    private static func holds(_ test: ConditionTest, number: Double?) -> Bool {
        guard let number else {
            if case .answered(let expected) = test { return !expected }
            return false
        }
        switch test {
        case .equals(.number(let value)): return number == value
        case .notEquals(.number(let value)): return number != value
        case .oneOf(let values): return values.contains(.number(number))
        case .atLeast(let bound): return number >= bound
        case .atMost(let bound): return number <= bound
        case .above(let bound): return number > bound
        case .below(let bound): return number < bound
        case .answered(let expected): return expected
        default: return false
        }
    }

    private static func holds(_ test: ConditionTest, text: String) -> Bool {
        switch test {
        case .equals(.text(let value)): return text == value
        case .notEquals(.text(let value)): return text != value
        case .oneOf(let values): return values.contains(.text(text))
        case .answered(let expected): return expected
        default: return false
        }
    }
}
