/// Facts about how a node's score came about, shown wherever a score is explained.
public struct ScoreFlags: OptionSet, Hashable, Sendable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// The enterprise answered (a leaf).
    public static let answered = ScoreFlags(rawValue: 1 << 0)
    /// The answer was blank (a leaf); see the other flags for what was done about it.
    public static let missing = ScoreFlags(rawValue: 1 << 1)
    /// Blank, scored 0 under the `zero` policy.
    public static let zeroForMissing = ScoreFlags(rawValue: 1 << 2)
    /// Blank, given the median of its industry (or batch) under the `industry-median` policy.
    public static let imputed = ScoreFlags(rawValue: 1 << 3)
    /// Left out, its weight re-spread over its siblings.
    public static let respread = ScoreFlags(rawValue: 1 << 4)
    /// The question does not apply to this enterprise; the weight was re-spread.
    public static let notApplicable = ScoreFlags(rawValue: 1 << 5)
    /// The value lay outside the goalposts and was clamped to 0 or 100.
    public static let clamped = ScoreFlags(rawValue: 1 << 6)
    /// A batch-relative rule met a column without variation and gave its constant score.
    public static let constantColumn = ScoreFlags(rawValue: 1 << 7)
    /// A ratio's denominator was 0, so the value is missing.
    public static let zeroDenominator = ScoreFlags(rawValue: 1 << 8)
    /// A geometric mean raised a child's score to the floor.
    public static let floored = ScoreFlags(rawValue: 1 << 9)
    /// An inner node some of whose children were left out; its weights were re-spread.
    public static let partial = ScoreFlags(rawValue: 1 << 10)
    /// Entropy weighting found no variation and fell back to equal weights.
    public static let equalWeightFallback = ScoreFlags(rawValue: 1 << 11)

    /// Every flag with the name used in JSON output and reports, in a fixed order.
    public static let named: [(ScoreFlags, String)] = [
        (.answered, "answered"), (.missing, "missing"), (.zeroForMissing, "zero-for-missing"),
        (.imputed, "imputed"), (.respread, "respread"), (.notApplicable, "not-applicable"),
        (.clamped, "clamped"), (.constantColumn, "constant-column"), (.zeroDenominator, "zero-denominator"),
        (.floored, "floored"), (.partial, "partial"), (.equalWeightFallback, "equal-weight-fallback"),
    ]

    /// The names of the flags set, in a fixed order.
    public var names: [String] {
        Self.named.filter { contains($0.0) }.map(\.1)
    }

    /// The flags named, ignoring unknown names.
    public init(names: [String]) {
        self = ScoreFlags(Self.named.filter { names.contains($0.1) }.map(\.0))
    }
}

/// One node's result for one enterprise: the explanation of a score, step by step.
public struct NodeResult: Equatable, Sendable {
    public var id: String
    /// The score from 0 to 100; nil when the node was left out (not applicable, or missing under the
    /// `respread` policy, or all its children were left out).
    public var score: Double?
    /// The weight the node carried within its parent after re-spreading (0 when left out).
    public var weight: Double
    /// The weight the tree gives it within its parent before any re-spreading (for entropy
    /// weighting, the weight derived from this batch).
    public var nominalWeight: Double
    /// The share of the total this node carried: the product of `weight` up to the root.
    public var globalWeight: Double
    /// For a leaf, the number its rule read: the answer, or the ratio it computed.
    public var value: Double?
    public var flags: ScoreFlags

    public init(id: String, score: Double?, weight: Double, nominalWeight: Double, globalWeight: Double, value: Double?, flags: ScoreFlags) {
        self.id = id
        self.score = score
        self.weight = weight
        self.nominalWeight = nominalWeight
        self.globalWeight = globalWeight
        self.value = value
        self.flags = flags
    }
}

/// An enterprise's ranks: overall and within its district, industry and size class.
///
/// Ranks use standard competition ranking on unrounded totals: equal totals share a rank and the
/// next rank skips (1, 2, 2, 4). Enterprises below the ranking's minimum completeness have none.
public struct Ranks: Equatable, Hashable, Sendable, Codable {
    public var overall: Int?
    public var district: Int?
    public var industry: Int?
    public var size: Int?

    public init(overall: Int? = nil, district: Int? = nil, industry: Int? = nil, size: Int? = nil) {
        self.overall = overall
        self.district = district
        self.industry = industry
        self.size = size
    }
}

/// The scored result of one enterprise's survey.
public struct ScoreCard: Equatable, Sendable {
    public var profile: EnterpriseProfile
    /// The total score from 0 to 100, unrounded.
    public var total: Double
    /// The id of the development stage.
    public var stage: String?
    /// The ids of the veto rules the enterprise meets; non-empty means it cannot be selected.
    public var vetoes: [String]
    /// The share (0–1) of applicable scored questions answered.
    public var completeness: Double
    /// Whether the enterprise reached the minimum completeness and so is ranked.
    public var isRanked: Bool
    public var ranks: Ranks
    /// Every node's result, in tree order (parents before children).
    public var nodes: [NodeResult]

    public init(
        profile: EnterpriseProfile, total: Double, stage: String?, vetoes: [String], completeness: Double,
        isRanked: Bool, ranks: Ranks, nodes: [NodeResult]
    ) {
        self.profile = profile
        self.total = total
        self.stage = stage
        self.vetoes = vetoes
        self.completeness = completeness
        self.isRanked = isRanked
        self.ranks = ranks
        self.nodes = nodes
    }

    /// The result of node `id`.
    public func node(_ id: String) -> NodeResult? {
        nodes.first { $0.id == id }
    }
}
