import Foundation

extension CampaignStore {
    /// Scores a campaign: the submission in effect for each enterprise (its latest accepted one,
    /// not superseded), with its staff flags in force, under the campaign's current tree; then
    /// selects, when the tree has a selection policy, and stores everything as a new batch.
    ///
    /// When the latest batch scored exactly the same submissions, flags, tree and engine, nothing
    /// is added and the report says so (``ScoreReport/isNew`` false), unless
    /// ``ScoreOptions/force``.
    ///
    /// A submission imported under a tree whose questions differ from the current tree's is
    /// validated again from its raw record (the result is kept, so this happens once per
    /// question set); one that now fails is left out of the batch and reported with its issues.
    ///
    /// Submissions are read in one read transaction, scored in memory, and the batch is written
    /// in one write transaction: a run interrupted at any point leaves no batch behind.
    public func scoreCampaign(_ campaign: Campaign, options: ScoreOptions = ScoreOptions()) throws -> ScoreReport {
        let startedAt = now()
        let snapshot = try db.transaction(.deferred) { _ in try readInputs(campaignID: campaign.id, options: options) }
        if let latest = snapshot.latestBatch, latest.inputsHash == snapshot.inputsHash, !options.force {
            return ScoreReport(
                batch: try batch(id: latest.id), isNew: false, exclusions: try exclusions(batchID: latest.id), revalidated: 0)
        }
        guard !snapshot.inputs.isEmpty || !snapshot.exclusions.isEmpty else { throw StoreError.nothingToScore(campaign: campaign.name) }
        let tree = snapshot.tree
        let result = try ScoringEngine(tree: tree).score(snapshot.inputs.map(\.response))
        let selection = tree.selection == nil ? nil : try Selection.select(result)

        let layout = Self.layout(of: result)
        var parameters = [
            "minimumCompleteness": "\(tree.ranking.minimumCompleteness)",
            "defaultMissingPolicy": tree.defaultMissingPolicy.rawValue,
            "submissions": "latest accepted, not superseded, per enterprise",
            "staffFlags": "in force when scored",
        ]
        parameters["selection"] = tree.selection == nil ? "none" : "tree policy"
        let counts = (
            ranked: result.isRanked.filter { $0 }.count,
            vetoed: result.vetoIndices.filter { !$0.isEmpty }.count,
            eligible: selection.map { $0.decisions.filter(\.isEligible).count },
            recommended: selection.map { $0.decisions.filter(\.isRecommended).count })

        let batchID = try db.transaction { db -> Int64 in
            for revalidation in snapshot.revalidations {
                try db.cachedStatement(sql: """
                    INSERT OR IGNORE INTO revalidation(submission_id, questions_hash, tree_revision_id, accepted,
                        profile_json, answers_json, issues_json, validated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """).execute([
                        revalidation.submissionID, snapshot.questionsHash, snapshot.revision.id, revalidation.profileJSON != nil,
                        revalidation.profileJSON, revalidation.answersJSON, StoredJSON.encode(issues: revalidation.issues),
                        StoreTimestamp.format(startedAt),
                    ])
            }
            try db.execute(
                """
                INSERT INTO batch(campaign_id, tree_revision_id, tree_hash, engine_version, parameters_json, inputs_hash,
                    started_at, finished_at, enterprise_count, ranked_count, vetoed_count, eligible_count,
                    recommended_count, excluded_count)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [campaign.id, snapshot.revision.id, tree.hash, engineVersion, Self.encode(parameters: parameters),
                 snapshot.inputsHash, StoreTimestamp.format(startedAt), StoreTimestamp.format(startedAt), result.count,
                 counts.ranked, counts.vetoed, counts.eligible, counts.recommended, snapshot.exclusions.count])
            let batchID = db.lastInsertedRowID
            let node = try db.cachedStatement(sql: """
                INSERT INTO batch_node(batch_id, position, node_id, nominal_weight, usual_weight, usual_global_weight)
                VALUES (?, ?, ?, ?, ?, ?)
                """)
            for index in layout.ids.indices {
                try node.execute([
                    batchID, index, layout.ids[index], layout.nominalWeights[index], layout.usualWeights[index],
                    layout.usualGlobalWeights[index],
                ])
            }
            let insert = try db.cachedStatement(sql: """
                INSERT INTO result(batch_id, position, uscc, submission_id, name, district, industry, size, staff_flags,
                    total, stage, vetoes, completeness, ranked, rank_overall, rank_district, rank_industry, rank_size,
                    track, eligible, recommended, selection_place, nodes)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            // The engine orders its result by USCC, as the inputs are.
            var packed: [UInt8] = []
            for position in result.indices {
                if let limit = options.failureAfterResults, position == limit { throw InjectedFailure() }
                let input = snapshot.inputs[position]
                let profile = result.profiles[position]
                precondition(input.response.profile.uscc == profile.uscc, "the engine's order differs from the inputs'")
                NodeResultPacking.pack(result, row: position, layout: layout, into: &packed)
                let decision = selection?.decisions[position]
                let ranks = result.ranks[position]
                try insert.execute([
                    batchID, position, profile.uscc, input.submissionID, profile.name, profile.district, profile.industry,
                    profile.size.rawValue, StoredJSON.encode(strings: input.response.flags.sorted()), result.totals[position],
                    result.stageIndices[position].map { tree.stages[$0].id },
                    StoredJSON.encode(strings: result.vetoIndices[position].map { tree.vetoes[$0].id }),
                    result.completeness[position], result.isRanked[position], ranks.overall, ranks.district, ranks.industry,
                    ranks.size, result.track(at: position)?.id, decision?.isEligible, decision?.isRecommended, decision?.place,
                    packed,
                ])
            }
            let exclusion = try db.cachedStatement(sql: """
                INSERT INTO batch_exclusion(batch_id, uscc, submission_id, issues_json) VALUES (?, ?, ?, ?)
                """)
            for excluded in snapshot.exclusions {
                try exclusion.execute([batchID, excluded.uscc, excluded.submission.id, StoredJSON.encode(issues: excluded.issues)])
            }
            try db.execute(
                "UPDATE batch SET finished_at = ? WHERE id = ?", [StoreTimestamp.format(now()), batchID])
            return batchID
        }
        return ScoreReport(
            batch: try batch(id: batchID), isNew: true, exclusions: snapshot.exclusions,
            revalidated: snapshot.revalidations.count)
    }

    // MARK: Reading the inputs

    struct ScoringInput {
        var submissionID: Int64
        var response: SurveyResponse
    }

    private struct Revalidation {
        var submissionID: Int64
        var profileJSON: String?
        var answersJSON: String?
        var issues: [SurveyIssue]
    }

    private struct InputSnapshot {
        var revision: TreeRevision
        var tree: IndicatorTree
        var questionsHash: String
        var inputs: [ScoringInput]
        var exclusions: [BatchExclusion]
        var revalidations: [Revalidation]
        var inputsHash: String
        var latestBatch: (id: Int64, inputsHash: String)?
    }

    /// What a batch depends on, hashed: engine, tree, and each enterprise's submission and flags.
    /// A submission's validation under the tree is a function of these, so it need not be read.
    private func inputsHash(campaignID: Int64, tree: IndicatorTree, flags: [String: Set<String>]) throws -> String {
        var text = "ronghe batch inputs 1\n\(engineVersion)\n\(tree.hash)\n"
        for row in try db.rows(
            "SELECT uscc, submission_id FROM current_submission WHERE campaign_id = ? ORDER BY uscc", [campaignID])
        {
            let uscc = try row.string(0)
            text += "\(uscc) \(try row.int64(1)) \((flags[uscc] ?? []).sorted().joined(separator: ","))\n"
        }
        return SHA256.hexDigest(of: Array(text.utf8))
    }

    private func readInputs(campaignID: Int64, options: ScoreOptions) throws -> InputSnapshot {
        let revision = try currentRevision(campaignID: campaignID)
        let tree = try tree(revisionID: revision.id)
        let questionsHash = try questionsHash(revisionID: revision.id)
        var flags: [String: Set<String>] = [:]
        for row in try db.rows(
            "SELECT uscc, flag FROM staff_flag WHERE campaign_id = ? AND removed_at IS NULL", [campaignID])
        {
            flags[try row.string(0), default: []].insert(try row.string(1))
        }
        let inputsHash = try inputsHash(campaignID: campaignID, tree: tree, flags: flags)
        let latest = try db.firstRow(
            "SELECT id, inputs_hash FROM batch WHERE campaign_id = ? ORDER BY id DESC LIMIT 1", [campaignID]
        ).map { (try $0.int64(0), try $0.string(1)) }
        var snapshot = InputSnapshot(
            revision: revision, tree: tree, questionsHash: questionsHash, inputs: [], exclusions: [], revalidations: [],
            inputsHash: inputsHash, latestBatch: latest)
        // Nothing changed: the caller reports the latest batch, so the surveys need not be read.
        if latest?.1 == inputsHash && !options.force { return snapshot }

        var inputs: [ScoringInput] = []
        var exclusions: [BatchExclusion] = []
        var revalidations: [Revalidation] = []
        var validator: SurveyValidator?
        try forEachRow(
            """
            SELECT c.uscc, s.id, s.profile_json, s.answers_json, t.questions_hash, s.place, s.received_at, f.id, f.name,
                r.accepted, r.profile_json, r.answers_json, r.issues_json
            FROM current_submission c
                JOIN submission s ON s.id = c.submission_id
                JOIN imported_file f ON f.id = s.file_id
                JOIN tree_revision t ON t.id = f.tree_revision_id
                LEFT JOIN revalidation r ON r.submission_id = s.id AND r.questions_hash = ?
            WHERE c.campaign_id = ?
            ORDER BY c.uscc
            """, [questionsHash, campaignID]
        ) { row in
            let uscc = try row.string(0)
            let submissionID = try row.int64(1)
            var profileJSON = try row.optionalString(2)
            var answersJSON = try row.optionalString(3)
            if try row.string(4) != questionsHash {
                // Imported under different questions: use, or make, its validation under these.
                if let accepted = try row.optionalBool(9) {
                    profileJSON = accepted ? try row.optionalString(10) : nil
                    answersJSON = accepted ? try row.optionalString(11) : nil
                    if !accepted {
                        exclusions.append(BatchExclusion(
                            uscc: uscc, submission: try Self.reference(row, id: 1, place: 5, receivedAt: 6, fileID: 7, file: 8),
                            issues: try StoredJSON.decodeIssues(row.string(12))))
                    }
                } else {
                    guard let raw = try db.cachedStatement(sql: "SELECT raw_json FROM submission WHERE id = ?")
                        .rows([submissionID]).first?.optionalString(0)
                    else { throw StoreError.damaged("submission \(submissionID) has no raw record") }
                    if validator == nil {
                        validator = options.currentYear.map { SurveyValidator(tree: tree, currentYear: $0) } ?? SurveyValidator(tree: tree)
                    }
                    let validation = validator!.validate(try StoredJSON.decodeRaw(raw))
                    profileJSON = validation.response.map { StoredJSON.encode(profile: $0.profile) }
                    answersJSON = validation.response.map { StoredJSON.encode(answers: $0.answers) }
                    revalidations.append(Revalidation(
                        submissionID: submissionID, profileJSON: profileJSON, answersJSON: answersJSON, issues: validation.issues))
                    if validation.response == nil {
                        exclusions.append(BatchExclusion(
                            uscc: uscc, submission: try Self.reference(row, id: 1, place: 5, receivedAt: 6, fileID: 7, file: 8),
                            issues: validation.issues))
                    }
                }
            }
            guard let profileJSON, let answersJSON else { return }
            let staffFlags = flags[uscc] ?? []
            inputs.append(ScoringInput(
                submissionID: submissionID,
                response: SurveyResponse(
                    profile: try StoredJSON.decodeProfile(profileJSON), answers: try StoredJSON.decodeAnswers(answersJSON),
                    flags: staffFlags)))
        }
        snapshot.inputs = inputs
        snapshot.exclusions = exclusions
        snapshot.revalidations = revalidations
        return snapshot
    }

    static func reference(_ row: Row, id: Int, place: Int, receivedAt: Int, fileID: Int, file: Int) throws -> SubmissionReference {
        SubmissionReference(
            id: try row.int64(id), fileID: try row.int64(fileID), file: try row.string(file), place: try row.string(place),
            receivedAt: try StoreTimestamp.parse(row.string(receivedAt)))
    }

    /// The node layout of a result: ids, nominal weights, and the weights an enterprise carries
    /// when nothing is re-spread (the global ones multiplied down the tree as the engine does).
    static func layout(of result: ScoringResult) -> NodeResultPacking.Layout {
        let plan = result.plan
        let nominal = result.nodes.nominalWeights
        var global = [Double](repeating: 1, count: plan.nodes.count)
        for index in plan.nodes.indices {
            if let parent = plan.nodes[index].parent { global[index] = global[parent] * nominal[index] }
        }
        return NodeResultPacking.Layout(
            ids: plan.nodes.map(\.id), nominalWeights: nominal, usualWeights: nominal, usualGlobalWeights: global)
    }

    static func encode(parameters: [String: String]) -> String {
        var writer = JSONTextWriter()
        writer.object(parameters.sorted { StoredJSON.utf8Precedes($0.key, $1.key) }) { $0.string($1) }
        return writer.text
    }

    // MARK: Batches

    static let batchColumns = """
        SELECT b.id, b.campaign_id, c.name, b.tree_revision_id, b.engine_version, b.parameters_json, b.started_at,
            b.finished_at, b.enterprise_count, b.ranked_count, b.vetoed_count, b.eligible_count, b.recommended_count,
            b.excluded_count
        FROM batch b JOIN campaign c ON c.id = b.campaign_id
        """

    /// The batch with this number.
    public func batch(id: Int64) throws -> BatchInfo {
        guard let row = try db.firstRow("\(Self.batchColumns) WHERE b.id = ?", [id]) else {
            throw StoreError.unknownBatch(id: id)
        }
        return try batch(row)
    }

    /// Every batch, of one campaign or of all, oldest first.
    public func batches(of campaign: Campaign? = nil) throws -> [BatchInfo] {
        try db.transaction(.deferred) { db in
            if let campaign {
                return try db.rows("\(Self.batchColumns) WHERE b.campaign_id = ? ORDER BY b.id", [campaign.id]).map { try self.batch($0) }
            }
            return try db.rows("\(Self.batchColumns) ORDER BY b.id").map { try self.batch($0) }
        }
    }

    /// The campaign's latest batch.
    public func latestBatch(of campaign: Campaign) throws -> BatchInfo {
        guard let row = try db.firstRow("\(Self.batchColumns) WHERE b.campaign_id = ? ORDER BY b.id DESC LIMIT 1", [campaign.id])
        else { throw StoreError.noBatches(campaign: campaign.name) }
        return try batch(row)
    }

    private func batch(_ row: Row) throws -> BatchInfo {
        var parameters: [String: String] = [:]
        if case .object(let members) = try StoredJSON.parse(row.string(5), what: "batch parameters") {
            for (key, value) in members {
                if case .string(let text) = value { parameters[key] = text }
            }
        }
        return BatchInfo(
            id: try row.int64(0), campaignID: try row.int64(1), campaignName: try row.string(2),
            tree: try revision(id: row.int64(3)), engineVersion: try row.string(4), parameters: parameters,
            startedAt: try StoreTimestamp.parse(row.string(6)), finishedAt: try StoreTimestamp.parse(row.string(7)),
            enterprises: try row.decode(at: 8), ranked: try row.decode(at: 9), vetoed: try row.decode(at: 10),
            eligible: try row.decode(at: 11), recommended: try row.decode(at: 12), excluded: try row.decode(at: 13))
    }

    /// The current submissions a batch could not score.
    public func exclusions(batchID: Int64) throws -> [BatchExclusion] {
        try db.rows(
            """
            SELECT x.uscc, s.id, s.place, s.received_at, f.id, f.name, x.issues_json
            FROM batch_exclusion x JOIN submission s ON s.id = x.submission_id JOIN imported_file f ON f.id = s.file_id
            WHERE x.batch_id = ? ORDER BY x.uscc
            """, [batchID]
        ).map { row in
            BatchExclusion(
                uscc: try row.string(0), submission: try Self.reference(row, id: 1, place: 2, receivedAt: 3, fileID: 4, file: 5),
                issues: try StoredJSON.decodeIssues(row.string(6)))
        }
    }
}
