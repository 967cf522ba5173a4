/// How a node's children's weights are set.
public enum Weighting: Equatable, Sendable {
    /// Each child states its `weight`; siblings' weights sum to 1.
    case explicit
    /// All children weigh the same.
    case equal
    /// An AHP pairwise comparison matrix over the children, in child order; the weights are its
    /// principal eigenvector, accepted only when the consistency ratio is below 0.10.
    case ahp([[Double]])
    /// Entropy weights (熵权法) derived from the children's scores across the batch being scored.
    case entropy

    /// The name used in JSON and listings.
    public var name: String {
        switch self {
        case .explicit: return "explicit"
        case .equal: return "equal"
        case .ahp: return "ahp"
        case .entropy: return "entropy"
        }
    }
}

/// How a node combines its children's scores.
public enum Aggregation: Equatable, Sendable {
    /// The weighted arithmetic mean.
    case arithmetic
    /// The weighted geometric mean. A geometric mean is 0 as soon as one child scores 0, so scores
    /// below `floor` are raised to `floor` first (and flagged): one missing capability lowers the
    /// node sharply without wiping it out.
    case geometric(floor: Double)
}

/// What happens to an indicator an enterprise left blank.
public enum MissingPolicy: String, Sendable, CaseIterable, Codable {
    /// The indicator scores 0.
    case zero
    /// The indicator is left out and its weight is re-spread over its answered siblings.
    case respread
    /// The indicator takes the median score of the enterprises in the same industry (GB/T 4754
    /// division) that answered it; if none did, the median of the whole batch; if nobody answered,
    /// it scores 0.
    case industryMedian = "industry-median"
}

/// A node of the indicator tree: a dimension or sub-dimension with children, or a leaf indicator
/// with a rule.
public struct IndicatorNode: Equatable, Sendable {
    public var id: String
    public var name: LocalizedText
    /// The weight within its parent, when the parent's weighting is explicit.
    public var weight: Double?
    /// How this node's children are weighted.
    public var weighting: Weighting
    public var aggregation: Aggregation
    public var children: [IndicatorNode]
    /// The rule of a leaf; nil for an inner node.
    public var rule: Rule?
    /// The missing-answer policy of a leaf; nil takes the tree's default.
    public var missing: MissingPolicy?

    public init(
        id: String, name: LocalizedText, weight: Double? = nil, weighting: Weighting = .explicit,
        aggregation: Aggregation = .arithmetic, children: [IndicatorNode] = [], rule: Rule? = nil,
        missing: MissingPolicy? = nil
    ) {
        self.id = id
        self.name = name
        self.weight = weight
        self.weighting = weighting
        self.aggregation = aggregation
        self.children = children
        self.rule = rule
        self.missing = missing
    }

    public var isLeaf: Bool { rule != nil }

    /// This node and all its descendants, parents before children.
    public var preorder: [IndicatorNode] {
        [self] + children.flatMap(\.preorder)
    }

    /// The leaves under this node, in tree order.
    public var leaves: [IndicatorNode] {
        isLeaf ? [self] : children.flatMap(\.leaves)
    }
}

extension IndicatorNode {
    static let keys: Set<String> = ["id", "name", "weight", "weighting", "aggregation", "children", "rule", "missing"]

    /// Decodes a node, collecting errors of its children instead of stopping at the first.
    init(json: JSONCursor, errors: inout [JSONDecodingError]) throws(JSONDecodingError) {
        let object = try json.object(allowedKeys: Self.keys)
        var children: [IndicatorNode] = []
        if let list = object.optional("children") {
            for element in try list.array() {
                do {
                    children.append(try IndicatorNode(json: element, errors: &errors))
                } catch {
                    errors.append(error)
                }
            }
        }
        var missing: MissingPolicy?
        if let cursor = object.optional("missing") {
            let name = try cursor.string()
            guard let policy = MissingPolicy(rawValue: name) else {
                throw cursor.error(
                    "unknown missing-answer policy \"\(name)\" (expected \"zero\", \"respread\" or \"industry-median\")")
            }
            missing = policy
        }
        self.init(
            id: try object.required("id").nonEmptyString(),
            name: try LocalizedText(json: object.required("name")),
            weight: try object.optional("weight")?.double(),
            weighting: try Self.weighting(object.optional("weighting")),
            aggregation: try Self.aggregation(object.optional("aggregation")),
            children: children,
            rule: try object.optional("rule").map { (cursor) throws(JSONDecodingError) in try Rule(json: cursor) },
            missing: missing)
    }

    private static func weighting(_ cursor: JSONCursor?) throws(JSONDecodingError) -> Weighting {
        guard let cursor else { return .explicit }
        if case .string(let name) = cursor.value {
            switch name {
            case "explicit": return .explicit
            case "equal": return .equal
            case "entropy": return .entropy
            default:
                throw cursor.error(
                    "unknown weighting \"\(name)\" (expected \"explicit\", \"equal\", \"entropy\" or {\"ahp\": [[…]]})")
            }
        }
        let object = try cursor.object(allowedKeys: ["ahp"])
        var matrix: [[Double]] = []
        for row in try object.required("ahp").array() {
            var values: [Double] = []
            for entry in try row.array() {
                values.append(try judgement(entry))
            }
            matrix.append(values)
        }
        return .ahp(matrix)
    }

    /// A pairwise judgement: a number, or a fraction written as a string such as `"1/3"`.
    private static func judgement(_ cursor: JSONCursor) throws(JSONDecodingError) -> Double {
        if case .string(let text) = cursor.value {
            let parts = text.split(separator: "/", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2, let numerator = Double(parts[0]), let denominator = Double(parts[1]), denominator != 0 {
                return numerator / denominator
            }
            if parts.count == 1, let value = Double(parts[0]) {
                return value
            }
            throw cursor.error("expected a judgement such as 3 or \"1/3\", found \"\(text)\"")
        }
        return try cursor.double()
    }

    private static func aggregation(_ cursor: JSONCursor?) throws(JSONDecodingError) -> Aggregation {
        guard let cursor else { return .arithmetic }
        if case .string(let name) = cursor.value {
            switch name {
            case "arithmetic": return .arithmetic
            case "geometric": return .geometric(floor: 1)
            default:
                throw cursor.error("unknown aggregation \"\(name)\" (expected \"arithmetic\" or \"geometric\")")
            }
        }
        let object = try cursor.object(allowedKeys: ["geometric"])
        let settings = try object.required("geometric").object(allowedKeys: ["floor"])
        return .geometric(floor: try settings.optional("floor")?.double() ?? 1)
    }
}
