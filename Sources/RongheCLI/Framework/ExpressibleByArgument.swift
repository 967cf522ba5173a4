/// A type a command-line word can be converted to, for the typed accessors of ``ParsedArguments``.
///
/// `String`, `Int` and `Double` conform. An enum with `String` raw values conforms by declaring
/// `extension RankGrouping: ExpressibleByArgument {}`; its error then lists the allowed values, and
/// `RankGrouping.allValueStrings` can be passed as an option's `allowedValues` so help shows them.
public protocol ExpressibleByArgument {
    /// Converts a word, or returns `nil` when it is not a valid value.
    init?(argument: String)
    /// What a valid value is, for errors: "an integer" in "`--top` expects an integer, got 'ten'".
    static var expectedValue: String { get }
    /// Every valid value when there are few; empty when any value of the right form is accepted.
    static var allValueStrings: [String] { get }
}

extension ExpressibleByArgument {
    /// No list: any word of the right form is accepted.
    public static var allValueStrings: [String] { [] }
}

extension String: ExpressibleByArgument {
    /// The word itself.
    public init?(argument: String) { self = argument }
    /// "a value".
    public static var expectedValue: String { "a value" }
}

extension Int: ExpressibleByArgument {
    /// A decimal integer with an optional sign, such as `12` or `-3`.
    public init?(argument: String) { self.init(argument) }
    /// "an integer".
    public static var expectedValue: String { "an integer" }
}

extension Double: ExpressibleByArgument {
    /// A finite decimal number such as `0.25`, `-3` or `1e3`; `nan` and `inf` are not numbers a
    /// user means to give.
    public init?(argument: String) {
        guard let value = Double(argument), value.isFinite else { return nil }
        self = value
    }
    /// "a number".
    public static var expectedValue: String { "a number" }
}

extension ExpressibleByArgument where Self: RawRepresentable, Self: CaseIterable, RawValue == String {
    /// The case whose raw value is the word, exactly (case-sensitive).
    public init?(argument: String) { self.init(rawValue: argument) }
    /// "one of district|industry|size": the raw values in declaration order.
    public static var expectedValue: String { "one of " + allValueStrings.joined(separator: "|") }
    /// The raw values of all cases, in declaration order.
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}
