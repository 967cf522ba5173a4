/// A problem found in a submitted survey, in words the enterprise understands, in Chinese and
/// English.
public struct SurveyIssue: Equatable, Hashable, Sendable {
    public enum Severity: String, Sendable, Codable {
        /// The record (or, for a file-level issue, the file) cannot be accepted.
        case error
        /// Accepted, but worth telling the enterprise or the analyst.
        case warning
    }

    public var severity: Severity
    public var location: FileLocation
    /// The question id or profile field concerned, if any.
    public var field: String?
    public var message: LocalizedText

    public init(_ severity: Severity, at location: FileLocation, field: String? = nil, _ message: LocalizedText) {
        self.severity = severity
        self.location = location
        self.field = field
        self.message = message
    }

    /// The issue in compiler style: `surveys/acme.xlsx:问卷!C7: error: …`.
    public func formatted(_ language: Language = .en) -> String {
        let word: String
        switch (severity, language) {
        case (.error, .en): word = "error"
        case (.warning, .en): word = "warning"
        case (.error, .zh): word = "错误"
        case (.warning, .zh): word = "提示"
        }
        return "\(location): \(word): \(message.text(language))"
    }
}
