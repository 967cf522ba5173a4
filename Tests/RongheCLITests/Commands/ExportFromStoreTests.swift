import Foundation
import Testing

@testable import RongheCLI
@testable import RongheKit

/// `ronghe export` without survey files: the workbook of a stored batch.
@Suite struct ExportFromStoreTests {
    /// The 排名 sheet's data rows: rank, credit code and total as the workbook holds them.
    static func ranking(_ path: String) throws -> [[CellValue]] {
        let grid = try XLSXReader(path: path).grid(ofSheet: "排名")
        let header = try #require((1...grid.rowCount).first { grid[$0, 2] == .string("统一社会信用代码") })
        let totalColumn = try #require((1...grid.columnCount).first { grid[header, $0] == .string("总分") })
        return ((header + 1)...grid.rowCount).map { [grid[$0, 1], grid[$0, 2], grid[$0, totalColumn]] }
    }

    @Test func theLatestBatchGivesTheWorkbookOfTheSameFilesScoredDirectly() throws {
        let workspace = try StoreCommandsTests.scoredWorkspace()
        let stored = workspace.run(["export", "--out", "reports/stored.xlsx", "--runs", "0"])
        #expect(stored == Invocation(status: 0, output: "Wrote reports/stored.xlsx: 6 scored, 5 ranked, 1 recommended; 0 rejected\n", error: ""))
        let direct = workspace.run(["export", "--indicators", "tree.json", "surveys", "--out", "direct.xlsx", "--runs", "0"])
        #expect(direct.status == 0, "\(direct)")

        let rows = try Self.ranking(workspace.url.appendingPathComponent("reports/stored.xlsx").path)
        #expect(rows.count == 6)
        #expect(rows == (try Self.ranking(workspace.url.appendingPathComponent("direct.xlsx").path)))
        // The totals are the stored ones, in the order `ronghe rank` lists them.
        let store = try CampaignStore.open(path: workspace.databasePath)
        let results = try store.results(batch: 1)
        #expect(rows.map { $0[1] } == results.map { .string($0.uscc) })
        for (row, result) in zip(rows, results) {
            guard case .number(let total) = row[2] else { Issue.record("total is \(row[2])"); continue }
            #expect(abs(total - result.total) < 1e-9)
        }

        let summary = try XLSXReader(path: workspace.url.appendingPathComponent("reports/stored.xlsx").path).grid(ofSheet: "总览")
        let batchRow = try #require((1...summary.rowCount).first { summary[$0, 1] == .string("评分批次") })
        #expect(summary[batchRow, 2] == .string("1"))
    }

    @Test func anEarlierBatchCanBeWrittenAndRejectionsAreListedWithTheirPlace() throws {
        let workspace = try StoreCommandsTests.scoredWorkspace()
        let changed = try workspace.sample("91371402MA3C5LXK2W", replacing: "\"B2.2\": 55", with: "\"B2.2\": 150")
        try workspace.write(changed, as: "later/bad.json")
        #expect(workspace.run(["import", "later"]).status == 1)
        let resubmission = CLITest.repository.appendingPathComponent("surveys/resubmissions/91371402MA3C5LXK2W-resubmission.json")
        try workspace.write(try Data(contentsOf: resubmission), as: "later/resubmission.json")
        #expect(workspace.run(["import", "later"]).status == 0)
        #expect(workspace.run(["score"]).status == 0)

        #expect(workspace.run(["export", "--out", "first.xlsx", "--batch", "1", "--runs", "0"]).status == 0)
        #expect(workspace.run(["export", "--out", "second.xlsx", "--runs", "0"]).status == 0)
        let first = try Self.ranking(workspace.url.appendingPathComponent("first.xlsx").path)
        let second = try Self.ranking(workspace.url.appendingPathComponent("second.xlsx").path)
        let store = try CampaignStore.open(path: workspace.databasePath)
        #expect(first.map { $0[1] } == (try store.results(batch: 1)).map { .string($0.uscc) })
        #expect(second.map { $0[1] } == (try store.results(batch: 2)).map { .string($0.uscc) })
        let total = { (rows: [[CellValue]]) in rows.first { $0[1] == .string("91371402MA3C5LXK2W") }?[2] }
        #expect(total(first) != total(second))

        let quality = try XLSXReader(path: workspace.url.appendingPathComponent("second.xlsx").path).grid(ofSheet: "数据质量")
        let row = try #require((1...quality.rowCount).first { quality[$0, 1] == .string("later/bad.json") })
        #expect(quality[row, 2] == .empty)
        #expect(quality[row, 3] == .string("91371402MA3C5LXK2W"))
        guard case .string(let reasons) = quality[row, 5] else { Issue.record("no reasons: \(quality[row, 5])"); return }
        #expect(reasons.contains("B2.2"))
    }

    @Test func aBatchThatNoLongerReproducesIsRefused() throws {
        let workspace = try StoreCommandsTests.scoredWorkspace()
        let db = try SQLiteConnection(path: workspace.databasePath)
        try db.execute("UPDATE result SET total = total + 0.5 WHERE uscc = '91371402MA3C5LXK2W'")
        let run = workspace.run(["export", "--out", "r.xlsx", "--runs", "0"])
        #expect(run.status == 1)
        #expect(run.error.hasPrefix("error: batch 1 cannot be reproduced: scoring its stored surveys again with engine \(engineVersion) gives other results for 91371402MA3C5LXK2W (total "))
        #expect(run.error.hasSuffix("); score the campaign again with `ronghe score --force`\n"))
        #expect(!FileManager.default.fileExists(atPath: workspace.url.appendingPathComponent("r.xlsx").path))
    }

    @Test func usageErrors() throws {
        let workspace = try Workspace()
        let missing = workspace.run(["export", "--out", "r.xlsx"])
        #expect(missing.status == 1)
        #expect(missing.error.hasPrefix("error: no database at ronghe.sqlite;"))
        #expect(!FileManager.default.fileExists(atPath: workspace.databasePath))

        let noFiles = workspace.run(["export", "--indicators", "tree.json", "--out", "r.xlsx"])
        #expect(noFiles.status == 64)
        #expect(noFiles.error.hasPrefix("error: `--indicators` scores survey files: name them, or leave it out to export from the database\n"))
        let noTree = workspace.run(["export", "surveys", "--out", "r.xlsx"])
        #expect(noTree.status == 64)
        #expect(noTree.error.hasPrefix("error: survey files are scored with `--indicators FILE`; to export from the database, import them first with `ronghe import`\n"))
        let both = workspace.run(["export", "--batch", "1", "--campaign", "德州2026", "--out", "r.xlsx"])
        #expect(both.status == 64)
        #expect(both.error.hasPrefix("error: give `--batch` or `--campaign`, not both: a batch belongs to one campaign\n"))

        workspace.createCampaign()
        let unscored = workspace.run(["export", "--out", "r.xlsx"])
        #expect(unscored == Invocation(status: 1, output: "", error: "error: campaign 德州2026 has not been scored yet; run `ronghe score` first\n"))
    }
}
