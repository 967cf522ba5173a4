import Foundation

/// An assessment campaign and the indicator tree it currently uses.
public struct Campaign: Equatable, Sendable {
    /// The campaign's number in the database.
    public var id: Int64
    /// The name staff use, unique in the database, e.g. `德州市2026年两化融合评估`.
    public var name: String
    /// The campaign year, e.g. 2026.
    public var year: Int
    /// When the campaign was created.
    public var createdAt: Date
    /// The tree scoring uses now: the campaign's latest revision.
    public var tree: TreeRevision
}

/// One indicator tree a campaign has been given. Revisions count from 1; earlier ones are kept.
public struct TreeRevision: Equatable, Sendable {
    /// The revision's number in the database (unique across campaigns).
    public var id: Int64
    /// The revision within its campaign: 1, 2, …
    public var revision: Int
    /// The tree's own id and version, e.g. `lianghua-default` `2026.1`.
    public var treeID: String
    /// The tree's own version, e.g. `2026.1`.
    public var treeVersion: String
    /// ``IndicatorTree/hash``: the SHA-256 of the tree's canonical JSON.
    public var hash: String
    /// The path it was read from, as given.
    public var source: String
    /// When the campaign was given this tree.
    public var installedAt: Date
}

/// A campaign with counts of what it holds, for listings.
public struct CampaignOverview: Equatable, Sendable {
    /// The campaign and its current tree.
    public var campaign: Campaign
    /// Tree revisions the campaign has had.
    public var revisions: Int
    /// Files imported into the campaign.
    public var files: Int
    /// Records received, accepted or not.
    public var submissions: Int
    /// Enterprises with an accepted submission in effect.
    public var enterprises: Int
    /// Scoring batches stored.
    public var batches: Int
    /// The latest batch's number, if any.
    public var latestBatch: Int64?
}

/// What ``CampaignStore/setTree(campaign:treeJSON:source:)`` did.
public struct TreeChange: Equatable, Sendable {
    /// The campaign as it is now.
    public var campaign: Campaign
    /// The revision replaced, or the unchanged one when ``isChanged`` is false.
    public var previous: TreeRevision
    /// False when the tree given is the one the campaign already uses (same hash): nothing was added.
    public var isChanged: Bool
}

/// Where an accepted or rejected record came from.
public struct SubmissionReference: Equatable, Sendable {
    /// The submission's number in the database.
    public var id: Int64
    /// The import it arrived in.
    public var fileID: Int64
    /// The file's name as given at import.
    public var file: String
    /// ``FileLocation/description`` of the record: `batch.csv:17`, `a.json`.
    public var place: String
    /// When the file it came in was imported.
    public var receivedAt: Date
}

/// One import of a file into a campaign, with what came of its records.
public struct ImportedFileInfo: Equatable, Sendable {
    /// The import's number in the database.
    public var id: Int64
    /// The file's name as given at import.
    public var name: String
    /// The SHA-256 of the file's bytes, in hexadecimal.
    public var sha256: String
    /// The file's size in bytes.
    public var size: Int
    /// The layout the file was read as.
    public var format: SurveyFormat
    /// When it was imported.
    public var receivedAt: Date
    /// Whether the file was read at all; an unreadable file is kept with one rejected record.
    public var isReadable: Bool
    /// Whether it was imported with `--strict`.
    public var isStrict: Bool
    /// Records kept: every record of the file, or 1 for an unreadable file.
    public var records: Int
    /// Accepted records of enterprises with no accepted submission before.
    public var newSubmissions: Int
    /// Accepted records that superseded an enterprise's earlier submission.
    public var resubmissions: Int
    /// Accepted records identical to the submission in effect, which stays.
    public var unchanged: Int
    /// Rejected records.
    public var rejected: Int

    /// Records accepted: new, superseding earlier ones, or repeating them unchanged.
    public var accepted: Int { newSubmissions + resubmissions + unchanged }
}

/// Options for ``CampaignStore/importFile(at:name:into:options:progress:)``.
public struct ImportOptions: Sendable {
    /// Reject the whole file when any record fails: nothing from it is accepted, everything is
    /// kept as rejected.
    public var strict: Bool
    /// The year survey years are checked against (next year's surveys are allowed); nil for the
    /// current year.
    public var currentYear: Int?
    /// Test hook: throw after writing this many records, inside the file's transaction.
    var failureAfterRecords: Int?

    /// Creates options; see the properties.
    public init(strict: Bool = false, currentYear: Int? = nil) {
        self.strict = strict
        self.currentYear = currentYear
    }
}

/// How far an import is, for a progress display.
public enum ImportProgress: Equatable, Sendable {
    /// Records read and checked so far, before anything is written.
    case reading(records: Int)
    /// Records written so far, in the file's transaction.
    case writing(records: Int, of: Int)
}

/// The failure ``ImportOptions`` and ``ScoreOptions`` test hooks inject.
struct InjectedFailure: Error, CustomStringConvertible {
    var description: String { "injected failure (test hook)" }
}

/// A rejected record: where it is, who sent it, and why.
public struct RejectedRecord: Equatable, Sendable {
    /// The rejected record and where it is.
    public var submission: SubmissionReference
    /// The credit code when the record has a well-formed one.
    public var uscc: String?
    /// The enterprise name as written, when there is one.
    public var name: String?
    /// Every issue, errors first as found; warnings too.
    public var issues: [SurveyIssue]
    /// Whether the whole file was unreadable (this is then its only record).
    public var isFileError: Bool
    /// The enterprise's accepted submission in effect: for a rejected resubmission, the earlier
    /// one that stays; in ``IntakeSummary``, whatever is in effect now.
    public var inEffect: SubmissionReference?

    /// The errors, the reasons for the rejection.
    public var errors: [SurveyIssue] { issues.filter { $0.severity == .error } }
}

/// What ``CampaignStore/importFile(at:name:into:options:progress:)`` did with one file.
public struct ImportReport: Equatable, Sendable {
    /// The file as named by the caller.
    public var file: String
    /// This import, or, when ``isAlreadyImported``, the earlier one of the same bytes.
    public var imported: ImportedFileInfo
    /// True when the same bytes had been imported into the campaign before: nothing was added.
    public var isAlreadyImported: Bool
    /// For a file that cannot be read at all: the error.
    public var fileError: SurveyIssue?
    /// Whether `--strict` rejected records that passed their checks because others failed.
    public var isStrictRejection: Bool
    /// Under `--strict`, how many records failed their own checks (and so rejected the file).
    public var strictFailures: Int
    /// File-level warnings (ignored columns) and accepted records' warnings.
    public var warnings: [SurveyIssue]
    /// Every rejected record, in file order; empty when already imported.
    public var rejections: [RejectedRecord]
    /// The submissions superseded by this file's records: (the new one, the one it replaces).
    public var supersessions: [(new: SubmissionReference, replaced: SubmissionReference)]

    /// Reports are equal when every part is.
    public static func == (lhs: ImportReport, rhs: ImportReport) -> Bool {
        lhs.file == rhs.file && lhs.imported == rhs.imported && lhs.isAlreadyImported == rhs.isAlreadyImported
            && lhs.fileError == rhs.fileError && lhs.isStrictRejection == rhs.isStrictRejection
            && lhs.strictFailures == rhs.strictFailures
            && lhs.warnings == rhs.warnings && lhs.rejections == rhs.rejections
            && lhs.supersessions.map(\.new) == rhs.supersessions.map(\.new)
            && lhs.supersessions.map(\.replaced) == rhs.supersessions.map(\.replaced)
    }
}

/// Options for ``CampaignStore/scoreCampaign(_:options:)``.
public struct ScoreOptions: Sendable {
    /// Score even when nothing changed since the latest batch.
    public var force: Bool
    /// The year survey years are checked against when a submission must be validated again under
    /// a revised tree; nil for the current year.
    public var currentYear: Int?
    /// Test hook: throw after writing this many results, inside the batch's transaction.
    var failureAfterResults: Int?

    /// Creates options; see the properties.
    public init(force: Bool = false, currentYear: Int? = nil) {
        self.force = force
        self.currentYear = currentYear
    }
}

/// A stored scoring run.
public struct BatchInfo: Equatable, Sendable {
    /// The batch's number, unique across campaigns.
    public var id: Int64
    /// The campaign scored.
    public var campaignID: Int64
    /// The campaign's name.
    public var campaignName: String
    /// The exact tree revision scored with.
    public var tree: TreeRevision
    /// The scoring engine's version (``engineVersion``) when scored.
    public var engineVersion: String
    /// The settings the batch ran with, by name, e.g. `minimumCompleteness: 0.6`.
    public var parameters: [String: String]
    /// When scoring started (reading the submissions).
    public var startedAt: Date
    /// When the results were written.
    public var finishedAt: Date
    /// Enterprises scored.
    public var enterprises: Int
    /// Enterprises complete enough to be ranked.
    public var ranked: Int
    /// Enterprises meeting at least one veto rule.
    public var vetoed: Int
    /// Eligible and recommended for selection; nil when the tree has no selection policy.
    public var eligible: Int?
    /// Enterprises recommended under the quotas.
    public var recommended: Int?
    /// Current submissions that could not be scored because they fail the batch tree's checks.
    public var excluded: Int
}

/// A current submission a batch left out: under the batch's (revised) tree it fails its checks.
public struct BatchExclusion: Equatable, Sendable {
    /// The enterprise.
    public var uscc: String
    /// Its submission in effect.
    public var submission: SubmissionReference
    /// What the batch tree's checks found, errors and warnings.
    public var issues: [SurveyIssue]
}

/// What ``CampaignStore/scoreCampaign(_:options:)`` did.
public struct ScoreReport: Equatable, Sendable {
    /// The new batch, or the latest one when nothing changed.
    public var batch: BatchInfo
    /// False when the latest batch already scored exactly these submissions, flags, tree and
    /// engine, so no batch was added.
    public var isNew: Bool
    /// Current submissions not scored, with why.
    public var exclusions: [BatchExclusion]
    /// Submissions validated again because the tree's questions changed since they were imported.
    public var revalidated: Int
}

/// One enterprise's stored result in a batch.
public struct StoredResult: Equatable, Sendable {
    /// The index in the engine's result (USCC order).
    public var position: Int
    /// The enterprise's credit code.
    public var uscc: String
    /// The enterprise name scored.
    public var name: String
    /// The district code scored.
    public var district: String
    /// The industry code scored.
    public var industry: String
    /// The size class scored.
    public var size: SizeClass
    /// The unrounded total, bit for bit as the engine computed it.
    public var total: Double
    /// The development stage's id.
    public var stage: String?
    /// The ids of the veto rules met.
    public var vetoes: [String]
    /// The share (0–1) of applicable scored questions answered.
    public var completeness: Double
    /// Whether it reached the tree's minimum completeness and so is ranked.
    public var isRanked: Bool
    /// Ranks overall and within district, industry and size class.
    public var ranks: Ranks
    /// The selection track; nil when in none or the tree has no selection policy.
    public var track: String?
    /// Selection outcome; nil when the tree has no selection policy.
    public var isEligible: Bool?
    /// Whether recommended within its quota cell.
    public var isRecommended: Bool?
    /// Place among the eligible of its quota cell.
    public var selectionPlace: Int?
    /// The staff flags applied when scoring.
    public var staffFlags: [String]
    /// The submission scored.
    public var submissionID: Int64
}

/// A staff mark on an enterprise in a campaign, with who set it and when; removed ones are kept.
public struct StaffFlag: Equatable, Sendable {
    /// The flag, e.g. `falsified`.
    public var flag: String
    /// The enterprise flagged.
    public var uscc: String
    /// Why it was set.
    public var note: String?
    /// Who set it.
    public var setBy: String
    /// When it was set.
    public var setAt: Date
    /// Who removed it, when removed.
    public var removedBy: String?
    /// When it was removed.
    public var removedAt: Date?
    /// Why it was removed.
    public var removalNote: String?

    /// Whether it applies: set and not removed.
    public var isInForce: Bool { removedAt == nil }
}

/// One record an enterprise sent in a campaign, for its history.
public struct SubmissionHistoryEntry: Equatable, Sendable {
    /// How a record relates to the enterprise's earlier ones.
    public enum Outcome: String, Sendable, CaseIterable {
        /// Accepted: the enterprise's first.
        case new
        /// Accepted: replaces the one in effect, which is kept.
        case resubmission
        /// Accepted, but identical to the one in effect, which stays in effect.
        case unchanged
        /// Rejected; the enterprise had no accepted submission.
        case rejected
        /// Rejected; the earlier accepted one stays in effect.
        case rejectedResubmission = "rejected-resubmission"

        /// Whether the record was accepted.
        public var isAccepted: Bool { self == .new || self == .resubmission || self == .unchanged }
    }

    /// The record and where it is.
    public var submission: SubmissionReference
    /// What came of it.
    public var outcome: Outcome
    /// The submission in effect when this one arrived (replaced, repeated or kept).
    public var previousID: Int64?
    /// Whether it is the one in effect now.
    public var isInEffect: Bool
    /// Its errors and warnings.
    public var issues: [SurveyIssue]
}

/// One enterprise's score explained from stored data: what was scored, every node's result, and
/// where the submission came from.
public struct Explanation: Sendable {
    /// The campaign.
    public var campaign: Campaign
    /// The batch explained.
    public var batch: BatchInfo
    /// The batch's tree (the revision it scored with, not necessarily the current one).
    public var tree: IndicatorTree
    /// The stored result: total, stage, vetoes, ranks, selection.
    public var result: StoredResult
    /// The score card rebuilt from the stored result: totals and every node, bit for bit.
    public var card: ScoreCard
    /// The survey scored: profile, answers and the staff flags applied.
    public var response: SurveyResponse
    /// The staff flags of the enterprise in the campaign, in force or removed, oldest first.
    public var staffFlags: [StaffFlag]
    /// Where the scored submission came from.
    public var source: SubmissionReference
    /// Every record the enterprise sent in the campaign, oldest first.
    public var history: [SubmissionHistoryEntry]
}

/// What a campaign has received, for the report's intake sheet.
public struct IntakeSummary: Equatable, Sendable {
    /// The campaign's name.
    public var campaign: String
    /// Files imported (each distinct content once).
    public var files: Int
    /// Files that could not be read at all.
    public var unreadableFiles: Int
    /// Records received, accepted or not (an unreadable file counts as one).
    public var submitted: Int
    /// Records accepted (new, superseding or unchanged).
    public var accepted: Int
    /// Records rejected, an unreadable file counting as one.
    public var rejected: Int
    /// Accepted submissions since replaced by a resubmission.
    public var superseded: Int
    /// Accepted records that repeated the submission in effect unchanged.
    public var unchanged: Int
    /// Enterprises with an accepted submission in effect.
    public var enterprises: Int
    /// Every rejected record, oldest first, with the submission now in effect for its enterprise.
    public var rejections: [RejectedRecord]
}

/// A stored batch's tree and the exact surveys it scored: score them again with
/// ``ScoringEngine`` to get the batch's results bit for bit.
public struct BatchInputs: Sendable {
    /// The batch.
    public var batch: BatchInfo
    /// The exact tree revision it scored with.
    public var tree: IndicatorTree
    /// One per enterprise scored, in USCC order, with the staff flags applied.
    public var responses: [SurveyResponse]
}

/// An enterprise as the store knows it: the latest profile accepted from it.
public struct EnterpriseRecord: Equatable, Sendable {
    /// The credit code.
    public var uscc: String
    /// The latest name accepted.
    public var name: String
    /// The latest district code accepted.
    public var district: String
    /// The latest industry code accepted.
    public var industry: String
    /// The latest size class accepted.
    public var size: SizeClass
    /// When that profile was accepted.
    public var updatedAt: Date
}
