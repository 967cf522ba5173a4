import Foundation
import RongheKit
import Testing

@testable import RongheCLI

@Suite struct DemoCommandTests {
    @Test func runsTheWholeFlowAndLeavesARankedWorkbook() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ronghe-demo-test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("reports/demo.xlsx").path
        let run = CLITest.run(["demo", "--out", out, "--keep"])
        #expect(run.status == 0, "\(run.error)")

        // Every step is shown as the command a user would type, in order.
        let commands = run.output.split(separator: "\n").filter { $0.hasPrefix("$ ronghe ") }.map { $0.split(separator: " ")[2] }
        #expect(commands == ["campaign", "import", "import", "import", "import", "score", "rank", "show", "export"])
        #expect(run.output.contains("Campaign 德州2026: 6 files (0 imported, 6 already imported); 0 records: 0 accepted, 0 rejected"))
        #expect(run.output.contains("1 accepted (1 superseding earlier submissions)"))
        #expect(run.output.contains("Wrote \(out): 56 scored, 54 ranked, 16 recommended"))
        #expect(run.error.contains("surveys/malformed/percent-out-of-bounds.json:answers[\"A2.3\"]: 错误:"))

        // The kept database holds what the workbook shows.
        let keptLine = try #require(run.output.split(separator: "\n").first { $0.hasPrefix("The database is kept: try `ronghe --db ") })
        let database = String(keptLine.dropFirst("The database is kept: try `ronghe --db ".count).prefix { $0 != " " })
        defer { try? FileManager.default.removeItem(at: URL(fileURLWithPath: database).deletingLastPathComponent()) }
        let store = try CampaignStore.open(path: database)
        let (batch, results) = try store.ranking(of: try store.resolveCampaign(nil))
        #expect(batch.enterprises == 56 && results.count == 56)

        let ranking = try XLSXReader(path: out).grid(ofSheet: "排名")
        let header = try #require((1...ranking.rowCount).first { ranking[$0, 2] == .string("统一社会信用代码") })
        #expect(((header + 1)...ranking.rowCount).map { ranking[$0, 2] } == results.map { .string($0.uscc) })
        // The top of the ranking printed is the workbook's.
        let top = try #require(results.first)
        #expect(run.output.contains("   1  \(top.uscc)  \(top.name)"))
    }

    @Test func withoutTheSamplesItSaysWhereToRunIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ronghe-demo-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = CLITest.run(["demo"], in: folder)
        #expect(run.status == 64)
        #expect(run.error.hasPrefix(
            "error: the indicator tree 'indicators/lianghua-default.json' is missing; run the demo from Ronghe's folder, or give --indicators FILE\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}
