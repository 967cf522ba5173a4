import Foundation
import RongheKit

/// `ronghe campaign set-tree NAME --indicators FILE`: gives a campaign a revised tree.
struct CampaignSetTreeCommand: Command {
    static let configuration = CommandConfiguration(
        name: "set-tree",
        abstract: "Give a campaign a revised indicator tree; earlier revisions are kept.",
        discussion: """
            The revised tree applies from the next `ronghe score`; stored batches keep the \
            revision they were scored with. Surveys imported under questions that have since \
            changed are validated again, from their raw records, when the campaign is next scored. \
            Giving the tree already in use changes nothing.
            """,
        arguments: [
            .positional("NAME", help: "The campaign."),
            .option("indicators", valueName: "FILE", required: true, help: "The revised indicator tree, a JSON file."),
        ],
        examples: ["ronghe campaign set-tree 德州2026 --indicators indicators/lianghua-2026.2.json"]
    )

    var name: String
    var indicators: String

    init(_ arguments: ParsedArguments) throws {
        name = try arguments.value("NAME")
        indicators = try arguments.value("indicators")
    }

    func run(_ context: CommandContext) throws {
        let data = try Self.read(indicators, context: context)
        let store = try StoreAccess.open(context)
        let campaign = try StoreAccess.campaign(name, in: store)
        let change = try store.setTree(campaign: campaign, treeJSON: data, source: indicators)
        let tree = change.campaign.tree
        if change.isChanged {
            context.print(
                "Campaign \(campaign.name) now uses \(StoreText.tree(tree)) (revision \(tree.revision), sha256 "
                    + "\(StoreText.shortHash(tree.hash))); revision \(change.previous.revision) is kept. "
                    + "Score again (ronghe score) to apply it.")
        } else {
            context.print(
                "Campaign \(campaign.name) already uses this tree (revision \(tree.revision), sha256 "
                    + "\(StoreText.shortHash(tree.hash))); nothing changed.")
        }
    }

    /// Reads a tree file, naming it as typed in errors; the store validates it.
    static func read(_ path: String, context: CommandContext) throws -> Data {
        let url = context.url(forPath: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw IndicatorError.unreadable(file: path, reason: "no such file")
        }
        if isDirectory.boolValue {
            throw IndicatorError.unreadable(file: path, reason: "it is a directory, not a JSON file")
        }
        do {
            return try Data(contentsOf: url)
        } catch {
            throw IndicatorError.unreadable(file: path, reason: (error as NSError).localizedDescription)
        }
    }
}
