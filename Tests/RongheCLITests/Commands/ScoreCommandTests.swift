import Foundation
import RongheKit
import Testing

@testable import RongheCLI

@Suite struct ScoreCommandTests {
    struct Row: Decodable {
        let uscc: String
        let total: Double
        let stage: String?
        let vetoes: [String]
        let ranked: Bool
        let ranks: Ranks
    }

    @Test func scoresTheSampleJSONSurveys() throws {
        let run = CLITest.run(["score", "--indicators", "indicators/lianghua-default.json", "surveys/json", "--json"])
        #expect(run.status == 0, "\(run)")
        let rows = try JSONDecoder().decode([Row].self, from: Data(run.output.utf8))
        #expect(rows.count == 6)
        // Listed in rank order: totals never rise down the list among the ranked.
        let ranked = rows.filter(\.ranked)
        #expect(zip(ranked, ranked.dropFirst()).allSatisfy { $0.total >= $1.total })
        #expect(ranked.map { $0.ranks.overall } == [1, 2, 3, 4, 5])
        // The large machinery group answers at the top of every scale; its integration (D) is
        // 0.6 · 100 + 0.4 · (0.6 · 87.5 + 0.4 · 100) = 97, so it can reach 创新突破.
        #expect(rows[0].uscc == "91371400163000111R")
        #expect(rows[0].stage == "innovation")
        // The Qihe firm reported a Level I/II environmental incident (V2 = 是).
        #expect(rows.first { $0.uscc == "91371425MA3D2K8L0Y" }?.vetoes == ["environment"])
        // The Lingcheng textile mill lost money two years running and left most questions blank:
        // below the 60% completeness needed to be ranked, so it is listed last without a rank.
        let mill = try #require(rows.last)
        #expect(mill.uscc == "92371400MA3Q8Y7N1E")
        #expect(!mill.ranked && mill.ranks.overall == nil)
        #expect(mill.vetoes == ["losses", "incomplete"])
    }

    @Test func printsATableWithStages() {
        let run = CLITest.run(["score", "--indicators", "indicators/lianghua-default.json", "surveys/json"])
        #expect(run.status == 0)
        let lines = run.output.split(separator: "\n")
        #expect(lines.first?.hasPrefix("排名  统一社会信用代码") == true)
        #expect(lines.last == "6 scored, 0 rejected")
        #expect(lines.contains { $0.hasPrefix("1     91371400163000111R  山东德赛机械集团有限公司") && $0.contains("创新突破") })
    }

    @Test func rejectedSurveysAreListedAndFailTheRun() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ronghe-score-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let sample = CLITest.repository.appendingPathComponent("surveys/json/91371402MA3C5LXK2W.json")
        let text = try String(contentsOf: sample, encoding: .utf8).replacingOccurrences(of: "91371402MA3C5LXK2W", with: "91371402MA3C5LXK2X")
        try Data(text.utf8).write(to: directory.appendingPathComponent("bad.json"))
        let run = CLITest.run([
            "score", "--indicators", CLITest.repository.appendingPathComponent("indicators/lianghua-default.json").path,
            "bad.json", "--lang", "en",
        ], in: directory)
        #expect(run.status == 1)
        #expect(run.error == """
            bad.json:enterprise.uscc: error: the check character of credit code 91371402MA3C5LXK2X should be "W", not "X"; the code was probably mistyped

            """)
        #expect(run.output.hasSuffix("0 scored, 1 rejected\n"))
    }

    @Test func missingSurveyIsAUsageError() {
        let run = CLITest.run(["score", "--indicators", "indicators/lianghua-default.json", "surveys/nope"])
        #expect(run.status == 64)
        #expect(run.error.hasPrefix("error: no such file or directory: surveys/nope\n"))
    }
}
