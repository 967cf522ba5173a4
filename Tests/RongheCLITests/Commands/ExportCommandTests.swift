import Foundation
import RongheKit
import Testing

@testable import RongheCLI

@Suite struct ExportCommandTests {
    static let tree = CLITest.repository.appendingPathComponent("indicators/lianghua-default.json").path
    static let surveys = CLITest.repository.appendingPathComponent("surveys/json").path

    /// A scratch working directory; call `remove()` in a `defer`.
    struct Scratch {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ronghe-export-\(UUID().uuidString)")
        init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
        func path(_ name: String) -> String { url.appendingPathComponent(name).path }
        func remove() { try? FileManager.default.removeItem(at: url) }

        /// Runs `ronghe` here, with `environment`.
        func run(_ arguments: [String], environment: [String: String] = [:]) -> Invocation {
            let output = TextBuffer()
            let error = TextBuffer()
            let context = CommandContext(
                standardOutput: output.sink, standardError: error.sink, workingDirectory: url, environment: environment)
            let status = Ronghe.run(arguments, context: context)
            return Invocation(status: status, output: output.text, error: error.text)
        }
    }

    @Test func exportsTheSamplesIntoANewReportsDirectory() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let run = scratch.run(["export", "--indicators", Self.tree, Self.surveys, "--out", "reports/demo.xlsx", "--runs", "100"])
        #expect(run.status == 0, "\(run)")
        #expect(run.output == "Wrote reports/demo.xlsx: 6 scored, 5 ranked, 1 recommended, 1 close call in 100 runs (seed 1); 0 rejected\n")
        #expect(run.error == "")
        let reader = try XLSXReader(path: scratch.path("reports/demo.xlsx"))
        #expect(reader.sheets.map(\.name) == ["总览", "排名", "推荐名单", "分组", "企业画像", "指标体系", "数据质量"])
        // No temporary file is left beside the report.
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path("reports")) == ["demo.xlsx"])
    }

    @Test func sameFilesAndTimeGiveTheSameBytesAndTheReportIsReplaced() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let arguments = ["export", "--indicators", Self.tree, Self.surveys, "--out", "out.xlsx", "--runs", "50", "--lang", "en"]
        let environment = ["SOURCE_DATE_EPOCH": "1779240600"]
        #expect(scratch.run(arguments, environment: environment).status == 0)
        let first = try Data(contentsOf: URL(fileURLWithPath: scratch.path("out.xlsx")))
        #expect(scratch.run(arguments, environment: environment).status == 0)
        let second = try Data(contentsOf: URL(fileURLWithPath: scratch.path("out.xlsx")))
        #expect(first == second)
        let summary = try XLSXReader(path: scratch.path("out.xlsx")).grid(ofSheet: "Summary")
        let row = try #require((1...summary.rowCount).first { summary[$0, 1] == .string("Scored at") })
        #expect(summary[row, 2] == .string("2026-05-20 09:30 (UTC+8)"))
    }

    @Test func namedProfilesDistrictNamesAndCampaign() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try Data(#"{"371403": "陵城区"}"#.utf8).write(to: scratch.url.appendingPathComponent("districts.json"))
        let run = scratch.run([
            "export", "--indicators", Self.tree, Self.surveys, "--out", "r.xlsx", "--runs", "0",
            "--profiles", "92371400ma3q8y7n1e", "--districts", "districts.json", "--campaign", "德州市2026年评估",
        ])
        #expect(run.status == 0, "\(run)")
        #expect(run.output == "Wrote r.xlsx: 6 scored, 5 ranked, 1 recommended; 0 rejected\n")
        let reader = try XLSXReader(path: scratch.path("r.xlsx"))
        let profiles = try reader.grid(ofSheet: "企业画像")
        #expect(profiles[1, 1] == .string("德州市2026年评估：企业画像"))
        #expect((1...profiles.rowCount).contains { profiles[$0, 1] == .string("2. 德州市陵城区鑫达纺织厂") })
        let ranking = try reader.grid(ofSheet: "排名")
        #expect((1...ranking.rowCount).contains { ranking[$0, 4] == .string("371403 陵城区") })
    }

    @Test func rejectedRecordsAreReportedButDoNotFailTheExport() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let sample = CLITest.repository.appendingPathComponent("surveys/json/91371402MA3C5LXK2W.json")
        let text = try String(contentsOf: sample, encoding: .utf8).replacingOccurrences(of: "91371402MA3C5LXK2W", with: "91371402MA3C5LXK2X")
        try Data(text.utf8).write(to: scratch.url.appendingPathComponent("bad.json"))
        let run = scratch.run(["export", "--indicators", Self.tree, "bad.json", Self.surveys, "--out", "r.xlsx", "--runs", "0"])
        #expect(run.status == 0, "\(run)")
        #expect(run.error == "warning: 1 of 7 records rejected; they are listed on the 数据质量 sheet\n")
        #expect(run.output == "Wrote r.xlsx: 6 scored, 5 ranked, 1 recommended; 1 rejected\n")
    }

    @Test func aBatchWithNothingAcceptedStillGivesAWorkbook() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try Data("{".utf8).write(to: scratch.url.appendingPathComponent("broken.json"))
        let run = scratch.run(["export", "--indicators", Self.tree, "broken.json", "--out", "empty.xlsx", "--runs", "10"])
        #expect(run.status == 0, "\(run)")
        #expect(run.output == "Wrote empty.xlsx: 0 scored, 0 ranked, 0 recommended, 0 close calls in 10 runs (seed 1); 1 rejected\n")
        let quality = try XLSXReader(path: scratch.path("empty.xlsx")).grid(ofSheet: "数据质量")
        let row = try #require((1...quality.rowCount).first { quality[$0, 1] == .string("broken.json") })
        #expect(quality[row, 2] == .string("1"))
        #expect(quality[row, 5] == .string("JSON格式有误（第1行第2列）：the document ends inside an object；文件可能不完整，请重新保存后发送"))
    }

    @Test func aResubmissionInALaterFileSupersedes() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let sample = CLITest.repository.appendingPathComponent("surveys/json/91371402MA3C5LXK2W.json").path
        let run = scratch.run(["export", "--indicators", Self.tree, Self.surveys, sample, "--out", "r.xlsx", "--runs", "0"])
        #expect(run.status == 0, "\(run)")
        #expect(run.error == "note: \(Self.surveys)/91371402MA3C5LXK2W.json:$ (91371402MA3C5LXK2W) is superseded by \(sample):$\n")
        #expect(run.output.hasPrefix("Wrote r.xlsx: 6 scored"))
    }

    @Test func usageErrors() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let notXLSX = scratch.run(["export", "--indicators", Self.tree, Self.surveys, "--out", "report.pdf"])
        #expect(notXLSX.status == 64)
        #expect(notXLSX.error.hasPrefix("error: `--out` must name an .xlsx file, got 'report.pdf'\n"))

        let runs = scratch.run(["export", "--indicators", Self.tree, Self.surveys, "--out", "r.xlsx", "--runs", "-1"])
        #expect(runs.status == 64)
        #expect(runs.error.hasPrefix("error: `--runs` expects an integer from 0 to 100000, got '-1'\n"))

        let unknown = scratch.run(["export", "--indicators", Self.tree, Self.surveys, "--out", "r.xlsx", "--runs", "0", "--profiles", "91110000000000000X"])
        #expect(unknown.status == 1)
        #expect(unknown.error == "error: no enterprise with credit code 91110000000000000X is in the scored batch, so it cannot be profiled\n")
        #expect(!FileManager.default.fileExists(atPath: scratch.path("r.xlsx")))
    }

    @Test func theOutputCannotOverwriteASurvey() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let source = CLITest.repository.appendingPathComponent("surveys/json/91371402MA3C5LXK2W.json")
        try FileManager.default.copyItem(at: source, to: scratch.url.appendingPathComponent("a.json"))
        // A file given as a survey and as the output (its content does not matter: the command
        // refuses before reading it).
        try FileManager.default.copyItem(
            at: scratch.url.appendingPathComponent("a.json"), to: scratch.url.appendingPathComponent("batch.xlsx"))
        let run = scratch.run(["export", "--indicators", Self.tree, "a.json", "batch.xlsx", "--out", "batch.xlsx"])
        #expect(run.status == 64)
        #expect(run.error.hasPrefix("error: `--out` names one of the survey files, 'batch.xlsx'; choose another file\n"))
    }
}
