/// Why the leaders' workbook cannot be made from a ``ReportInput``.
public enum ReportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An enterprise asked to be profiled is not in the scored batch.
    case unknownEnterprise(uscc: String)
    /// The selection or robustness result was not made from the report's scoring result: its
    /// enterprises differ in number or order.
    case mismatchedResult(part: String)
    /// A district-name file is not a JSON object of 6-digit codes to names.
    case invalidDistrictNames(file: String, message: String)

    public var description: String {
        switch self {
        case .unknownEnterprise(let uscc):
            return "no enterprise with credit code \(uscc) is in the scored batch, so it cannot be profiled"
        case .mismatchedResult(let part):
            return "the \(part) was not made from this scoring result (its enterprises differ); run it on the same batch"
        case .invalidDistrictNames(let file, let message):
            return "\(file): error: \(message)"
        }
    }
}
