import Foundation
import RongheKit
import Testing

@testable import RongheCLI

/// The real `ronghe` root: its registry, version, help and usage errors, run with captured output.
@Suite struct RongheTests {
    func run(_ arguments: [String]) -> Invocation {
        let output = TextBuffer()
        let error = TextBuffer()
        let context = CommandContext(
            standardOutput: output.sink, standardError: error.sink,
            workingDirectory: URL(fileURLWithPath: "/srv/bureau", isDirectory: true))
        let status = Ronghe.run(arguments, context: context)
        return Invocation(status: status, output: output.text, error: error.text)
    }

    static let usageHint = """
        USAGE: ronghe <command>
        See 'ronghe --help'.

        """

    @Test func everyRegisteredCommandIsDeclaredConsistently() {
        #expect(Ronghe.rootCommand.configurationProblems() == [])
    }

    @Test func version() {
        let expected = "ronghe \(Ronghe.version) (scoring engine \(engineVersion))\n"
        #expect(expected == "ronghe 0.1.0 (scoring engine 0.1.0)\n")
        #expect(run(["--version"]) == Invocation(status: 0, output: expected, error: ""))
    }

    @Test(arguments: [[], ["--help"], ["-h"], ["help"]])
    func help(_ arguments: [String]) {
        let result = run(arguments)
        #expect(result.status == 0)
        #expect(result.error == "")
        let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "USAGE: ronghe <command>")
        #expect(lines.allSatisfy { TextWidth.of($0) <= 80 })
        #expect(result.output.contains("Exit status: 0 on success, 1 on failure, 64 on a usage error."))

        // The command list comes from the registry, so commands added there show up here.
        guard let start = lines.firstIndex(of: "SUBCOMMANDS:") else {
            Issue.record("no SUBCOMMANDS section in\n\(result.output)")
            return
        }
        // Rows start two columns in; a long abstract continues on lines indented further.
        let listed = lines[(start + 1)...].prefix { !$0.isEmpty }.filter { !$0.hasPrefix("   ") }
        let expected = Ronghe.rootCommand.subcommands.map { ($0.name, $0.abstract) } + [("help", "Show help for a command.")]
        #expect(listed.map { $0.split(separator: " ")[0] } == expected.map { Substring($0.0) })
        for (line, (name, abstract)) in zip(listed, expected) {
            let shown = line.dropFirst(2 + name.count).drop { $0 == " " }
            #expect(!shown.isEmpty && abstract.hasPrefix(shown), "\(line)")
        }

        #expect(result.output.contains("""
            GLOBAL OPTIONS:
              --db PATH   The SQLite database to use, relative to the working directory.
                          (default: ronghe.sqlite)
              -h, --help  Show help for this command.
              --version   Show the version.
            """))
        #expect(result.output.hasSuffix("\n\nSee 'ronghe help <command>' for help on a command.\n"))
    }

    @Test func anUnknownCommandIsAUsageError() {
        #expect(run(["nonsense"]) == Invocation(status: 64, output: "", error: "error: unknown command 'nonsense'\n" + Self.usageHint))
    }

    @Test func aMistypedCommandGetsASuggestion() {
        let expected = "error: unknown command 'hlep'; did you mean `help`?\n" + Self.usageHint
        #expect(run(["hlep"]) == Invocation(status: 64, output: "", error: expected))
    }

    @Test func anUnknownGlobalOptionGetsASuggestion() {
        let expected = "error: unknown option '--bd'; did you mean `--db`?\n" + Self.usageHint
        #expect(run(["--bd", "x.sqlite", "help"]) == Invocation(status: 64, output: "", error: expected))
    }

    @Test func theDatabaseIsInTheWorkingDirectoryByDefault() {
        let context = CommandContext(
            standardOutput: TextBuffer().sink, standardError: TextBuffer().sink,
            workingDirectory: URL(fileURLWithPath: "/srv/bureau", isDirectory: true))
        #expect(context.databasePath == "/srv/bureau/ronghe.sqlite")
    }

    @Test(arguments: [
        (["--db", "city.sqlite"], "/srv/bureau/city.sqlite"),
        (["--db=/var/lib/ronghe/2026.sqlite"], "/var/lib/ronghe/2026.sqlite"),
        ([], "/srv/bureau/ronghe.sqlite"),
    ])
    func theDatabaseOptionReachesCommands(_ options: [String], _ expected: String) {
        struct ShowDatabase: Command {
            static let configuration = CommandConfiguration(name: "show-db", abstract: "Print the database path.")
            init(_ arguments: ParsedArguments) throws {}
            func run(_ context: CommandContext) throws { context.print(context.databasePath) }
        }
        var root = Ronghe.rootCommand
        root.subcommands.append(.command(ShowDatabase.self))
        for arguments in [["show-db"] + options, options + ["show-db"]] {
            let output = TextBuffer()
            let context = CommandContext(
                standardOutput: output.sink, standardError: TextBuffer().sink,
                workingDirectory: URL(fileURLWithPath: "/srv/bureau", isDirectory: true))
            #expect(root.run(arguments, context: context) == 0)
            #expect(output.text == expected + "\n", "\(arguments)")
        }
    }
}
