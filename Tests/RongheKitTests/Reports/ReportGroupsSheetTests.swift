import Foundation
import Testing

@testable import RongheKit

@Suite struct ReportGroupsSheetTests {
    @Test func districtsAndIndustriesAreSummarised() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let input = try ReportFixture.input(ReportFixture.perturbed(count: 300, seed: 21), runs: 0)
        let path = directory.path("groups.xlsx")
        _ = try ReportWorkbook(input).write(to: path)
        let grid = try XLSXReader(path: path).grid(ofSheet: "分组")
        let cards = Array(input.result)
        let recommended = Set(input.selection!.recommended.map { input.result[$0].profile.uscc })
        let districts = Set(cards.map(\.profile.district)).sorted()
        let headerRow = try #require(grid.rows(where: 1, equals: .string("区县")).first)
        #expect(grid[headerRow + 1, 1] == .string("371402 德城区"))
        for (offset, district) in districts.enumerated() {
            let row = headerRow + 1 + offset
            let members = cards.filter { $0.profile.district == district }
            let ranked = members.filter(\.isRanked).map(\.total).sorted()
            #expect(grid[row, 1].description.hasPrefix(district))
            #expect(grid[row, 2] == .number(Double(members.count)))
            #expect(grid[row, 3] == .number(Double(ranked.count)))
            #expect(abs((grid[row, 4].number ?? -1) - ranked.reduce(0, +) / Double(ranked.count)) < 1e-9)
            let median = ranked.count % 2 == 1 ? ranked[ranked.count / 2] : (ranked[ranked.count / 2 - 1] + ranked[ranked.count / 2]) / 2
            #expect(abs((grid[row, 5].number ?? -1) - median) < 1e-12)
            #expect(grid[row, 6] == .number(ranked.last!))
            for (index, stage) in ReportFixture.tree.stages.enumerated() {
                #expect(grid[row, 7 + index] == .number(Double(members.filter { $0.stage == stage.id }.count)))
            }
            #expect(grid[row, 11] == .number(Double(members.filter { recommended.contains($0.profile.uscc) }.count)))
        }
        let industryHeader = try #require(grid.rows(where: 1, equals: .string("行业")).first)
        #expect(grid[industryHeader + 1, 1] == .string("C14 食品制造业"))
    }
}
