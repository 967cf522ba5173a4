/// An enterprise's answer to one question, after reading and validation.
///
/// A question left blank has no answer at all (it is absent from the response), which is
/// different from ``notApplicable``.
public enum Answer: Equatable, Hashable, Sendable {
    /// A number; for percent questions, in percentage points.
    case number(Double)
    case yesNo(Bool)
    /// The code of the chosen option.
    case choice(String)
    /// The codes of the chosen options, in the question's option order, without repeats.
    case choices([String])
    case text(String)
    /// The enterprise states the question does not apply to it (不适用).
    case notApplicable

    /// The number, for numeric answers.
    public var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    /// The answer as plain text for listings and explanations.
    public var displayText: String {
        switch self {
        case .number(let value): return formatNumber(value)
        case .yesNo(let flag): return flag ? "yes" : "no"
        case .choice(let code): return code
        case .choices(let codes): return codes.joined(separator: ";")
        case .text(let text): return text
        case .notApplicable: return "n/a"
        }
    }
}

/// Formats a number without a trailing `.0`, and whole numbers in full (a credit code stored as
/// a number prints as its digits, not in exponent form).
func formatNumber(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 9e18 {
        return String(Int64(value))
    }
    return "\(value)"
}
