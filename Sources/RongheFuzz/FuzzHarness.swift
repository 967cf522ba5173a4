import Foundation
import RongheKit

/// Runs one input through intake exactly as `ronghe import` reads a file — ``SurveyIntake`` with
/// the format chosen by the file's name — and says what happened.
///
/// Each case is written to the same file in the harness's directory (named by its target's
/// extension), so a crash leaves the input that caused it there. Not Sendable: one per thread.
public final class FuzzHarness {
    /// Where each case is written before it is read.
    public let directory: URL
    private let intake: SurveyIntake

    /// A harness for `tree`, writing cases into `directory` (which must exist).
    public init(tree: IndicatorTree, directory: URL) {
        self.directory = directory
        intake = SurveyIntake(tree: tree, currentYear: 2026)
    }

    /// The file a case of `target` is written to.
    public func caseURL(for target: FuzzTarget) -> URL {
        directory.appendingPathComponent("case.\(target.fileExtension)")
    }

    /// Writes `bytes` as a `target` file and reads it.
    public func run(_ bytes: [UInt8], target: FuzzTarget) throws -> FuzzOutcome {
        let url = caseURL(for: target)
        try Data(bytes).write(to: url)
        return read(url, name: url.lastPathComponent)
    }

    /// Reads the file at `url` through intake, naming it `name` in messages.
    public func read(_ url: URL, name: String) -> FuzzOutcome {
        var records = 0
        var accepted = 0
        var misplaced: String?
        do {
            let summary = try intake.process(url, file: name) { raw, validation in
                records += 1
                if validation.isAccepted { accepted += 1 }
                for issue in validation.issues + raw.readIssues where issue.location.file != name {
                    misplaced = issue.formatted(.en)
                }
            }
            if let warning = summary.warnings.first(where: { $0.location.file != name }) {
                misplaced = warning.formatted(.en)
            }
        } catch let error as SurveyFileError {
            if error.issue.location.file != name {
                return .unexpected("the error names another file: \(error.issue.formatted(.en))")
            }
            return .refused(error.issue.formatted(.en))
        } catch {
            return .unexpected("\(type(of: error)) escaped intake: \(error)")
        }
        if let misplaced {
            return .unexpected("an issue names another file: \(misplaced)")
        }
        return .read(records: records, accepted: accepted)
    }
}
