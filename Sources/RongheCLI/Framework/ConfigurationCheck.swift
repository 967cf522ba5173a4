extension CommandGroup {
    /// Mistakes in the declarations of this group and everything below it, one message each;
    /// empty when all is well.
    ///
    /// Call it on the root in a test, so a new command's mistakes fail the tests instead of
    /// confusing users: names that clash (with each other, the global options, `--help` or
    /// `--version`), malformed names, positionals in an order the scanner cannot match, a
    /// required option with a default, a default that is not an allowed value, missing help texts.
    public func configurationProblems() -> [String] {
        var builtIns = ["help"]
        if version != nil { builtIns.append("version") }
        return problems(path: name, inheritedGlobals: [], builtIns: builtIns, isRoot: true)
    }

    private func problems(
        path: String, inheritedGlobals: [ArgumentDefinition], builtIns: [String], isRoot: Bool
    ) -> [String] {
        var problems: [String] = []
        if abstract.isEmpty { problems.append("\(path): the abstract is empty") }
        if !isRoot && !Self.isWord(name) {
            problems.append("\(path): the name '\(name)' is not lowercase words joined by '-'")
        }
        for definition in globalOptions where definition.kind == .positional {
            problems.append("\(path): the global option '\(definition.name)' is a positional")
        }
        let globals = inheritedGlobals + globalOptions
        problems += Self.argumentProblems(path: path, globalOptions, others: inheritedGlobals, builtIns: builtIns)
        var seen: Set<String> = []
        for subcommand in subcommands {
            if !seen.insert(subcommand.name).inserted {
                problems.append("\(path): two subcommands are named '\(subcommand.name)'")
            }
            switch subcommand {
            case .group(let group):
                problems += group.problems(
                    path: "\(path) \(group.name)", inheritedGlobals: globals, builtIns: builtIns, isRoot: false)
            case .command(let type):
                let configuration = type.configuration
                let commandPath = "\(path) \(configuration.name)"
                if !Self.isWord(configuration.name) {
                    problems.append("\(commandPath): the name '\(configuration.name)' is not lowercase words joined by '-'")
                }
                if configuration.abstract.isEmpty { problems.append("\(commandPath): the abstract is empty") }
                problems += Self.argumentProblems(
                    path: commandPath, configuration.arguments, others: globals, builtIns: builtIns)
            }
        }
        return problems
    }

    private static func argumentProblems(
        path: String, _ definitions: [ArgumentDefinition], others: [ArgumentDefinition], builtIns: [String]
    ) -> [String] {
        var problems: [String] = []
        var longNames = Set(others.filter { $0.kind != .positional }.map(\.name) + builtIns)
        var shortNames = Set(others.compactMap(\.short) + ["h"])
        var positionalNames: Set<String> = []
        var sawOptionalPositional = false
        var sawRepeatingPositional = false
        for definition in definitions {
            let label = definition.kind == .positional ? definition.name : "--\(definition.name)"
            if definition.help.isEmpty { problems.append("\(path): \(label) has no help text") }
            if let defaultValue = definition.defaultValue {
                if definition.isRequired {
                    problems.append("\(path): \(label) is required and has a default")
                }
                if let allowed = definition.allowedValues, !allowed.contains(defaultValue) {
                    problems.append("\(path): the default of \(label) is not one of its allowed values")
                }
            }
            switch definition.kind {
            case .option, .flag:
                if !isWord(definition.name) {
                    problems.append("\(path): the option name '\(definition.name)' is not lowercase words joined by '-'")
                }
                if !longNames.insert(definition.name).inserted {
                    problems.append("\(path): --\(definition.name) is declared twice")
                }
                if let short = definition.short {
                    if !(short.isASCII && short.isLetter) {
                        problems.append("\(path): the short name of \(label) is not a letter")
                    }
                    if !shortNames.insert(short).inserted {
                        problems.append("\(path): -\(short) is declared twice")
                    }
                }
            case .positional:
                if !positionalNames.insert(definition.name).inserted {
                    problems.append("\(path): the positional \(label) is declared twice")
                }
                if sawRepeatingPositional {
                    problems.append("\(path): \(label) follows a repeating positional")
                }
                if definition.isRequired && sawOptionalPositional {
                    problems.append("\(path): the required \(label) follows an optional positional")
                }
                sawOptionalPositional = sawOptionalPositional || !definition.isRequired
                sawRepeatingPositional = sawRepeatingPositional || definition.isRepeating
            }
        }
        return problems
    }

    /// Whether `name` is lowercase ASCII words of letters and digits joined by single `-`.
    private static func isWord(_ name: String) -> Bool {
        !name.isEmpty && name.split(separator: "-", omittingEmptySubsequences: false).allSatisfy { part in
            !part.isEmpty && part.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber) }
        }
    }
}
