import Foundation
import RongheKit

/// `ronghe campaign new NAME --indicators FILE [--year Y]`: creates a campaign (and the database
/// when it does not exist yet).
struct CampaignNewCommand: Command {
    static let configuration = CommandConfiguration(
        name: "new",
        abstract: "Create a campaign with an indicator tree; creates the database if needed.",
        discussion: """
            The tree is validated in full (as `ronghe indicators check` does) and stored with its \
            SHA-256, so every later import and batch can name exactly the tree it used. This is \
            the only command that creates the database file.
            """,
        arguments: [
            .positional("NAME", help: "The campaign's name, unique in the database, e.g. 德州2026."),
            .option("indicators", valueName: "FILE", required: true, help: "The indicator tree, a JSON file."),
            .option("year", valueName: "Y", help: "The campaign year; the current year by default."),
        ],
        examples: ["ronghe campaign new 德州2026 --indicators indicators/lianghua-default.json --year 2026"]
    )

    var name: String
    var indicators: String
    var year: Int?

    init(_ arguments: ParsedArguments) throws {
        name = try arguments.value("NAME")
        indicators = try arguments.value("indicators")
        year = try arguments.option("year", in: 2000...2100)
    }

    func run(_ context: CommandContext) throws {
        let data = try CampaignSetTreeCommand.read(indicators, context: context)
        // Checked before the database is opened, so a bad tree never leaves an empty database.
        _ = try IndicatorTree.parse(data, source: indicators)
        let store = try StoreAccess.openCreating(context)
        let campaign = try store.createCampaign(name: name, treeJSON: data, source: indicators, year: year)
        context.print(
            "Created campaign \(campaign.name) (year \(campaign.year)) with indicator tree \(StoreText.tree(campaign.tree)) "
                + "(sha256 \(StoreText.shortHash(campaign.tree.hash))) in \(StoreAccess.databaseName(context))")
    }
}
