import Foundation
import RongheKit

/// `ronghe batches`: the stored scoring batches.
struct BatchesCommand: Command {
    static let configuration = CommandConfiguration(
        name: "batches",
        abstract: "List the stored scoring batches with their trees, engine and counts.",
        discussion: """
            Every `ronghe score` that found something new stored a batch: the exact tree revision \
            (and its SHA-256) and engine version it used, when it ran, and how many enterprises it \
            scored, ranked, vetoed and recommended. All campaigns are listed unless --campaign is \
            given.
            """,
        arguments: [
            .option("campaign", valueName: "NAME", help: "List only this campaign's batches."),
            StoreAccess.languageOption,
            .flag("json", help: "Print the batches as JSON for scripts."),
        ],
        examples: ["ronghe batches", "ronghe batches --campaign 德州2026 --json"]
    )

    var campaignName: String?
    var language: Language
    var json: Bool

    init(_ arguments: ParsedArguments) throws {
        campaignName = try arguments.option("campaign")
        language = Language(rawValue: try arguments.value("lang")) ?? .zh
        json = arguments.flag("json")
    }

    func run(_ context: CommandContext) throws {
        let store = try StoreAccess.open(context)
        let campaign = try campaignName.map { try StoreAccess.campaign($0, in: store) }
        let batches = try store.batches(of: campaign)
        if json {
            try context.writeJSON(batches.map(BatchJSON.init))
            return
        }
        let titles = language == .zh
            ? ["批次", "评估工作", "指标体系", "修订", "哈希", "引擎", "完成时间", "企业", "排名", "否决", "推荐", "未评分"]
            : ["Batch", "Campaign", "Tree", "Revision", "Hash", "Engine", "Finished", "Enterprises", "Ranked", "Vetoed",
               "Recommended", "Left out"]
        var table = TextTable(columns: titles.map { TextTable.Column($0) })
        for batch in batches {
            table.append([
                String(batch.id), batch.campaignName, StoreText.tree(batch.tree), String(batch.tree.revision),
                StoreText.shortHash(batch.tree.hash), batch.engineVersion, StoreText.time(batch.finishedAt),
                String(batch.enterprises), String(batch.ranked), String(batch.vetoed), batch.recommended.map(String.init) ?? "-",
                String(batch.excluded),
            ])
        }
        context.standardOutput.write(table.render())
    }
}
