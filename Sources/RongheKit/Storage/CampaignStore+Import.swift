import Foundation

extension CampaignStore {
    /// Imports one survey file into a campaign: keeps its bytes, and every record, accepted or
    /// rejected, with its raw content, parsed answers and issues.
    ///
    /// - The same bytes again for the same campaign add nothing: the report says
    ///   ``ImportReport/isAlreadyImported`` and names the earlier import.
    /// - An accepted record of an enterprise that already has an accepted submission supersedes
    ///   it (both are kept). A record identical to the one in effect (same profile and answers)
    ///   is kept as `unchanged` and the earlier one stays in effect, so its date of receipt
    ///   stands. A rejected record never displaces an accepted one; it is kept and reported as a
    ///   rejected resubmission.
    /// - A file that cannot be read at all, or breaks off half-way (an unterminated quote, a
    ///   damaged workbook), is kept with one rejected record carrying the error; none of its
    ///   records is taken.
    /// - With ``ImportOptions/strict``, a file with any rejected record is rejected whole: every
    ///   record is kept as rejected, those that passed their checks with a note saying why.
    ///
    /// The file is read, hashed, parsed and validated before the write transaction opens; the
    /// file, its records and the enterprises' submissions in effect are then written in one
    /// transaction. The bytes hashed are the bytes parsed: the file is read once and parsed from
    /// a private copy.
    ///
    /// - Parameters:
    ///   - url: The file.
    ///   - name: The file's name as the user gave it: kept, and used in every message.
    ///   - progress: Called now and then with how far the import is: records read and checked,
    ///     then records written.
    public func importFile(
        at url: URL, name: String, into campaign: Campaign, options: ImportOptions = ImportOptions(),
        progress: ((ImportProgress) -> Void)? = nil
    ) throws -> ImportReport {
        let bytes: Data
        do {
            bytes = try Data(contentsOf: url)
        } catch {
            throw StoreError.cannotReadFile(file: name, reason: Self.reason(error))
        }
        let sha256 = SHA256.hexDigest(of: bytes)
        if let earlier = try importedFile(campaignID: campaign.id, sha256: sha256) {
            return ImportReport(alreadyImported: earlier, as: name)
        }
        // The campaign's tree may be revised by another process meanwhile: validate again if so.
        for _ in 0..<3 {
            let revision = try currentRevision(campaignID: campaign.id)
            let parsed = try parse(
                bytes, name: name, url: url, tree: tree(revisionID: revision.id), options: options, progress: progress)
            if let report = try write(
                parsed, bytes: bytes, sha256: sha256, name: name, campaign: campaign, revisionID: revision.id,
                options: options, progress: progress)
            {
                return report
            }
        }
        throw StoreError.damaged("the campaign's tree kept changing while \(name) was imported")
    }

    private static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain,
            let code = POSIXErrorCode(rawValue: Int32(underlying.code))
        {
            return String(cString: strerror(code.rawValue))
        }
        return nsError.localizedDescription
    }

    // MARK: Reading

    /// A record read and validated, waiting to be written.
    private struct PendingRecord {
        var ordinal: Int
        var location: FileLocation
        var place: String
        var uscc: String?
        var name: String?
        var rawJSON: String
        var profileJSON: String?
        var answersJSON: String?
        var profile: EnterpriseProfile?
        var issues: [SurveyIssue]

        var isAccepted: Bool { profileJSON != nil }
    }

    private struct ParsedFile {
        var format: SurveyFormat
        var records: [PendingRecord]
        var fileError: SurveyIssue?
        var fileWarnings: [SurveyIssue]
        var isStrictRejection: Bool
        var strictFailures = 0
    }

    private func parse(
        _ bytes: Data, name: String, url: URL, tree: IndicatorTree, options: ImportOptions,
        progress: ((ImportProgress) -> Void)?
    ) throws -> ParsedFile {
        // Parse a private copy, with the same file name so the format is detected the same way.
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("ronghe-import-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let copy = directory.appendingPathComponent(url.lastPathComponent.isEmpty ? "survey" : url.lastPathComponent)
        try bytes.write(to: copy)

        let format = SurveyFileReader.format(of: copy)
        let intake = SurveyIntake(tree: tree, currentYear: options.currentYear)
        let mapper = FieldMapper(tree: tree)
        var records: [PendingRecord] = []
        var parsed = ParsedFile(format: format, records: [], fileError: nil, fileWarnings: [], isStrictRejection: false)
        do {
            // Encoding for storage is as much work as checking: it runs with the checks, on every
            // processor. A record the duplicate check then rejects leaves its encodings unused.
            let summary = try intake.process(copy, file: name, prepare: { raw, validation in
                (raw: StoredJSON.encode(raw: raw), profile: validation.response.map { StoredJSON.encode(profile: $0.profile) },
                 answers: validation.response.map { StoredJSON.encode(answers: $0.answers) })
            }) { raw, validation, encoded in
                var record = PendingRecord(
                    ordinal: records.count + 1, location: raw.location, place: raw.location.description, uscc: nil, name: nil,
                    rawJSON: encoded.raw, issues: validation.issues)
                if let response = validation.response {
                    record.uscc = response.profile.uscc
                    record.name = response.profile.name
                    record.profile = response.profile
                    record.profileJSON = encoded.profile
                    record.answersJSON = encoded.answers
                } else {
                    (record.uscc, record.name) = Self.claimedIdentity(of: raw, mapper: mapper)
                }
                records.append(record)
                if records.count % 1000 == 0 { progress?(.reading(records: records.count)) }
            }
            parsed.format = summary.format
            parsed.fileWarnings = summary.warnings
            parsed.records = records
        } catch let error as SurveyFileError {
            parsed.fileError = error.issue
        }
        if options.strict, parsed.records.contains(where: { !$0.isAccepted }) {
            let failed = parsed.records.filter { !$0.isAccepted }.count
            parsed.strictFailures = failed
            for index in parsed.records.indices where parsed.records[index].isAccepted {
                parsed.isStrictRejection = true
                parsed.records[index].profileJSON = nil
                parsed.records[index].answersJSON = nil
                parsed.records[index].profile = nil
                parsed.records[index].issues.insert(SurveyIssue(
                    .error, at: parsed.records[index].location, LocalizedText(
                        zh: "按严格模式（--strict）整份文件不予接收：文件中有\(failed)条记录未通过检查；本条记录本身无误",
                        en: "rejected with the whole file under --strict: \(failed) record(s) of the file failed their checks; "
                            + "this record itself passed"
                    )), at: 0)
            }
        }
        return parsed
    }

    /// The credit code and name a rejected record claims, when they can be made out: the code
    /// only when well-formed, so a typo never attaches a record to another enterprise.
    private static func claimedIdentity(of raw: RawSurvey, mapper: FieldMapper) -> (uscc: String?, name: String?) {
        var uscc: String?
        var name: String?
        for field in raw.fields {
            switch mapper.target(forKey: field.key) {
            case .profile(.uscc)? where uscc == nil:
                if case .text(let text) = field.value {
                    let code = TextNormalization.fold(text).uppercased().filter { !$0.isWhitespace }
                    if CreditCode.problem(in: code) == nil { uscc = code }
                }
            case .profile(.name)? where name == nil:
                let text = TextNormalization.fold(field.value.displayText)
                if !text.isEmpty { name = String(text.prefix(100)) }
            default:
                break
            }
        }
        return (uscc, name)
    }

    // MARK: Writing

    /// Writes the file and its records in one transaction; nil when the campaign's tree changed
    /// since the file was validated (the caller validates again).
    private func write(
        _ parsed: ParsedFile, bytes: Data, sha256: String, name: String, campaign: Campaign, revisionID: Int64,
        options: ImportOptions, progress: ((ImportProgress) -> Void)?
    ) throws -> ImportReport? {
        let receivedAt = now()
        let stamp = StoreTimestamp.format(receivedAt)
        return try db.transaction { db -> ImportReport? in
            // Another process may have imported the same bytes, or revised the tree, meanwhile.
            if let earlier = try importedFile(campaignID: campaign.id, sha256: sha256) {
                return ImportReport(alreadyImported: earlier, as: name)
            }
            guard try currentRevision(campaignID: campaign.id).id == revisionID else { return nil }

            let contentID: Int64
            if let row = try db.firstRow("SELECT id FROM file_content WHERE sha256 = ?", [sha256]) {
                contentID = try row.int64(0)
            } else {
                try db.execute(
                    "INSERT INTO file_content(sha256, size, bytes) VALUES (?, ?, ?)", [sha256, bytes.count, [UInt8](bytes)])
                contentID = db.lastInsertedRowID
            }
            try db.execute(
                """
                INSERT INTO imported_file(campaign_id, content_id, tree_revision_id, name, format, strict, readable,
                    received_at, warnings_json, record_count, new_count, resubmission_count, unchanged_count, rejected_count)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0)
                """,
                [campaign.id, contentID, revisionID, name, parsed.format.rawValue, options.strict, parsed.fileError == nil,
                 stamp, StoredJSON.encode(issues: parsed.fileWarnings)])
            let fileID = db.lastInsertedRowID
            var info = ImportedFileInfo(
                id: fileID, name: name, sha256: sha256, size: bytes.count, format: parsed.format, receivedAt: receivedAt,
                isReadable: parsed.fileError == nil, isStrict: options.strict, records: 0, newSubmissions: 0,
                resubmissions: 0, unchanged: 0, rejected: 0)
            var report = ImportReport(
                file: name, imported: info, isAlreadyImported: false, fileError: parsed.fileError,
                isStrictRejection: parsed.isStrictRejection, strictFailures: parsed.strictFailures,
                warnings: parsed.fileWarnings, rejections: [], supersessions: [])

            let insert = try db.cachedStatement(sql: """
                INSERT INTO submission(campaign_id, file_id, ordinal, place, uscc, name, status, outcome, previous_id,
                    supersedes, raw_json, profile_json, answers_json, issues_json, received_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            if let fileError = parsed.fileError {
                try insert.execute([
                    campaign.id, fileID, 0, fileError.location.description, String?.none, String?.none, "rejected",
                    "rejected", Int64?.none, Int64?.none, String?.none, String?.none, String?.none,
                    StoredJSON.encode(issues: [fileError]), stamp,
                ])
                info.records = 1
                info.rejected = 1
                report.rejections.append(RejectedRecord(
                    submission: SubmissionReference(
                        id: db.lastInsertedRowID, fileID: fileID, file: name, place: fileError.location.description,
                        receivedAt: receivedAt),
                    uscc: nil, name: nil, issues: [fileError], isFileError: true, inEffect: nil))
            }

            let current = try db.cachedStatement(sql: """
                SELECT s.id, s.profile_json, s.answers_json, s.place, s.received_at, f.id, f.name
                FROM current_submission c JOIN submission s ON s.id = c.submission_id JOIN imported_file f ON f.id = s.file_id
                WHERE c.campaign_id = ? AND c.uscc = ?
                """)
            let setCurrent = try db.cachedStatement(sql: """
                INSERT INTO current_submission(campaign_id, uscc, submission_id) VALUES (?, ?, ?)
                ON CONFLICT (campaign_id, uscc) DO UPDATE SET submission_id = excluded.submission_id
                """)
            let setEnterprise = try db.cachedStatement(sql: """
                INSERT INTO enterprise(uscc, name, district, industry, size, submission_id, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (uscc) DO UPDATE SET name = excluded.name, district = excluded.district,
                    industry = excluded.industry, size = excluded.size, submission_id = excluded.submission_id,
                    updated_at = excluded.updated_at
                """)

            for (index, record) in parsed.records.enumerated() {
                if let limit = options.failureAfterRecords, index == limit { throw InjectedFailure() }
                var previous: (id: Int64, profile: String?, answers: String?, reference: SubmissionReference)?
                if let uscc = record.uscc, let row = try current.rows([campaign.id, uscc]).first {
                    let id = try row.int64(0)
                    previous = (
                        id, try row.optionalString(1), try row.optionalString(2),
                        SubmissionReference(
                            id: id, fileID: try row.int64(5), file: try row.string(6), place: try row.string(3),
                            receivedAt: try StoreTimestamp.parse(row.string(4))))
                }
                let outcome: SubmissionHistoryEntry.Outcome
                switch (record.isAccepted, previous) {
                case (true, nil): outcome = .new
                case (true, let previous?):
                    outcome = previous.profile == record.profileJSON && previous.answers == record.answersJSON
                        ? .unchanged : .resubmission
                case (false, nil): outcome = .rejected
                case (false, .some): outcome = .rejectedResubmission
                }
                try insert.execute([
                    campaign.id, fileID, record.ordinal, record.place, record.uscc, record.name,
                    outcome.isAccepted ? "accepted" : "rejected", outcome.rawValue, previous?.id,
                    outcome == .resubmission ? previous?.id : nil, record.rawJSON, record.profileJSON, record.answersJSON,
                    StoredJSON.encode(issues: record.issues), stamp,
                ])
                let id = db.lastInsertedRowID
                let reference = SubmissionReference(id: id, fileID: fileID, file: name, place: record.place, receivedAt: receivedAt)
                if outcome == .new || outcome == .resubmission, let profile = record.profile {
                    try setEnterprise.execute([
                        profile.uscc, profile.name, profile.district, profile.industry, profile.size.rawValue, id, stamp,
                    ])
                    try setCurrent.execute([campaign.id, profile.uscc, id])
                }
                info.records += 1
                switch outcome {
                case .new: info.newSubmissions += 1
                case .resubmission:
                    info.resubmissions += 1
                    if let previous { report.supersessions.append((new: reference, replaced: previous.reference)) }
                case .unchanged: info.unchanged += 1
                case .rejected, .rejectedResubmission:
                    info.rejected += 1
                    report.rejections.append(RejectedRecord(
                        submission: reference, uscc: record.uscc, name: record.name, issues: record.issues,
                        isFileError: false, inEffect: previous?.reference))
                }
                if outcome.isAccepted {
                    report.warnings += record.issues.filter { $0.severity == .warning }
                }
                if (index + 1) % 1000 == 0 { progress?(.writing(records: index + 1, of: parsed.records.count)) }
            }
            try db.execute(
                """
                UPDATE imported_file SET record_count = ?, new_count = ?, resubmission_count = ?, unchanged_count = ?,
                    rejected_count = ?
                WHERE id = ?
                """,
                [info.records, info.newSubmissions, info.resubmissions, info.unchanged, info.rejected, fileID])
            progress?(.writing(records: parsed.records.count, of: parsed.records.count))
            report.imported = info
            return report
        } ?? nil
    }

    /// The import of these bytes into the campaign, if any.
    func importedFile(campaignID: Int64, sha256: String) throws -> ImportedFileInfo? {
        try db.firstRow("\(Self.importedFileColumns) WHERE f.campaign_id = ? AND c.sha256 = ?", [campaignID, sha256])
            .map(Self.importedFile)
    }

    static let importedFileColumns = """
        SELECT f.id, f.name, c.sha256, c.size, f.format, f.received_at, f.readable, f.strict, f.record_count,
            f.new_count, f.resubmission_count, f.unchanged_count, f.rejected_count
        FROM imported_file f JOIN file_content c ON c.id = f.content_id
        """

    static func importedFile(_ row: Row) throws -> ImportedFileInfo {
        guard let format = SurveyFormat(rawValue: try row.string(4)) else {
            throw StoreError.damaged("unknown file format \(try row.string(4))")
        }
        return ImportedFileInfo(
            id: try row.int64(0), name: try row.string(1), sha256: try row.string(2), size: try row.decode(at: 3),
            format: format, receivedAt: try StoreTimestamp.parse(row.string(5)), isReadable: try row.bool(6),
            isStrict: try row.bool(7), records: try row.decode(at: 8), newSubmissions: try row.decode(at: 9),
            resubmissions: try row.decode(at: 10), unchanged: try row.decode(at: 11), rejected: try row.decode(at: 12))
    }

    /// Every file imported into a campaign, oldest first.
    public func importedFiles(of campaign: Campaign) throws -> [ImportedFileInfo] {
        try db.rows("\(Self.importedFileColumns) WHERE f.campaign_id = ? ORDER BY f.id", [campaign.id]).map(Self.importedFile)
    }

    /// The bytes of an imported file, exactly as received.
    public func contents(ofImportedFile id: Int64) throws -> Data {
        let sql = "SELECT c.bytes FROM imported_file f JOIN file_content c ON c.id = f.content_id WHERE f.id = ?"
        guard let row = try db.firstRow(sql, [id]) else { throw StoreError.damaged("imported file \(id) is missing") }
        return Data(try row.blob(0))
    }
}

extension ImportReport {
    init(alreadyImported earlier: ImportedFileInfo, as name: String) {
        self.init(
            file: name, imported: earlier, isAlreadyImported: true, fileError: nil, isStrictRejection: false, strictFailures: 0, warnings: [],
            rejections: [], supersessions: [])
    }
}
