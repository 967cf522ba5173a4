/// A command or group found by following names from the root, with what it inherits.
struct ResolvedCommand {
    /// What the names lead to.
    enum Target {
        case group(CommandGroup)
        case command(any Command.Type)
    }

    /// The names from the root down, e.g. `["ronghe", "campaign", "new"]`.
    var names: [String]
    var target: Target
    /// The global options of the root and every group down to this one, inclusive.
    var globalOptions: [ArgumentDefinition]
    /// Whether the root offers `--version`.
    var offersVersion: Bool

    /// The command as typed: `ronghe campaign new`.
    var fullName: String { names.joined(separator: " ") }

    /// Moves down to a subcommand of the group this leads to.
    mutating func descend(into subcommand: Subcommand) {
        names.append(subcommand.name)
        switch subcommand {
        case .command(let type):
            target = .command(type)
        case .group(let group):
            target = .group(group)
            globalOptions += group.globalOptions
        }
    }

    /// The long names handled before scanning.
    var builtInNames: [String] { offersVersion ? ["help", "version"] : ["help"] }
}

/// Writes `--help` pages and usage lines from configurations.
///
/// Layout: the usage line(s), the abstract, the discussion, then the sections ARGUMENTS, OPTIONS,
/// SUBCOMMANDS, GLOBAL OPTIONS and EXAMPLES, each left out when empty. Section rows are a label
/// indented two columns and the help text in a second column shared by the whole page; a label too
/// wide for that column puts its help on the next line. Everything is wrapped at 80 columns.
/// An option's help ends with its allowed values (unless they stand in for the value name) and
/// its default: "(one of zh|en; default: zh)".
enum HelpFormatter {
    /// The width help text is wrapped to.
    static let width = 80
    /// The widest label that still shares a line with its help text.
    static let maximumLabelWidth = 24

    /// The full `--help` page, ending with a newline.
    static func page(for command: ResolvedCommand) -> String {
        var blocks: [String] = [usage(for: command)]
        let abstract: String
        let discussion: String
        let examples: [String]
        var sections: [(title: String, rows: [(label: String, help: String)])] = []

        switch command.target {
        case .command(let type):
            let configuration = type.configuration
            (abstract, discussion, examples) =
                (configuration.abstract, configuration.discussion, configuration.examples)
            sections.append(
                ("ARGUMENTS", configuration.arguments.filter { $0.kind == .positional }.map(row)))
            sections.append(
                ("OPTIONS", configuration.arguments.filter { $0.kind != .positional }.map(row)))
        case .group(let group):
            (abstract, discussion, examples) = (group.abstract, group.discussion, group.examples)
            sections.append(("SUBCOMMANDS", group.subcommands.map { ($0.name, $0.abstract) }))
        }
        var globalRows = command.globalOptions.map(row)
        globalRows.append(("-h, --help", "Show help for this command."))
        if command.offersVersion { globalRows.append(("--version", "Show the version.")) }
        sections.append(("GLOBAL OPTIONS", globalRows))

        if !abstract.isEmpty { blocks.append(TextWidth.wrap(abstract, width: width).joined(separator: "\n")) }
        blocks += paragraphs(discussion)

        let labelWidth = min(
            maximumLabelWidth, sections.flatMap(\.rows).map { TextWidth.of($0.label) }.max() ?? 0)
        for section in sections where !section.rows.isEmpty {
            let rows = section.rows.map { format($0.label, $0.help, labelWidth: labelWidth) }
            blocks.append("\(section.title):\n" + rows.joined(separator: "\n"))
        }
        if !examples.isEmpty {
            blocks.append("EXAMPLES:\n" + examples.map { "  " + $0 }.joined(separator: "\n"))
        }
        if case .group = command.target {
            let path = command.names.dropFirst().map { $0 + " " }.joined()
            blocks.append("See '\(command.names[0]) help \(path)<command>' for help on a command.")
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    /// The usage line, wrapped at 80 columns with continuation lines aligned after the command name.
    static func usage(for command: ResolvedCommand) -> String {
        let prefix = "USAGE: \(command.fullName)"
        var words: [String] = []
        switch command.target {
        case .group:
            words = ["<command>"]
        case .command(let type):
            let arguments = type.configuration.arguments
            for positional in arguments where positional.kind == .positional {
                let word = positional.name + (positional.isRepeating ? " ..." : "")
                words.append(positional.isRequired ? word : "[\(word)]")
            }
            for option in arguments where option.kind != .positional {
                let word = option.synopsis + (option.isRepeating ? " ..." : "")
                words.append(option.isRequired ? word : "[\(word)]")
            }
        }
        let indentWidth = TextWidth.of(prefix) + 1 < width / 2 ? TextWidth.of(prefix) + 1 : 4
        var lines = [prefix]
        for word in words {
            let lastWidth = TextWidth.of(lines[lines.count - 1])
            if lastWidth + 1 + TextWidth.of(word) <= width || lines.count == 1 && lastWidth == TextWidth.of(prefix) {
                lines[lines.count - 1] += " " + word
            } else {
                lines.append(String(repeating: " ", count: indentWidth) + word)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The usage line and a pointer to `--help`, printed after a usage error's message.
    static func usageHint(for command: ResolvedCommand) -> String {
        usage(for: command) + "\nSee '\(command.fullName) --help'.\n"
    }

    private static func row(_ definition: ArgumentDefinition) -> (label: String, help: String) {
        var label = definition.synopsis
        if let short = definition.short { label = "-\(short), " + label }
        var notes: [String] = []
        if let allowedValues = definition.allowedValues, definition.valueName != nil {
            notes.append("one of " + allowedValues.joined(separator: "|"))
        }
        if let defaultValue = definition.defaultValue { notes.append("default: \(defaultValue)") }
        var help = definition.help
        if !notes.isEmpty {
            help += (help.isEmpty ? "" : " ") + "(" + notes.joined(separator: "; ") + ")"
        }
        return (label, help)
    }

    private static func format(_ label: String, _ help: String, labelWidth: Int) -> String {
        let helpColumn = 2 + labelWidth + 2
        let helpLines = TextWidth.wrap(help, width: width - helpColumn)
        let indent = String(repeating: " ", count: helpColumn)
        var lines: [String]
        if TextWidth.of(label) > labelWidth {
            lines = ["  " + label] + helpLines.map { indent + $0 }
        } else {
            lines = ["  " + TextWidth.pad(label, to: labelWidth) + "  " + helpLines[0]]
            lines += helpLines.dropFirst().map { indent + $0 }
        }
        return lines.map { $0.trailingSpacesRemoved }.joined(separator: "\n")
    }

    /// The discussion as wrapped paragraphs. Paragraphs are separated by blank lines; one whose
    /// lines start with a space (a listing, an example) is kept as written.
    private static func paragraphs(_ text: String) -> [String] {
        var paragraphs: [[Substring]] = [[]]
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy(\.isWhitespace) {
                if !paragraphs[paragraphs.count - 1].isEmpty { paragraphs.append([]) }
            } else {
                paragraphs[paragraphs.count - 1].append(line)
            }
        }
        return paragraphs.filter { !$0.isEmpty }.map { lines in
            if lines[0].first == " " {
                return lines.map { String($0).trailingSpacesRemoved }.joined(separator: "\n")
            }
            return TextWidth.wrap(lines.joined(separator: " "), width: width).joined(separator: "\n")
        }
    }
}

extension String {
    /// The string without spaces at its end.
    var trailingSpacesRemoved: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
