/// A development stage (发展阶段) an enterprise is placed in by its total score.
///
/// An enterprise is in the highest stage whose minimum total it reaches and whose extra
/// requirement, if any, it meets: GB/T 23020's 集成提升 stage, for instance, also asks for an
/// integration score of at least 50.
public struct Stage: Equatable, Sendable {
    public var id: String
    public var name: LocalizedText
    /// The lowest total (inclusive) that can place an enterprise in this stage.
    public var minimumTotal: Double
    public var requires: Condition?

    public init(id: String, name: LocalizedText, minimumTotal: Double, requires: Condition? = nil) {
        self.id = id
        self.name = name
        self.minimumTotal = minimumTotal
        self.requires = requires
    }
}

/// A one-vote veto (一票否决): an enterprise meeting the condition is still scored and ranked but
/// cannot be selected, and the reason is shown.
public struct VetoRule: Equatable, Sendable {
    public var id: String
    public var reason: LocalizedText
    public var when: Condition

    public init(id: String, reason: LocalizedText, when: Condition) {
        self.id = id
        self.reason = reason
        self.when = when
    }
}

/// Who is ranked.
public struct RankingPolicy: Equatable, Sendable {
    /// Enterprises that answered less than this share (0–1) of the applicable scored questions are
    /// scored but not ranked.
    public var minimumCompleteness: Double

    public init(minimumCompleteness: Double = 0.6) {
        self.minimumCompleteness = minimumCompleteness
    }
}

extension Stage {
    init(json: JSONCursor) throws(JSONDecodingError) {
        let object = try json.object(allowedKeys: ["id", "name", "minimumTotal", "requires"])
        self.init(
            id: try object.required("id").nonEmptyString(),
            name: try LocalizedText(json: object.required("name")),
            minimumTotal: try object.required("minimumTotal").double(),
            requires: try object.optional("requires").map { (cursor) throws(JSONDecodingError) in try Condition(json: cursor) })
    }
}

extension VetoRule {
    init(json: JSONCursor) throws(JSONDecodingError) {
        let object = try json.object(allowedKeys: ["id", "reason", "when"])
        self.init(
            id: try object.required("id").nonEmptyString(),
            reason: try LocalizedText(json: object.required("reason")),
            when: try Condition(json: object.required("when")))
    }
}

extension RankingPolicy {
    init(json: JSONCursor) throws(JSONDecodingError) {
        let object = try json.object(allowedKeys: ["minimumCompleteness"])
        self.init(minimumCompleteness: try object.optional("minimumCompleteness")?.double() ?? 0.6)
    }
}
