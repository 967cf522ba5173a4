import Foundation
import RongheKit

/// `ronghe flag USCC FLAG`: sets or removes a staff flag such as `falsified`.
struct FlagCommand: Command {
    static let configuration = CommandConfiguration(
        name: "flag",
        abstract: "Set or remove a staff flag (such as falsified) on an enterprise.",
        discussion: """
            Staff flags record what the bureau found rather than what the enterprise answered, \
            such as falsified (弄虚作假), which the default tree's veto rules test. Only flags some \
            condition of the campaign's tree tests are accepted. A flag is kept with who set it, \
            when and why; removing it stamps it rather than deleting it. The next `ronghe score` \
            applies the change.
            """,
        arguments: [
            .positional("USCC", help: "The enterprise's unified social credit code."),
            .positional("FLAG", help: "The flag, e.g. falsified."),
            StoreAccess.campaignOption,
            .flag("remove", help: "Remove the flag instead of setting it."),
            .option("note", valueName: "TEXT", help: "Why: kept with the flag (or with its removal)."),
            .option("by", valueName: "NAME", help: "Who sets it; the login name by default."),
        ],
        examples: [
            "ronghe flag 91371400163000111R falsified --note '核查发现能耗数据不实'",
            "ronghe flag 91371400163000111R falsified --remove --note '复核无误'",
        ]
    )

    var uscc: String
    var flag: String
    var campaignName: String?
    var remove: Bool
    var note: String?
    var person: String?

    init(_ arguments: ParsedArguments) throws {
        uscc = try arguments.value("USCC")
        flag = try arguments.value("FLAG")
        campaignName = try arguments.option("campaign")
        remove = arguments.flag("remove")
        note = try arguments.option("note")
        person = try arguments.option("by")
    }

    func run(_ context: CommandContext) throws {
        let store = try StoreAccess.open(context)
        let campaign = try StoreAccess.campaign(campaignName, in: store)
        let person = person ?? context.environment["USER"] ?? context.environment["LOGNAME"] ?? "unknown"
        let result: StaffFlag
        do {
            result = remove
                ? try store.removeFlag(flag, uscc: uscc, in: campaign, note: note, by: person)
                : try store.setFlag(flag, uscc: uscc, in: campaign, note: note, by: person)
        } catch let error as StoreError {
            switch error {
            case .invalidCreditCode, .unknownFlag: throw ValidationError(error.description)
            default: throw error
            }
        }
        let name = try store.enterprise(uscc: result.uscc).map { " (\(StoreText.printable($0.name)))" } ?? ""
        let action = remove
            ? "Removed the flag \(flag) from \(result.uscc)\(name)"
            : "Flagged \(result.uscc)\(name) \(flag)"
        context.print("\(action) in campaign \(campaign.name); score again (ronghe score) to apply it")
    }
}
