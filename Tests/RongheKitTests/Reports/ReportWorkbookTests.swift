import Foundation
import Testing

@testable import RongheKit

/// The leaders' workbook, read back with our own XLSX reader.
@Suite struct ReportWorkbookTests {
    static let zhSheets = ["总览", "排名", "推荐名单", "分组", "企业画像", "指标体系", "数据质量"]
    static let enSheets = ["Summary", "Ranking", "Recommended", "Groups", "Profiles", "Method", "Data quality"]
    /// The Ranking sheet's header is on row 3 (1-based); enterprises follow.
    static let rankingHeader = 3

    /// Writes the workbook for `input` and returns its path inside `directory`.
    static func write(
        _ input: ReportInput, in directory: TemporaryDirectory, name: String = "report.xlsx",
        options: ReportWorkbook.Options = .init()
    ) throws -> String {
        let path = directory.path(name)
        _ = try ReportWorkbook(input).write(to: path, options: options)
        return path
    }

    @Test(arguments: [(Language.zh, zhSheets), (Language.en, enSheets)])
    func sheetsAreNamedAndOrdered(language: Language, expected: [String]) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try Self.write(ReportFixture.input(language: language, runs: 0), in: directory)
        #expect(try XLSXReader(path: path).sheets.map(\.name) == expected)
        #expect(ReportWorkbook.sheetNames(in: language) == expected)
    }

    @Test func rankingFollowsTheScoringResult() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let input = try ReportFixture.input()
        let path = try Self.write(input, in: directory)
        let grid = try ReportFixture.grids(path)["排名"]!
        let result = input.result
        #expect(grid[Self.rankingHeader, 1] == .string("排名"))
        #expect(grid[Self.rankingHeader, 2] == .string("统一社会信用代码"))
        #expect(grid[Self.rankingHeader, 7] == .string("总分"))
        #expect(grid[Self.rankingHeader, 9] == .string("A 组织保障与CIO体系"))
        #expect(grid.rowCount == Self.rankingHeader + result.count)

        var sawUnranked = false
        for (offset, position) in result.rankingOrder.enumerated() {
            let row = Self.rankingHeader + 1 + offset
            let card = result[position]
            #expect(grid[row, 2] == .string(card.profile.uscc), "row \(row)")
            if let rank = card.ranks.overall {
                #expect(!sawUnranked, "a ranked enterprise after an unranked one on row \(row)")
                #expect(grid[row, 1] == .number(Double(rank)))
            } else {
                sawUnranked = true
                #expect(grid[row, 1] == .string("—"))
            }
            // The total is the unrounded value (up to the 16 significant digits libxlsxwriter
            // writes), not the two decimals the cell shows.
            guard case .number(let total) = grid[row, 7] else {
                Issue.record("total on row \(row) is \(grid[row, 7])")
                continue
            }
            #expect(abs(total - card.total) <= 1e-12 * max(1, abs(card.total)), "row \(row)")
            if (card.total * 100).rounded() != card.total * 100 {
                #expect(total != (card.total * 100).rounded() / 100, "row \(row) holds a rounded total")
            }
            #expect(grid[row, 16] == .percentage(card.completeness))
            // Every enterprise's selection reasons are findable in its row.
            let decision = try #require(input.selection?.decisions[position])
            #expect(grid[row, 24] == .string(decision.reasons.map { $0.text(.zh) }.joined(separator: "；")))
            #expect(grid[row, 20] == .string(decision.isRecommended ? "是" : "否"))
            // The rank interval and close-call flag from the robustness analysis.
            let robustness = try #require(input.robustness?.enterprises[position])
            if let overall = robustness.overall {
                #expect(grid[row, 22] == .string(overall.low == overall.high ? "\(overall.low)" : "\(overall.low)–\(overall.high)"))
            } else {
                #expect(grid[row, 22] == .empty)
            }
            #expect(grid[row, 23] == (robustness.isCloseCall ? .string("临界") : .empty))
        }
        #expect(sawUnranked, "the sample batch has an unranked enterprise")
    }

    @Test func enterpriseTextStaysText() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let input = try ReportFixture.input(profiles: [ReportFixture.formulaUSCC])
        let path = try Self.write(input, in: directory)
        let grids = try ReportFixture.grids(path)
        let ranking = grids["排名"]!
        let row = try #require(ranking.rows(where: 2, equals: .string(ReportFixture.formulaUSCC)).first)
        #expect(ranking[row, 3] == .string(ReportFixture.formulaName))
        #expect(ranking[row, 4] == .string("371402 德城区"))
        for line in (Self.rankingHeader + 1)...ranking.rowCount {
            guard case .string = ranking[line, 2] else {
                Issue.record("credit code on row \(line) is \(ranking[line, 2])")
                continue
            }
        }
        // The named enterprise's profile block is titled with its name, as text.
        let profiles = grids["企业画像"]!
        #expect(profiles.rows(where: 1, equals: .string("\(1 + (input.selection?.recommended.count ?? 0)). \(ReportFixture.formulaName)")).count == 1)
        // No cell anywhere holds a formula: libxlsxwriter would have written an <f> element.
        for sheet in try ReportFixture.parts(path, prefix: "xl/worksheets/sheet") {
            let xml = String(decoding: try ZipArchive(path: path).data(ofEntry: sheet), as: UTF8.self)
            #expect(!xml.contains("<f>"), "\(sheet) has a formula")
        }
    }

    @Test func recommendedListMatchesTheSelection() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let input = try ReportFixture.input()
        let selection = try #require(input.selection)
        #expect(!selection.recommended.isEmpty)
        let path = try Self.write(input, in: directory)
        let grid = try ReportFixture.grids(path)["推荐名单"]!
        #expect(grid[1, 1] == .string("两化融合示范企业拟推荐名单（公示稿）"))

        // Listed rows: a number in 序号 and the credit code in the third column, in sheet order.
        var listed: [String] = []
        var numbers: [Double] = []
        for row in 1...grid.rowCount {
            if case .number(let number) = grid[row, 1], case .string(let uscc) = grid[row, 3] {
                listed.append(uscc)
                numbers.append(number)
                let position = try #require(ReportWorkbook.position(of: uscc, in: input.result))
                let cell = selection.cells[try #require(selection.decisions[position].cell)]
                let place = try #require(cell.recommended.firstIndex(of: position)) - cell.recommended.startIndex + 1
                #expect(grid[row, 8] == .string("\(place) / \(cell.quota.map(String.init) ?? "不限")"))
                #expect(abs((grid[row, 6].number ?? -1) - input.result.totals[position]) <= 1e-12 * 100)
            }
        }
        #expect(listed == selection.recommended.map { input.result[$0].profile.uscc })
        // Numbering restarts with each track.
        var expectedNumbers: [Double] = []
        for track in selection.policy.tracks {
            let count = selection.cells.filter { $0.track.id == track.id }.reduce(0) { $0 + $1.recommendedCount }
            expectedNumbers += (0..<count).map { Double($0 + 1) }
        }
        #expect(numbers == expectedNumbers)
        // One band per cell that recommends someone.
        let bands = (1...grid.rowCount).filter {
            if case .string(let text) = grid[$0, 1] { return text.hasPrefix("区县 ") }
            return false
        }
        #expect(bands.count == selection.cells.filter { $0.recommendedCount > 0 }.count)
    }

    @Test func dataQualityCountsMatchTheLeafFlags() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let input = try ReportFixture.input(ReportFixture.perturbed(count: 300, seed: 11), runs: 0)
        let path = try Self.write(input, in: directory)
        let grid = try ReportFixture.grids(path)["数据质量"]!
        let cards = Array(input.result)
        var checked = 0
        for leaf in input.tree.root.leaves {
            let title = "\(leaf.id) \(leaf.name.zh)"
            let row = try #require(grid.rows(where: 1, equals: .string(title)).first, "no row for \(title)")
            func count(_ flag: ScoreFlags) -> CellValue {
                .number(Double(cards.filter { $0.node(leaf.id)!.flags.contains(flag) }.count))
            }
            #expect(grid[row, 3] == count(.answered), "\(title) answered")
            #expect(grid[row, 4] == count(.missing), "\(title) missing")
            #expect(grid[row, 5] == count(.zeroForMissing), "\(title) zero")
            #expect(grid[row, 6] == count(.imputed), "\(title) imputed")
            #expect(grid[row, 7] == count(.respread), "\(title) respread")
            #expect(grid[row, 8] == count(.notApplicable), "\(title) not applicable")
            #expect(grid[row, 9] == count(.clamped), "\(title) clamped")
            #expect(grid[row, 10] == count(.zeroDenominator), "\(title) zero denominator")
            checked += 1
        }
        #expect(checked == 33)
        // The perturbed batch does leave answers blank and push values past goalposts.
        let missing = (1...grid.rowCount).compactMap { grid[$0, 4].number }.reduce(0, +)
        #expect(missing > 0)
    }

    @Test func profilesHaveABlockAndARadarPerEnterprise() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let input = try ReportFixture.input(ReportFixture.perturbed(count: 120, seed: 3), profiles: [])
        let selection = try #require(input.selection)
        let named = input.result.profiles.map(\.uscc).first { uscc in
            !selection.recommended.contains { input.result.profiles[$0].uscc == uscc }
        }!
        var withNamed = input
        withNamed.profiles = [named]
        let path = try Self.write(withNamed, in: directory)
        let grid = try ReportFixture.grids(path)["企业画像"]!
        let expected = selection.recommended.map { input.result.profiles[$0].name }
            + [input.result.profiles[ReportWorkbook.position(of: named, in: input.result)!].name]
        #expect(expected.count > 3)
        for (index, name) in expected.enumerated() {
            #expect(grid.rows(where: 1, equals: .string("\(index + 1). \(name)")).count == 1, "block \(index + 1)")
        }
        // Summary (stages, dimensions) and Groups have one chart each; every block has a radar.
        #expect(try ReportFixture.parts(path, prefix: "xl/charts/chart").count == 3 + expected.count)
        // Each block after the first starts a printed page.
        let sheetXML = String(decoding: try ZipArchive(path: path).data(ofEntry: "xl/worksheets/sheet5.xml"), as: UTF8.self)
        #expect(sheetXML.contains(#"<rowBreaks count="\#(expected.count - 1)""#))
    }

    @Test func profileBlocksAreCappedKeepingTheNamedOnes() throws {
        let input = try ReportFixture.input(ReportFixture.perturbed(count: 120, seed: 3), runs: 0)
        let recommended = try #require(input.selection?.recommended)
        let outsider = input.result.indices.first { !recommended.contains($0) }!
        var named = input
        named.profiles = [input.result.profiles[outsider].uscc]
        let (positions, omitted) = try ReportWorkbook(named).profilePositions(limit: 3)
        #expect(positions == Array(recommended.prefix(2)) + [outsider])
        #expect(omitted == recommended.count - 2)
    }

    @Test func identicalInputGivesAnIdenticalWorkbook() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let input = try ReportFixture.input(profiles: ["92371400MA3Q8Y7N1E"])
        let first = try Self.write(input, in: directory, name: "a.xlsx")
        let second = try Self.write(try ReportFixture.input(profiles: ["92371400MA3Q8Y7N1E"]), in: directory, name: "b.xlsx")
        #expect(try ReportFixture.grids(first) == ReportFixture.grids(second))
        #expect(try Data(contentsOf: URL(fileURLWithPath: first)) == Data(contentsOf: URL(fileURLWithPath: second)))
        // The creation date is the batch's scoring time, not the time of writing.
        let core = String(decoding: try ZipArchive(path: first).data(ofEntry: "docProps/core.xml"), as: UTF8.self)
        #expect(core.contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-05-20T01:30:00Z</dcterms:created>"))
    }

    @Test func streamingGivesTheSameContent() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let input = try ReportFixture.input(ReportFixture.perturbed(count: 200, seed: 5))
        let inMemory = try Self.write(input, in: directory, name: "memory.xlsx", options: .init(memoryMode: .inMemory))
        let streamed = try Self.write(input, in: directory, name: "streamed.xlsx", options: .init(memoryMode: .constantMemory))
        let a = try ReportFixture.grids(inMemory)
        let b = try ReportFixture.grids(streamed)
        #expect(a.keys.sorted() == b.keys.sorted())
        for name in Self.zhSheets { #expect(a[name] == b[name], "sheet \(name)") }
    }

    @Test func rejectionsAreListedWithTheirReasons() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let sample = Fixtures.repository.appendingPathComponent("surveys/json/91371402MA3C5LXK2W.json")
        let bad = directory.url.appendingPathComponent("bad.json")
        try Data(try String(contentsOf: sample, encoding: .utf8)
            .replacingOccurrences(of: "91371402MA3C5LXK2W", with: "91371402MA3C5LXK2X").utf8).write(to: bad)
        let broken = directory.url.appendingPathComponent("broken.json")
        try Data("{".utf8).write(to: broken)
        var collector = ReportIntakeCollector(tree: ReportFixture.tree, currentYear: 2026)
        collector.add(sample, file: "good.json")
        collector.add(bad, file: "bad.json")
        collector.add(broken, file: "broken.json")
        collector.add(sample, file: "again.json")
        let intake = collector.summary
        #expect(intake == ReportInput.Intake(
            submitted: 4, accepted: 2, rejected: 2, superseded: 1, rejections: intake.rejections))
        #expect(collector.responses.count == 1)
        #expect(collector.supersessions.map(\.later.file) == ["again.json"])

        let input = try ReportFixture.input(collector.responses, runs: 0, intake: intake)
        let grid = try ReportFixture.grids(try Self.write(input, in: directory))["数据质量"]!
        let row = try #require(grid.rows(where: 1, equals: .string("bad.json")).first)
        #expect(grid[row, 2] == .empty)
        #expect(grid[row, 3] == .string("91371402MA3C5LXK2X"))
        #expect(grid[row, 4] == .string("德州华信化工有限公司"))
        #expect(grid[row, 5] == .string("enterprise.uscc：统一社会信用代码“91371402MA3C5LXK2X”的校验位应为“W”而不是“X”，请核对是否录入有误"))
        let brokenRow = try #require(grid.rows(where: 1, equals: .string("broken.json")).first)
        #expect(grid[brokenRow, 2] == .string("1"))
        #expect(grid[brokenRow, 5] == .string("JSON格式有误（第1行第2列）：the document ends inside an object；文件可能不完整，请重新保存后发送"))
        // Intake counts are on the sheet too.
        let submitted = try #require(grid.rows(where: 1, equals: .string("提交问卷")).first)
        #expect(grid[submitted, 2] == .number(4))
    }

    @Test func inputThatDoesNotHangTogetherIsRefused() throws {
        var input = try ReportFixture.input(runs: 0)
        input.profiles = ["91110000000000000X"]
        #expect(throws: ReportError.unknownEnterprise(uscc: "91110000000000000X")) { try ReportWorkbook(input) }
        let other = try ReportFixture.input(ReportFixture.sampleResponses(), runs: 0)
        var mixed = try ReportFixture.input(runs: 0)
        mixed.selection = other.selection
        #expect(throws: ReportError.mismatchedResult(part: "selection")) { try ReportWorkbook(mixed) }
        #expect(
            ReportError.unknownEnterprise(uscc: "X").description
                == "no enterprise with credit code X is in the scored batch, so it cannot be profiled")
    }

    @Test func englishWorkbookSpeaksEnglish() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let input = try ReportFixture.input(language: .en)
        let grids = try ReportFixture.grids(try Self.write(input, in: directory))
        let ranking = grids["Ranking"]!
        #expect(ranking[Self.rankingHeader, 1] == .string("Rank"))
        #expect(ranking[Self.rankingHeader, 9] == .string("A Governance and CIO network"))
        let chemical = try #require(ranking.rows(where: 2, equals: .string("91371402MA3C5LXK2W")).first)
        #expect(ranking[chemical, 5] == .string("C26 (Manufacturing)"))
        #expect(ranking[chemical, 6] == .string("Medium"))
        #expect(grids["Recommended"]![1, 1] == .string("Demonstration enterprises proposed for recognition (draft for public notice)"))
    }

    /// 5,000 enterprises through the streamed (constant-memory) path, read back row by row.
    @Test func fiveThousandEnterprisesStream() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let input = try ReportFixture.input(ReportFixture.perturbed(count: 5_000, seed: 42), runs: 20)
        let path = directory.path("big.xlsx")
        let outcome = try ReportWorkbook(input).write(to: path, options: .init(constantMemoryThreshold: 4_000))
        #expect(outcome.usedConstantMemory)
        #expect(outcome.enterprises == 5_000)
        let reader = try XLSXReader(path: path)
        let result = input.result
        let order = result.rankingOrder
        var seen = 0
        try reader.forEachRow(inSheet: "排名") { row in
            guard row.number > Self.rankingHeader else { return }
            let position = order[row.number - Self.rankingHeader - 1]
            #expect(row[2] == .string(result.profiles[position].uscc))
            #expect(row[1] == (result.ranks[position].overall.map { .number(Double($0)) } ?? .string("—")))
            seen += 1
        }
        #expect(seen == 5_000)
        // Streamed strings are inline, which our reader reads like shared ones.
        #expect(try ReportFixture.parts(path, prefix: "xl/sharedStrings").isEmpty)
    }
}

extension CellValue {
    var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }
}
