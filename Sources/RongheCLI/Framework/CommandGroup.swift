/// A command that only selects other commands, such as `ronghe campaign`, or the root `ronghe`.
///
/// Groups nest arbitrarily. The root group additionally declares the global options (accepted
/// before or after any subcommand, and handed to commands through ``CommandContext/globalOptions``)
/// and the version printed by `--version`. `--help`/`-h` is accepted everywhere, and the root
/// gets a `help` subcommand (`ronghe help campaign new` = `ronghe campaign new --help`).
public struct CommandGroup: Sendable {
    /// The word that selects the group, e.g. `campaign`; for the root, the program's name.
    public var name: String
    /// One sentence, shown in the parent's command list and at the top of `--help`.
    public var abstract: String
    /// Longer text for `--help`, wrapped like ``CommandConfiguration/discussion``.
    public var discussion: String
    /// The version `--version` prints after the name; `nil` offers no `--version`. Read on the root only.
    public var version: String?
    /// Options and flags accepted by this group and everything below it, before or after the
    /// subcommand name. Declared once, normally on the root (`--db PATH`).
    public var globalOptions: [ArgumentDefinition]
    /// The commands and groups below this one, in the order `--help` lists them.
    public var subcommands: [Subcommand]
    /// Complete command lines shown under EXAMPLES.
    public var examples: [String]

    /// Creates a group; see the properties for what each part means.
    public init(
        name: String,
        abstract: String,
        discussion: String = "",
        version: String? = nil,
        globalOptions: [ArgumentDefinition] = [],
        subcommands: [Subcommand],
        examples: [String] = []
    ) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.version = version
        self.globalOptions = globalOptions
        self.subcommands = subcommands
        self.examples = examples
    }
}

/// One entry in a group's list of subcommands: a command type or a nested group.
public enum Subcommand: Sendable {
    /// A command, e.g. `.command(ScoreCommand.self)`.
    case command(any Command.Type)
    /// A nested group, e.g. `.group(.campaign)`.
    case group(CommandGroup)

    /// The word that selects this entry.
    public var name: String {
        switch self {
        case .command(let type): type.configuration.name
        case .group(let group): group.name
        }
    }

    /// The one-sentence summary shown in the parent's command list.
    public var abstract: String {
        switch self {
        case .command(let type): type.configuration.abstract
        case .group(let group): group.abstract
        }
    }
}
