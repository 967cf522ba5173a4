import Foundation

/// Everything the leaders' workbook shows, as one plain value: the campaign, the scored batch, the
/// selection and robustness results, what intake accepted and rejected, and how to render it.
///
/// Build it from survey files now (``ReportIntakeCollector`` reads them; `ronghe export
/// --indicators FILE SURVEY…` does this) or, later, from a stored batch: nothing here refers to
/// files or a database. The same value always gives the same workbook content.
public struct ReportInput: Sendable {
    /// The scored batch a report is made from: its identity, when it was scored and by which engine.
    public struct Batch: Equatable, Sendable {
        /// The stored batch's id; nil for surveys scored straight from files.
        public var id: String?
        /// When the batch was scored. It is shown in the report and is the workbook's creation
        /// date, so regenerating a report of the same batch gives the same file.
        public var scoredAt: Date
        /// The scoring engine's version (``engineVersion`` for a batch scored now).
        public var engineVersion: String

        /// A batch scored at `scoredAt` by `engineVersion` (this build's by default).
        public init(id: String? = nil, scoredAt: Date, engineVersion: String = RongheKit.engineVersion) {
            self.id = id
            self.scoredAt = scoredAt
            self.engineVersion = engineVersion
        }
    }

    /// What intake received: counts of records and the rejected ones with their reasons.
    ///
    /// Counts are of records (one enterprise's survey), except that a file that cannot be read at
    /// all counts once, as one submitted and one rejected record.
    public struct Intake: Equatable, Sendable {
        /// Every record received.
        public var submitted: Int
        /// Records that passed validation, including those later superseded.
        public var accepted: Int
        /// Records refused, each listed in ``rejections``.
        public var rejected: Int
        /// Accepted records replaced by a later submission of the same enterprise; the scored
        /// batch holds accepted − superseded enterprises.
        public var superseded: Int
        /// The rejected records, in the order they were read.
        public var rejections: [Rejection]

        /// Counts and rejections as intake found them.
        public init(submitted: Int, accepted: Int, rejected: Int, superseded: Int = 0, rejections: [Rejection] = []) {
            self.submitted = submitted
            self.accepted = accepted
            self.rejected = rejected
            self.superseded = superseded
            self.rejections = rejections
        }

        /// Counts for a batch whose every record was accepted, such as one built in code.
        public static func allAccepted(_ count: Int) -> Intake {
            Intake(submitted: count, accepted: count, rejected: 0)
        }
    }

    /// One rejected record (or unreadable file): where it is, whose it seems to be, and why.
    public struct Rejection: Equatable, Sendable {
        /// The file as the user named it.
        public var file: String
        /// Where the record is in the file, such as `问卷!C7`, `17` (a CSV line) or
        /// `enterprise.uscc`; nil for the file as a whole.
        public var place: String?
        /// The credit code as written in the record, when one could be read (it may be the
        /// mistyped code that caused the rejection).
        public var uscc: String?
        /// The enterprise name as written in the record, when there is one.
        public var name: String?
        /// Why it was refused, one message per problem, in Chinese and English.
        public var messages: [LocalizedText]

        /// A rejection as stored: every part as intake recorded it.
        public init(file: String, place: String?, uscc: String?, name: String?, messages: [LocalizedText]) {
            self.file = file
            self.place = place
            self.uscc = uscc
            self.name = name
            self.messages = messages
        }
    }

    /// The campaign's name, shown in titles, page headers and the file's properties.
    public var campaign: String
    /// The scored batch's identity, time and engine.
    public var batch: Batch
    /// The scored batch; its tree is the report's tree.
    public var result: ScoringResult
    /// The selection made from ``result``; nil when the tree has no selection policy.
    public var selection: SelectionResult?
    /// The rank-robustness analysis of ``result``; nil when it was not run.
    public var robustness: RobustnessResult?
    /// What intake received and refused, for the Summary and Data quality sheets.
    public var intake: Intake
    /// The language of every label, sheet name and reason in the workbook.
    public var language: Language
    /// Credit codes of enterprises to profile besides the recommended ones, in the order given.
    public var profiles: [String]
    /// Names of districts by their GB/T 2260 code, e.g. `"371402": "德城区"`; a district without
    /// a name is shown by its code alone.
    public var districtNames: [String: String]
    /// The time zone times are shown in; China Standard Time (UTC+8, no daylight saving) by default.
    public var timeZone: TimeZone

    /// An input; only the campaign, batch, result and intake are needed, the rest defaults to a
    /// Chinese report without selection, robustness, extra profiles or district names.
    public init(
        campaign: String, batch: Batch, result: ScoringResult, selection: SelectionResult? = nil,
        robustness: RobustnessResult? = nil, intake: Intake, language: Language = .zh, profiles: [String] = [],
        districtNames: [String: String] = [:], timeZone: TimeZone = ReportInput.chinaStandardTime
    ) {
        self.campaign = campaign
        self.batch = batch
        self.result = result
        self.selection = selection
        self.robustness = robustness
        self.intake = intake
        self.language = language
        self.profiles = profiles
        self.districtNames = districtNames
        self.timeZone = timeZone
    }

    /// The indicator tree the batch was scored with.
    public var tree: IndicatorTree { result.tree }

    /// UTC+8 as a fixed offset, so that showing a time needs no time-zone database.
    public static let chinaStandardTime = TimeZone(secondsFromGMT: 8 * 3600)!
}

extension ReportInput.Rejection {
    /// A rejection from intake's findings on one record: its location, the profile fields it
    /// carried and its errors. A message about another place than the record's own (a cell, a
    /// JSON key) starts with that place, so the enterprise can find it.
    public init(record: FileLocation, uscc: String?, name: String?, errors: [SurveyIssue]) {
        self.init(file: record.file, place: Self.placeText(record.place), uscc: uscc, name: name, errors: errors)
    }

    /// A rejection of the record at `place` (as ``placeText(_:)`` writes it) with its errors.
    public init(file: String, place: String?, uscc: String?, name: String?, errors: [SurveyIssue]) {
        self.init(
            file: file, place: place, uscc: uscc, name: name,
            messages: errors.map { issue in
                guard let issuePlace = Self.placeText(issue.location.place), issuePlace != place else {
                    return issue.message
                }
                return LocalizedText(zh: "\(issuePlace)：\(issue.message.zh)", en: "\(issuePlace): \(issue.message.text(.en))")
            })
    }

    /// A place as ``FileLocation`` writes it after the file name (`问卷!C7`, `17`,
    /// `answers["B1.1"]`); nil for none and for the root of a JSON document, which says nothing
    /// a reader can use.
    public static func placeText(_ place: FileLocation.Place?) -> String? {
        guard let place, place != .jsonPath("$") else { return nil }
        return String(FileLocation(file: "", place: place).description.dropFirst())
    }
}

extension ReportInput {
    /// Reads a district-name map: a JSON object of GB/T 2260 codes to names,
    /// `{"371402": "德城区", "371403": "陵城区"}`. `source` names the file in errors.
    public static func districtNames(fromJSON data: Data, source: String) throws(ReportError) -> [String: String] {
        let document: JSONValue
        do {
            document = try JSONParser.parse(data)
        } catch {
            throw .invalidDistrictNames(file: source, message: "line \(error.line), column \(error.column): \(error.message)")
        }
        guard case .object(let members) = document else {
            throw .invalidDistrictNames(file: source, message: "expected an object of district codes to names, found \(document.kindDescription)")
        }
        var names: [String: String] = [:]
        for (code, value) in members {
            guard case .string(let name) = value else {
                throw .invalidDistrictNames(file: source, message: "the name of district \"\(code)\" is \(value.kindDescription), not a string")
            }
            if DivisionCode.problem(in: code) == .format {
                throw .invalidDistrictNames(file: source, message: "\"\(code)\" is not a 6-digit division code")
            }
            names[code] = name
        }
        return names
    }
}
