import Foundation

extension CampaignStore {
    /// Sets a staff flag (such as `falsified`, 弄虚作假) on an enterprise in a campaign; the next
    /// scoring run applies it.
    ///
    /// - Throws: ``StoreError/invalidCreditCode(_:)``, ``StoreError/noSubmission(uscc:campaign:)``
    ///   when the enterprise has no accepted submission in the campaign,
    ///   ``StoreError/unknownFlag(flag:known:)`` when no condition of the campaign's tree tests
    ///   the flag (a typo would otherwise change nothing, silently),
    ///   ``StoreError/flagAlreadySet(flag:uscc:)``.
    @discardableResult
    public func setFlag(_ flag: String, uscc: String, in campaign: Campaign, note: String? = nil, by person: String) throws -> StaffFlag {
        let uscc = try Self.checkedCreditCode(uscc)
        let known = try tree(revisionID: campaign.tree.id).staffFlags
        guard known.contains(flag) else { throw StoreError.unknownFlag(flag: flag, known: known) }
        let stamp = StoreTimestamp.format(now())
        try db.transaction { db in
            guard try db.firstRow("SELECT 1 FROM current_submission WHERE campaign_id = ? AND uscc = ?", [campaign.id, uscc]) != nil
            else { throw StoreError.noSubmission(uscc: uscc, campaign: campaign.name) }
            if try db.firstRow(
                "SELECT 1 FROM staff_flag WHERE campaign_id = ? AND uscc = ? AND flag = ? AND removed_at IS NULL",
                [campaign.id, uscc, flag]) != nil
            {
                throw StoreError.flagAlreadySet(flag: flag, uscc: uscc)
            }
            try db.execute(
                "INSERT INTO staff_flag(campaign_id, uscc, flag, note, set_by, set_at) VALUES (?, ?, ?, ?, ?, ?)",
                [campaign.id, uscc, flag, note, person, stamp])
        }
        return try staffFlags(uscc: uscc, campaignID: campaign.id).last { $0.flag == flag }!
    }

    /// Removes a staff flag: the flag stays on record, stamped with who removed it, when and why.
    @discardableResult
    public func removeFlag(_ flag: String, uscc: String, in campaign: Campaign, note: String? = nil, by person: String) throws -> StaffFlag {
        let uscc = try Self.checkedCreditCode(uscc)
        let stamp = StoreTimestamp.format(now())
        try db.transaction { db in
            try db.execute(
                """
                UPDATE staff_flag SET removed_by = ?, removed_at = ?, removal_note = ?
                WHERE campaign_id = ? AND uscc = ? AND flag = ? AND removed_at IS NULL
                """, [person, stamp, note, campaign.id, uscc, flag])
            if db.changes == 0 { throw StoreError.flagNotSet(flag: flag, uscc: uscc) }
        }
        return try staffFlags(uscc: uscc, campaignID: campaign.id).last { $0.flag == flag }!
    }

    /// An enterprise's staff flags in a campaign, in force or removed, oldest first.
    public func staffFlags(uscc: String, in campaign: Campaign) throws -> [StaffFlag] {
        try staffFlags(uscc: uscc, campaignID: campaign.id)
    }

    func staffFlags(uscc: String, campaignID: Int64) throws -> [StaffFlag] {
        try db.rows(
            """
            SELECT flag, uscc, note, set_by, set_at, removed_by, removed_at, removal_note FROM staff_flag
            WHERE campaign_id = ? AND uscc = ? ORDER BY id
            """, [campaignID, uscc]
        ).map { row in
            StaffFlag(
                flag: try row.string(0), uscc: try row.string(1), note: try row.optionalString(2), setBy: try row.string(3),
                setAt: try StoreTimestamp.parse(row.string(4)), removedBy: try row.optionalString(5),
                removedAt: try row.optionalString(6).map(StoreTimestamp.parse), removalNote: try row.optionalString(7))
        }
    }

    /// The credit code normalised (upper case, no spaces), or an error when it is not valid.
    static func checkedCreditCode(_ text: String) throws -> String {
        let code = text.uppercased().filter { !$0.isWhitespace }
        guard CreditCode.problem(in: code) == nil else { throw StoreError.invalidCreditCode(text) }
        return code
    }
}

extension CampaignStore {
    /// The enterprise with this credit code, with the latest profile accepted from it; nil when
    /// no record of it was ever accepted.
    public func enterprise(uscc: String) throws -> EnterpriseRecord? {
        guard let row = try db.firstRow(
            "SELECT uscc, name, district, industry, size, updated_at FROM enterprise WHERE uscc = ?", [uscc])
        else { return nil }
        guard let size = SizeClass(rawValue: try row.string(4)) else {
            throw StoreError.damaged("unknown size class \(try row.string(4))")
        }
        return EnterpriseRecord(
            uscc: try row.string(0), name: try row.string(1), district: try row.string(2), industry: try row.string(3),
            size: size, updatedAt: try StoreTimestamp.parse(row.string(5)))
    }
}
