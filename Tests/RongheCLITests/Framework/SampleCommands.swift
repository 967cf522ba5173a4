import Foundation
import RongheCLI

// A small command tree exercising every kind of argument, used by the framework's tests. Each
// command prints what it parsed, so a test sees the whole path from words to values.

enum Grouping: String, CaseIterable, ExpressibleByArgument {
    case district, industry, size
}

struct RankCommand: Command {
    static let configuration = CommandConfiguration(
        name: "rank",
        abstract: "Rank the enterprises of the latest batch.",
        discussion: """
            Ranks are computed on unrounded scores, so two enterprises shown with the same rounded \
            score can still rank apart; exact ties share a rank. With --by, each group is ranked on \
            its own and numbered from 1.

              ronghe rank --by district
              ronghe rank --top 3
            """,
        arguments: [
            .option("by", allowedValues: Grouping.allValueStrings, help: "Rank within each group."),
            .option("top", valueName: "N", default: "10", help: "Show only the first N enterprises."),
            .option("min", valueName: "SCORE", help: "Leave out scores below SCORE."),
            .option(
                "profile", valueName: "NAME", repeating: true,
                help: "Include the named profile in the ranking; give the option once for each profile to include."),
            .option("out", short: "o", valueName: "FILE", help: "Also write the ranking to FILE."),
            .flag("json", help: "Print JSON for scripts."),
        ],
        examples: ["ronghe rank --by district --top 5", "ronghe rank --json > ranking.json"]
    )

    var by: Grouping?
    var top: Int
    var min: Double?
    var profiles: [String]
    var out: String?
    var json: Bool

    init(_ arguments: ParsedArguments) throws {
        by = try arguments.option("by")
        top = try arguments.value("top", in: 1...1000)
        min = try arguments.option("min")
        profiles = try arguments.options("profile")
        out = try arguments.option("out")
        json = arguments.flag("json")
    }

    func validate() throws {
        if json && out != nil {
            throw ValidationError("`--json` and `--out` cannot be used together")
        }
    }

    func run(_ context: CommandContext) throws {
        let quiet = context.globalOptions.flag("quiet")
        context.print(
            "rank by=\(by?.rawValue ?? "-") top=\(top) min=\(min.map { "\($0)" } ?? "-")"
                + " profiles=\(profiles) out=\(out ?? "-") json=\(json) quiet=\(quiet) db=\(context.databasePath)")
    }
}

struct ImportCommand: Command {
    static let configuration = CommandConfiguration(
        name: "import",
        abstract: "Read, validate and store survey files.",
        arguments: [
            .positional("FILE", repeating: true, help: "A survey file, or a directory of them."),
            .option("campaign", valueName: "NAME", help: "The campaign the surveys answer."),
        ]
    )

    var files: [String]
    var campaign: String?

    init(_ arguments: ParsedArguments) throws {
        files = try arguments.positionals("FILE")
        campaign = try arguments.option("campaign")
    }

    func run(_ context: CommandContext) throws {
        context.print("import files=\(files) campaign=\(campaign ?? "-")")
    }
}

struct CampaignNewCommand: Command {
    static let configuration = CommandConfiguration(
        name: "new",
        abstract: "Bind an indicator tree to a new campaign.",
        arguments: [
            .positional("NAME", help: "The campaign's name, e.g. 2026."),
            .positional("TITLE", optional: true, help: "A title for reports."),
            .option("indicators", valueName: "FILE", required: true, help: "The indicator tree, as JSON."),
            .flag("replace", help: "Replace a campaign of the same name."),
        ],
        examples: ["ronghe campaign new 2026 --indicators indicators/default.json"]
    )

    var name: String
    var title: String?
    var indicators: String
    var replace: Bool

    init(_ arguments: ParsedArguments) throws {
        name = try arguments.value("NAME")
        title = try arguments.positional("TITLE")
        indicators = try arguments.value("indicators")
        replace = arguments.flag("replace")
    }

    func run(_ context: CommandContext) throws {
        let dryRun = context.globalOptions.flag("dry-run")
        context.print(
            "campaign new name=\(name) title=\(title ?? "-") indicators=\(indicators) replace=\(replace) dry-run=\(dryRun)")
    }
}

struct CampaignListCommand: Command {
    static let configuration = CommandConfiguration(name: "list", abstract: "List the campaigns.")

    init(_ arguments: ParsedArguments) throws {}

    func run(_ context: CommandContext) throws {
        context.print("campaign list")
    }
}

/// Fails in the way `--mode` names, to check how each kind of error is reported.
struct FailCommand: Command {
    enum Mode: String, CaseIterable, ExpressibleByArgument {
        case compiler, list, plain, localized, cocoa, exit, usage
    }

    struct LibraryError: Error, CustomStringConvertible {
        var description: String
    }

    struct OnlyLocalized: LocalizedError {
        var errorDescription: String? { "the survey server did not answer" }
    }

    static let configuration = CommandConfiguration(
        name: "fail",
        abstract: "Fail on purpose.",
        arguments: [.option("mode", valueName: "MODE", required: true, help: "How to fail.")]
    )

    var mode: Mode

    init(_ arguments: ParsedArguments) throws {
        mode = try arguments.value("mode")
    }

    func run(_ context: CommandContext) throws {
        context.print("partial output")
        switch mode {
        case .compiler:
            throw LibraryError(description: #"surveys/acme.xlsx:问卷!C7: error: expected a number for B1.1, found "n/a""#)
        case .list:
            throw LibraryError(description: "2 files rejected:\nsurveys/a.csv:3: error: missing USCC\nsurveys/b.csv:9: error: duplicate USCC")
        case .plain: throw LibraryError(description: "database is locked")
        case .localized: throw OnlyLocalized()
        case .cocoa: throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: "/data/missing.json"])
        case .exit: throw ExitCode(3)
        case .usage: throw ValidationError("no campaign named '2027'")
        }
    }
}

let campaignGroup = CommandGroup(
    name: "campaign",
    abstract: "Manage assessment campaigns.",
    globalOptions: [.flag("dry-run", help: "Check everything, change nothing.")],
    subcommands: [.command(CampaignNewCommand.self), .command(CampaignListCommand.self)]
)

let sampleRoot = CommandGroup(
    name: "ronghe",
    abstract: "Assess enterprises.",
    version: "1.2.3",
    globalOptions: [
        .option("db", valueName: "PATH", default: "ronghe.sqlite", help: "The database."),
        .flag("quiet", short: "q", help: "Print less."),
    ],
    subcommands: [
        .command(RankCommand.self), .group(campaignGroup), .command(ImportCommand.self),
        .command(FailCommand.self),
    ],
    examples: ["ronghe rank --top 5"]
)

/// What one run of a command line returned and printed.
struct Invocation: Equatable, CustomStringConvertible {
    var status: Int32
    var output: String
    var error: String

    var description: String { "status \(status)\n--- stdout\n\(output)--- stderr\n\(error)" }
}

/// Runs `arguments` against `root` with captured outputs, in the working directory `/work/site`.
func invoke(_ arguments: [String], root: CommandGroup = sampleRoot) -> Invocation {
    let output = TextBuffer()
    let error = TextBuffer()
    let context = CommandContext(
        standardOutput: output.sink, standardError: error.sink, isTerminal: false,
        workingDirectory: URL(fileURLWithPath: "/work/site", isDirectory: true))
    let status = root.run(arguments, context: context)
    return Invocation(status: status, output: output.text, error: error.text)
}

/// The standard error of a usage error of `ronghe rank`.
func rankUsageError(_ message: String) -> String {
    """
    error: \(message)
    USAGE: ronghe rank [--by district|industry|size] [--top N] [--min SCORE]
                       [--profile NAME ...] [--out FILE] [--json]
    See 'ronghe rank --help'.

    """
}
