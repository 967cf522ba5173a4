/// A rule restricting what may be typed into cells, with the prompts Excel shows.
///
/// Apply with ``Worksheet/addDataValidation(_:to:)``. For a drop-down of options, put the options
/// on a (usually hidden) sheet and use ``Rule/list(_:)``: it has no length limit and Chinese
/// options are safe. ``Rule/inlineList(_:)`` exists for short lists only — libxlsxwriter 1.1.4
/// aborts the process once an inline list exceeds 255 bytes of UTF-8 (about 80 Chinese
/// characters), so the writer refuses such lists with a thrown error before calling it.
public struct DataValidation: Hashable, Sendable {
    /// What values are allowed.
    public enum Rule: Hashable, Sendable {
        /// One of the values in a range, such as `'_lists'!$A$1:$A$5`, offered as a drop-down.
        case list(QualifiedRange)
        /// One of these values, stored in the rule itself; at most 255 bytes of UTF-8 in all,
        /// no item empty or containing a comma or a double quote.
        case inlineList([String])
        /// A whole number meeting the criterion; bounds must be whole numbers.
        case wholeNumber(Criterion)
        /// A number meeting the criterion.
        case decimal(Criterion)
        /// Text whose length meets the criterion; bounds must be whole numbers.
        case textLength(Criterion)
    }

    /// A comparison with one or two bounds.
    public enum Criterion: Hashable, Sendable {
        /// Within the bounds, inclusive.
        case between(Double, Double)
        /// Outside the bounds.
        case notBetween(Double, Double)
        /// Equal to the value.
        case equalTo(Double)
        /// Not equal to the value.
        case notEqualTo(Double)
        /// Greater than the value.
        case greaterThan(Double)
        /// Less than the value.
        case lessThan(Double)
        /// Greater than or equal to the value.
        case greaterThanOrEqualTo(Double)
        /// Less than or equal to the value.
        case lessThanOrEqualTo(Double)

        var bounds: [Double] {
            switch self {
            case let .between(low, high), let .notBetween(low, high): [low, high]
            case let .equalTo(value), let .notEqualTo(value), let .greaterThan(value), let .lessThan(value),
                let .greaterThanOrEqualTo(value), let .lessThanOrEqualTo(value):
                [value]
            }
        }
    }

    /// How Excel reacts to a value breaking the rule.
    public enum ErrorStyle: Hashable, Sendable {
        /// Refuses the value.
        case stop
        /// Warns and lets the user keep the value.
        case warning
        /// Informs and keeps the value.
        case information
    }

    /// The rule.
    public var rule: Rule
    /// Whether blank cells are accepted.
    public var ignoresBlank: Bool
    /// Whether list rules show a drop-down arrow.
    public var showsDropDown: Bool
    /// The title of the prompt shown when the cell is selected; at most 32 characters.
    public var inputTitle: String?
    /// The prompt shown when the cell is selected; at most 255 characters.
    public var inputMessage: String?
    /// The title of the error shown for a bad value; at most 32 characters.
    public var errorTitle: String?
    /// The error shown for a bad value; at most 255 characters.
    public var errorMessage: String?
    /// How Excel reacts to a bad value.
    public var errorStyle: ErrorStyle

    /// Creates a validation; blanks are accepted and lists show a drop-down by default.
    public init(
        _ rule: Rule, ignoresBlank: Bool = true, showsDropDown: Bool = true, inputTitle: String? = nil,
        inputMessage: String? = nil, errorTitle: String? = nil, errorMessage: String? = nil,
        errorStyle: ErrorStyle = .stop
    ) {
        self.rule = rule
        self.ignoresBlank = ignoresBlank
        self.showsDropDown = showsDropDown
        self.inputTitle = inputTitle
        self.inputMessage = inputMessage
        self.errorTitle = errorTitle
        self.errorMessage = errorMessage
        self.errorStyle = errorStyle
    }

    /// The longest prompt or error title Excel accepts, in characters.
    public static let maximumTitleLength = 32
    /// The longest prompt or error message Excel accepts, in characters.
    public static let maximumMessageLength = 255
    /// The longest inline list libxlsxwriter 1.1.4 handles without aborting, in bytes of UTF-8
    /// (the items joined by commas).
    public static let maximumInlineListBytes = 255

    /// The reason the validation cannot be written, or `nil`.
    ///
    /// Titles and messages are counted in UTF-16 units as Excel does, which is never fewer than
    /// the code points libxlsxwriter counts.
    func problem() -> XLSXWriterError.Reason? {
        for (what, text, limit) in [
            ("input title", inputTitle, Self.maximumTitleLength),
            ("input message", inputMessage, Self.maximumMessageLength),
            ("error title", errorTitle, Self.maximumTitleLength),
            ("error message", errorMessage, Self.maximumMessageLength),
        ] {
            if let text, text.utf16.count > limit {
                return .invalidArgument(
                    "data validation \(what) is \(text.utf16.count) characters long; Excel allows at most \(limit)")
            }
        }
        switch rule {
        case .list:
            return nil
        case let .inlineList(items):
            guard !items.isEmpty else { return .invalidArgument("inline validation list is empty") }
            if let bad = items.first(where: { $0.isEmpty || $0.contains(",") || $0.contains("\"") }) {
                return .invalidArgument(
                    "inline validation list item \"\(bad)\" is empty or contains a comma or a double quote; "
                        + "put the options on a sheet and validate from that range")
            }
            let bytes = items.joined(separator: ",").utf8.count
            if bytes > Self.maximumInlineListBytes {
                return .inlineListTooLong(items: items.count, bytes: bytes)
            }
            return nil
        case let .wholeNumber(criterion), let .textLength(criterion):
            if let bad = criterion.bounds.first(where: { !$0.isFinite || $0 != $0.rounded() || abs($0) > 2_147_483_647 }) {
                return .invalidArgument("data validation bound \(bad) must be a whole number")
            }
            return boundsProblem(criterion)
        case let .decimal(criterion):
            if let bad = criterion.bounds.first(where: { !$0.isFinite }) {
                return .invalidArgument("data validation bound \(bad) must be finite")
            }
            return boundsProblem(criterion)
        }
    }

    private func boundsProblem(_ criterion: Criterion) -> XLSXWriterError.Reason? {
        let bounds = criterion.bounds
        if bounds.count == 2, bounds[0] > bounds[1] {
            return .invalidArgument("data validation bounds \(bounds[0]) and \(bounds[1]) are reversed")
        }
        return nil
    }
}
