import Testing

@testable import RongheCLI

@Suite struct ConfigurationCheckTests {
    @Test func theSampleTreeIsConsistent() {
        #expect(sampleRoot.configurationProblems() == [])
    }

    @Test func configurationMistakesAreFound() {
        struct Bad: Command {
            static let configuration = CommandConfiguration(
                name: "Bad_Name",
                abstract: "",
                arguments: [
                    .positional("REST", optional: true, repeating: true, help: "Rest."),
                    .positional("AFTER", help: "After."),
                    .option("db", help: "Clashes with the global option."),
                    .flag("help", help: "Clashes with --help."),
                    .flag("verbose", short: "q", help: "Clashes with -q."),
                    .flag("Verbose", short: "h", help: "Clashes with -h."),
                    .option("top", default: "10", required: true, help: ""),
                    .option("by", allowedValues: ["a", "b"], default: "c", help: "Default not allowed."),
                ])
            init(_ arguments: ParsedArguments) throws {}
            func run(_ context: CommandContext) throws {}
        }
        var root = sampleRoot
        root.subcommands = [.command(Bad.self), .group(campaignGroup), .group(campaignGroup)]
        #expect(
            root.configurationProblems() == [
                "ronghe Bad_Name: the name 'Bad_Name' is not lowercase words joined by '-'",
                "ronghe Bad_Name: the abstract is empty",
                "ronghe Bad_Name: AFTER follows a repeating positional",
                "ronghe Bad_Name: the required AFTER follows an optional positional",
                "ronghe Bad_Name: --db is declared twice",
                "ronghe Bad_Name: --help is declared twice",
                "ronghe Bad_Name: -q is declared twice",
                "ronghe Bad_Name: the option name 'Verbose' is not lowercase words joined by '-'",
                "ronghe Bad_Name: -h is declared twice",
                "ronghe Bad_Name: --top has no help text",
                "ronghe Bad_Name: --top is required and has a default",
                "ronghe Bad_Name: the default of --by is not one of its allowed values",
                "ronghe: two subcommands are named 'campaign'",
            ])
    }

    @Test func globalOptionsOfNestedGroupsAreChecked() {
        var group = campaignGroup
        group.name = "Campaign"
        group.globalOptions = [.flag("quiet", help: "Clashes with the root's --quiet."), .positional("X", help: "X.")]
        var root = sampleRoot
        root.subcommands = [.group(group)]
        #expect(
            root.configurationProblems() == [
                "ronghe Campaign: the name 'Campaign' is not lowercase words joined by '-'",
                "ronghe Campaign: the global option 'X' is a positional",
                "ronghe Campaign: --quiet is declared twice",
            ])
    }
}
