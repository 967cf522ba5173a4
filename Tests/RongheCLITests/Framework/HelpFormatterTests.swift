import Testing

@testable import RongheCLI

/// The `--help` pages of the sample tree, written out by hand from the layout rules: usage wrapped
/// at 80 columns under the command's name, abstract, discussion, then the sections with a shared
/// help column (labels wider than 24 columns put their help on the next line).
@Suite struct HelpFormatterTests {
    static let rankHelp = """
        USAGE: ronghe rank [--by district|industry|size] [--top N] [--min SCORE]
                           [--profile NAME ...] [--out FILE] [--json]

        Rank the enterprises of the latest batch.

        Ranks are computed on unrounded scores, so two enterprises shown with the same
        rounded score can still rank apart; exact ties share a rank. With --by, each
        group is ranked on its own and numbered from 1.

          ronghe rank --by district
          ronghe rank --top 3

        OPTIONS:
          --by district|industry|size
                                    Rank within each group.
          --top N                   Show only the first N enterprises. (default: 10)
          --min SCORE               Leave out scores below SCORE.
          --profile NAME            Include the named profile in the ranking; give the
                                    option once for each profile to include.
          -o, --out FILE            Also write the ranking to FILE.
          --json                    Print JSON for scripts.

        GLOBAL OPTIONS:
          --db PATH                 The database. (default: ronghe.sqlite)
          -q, --quiet               Print less.
          -h, --help                Show help for this command.
          --version                 Show the version.

        EXAMPLES:
          ronghe rank --by district --top 5
          ronghe rank --json > ranking.json

        """

    static let campaignHelp = """
        USAGE: ronghe campaign <command>

        Manage assessment campaigns.

        SUBCOMMANDS:
          new          Bind an indicator tree to a new campaign.
          list         List the campaigns.

        GLOBAL OPTIONS:
          --db PATH    The database. (default: ronghe.sqlite)
          -q, --quiet  Print less.
          --dry-run    Check everything, change nothing.
          -h, --help   Show help for this command.
          --version    Show the version.

        See 'ronghe help campaign <command>' for help on a command.

        """

    static let campaignNewHelp = """
        USAGE: ronghe campaign new NAME [TITLE] --indicators FILE [--replace]

        Bind an indicator tree to a new campaign.

        ARGUMENTS:
          NAME               The campaign's name, e.g. 2026.
          TITLE              A title for reports.

        OPTIONS:
          --indicators FILE  The indicator tree, as JSON.
          --replace          Replace a campaign of the same name.

        GLOBAL OPTIONS:
          --db PATH          The database. (default: ronghe.sqlite)
          -q, --quiet        Print less.
          --dry-run          Check everything, change nothing.
          -h, --help         Show help for this command.
          --version          Show the version.

        EXAMPLES:
          ronghe campaign new 2026 --indicators indicators/default.json

        """

    static let rootHelp = """
        USAGE: ronghe <command>

        Assess enterprises.

        SUBCOMMANDS:
          rank         Rank the enterprises of the latest batch.
          campaign     Manage assessment campaigns.
          import       Read, validate and store survey files.
          fail         Fail on purpose.
          help         Show help for a command.

        GLOBAL OPTIONS:
          --db PATH    The database. (default: ronghe.sqlite)
          -q, --quiet  Print less.
          -h, --help   Show help for this command.
          --version    Show the version.

        EXAMPLES:
          ronghe rank --top 5

        See 'ronghe help <command>' for help on a command.

        """

    @Test(arguments: [
        ["rank", "--help"], ["rank", "-h"], ["help", "rank"], ["--help", "rank"], ["-q", "rank", "--help"],
        ["rank", "--top", "ten", "--help"], ["rank", "--tpo", "-h"], ["rank", "--top", "--help"],
        ["rank", "extra", "--help"], ["rank", "--version", "--help"],
    ])
    func rankHelp(_ arguments: [String]) {
        #expect(invoke(arguments) == Invocation(status: 0, output: Self.rankHelp, error: ""))
    }

    @Test(arguments: [
        ["campaign"], ["campaign", "--help"], ["help", "campaign"], ["campaign", "-h", "--dry-run"],
        ["campaign", "--bogus", "--help"],
    ])
    func groupHelp(_ arguments: [String]) {
        #expect(invoke(arguments) == Invocation(status: 0, output: Self.campaignHelp, error: ""))
    }

    @Test(arguments: [["campaign", "new", "--help"], ["help", "campaign", "new"], ["campaign", "new", "2026", "-h"]])
    func nestedCommandHelp(_ arguments: [String]) {
        #expect(invoke(arguments) == Invocation(status: 0, output: Self.campaignNewHelp, error: ""))
    }

    @Test(arguments: [[], ["--help"], ["-h"], ["help"], ["--db", "x", "--help"]])
    func rootHelp(_ arguments: [String]) {
        #expect(invoke(arguments) == Invocation(status: 0, output: Self.rootHelp, error: ""))
    }

    @Test func theHelpCommandHasHelpToo() {
        let expected = """
            USAGE: ronghe help [COMMAND ...]

            Show help for a command.

            ARGUMENTS:
              COMMAND      The command, with its group if it has one, e.g. 'campaign new'.

            GLOBAL OPTIONS:
              --db PATH    The database. (default: ronghe.sqlite)
              -q, --quiet  Print less.
              -h, --help   Show help for this command.
              --version    Show the version.

            """
        #expect(invoke(["help", "help"]) == Invocation(status: 0, output: expected, error: ""))
        #expect(invoke(["help", "--help"]) == Invocation(status: 0, output: expected, error: ""))
    }

    @Test(arguments: [
        (["help", "nonsense"], "unknown command 'nonsense'"),
        (["help", "campaign", "nwe"], "unknown command 'nwe'; did you mean `new`?"),
        (["help", "rank", "extra"], "unexpected argument 'extra'"),
        (["help", "--top"], "unknown option '--top'"),
    ])
    func theHelpCommandRejectsUnknownCommands(_ arguments: [String], _ message: String) {
        let expected = """
            error: \(message)
            USAGE: ronghe help [COMMAND ...]
            See 'ronghe help --help'.

            """
        #expect(invoke(arguments) == Invocation(status: 64, output: "", error: expected))
    }

    @Test func anUnknownCommandIsAnErrorEvenWithHelp() {
        let expected = """
            error: unknown command 'nonsense'
            USAGE: ronghe <command>
            See 'ronghe --help'.

            """
        #expect(invoke(["nonsense", "--help"]) == Invocation(status: 64, output: "", error: expected))
    }

    @Test func helpAfterDoubleDashIsAPositional() {
        #expect(invoke(["rank", "--", "--help"]).error == rankUsageError("unexpected argument '--help'"))
    }

    @Test(arguments: [["--version"], ["rank", "--version"], ["campaign", "--version"], ["-q", "--version", "rank"]])
    func version(_ arguments: [String]) {
        #expect(invoke(arguments) == Invocation(status: 0, output: "ronghe 1.2.3\n", error: ""))
    }

    @Test func theCommandNamesMustResolveEvenForVersion() {
        let expected = """
            error: unknown command 'nonsense'
            USAGE: ronghe <command>
            See 'ronghe --help'.

            """
        #expect(invoke(["--version", "nonsense"]) == Invocation(status: 64, output: "", error: expected))
    }

    @Test func aRootWithoutVersionOffersNoVersionOption() {
        var root = sampleRoot
        root.version = nil
        root.globalOptions = []
        root.subcommands = [.command(CampaignListCommand.self)]
        root.examples = []
        let help = """
            USAGE: ronghe <command>

            Assess enterprises.

            SUBCOMMANDS:
              list        List the campaigns.
              help        Show help for a command.

            GLOBAL OPTIONS:
              -h, --help  Show help for this command.

            See 'ronghe help <command>' for help on a command.

            """
        #expect(invoke([], root: root) == Invocation(status: 0, output: help, error: ""))
        let error = """
            error: unknown option '--version'
            USAGE: ronghe list
            See 'ronghe list --help'.

            """
        #expect(invoke(["list", "--version"], root: root) == Invocation(status: 64, output: "", error: error))
    }

    @Test func longUsageLinesWrapUnderTheCommandName() {
        struct Wide: Command {
            static let configuration = CommandConfiguration(
                name: "generate",
                abstract: "生成用于演示和基准测试的合成问卷，数据真实可信，覆盖所有行业、区县和企业规模，并保证每次运行结果完全一致。",
                arguments: [
                    .positional("DIRECTORY", help: "Where the files go."),
                    .option("count", valueName: "N", required: true, help: "How many enterprises."),
                    .option("seed", valueName: "S", default: "1", help: ""),
                    .option("format", allowedValues: ["json", "csv", "xlsx", "xlsx-batch"], help: "The file format."),
                    .option("a-very-long-option-name", valueName: "VALUE", help: "Help."),
                    .option("lang", valueName: "LANG", allowedValues: ["zh", "en"], default: "zh", help: "The language."),
                ])
            init(_ arguments: ParsedArguments) throws {}
            func run(_ context: CommandContext) throws {}
        }
        let root = CommandGroup(name: "ronghe", abstract: "Root.", subcommands: [.command(Wide.self)])
        let expected = """
            USAGE: ronghe generate DIRECTORY --count N [--seed S]
                                   [--format json|csv|xlsx|xlsx-batch]
                                   [--a-very-long-option-name VALUE] [--lang LANG]

            生成用于演示和基准测试的合成问卷，数据真实可信，覆盖所有行业、区县和企业规模，并
            保证每次运行结果完全一致。

            ARGUMENTS:
              DIRECTORY                 Where the files go.

            OPTIONS:
              --count N                 How many enterprises.
              --seed S                  (default: 1)
              --format json|csv|xlsx|xlsx-batch
                                        The file format.
              --a-very-long-option-name VALUE
                                        Help.
              --lang LANG               The language. (one of zh|en; default: zh)

            GLOBAL OPTIONS:
              -h, --help                Show help for this command.

            """
        #expect(invoke(["generate", "--help"], root: root) == Invocation(status: 0, output: expected, error: ""))
    }
}
