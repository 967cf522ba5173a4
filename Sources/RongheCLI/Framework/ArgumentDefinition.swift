/// One option, flag or positional a command accepts, declared as data in its configuration.
///
/// Build definitions with ``option(_:short:valueName:allowedValues:default:required:repeating:help:)``,
/// ``flag(_:short:help:)`` and ``positional(_:optional:repeating:allowedValues:help:)``.
public struct ArgumentDefinition: Sendable, Equatable {
    /// What kind of argument this is.
    public enum Kind: Sendable, Equatable {
        /// `--name VALUE` or `--name=VALUE`.
        case option
        /// `--name`, present or absent.
        case flag
        /// A bare word, matched by position.
        case positional
    }

    /// What kind of argument this is.
    public var kind: Kind
    /// The long name without dashes (`top` for `--top`); for a positional, the name shown in help
    /// (`SURVEY`). Also the key the accessors of ``ParsedArguments`` take.
    public var name: String
    /// The one-letter alias (`o` for `-o`); options and flags only.
    public var short: Character?
    /// The word standing for the value in help (`FILE`); `nil` shows the allowed values joined by
    /// `|`, or the name in capitals.
    public var valueName: String?
    /// The only values accepted, checked while scanning; `nil` accepts any value.
    public var allowedValues: [String]?
    /// The value used when the option is absent, shown in help as `(default: …)`.
    public var defaultValue: String?
    /// Whether the option or positional must be given.
    public var isRequired: Bool
    /// Whether the option may be given more than once, or the positional takes all remaining words.
    public var isRepeating: Bool
    /// One or two sentences for `--help`.
    public var help: String

    /// An option taking a value: `--name VALUE`, `--name=VALUE`, or `-s VALUE` with a short alias.
    ///
    /// - Parameters:
    ///   - name: The long name without dashes, lowercase words joined by `-`.
    ///   - short: A one-letter alias.
    ///   - valueName: The word for the value in help, e.g. `FILE`.
    ///   - allowedValues: The only values accepted, e.g. `RankGrouping.allValueStrings`.
    ///   - default: The value when the option is absent; shown in help.
    ///   - required: Whether leaving the option out is a usage error. Not together with a default.
    ///   - repeating: Whether `--name A --name B` is accepted (read with ``ParsedArguments/options(_:as:)``).
    ///     Otherwise giving the option twice is a usage error.
    ///   - help: One or two sentences for `--help`.
    public static func option(
        _ name: String,
        short: Character? = nil,
        valueName: String? = nil,
        allowedValues: [String]? = nil,
        default: String? = nil,
        required: Bool = false,
        repeating: Bool = false,
        help: String
    ) -> ArgumentDefinition {
        ArgumentDefinition(
            kind: .option, name: name, short: short, valueName: valueName,
            allowedValues: allowedValues, defaultValue: `default`, isRequired: required,
            isRepeating: repeating, help: help)
    }

    /// A flag: `--name` (or `-s`) sets it; it takes no value.
    public static func flag(_ name: String, short: Character? = nil, help: String) -> ArgumentDefinition {
        ArgumentDefinition(
            kind: .flag, name: name, short: short, valueName: nil, allowedValues: nil,
            defaultValue: nil, isRequired: false, isRepeating: false, help: help)
    }

    /// A positional argument, matched by its place among the bare words.
    ///
    /// - Parameters:
    ///   - name: The name shown in help and used by the accessors, in capitals: `SURVEY`.
    ///   - optional: Whether it may be left out. Optional positionals come after required ones.
    ///   - repeating: Whether it takes all remaining words; only the last positional may repeat.
    ///   - allowedValues: The only values accepted; `nil` accepts any word.
    ///   - help: One or two sentences for `--help`.
    public static func positional(
        _ name: String,
        optional: Bool = false,
        repeating: Bool = false,
        allowedValues: [String]? = nil,
        help: String
    ) -> ArgumentDefinition {
        ArgumentDefinition(
            kind: .positional, name: name, short: nil, valueName: nil,
            allowedValues: allowedValues, defaultValue: nil, isRequired: !optional,
            isRepeating: repeating, help: help)
    }

    /// How the argument is named in messages: `` `--top` `` for options and flags, `` `SURVEY` ``
    /// for positionals.
    var quotedName: String {
        kind == .positional ? "`\(name)`" : "`--\(name)`"
    }

    /// The word standing for the value: the value name, else the allowed values, else the name.
    var displayValueName: String {
        if let valueName { return valueName }
        if let allowedValues { return allowedValues.joined(separator: "|") }
        return name.uppercased()
    }

    /// The option with its value as typed, e.g. `--top N`; for a flag just `--json`.
    var synopsis: String {
        switch kind {
        case .option: "--\(name) \(displayValueName)"
        case .flag: "--\(name)"
        case .positional: name
        }
    }
}
