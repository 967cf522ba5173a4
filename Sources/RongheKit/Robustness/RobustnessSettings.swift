/// How the rank-robustness (uncertainty) analysis perturbs the composite indicator.
///
/// Each Monte Carlo run multiplies every child weight of every inner node (explicit, equal, AHP,
/// and the entropy weights derived from the batch) by its own factor drawn uniformly from
/// [1 − `weightSpread`, 1 + `weightSpread`], then re-normalises within the node; and, if
/// `normalization` says so, scores some numeric leaves by batch min-max instead of their
/// goalposts. The defaults follow the OECD/JRC handbook's usual set-up: 1,000 runs, ±20% weights.
public struct RobustnessSettings: Equatable, Sendable {
    /// The number of Monte Carlo runs.
    public var runs: Int
    /// The seed of the run generators: the same seed and inputs give the same result.
    public var seed: UInt64
    /// The relative spread p of the weight factors, from 0 (no change) to below 1.
    public var weightSpread: Double
    /// Whether and how leaves switch to an alternative normalisation.
    public var normalization: NormalizationUncertainty
    /// The share of runs (default 5%) on the other side of the quota line that makes a nominal
    /// decision a close call.
    public var closeCallShare: Double

    public init(
        runs: Int = 1000, seed: UInt64 = 1, weightSpread: Double = 0.2, normalization: NormalizationUncertainty = .none,
        closeCallShare: Double = 0.05
    ) {
        self.runs = runs
        self.seed = seed
        self.weightSpread = weightSpread
        self.normalization = normalization
        self.closeCallShare = closeCallShare
    }
}

/// Uncertainty over how numeric leaves are normalised.
///
/// The alternative for a linear or ratio leaf is batch min-max over the same values (the answer,
/// or the ratio the rule computed): 100 · (x − min) / (max − min) across the batch's answered
/// values, reversed when lower is better, with blank answers treated by the leaf's missing-answer
/// policy again. A leaf whose values do not vary keeps its goalpost scores. Other leaves (choices,
/// yes/no, steps, batch rules) have no alternative.
public enum NormalizationUncertainty: Equatable, Sendable {
    /// Every run uses the tree's goalposts.
    case none
    /// In each run, each linear and ratio leaf independently uses min-max with this probability.
    case perLeaf(probability: Double)
    /// In each run, with this probability, every linear and ratio leaf uses min-max together: one
    /// normalisation scheme per run for the whole tree.
    case perRun(probability: Double)
}
