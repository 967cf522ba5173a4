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
