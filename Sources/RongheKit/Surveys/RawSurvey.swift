/// A value as a reader found it, before it is checked against the question it answers.
public enum RawValue: Equatable, Hashable, Sendable {
    case text(String)
    case number(Double)
    /// A spreadsheet number displayed as a percentage: 0.35 shown as 35%.
    case percentNumber(Double)
    case bool(Bool)
    /// A JSON array, e.g. the options of a multi-choice answer.
    case list([RawValue])
    /// A spreadsheet date, as year, month, day.
    case date(year: Int, month: Int, day: Int)

    /// How the value looked to the person who typed it, for messages.
    public var displayText: String {
        switch self {
        case .text(let text): return text
        case .number(let value): return formatNumber(value)
        case .percentNumber(let value): return formatNumber(value * 100) + "%"
        case .bool(let flag): return flag ? "TRUE" : "FALSE"
        case .list(let values): return "[" + values.map(\.displayText).joined(separator: ", ") + "]"
        case .date(let year, let month, let day): return String(format: "%04d-%02d-%02d", year, month, day)
        }
    }

    /// Whether text in the value holds U+0000, which no spreadsheet cell can.
    var containsNUL: Bool {
        switch self {
        case .text(let text): return text.utf8.contains(0)
        case .list(let values): return values.contains { $0.containsNUL }
        default: return false
        }
    }

    /// Whether the value is empty: blank text is an unanswered question. An empty list is an
    /// answer — a multi-choice question with none of its options chosen.
    public var isBlank: Bool {
        switch self {
        case .text(let text): return text.allSatisfy { $0.isWhitespace }
        default: return false
        }
    }
}

/// One field of a submitted record: its key as written (a question id, a label, a profile column
/// name), its value, and where it was.
public struct RawField: Equatable, Hashable, Sendable {
    public var key: String
    public var value: RawValue
    public var location: FileLocation

    public init(key: String, value: RawValue, location: FileLocation) {
        self.key = key
        self.value = value
        self.location = location
    }
}

/// One enterprise's record as read from a file (a JSON object, a CSV line, a sheet row or a filled
/// survey form), not yet validated.
public struct RawSurvey: Equatable, Sendable {
    /// Where the record starts (its line, row or JSON path).
    public var location: FileLocation
    public var fields: [RawField]
    /// Problems the reader found in this record itself — a form made for another tree, an option
    /// row answered with something other than 是/否 — which validation reports with its own.
    public var readIssues: [SurveyIssue]

    public init(location: FileLocation, fields: [RawField], readIssues: [SurveyIssue] = []) {
        self.location = location
        self.fields = fields
        self.readIssues = readIssues
    }
}
