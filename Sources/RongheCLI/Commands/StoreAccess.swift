import Foundation
import RongheKit

/// How commands reach the campaign database named by `--db`.
enum StoreAccess {
    /// Opens the existing database; a missing one is an error, never created by accident.
    static func open(_ context: CommandContext) throws -> CampaignStore {
        do {
            return try CampaignStore.open(path: context.databasePath)
        } catch StoreError.databaseMissing {
            throw StoreError.databaseMissing(path: databaseName(context))
        }
    }

    /// Opens the database, creating it when missing (only `campaign new` does).
    static func openCreating(_ context: CommandContext) throws -> CampaignStore {
        try CampaignStore.open(path: context.databasePath, createIfMissing: true)
    }

    /// The database as the user named it: `--db` as given, or the default.
    static func databaseName(_ context: CommandContext) -> String {
        let declared = context.globalOptions.definitions.contains { $0.name == "db" }
        let given = declared ? (try? context.globalOptions.option("db", as: String.self)) ?? nil : nil
        return given ?? Ronghe.defaultDatabasePath
    }

    /// The campaign named by `--campaign`, or the only one. Choosing wrongly is a usage error
    /// that lists the campaigns.
    static func campaign(_ name: String?, in store: CampaignStore) throws -> Campaign {
        do {
            return try store.resolveCampaign(name)
        } catch let error as StoreError {
            switch error {
            case .campaignRequired, .unknownCampaign: throw ValidationError(error.description)
            default: throw error
            }
        }
    }

    /// The `--campaign NAME` option every store command takes.
    static let campaignOption = ArgumentDefinition.option(
        "campaign", valueName: "NAME",
        help: "The campaign; may be left out when the database holds only one.")

    /// The `--lang` option of store commands.
    static let languageOption = ArgumentDefinition.option(
        "lang", allowedValues: Language.allCases.map(\.rawValue), default: Language.zh.rawValue,
        help: "The language of names, labels and messages.")
}

/// Texts shared by the store commands.
enum StoreText {
    /// A time as people read it: local time, to the second.
    static func time(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        localtime_r(&seconds, &parts)
        return String(
            format: "%04d-%02d-%02d %02d:%02d:%02d", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday),
            Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
    }

    /// Text from enterprises made safe for a terminal line: control characters (escape
    /// sequences, carriage returns) shown as spaces, as ``TextTable`` shows them in cells.
    static func printable(_ text: String) -> String {
        String(text.map { $0.unicodeScalars.contains { $0.properties.generalCategory == .control } ? " " : $0 })
    }

    /// The first 12 hexadecimal digits of a SHA-256, enough to tell trees apart in a listing.
    static func shortHash(_ hash: String) -> String {
        String(hash.prefix(12))
    }

    /// `1 record`, `2 records`.
    static func count(_ number: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(number) \(number == 1 ? singular : plural ?? singular + "s")"
    }

    /// A score with two decimals, as rankings show it.
    static func score(_ value: Double?) -> String {
        value.map { String(format: "%.2f", $0) } ?? "-"
    }

    /// A weight or ratio with up to four decimals, without trailing zeros.
    static func decimal(_ value: Double, digits: Int = 4) -> String {
        var text = String(format: "%.\(digits)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    /// A stage's name in the tree.
    static func stage(_ id: String?, in tree: IndicatorTree, _ language: Language) -> String {
        guard let id else { return "" }
        return tree.stages.first { $0.id == id }?.name.text(language) ?? id
    }

    /// The veto rules' reasons in the tree.
    static func vetoes(_ ids: [String], in tree: IndicatorTree, _ language: Language) -> [String] {
        ids.map { id in tree.vetoes.first { $0.id == id }?.reason.text(language) ?? id }
    }

    /// The tree's name for a revision: `lianghua-default 2026.1`.
    static func tree(_ revision: TreeRevision) -> String {
        "\(revision.treeID) \(revision.treeVersion)"
    }
}

/// Tree revisions as `--json` prints them.
struct TreeRevisionJSON: Encodable {
    let revision: Int
    let id: String
    let version: String
    let hash: String
    let source: String
    let installedAt: Date

    init(_ revision: TreeRevision) {
        self.revision = revision.revision
        id = revision.treeID
        version = revision.treeVersion
        hash = revision.hash
        source = revision.source
        installedAt = revision.installedAt
    }
}

/// Batches as `--json` prints them.
struct BatchJSON: Encodable {
    let id: Int64
    let campaign: String
    let tree: TreeRevisionJSON
    let engineVersion: String
    let parameters: [String: String]
    let startedAt: Date
    let finishedAt: Date
    let enterprises: Int
    let ranked: Int
    let vetoed: Int
    let eligible: Int?
    let recommended: Int?
    let excluded: Int

    init(_ batch: BatchInfo) {
        id = batch.id
        campaign = batch.campaignName
        tree = TreeRevisionJSON(batch.tree)
        engineVersion = batch.engineVersion
        parameters = batch.parameters
        startedAt = batch.startedAt
        finishedAt = batch.finishedAt
        enterprises = batch.enterprises
        ranked = batch.ranked
        vetoed = batch.vetoed
        eligible = batch.eligible
        recommended = batch.recommended
        excluded = batch.excluded
    }
}
