import Foundation

/// Reads a survey file and checks every record: what `ronghe import` and `ronghe score` run.
///
/// One bad record does not reject the good records of a batch; the caller decides what a strict
/// import does with a file that has any rejection. A second record of the same enterprise in one
/// file is rejected, naming where the first one is.
public struct SurveyIntake {
    public let reader: SurveyFileReader
    public let validator: SurveyValidator

    public init(tree: IndicatorTree, currentYear: Int? = nil) {
        reader = SurveyFileReader(tree: tree)
        validator = currentYear.map { SurveyValidator(tree: tree, currentYear: $0) } ?? SurveyValidator(tree: tree)
    }

    /// Calls `body` with each raw record and its validation, in file order.
    public func process(
        _ url: URL, file: String, _ body: (RawSurvey, SurveyValidation) throws -> Void
    ) throws -> SurveyFileSummary {
        var seen: [String: FileLocation] = [:]
        return try reader.forEachRecord(at: url, file: file) { raw in
            var validation = validator.validate(raw)
            if let profile = validation.response?.profile {
                if let first = seen[profile.uscc] {
                    validation.response = nil
                    validation.issues.append(SurveyIssue(.error, at: raw.location, field: ProfileField.uscc.rawValue, LocalizedText(
                        zh: "同一企业（\(profile.uscc)）在本文件中出现了两次，首次出现在\(first)",
                        en: "enterprise \(profile.uscc) appears twice in this file; it first appears at \(first)")))
                } else {
                    seen[profile.uscc] = raw.location
                }
            }
            try body(raw, validation)
        }
    }
}
