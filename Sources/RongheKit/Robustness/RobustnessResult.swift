/// The result of a rank-robustness analysis: for every enterprise, how its overall rank and its
/// place in its quota cell vary when weights (and, optionally, normalisations) vary, and whether
/// its selection decision is a close call.
public struct RobustnessResult: Equatable, Sendable {
    public var settings: RobustnessSettings
    /// The nominal selection the runs are compared with; nil when the tree has no selection policy.
    public var selection: SelectionResult?
    /// One entry per enterprise, in the scoring result's order (USCC order).
    public var enterprises: [EnterpriseRobustness]

    public init(settings: RobustnessSettings, selection: SelectionResult?, enterprises: [EnterpriseRobustness]) {
        self.settings = settings
        self.selection = selection
        self.enterprises = enterprises
    }

    /// The positions of the enterprises whose selection decision is a close call.
    public var closeCalls: [Int] { enterprises.indices.filter { enterprises[$0].isCloseCall } }
}

/// How one enterprise fared across the runs.
public struct EnterpriseRobustness: Equatable, Sendable {
    public var uscc: String
    /// Its overall competition rank among ranked enterprises; nil when it is not ranked.
    public var overall: RankDistribution?
    /// Its place among the competitors of its quota cell; nil when it competes in no cell (no
    /// track, not ranked, or vetoed). Competitors are the cell's ranked, non-vetoed members; in
    /// each run those meeting the track's minimums come first, in the selection's order, and the
    /// rest after them, so a place within the quota means recommended whenever it is eligible.
    public var cell: RankDistribution?
    /// The share of runs in which it was recommended; nil when it competes in no cell.
    public var recommendedShare: Double?
    /// Whether the nominal selection recommends it.
    public var isNominallyRecommended: Bool
    /// Whether the nominal decision is a close call: recommended, but not recommended in at least
    /// ``RobustnessSettings/closeCallShare`` of the runs; or not recommended, but recommended in at
    /// least that share. The place interval then usually crosses the quota line.
    public var isCloseCall: Bool

    public init(
        uscc: String, overall: RankDistribution?, cell: RankDistribution?, recommendedShare: Double?,
        isNominallyRecommended: Bool, isCloseCall: Bool
    ) {
        self.uscc = uscc
        self.overall = overall
        self.cell = cell
        self.recommendedShare = recommendedShare
        self.isNominallyRecommended = isNominallyRecommended
        self.isCloseCall = isCloseCall
    }
}

/// The distribution of one enterprise's rank over the runs.
///
/// The interval bounds are nearest-rank percentiles: `low` is the smallest rank such that at least
/// 5% of the runs rank it there or better, `high` the smallest such that at least 95% do.
public struct RankDistribution: Equatable, Sendable {
    /// The rank with the nominal weights and normalisation.
    public var nominal: Int
    /// The median over the runs (the mean of the two middle runs for an even count).
    public var median: Double
    public var mean: Double
    /// The 5th percentile: the better end of the 5–95% interval.
    public var low: Int
    /// The 95th percentile: the worse end of the 5–95% interval.
    public var high: Int

    public init(nominal: Int, median: Double, mean: Double, low: Int, high: Int) {
        self.nominal = nominal
        self.median = median
        self.mean = mean
        self.low = low
        self.high = high
    }

    /// The distribution of `ranks`, which must not be empty; may reorder them.
    init(nominal: Int, ranks: inout [Int32]) {
        self = ranks.withUnsafeMutableBufferPointer { RankDistribution(nominal: nominal, ranks: $0) }
    }

    /// The distribution of `ranks`, which must not be empty; may reorder them.
    ///
    /// One enterprise's ranks usually span a narrow band, so they are counted over the band rather
    /// than sorted; a band much wider than the number of runs falls back to sorting.
    init(nominal: Int, ranks: UnsafeMutableBufferPointer<Int32>) {
        let count = ranks.count
        var lowest = Int32.max
        var highest = Int32.min
        var sum = 0
        for rank in ranks {
            lowest = min(lowest, rank)
            highest = max(highest, rank)
            sum += Int(rank)
        }
        // Sorted indices wanted, in increasing order: ⌈count · q⌉ − 1 for q = 5% and 95%, in
        // integers so that 5% of 1,000 is exactly the 50th value, and the one or two middle ones.
        let middle = count / 2
        let wanted = [max(0, (count * 5 + 99) / 100 - 1), count % 2 == 1 ? middle : middle - 1, middle, max(0, (count * 95 + 99) / 100 - 1)]
        var values = [Int32](repeating: 0, count: wanted.count)
        let span = Int(highest) - Int(lowest) + 1
        if span <= 4 * count + 64 {
            var tally = [Int](repeating: 0, count: span)
            for rank in ranks { tally[Int(rank - lowest)] += 1 }
            var seen = 0
            var next = 0
            for (offset, number) in tally.enumerated() where number > 0 {
                seen += number
                while next < wanted.count && wanted[next] < seen {
                    values[next] = lowest + Int32(offset)
                    next += 1
                }
            }
        } else {
            var sorted = ranks
            sorted.sort()
            values = wanted.map { sorted[$0] }
        }
        self.init(
            nominal: nominal, median: (Double(values[1]) + Double(values[2])) / 2, mean: Double(sum) / Double(count),
            low: Int(values[0]), high: Int(values[3]))
    }
}
