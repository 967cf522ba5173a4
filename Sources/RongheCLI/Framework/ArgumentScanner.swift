/// Turns the words after a command's name into ``ParsedArguments``: options (`--name value`,
/// `--name=value`, `-s value`), flags, `--` (everything after it is positional) and positionals.
///
/// A word is an option when it starts with `-`, is not `-` alone (standard input, by convention)
/// and is not a negative number, so `--min -5` and a positional `-5` work. An option's value is the
/// next word unless that word is itself an option or `--`; then the value is missing (use
/// `--name=-x` for a value starting with a dash). An empty value (`--name=`, `--name ""`) counts as
/// missing.
struct ArgumentScanner {
    /// The command's own arguments.
    var definitions: [ArgumentDefinition]
    /// The options and flags declared on the groups above, accepted anywhere.
    var globalDefinitions: [ArgumentDefinition]
    /// Long names handled before scanning (`help`, `version`): skipped here, offered as suggestions.
    var builtInNames: [String]

    /// The words `--help`, `-h` and `--version` (when offered), which the runner looks for first.
    static func isBuiltIn(_ word: String, builtInNames: [String]) -> Bool {
        word == "-h" || builtInNames.contains { word == "--\($0)" }
    }

    /// Whether the word is an option or flag rather than a value.
    static func isOption(_ word: String) -> Bool {
        word.hasPrefix("-") && word != "-" && word != "--" && !isNegativeNumber(word)
    }

    /// Whether the word is a negative decimal number such as `-5`, `-0.25` or `-.5`.
    static func isNegativeNumber(_ word: String) -> Bool {
        let body = word.dropFirst()
        guard word.hasPrefix("-"), let first = body.first, first.isASCII,
            first.isNumber || first == "."
        else { return false }
        return Double(body) != nil
    }

    /// The message for a required option or positional that was left out.
    static func missingMessage(for definition: ArgumentDefinition) -> String {
        switch definition.kind {
        case .positional: "missing argument `\(definition.name)`"
        case .option, .flag: "missing option `\(definition.synopsis)`"
        }
    }

    /// Scans the words after the command's name, adding global options to `globals`.
    func scan(_ words: ArraySlice<String>, into parsed: inout ParsedArguments, globals: inout ParsedArguments)
        throws(ValidationError)
    {
        var bareWords: [String] = []
        var index = words.startIndex
        while index < words.endIndex {
            let word = words[index]
            index += 1
            if word == "--" {
                bareWords += words[index...]
                break
            } else if Self.isBuiltIn(word, builtInNames: builtInNames) {
                continue
            } else if Self.isOption(word) {
                try scanOption(word, words, &index, into: &parsed, globals: &globals)
            } else {
                bareWords.append(word)
            }
        }
        try assignPositionals(bareWords, into: &parsed)
        for definition in definitions + globalDefinitions
        where definition.kind == .option && definition.isRequired {
            let given = parsed.values[definition.name] ?? globals.values[definition.name]
            if given == nil { throw ValidationError(Self.missingMessage(for: definition)) }
        }
    }

    /// Scans one option or flag word, taking its value from `words[index]` when it needs one.
    func scanOption(
        _ word: String, _ words: ArraySlice<String>, _ index: inout ArraySlice<String>.Index,
        into parsed: inout ParsedArguments, globals: inout ParsedArguments
    ) throws(ValidationError) {
        let isLong = word.hasPrefix("--")
        let body = word.dropFirst(isLong ? 2 : 1)
        let name = String(body.prefix { $0 != "=" })
        let inlineValue = body.firstIndex(of: "=").map { String(body[body.index(after: $0)...]) }

        let isGlobal: Bool
        let definition: ArgumentDefinition
        let match: (ArgumentDefinition) -> Bool =
            isLong ? { $0.name == name } : { name.count == 1 && $0.short.map(String.init) == name }
        if let own = definitions.first(where: { $0.kind != .positional && match($0) }) {
            (definition, isGlobal) = (own, false)
        } else if let global = globalDefinitions.first(where: match) {
            (definition, isGlobal) = (global, true)
        } else {
            throw unknownOption(word, name: name)
        }

        switch definition.kind {
        case .flag:
            if let inlineValue {
                throw ValidationError("`--\(definition.name)` takes no value, got '\(inlineValue)'")
            }
            if isGlobal { globals.flags.insert(definition.name) } else { parsed.flags.insert(definition.name) }
        case .option:
            let value: String
            if let inlineValue {
                value = inlineValue
            } else if index < words.endIndex, words[index] != "--", !Self.isOption(words[index]) {
                value = words[index]
                index += 1
            } else {
                value = ""
            }
            // An empty value is nearly always an unset shell variable, not a choice.
            if value.isEmpty { throw ValidationError("missing value for `\(definition.synopsis)`") }
            try check(value, allowedBy: definition)
            let alreadyGiven = (isGlobal ? globals : parsed).values[definition.name] != nil
            if alreadyGiven && !definition.isRepeating {
                throw ValidationError("`--\(definition.name)` may be given only once")
            }
            if isGlobal {
                globals.values[definition.name, default: []].append(value)
            } else {
                parsed.values[definition.name, default: []].append(value)
            }
        case .positional:
            preconditionFailure("positionals are never matched by name")
        }
    }

    private func unknownOption(_ word: String, name: String) -> ValidationError {
        let candidates =
            (definitions + globalDefinitions).filter { $0.kind != .positional }.map(\.name) + builtInNames
        let suggestion = Suggestion.closest(to: name, among: candidates)
        return ValidationError("unknown option '\(word)'" + (suggestion.map { "; did you mean `--\($0)`?" } ?? ""))
    }

    private func assignPositionals(_ words: [String], into parsed: inout ParsedArguments) throws(ValidationError) {
        var remaining = words[...]
        for definition in definitions where definition.kind == .positional {
            let taken = definition.isRepeating ? remaining : remaining.prefix(1)
            remaining = remaining.dropFirst(taken.count)
            if taken.isEmpty {
                if definition.isRequired { throw ValidationError(Self.missingMessage(for: definition)) }
                continue
            }
            for word in taken { try check(word, allowedBy: definition) }
            parsed.values[definition.name] = Array(taken)
        }
        if let extra = remaining.first {
            throw ValidationError("unexpected argument '\(extra)'")
        }
    }

    private func check(_ word: String, allowedBy definition: ArgumentDefinition) throws(ValidationError) {
        if let allowed = definition.allowedValues, !allowed.contains(word) {
            throw ValidationError(
                "\(definition.quotedName) expects one of \(allowed.joined(separator: "|")), got '\(word)'")
        }
    }
}
