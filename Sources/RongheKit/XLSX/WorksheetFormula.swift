/// A formula to write into a cell, kept apart from text so that text is never evaluated.
///
/// Writing a `String` to a worksheet always stores a string, even one starting with `=`; only a
/// `Formula` passed to the worksheet's `write(_:row:column:style:)` becomes a formula.
public struct Formula: Hashable, Sendable {
    /// A value stored with the formula for readers that do not calculate.
    public enum CachedResult: Hashable, Sendable {
        /// A number result.
        case number(Double)
        /// A text result.
        case text(String)
    }

    /// The formula in Excel's English syntax, with or without the leading `=`: `=SUM(B2:B9)`.
    public var expression: String
    /// The value stored with the formula; `nil` stores 0.
    ///
    /// Excel recalculates on opening (libxlsxwriter marks the workbook for a full calculation),
    /// but LibreOffice trusts the stored value of files that say they come from Excel, as
    /// libxlsxwriter's do: a formula written without its result shows 0 there (seen with
    /// `soffice --convert-to pdf`), and readers that do not calculate see 0 too. Give the
    /// result whenever it is known.
    public var cachedResult: CachedResult?

    /// Creates a formula.
    public init(_ expression: String, cachedResult: CachedResult? = nil) {
        self.expression = expression
        self.cachedResult = cachedResult
    }

    /// The most UTF-16 units Excel accepts in a formula, 8,192.
    public static let maximumLength = 8_192

    /// Explains why the formula cannot be written, or returns `nil`.
    func problem() -> String? {
        let body = expression.hasPrefix("=") ? expression.dropFirst() : Substring(expression)
        if body.allSatisfy(\.isWhitespace) { return "formula is empty" }
        if expression.utf16.count > Self.maximumLength {
            return "formula of \(expression.utf16.count) characters is longer than Excel's \(Self.maximumLength)"
        }
        if case let .number(value) = cachedResult, !value.isFinite {
            return "cached result \(value) of a formula must be finite"
        }
        return nil
    }
}
