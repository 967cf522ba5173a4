/// A test on an enterprise's answers, profile, flags or scores, used for applicability, veto
/// rules, stage requirements and selection tracks.
///
/// In JSON a condition is an object naming one subject and one or more tests, all of which must
/// hold: `{"question": "F0.1", "equals": "yes"}`, `{"node": "D", "atLeast": 50}`,
/// `{"profile": "size", "in": ["large", "medium"]}`, `{"metric": "completeness", "below": 0.9}`,
/// `{"flag": "falsified"}`; or a combination: `{"all": […]}`, `{"any": […]}`, `{"not": {…}}`.
/// A test on a question that was left blank or answered not-applicable is false, except
/// `"answered": false`.
public indirect enum Condition: Equatable, Sendable {
    case all([Condition])
    case any([Condition])
    case not(Condition)
    /// Every test must hold for the subject.
    case test(ConditionSubject, [ConditionTest])
    /// A staff-set mark such as `falsified` is present.
    case flag(String)

    /// The subjects this condition refers to, for validation.
    public var subjects: [ConditionSubject] {
        switch self {
        case .all(let conditions), .any(let conditions): return conditions.flatMap(\.subjects)
        case .not(let condition): return condition.subjects
        case .test(let subject, _): return [subject]
        case .flag: return []
        }
    }
}

/// What a condition tests.
public enum ConditionSubject: Equatable, Hashable, Sendable {
    /// The answer to a question.
    case question(String)
    /// The score (0–100) of a node of the tree; available once the enterprise is scored.
    case node(String)
    case profile(ProfileField)
    /// The share (0–1) of applicable scored questions that were answered.
    case completeness
    /// The total score (0–100).
    case total
}

/// One test of a subject's value.
public enum ConditionTest: Equatable, Sendable {
    case equals(ConditionValue)
    case notEquals(ConditionValue)
    /// The value is one of these.
    case oneOf([ConditionValue])
    /// A multi-choice answer includes this option code.
    case includes(String)
    case atLeast(Double)
    case atMost(Double)
    case above(Double)
    case below(Double)
    /// The question has (or, with `false`, has not) a real answer: blank and not-applicable count
    /// as unanswered.
    case answered(Bool)

    /// Whether the test compares numbers.
    public var isNumeric: Bool {
        switch self {
        case .atLeast, .atMost, .above, .below: return true
        default: return false
        }
    }
}

/// A literal a condition compares with.
public enum ConditionValue: Equatable, Sendable {
    case text(String)
    case number(Double)
    case bool(Bool)
}

extension Condition {
    private static let subjectKeys = ["question", "node", "profile", "metric"]
    private static let testKeys = ["equals", "notEquals", "in", "includes", "atLeast", "atMost", "above", "below", "answered"]

    init(json: JSONCursor) throws(JSONDecodingError) {
        let members = try json.members()
        let keys = Set(members.map(\.key))
        if keys.contains("all") || keys.contains("any") {
            let key = keys.contains("all") ? "all" : "any"
            let object = try json.object(allowedKeys: [key])
            let list = try object.required(key)
            let parts = try list.array()
            if parts.isEmpty { throw list.error("needs at least one condition") }
            var conditions: [Condition] = []
            for part in parts { conditions.append(try Condition(json: part)) }
            self = key == "all" ? .all(conditions) : .any(conditions)
            return
        }
        if keys.contains("not") {
            let object = try json.object(allowedKeys: ["not"])
            self = .not(try Condition(json: object.required("not")))
            return
        }
        if keys.contains("flag") {
            let object = try json.object(allowedKeys: ["flag"])
            self = .flag(try object.required("flag").nonEmptyString())
            return
        }
        let subjectKeys = Self.subjectKeys.filter(keys.contains)
        guard subjectKeys.count == 1, let subjectKey = subjectKeys.first else {
            throw json.error(
                "a condition needs exactly one of \"question\", \"node\", \"profile\", \"metric\", \"flag\", \"all\", \"any\" or \"not\"")
        }
        let object = try json.object(allowedKeys: Set([subjectKey] + Self.testKeys))
        let subjectCursor = try object.required(subjectKey)
        let subjectName = try subjectCursor.nonEmptyString()
        let subject: ConditionSubject
        switch subjectKey {
        case "question": subject = .question(subjectName)
        case "node": subject = .node(subjectName)
        case "profile":
            guard let field = ProfileField(rawValue: subjectName) else {
                let allowed = ProfileField.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
                throw subjectCursor.error("unknown profile field \"\(subjectName)\" (expected one of \(allowed))")
            }
            subject = .profile(field)
        default:
            switch subjectName {
            case "completeness": subject = .completeness
            case "total": subject = .total
            default:
                throw subjectCursor.error("unknown metric \"\(subjectName)\" (expected \"completeness\" or \"total\")")
            }
        }
        var tests: [ConditionTest] = []
        for key in Self.testKeys {
            guard let cursor = object.optional(key) else { continue }
            switch key {
            case "equals": tests.append(.equals(try ConditionValue(json: cursor)))
            case "notEquals": tests.append(.notEquals(try ConditionValue(json: cursor)))
            case "in":
                var values: [ConditionValue] = []
                for element in try cursor.array() { values.append(try ConditionValue(json: element)) }
                if values.isEmpty { throw cursor.error("needs at least one value") }
                tests.append(.oneOf(values))
            case "includes": tests.append(.includes(try cursor.nonEmptyString()))
            case "atLeast": tests.append(.atLeast(try cursor.double()))
            case "atMost": tests.append(.atMost(try cursor.double()))
            case "above": tests.append(.above(try cursor.double()))
            case "below": tests.append(.below(try cursor.double()))
            default: tests.append(.answered(try cursor.bool()))
            }
        }
        if tests.isEmpty {
            throw json.error("the condition on \(subjectKey) \"\(subjectName)\" has no test (one of \(Self.testKeys.map { "\"\($0)\"" }.joined(separator: ", ")))")
        }
        self = .test(subject, tests)
    }
}

extension ConditionValue {
    init(json: JSONCursor) throws(JSONDecodingError) {
        switch json.value {
        case .string(let text): self = .text(text)
        case .number(let number, _): self = .number(number)
        case .bool(let flag): self = .bool(flag)
        default: throw json.error("expected a string, number or boolean, found \(json.value.kindDescription)")
        }
    }
}
