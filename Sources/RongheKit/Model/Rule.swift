/// Which way an indicator improves.
public enum Direction: String, Sendable, CaseIterable, Codable {
    /// More is better (the usual case).
    case higher
    /// Less is better, e.g. energy use per unit of output.
    case lower
}

/// The two values between which a numeric indicator's score runs from 0 to 100.
///
/// `low` (L) scores 0 and `high` (U) scores 100 when higher is better; the other way round when
/// lower is better. Values outside are clamped and flagged.
public struct Goalposts: Equatable, Sendable {
    public var low: Double
    public var high: Double
    public var direction: Direction

    public init(low: Double, high: Double, direction: Direction = .higher) {
        self.low = low
        self.high = high
        self.direction = direction
    }
}

/// One band of a step rule: values from `from` upwards (until the next step) score `score`.
public struct ScoreStep: Equatable, Sendable {
    public var from: Double
    public var score: Double

    public init(from: Double, score: Double) {
        self.from = from
        self.score = score
    }
}

/// How a batch-relative rule places one value among all enterprises in the batch.
public enum BatchMethod: String, Sendable, CaseIterable, Codable {
    /// 100 · (x − min) / (max − min) over the batch.
    case minMax = "min-max"
    /// The z-score mapped to 0–100 through the standard normal distribution: 100 · Φ(z).
    case zScore = "z-score"
    /// The percentile rank, 100 · (below + (equal − 1) / 2) / (n − 1).
    case percentile
}

/// A number a ratio rule divides: an answer or a profile figure.
public enum RuleOperand: Equatable, Sendable {
    case question(String)
    case profile(ProfileField)
}

/// How a leaf indicator turns an answer into a score from 0 to 100.
public enum Rule: Equatable, Sendable {
    /// 100 · clamp((x − L) / (U − L)), reversed when lower is better.
    case linear(question: String, goalposts: Goalposts)
    /// The score of the last step whose `from` is not above the value; `below` under the first.
    case steps(question: String, steps: [ScoreStep], below: Double)
    /// A score per option code.
    case choice(question: String, scores: [String: Double])
    case yesNo(question: String, yes: Double, no: Double)
    /// 100 · (options chosen) / N, N being `outOf` or else the number of options.
    case share(question: String, outOf: Int?)
    /// The sum of the chosen options' points, capped at 100.
    case points(question: String, points: [String: Double])
    /// scale · numerator / denominator, then goalposts. A zero denominator makes it missing.
    case ratio(numerator: RuleOperand, denominator: RuleOperand, scale: Double, goalposts: Goalposts)
    /// A score relative to the whole batch being scored; a constant column scores `constantScore`.
    case batch(question: String, method: BatchMethod, direction: Direction, constantScore: Double)

    /// The name of the rule's kind as written in JSON.
    public var kind: String {
        switch self {
        case .linear: return "linear"
        case .steps: return "steps"
        case .choice: return "choice"
        case .yesNo: return "yes-no"
        case .share: return "share"
        case .points: return "points"
        case .ratio: return "ratio"
        case .batch: return "batch"
        }
    }

    /// The questions whose answers the rule reads.
    public var questions: [String] {
        switch self {
        case .linear(let question, _), .steps(let question, _, _), .choice(let question, _),
            .yesNo(let question, _, _), .share(let question, _), .points(let question, _),
            .batch(let question, _, _, _):
            return [question]
        case .ratio(let numerator, let denominator, _, _):
            return [numerator, denominator].compactMap {
                if case .question(let id) = $0 { return id }
                return nil
            }
        }
    }

    /// Whether a higher answer can only raise the score (used by property tests and reports).
    public var isIncreasing: Bool {
        switch self {
        case .linear(_, let goalposts), .ratio(_, _, _, let goalposts): return goalposts.direction == .higher
        case .batch(_, _, let direction, _): return direction == .higher
        case .steps(_, let steps, let below):
            let scores = [below] + steps.map(\.score)
            return zip(scores, scores.dropFirst()).allSatisfy { $0 <= $1 }
        default: return false
        }
    }
}

extension Rule {
    private static let kinds = ["linear", "steps", "choice", "yes-no", "share", "points", "ratio", "batch"]

    init(json: JSONCursor) throws(JSONDecodingError) {
        guard let kindCursor = try json.members().first(where: { $0.key == "kind" })?.value else {
            throw json.error("missing key \"kind\"")
        }
        let kind = try kindCursor.string()
        func goalposts(_ object: JSONObjectCursor) throws(JSONDecodingError) -> Goalposts {
            Goalposts(
                low: try object.required("low").double(), high: try object.required("high").double(),
                direction: try Self.direction(object.optional("direction")))
        }
        switch kind {
        case "linear":
            let object = try json.object(allowedKeys: ["kind", "question", "low", "high", "direction"])
            self = .linear(question: try object.required("question").nonEmptyString(), goalposts: try goalposts(object))
        case "steps":
            let object = try json.object(allowedKeys: ["kind", "question", "steps", "below"])
            var steps: [ScoreStep] = []
            for element in try object.required("steps").array() {
                let step = try element.object(allowedKeys: ["from", "score"])
                steps.append(ScoreStep(from: try step.required("from").double(), score: try step.required("score").double()))
            }
            self = .steps(
                question: try object.required("question").nonEmptyString(), steps: steps,
                below: try object.optional("below")?.double() ?? 0)
        case "choice":
            let object = try json.object(allowedKeys: ["kind", "question", "scores"])
            self = .choice(
                question: try object.required("question").nonEmptyString(),
                scores: try Self.numberTable(object.required("scores")))
        case "yes-no":
            let object = try json.object(allowedKeys: ["kind", "question", "yes", "no"])
            self = .yesNo(
                question: try object.required("question").nonEmptyString(),
                yes: try object.optional("yes")?.double() ?? 100, no: try object.optional("no")?.double() ?? 0)
        case "share":
            let object = try json.object(allowedKeys: ["kind", "question", "outOf"])
            self = .share(question: try object.required("question").nonEmptyString(), outOf: try object.optional("outOf")?.int())
        case "points":
            let object = try json.object(allowedKeys: ["kind", "question", "points"])
            self = .points(
                question: try object.required("question").nonEmptyString(),
                points: try Self.numberTable(object.required("points")))
        case "ratio":
            let object = try json.object(allowedKeys: ["kind", "numerator", "denominator", "scale", "low", "high", "direction"])
            self = .ratio(
                numerator: try Self.operand(object.required("numerator")),
                denominator: try Self.operand(object.required("denominator")),
                scale: try object.optional("scale")?.double() ?? 1, goalposts: try goalposts(object))
        case "batch":
            let object = try json.object(allowedKeys: ["kind", "question", "method", "direction", "constantScore"])
            let methodCursor = try object.required("method")
            let methodName = try methodCursor.string()
            guard let method = BatchMethod(rawValue: methodName) else {
                throw methodCursor.error(
                    "unknown batch method \"\(methodName)\" (expected \"min-max\", \"z-score\" or \"percentile\")")
            }
            self = .batch(
                question: try object.required("question").nonEmptyString(), method: method,
                direction: try Self.direction(object.optional("direction")),
                constantScore: try object.optional("constantScore")?.double() ?? 50)
        default:
            throw kindCursor.error(
                "unknown rule kind \"\(kind)\" (expected one of \(Self.kinds.map { "\"\($0)\"" }.joined(separator: ", ")))")
        }
    }

    private static func direction(_ cursor: JSONCursor?) throws(JSONDecodingError) -> Direction {
        guard let cursor else { return .higher }
        let name = try cursor.string()
        guard let direction = Direction(rawValue: name) else {
            throw cursor.error("unknown direction \"\(name)\" (expected \"higher\" or \"lower\")")
        }
        return direction
    }

    private static func numberTable(_ cursor: JSONCursor) throws(JSONDecodingError) -> [String: Double] {
        var table: [String: Double] = [:]
        for member in try cursor.members() {
            table[member.key] = try member.value.double()
        }
        return table
    }

    private static func operand(_ cursor: JSONCursor) throws(JSONDecodingError) -> RuleOperand {
        if case .string = cursor.value {
            return .question(try cursor.nonEmptyString())
        }
        let object = try cursor.object(allowedKeys: ["question", "profile"])
        if let question = object.optional("question") {
            return .question(try question.nonEmptyString())
        }
        let fieldCursor = try object.required("profile")
        let name = try fieldCursor.string()
        guard let field = ProfileField(rawValue: name), field.isNumeric else {
            let numeric = ProfileField.allCases.filter(\.isNumeric).map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            throw fieldCursor.error("\"\(name)\" is not a numeric profile field (expected one of \(numeric))")
        }
        return .profile(field)
    }
}
