/// The kind of answer a survey question takes.
public enum QuestionType: String, Sendable, CaseIterable, Codable {
    /// Any number, within the question's bounds.
    case number
    /// A percentage, stored in percentage points (35 means 35%).
    case percent
    /// 是 / 否.
    case yesNo = "yes-no"
    /// Exactly one of the question's options.
    case choice
    /// Any set of the question's options.
    case multiChoice = "multi-choice"
    /// Free text; never scored, kept for reviewers.
    case text

    /// Whether answers are numbers.
    public var isNumeric: Bool { self == .number || self == .percent }
    /// Whether the question has a list of options.
    public var hasOptions: Bool { self == .choice || self == .multiChoice }
}

/// How a bare number typed into a percent question is read.
public enum PercentScale: String, Sendable, CaseIterable, Codable {
    /// `35` means 35%. A value with a `%` sign is always read as points.
    case points
    /// `0.35` means 35%, as a spreadsheet stores a cell formatted as a percentage.
    case fraction
}

/// One option of a choice or multi-choice question.
public struct QuestionOption: Equatable, Sendable {
    /// The stable code stored in answers and used by rules, e.g. `director`.
    public var code: String
    public var label: LocalizedText
    /// Other spellings enterprises use for this option, accepted on import.
    public var aliases: [String]

    public init(code: String, label: LocalizedText, aliases: [String] = []) {
        self.code = code
        self.label = label
        self.aliases = aliases
    }
}

/// A field of the survey form.
public struct Question: Equatable, Sendable {
    /// The question's id, e.g. `B1.1`; ids are what rules, conditions and files refer to.
    public var id: String
    public var label: LocalizedText
    /// A longer explanation shown on the survey form.
    public var help: LocalizedText?
    public var type: QuestionType
    /// The unit shown beside the answer cell, e.g. 万元, %, 人.
    public var unit: LocalizedText?
    /// The smallest acceptable number (inclusive), for numeric questions.
    public var minimum: Double?
    /// The largest acceptable number (inclusive), for numeric questions.
    public var maximum: Double?
    /// Whether only whole numbers are accepted.
    public var integer: Bool
    /// How bare numbers in a percent question are read.
    public var percentScale: PercentScale
    public var options: [QuestionOption]
    /// Whether an enterprise must answer when the question applies to it.
    public var required: Bool
    /// When set, the question applies only to enterprises meeting the condition; for the others the
    /// answer is not applicable and its indicators' weight is re-spread.
    public var applicableWhen: Condition?
    /// Whether an enterprise may itself answer "not applicable" (不适用).
    public var allowsNotApplicable: Bool
    /// The survey-form section this question is listed under, e.g. the dimension id `A`.
    public var section: String?

    public init(
        id: String, label: LocalizedText, type: QuestionType, help: LocalizedText? = nil,
        unit: LocalizedText? = nil, minimum: Double? = nil, maximum: Double? = nil, integer: Bool = false,
        percentScale: PercentScale = .points, options: [QuestionOption] = [], required: Bool = true,
        applicableWhen: Condition? = nil, allowsNotApplicable: Bool = false, section: String? = nil
    ) {
        self.id = id
        self.label = label
        self.help = help
        self.type = type
        self.unit = unit
        self.minimum = minimum
        self.maximum = maximum
        self.integer = integer
        self.percentScale = percentScale
        self.options = options
        self.required = required
        self.applicableWhen = applicableWhen
        self.allowsNotApplicable = allowsNotApplicable
        self.section = section
    }

    /// The option with `code`, if the question has one.
    public func option(_ code: String) -> QuestionOption? {
        options.first { $0.code == code }
    }
}

extension Question {
    static let keys: Set<String> = [
        "id", "label", "help", "type", "unit", "min", "max", "integer", "percentScale", "options",
        "required", "applicableWhen", "allowsNotApplicable", "section",
    ]

    init(json: JSONCursor) throws(JSONDecodingError) {
        let object = try json.object(allowedKeys: Self.keys)
        let typeCursor = try object.required("type")
        let typeName = try typeCursor.string()
        guard let type = QuestionType(rawValue: typeName) else {
            let allowed = QuestionType.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            throw typeCursor.error("unknown question type \"\(typeName)\" (expected one of \(allowed))")
        }
        var options: [QuestionOption] = []
        if let list = object.optional("options") {
            for element in try list.array() {
                let option = try element.object(allowedKeys: ["code", "label", "aliases"])
                options.append(QuestionOption(
                    code: try option.required("code").nonEmptyString(),
                    label: try LocalizedText(json: option.required("label")),
                    aliases: try option.optional("aliases")?.array().map { (alias) throws(JSONDecodingError) in
                        try alias.nonEmptyString()
                    } ?? []))
            }
        }
        var scale = PercentScale.points
        if let scaleCursor = object.optional("percentScale") {
            let name = try scaleCursor.string()
            guard let parsed = PercentScale(rawValue: name) else {
                throw scaleCursor.error("unknown percent scale \"\(name)\" (expected \"points\" or \"fraction\")")
            }
            scale = parsed
        }
        self.init(
            id: try object.required("id").nonEmptyString(),
            label: try LocalizedText(json: object.required("label")),
            type: type,
            help: try object.optional("help").map { (cursor) throws(JSONDecodingError) in try LocalizedText(json: cursor) },
            unit: try object.optional("unit").map { (cursor) throws(JSONDecodingError) in try LocalizedText(json: cursor) },
            minimum: try object.optional("min")?.double(),
            maximum: try object.optional("max")?.double(),
            integer: try object.optional("integer")?.bool() ?? false,
            percentScale: scale,
            options: options,
            required: try object.optional("required")?.bool() ?? true,
            applicableWhen: try object.optional("applicableWhen").map { (cursor) throws(JSONDecodingError) in
                try Condition(json: cursor)
            },
            allowsNotApplicable: try object.optional("allowsNotApplicable")?.bool() ?? false,
            section: try object.optional("section")?.nonEmptyString())
    }
}
