/// The scanned words of one command line, read back through typed accessors.
///
/// Values are converted when asked for, so a bad value is reported against the option that
/// carried it: "`--top` expects an integer, got 'ten'". Conversions throw ``ValidationError``.
/// Asking for a name the configuration does not declare, or for the wrong kind of argument, is a
/// programming error and stops the program.
public struct ParsedArguments: Sendable {
    /// Who declared the arguments, for programming-error messages.
    let owner: String
    /// The declarations the words were scanned against.
    var definitions: [ArgumentDefinition]
    /// The words given for each option and positional, in order, by name.
    var values: [String: [String]] = [:]
    /// The flags given.
    var flags: Set<String> = []

    init(owner: String, definitions: [ArgumentDefinition]) {
        self.owner = owner
        self.definitions = definitions
    }

    // MARK: Flags and presence

    /// Whether the flag was given.
    public func flag(_ name: String) -> Bool {
        _ = definition(name, kinds: [.flag])
        return flags.contains(name)
    }

    /// Whether the option, flag or positional was given on the command line (a default does not count).
    public func isSpecified(_ name: String) -> Bool {
        _ = definition(name, kinds: [.option, .flag, .positional])
        return flags.contains(name) || !(values[name] ?? []).isEmpty
    }

    // MARK: Options

    /// The option's value, or its declared default, or `nil` when it was not given and has no default.
    ///
    /// For a repeating option, the last value given; read all of them with ``options(_:as:)``.
    public func option<T: ExpressibleByArgument>(_ name: String, as type: T.Type = T.self) throws -> T? {
        let definition = definition(name, kinds: [.option])
        return try optionWord(definition).map { try convert($0, for: definition) }
    }

    /// The option's value within `range`; see ``option(_:as:)``.
    public func option<T: ExpressibleByArgument & Comparable>(
        _ name: String, as type: T.Type = T.self, in range: ClosedRange<T>
    ) throws -> T? {
        let definition = definition(name, kinds: [.option])
        return try optionWord(definition).map {
            try convert($0, for: definition, lower: range.lowerBound, upper: range.upperBound)
        }
    }

    /// The option's value, at least `range.lowerBound`; see ``option(_:as:)``.
    public func option<T: ExpressibleByArgument & Comparable>(
        _ name: String, as type: T.Type = T.self, in range: PartialRangeFrom<T>
    ) throws -> T? {
        let definition = definition(name, kinds: [.option])
        return try optionWord(definition).map {
            try convert($0, for: definition, lower: range.lowerBound, upper: nil)
        }
    }

    /// Every value of a repeating option, in the order given; empty when it was not given (then
    /// the default, if declared, is the only value).
    public func options<T: ExpressibleByArgument>(_ name: String, as type: T.Type = T.self) throws -> [T] {
        let definition = definition(name, kinds: [.option])
        let words = values[name] ?? definition.defaultValue.map { [$0] } ?? []
        return try words.map { try convert($0, for: definition) }
    }

    // MARK: Positionals

    /// The positional's word, or `nil` when it was not given.
    public func positional<T: ExpressibleByArgument>(_ name: String, as type: T.Type = T.self) throws -> T? {
        let definition = definition(name, kinds: [.positional])
        return try values[name]?.first.map { try convert($0, for: definition) }
    }

    /// Every word of a repeating positional, in order; empty when none was given.
    public func positionals<T: ExpressibleByArgument>(_ name: String, as type: T.Type = T.self) throws -> [T] {
        let definition = definition(name, kinds: [.positional])
        return try (values[name] ?? []).map { try convert($0, for: definition) }
    }

    // MARK: Values that are always there

    /// The value of a required or defaulted option, or of a required positional.
    ///
    /// The scanner has already rejected a command line without it, so this only fails on a
    /// conversion. Asking for an argument declared neither required nor with a default is a
    /// programming error, caught on every run, not only when the user leaves the argument out.
    public func value<T: ExpressibleByArgument>(_ name: String, as type: T.Type = T.self) throws -> T {
        let definition = guaranteedDefinition(name)
        return try convert(guaranteedWord(definition), for: definition)
    }

    /// The value within `range`; see ``value(_:as:)``.
    public func value<T: ExpressibleByArgument & Comparable>(
        _ name: String, as type: T.Type = T.self, in range: ClosedRange<T>
    ) throws -> T {
        let definition = guaranteedDefinition(name)
        return try convert(
            guaranteedWord(definition), for: definition, lower: range.lowerBound, upper: range.upperBound)
    }

    /// The value, at least `range.lowerBound`; see ``value(_:as:)``.
    public func value<T: ExpressibleByArgument & Comparable>(
        _ name: String, as type: T.Type = T.self, in range: PartialRangeFrom<T>
    ) throws -> T {
        let definition = guaranteedDefinition(name)
        return try convert(guaranteedWord(definition), for: definition, lower: range.lowerBound, upper: nil)
    }

    // MARK: Helpers

    private func definition(_ name: String, kinds: Set<ArgumentDefinition.Kind>) -> ArgumentDefinition {
        guard let definition = definitions.first(where: { $0.name == name }) else {
            preconditionFailure("\(owner) reads '\(name)', which its configuration does not declare")
        }
        precondition(
            kinds.contains(definition.kind),
            "\(owner) reads '\(name)' as \(kinds.map { "\($0)" }.sorted().joined(separator: " or ")), but declares it as \(definition.kind)")
        return definition
    }

    private func guaranteedDefinition(_ name: String) -> ArgumentDefinition {
        let definition = definition(name, kinds: [.option, .positional])
        precondition(
            definition.isRequired || definition.defaultValue != nil,
            "\(owner) reads '\(name)' with value(_:), but declares it neither required nor with a default")
        return definition
    }

    private func optionWord(_ definition: ArgumentDefinition) -> String? {
        values[definition.name]?.last ?? definition.defaultValue
    }

    private func guaranteedWord(_ definition: ArgumentDefinition) throws -> String {
        if let word = values[definition.name]?.first ?? definition.defaultValue { return word }
        // The scanner rejects a command line missing a required argument; this is a fallback for
        // arguments built by hand.
        throw ValidationError(ArgumentScanner.missingMessage(for: definition))
    }

    private func convert<T: ExpressibleByArgument>(_ word: String, for definition: ArgumentDefinition) throws -> T {
        guard let value = T(argument: word) else {
            throw ValidationError("\(definition.quotedName) expects \(T.expectedValue), got '\(word)'")
        }
        return value
    }

    private func convert<T: ExpressibleByArgument & Comparable>(
        _ word: String, for definition: ArgumentDefinition, lower: T?, upper: T?
    ) throws -> T {
        let value: T = try convert(word, for: definition)
        if lower.map({ value < $0 }) ?? false || upper.map({ value > $0 }) ?? false {
            let bounds =
                switch (lower, upper) {
                case let (lower?, upper?): "from \(lower) to \(upper)"
                case let (lower?, nil): "of at least \(lower)"
                case let (nil, upper?): "of at most \(upper)"
                case (nil, nil): ""
                }
            throw ValidationError("\(definition.quotedName) expects \(T.expectedValue) \(bounds), got '\(word)'")
        }
        return value
    }
}
