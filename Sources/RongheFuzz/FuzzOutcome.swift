/// What one fuzz case did to intake.
public enum FuzzOutcome: Equatable, Sendable {
    /// The file was read: this many records, this many accepted.
    case read(records: Int, accepted: Int)
    /// The file was refused as a whole with a ``RongheKit/SurveyFileError``, whose message is kept.
    case refused(String)
    /// Something a user must never see: an error other than ``RongheKit/SurveyFileError``, or an
    /// issue that does not name the file. A finding, like a crash.
    case unexpected(String)

    /// Whether this is a finding.
    public var isFinding: Bool {
        if case .unexpected = self { return true }
        return false
    }
}
