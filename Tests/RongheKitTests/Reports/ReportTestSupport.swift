import Foundation

@testable import RongheKit

/// Inputs and read-back helpers for the workbook's tests.
enum ReportFixture {
    static let tree = try! IndicatorTree.load(contentsOf: Fixtures.defaultTreeURL)
    /// 2026-05-20 09:30 in Beijing.
    static let scoredAt = Date(timeIntervalSince1970: 1_779_240_600)
    /// A name that a spreadsheet would run as a formula if it were not written as text.
    static let formulaName = #"=HYPERLINK("x")"#
    static let formulaUSCC = "91371402MA3C5LXK3A"

    /// The six sample surveys of `surveys/json`, read and validated as `ronghe export` does.
    static func sampleResponses() -> [SurveyResponse] {
        var collector = ReportIntakeCollector(tree: tree, currentYear: 2026)
        let directory = Fixtures.repository.appendingPathComponent("surveys/json")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()) ?? []
        for name in names where name.hasSuffix(".json") {
            collector.add(directory.appendingPathComponent(name), file: "surveys/json/\(name)")
        }
        return collector.responses
    }

    /// The samples plus a copy of the Dezhou chemical firm under another code whose name is a
    /// formula, and a second Decheng firm so that district has competition.
    static func responses() -> [SurveyResponse] {
        var responses = sampleResponses()
        if var copy = responses.first(where: { $0.profile.uscc == "91371402MA3C5LXK2W" }) {
            copy.profile.uscc = formulaUSCC
            copy.profile.name = formulaName
            copy.answers["D1.1"] = .number(5)
            copy.answers["C1.3"] = .choice("linked")
            responses.append(copy)
        }
        return responses
    }

    /// Scores, selects and analyses `responses` into a report input with a fixed batch time.
    static func input(
        _ responses: [SurveyResponse] = responses(), language: Language = .zh, profiles: [String] = [],
        runs: Int = 200, intake: ReportInput.Intake? = nil, districtNames: [String: String] = ["371402": "德城区"]
    ) throws -> ReportInput {
        let result = try ScoringEngine(tree: tree).score(responses)
        let selection = try Selection.select(result)
        let robustness = runs > 0 ? try RobustnessAnalysis.run(result, settings: RobustnessSettings(runs: runs, seed: 7), threads: 2) : nil
        return ReportInput(
            campaign: "德州市2026年两化融合评估", batch: .init(id: "batch-7", scoredAt: scoredAt, engineVersion: engineVersion),
            result: result, selection: selection, robustness: robustness,
            intake: intake ?? .allAccepted(responses.count), language: language, profiles: profiles,
            districtNames: districtNames)
    }

    /// Every sheet of the workbook at `path` as a grid, by name.
    static func grids(_ path: String) throws -> [String: SheetGrid] {
        let reader = try XLSXReader(path: path)
        var grids: [String: SheetGrid] = [:]
        for sheet in reader.sheets { grids[sheet.name] = try reader.grid(ofSheet: sheet.name) }
        return grids
    }

    /// The names of the parts of the package at `path` that match `prefix`, such as charts.
    static func parts(_ path: String, prefix: String) throws -> [String] {
        try ZipArchive(path: path).entries.map(\.name).filter { $0.hasPrefix(prefix) }.sorted()
    }

    /// A batch of `count` synthetic enterprises made by perturbing the samples' answers with a
    /// seeded generator: numbers scaled by 0.4–1.6, choices redrawn now and then, a few answers
    /// left blank, districts and sizes spread so every track and cell has competition.
    static func perturbed(count: Int, seed: UInt64) -> [SurveyResponse] {
        let samples = sampleResponses()
        var random = SplitMix64(seed: seed)
        let districts = ["371402", "371403", "371422", "371423", "371424", "371425", "371426", "371427", "371428", "371481", "371482"]
        let sizes: [SizeClass] = [.large, .medium, .small, .micro]
        return (0..<count).map { index in
            var response = samples[index % samples.count]
            response.profile.uscc = String(format: "91371400MA%08d", index)
            response.profile.name = "测试企业\(index)号有限公司"
            response.profile.district = districts[Int(random.next() % UInt64(districts.count))]
            response.profile.size = sizes[Int(random.next() % UInt64(sizes.count))]
            for id in response.answers.keys.sorted() {
                let draw = random.nextUnit()
                guard let question = tree.question(id), !id.hasPrefix("V") else { continue }
                if draw < 0.03 {
                    response.answers[id] = nil
                    continue
                }
                switch response.answers[id] {
                case .number(let value)?:
                    response.answers[id] = .number((value * (0.4 + 1.2 * random.nextUnit()) * 100).rounded() / 100)
                case .choice?:
                    if draw < 0.3, !question.options.isEmpty {
                        response.answers[id] = .choice(question.options[Int(random.next() % UInt64(question.options.count))].code)
                    }
                default:
                    break
                }
            }
            return response
        }
    }
}

extension SheetGrid {
    /// The 1-based row numbers whose column `column` holds `value`.
    func rows(where column: Int, equals value: CellValue) -> [Int] {
        (1...Swift.max(1, rowCount)).filter { self[$0, column] == value }
    }
}
