import Foundation
import RongheKit

/// The `ronghe` command line: the root of its commands, and the entry points that run them.
public enum Ronghe {
    /// The version of the command-line tool, printed by `ronghe --version`.
    public static let version = "0.1.0"

    /// The database used when `--db` is not given, in the working directory.
    public static let defaultDatabasePath = "ronghe.sqlite"

    /// The root of every `ronghe` command: its help, its global options and its subcommands.
    ///
    /// To add a command, write its type in its own file and add one line to `subcommands`; it then
    /// shows up in `ronghe --help` in that order.
    public static let rootCommand = CommandGroup(
        name: "ronghe",
        abstract: "Run an enterprise informatization assessment campaign, from indicators and surveys to a ranked report.",
        discussion: """
            Bind an indicator system to a campaign, import the enterprises' survey files, score and \
            rank them, and export an Excel workbook for leaders. Everything is kept in one SQLite \
            database, by default ronghe.sqlite in the working directory.

            Exit status: 0 on success, 1 on failure, 64 on a usage error.
            """,
        version: "\(version) (scoring engine \(engineVersion))",
        globalOptions: [
            .option(
                "db", valueName: "PATH", default: defaultDatabasePath,
                help: "The SQLite database to use, relative to the working directory.")
        ],
        subcommands: [
            // One line per command or group, in the order `ronghe --help` lists them, e.g.
            // .command(ScoreCommand.self),
            .group(.campaign),
            .group(.indicators),
            .command(TemplateCommand.self),
            .command(ImportCommand.self),
            .command(ScoreCommand.self),
            .command(RankCommand.self),
            .command(ShowCommand.self),
            .command(BatchesCommand.self),
            .command(FlagCommand.self),
            .command(ExportCommand.self),
            .command(GenerateCommand.self),
            .command(DemoCommand.self),
        ]
    )

    /// Runs the command line with the process's arguments and returns the exit code.
    public static func main(_ arguments: [String]) -> Int32 {
        run(arguments, context: .current())
    }

    /// Runs the command line with `context`'s outputs, directory and environment; for tests.
    public static func run(_ arguments: [String], context: CommandContext) -> Int32 {
        rootCommand.run(arguments, context: context)
    }
}

extension CommandContext {
    /// The SQLite database file: `--db PATH` resolved against the working directory, by default
    /// `ronghe.sqlite` there.
    public var databaseURL: URL {
        // A context made by hand, not by the runner, has no global options declared.
        let declared = globalOptions.definitions.contains { $0.name == "db" }
        let path = declared ? (try? globalOptions.option("db", as: String.self)) ?? nil : nil
        return url(forPath: path ?? Ronghe.defaultDatabasePath)
    }

    /// The path of ``databaseURL``, as SQLite takes it.
    public var databasePath: String { databaseURL.path }
}
