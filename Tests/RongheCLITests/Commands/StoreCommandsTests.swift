import Foundation
import RongheKit
import RongheTestSupport
import Testing

@testable import RongheCLI

/// `ronghe score` (store mode), `rank`, `show`, `batches` and `flag`, checked against the engine
/// run directly on the same files.
@Suite struct StoreCommandsTests {
    /// The sample surveys read and scored without the store, as the expected results.
    static func engineResult(_ workspace: Workspace) throws -> ScoringResult {
        let tree = try IndicatorTree.load(contentsOf: workspace.url.appendingPathComponent("tree.json"))
        let intake = SurveyIntake(tree: tree)
        var responses: [SurveyResponse] = []
        for uscc in ImportCommandTests.samples {
            _ = try intake.process(workspace.url.appendingPathComponent("surveys/\(uscc).json"), file: uscc) { _, validation in
                if let response = validation.response { responses.append(response) }
            }
        }
        return try ScoringEngine(tree: tree).score(responses)
    }

    static func scoredWorkspace() throws -> Workspace {
        let workspace = try Workspace()
        workspace.createCampaign()
        #expect(workspace.run(["import", "surveys"]).status == 0)
        #expect(workspace.run(["score"]).status == 0)
        return workspace
    }

    // MARK: score

    @Test func scoreStoresABatchOnceUntilSomethingChanges() throws {
        let workspace = try Workspace()
        workspace.createCampaign()
        workspace.run(["import", "surveys"])
        let engine = try Self.engineResult(workspace)
        let selection = try Selection.select(engine)
        let ranked = engine.isRanked.filter { $0 }.count
        let vetoed = engine.filter { !$0.vetoes.isEmpty }.count
        let eligible = selection.decisions.filter(\.isEligible).count
        let recommended = selection.decisions.filter(\.isRecommended).count
        #expect(ranked == 5 && vetoed == 2)

        let first = workspace.run(["score"])
        #expect(first == Invocation(status: 0, output: """
            Batch 1 of campaign 德州2026: 6 enterprises scored with lianghua-default 2026.1 (revision 1, sha256 \(CampaignCommandTests.hash)), engine \(engineVersion)
            \(ranked) ranked, \(vetoed) vetoed, \(eligible) eligible for selection, \(recommended) recommended
            See the ranking with `ronghe rank`, one enterprise's score with `ronghe show USCC`.

            """, error: ""))
        let again = workspace.run(["score"])
        #expect(Workspace.masked(again.output) == """
            Nothing changed since batch 1 (<time>): the same submissions, staff flags, tree and engine; use --force to score again

            """)
        let forced = workspace.run(["score", "--force", "--json"])
        struct Scored: Decodable {
            struct Batch: Decodable {
                let id: Int
                let enterprises: Int
            }
            let batch: Batch
            let new: Bool
        }
        let decoded = try JSONDecoder().decode(Scored.self, from: Data(forced.output.utf8))
        #expect(decoded.new && decoded.batch.id == 2 && decoded.batch.enterprises == 6)
    }

    @Test func scoreModesAreChosenByTheArguments() throws {
        let workspace = try Workspace()
        workspace.createCampaign()
        #expect(workspace.run(["score"]) == Invocation(status: 1, output: "", error: """
            error: campaign 德州2026 has no accepted submission to score yet; import survey files with `ronghe import`

            """))
        #expect(workspace.run(["rank"]) == Invocation(status: 1, output: "", error: """
            error: campaign 德州2026 has not been scored yet; run `ronghe score` first

            """))
        let files = workspace.run(["score", "surveys"])
        #expect(files.status == 64)
        #expect(files.error.hasPrefix(
            "error: scoring files directly needs `--indicators FILE`; to score the campaign in the database, give no files\n"))
        let both = workspace.run(["score", "--indicators", "tree.json", "--campaign", "德州2026", "surveys"])
        #expect(both.status == 64)
        #expect(both.error.hasPrefix("error: `--campaign` scores the database; it cannot go with `--indicators`\n"))
        // The direct mode still works, and touches no database.
        let direct = CLITest.run(["--db", "none.sqlite", "score", "--indicators", "tree.json", "surveys"], in: workspace.url)
        #expect(direct.status == 0 && direct.output.hasSuffix("6 scored, 0 rejected\n"))
        #expect(!FileManager.default.fileExists(atPath: workspace.url.appendingPathComponent("none.sqlite").path))
    }

    // MARK: rank

    @Test func rankListsTheStoredBatchAsTheEngineRanksIt() throws {
        let workspace = try Self.scoredWorkspace()
        let rank = workspace.run(["rank"])
        #expect(rank.status == 0)
        var lines = rank.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(Workspace.masked(lines.removeFirst()) == "批次 1 · 德州2026 · 指标体系 lianghua-default 2026.1（修订 1）· 评分于 <time>")
        // The same table as scoring the files directly, row for row.
        let direct = workspace.run(["score", "--indicators", "tree.json", "surveys"]).output
        #expect(lines.joined(separator: "\n") == direct.replacingOccurrences(of: "6 scored, 0 rejected\n", with: ""))

        let top = workspace.run(["rank", "--top", "2", "--lang", "en"]).output.split(separator: "\n")
        #expect(top.count == 5 && top[3].hasPrefix("   1  91371400163000111R") && top[4].hasPrefix("   2  "))
    }

    @Test func rankByDistrictRanksWithinEachDistrict() throws {
        let workspace = try Workspace()
        workspace.createCampaign()
        var maker = SurveyCSVMaker(tree: try IndicatorTree.load(contentsOf: workspace.url.appendingPathComponent("tree.json")), seed: 9)
        try workspace.write(try CSVWriter.data(for: maker.rows(0..<40)), as: "batch.csv")
        #expect(workspace.run(["import", "batch.csv"]).status == 0)
        #expect(workspace.run(["score"]).status == 0)

        struct Ranked: Decodable {
            let group: String?
            let uscc: String
            let district: String
            let total: Double
            let ranked: Bool
            let ranks: Ranks
        }
        let rows = try JSONDecoder().decode([Ranked].self, from: Data(workspace.run(["rank", "--by", "district", "--json"]).output.utf8))
        #expect(rows.count == 40)
        #expect(rows.map(\.group) == rows.map(\.district))
        #expect(rows.map(\.district) == rows.map(\.district).sorted())
        for row in rows where row.ranked {
            // Competition ranking within the district, on unrounded totals.
            let better = rows.filter { $0.district == row.district && $0.ranked && $0.total > row.total }.count
            #expect(row.ranks.district == better + 1, "\(row.uscc)")
        }
        for district in Set(rows.map(\.district)) {
            let ranks = rows.filter { $0.district == district }.compactMap(\.ranks.district)
            #expect(ranks == ranks.sorted())
        }

        let text = workspace.run(["rank", "--by", "district", "--top", "1"])
        let lines = text.output.split(separator: "\n", omittingEmptySubsequences: false)
        let districts = Set(rows.map(\.district)).sorted()
        let titles = lines.filter { $0.hasPrefix("区县 ") }
        #expect(titles == districts.map { district in
            Substring("区县 \(district)（\(rows.filter { $0.district == district }.count) 家企业）")
        })
        #expect(lines.filter { $0.hasPrefix("区县排名") }.count == districts.count)
        #expect(lines.filter { $0.hasPrefix("       1  ") }.count == districts.count)
    }

    // MARK: show

    @Test func showExplainsFromStoredDataAsTheEngineScored() throws {
        let workspace = try Self.scoredWorkspace()
        let engine = try Self.engineResult(workspace)
        let expected = try #require(engine.first { $0.profile.uscc == "91371400163000111R" })

        let show = workspace.run(["show", "91371400163000111R"])
        #expect(show.status == 0)
        let lines = Workspace.masked(show.output).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(Array(lines.prefix(10)) == [
            "山东德赛机械集团有限公司  91371400163000111R",
            "区县 371481 · 行业 C35 · 规模 大型 · 从业人员 1650 人 · 营业收入 68000 万元 · 填报年度 2026",
            "批次 1 · 德州2026 · 指标体系 lianghua-default 2026.1（修订 1）· 引擎 \(engineVersion) · 评分于 <time>",
            "来源 surveys/91371400163000111R.json:$ · 导入 1 · 接收于 <time>",
            "",
            "总分 \(String(format: "%.2f", expected.total)) · 发展阶段 创新突破 · 填报完整度 100%",
            "排名 全市 1 · 区县 1 · 行业 1 · 规模 1",
            "否决 无",
            "评选 大中型企业 · 符合条件 · 拟推荐（第 1 名）",
            "人工标记 无",
        ])
        // A2.2 IT staff per 100 employees: 38 of 1650 is 2.303 per 100, between goalposts 0.5 and 5.
        let a22 = 100 * (38.0 / 1650 * 100 - 0.5) / 4.5
        let row = try #require(lines.first { $0.hasPrefix("      A2.2  ") })
        #expect(row.split(separator: " ", omittingEmptySubsequences: true).map(String.init) == [
            "A2.2", "每百名员工信息化专职人员数", "38", "人", "/", "1650（从业人员）", "2.303", String(format: "%.2f", a22), "0.35",
            "0.021",
        ])
        #expect(lines.contains { $0.hasPrefix("      B2.2  ") && $0.hasSuffix("超出目标值，已截断") })
        let last = try #require(lines.last { !$0.isEmpty })
        #expect(Array(Workspace.cells(last).dropFirst(2)) == ["surveys/91371400163000111R.json:$", "新提交", "是"])

        // Every node's numbers, from the store, bit for bit as the engine computed them.
        struct Shown: Decodable {
            struct Node: Decodable {
                let id: String
                let score: Double?
                let weight: Double
                let nominalWeight: Double
                let globalWeight: Double
                let value: Double?
                let flags: [String]
            }
            let total: Double
            let nodes: [Node]
        }
        let shown = try JSONDecoder().decode(Shown.self, from: Data(workspace.run(["show", "91371400163000111R", "--json"]).output.utf8))
        #expect(shown.total.bitPattern == expected.total.bitPattern)
        #expect(shown.nodes.count == expected.nodes.count)
        for node in shown.nodes {
            let result = try #require(expected.node(node.id))
            #expect(node.score?.bitPattern == result.score?.bitPattern && node.value?.bitPattern == result.value?.bitPattern, "\(node.id)")
            #expect(node.weight == result.weight && node.globalWeight == result.globalWeight && node.nominalWeight == result.nominalWeight)
            #expect(node.flags == result.flags.names)
        }
    }

    @Test func showListsTheHistoryAndNotScoredEnterprises() throws {
        let workspace = try Self.scoredWorkspace()
        try workspace.write(try workspace.sample("91371400163000111R", replacing: "\"A2.2\": 38", with: "\"A2.2\": 40"), as: "new.json")
        try workspace.write(try workspace.sample("91371400163000111R", replacing: "\"D1.1\": 5", with: "\"D1.1\": 99"), as: "bad.json")
        workspace.run(["import", "new.json", "bad.json"])
        workspace.run(["score"])
        let show = Workspace.masked(workspace.run(["show", "91371400163000111R", "--lang", "en"]).output)
        #expect(show.contains("Batch 2 · 德州2026 · lianghua-default 2026.1 (revision 1)"))
        #expect(show.contains("Source new.json:$ · import 7 · received <time>"))
        let history = show.components(separatedBy: "\nSubmissions\n")[1].split(separator: "\n").map { Workspace.cells(String($0)) }
        #expect(history.dropFirst(2).map { Array($0.dropFirst(2)) } == [
            ["surveys/91371400163000111R.json:$", "new"],
            ["new.json:$", "resubmission, supersedes #1", "yes"],
            ["bad.json:$", "rejected (1 problem), #7 stays in effect"],
        ])
        let earlier = Workspace.masked(workspace.run(["show", "91371400163000111R", "--batch", "1", "--lang", "en"]).output)
        #expect(earlier.contains("Source surveys/91371400163000111R.json:$ · import 1"))

        let unknown = workspace.run(["show", "91371402MA0000001R"])
        #expect(unknown.status == 64)
        #expect(unknown.error.hasPrefix("error: '91371402MA0000001R' is not a valid unified social credit code\n"))
        let absent = workspace.run(["show", SurveyCSVMaker.uscc(0)])
        #expect(absent == Invocation(status: 1, output: "", error: "error: \(SurveyCSVMaker.uscc(0)) was not scored in batch 2\n"))
    }

    // MARK: flag and batches

    @Test func aStaffFlagVetoesAtTheNextScoring() throws {
        let workspace = try Self.scoredWorkspace()
        let flagged = workspace.run(["flag", "91371400163000111R", "falsified", "--note", "核查发现数据不实", "--by", "王科长"])
        #expect(flagged == Invocation(status: 0, output: """
            Flagged 91371400163000111R (山东德赛机械集团有限公司) falsified in campaign 德州2026; score again (ronghe score) to apply it

            """, error: ""))
        let show = Workspace.masked(workspace.run(["show", "91371400163000111R"]).output)
        #expect(show.contains("人工标记 falsified（王科长 于 <time> 设置；核查发现数据不实）\n（本批次评分时适用的标记：无；重新评分后以当前标记为准）\n"))
        #expect(workspace.run(["score"]).status == 0)
        let rank = workspace.run(["rank", "--top", "1"]).output
        #expect(rank.contains("91371400163000111R") && rank.hasSuffix("申报材料弄虚作假\n"))
        let after = workspace.run(["show", "91371400163000111R"]).output
        #expect(after.contains("否决 falsified（申报材料弄虚作假）\n"))
        #expect(after.contains("评选 大中型企业 · 不符合条件\n"))

        let typo = workspace.run(["flag", "91371400163000111R", "falsifed"])
        #expect(typo.status == 64)
        #expect(typo.error.hasPrefix(
            "error: no condition of the campaign's indicator tree tests the flag 'falsifed', so it would change nothing; its tree tests: falsified\n"))
        let removed = workspace.run(["flag", "91371400163000111R", "falsified", "--remove", "--by", "李处长"])
        #expect(removed.output == """
            Removed the flag falsified from 91371400163000111R (山东德赛机械集团有限公司) in campaign 德州2026; score again (ronghe score) to apply it

            """)
        let twice = workspace.run(["flag", "91371400163000111R", "falsified", "--remove"])
        #expect(twice == Invocation(status: 1, output: "", error: "error: 91371400163000111R is not flagged falsified\n"))
    }

    @Test func batchesListsEveryBatch() throws {
        let workspace = try Self.scoredWorkspace()
        workspace.run(["score", "--force"])
        let result = workspace.run(["batches", "--lang", "en"])
        let rows = Workspace.masked(result.output).split(separator: "\n").map { Workspace.cells(String($0)) }
        #expect(rows == [
            ["Batch", "Campaign", "Tree", "Revision", "Hash", "Engine", "Finished", "Enterprises", "Ranked", "Vetoed", "Recommended", "Left out"],
            ["-----", "--------", "-----------------------", "--------", "------------", "------", "-------------------",
             "-----------", "------", "------", "-----------", "--------"],
            ["1", "德州2026", "lianghua-default 2026.1", "1", CampaignCommandTests.hash, engineVersion, "<time>", "6", "5", "2", "1", "0"],
            ["2", "德州2026", "lianghua-default 2026.1", "1", CampaignCommandTests.hash, engineVersion, "<time>", "6", "5", "2", "1", "0"],
        ])
        struct Listed: Decodable {
            let id: Int
            let engineVersion: String
        }
        let listed = try JSONDecoder().decode([Listed].self, from: Data(workspace.run(["batches", "--json"]).output.utf8))
        #expect(listed.map(\.id) == [1, 2] && listed.allSatisfy { $0.engineVersion == engineVersion })
    }
}
