import Foundation
import RongheKit

/// `ronghe show USCC`: one enterprise's score explained node by node, from stored data.
struct ShowCommand: Command {
    static let configuration = CommandConfiguration(
        name: "show",
        abstract: "Explain one enterprise's score node by node, from the stored batch.",
        discussion: """
            Everything comes from the database, nothing is scored again: the enterprise's \
            profile, the batch and tree revision, the total, stage, ranks, vetoes with their \
            reasons and the selection outcome; then every node of the tree, from the total down \
            to each indicator, with the answer it read, the value, the score, the weight used \
            (and the nominal one when blanks or inapplicable questions re-spread it), the share \
            of the total it carries and what happened to blanks; then the staff flags, which file \
            and place the survey came from, and every record the enterprise sent.
            """,
        arguments: [
            .positional("USCC", help: "The enterprise's unified social credit code."),
            StoreAccess.campaignOption,
            .option("batch", valueName: "ID", help: "The batch; the latest one that scored the enterprise by default."),
            StoreAccess.languageOption,
            .flag("json", help: "Print the explanation as JSON for scripts."),
        ],
        examples: ["ronghe show 91371400163000111R", "ronghe show 91371400163000111R --lang en --batch 2"]
    )

    var uscc: String
    var campaignName: String?
    var batchID: Int?
    var language: Language
    var json: Bool

    init(_ arguments: ParsedArguments) throws {
        uscc = try arguments.value("USCC")
        campaignName = try arguments.option("campaign")
        batchID = try arguments.option("batch", in: 1...)
        language = Language(rawValue: try arguments.value("lang")) ?? .zh
        json = arguments.flag("json")
    }

    func validate() throws {
        let code = uscc.uppercased().filter { !$0.isWhitespace }
        if CreditCode.problem(in: code) != nil {
            throw ValidationError("'\(uscc)' is not a valid unified social credit code")
        }
    }

    func run(_ context: CommandContext) throws {
        let store = try StoreAccess.open(context)
        let campaign: Campaign
        if let batchID {
            let batch = try store.batch(id: Int64(batchID))
            campaign = try StoreAccess.campaign(campaignName ?? batch.campaignName, in: store)
        } else {
            campaign = try StoreAccess.campaign(campaignName, in: store)
        }
        let code = uscc.uppercased().filter { !$0.isWhitespace }
        let explanation = try store.explanation(uscc: code, in: campaign, batch: batchID.map(Int64.init))
        if json {
            try context.writeJSON(ExplanationJSON(explanation, language: language))
        } else {
            context.standardOutput.write(ExplanationListing(explanation: explanation, language: language).text)
        }
    }
}
