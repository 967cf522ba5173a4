import Foundation

extension CampaignStore {
    private static let resultFields = """
        position, uscc, name, district, industry, size, total, stage, vetoes, completeness, ranked,
            rank_overall, rank_district, rank_industry, rank_size, track, eligible, recommended, selection_place,
            staff_flags, submission_id
        """
    /// A result's columns, as ``storedResult(_:)`` reads them.
    static let resultColumns = "SELECT \(resultFields) FROM result"
    /// A result's columns and its packed nodes (column 21), as ``card(_:profile:layout:)`` reads them.
    static let cardColumns = "SELECT \(resultFields), nodes FROM result"

    /// A batch's results in ranking order: ranked enterprises by rank (ties by credit code), then
    /// the unranked by total, highest first (ties by credit code), as
    /// ``ScoringResult/rankingOrder`` lists them.
    public func results(batch batchID: Int64) throws -> [StoredResult] {
        var results: [StoredResult] = []
        try db.transaction(.deferred) { _ in
            _ = try batch(id: batchID)
            try forEachRow("\(Self.resultColumns) WHERE batch_id = ?", [batchID]) { results.append(try Self.storedResult($0)) }
        }
        return results.sorted(by: Self.rankingPrecedes)
    }

    /// The campaign's ranking: the results of its latest batch, in ranking order.
    public func ranking(of campaign: Campaign) throws -> (batch: BatchInfo, results: [StoredResult]) {
        let batch = try latestBatch(of: campaign)
        return (batch, try results(batch: batch.id))
    }

    static func rankingPrecedes(_ a: StoredResult, _ b: StoredResult) -> Bool {
        switch (a.ranks.overall, b.ranks.overall) {
        case (let x?, let y?): return x != y ? x < y : a.uscc < b.uscc
        case (.some, nil): return true
        case (nil, .some): return false
        case (nil, nil): return a.total != b.total ? a.total > b.total : a.uscc < b.uscc
        }
    }

    static func storedResult(_ row: Row) throws -> StoredResult {
        guard let size = SizeClass(rawValue: try row.string(5)) else {
            throw StoreError.damaged("unknown size class \(try row.string(5))")
        }
        return StoredResult(
            position: try row.decode(at: 0), uscc: try row.string(1), name: try row.string(2), district: try row.string(3),
            industry: try row.string(4), size: size, total: try row.double(6), stage: try row.optionalString(7),
            vetoes: try StoredJSON.decodeStrings(row.string(8), what: "vetoes"), completeness: try row.double(9),
            isRanked: try row.bool(10),
            ranks: Ranks(
                overall: try row.decode(at: 11), district: try row.decode(at: 12), industry: try row.decode(at: 13),
                size: try row.decode(at: 14)),
            track: try row.optionalString(15), isEligible: try row.optionalBool(16), isRecommended: try row.optionalBool(17),
            selectionPlace: try row.decode(at: 18), staffFlags: try StoredJSON.decodeStrings(row.string(19), what: "staff flags"),
            submissionID: try row.int64(20))
    }

    // MARK: Score cards and inputs

    /// A batch's score cards rebuilt from stored data, in USCC order (the engine's order): every
    /// total and node result bit for bit as the engine computed them.
    public func scoreCards(batch batchID: Int64) throws -> [ScoreCard] {
        try db.transaction(.deferred) { _ in
            let layout = try nodeLayout(batchID: batchID)
            let profiles = try scoredSurveys(batchID: batchID).map(\.response.profile)
            var cards: [ScoreCard] = []
            cards.reserveCapacity(profiles.count)
            try forEachRow("\(Self.cardColumns) WHERE batch_id = ? ORDER BY position", [batchID]) { row in
                guard cards.count < profiles.count else { throw StoreError.damaged("batch \(batchID) lost surveys") }
                cards.append(try Self.card(row, profile: profiles[cards.count], layout: layout))
            }
            guard cards.count == profiles.count else { throw StoreError.damaged("batch \(batchID) lost results") }
            return cards
        }
    }

    static func card(_ row: Row, profile: EnterpriseProfile, layout: NodeResultPacking.Layout) throws -> ScoreCard {
        let stored = try storedResult(row)
        let nodes: [NodeResult]
        do {
            nodes = try NodeResultPacking.unpack(try row.blob(21), layout: layout)
        } catch let error as NodeResultPacking.FormatError {
            throw StoreError.damaged("\(error) (\(stored.uscc))")
        }
        return ScoreCard(
            profile: profile, total: stored.total, stage: stored.stage, vetoes: stored.vetoes,
            completeness: stored.completeness, isRanked: stored.isRanked, ranks: stored.ranks, nodes: nodes)
    }

    /// A batch's tree and the exact surveys it scored, with the staff flags applied: scoring them
    /// again with ``ScoringEngine`` gives the batch's results bit for bit (the report uses this to
    /// check its figures).
    public func batchInputs(batch batchID: Int64) throws -> BatchInputs {
        try db.transaction(.deferred) { _ in
            let batch = try batch(id: batchID)
            return BatchInputs(
                batch: batch, tree: try tree(revisionID: batch.tree.id),
                responses: try scoredSurveys(batchID: batchID).map(\.response))
        }
    }

    /// The surveys a batch scored, in USCC order, with the submission each came from; only the
    /// one of `uscc` when given.
    func scoredSurveys(batchID: Int64, uscc: String? = nil) throws -> [ScoringInput] {
        let questionsHash = try db.scalar(
            "SELECT t.questions_hash FROM batch b JOIN tree_revision t ON t.id = b.tree_revision_id WHERE b.id = ?",
            [batchID], as: String.self)
        // The batch used the submission's own parse when imported under the same questions,
        // otherwise its revalidation under the batch tree's questions.
        var surveys: [ScoringInput] = []
        try forEachRow(
            """
            SELECT r.submission_id, r.staff_flags,
                CASE WHEN t.questions_hash = ?1 THEN s.profile_json ELSE v.profile_json END,
                CASE WHEN t.questions_hash = ?1 THEN s.answers_json ELSE v.answers_json END
            FROM result r
                JOIN submission s ON s.id = r.submission_id
                JOIN imported_file f ON f.id = s.file_id
                JOIN tree_revision t ON t.id = f.tree_revision_id
                LEFT JOIN revalidation v ON v.submission_id = s.id AND v.questions_hash = ?1
            WHERE r.batch_id = ?2 \(uscc == nil ? "" : "AND r.uscc = ?3")
            ORDER BY r.position
            """, uscc.map { [questionsHash, batchID, $0] } ?? [questionsHash, batchID]
        ) { row in
            guard let profile = try row.optionalString(2), let answers = try row.optionalString(3) else {
                throw StoreError.damaged("submission \(try row.int64(0)) has no answers under batch \(batchID)'s tree")
            }
            surveys.append(ScoringInput(
                submissionID: try row.int64(0),
                response: SurveyResponse(
                    profile: try StoredJSON.decodeProfile(profile), answers: try StoredJSON.decodeAnswers(answers),
                    flags: Set(try StoredJSON.decodeStrings(row.string(1), what: "staff flags")))))
        }
        return surveys
    }

    func nodeLayout(batchID: Int64) throws -> NodeResultPacking.Layout {
        var layout = NodeResultPacking.Layout(ids: [], nominalWeights: [], usualWeights: [], usualGlobalWeights: [])
        for row in try db.rows(
            """
            SELECT node_id, nominal_weight, usual_weight, usual_global_weight FROM batch_node
            WHERE batch_id = ? ORDER BY position
            """, [batchID])
        {
            layout.ids.append(try row.string(0))
            layout.nominalWeights.append(try row.double(1))
            layout.usualWeights.append(try row.double(2))
            layout.usualGlobalWeights.append(try row.double(3))
        }
        return layout
    }

    // MARK: Explanations

    /// One enterprise's score explained from stored data: the batch's tree, the survey scored,
    /// every node's result, its flags, where the submission came from and its history.
    ///
    /// - Parameter batchID: The batch; the latest batch of the campaign in which the enterprise
    ///   was scored when nil.
    public func explanation(uscc: String, in campaign: Campaign, batch batchID: Int64? = nil) throws -> Explanation {
        try db.transaction(.deferred) { db in
            let batchID = try batchID ?? {
                let sql = "SELECT max(r.batch_id) FROM result r JOIN batch b ON b.id = r.batch_id WHERE b.campaign_id = ? AND r.uscc = ?"
                guard let id = try db.scalar(sql, [campaign.id, uscc], as: Int64?.self) else {
                    if try db.firstRow("SELECT 1 FROM batch WHERE campaign_id = ?", [campaign.id]) == nil {
                        throw StoreError.noBatches(campaign: campaign.name)
                    }
                    let latest = try db.scalar("SELECT max(id) FROM batch WHERE campaign_id = ?", [campaign.id], as: Int64.self)
                    throw StoreError.notInBatch(uscc: uscc, batch: latest)
                }
                return id
            }()
            let batch = try batch(id: batchID)
            guard let row = try db.firstRow("\(Self.cardColumns) WHERE batch_id = ? AND uscc = ?", [batchID, uscc]) else {
                throw StoreError.notInBatch(uscc: uscc, batch: batchID)
            }
            let stored = try Self.storedResult(row)
            guard let input = try scoredSurveys(batchID: batchID, uscc: uscc).first else {
                throw StoreError.damaged("the survey \(uscc) was scored from is missing")
            }
            let card = try Self.card(row, profile: input.response.profile, layout: try nodeLayout(batchID: batchID))
            let history = try submissionHistory(uscc: uscc, campaignID: batch.campaignID)
            guard let source = history.first(where: { $0.submission.id == stored.submissionID })?.submission else {
                throw StoreError.damaged("submission \(stored.submissionID) is missing")
            }
            return Explanation(
                campaign: try self.campaign(id: batch.campaignID), batch: batch, tree: try tree(revisionID: batch.tree.id),
                result: stored, card: card, response: input.response,
                staffFlags: try staffFlags(uscc: uscc, campaignID: batch.campaignID), source: source, history: history)
        }
    }

    /// Every record an enterprise sent in a campaign, oldest first.
    public func submissionHistory(uscc: String, in campaign: Campaign) throws -> [SubmissionHistoryEntry] {
        try submissionHistory(uscc: uscc, campaignID: campaign.id)
    }

    func submissionHistory(uscc: String, campaignID: Int64) throws -> [SubmissionHistoryEntry] {
        try db.rows(
            """
            SELECT s.id, s.place, s.received_at, f.id, f.name, s.outcome, s.previous_id, s.issues_json,
                EXISTS (SELECT 1 FROM current_submission c WHERE c.submission_id = s.id)
            FROM submission s JOIN imported_file f ON f.id = s.file_id
            WHERE s.campaign_id = ? AND s.uscc = ?
            ORDER BY s.id
            """, [campaignID, uscc]
        ).map { row in
            guard let outcome = SubmissionHistoryEntry.Outcome(rawValue: try row.string(5)) else {
                throw StoreError.damaged("unknown submission outcome \(try row.string(5))")
            }
            return SubmissionHistoryEntry(
                submission: try Self.reference(row, id: 0, place: 1, receivedAt: 2, fileID: 3, file: 4), outcome: outcome,
                previousID: try row.optionalInt64(6), isInEffect: try row.bool(8),
                issues: try StoredJSON.decodeIssues(row.string(7)))
        }
    }

    // MARK: Intake

    /// What a campaign has received: counts of records submitted, accepted, rejected and
    /// superseded, and every rejected record with its messages in both languages.
    public func intakeSummary(of campaign: Campaign) throws -> IntakeSummary {
        try db.transaction(.deferred) { db in
            guard let counts = try db.firstRow(
                """
                SELECT count(*), coalesce(sum(status = 'accepted'), 0), coalesce(sum(status = 'rejected'), 0),
                    coalesce(sum(outcome = 'unchanged'), 0), coalesce(sum(outcome = 'resubmission'), 0)
                FROM submission WHERE campaign_id = ?
                """, [campaign.id])
            else { throw StoreError.damaged("cannot count submissions") }
            let files = try db.firstRow(
                "SELECT count(*), coalesce(sum(readable = 0), 0) FROM imported_file WHERE campaign_id = ?", [campaign.id])
            let rejections = try rejectedRecords(campaignID: campaign.id, fileID: nil)
            return IntakeSummary(
                campaign: campaign.name, files: try files?.decode(at: 0) ?? 0, unreadableFiles: try files?.decode(at: 1) ?? 0,
                submitted: try counts.decode(at: 0), accepted: try counts.decode(at: 1), rejected: try counts.decode(at: 2),
                superseded: try counts.decode(at: 4), unchanged: try counts.decode(at: 3),
                enterprises: try db.scalar(
                    "SELECT count(*) FROM current_submission WHERE campaign_id = ?", [campaign.id], as: Int.self),
                rejections: rejections)
        }
    }

    /// The rejected records of one import, in file order, each with the enterprise's submission
    /// in effect now.
    public func rejections(ofImportedFile fileID: Int64) throws -> [RejectedRecord] {
        guard let campaignID = try db.scalar("SELECT campaign_id FROM imported_file WHERE id = ?", [fileID], as: Int64?.self)
        else { throw StoreError.damaged("imported file \(fileID) is missing") }
        return try rejectedRecords(campaignID: campaignID, fileID: fileID)
    }

    /// Rejected records of a campaign, or of one of its imports, oldest first.
    private func rejectedRecords(campaignID: Int64, fileID: Int64?) throws -> [RejectedRecord] {
        var records: [RejectedRecord] = []
        try forEachRow(
            """
            SELECT s.id, s.place, s.received_at, f.id, f.name, s.uscc, s.name, s.issues_json, s.ordinal,
                e.id, e.place, e.received_at, ef.id, ef.name
            FROM submission s
                JOIN imported_file f ON f.id = s.file_id
                LEFT JOIN current_submission c ON c.campaign_id = s.campaign_id AND c.uscc = s.uscc
                LEFT JOIN submission e ON e.id = c.submission_id
                LEFT JOIN imported_file ef ON ef.id = e.file_id
            WHERE s.campaign_id = ?1 AND s.status = 'rejected' AND (?2 IS NULL OR s.file_id = ?2)
            ORDER BY s.id
            """, [campaignID, fileID]
        ) { row in
            records.append(RejectedRecord(
                submission: try Self.reference(row, id: 0, place: 1, receivedAt: 2, fileID: 3, file: 4),
                uscc: try row.optionalString(5), name: try row.optionalString(6),
                issues: try StoredJSON.decodeIssues(row.string(7)), isFileError: try row.int64(8) == 0,
                inEffect: try row.optionalInt64(9) == nil
                    ? nil : try Self.reference(row, id: 9, place: 10, receivedAt: 11, fileID: 12, file: 13)))
        }
        return records
    }
}
