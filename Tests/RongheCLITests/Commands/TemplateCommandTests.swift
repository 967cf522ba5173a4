import Foundation
import RongheKit
import Testing

@testable import RongheCLI

/// `ronghe template`, run in a temporary working directory with captured output.
@Suite struct TemplateCommandTests {
    /// The default tree shipped in the repository's `indicators/`.
    static let defaultTree = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("indicators/lianghua-default.json").path

    struct Directory {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("ronghe-template-\(UUID().uuidString)", isDirectory: true)

        init() throws {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }

        func path(_ name: String) -> String { url.appendingPathComponent(name).path }

        func run(_ arguments: [String]) -> Invocation {
            let output = TextBuffer()
            let error = TextBuffer()
            let context = CommandContext(standardOutput: output.sink, standardError: error.sink, workingDirectory: url)
            let status = Ronghe.run(arguments, context: context)
            return Invocation(status: status, output: output.text, error: error.text)
        }

        func remove() { try? FileManager.default.removeItem(at: url) }
    }

    @Test func writesTheForm() throws {
        let directory = try Directory()
        defer { directory.remove() }
        let result = directory.run(["template", "--indicators", Self.defaultTree, "--out", "调查表.xlsx"])
        #expect(result == Invocation(
            status: 0,
            output: "Wrote 调查表.xlsx: survey form (zh) for indicator tree lianghua-default 2026.1, 42 questions and 8 profile fields.\n",
            error: ""))
        let reader = try XLSXReader(path: directory.path("调查表.xlsx"))
        #expect(reader.sheets.map(\.name) == ["填报说明", "问卷", "_lists", "_ronghe"])
        // Nothing else is left behind, such as the temporary file written before the move.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == ["调查表.xlsx"])
    }

    @Test func writesTheEnglishForm() throws {
        let directory = try Directory()
        defer { directory.remove() }
        let result = directory.run(["template", "--indicators", Self.defaultTree, "-o", "form.xlsx", "--lang", "en"])
        #expect(result.status == 0)
        #expect(result.output == "Wrote form.xlsx: survey form (en) for indicator tree lianghua-default 2026.1, 42 questions and 8 profile fields.\n")
        #expect(try XLSXReader(path: directory.path("form.xlsx")).sheets.map(\.name) == ["Instructions", "Survey", "_lists", "_ronghe"])
    }

    @Test func refusesToOverwriteWithoutForce() throws {
        let directory = try Directory()
        defer { directory.remove() }
        try Data("last year's form".utf8).write(to: URL(fileURLWithPath: directory.path("form.xlsx")))
        let result = directory.run(["template", "--indicators", Self.defaultTree, "--out", "form.xlsx"])
        #expect(result == Invocation(status: 1, output: "", error: "error: form.xlsx already exists; add --force to replace it\n"))
        #expect(try String(contentsOfFile: directory.path("form.xlsx"), encoding: .utf8) == "last year's form")

        let forced = directory.run(["template", "--indicators", Self.defaultTree, "--out", "form.xlsx", "--force"])
        #expect(forced.status == 0)
        #expect(try XLSXReader(path: directory.path("form.xlsx")).sheets.count == 4)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == ["form.xlsx"])
    }

    @Test(arguments: [
        (["template", "--out", "form.xlsx"], "error: give the indicator tree with `--indicators FILE`, or a campaign's database with `--db PATH`"),
        (["template", "--indicators", "tree.json", "--campaign", "德州2026", "--out", "form.xlsx"],
         "error: give `--indicators FILE` or `--campaign NAME`, not both"),
        (["template", "--indicators", "tree.json", "--out", "form.xls"], "error: `--out` must name an .xlsx file, got 'form.xls'"),
        (["template", "--indicators", "tree.json"], "error: missing option `--out FILE`"),
    ])
    func usageErrors(arguments: [String], message: String) throws {
        let directory = try Directory()
        defer { directory.remove() }
        let result = directory.run(arguments)
        #expect(result.status == 64)
        #expect(result.output == "")
        #expect(result.error.hasPrefix(message + "\n"), "\(result.error)")
    }

    @Test func aCampaignsCurrentTreeGivesTheFormOfItsFile() throws {
        let workspace = try Workspace()
        workspace.createCampaign()
        let stored = workspace.run(["template", "--campaign", "德州2026", "--out", "stored.xlsx"])
        #expect(stored.status == 0, "\(stored)")
        #expect(stored.output.hasPrefix("Wrote stored.xlsx: survey form (zh) for indicator tree lianghua-default 2026.1,"))
        #expect(workspace.run(["template", "--indicators", "tree.json", "--out", "file.xlsx"]).status == 0)
        let form = { (name: String) in try XLSXReader(path: workspace.url.appendingPathComponent(name).path).grid(ofSheet: "问卷") }
        #expect(try form("stored.xlsx") == form("file.xlsx"))
        let unknown = workspace.run(["template", "--campaign", "济南2026", "--out", "x.xlsx"])
        #expect(unknown.status == 64)
        #expect(unknown.error.hasPrefix("error: no campaign named '济南2026'; the campaigns are: 德州2026\n"))
    }

    @Test func aLanguageItDoesNotKnowIsAUsageError() throws {
        let directory = try Directory()
        defer { directory.remove() }
        let result = directory.run(["template", "--indicators", Self.defaultTree, "--out", "form.xlsx", "--lang", "fr"])
        #expect(result.status == 64)
        #expect(result.error.contains("'fr'"))
        #expect(!FileManager.default.fileExists(atPath: directory.path("form.xlsx")))
    }

    @Test func aBrokenTreeFileFailsWithItsDiagnostics() throws {
        let directory = try Directory()
        defer { directory.remove() }
        try Data(#"{"format": 1, "id": "x"#.utf8).write(to: URL(fileURLWithPath: directory.path("tree.json")))
        let result = directory.run(["template", "--indicators", "tree.json", "--out", "form.xlsx"])
        #expect(result == Invocation(status: 1, output: "", error: "tree.json:1:23: error: the document ends inside a string\n"))
        #expect(!FileManager.default.fileExists(atPath: directory.path("form.xlsx")))
    }
}
