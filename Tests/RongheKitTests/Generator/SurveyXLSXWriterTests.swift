import Foundation
import Testing

@testable import RongheKit

@Suite struct SurveyXLSXWriterTests {
    func rows(_ url: URL) throws -> [SheetRow] {
        let reader = try XLSXReader(path: url.path)
        #expect(reader.sheets.map(\.name) == ["企业填报数据"])
        var rows: [SheetRow] = []
        try reader.forEachRow(inSheet: "企业填报数据") { rows.append($0) }
        return rows
    }

    @Test func codesAreTextFiguresAreNumbersAndPercentagesAreFormatted() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = directory.url.appendingPathComponent("batch.xlsx")
        try GeneratorFixtures.write(GeneratorFixtures.smallResponses, to: url) {
            try SurveyXLSXWriter(url: $0, tree: GeneratorFixtures.smallTree, options: .init(title: "德州市2026年两化融合评估申报汇总表", typing: .formatted))
        }
        let rows = try rows(url)
        #expect(rows.map(\.number) == [1, 2, 3, 4])
        #expect(rows[0][column: "A"] == .string("德州市2026年两化融合评估申报汇总表"))
        #expect(rows[1].cells.map(\.value.description) == [
            "统一社会信用代码", "企业名称", "所属区县（行政区划代码）", "所属行业（国民经济行业分类代码）", "企业规模", "从业人员（人）",
            "营业收入（万元）", "填报年度", "A1 CIO职级", "B1 信息化投入（万元）", "B2 联网率（%）", "C1 ERP模块", "C2 数控化率",
            "F0 重点用能单位", "X1 成效",
        ])
        let first = rows[2]
        #expect(first[column: "A"] == .string("91371402MA3C5LXK2W"))
        #expect(first[column: "C"] == .string("371402"))
        #expect(first[column: "D"] == .string("C26"))
        #expect(first[column: "E"] == .string("中型"))
        #expect(first[column: "F"] == .number(420))
        #expect(first[column: "G"] == .number(18600.5))
        #expect(first[column: "H"] == .number(2026))
        #expect(first[column: "I"] == .string("总监级"))
        #expect(first[column: "J"] == .number(1234.5))
        #expect(first[column: "K"] == .percentage(0.35))
        #expect(first[column: "L"] == .string("财务、销售"))
        #expect(first[column: "M"] == .string("不适用"))
        #expect(first[column: "N"] == .string("是"))
        let second = rows[3]
        #expect(second[column: "K"] == .percentage(0.125))
        #expect(second[column: "L"] == .string("无"))
        #expect(second[column: "M"] == .empty && second[column: "O"] == .empty)
        let (responses, issues) = try GeneratorFixtures.intake(url, tree: GeneratorFixtures.smallTree)
        #expect(issues == [])
        #expect(responses == GeneratorFixtures.smallResponses)
    }

    @Test func plainTypingWritesPercentagesAsNumbers() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = directory.url.appendingPathComponent("plain.xlsx")
        try GeneratorFixtures.write(GeneratorFixtures.smallResponses, to: url) {
            try SurveyXLSXWriter(url: $0, tree: GeneratorFixtures.smallTree, options: .init(typing: .plain))
        }
        let rows = try rows(url)
        #expect(rows.count == 3)
        #expect(rows[1][column: "K"] == .number(35) && rows[2][column: "K"] == .number(12.5))
    }

    /// A percentage is written as a formatted cell only when the reader gets the same number back
    /// from it: 0.07 × 100 is 7.000000000000001 in binary, so 7 stays a plain number.
    @Test func percentagesThatWouldNotReadBackExactlyStayPlainNumbers() {
        let formatter = SurveyValueFormatter(tree: GeneratorFixtures.smallTree)
        let question = GeneratorFixtures.smallTree.question("B2")!
        let style = SurveyTyping.formatted.style(forRow: 0)
        #expect(formatter.cell(.number(7), for: question, style: style) == .number(7))
        #expect(formatter.cell(.number(35), for: question, style: style) == .percentage(0.35))
    }

    @Test(arguments: [51, 52] as [UInt64])
    func generatedBatchesReadBackUnchanged(seed: UInt64) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        for tree in [GeneratorFixtures.defaultTree, GeneratorFixtures.unusualTree] {
            let url = directory.url.appendingPathComponent("\(tree.id).xlsx")
            let written = Array(SurveyGenerator(tree: tree, seed: seed).prefix(300))
            try GeneratorFixtures.write(written, to: url) { try SurveyXLSXWriter(url: $0, tree: tree) }
            let (read, issues) = try GeneratorFixtures.intake(url, tree: tree)
            #expect(issues.allSatisfy(GeneratorFixtures.isSizeWarning), "\(issues.map { $0.formatted() })")
            #expect(read.count == written.count)
            for (back, original) in zip(read, written) where back != original {
                Issue.record("seed \(seed), \(tree.id): \(GeneratorFixtures.difference(back, original))")
            }
        }
    }
}
