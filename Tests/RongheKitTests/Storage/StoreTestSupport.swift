import Foundation
import Testing

@testable import RongheKit

/// A campaign store in a temporary directory, with a fixed clock and the default tree's campaign.
final class TestStore {
    let directory: TemporaryDirectory
    let store: CampaignStore
    let campaign: Campaign
    let tree: IndicatorTree
    private var clock = Date(timeIntervalSince1970: 1_777_600_000)

    init(campaignName: String = "德州2026") throws {
        directory = try TemporaryDirectory()
        store = try CampaignStore.open(path: directory.path("ronghe.sqlite"), createIfMissing: true)
        tree = try IndicatorTree.load(contentsOf: Fixtures.defaultTreeURL)
        campaign = try store.createCampaign(
            name: campaignName, treeJSON: Data(contentsOf: Fixtures.defaultTreeURL),
            source: "indicators/lianghua-default.json", year: 2026)
        store.now = { [unowned self] in
            clock += 1
            return clock
        }
    }

    deinit {
        directory.remove()
    }

    var path: String { directory.path("ronghe.sqlite") }

    /// Writes `data` as `name` in the temporary directory and returns its URL.
    func write(_ data: Data, as name: String) throws -> URL {
        let url = directory.url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
        return url
    }

    /// Imports a file with survey years checked against 2026.
    @discardableResult
    func importFile(_ url: URL, name: String? = nil, strict: Bool = false, campaign: Campaign? = nil) throws -> ImportReport {
        try store.importFile(
            at: url, name: name ?? url.lastPathComponent, into: campaign ?? self.campaign,
            options: ImportOptions(strict: strict, currentYear: 2026))
    }

    /// The number of rows of every table, to show an operation added nothing.
    func rowCounts() throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for row in try store.db.rows("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name") {
            let table = try row.string(0)
            counts[table] = try store.db.scalar("SELECT count(*) FROM \"\(table)\"", as: Int.self)
        }
        return counts
    }

    func count(_ sql: String, _ arguments: [any SQLiteValueConvertible] = []) throws -> Int {
        try store.db.scalar(sql, arguments, as: Int.self)
    }

    /// The repository's sample JSON surveys, sorted by name.
    static let sampleSurveys: [URL] = {
        let directory = Fixtures.repository.appendingPathComponent("surveys/json")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map { directory.appendingPathComponent($0) }
    }()
}

/// Synthetic batch CSV files for the default tree: valid credit codes, profiles that agree with
/// their size class, answers within every question's bounds, about 3% of answers left blank.
struct SurveyCSVMaker {
    static let districts = ["371402", "371403", "371421", "371422", "371423", "371424", "371425", "371426"]
    static let industries = ["C13", "C17", "C26", "C30", "C34", "C35", "C38", "I65"]

    let tree: IndicatorTree
    var random: SplitMix64

    init(tree: IndicatorTree, seed: UInt64) {
        self.tree = tree
        random = SplitMix64(seed: seed)
    }

    /// The credit code of synthetic enterprise `index`.
    static func uscc(_ index: Int) -> String {
        let body = "91371402MA" + String(format: "%07d", index)
        return body + String(CreditCode.checkCharacter(for: body))
    }

    var header: [String] {
        ["uscc", "name", "district", "industry", "size", "employees", "revenue", "year"] + tree.questions.map(\.id)
    }

    /// One record per index in `indices`, with the header first.
    mutating func rows(_ indices: Range<Int>) -> [[String]] {
        [header] + indices.map { row(index: $0) }
    }

    mutating func csv(_ indices: Range<Int>) -> Data {
        let rows = rows(indices)
        return (try? CSVWriter.data(for: rows)) ?? Data()
    }

    mutating func row(index: Int) -> [String] {
        let employees = Int.random(in: 20...2500, using: &random)
        let revenue = Double(Int.random(in: 300...90_000, using: &random))
        var fields = [
            Self.uscc(index), "测试企业\(index)有限公司", Self.districts.randomElement(using: &random)!,
            Self.industries.randomElement(using: &random)!,
            SizeClass.classify(employees: employees, revenue: revenue).rawValue, String(employees),
            formatNumber(revenue), "2026",
        ]
        var energyKeyUser = false
        for question in tree.questions {
            fields.append(answer(question, energyKeyUser: &energyKeyUser))
        }
        return fields
    }

    private mutating func answer(_ question: Question, energyKeyUser: inout Bool) -> String {
        let required = question.id.hasPrefix("V") || question.id.hasPrefix("P") || question.id == "F0"
        if !required && random.nextUnit() < 0.03 { return "" }
        switch question.type {
        case .number:
            let low = question.minimum ?? -500
            let high = question.maximum ?? 5000
            let value = low + (high - low) * random.nextUnit()
            return formatNumber(question.integer ? value.rounded(.down) : (value * 10).rounded() / 10)
        case .percent:
            let low = max(question.minimum ?? 0, 0)
            let high = min(question.maximum ?? 100, 100)
            return formatNumber(((low + (high - low) * random.nextUnit()) * 10).rounded() / 10) + "%"
        case .yesNo:
            if question.id == "F1.2" && !energyKeyUser { return "" }
            let yes = random.nextUnit() < (question.id.hasPrefix("V") ? 0.03 : 0.6)
            if question.id == "F0" { energyKeyUser = yes }
            return yes ? "是" : "否"
        case .choice:
            return question.options.randomElement(using: &random)?.code ?? ""
        case .multiChoice:
            let chosen = question.options.filter { _ in random.nextUnit() < 0.5 }.map(\.code)
            return chosen.isEmpty ? "无" : chosen.joined(separator: ";")
        case .text:
            return ""
        }
    }
}

/// Bit-for-bit comparison of score cards, with a readable difference.
func expectIdentical(_ stored: ScoreCard, _ engine: ScoreCard, sourceLocation: SourceLocation = #_sourceLocation) {
    func same(_ a: Double?, _ b: Double?) -> Bool { a?.bitPattern == b?.bitPattern }
    #expect(stored.profile == engine.profile, sourceLocation: sourceLocation)
    #expect(same(stored.total, engine.total), "total of \(engine.profile.uscc)", sourceLocation: sourceLocation)
    #expect(same(stored.completeness, engine.completeness), sourceLocation: sourceLocation)
    #expect(stored.stage == engine.stage && stored.vetoes == engine.vetoes, sourceLocation: sourceLocation)
    #expect(stored.isRanked == engine.isRanked && stored.ranks == engine.ranks, sourceLocation: sourceLocation)
    #expect(stored.nodes.count == engine.nodes.count, sourceLocation: sourceLocation)
    for (a, b) in zip(stored.nodes, engine.nodes) {
        let identical = a.id == b.id && same(a.score, b.score) && same(a.weight, b.weight)
            && same(a.nominalWeight, b.nominalWeight) && same(a.globalWeight, b.globalWeight) && same(a.value, b.value)
            && a.flags == b.flags
        #expect(identical, "\(engine.profile.uscc) node \(b.id): stored \(a), engine \(b)", sourceLocation: sourceLocation)
    }
}
