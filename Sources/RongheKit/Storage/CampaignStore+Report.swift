import Foundation

/// A stored batch scored again in memory, as the leaders' workbook needs it.
public struct ReproducedBatch: Sendable {
    /// The batch as stored.
    public var batch: BatchInfo
    /// Its enterprises scored again from the exact surveys and tree it stored.
    public var result: ScoringResult
    /// The selection made from ``result``; nil when the batch's tree has no selection policy.
    public var selection: SelectionResult?
}

extension CampaignStore {
    /// Scores a stored batch again from the surveys and tree revision it stored, and checks the
    /// outcome against what the batch stored: every total bit for bit, rank, stage, veto and
    /// recommendation. The workbook is written from this, so it shows exactly the stored batch,
    /// with the node details the store keeps packed.
    ///
    /// - Throws: ``StoreError/notReproducible(batch:uscc:detail:)`` when the outcome differs,
    ///   as it can after an engine upgrade; scoring the campaign again makes a batch that does.
    public func reproduce(batch batchID: Int64) throws -> ReproducedBatch {
        // A batch never changes once written, so two reads see the same batch.
        let inputs = try batchInputs(batch: batchID)
        let stored = try results(batch: batchID)
        let result = try ScoringEngine(tree: inputs.tree).score(inputs.responses)
        let selection = inputs.tree.selection == nil ? nil : try Selection.select(result)
        func differs(_ uscc: String, _ detail: String) -> StoreError {
            .notReproducible(batch: batchID, uscc: uscc, detail: detail)
        }
        guard stored.count == result.count else {
            throw differs("", "it stored \(stored.count) results for \(result.count) surveys")
        }
        for record in stored {
            guard record.position < result.count else { throw differs(record.uscc, "its position \(record.position) is out of range") }
            let card = result[record.position]
            let decision = selection?.decisions[record.position]
            if card.profile.uscc != record.uscc { throw differs(record.uscc, "another enterprise is at its position") }
            if card.total.bitPattern != record.total.bitPattern { throw differs(record.uscc, "total \(record.total) became \(card.total)") }
            if card.ranks != record.ranks || card.isRanked != record.isRanked { throw differs(record.uscc, "its ranks changed") }
            if card.stage != record.stage || card.vetoes != record.vetoes { throw differs(record.uscc, "its stage or vetoes changed") }
            if decision?.isRecommended != record.isRecommended || decision?.isEligible != record.isEligible {
                throw differs(record.uscc, "its selection changed")
            }
        }
        return ReproducedBatch(batch: inputs.batch, result: result, selection: selection)
    }
}

extension ReportInput.Intake {
    /// What a campaign's imports received, as the workbook's Summary and Data quality sheets show
    /// it: counts of records and every rejected one with the place of each problem.
    public init(_ summary: IntakeSummary) {
        self.init(
            submitted: summary.submitted, accepted: summary.accepted, rejected: summary.rejected,
            superseded: summary.superseded,
            rejections: summary.rejections.map { record in
                let reference = record.submission
                // The reference's place is `file:17`, `file:问卷!7`, `file:$` (a JSON document's
                // root, which tells a reader nothing) or just `file`.
                let place = reference.place.hasPrefix(reference.file + ":")
                    ? String(reference.place.dropFirst(reference.file.count + 1)) : nil
                return ReportInput.Rejection(
                    file: reference.file, place: place == "$" ? nil : place, uscc: record.uscc, name: record.name, errors: record.errors)
            })
    }
}
