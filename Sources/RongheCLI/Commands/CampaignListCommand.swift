import Foundation
import RongheKit

/// `ronghe campaign list`: the campaigns in the database with what they hold.
struct CampaignListCommand: Command {
    static let configuration = CommandConfiguration(
        name: "list",
        abstract: "List the campaigns with their trees, files, submissions and batches.",
        arguments: [
            StoreAccess.languageOption,
            .flag("json", help: "Print the campaigns as JSON for scripts."),
        ],
        examples: ["ronghe campaign list", "ronghe campaign list --json"]
    )

    var language: Language
    var json: Bool

    init(_ arguments: ParsedArguments) throws {
        language = Language(rawValue: try arguments.value("lang")) ?? .zh
        json = arguments.flag("json")
    }

    struct Listed: Encodable {
        let name: String
        let year: Int
        let createdAt: Date
        let tree: TreeRevisionJSON
        let revisions: Int
        let files: Int
        let submissions: Int
        let enterprises: Int
        let batches: Int
        let latestBatch: Int64?
    }

    func run(_ context: CommandContext) throws {
        let store = try StoreAccess.open(context)
        let overviews = try store.campaignOverviews()
        if json {
            try context.writeJSON(overviews.map { overview in
                Listed(
                    name: overview.campaign.name, year: overview.campaign.year, createdAt: overview.campaign.createdAt,
                    tree: TreeRevisionJSON(overview.campaign.tree), revisions: overview.revisions, files: overview.files,
                    submissions: overview.submissions, enterprises: overview.enterprises, batches: overview.batches,
                    latestBatch: overview.latestBatch)
            })
            return
        }
        let titles = language == .zh
            ? ["名称", "年度", "指标体系", "修订", "文件", "提交记录", "企业", "评分批次", "创建时间"]
            : ["Name", "Year", "Indicator tree", "Revision", "Files", "Records", "Enterprises", "Batches", "Created"]
        var table = TextTable(columns: titles.map { TextTable.Column($0) })
        for overview in overviews {
            let campaign = overview.campaign
            table.append([
                campaign.name, String(campaign.year), StoreText.tree(campaign.tree), String(campaign.tree.revision),
                String(overview.files), String(overview.submissions), String(overview.enterprises), String(overview.batches),
                StoreText.time(campaign.createdAt),
            ])
        }
        context.standardOutput.write(table.render())
    }
}
