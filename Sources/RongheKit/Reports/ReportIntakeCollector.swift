import Foundation

/// Reads survey files for a report made without a database: validates every record with
/// ``SurveyIntake``, keeps the accepted surveys and lists the rejected records with their reasons.
///
/// Files are read in the order they are added. When an enterprise appears in several files, the
/// record read last supersedes the earlier ones (as a resubmission does in a campaign), and the
/// earlier ones are counted as superseded; within one file a second record of the same enterprise
/// is rejected by ``SurveyIntake``.
public struct ReportIntakeCollector {
    /// A record that replaced an earlier one of the same enterprise.
    public struct Supersession: Equatable, Sendable {
        /// The enterprise's credit code.
        public var uscc: String
        /// Where the replaced record was.
        public var earlier: FileLocation
        /// Where the record that replaced it is.
        public var later: FileLocation
    }

    /// The reader and validator every file goes through.
    public let intake: SurveyIntake
    private let mapper: FieldMapper
    private var accepted: [String: (response: SurveyResponse, location: FileLocation, order: Int)] = [:]
    private var submitted = 0
    private var acceptedCount = 0
    /// The rejected records, in reading order.
    public private(set) var rejections: [ReportInput.Rejection] = []
    /// Records that replaced earlier ones, in reading order.
    public private(set) var supersessions: [Supersession] = []
    /// Warnings on accepted records and files, in reading order.
    public private(set) var warnings: [SurveyIssue] = []

    /// A collector validating against `tree`; `currentYear` bounds the survey year as in ``SurveyIntake``.
    public init(tree: IndicatorTree, currentYear: Int? = nil) {
        intake = SurveyIntake(tree: tree, currentYear: currentYear)
        mapper = FieldMapper(tree: tree)
    }

    /// Reads and validates every record of the file at `url`; `file` names it in messages.
    ///
    /// A file that cannot be read at all is recorded as one rejected record; nothing is thrown.
    public mutating func add(_ url: URL, file: String) {
        do {
            let summary = try intake.process(url, file: file) { raw, validation in
                submitted += 1
                warnings += validation.issues.filter { $0.severity == .warning }
                guard let response = validation.response else {
                    rejections.append(ReportInput.Rejection(
                        record: raw.location, uscc: profileText(.uscc, in: raw), name: profileText(.name, in: raw),
                        errors: validation.errors))
                    return
                }
                acceptedCount += 1
                let uscc = response.profile.uscc
                if let earlier = accepted[uscc] {
                    supersessions.append(Supersession(uscc: uscc, earlier: earlier.location, later: raw.location))
                }
                accepted[uscc] = (response, raw.location, acceptedCount)
            }
            warnings += summary.warnings
        } catch let error as SurveyFileError {
            submitted += 1
            let location = error.issue.location
            rejections.append(ReportInput.Rejection(
                file: location.file, place: ReportInput.Rejection.placeText(location.place), uscc: nil, name: nil,
                messages: [error.issue.message]))
        } catch {
            submitted += 1
            rejections.append(ReportInput.Rejection(
                file: file, place: nil, uscc: nil, name: nil,
                messages: [LocalizedText(zh: "无法读取文件：\(error)", en: "cannot read the file: \(error)")]))
        }
    }

    /// The accepted surveys that are not superseded, in reading order of their latest record.
    public var responses: [SurveyResponse] {
        accepted.values.sorted { $0.order < $1.order }.map(\.response)
    }

    /// The counts and rejections for ``ReportInput/intake``.
    public var summary: ReportInput.Intake {
        ReportInput.Intake(
            submitted: submitted, accepted: acceptedCount, rejected: rejections.count, superseded: supersessions.count,
            rejections: rejections)
    }

    /// The text of a profile field as the record wrote it, if the record has it and it is not blank.
    private func profileText(_ field: ProfileField, in raw: RawSurvey) -> String? {
        for candidate in raw.fields where mapper.target(forKey: candidate.key) == .profile(field) {
            let text = candidate.value.displayText.trimmingCharacters(in: .whitespacesAndNewlines)
            return text.isEmpty ? nil : text
        }
        return nil
    }
}
