/// A command the user runs, such as `ronghe score`: declares its arguments as data, is initialised
/// from what the scanner parsed, validates itself, then runs.
///
/// Commands are small value types. Because Swift has no property-wrapper reflection here, a command
/// lists its options, flags and positionals in ``configuration`` and reads them back in
/// ``init(_:)`` through the typed accessors of ``ParsedArguments``, which throw ``ValidationError``.
///
/// How errors end the run:
/// - ``ValidationError`` from `init`, ``validate()`` or ``run(_:)``: `error: …`, the usage line and
///   a pointer to `--help` on standard error, exit 64.
/// - ``ExitCode``: exit quietly with that code.
/// - Any other error: `error: <description>` on standard error, exit 1.
///
/// Commands are `Sendable` so that the root's list of command types can be a constant.
public protocol Command: Sendable {
    /// The command's name, help texts and the arguments it accepts.
    static var configuration: CommandConfiguration { get }

    /// Reads the command's values from the scanned arguments.
    ///
    /// Only names declared in ``configuration`` may be asked for; asking for any other name is a
    /// programming error and stops the program.
    init(_ arguments: ParsedArguments) throws

    /// Checks the values together, before anything runs; throw ``ValidationError`` to reject them.
    ///
    /// The default implementation accepts everything.
    func validate() throws

    /// Does the work, writing to the context's outputs only.
    func run(_ context: CommandContext) throws
}

extension Command {
    /// Accepts everything.
    public func validate() throws {}
}

/// What a command declares about itself: name, help texts, arguments and examples.
public struct CommandConfiguration: Sendable {
    /// The word that selects the command, e.g. `score`: lowercase letters, digits and `-`.
    public var name: String
    /// One sentence, shown in the parent's command list and at the top of `--help`.
    public var abstract: String
    /// Longer text for `--help`, wrapped at 80 columns. Paragraphs are separated by blank lines;
    /// a paragraph whose lines start with a space is printed as written.
    public var discussion: String
    /// Options, flags and positionals, in the order `--help` lists them.
    ///
    /// Positionals are matched in order: required ones first, then optional ones, then at most one
    /// repeating one, last.
    public var arguments: [ArgumentDefinition]
    /// Complete command lines shown under EXAMPLES, e.g. `ronghe score --campaign 2026`.
    public var examples: [String]

    /// Creates a configuration; see the properties for what each part means.
    public init(
        name: String,
        abstract: String,
        discussion: String = "",
        arguments: [ArgumentDefinition] = [],
        examples: [String] = []
    ) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.arguments = arguments
        self.examples = examples
    }
}
