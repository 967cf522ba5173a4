/// One enterprise's survey, read and validated: its profile and its answers.
public struct SurveyResponse: Equatable, Sendable {
    public var profile: EnterpriseProfile
    /// Answers by question id. A question left blank is absent.
    public var answers: [String: Answer]
    /// Marks set by bureau staff rather than the enterprise, e.g. `falsified` (弄虚作假), which
    /// veto rules can test.
    public var flags: Set<String>

    public init(profile: EnterpriseProfile, answers: [String: Answer], flags: Set<String> = []) {
        self.profile = profile
        self.answers = answers
        self.flags = flags
    }
}
