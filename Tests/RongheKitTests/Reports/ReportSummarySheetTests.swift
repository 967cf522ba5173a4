import Foundation
import Testing

@testable import RongheKit

@Suite struct ReportSummarySheetTests {
    @Test func countsStagesAndDimensionMeans() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let input = try ReportFixture.input(ReportFixture.perturbed(count: 400, seed: 9), runs: 50)
        let path = directory.path("summary.xlsx")
        _ = try ReportWorkbook(input).write(to: path)
        let grid = try XLSXReader(path: path).grid(ofSheet: "总览")
        func value(_ label: String) -> CellValue {
            grid.rows(where: 1, equals: .string(label)).first.map { grid[$0, 2] } ?? .empty
        }
        let result = input.result
        let selection = try #require(input.selection)
        #expect(value("评估活动") == .string("德州市2026年两化融合评估"))
        #expect(value("指标体系指纹（SHA-256）") == .string(ReportFixture.tree.hash))
        #expect(value("评分批次") == .string("batch-7"))
        #expect(value("评分时间") == .string("2026-05-20 09:30 (UTC+8)"))
        #expect(value("参与评分") == .number(400))
        #expect(value("参与排名（填报完整）") == .number(Double(result.filter(\.isRanked).count)))
        #expect(value("一票否决") == .number(Double(result.filter { !$0.vetoes.isEmpty }.count)))
        #expect(value("符合推荐条件") == .number(Double(selection.decisions.filter(\.isEligible).count)))
        #expect(value("拟推荐") == .number(Double(selection.decisions.filter(\.isRecommended).count)))
        #expect(value("临界，建议复核") == .number(Double(input.robustness!.enterprises.filter(\.isCloseCall).count)))

        // Stages: counts over every scored enterprise.
        for stage in ReportFixture.tree.stages {
            let row = try #require(grid.rows(where: 1, equals: .string(stage.name.zh)).first)
            #expect(grid[row, 3] == .number(Double(result.filter { $0.stage == stage.id }.count)), "\(stage.id)")
        }
        // Dimension means over the ranked enterprises.
        let ranked = result.filter(\.isRanked)
        for dimension in ReportFixture.tree.root.children {
            let row = try #require(grid.rows(where: 1, equals: .string("\(dimension.id) \(dimension.name.zh)")).first)
            let scores = ranked.compactMap { $0.node(dimension.id)?.score }
            let mean = scores.reduce(0, +) / Double(scores.count)
            #expect(abs((grid[row, 3].number ?? -1) - mean) < 1e-9, "\(dimension.id)")
            #expect(grid[row, 5] == .number(scores.max()!))
        }
    }
}
