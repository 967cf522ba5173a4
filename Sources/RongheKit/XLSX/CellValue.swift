/// The value of one cell as the workbook stores it: formulas contribute their cached result only.
///
/// Shared strings (`t="s"`), inline strings (`inlineStr`) and formula strings (`str`) all become
/// ``string(_:)``; numbers with a date format, and `t="d"` cells, become ``date(_:)``.
public enum CellValue: Sendable, Hashable, CustomStringConvertible {
    /// No value: an absent cell, or one with only formatting.
    case empty
    /// Text.
    case string(String)
    /// A number without a date or percentage format.
    case number(Double)
    /// A number shown as a percentage: the cell holds 0.35 and shows 35%. Enterprises who type
    /// `35%` into Excel get this, so readers can tell it from a plain 35.
    case percentage(Double)
    /// A true/false cell (`t="b"`).
    case boolean(Bool)
    /// A number shown as a date, or an ISO 8601 date cell (`t="d"`).
    case date(CellDate)
    /// An error value such as `#N/A` or `#DIV/0!` (`t="e"`).
    case error(String)

    /// Whether the cell has no value.
    public var isEmpty: Bool { self == .empty }

    /// The value as plain text: strings as they are, whole numbers without a decimal point,
    /// `TRUE`/`FALSE`, dates as `2024-05-31`, errors as their code, empty as "".
    public var description: String {
        switch self {
        case .empty: return ""
        case .string(let text): return text
        case .number(let number):
            if number == number.rounded(), abs(number) < 1e15 {
                return String(Int64(number))
            }
            return String(number)
        case .percentage(let number): return CellValue.number(number * 100).description + "%"
        case .boolean(let flag): return flag ? "TRUE" : "FALSE"
        case .date(let date): return date.description
        case .error(let code): return code
        }
    }
}
