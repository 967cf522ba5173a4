/// Why the campaign store cannot do what was asked, in words a bureau analyst can act on.
///
/// Errors of the layers below pass through unchanged: ``DatabaseError`` and ``MigrationError``
/// from SQLite, ``IndicatorError`` for an invalid tree.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A command that reads the store was pointed at a file that does not exist.
    case databaseMissing(path: String)
    /// The file is an SQLite database, but not one ronghe wrote, so it is left alone.
    case notARongheDatabase(path: String)
    /// The store has no campaign yet.
    case noCampaigns
    /// Several campaigns exist and none was named.
    case campaignRequired(available: [String])
    /// No campaign has this name.
    case unknownCampaign(name: String, available: [String])
    /// A campaign with this name exists already.
    case campaignExists(name: String)
    /// A campaign name must have some visible character.
    case invalidCampaignName
    /// The campaign has no accepted submission to score.
    case nothingToScore(campaign: String)
    /// The campaign has never been scored.
    case noBatches(campaign: String)
    /// No batch has this number.
    case unknownBatch(id: Int64)
    /// The enterprise has no result in the batch.
    case notInBatch(uscc: String, batch: Int64)
    /// The enterprise has no accepted submission in the campaign.
    case noSubmission(uscc: String, campaign: String)
    /// The text given is not a valid unified social credit code.
    case invalidCreditCode(String)
    /// A staff flag no condition of the campaign's tree tests, so it would change nothing.
    case unknownFlag(flag: String, known: [String])
    /// The flag is already set on the enterprise.
    case flagAlreadySet(flag: String, uscc: String)
    /// The flag is not set on the enterprise, so it cannot be removed.
    case flagNotSet(flag: String, uscc: String)
    /// A file to import could not be read from disk at all (missing, a directory, no permission).
    case cannotReadFile(file: String, reason: String)
    /// Stored data that ronghe cannot read back: the database was changed by hand or is damaged.
    case damaged(String)
    /// Scoring a batch's stored inputs again does not give its stored results (another engine).
    case notReproducible(batch: Int64, uscc: String, detail: String)

    /// The message, naming what to do about it.
    public var description: String {
        switch self {
        case .databaseMissing(let path):
            return "no database at \(path); create a campaign first with `ronghe campaign new NAME --indicators FILE`, "
                + "or name the database with --db PATH"
        case .notARongheDatabase(let path):
            return "\(path) is not a ronghe database (it has tables ronghe did not create); it was left untouched"
        case .noCampaigns:
            return "the database has no campaign yet; create one with `ronghe campaign new NAME --indicators FILE`"
        case .campaignRequired(let available):
            return "the database has \(available.count) campaigns; choose one with --campaign NAME: "
                + available.joined(separator: ", ")
        case .unknownCampaign(let name, let available):
            let list = available.isEmpty ? "there is none yet" : "the campaigns are: " + available.joined(separator: ", ")
            return "no campaign named '\(name)'; \(list)"
        case .campaignExists(let name):
            return "a campaign named '\(name)' exists already; to give it a revised tree, use `ronghe campaign set-tree \(name) --indicators FILE`"
        case .invalidCampaignName:
            return "a campaign name cannot be empty"
        case .nothingToScore(let campaign):
            return "campaign \(campaign) has no accepted submission to score yet; import survey files with `ronghe import`"
        case .noBatches(let campaign):
            return "campaign \(campaign) has not been scored yet; run `ronghe score` first"
        case .unknownBatch(let id):
            return "there is no batch \(id); `ronghe batches` lists them"
        case .notInBatch(let uscc, let batch):
            return "\(uscc) was not scored in batch \(batch)"
        case .noSubmission(let uscc, let campaign):
            return "\(uscc) has no accepted submission in campaign \(campaign)"
        case .invalidCreditCode(let text):
            return "'\(text)' is not a valid unified social credit code"
        case .unknownFlag(let flag, let known):
            let list = known.isEmpty ? "its tree tests no flag" : "its tree tests: " + known.joined(separator: ", ")
            return "no condition of the campaign's indicator tree tests the flag '\(flag)', so it would change nothing; \(list)"
        case .flagAlreadySet(let flag, let uscc):
            return "\(uscc) is already flagged \(flag)"
        case .flagNotSet(let flag, let uscc):
            return "\(uscc) is not flagged \(flag)"
        case .cannotReadFile(let file, let reason):
            return "cannot read \(file): \(reason)"
        case .notReproducible(let batch, let uscc, let detail):
            let whose = uscc.isEmpty ? "" : " for \(uscc)"
            return "batch \(batch) cannot be reproduced: scoring its stored surveys again with engine \(engineVersion) "
                + "gives other results\(whose) (\(detail)); score the campaign again with `ronghe score --force`"
        case .damaged(let problem):
            return "the database holds data ronghe cannot read back (\(problem)); was it changed by another program?"
        }
    }
}
