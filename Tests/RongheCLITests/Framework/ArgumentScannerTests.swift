import Testing

@testable import RongheCLI

/// The scanner through whole command lines of the sample tree: every form of option, globals in
/// every position, `--`, and every usage error with its exact text.
@Suite struct ArgumentScannerTests {
    static let defaults = "top=10 min=- profiles=[] out=- json=false quiet=false db=/work/site/ronghe.sqlite"

    @Test(arguments: [
        ([], "rank by=- \(defaults)"),
        (["--top", "5"], "rank by=- top=5 min=- profiles=[] out=- json=false quiet=false db=/work/site/ronghe.sqlite"),
        (["--top=5"], "rank by=- top=5 min=- profiles=[] out=- json=false quiet=false db=/work/site/ronghe.sqlite"),
        (["--by", "district"], "rank by=district \(defaults)"),
        (["--by=size"], "rank by=size \(defaults)"),
        (["-o", "r.xlsx"], "rank by=- top=10 min=- profiles=[] out=r.xlsx json=false quiet=false db=/work/site/ronghe.sqlite"),
        (["-o=r.xlsx"], "rank by=- top=10 min=- profiles=[] out=r.xlsx json=false quiet=false db=/work/site/ronghe.sqlite"),
        (["--out=a=b"], "rank by=- top=10 min=- profiles=[] out=a=b json=false quiet=false db=/work/site/ronghe.sqlite"),
        (["--out", "-"], "rank by=- top=10 min=- profiles=[] out=- json=false quiet=false db=/work/site/ronghe.sqlite"),
        (["--json"], "rank by=- top=10 min=- profiles=[] out=- json=true quiet=false db=/work/site/ronghe.sqlite"),
        (["--json", "--json"], "rank by=- top=10 min=- profiles=[] out=- json=true quiet=false db=/work/site/ronghe.sqlite"),
        (["--min", "-5"], "rank by=- top=10 min=-5.0 profiles=[] out=- json=false quiet=false db=/work/site/ronghe.sqlite"),
        (["--min", "-.5"], "rank by=- top=10 min=-0.5 profiles=[] out=- json=false quiet=false db=/work/site/ronghe.sqlite"),
        (["--min=-2.25"], "rank by=- top=10 min=-2.25 profiles=[] out=- json=false quiet=false db=/work/site/ronghe.sqlite"),
        (["--min", "60.5", "--top", "3"], "rank by=- top=3 min=60.5 profiles=[] out=- json=false quiet=false db=/work/site/ronghe.sqlite"),
        (["--profile", "a", "--profile=b", "--profile", "数字化"],
         #"rank by=- top=10 min=- profiles=["a", "b", "数字化"] out=- json=false quiet=false db=/work/site/ronghe.sqlite"#),
    ])
    func rankOptions(_ arguments: [String], _ expected: String) {
        let result = invoke(["rank"] + arguments)
        #expect(result == Invocation(status: 0, output: expected + "\n", error: ""))
    }

    @Test(arguments: [
        (["--db", "other.sqlite", "rank"], "quiet=false db=/work/site/other.sqlite"),
        (["rank", "--db", "other.sqlite"], "quiet=false db=/work/site/other.sqlite"),
        (["rank", "--db=/var/lib/ronghe/city.sqlite"], "quiet=false db=/var/lib/ronghe/city.sqlite"),
        (["--db", "../up.sqlite", "rank"], "quiet=false db=/work/up.sqlite"),
        (["-q", "rank"], "quiet=true db=/work/site/ronghe.sqlite"),
        (["rank", "--quiet"], "quiet=true db=/work/site/ronghe.sqlite"),
        (["--quiet", "--db", "x.sqlite", "rank", "-q"], "quiet=true db=/work/site/x.sqlite"),
    ])
    func globalOptionsBeforeOrAfterTheCommand(_ arguments: [String], _ expected: String) {
        let output = "rank by=- top=10 min=- profiles=[] out=- json=false \(expected)\n"
        #expect(invoke(arguments) == Invocation(status: 0, output: output, error: ""))
    }

    @Test(arguments: [
        (["campaign", "new", "2026", "--indicators", "t.json"],
         "campaign new name=2026 title=- indicators=t.json replace=false dry-run=false"),
        (["campaign", "new", "--indicators=t.json", "2026", "两化融合 2026", "--replace"],
         "campaign new name=2026 title=两化融合 2026 indicators=t.json replace=true dry-run=false"),
        (["campaign", "--dry-run", "new", "2026", "--indicators", "t.json"],
         "campaign new name=2026 title=- indicators=t.json replace=false dry-run=true"),
        (["campaign", "new", "2026", "--dry-run", "--indicators", "t.json"],
         "campaign new name=2026 title=- indicators=t.json replace=false dry-run=true"),
        (["--db", "x", "campaign", "-q", "new", "-5", "--indicators", "-"],
         "campaign new name=-5 title=- indicators=- replace=false dry-run=false"),
        (["campaign", "list"], "campaign list"),
    ])
    func nestedGroups(_ arguments: [String], _ expected: String) {
        #expect(invoke(arguments) == Invocation(status: 0, output: expected + "\n", error: ""))
    }

    @Test(arguments: [
        (["a.json", "b.csv"], #"import files=["a.json", "b.csv"] campaign=-"#),
        (["a.json", "--campaign", "2026", "b.csv"], #"import files=["a.json", "b.csv"] campaign=2026"#),
        (["-", "-5"], #"import files=["-", "-5"] campaign=-"#),
        (["--", "--weird.json", "-x"], #"import files=["--weird.json", "-x"] campaign=-"#),
        (["a.json", "--", "--campaign", "2026"], #"import files=["a.json", "--campaign", "2026"] campaign=-"#),
        (["--", "--help", "--version"], #"import files=["--help", "--version"] campaign=-"#),
        (["a.json", "--", "--"], #"import files=["a.json", "--"] campaign=-"#),
    ])
    func positionalsAndDoubleDash(_ arguments: [String], _ expected: String) {
        #expect(invoke(["import"] + arguments) == Invocation(status: 0, output: expected + "\n", error: ""))
    }

    @Test(arguments: [
        (["--tpo", "5"], "unknown option '--tpo'; did you mean `--top`?"),
        (["--jsn"], "unknown option '--jsn'; did you mean `--json`?"),
        (["-top", "5"], "unknown option '-top'; did you mean `--top`?"),
        (["--prof", "a"], "unknown option '--prof'; did you mean `--profile`?"),
        (["--dbb", "x"], "unknown option '--dbb'; did you mean `--db`?"),
        (["--verbose"], "unknown option '--verbose'"),
        (["-x"], "unknown option '-x'"),
        (["-ox.xlsx"], "unknown option '-ox.xlsx'"),
        (["--dry-run"], "unknown option '--dry-run'"),
        (["--top"], "missing value for `--top N`"),
        (["--out", "--json"], "missing value for `--out FILE`"),
        (["-o", "-q"], "missing value for `--out FILE`"),
        (["--by", "--", "size"], "missing value for `--by district|industry|size`"),
        (["--db"], "missing value for `--db PATH`"),
        (["--top", "ten"], "`--top` expects an integer, got 'ten'"),
        (["--top=1.5"], "`--top` expects an integer, got '1.5'"),
        (["--top", "0"], "`--top` expects an integer from 1 to 1000, got '0'"),
        (["--top", "1001"], "`--top` expects an integer from 1 to 1000, got '1001'"),
        (["--min", "abc"], "`--min` expects a number, got 'abc'"),
        (["--min", "nan"], "`--min` expects a number, got 'nan'"),
        (["--by", "town"], "`--by` expects one of district|industry|size, got 'town'"),
        (["--by="], "missing value for `--by district|industry|size`"),
        (["--out="], "missing value for `--out FILE`"),
        (["--out", ""], "missing value for `--out FILE`"),
        (["--json=yes"], "`--json` takes no value, got 'yes'"),
        (["--quiet=no"], "`--quiet` takes no value, got 'no'"),
        (["--top", "1", "--top=2"], "`--top` may be given only once"),
        (["-o", "a", "--out", "b"], "`--out` may be given only once"),
        (["--db", "a", "--db", "b"], "`--db` may be given only once"),
        (["extra"], "unexpected argument 'extra'"),
        (["--", "--top"], "unexpected argument '--top'"),
        (["--json", "-o", "r.xlsx"], "`--json` and `--out` cannot be used together"),
    ])
    func rankUsageErrors(_ arguments: [String], _ message: String) {
        #expect(invoke(["rank"] + arguments) == Invocation(status: 64, output: "", error: rankUsageError(message)))
    }

    @Test func aGlobalOptionGivenBeforeAndAfterTheCommandIsGivenTwice() {
        let result = invoke(["--db", "a", "rank", "--db", "b"])
        #expect(result == Invocation(status: 64, output: "", error: rankUsageError("`--db` may be given only once")))
    }

    @Test(arguments: [
        (["campaign", "new", "--indicators", "t.json"], "missing argument `NAME`"),
        (["campaign", "new", "2026"], "missing option `--indicators FILE`"),
        (["campaign", "new", "2026", "title", "more", "--indicators", "t.json"], "unexpected argument 'more'"),
        (["campaign", "new", "2026", "--replace=1", "--indicators", "t.json"], "`--replace` takes no value, got '1'"),
    ])
    func campaignNewUsageErrors(_ arguments: [String], _ message: String) {
        let expected = """
            error: \(message)
            USAGE: ronghe campaign new NAME [TITLE] --indicators FILE [--replace]
            See 'ronghe campaign new --help'.

            """
        #expect(invoke(arguments) == Invocation(status: 64, output: "", error: expected))
    }

    @Test func aRepeatingRequiredPositionalNeedsOneWord() {
        let expected = """
            error: missing argument `FILE`
            USAGE: ronghe import FILE ... [--campaign NAME]
            See 'ronghe import --help'.

            """
        #expect(invoke(["import", "--campaign", "2026"]) == Invocation(status: 64, output: "", error: expected))
    }

    @Test(arguments: [
        (["nonsense"], "unknown command 'nonsense'"),
        (["rnak"], "unknown command 'rnak'; did you mean `rank`?"),
        (["hepl"], "unknown command 'hepl'; did you mean `help`?"),
        (["--dry-run", "campaign", "list"], "unknown option '--dry-run'"),
        (["--qiuet", "rank"], "unknown option '--qiuet'; did you mean `--quiet`?"),
        (["--db"], "missing value for `--db PATH`"),
        (["--db", "x.sqlite"], "missing command"),
        (["--", "rank"], "unknown command '--'"),
    ])
    func rootUsageErrors(_ arguments: [String], _ message: String) {
        let expected = """
            error: \(message)
            USAGE: ronghe <command>
            See 'ronghe --help'.

            """
        #expect(invoke(arguments) == Invocation(status: 64, output: "", error: expected))
    }

    @Test func anUnknownSubcommandOfANestedGroupIsReportedAgainstTheGroup() {
        let expected = """
            error: unknown command 'nwe'; did you mean `new`?
            USAGE: ronghe campaign <command>
            See 'ronghe campaign --help'.

            """
        #expect(invoke(["campaign", "nwe", "2026"]) == Invocation(status: 64, output: "", error: expected))
    }

    @Test(arguments: ["-5", "-0.25", "-.5", "-12e3"])
    func negativeNumbersAreValues(_ word: String) {
        #expect(ArgumentScanner.isNegativeNumber(word))
        #expect(!ArgumentScanner.isOption(word))
    }

    @Test(arguments: ["-", "--", "-x", "--x", "-inf", "-nan", "-5x", "-e5"])
    func otherDashWordsAreNotNegativeNumbers(_ word: String) {
        #expect(!ArgumentScanner.isNegativeNumber(word))
    }
}
