/// A survey form cannot be written as asked: a pre-filled value does not fit the form.
///
/// Problems of the file itself (a missing directory, a full disk) are ``XLSXWriterError``s.
public struct SurveyFormError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong.
    public enum Reason: Equatable, Sendable {
        /// A pre-filled key is neither a profile field of the form nor a question of the tree.
        case unknownField(String)
        /// A list was given for a field that takes one value.
        case listForSingleValue(field: String)
        /// A multi-choice value is not a list of option codes or labels.
        case notAListOfOptions(question: String, value: RawValue)
        /// A multi-choice value names no option of the question.
        case unknownOption(question: String, value: String)
        /// 不适用 for a multi-choice question that does not allow it.
        case notApplicableNotAllowed(question: String)
    }

    /// What is wrong.
    public var reason: Reason

    /// Creates the error.
    public init(_ reason: Reason) {
        self.reason = reason
    }

    /// `cannot pre-fill the survey form: …`.
    public var description: String {
        let detail: String
        switch reason {
        case .unknownField(let key):
            detail = "\"\(key)\" is neither a profile field nor a question of the indicator tree"
        case .listForSingleValue(let field):
            detail = "\(field) takes one value, not a list"
        case .notAListOfOptions(let question, let value):
            detail = "\(question) is a multi-choice question; give a list of option codes or labels, not \(value.displayText)"
        case .unknownOption(let question, let value):
            detail = "\(question) has no option \"\(value)\""
        case .notApplicableNotAllowed(let question):
            detail = "\(question) does not allow 不适用 (not applicable)"
        }
        return "cannot pre-fill the survey form: " + detail
    }
}
