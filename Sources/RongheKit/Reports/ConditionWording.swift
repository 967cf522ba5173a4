/// Puts a ``Condition`` into words for people who fill in or read a form: `F0「是否为重点用能单位」为“是”`,
/// `F0 (Designated key energy-using unit) is “Yes”`.
///
/// Question and profile values are shown as the enterprise sees them — yes/no as 是/否, option
/// codes as their labels, size classes as 大型… — and questions are named by id and label.
public struct ConditionWording: Sendable {
    /// The tree whose questions, options and nodes conditions name.
    public var tree: IndicatorTree
    /// The language of the words.
    public var language: Language

    /// Creates a wording for conditions over `tree`'s questions and nodes.
    public init(tree: IndicatorTree, language: Language) {
        self.tree = tree
        self.language = language
    }

    /// The condition in words, without a final full stop.
    public func describe(_ condition: Condition) -> String {
        switch condition {
        case .all(let parts):
            return parts.map { nested($0) }.joined(separator: zh ? "，且" : " and ")
        case .any(let parts):
            return parts.map { nested($0) }.joined(separator: zh ? "，或" : " or ")
        case .not(let inner):
            return zh ? "并非（\(describe(inner))）" : "not (\(describe(inner)))"
        case .flag(let name):
            return zh ? "被标记为“\(name)”" : "marked “\(name)”"
        case .test(let subject, let tests):
            let name = subjectName(subject)
            let phrases = tests.map { phrase($0, subject: subject) }
            return zh ? name + phrases.joined(separator: "且") : name + " " + phrases.joined(separator: " and ")
        }
    }

    /// The sentence for a question that applies only when `condition` holds.
    public func applicability(_ condition: Condition) -> String {
        zh ? "仅当\(describe(condition))时填写，否则请留空" : "Answer only if \(describe(condition)); otherwise leave blank"
    }

    private var zh: Bool { language == .zh }

    /// A part of a combination, in brackets when it is a combination itself.
    private func nested(_ condition: Condition) -> String {
        switch condition {
        case .all(let parts) where parts.count > 1, .any(let parts) where parts.count > 1:
            return zh ? "（\(describe(condition))）" : "(\(describe(condition)))"
        default:
            return describe(condition)
        }
    }

    private func subjectName(_ subject: ConditionSubject) -> String {
        switch subject {
        case .question(let id):
            guard let question = tree.question(id) else { return id }
            let label = question.label.text(language)
            return zh ? "\(id)「\(label)」" : "\(id) (\(label))"
        case .node(let id):
            let name = tree.node(id)?.name.text(language)
            if zh { return name.map { "\(id)「\($0)」得分" } ?? "\(id)得分" }
            return name.map { "the score of \(id) (\($0))" } ?? "the score of \(id)"
        case .profile(let field):
            return zh ? field.label.zh : "the " + field.label.text(.en).lowercasedFirst
        case .completeness:
            return zh ? "填报率" : "the share of questions answered"
        case .total:
            return zh ? "总分" : "the total score"
        }
    }

    private func phrase(_ test: ConditionTest, subject: ConditionSubject) -> String {
        switch test {
        case .equals(let value):
            return zh ? "为\(quoted(value, subject))" : "is \(quoted(value, subject))"
        case .notEquals(let value):
            return zh ? "不为\(quoted(value, subject))" : "is not \(quoted(value, subject))"
        case .oneOf(let values):
            let list = values.map { quoted($0, subject) }.joined(separator: zh ? "或" : " or ")
            return zh ? "为\(list)" : "is \(list)"
        case .includes(let code):
            return zh ? "包括\(quoted(.text(code), subject))" : "includes \(quoted(.text(code), subject))"
        case .atLeast(let bound):
            return zh ? "不低于\(amount(bound, subject))" : "is at least \(amount(bound, subject))"
        case .atMost(let bound):
            return zh ? "不高于\(amount(bound, subject))" : "is at most \(amount(bound, subject))"
        case .above(let bound):
            return zh ? "高于\(amount(bound, subject))" : "is above \(amount(bound, subject))"
        case .below(let bound):
            return zh ? "低于\(amount(bound, subject))" : "is below \(amount(bound, subject))"
        case .answered(let answered):
            if zh { return answered ? "已填写" : "未填写" }
            return answered ? "is answered" : "is not answered"
        }
    }

    /// A compared value in quotation marks, as the enterprise would see it on the form.
    private func quoted(_ value: ConditionValue, _ subject: ConditionSubject) -> String {
        "“\(display(value, subject))”"
    }

    private func display(_ value: ConditionValue, _ subject: ConditionSubject) -> String {
        switch (subject, value) {
        case (.question(let id), _):
            guard let question = tree.question(id) else { return plain(value) }
            if question.type == .yesNo, let flag = Self.yesNoValue(value) {
                return SurveyFormWriter.yesNoLabel(flag, language)
            }
            if case .text(let code) = value, let option = question.option(code) {
                return option.label.text(language)
            }
            return plain(value)
        case (.profile(.size), .text(let code)):
            return SizeClass(rawValue: code)?.label.text(language) ?? code
        default:
            return plain(value)
        }
    }

    private func amount(_ bound: Double, _ subject: ConditionSubject) -> String {
        switch subject {
        case .question(let id):
            guard let question = tree.question(id), let unit = question.unit?.text(language) else {
                return formatNumber(bound)
            }
            if question.type == .percent || unit == "%" { return formatNumber(bound) + "%" }
            if zh { return formatNumber(bound) + unit }
            // "at least 100 10k yuan" misreads; a unit starting with a digit goes in brackets.
            return unit.first?.isNumber == true ? "\(formatNumber(bound)) (\(unit))" : "\(formatNumber(bound)) \(unit)"
        case .completeness:
            return formatNumber(bound * 100) + "%"
        default:
            return formatNumber(bound)
        }
    }

    private func plain(_ value: ConditionValue) -> String {
        switch value {
        case .text(let text): return text
        case .number(let number): return formatNumber(number)
        case .bool(let flag): return SurveyFormWriter.yesNoLabel(flag, language)
        }
    }

    /// The yes/no a condition value means: `true`/`false`, or the codes `yes`/`no`.
    private static func yesNoValue(_ value: ConditionValue) -> Bool? {
        switch value {
        case .bool(let flag): return flag
        case .text("yes"): return true
        case .text("no"): return false
        default: return nil
        }
    }
}
