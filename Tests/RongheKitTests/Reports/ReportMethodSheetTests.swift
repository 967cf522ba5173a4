import Foundation
import Testing

@testable import RongheKit

/// The Method sheet, checked against figures computed outside our code.
@Suite struct ReportMethodSheetTests {
    static let ahpTree = try! IndicatorTree.load(
        contentsOf: Fixtures.repository.appendingPathComponent("indicators/ahp-example.json"))

    /// The AHP example's consistency, from numpy (see `AHPExampleTreeTests`).
    static let numpy: [(node: String, lambdaMax: Double, cr: Double)] = [
        ("total", 4.045819, 0.016970), ("R", 3.009203, 0.007933), ("M", 4.030983, 0.011475), ("P", 3.018295, 0.015771),
    ]

    @Test func treeTableShowsWeightsAndAHPConsistency() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let responses = ReportFixture.sampleResponses()
        let result = try ScoringEngine(tree: Self.ahpTree).score(responses)
        let input = ReportInput(
            campaign: "AHP", batch: .init(scoredAt: ReportFixture.scoredAt), result: result,
            selection: try Selection.select(result), intake: .allAccepted(responses.count))
        let path = directory.path("ahp.xlsx")
        _ = try ReportWorkbook(input).write(to: path)
        let grid = try XLSXReader(path: path).grid(ofSheet: "指标体系")
        let header = try #require(grid.rows(where: 1, equals: .string("编号")).first)
        #expect(grid[header, 9] == .string("CR"))
        #expect(grid[header, 10] == .string("λmax"))
        for reference in Self.numpy {
            let row = try #require(grid.rows(where: 1, equals: .string(reference.node)).first { $0 > header })
            let cr = try #require(grid[row, 9].number)
            let lambda = try #require(grid[row, 10].number)
            #expect(abs(cr - reference.cr) < 1e-6, "\(reference.node)")
            #expect(abs(lambda - reference.lambdaMax) < 1e-6, "\(reference.node)")
            #expect(grid[row, 5] == .string("层次分析法"))
        }
        // numpy: 0.193576 × 0.539615 = 0.104456.
        let r2 = try #require(grid.rows(where: 1, equals: .string("R2")).first)
        if case .percentage(let effective) = grid[r2, 4] {
            #expect(abs(effective - 0.104456) < 1e-6)
        } else {
            Issue.record("R2's effective weight is \(grid[r2, 4])")
        }
        // G is weighted by entropy: its children's weights come from the batch, shown in their own section.
        let g1 = try #require(grid.rows(where: 1, equals: .string("G1")).first)
        #expect(grid[g1, 3] == .string("按批次"))
        #expect(grid.rows(where: 1, equals: .string("本批次熵权法所得权重")).count == 1)
        let g = try #require(grid.rows(where: 1, equals: .string("G")).last)
        let weights = try #require(result.derivedWeights["G"])
        let children = Self.ahpTree.node("G")!.children.map(\.id)
        #expect(grid[g, 3] == .string(zip(children, weights).map { "\($0) \(String(format: "%.4f", $1))" }.joined(separator: " · ")))
    }

    @Test func rulesReadWithGoalpostsAndOptionLabels() throws {
        let facts = ReportFacts(try ReportFixture.input(runs: 0))
        let sheet = ReportMethodSheet(facts: facts)
        #expect(sheet.ruleText(.linear(question: "B1.1", goalposts: Goalposts(low: 0.2, high: 3)))
            == "线性：0.2 得 0 分，3 得 100 分，其间按比例（越高越好）")
        #expect(sheet.ruleText(.linear(question: "F2.1", goalposts: Goalposts(low: 0, high: 5, direction: .lower)))
            == "线性：5 得 0 分，0 得 100 分，其间按比例（越低越好）")
        #expect(sheet.ruleText(.yesNo(question: "E2.2", yes: 100, no: 0)) == "是 100 分，否 0 分")
        let choice = try #require(ReportFixture.tree.node("C1.3")?.rule)
        #expect(sheet.ruleText(choice).hasPrefix("按选项计分：未应用ERP 0 · 仅财务系统 30 · "))
    }

    @Test func aTreeWithoutASelectionPolicySaysSo() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var tree = ReportFixture.tree
        tree.selection = nil
        let responses = ReportFixture.sampleResponses()
        let result = try ScoringEngine(tree: tree).score(responses)
        let input = ReportInput(
            campaign: "无评选", batch: .init(scoredAt: ReportFixture.scoredAt), result: result,
            intake: .allAccepted(responses.count))
        let path = directory.path("plain.xlsx")
        let outcome = try ReportWorkbook(input).write(to: path)
        #expect(outcome.recommended == 0)
        #expect(outcome.profiles == 0)
        let grids = try ReportFixture.grids(path)
        #expect(grids["推荐名单"]![4, 1] == .string("本次评估所用指标体系未设定评选规则，因此没有推荐名单。"))
        #expect(grids["指标体系"]!.rows(where: 1, equals: .string("指标体系未设定评选规则。")).count == 1)
        #expect(grids["企业画像"]![4, 1] == .string("没有需要画像的企业：本次无拟推荐企业，也未指定企业。"))
    }
}
