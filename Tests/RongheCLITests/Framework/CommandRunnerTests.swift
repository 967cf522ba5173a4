import Foundation
import Testing

@testable import RongheCLI

/// Exit codes and error reports of whole runs: success, failures of every kind, usage errors.
@Suite struct CommandRunnerTests {
    static let failUsage = """
        USAGE: ronghe fail --mode MODE
        See 'ronghe fail --help'.

        """

    @Test func successIsZeroWithNothingOnStandardError() {
        let result = invoke(["campaign", "list"])
        #expect(result == Invocation(status: 0, output: "campaign list\n", error: ""))
    }

    @Test func aCompilerStyleErrorIsPrintedAsItIs() {
        let result = invoke(["fail", "--mode", "compiler"])
        let error = #"surveys/acme.xlsx:问卷!C7: error: expected a number for B1.1, found "n/a""# + "\n"
        #expect(result == Invocation(status: 1, output: "partial output\n", error: error))
    }

    @Test func onlyTheFirstLineDecidesWhetherAMessageIsCompilerStyle() {
        let result = invoke(["fail", "--mode", "list"])
        let error = "error: 2 files rejected:\nsurveys/a.csv:3: error: missing USCC\nsurveys/b.csv:9: error: duplicate USCC\n"
        #expect(result == Invocation(status: 1, output: "partial output\n", error: error))
    }

    @Test func anyOtherErrorGetsAnErrorPrefix() {
        let result = invoke(["fail", "--mode=plain"])
        #expect(result == Invocation(status: 1, output: "partial output\n", error: "error: database is locked\n"))
    }

    @Test func aLocalizedErrorPrintsItsDescription() {
        let result = invoke(["fail", "--mode", "localized"])
        #expect(result.status == 1)
        #expect(result.error == "error: the survey server did not answer\n")
    }

    @Test func foundationErrorsNameTheirFileInsteadOfPrintingTheirDomain() {
        let result = invoke(["fail", "--mode", "cocoa"])
        #expect(result.status == 1)
        #expect(result.error.hasPrefix("error: /data/missing.json: "))
        #expect(!result.error.contains("Domain"))
        #expect(!result.error.contains("could not be completed"))
        #expect(result.error.hasSuffix("\n"))
    }

    @Test func anExitCodeEndsTheRunQuietly() {
        #expect(invoke(["fail", "--mode", "exit"]) == Invocation(status: 3, output: "partial output\n", error: ""))
    }

    @Test func aValidationErrorFromRunIsAUsageError() {
        let result = invoke(["fail", "--mode", "usage"])
        let error = "error: no campaign named '2027'\n" + Self.failUsage
        #expect(result == Invocation(status: 64, output: "partial output\n", error: error))
    }

    @Test func aBadEnumValueFromTheAccessorIsAUsageError() {
        let result = invoke(["fail", "--mode", "bogus"])
        let error = "error: `--mode` expects one of compiler|list|plain|localized|cocoa|exit|usage, got 'bogus'\n" + Self.failUsage
        #expect(result == Invocation(status: 64, output: "", error: error))
    }

    @Test func aMissingRequiredOptionIsAUsageError() {
        let result = invoke(["fail"])
        #expect(result == Invocation(status: 64, output: "", error: "error: missing option `--mode MODE`\n" + Self.failUsage))
    }

    @Test func exitCodeValues() {
        #expect(ExitCode.success.rawValue == 0)
        #expect(ExitCode.failure.rawValue == 1)
        #expect(ExitCode.validationFailure.rawValue == 64)
    }

    @Test func describingErrors() {
        struct Plain: Error {}
        #expect(CommandRunner.describe(Plain()) == "Plain()")
        #expect(CommandRunner.describe(FailCommand.OnlyLocalized()) == "the survey server did not answer")
        #expect(CommandRunner.describe(FailCommand.LibraryError(description: "x: error: y")) == "x: error: y")
        let nsError = NSError(domain: "test", code: 1, userInfo: [NSLocalizedDescriptionKey: "custom"])
        #expect(CommandRunner.describe(nsError) == "custom")
    }
}
