import Foundation
import RongheKit
import Testing

@testable import RongheCLI

@Suite struct GenerateCommandTests {
    /// A scratch working directory holding a copy of the default tree where the command looks
    /// for it.
    final class Workspace {
        let url: URL

        init(withDefaultTree: Bool = true) throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("ronghe-generate-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: url.appendingPathComponent("indicators"), withIntermediateDirectories: true)
            if withDefaultTree {
                try FileManager.default.copyItem(
                    at: CLITest.repository.appendingPathComponent("indicators/lianghua-default.json"),
                    to: url.appendingPathComponent("indicators/lianghua-default.json"))
            }
        }

        deinit { try? FileManager.default.removeItem(at: url) }

        func run(_ arguments: [String]) -> Invocation { CLITest.run(["generate"] + arguments, in: url) }
        func data(_ name: String) throws -> Data { try Data(contentsOf: url.appendingPathComponent(name)) }
        func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: url.appendingPathComponent(name).path) }
    }

    @Test func writesEachFormatAndSaysWhat() throws {
        let workspace = try Workspace()
        let csv = workspace.run(["--count", "40", "--seed", "7", "--out", "a.csv"])
        #expect(csv == Invocation(status: 0, output: """
            wrote 40 enterprises to a.csv (CSV, UTF-8 with a byte order mark; tree lianghua-default 2026.1, seed 7, Dezhou 2026)

            """, error: ""))
        let gbk = workspace.run(["--count", "40", "--seed", "7", "--out", "g.csv", "--encoding", "gb18030", "--title", "汇总表"])
        #expect(gbk.output.hasPrefix("wrote 40 enterprises to g.csv (CSV, GB18030;"))
        let xlsx = workspace.run(["--count", "40", "--seed", "7", "--out", "a.xlsx", "--region", "wuhai", "--year", "2025"])
        #expect(xlsx.output == "wrote 40 enterprises to a.xlsx (XLSX batch sheet; tree lianghua-default 2026.1, seed 7, Wuhai 2025)\n")
        let array = workspace.run(["--count", "40", "--seed", "7", "--out", "a.json"])
        #expect(array.output.hasPrefix("wrote 40 enterprises to a.json (JSON array;"))
        let one = workspace.run(["--count", "1", "--seed", "7", "--out", "one.json"])
        #expect(one.output.hasPrefix("wrote 1 enterprise to one.json (JSON, one enterprise;"))
        #expect(try workspace.data("one.json").first == UInt8(ascii: "{"))
        #expect(try workspace.data("a.json").first == UInt8(ascii: "["))
        #expect(Array(try workspace.data("a.csv").prefix(3)) == [0xEF, 0xBB, 0xBF])

        // The same enterprises whatever the format; every record is accepted.
        let tree = try IndicatorTree.load(contentsOf: workspace.url.appendingPathComponent("indicators/lianghua-default.json"))
        var codes: [String: [String]] = [:]
        for name in ["a.csv", "g.csv", "a.json"] {
            var accepted: [String] = []
            _ = try SurveyIntake(tree: tree, currentYear: 2026).process(workspace.url.appendingPathComponent(name), file: name) { _, validation in
                #expect(validation.errors.isEmpty, "\(name): \(validation.issues.map { $0.formatted() })")
                if let response = validation.response { accepted.append(response.profile.uscc) }
            }
            codes[name] = accepted
        }
        #expect(codes["a.csv"]?.count == 40)
        #expect(codes["a.csv"] == codes["g.csv"] && codes["a.csv"] == codes["a.json"])
        var wuhai: [EnterpriseProfile] = []
        _ = try SurveyIntake(tree: tree, currentYear: 2026).process(workspace.url.appendingPathComponent("a.xlsx"), file: "a.xlsx") { _, validation in
            if let response = validation.response { wuhai.append(response.profile) }
        }
        #expect(wuhai.count == 40 && wuhai.allSatisfy { $0.district.hasPrefix("1503") && $0.year == 2025 })
    }

    @Test func theSameSeedWritesTheSameBytes() throws {
        let workspace = try Workspace()
        for name in ["1.csv", "2.csv", "1.xlsx", "2.xlsx", "1.json", "2.json"] {
            _ = workspace.run(["--count", "100", "--seed", "3", "--out", name])
        }
        _ = workspace.run(["--count", "100", "--seed", "4", "--out", "3.csv"])
        #expect(try workspace.data("1.csv") == workspace.data("2.csv"))
        #expect(try workspace.data("1.json") == workspace.data("2.json"))
        // Workbooks are stamped with 1 January of the survey year, not the time of writing.
        #expect(try workspace.data("1.xlsx") == workspace.data("2.xlsx"))
        #expect(try workspace.data("1.csv") != workspace.data("3.csv"))
    }

    @Test func refusesToOverwriteWithoutForce() throws {
        let workspace = try Workspace()
        try Data("keep me".utf8).write(to: workspace.url.appendingPathComponent("a.csv"))
        let refused = workspace.run(["--count", "5", "--seed", "1", "--out", "a.csv"])
        #expect(refused == Invocation(status: 1, output: "", error: "error: a.csv already exists; pass --force to overwrite it\n"))
        #expect(try workspace.data("a.csv") == Data("keep me".utf8))
        let forced = workspace.run(["--count", "5", "--seed", "1", "--out", "a.csv", "--force"])
        #expect(forced.status == 0)
        #expect(try workspace.data("a.csv") != Data("keep me".utf8))
        // No partial file is left behind.
        let names = try FileManager.default.contentsOfDirectory(atPath: workspace.url.path).sorted()
        #expect(names == ["a.csv", "indicators"])
    }

    @Test func anotherTreeByOption() throws {
        let workspace = try Workspace(withDefaultTree: false)
        let missing = workspace.run(["--count", "5", "--seed", "1", "--out", "a.csv"])
        #expect(missing.status == 64)
        #expect(missing.error.hasPrefix("error: no indicators/lianghua-default.json in the working directory; name the tree with `--indicators FILE`\n"))
        let ahp = CLITest.repository.appendingPathComponent("indicators/ahp-example.json").path
        let run = workspace.run(["--count", "5", "--seed", "1", "--out", "a.csv", "--indicators", ahp])
        #expect(run.status == 0)
        #expect(run.output == "wrote 5 enterprises to a.csv (CSV, UTF-8 with a byte order mark; tree sme-digital-quickscan 2026.1, seed 1, Dezhou 2026)\n")
        #expect(!workspace.exists("missing.csv"))
    }

    @Test(arguments: [
        (["--count", "5", "--seed", "1", "--out", "a.txt"], "error: `--out` must name a .csv, .xlsx or .json file, got 'a.txt'"),
        (["--count", "5", "--seed", "1", "--out", "a.xlsx", "--encoding", "gb18030"], "error: `--encoding` applies to CSV files only"),
        (["--count", "5", "--seed", "1", "--out", "a.json", "--title", "表"], "error: `--title` applies to CSV and XLSX files only"),
        (["--count", "0", "--seed", "1", "--out", "a.csv"], "error: `--count` expects an integer from 1 to 1000000, got '0'"),
        (["--count", "5", "--seed", "-1", "--out", "a.csv"], "error: `--seed` expects an integer of at least 0, got '-1'"),
        (["--count", "5", "--out", "a.csv"], "error: missing option `--seed S`"),
    ])
    func usageErrors(arguments: [String], message: String) throws {
        let workspace = try Workspace()
        let run = workspace.run(arguments)
        #expect(run.status == 64)
        #expect(run.error.hasPrefix(message + "\n"), "\(run.error)")
        #expect(!workspace.exists("a.csv") && !workspace.exists("a.xlsx") && !workspace.exists("a.json"))
    }

    @Test func aMissingFolderIsAFailureNotAUsageError() throws {
        let workspace = try Workspace()
        let run = workspace.run(["--count", "5", "--seed", "1", "--out", "no/such/a.csv"])
        #expect(run == Invocation(status: 1, output: "", error: "error: cannot write no/such/a.csv: its folder does not exist\n"))
    }
}
