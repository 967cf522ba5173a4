import Foundation

extension CommandGroup {
    /// Runs the command line `arguments` (without the program's name) and returns the exit code.
    ///
    /// Call it on the root group. Finds the command by its names, scans its arguments and the
    /// global options (accepted before or after the names), then initialises, validates and runs
    /// it with `context`, whose ``CommandContext/globalOptions`` it fills in.
    ///
    /// - `--help` or `-h` anywhere before `--` prints the help of the command named so far to
    ///   standard output (exit 0), whatever else is wrong with the line, as long as the names lead
    ///   somewhere. `--version` prints the root's name and version (exit 0).
    /// - A group with nothing after its name prints its help (exit 0); with only options after it,
    ///   that is a usage error.
    /// - Usage errors print `error: …`, the usage line and "See '… --help'." to standard error and
    ///   return 64. ``ExitCode`` returns its code silently. Any other error prints
    ///   `error: <description>` (or the description alone when its first line already reads
    ///   `…: error: …`) and returns 1.
    public func run(_ arguments: [String], context: CommandContext) -> Int32 {
        CommandRunner(root: self, context: context).run(arguments)
    }
}

/// The steps of one run: walking the groups, scanning, running and reporting.
struct CommandRunner {
    let root: CommandGroup
    let context: CommandContext

    init(root: CommandGroup, context: CommandContext) {
        var root = root
        if !root.subcommands.contains(where: { $0.name == HelpCommand.configuration.name }) {
            root.subcommands.append(.command(HelpCommand.self))
        }
        self.root = root
        self.context = context
    }

    func run(_ words: [String]) -> Int32 {
        let optionWords = words.prefix { $0 != "--" }
        let wantsHelp = optionWords.contains("--help") || optionWords.contains("-h")
        let wantsVersion = root.version != nil && optionWords.contains("--version")

        var command = ResolvedCommand(
            names: [root.name], target: .group(root), globalOptions: root.globalOptions,
            offersVersion: root.version != nil)
        var globals = ParsedArguments(owner: "global options", definitions: root.globalOptions)
        var index = words.startIndex
        var sawOption = false

        // Follow command names through the groups, taking global options on the way.
        walk: while case .group(let group) = command.target, index < words.endIndex {
            let word = words[index]
            index += 1
            if ArgumentScanner.isBuiltIn(word, builtInNames: command.builtInNames) {
                sawOption = true
                continue
            }
            if ArgumentScanner.isOption(word) {
                sawOption = true
                let scanner = ArgumentScanner(
                    definitions: [], globalDefinitions: command.globalOptions,
                    builtInNames: command.builtInNames)
                var unused = ParsedArguments(owner: group.name, definitions: [])
                do {
                    try scanner.scanOption(word, words[...], &index, into: &unused, globals: &globals)
                } catch {
                    if wantsHelp { break walk }
                    return usageError(error, for: command)
                }
                continue
            }
            guard let subcommand = group.subcommands.first(where: { $0.name == word }) else {
                let suggestion = Suggestion.closest(to: word, among: group.subcommands.map(\.name))
                let message = "unknown command '\(word)'" + (suggestion.map { "; did you mean `\($0)`?" } ?? "")
                return usageError(ValidationError(message), for: command)
            }
            command.descend(into: subcommand)
            globals.definitions = command.globalOptions
        }

        if wantsHelp { return printHelp(command) }
        if wantsVersion {
            context.print("\(root.name) \(root.version ?? "")")
            return ExitCode.success.rawValue
        }
        guard case .command(let type) = command.target else {
            if !sawOption { return printHelp(command) }
            return usageError(ValidationError("missing command"), for: command)
        }

        var parsed = ParsedArguments(owner: "\(type)", definitions: type.configuration.arguments)
        let scanner = ArgumentScanner(
            definitions: type.configuration.arguments, globalDefinitions: command.globalOptions,
            builtInNames: command.builtInNames)
        do {
            try scanner.scan(words[index...], into: &parsed, globals: &globals)
        } catch {
            return usageError(error, for: command)
        }
        var context = context
        context.globalOptions = globals
        do {
            let instance = try type.init(parsed)
            try instance.validate()
            try instance.run(context)
            return ExitCode.success.rawValue
        } catch let error as ValidationError {
            return usageError(error, for: command)
        } catch let exit as ExitCode {
            return exit.rawValue
        } catch let request as HelpRequest {
            return help(request, from: command)
        } catch {
            // A compiler-style message (`file:cell: error: …`) already says it is an error.
            let description = Self.describe(error)
            let firstLine = description.prefix { $0 != "\n" }
            context.standardError.write(
                (firstLine.contains(": error: ") ? description : "error: " + description) + "\n")
            return ExitCode.failure.rawValue
        }
    }

    private func printHelp(_ command: ResolvedCommand) -> Int32 {
        context.standardOutput.write(HelpFormatter.page(for: command))
        return ExitCode.success.rawValue
    }

    private func usageError(_ error: ValidationError, for command: ResolvedCommand) -> Int32 {
        context.standardError.write("error: \(error.message)\n" + HelpFormatter.usageHint(for: command))
        return ExitCode.validationFailure.rawValue
    }

    /// Prints the help `ronghe help NAME…` asks for, as if `ronghe NAME… --help` had been typed.
    private func help(_ request: HelpRequest, from helpCommand: ResolvedCommand) -> Int32 {
        var command = ResolvedCommand(
            names: [root.name], target: .group(root), globalOptions: root.globalOptions,
            offersVersion: root.version != nil)
        for name in request.names {
            guard case .group(let group) = command.target else {
                return usageError(ValidationError("unexpected argument '\(name)'"), for: helpCommand)
            }
            guard let subcommand = group.subcommands.first(where: { $0.name == name }) else {
                let suggestion = Suggestion.closest(to: name, among: group.subcommands.map(\.name))
                let message = "unknown command '\(name)'" + (suggestion.map { "; did you mean `\($0)`?" } ?? "")
                return usageError(ValidationError(message), for: helpCommand)
            }
            command.descend(into: subcommand)
        }
        return printHelp(command)
    }

    /// The text after `error: ` for an error a command threw.
    ///
    /// Our own errors print through `CustomStringConvertible` (compiler-style for the library's).
    /// Foundation's errors print `Error Domain=…` that way, so they use their localized description
    /// instead, led by the file they concern.
    static func describe(_ error: any Error) -> String {
        if error is CocoaError || error is POSIXError || type(of: error) is NSError.Type {
            var description = error.localizedDescription
            let boilerplate = "The operation could not be completed. "
            if description.hasPrefix(boilerplate) { description.removeFirst(boilerplate.count) }
            let userInfo = (error as NSError).userInfo
            let path = userInfo[NSFilePathErrorKey] as? String ?? (userInfo[NSURLErrorKey] as? URL)?.path
            return path.map { "\($0): \(description)" } ?? description
        }
        // Every error converts to CustomStringConvertible through NSError; ask the dynamic type.
        let dynamicType: Any.Type = type(of: error)
        if !(dynamicType is any CustomStringConvertible.Type), let error = error as? any LocalizedError,
            let description = error.errorDescription
        {
            return description
        }
        return String(describing: error)
    }
}

/// Thrown by `ronghe help NAME…` for the runner, which knows the commands, to print that help.
private struct HelpRequest: Error {
    var names: [String]
}

/// `ronghe help [COMMAND ...]`: the same page as `ronghe COMMAND ... --help`.
private struct HelpCommand: Command {
    static let configuration = CommandConfiguration(
        name: "help",
        abstract: "Show help for a command.",
        arguments: [
            .positional(
                "COMMAND", optional: true, repeating: true,
                help: "The command, with its group if it has one, e.g. 'campaign new'.")
        ])

    var names: [String]

    init(_ arguments: ParsedArguments) throws {
        names = try arguments.positionals("COMMAND")
    }

    func run(_ context: CommandContext) throws {
        throw HelpRequest(names: names)
    }
}
