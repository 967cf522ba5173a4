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

    /// Records checked together: enough to keep every processor busy, few enough that a batch
    /// file of any size is never held in memory whole.
    static let chunkSize = 2048

    /// Calls `body` with each raw record and its validation, in file order.
    public func process(
        _ url: URL, file: String, _ body: (RawSurvey, SurveyValidation) throws -> Void
    ) throws -> SurveyFileSummary {
        try process(url, file: file, prepare: { _, _ in () }) { raw, validation, _ in try body(raw, validation) }
    }

    /// Calls `body` with each raw record, its validation and what `prepare` made of them, in file
    /// order. Records are checked, and `prepare` run, on every processor, a chunk at a time; the
    /// duplicate check and `body` run in order on the calling thread. `prepare` sees the
    /// validation before the duplicate check, which may still reject the record.
    ///
    /// When the file turns out unreadable part-way, `body` has seen every record read before the
    /// error is thrown, as when records were checked one by one.
    public func process<Prepared: Sendable>(
        _ url: URL, file: String, prepare: @escaping @Sendable (RawSurvey, SurveyValidation) -> Prepared,
        _ body: (RawSurvey, SurveyValidation, Prepared) throws -> Void
    ) throws -> SurveyFileSummary {
        var seen: [String: FileLocation] = [:]
        var pending: [RawSurvey] = []
        pending.reserveCapacity(Self.chunkSize)
        var bodyFailed = false
        let validator = validator
        func flush() throws {
            let checked = ParallelMap.map(pending) { raw in
                let validation = validator.validate(raw)
                return (validation, prepare(raw, validation))
            }
            for (raw, (validation, prepared)) in zip(pending, checked) {
                var validation = validation
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
                do {
                    try body(raw, validation, prepared)
                } catch {
                    bodyFailed = true
                    throw error
                }
            }
            pending.removeAll(keepingCapacity: true)
        }
        let summary: SurveyFileSummary
        do {
            summary = try reader.forEachRecord(at: url, file: file) { raw in
                pending.append(raw)
                if pending.count == Self.chunkSize { try flush() }
            }
        } catch let error as SurveyFileError where !bodyFailed {
            try flush()
            throw error
        }
        try flush()
        return summary
    }
}
