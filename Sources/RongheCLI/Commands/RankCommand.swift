import Foundation
import RongheKit

/// `ronghe rank`: the ranking stored by a scoring batch, overall or within districts, industries
/// or size classes.
struct RankCommand: Command {
    /// What `--by` groups the ranking by.
    enum Grouping: String, CaseIterable, ExpressibleByArgument {
        case district, industry, size
    }

    static let configuration = CommandConfiguration(
        name: "rank",
        abstract: "Print the ranking of the latest (or a given) batch, overall or by group.",
        discussion: """
            Lists the enterprises of a stored batch in rank order: competition ranks on unrounded \
            totals (1, 2, 2, 4), exact ties in credit-code order, then the enterprises too \
            incomplete to be ranked. With --by, one table per district, industry or size class, \
            ranked within it. Nothing is computed again: the figures are the batch's.
            """,
        arguments: [
            StoreAccess.campaignOption,
            .option("batch", valueName: "ID", help: "The batch to list; the campaign's latest by default."),
            .option("by", allowedValues: Grouping.allValueStrings, help: "Rank within each district, industry or size class."),
            .option("top", valueName: "N", help: "List only the first N (of each group, with --by)."),
            StoreAccess.languageOption,
            .flag("json", help: "Print the ranking as JSON for scripts."),
        ],
        examples: ["ronghe rank", "ronghe rank --by district --top 3", "ronghe rank --batch 2 --json"]
    )

    var campaignName: String?
    var batchID: Int?
    var grouping: Grouping?
    var top: Int?
    var language: Language
    var json: Bool

    init(_ arguments: ParsedArguments) throws {
        campaignName = try arguments.option("campaign")
        batchID = try arguments.option("batch", in: 1...)
        grouping = try arguments.option("by")
        top = try arguments.option("top", in: 1...)
        language = Language(rawValue: try arguments.value("lang")) ?? .zh
        json = arguments.flag("json")
    }

    func validate() throws {
        if batchID != nil && campaignName != nil {
            throw ValidationError("give `--batch` or `--campaign`, not both: a batch belongs to one campaign")
        }
    }

    func run(_ context: CommandContext) throws {
        let store = try StoreAccess.open(context)
        let batch: BatchInfo
        if let batchID {
            batch = try store.batch(id: Int64(batchID))
        } else {
            batch = try store.latestBatch(of: try StoreAccess.campaign(campaignName, in: store))
        }
        let results = try store.results(batch: batch.id)
        let tree = try store.tree(of: batch.tree)
        let groups = Self.groups(results, by: grouping, top: top)
        if json {
            try context.writeJSON(groups.flatMap { group in group.results.map { RankedJSON($0, group: group.key, tree: tree) } })
            return
        }
        let zh = language == .zh
        context.print(
            zh ? "批次 \(batch.id) · \(batch.campaignName) · 指标体系 \(StoreText.tree(batch.tree))（修订 \(batch.tree.revision)）· "
                + "评分于 \(StoreText.time(batch.finishedAt))"
                : "Batch \(batch.id) · \(batch.campaignName) · \(StoreText.tree(batch.tree)) (revision \(batch.tree.revision)) · "
                + "scored \(StoreText.time(batch.finishedAt))")
        for group in groups {
            if let grouping {
                context.print()
                context.print(Self.groupTitle(grouping, key: group.key, count: group.total, language: language))
            }
            context.standardOutput.write(table(group.results, grouping: grouping, tree: tree).render())
        }
    }

    struct Group {
        var key: String?
        /// Enterprises in the group, before `--top`.
        var total: Int
        var results: [StoredResult]
    }

    /// The results grouped (in key order) and ordered by rank within the group, each cut to `top`.
    static func groups(_ results: [StoredResult], by grouping: Grouping?, top: Int?) -> [Group] {
        guard let grouping else {
            return [Group(key: nil, total: results.count, results: Array(results.prefix(top ?? results.count)))]
        }
        let grouped = Dictionary(grouping: results) { key(of: $0, grouping) }
        return grouped.keys.sorted(by: { order(of: $0, grouping) < order(of: $1, grouping) }).map { key in
            let members = grouped[key]!.sorted { a, b in
                switch (rank(of: a, grouping), rank(of: b, grouping)) {
                case (let x?, let y?): return x != y ? x < y : a.uscc < b.uscc
                case (.some, nil): return true
                case (nil, .some): return false
                case (nil, nil): return a.total != b.total ? a.total > b.total : a.uscc < b.uscc
                }
            }
            return Group(key: key, total: members.count, results: Array(members.prefix(top ?? members.count)))
        }
    }

    static func key(of result: StoredResult, _ grouping: Grouping) -> String {
        switch grouping {
        case .district: return result.district
        case .industry: return result.industry
        case .size: return result.size.rawValue
        }
    }

    /// Size classes from large to micro; other keys in text order.
    static func order(of key: String, _ grouping: Grouping) -> String {
        guard grouping == .size, let size = SizeClass(rawValue: key), let index = SizeClass.allCases.firstIndex(of: size) else {
            return key
        }
        return String(index)
    }

    static func rank(of result: StoredResult, _ grouping: Grouping) -> Int? {
        switch grouping {
        case .district: return result.ranks.district
        case .industry: return result.ranks.industry
        case .size: return result.ranks.size
        }
    }

    static func groupTitle(_ grouping: Grouping, key: String?, count: Int, language: Language) -> String {
        let key = key ?? ""
        switch (grouping, language) {
        case (.district, .zh): return "区县 \(key)（\(count) 家企业）"
        case (.industry, .zh): return "行业 \(key)（\(count) 家企业）"
        case (.size, .zh): return "规模 \(SizeClass(rawValue: key)?.label.zh ?? key)（\(count) 家企业）"
        case (.district, .en): return "District \(key) (\(StoreText.count(count, "enterprise")))"
        case (.industry, .en): return "Industry \(key) (\(StoreText.count(count, "enterprise")))"
        case (.size, .en): return "Size \(SizeClass(rawValue: key)?.label.text(.en) ?? key) (\(StoreText.count(count, "enterprise")))"
        }
    }

    private func table(_ results: [StoredResult], grouping: Grouping?, tree: IndicatorTree) -> TextTable {
        let zh = language == .zh
        var titles = zh
            ? ["排名", "统一社会信用代码", "企业名称", "区县", "行业", "规模", "总分", "发展阶段", "否决"]
            : ["Rank", "Credit code", "Name", "District", "Industry", "Size", "Total", "Stage", "Veto"]
        if let grouping {
            let title: String
            switch (grouping, zh) {
            case (.district, true): title = "区县排名"
            case (.industry, true): title = "行业排名"
            case (.size, true): title = "规模排名"
            case (.district, false): title = "In district"
            case (.industry, false): title = "In industry"
            case (.size, false): title = "In size"
            }
            titles.insert(title, at: 0)
        }
        var table = TextTable(columns: titles.map { TextTable.Column($0) })
        for result in results {
            var row = [
                result.ranks.overall.map(String.init) ?? "-", result.uscc, result.name, result.district, result.industry,
                result.size.label.text(language), StoreText.score(result.total), StoreText.stage(result.stage, in: tree, language),
                StoreText.vetoes(result.vetoes, in: tree, language).joined(separator: "; "),
            ]
            if let grouping { row.insert(Self.rank(of: result, grouping).map(String.init) ?? "-", at: 0) }
            table.append(row)
        }
        return table
    }
}

/// One ranked enterprise as `ronghe rank --json` prints it.
struct RankedJSON: Encodable {
    let group: String?
    let uscc: String
    let name: String
    let district: String
    let industry: String
    let size: String
    let total: Double
    let stage: String?
    let vetoes: [String]
    let completeness: Double
    let ranked: Bool
    let ranks: Ranks
    let track: String?
    let eligible: Bool?
    let recommended: Bool?
    let staffFlags: [String]

    init(_ result: StoredResult, group: String?, tree: IndicatorTree) {
        self.group = group
        uscc = result.uscc
        name = result.name
        district = result.district
        industry = result.industry
        size = result.size.rawValue
        total = result.total
        stage = result.stage
        vetoes = result.vetoes
        completeness = result.completeness
        ranked = result.isRanked
        ranks = result.ranks
        track = result.track
        eligible = result.isEligible
        recommended = result.isRecommended
        staffFlags = result.staffFlags
    }
}
