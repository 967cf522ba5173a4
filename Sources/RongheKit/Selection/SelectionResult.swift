/// The outcome of selecting demonstration enterprises from a scored batch: a decision with reasons
/// for every enterprise, the quota cells, and the recommended list (拟推荐名单).
public struct SelectionResult: Equatable, Sendable {
    public var policy: SelectionPolicy
    /// One decision per enterprise, in the scoring result's order (USCC order).
    public var decisions: [SelectionDecision]
    /// Every quota cell: tracks in policy order, each track's cells by key. A cell appears when an
    /// enterprise of the track is in it or the policy gives it its own quota.
    public var cells: [QuotaCell]

    public init(policy: SelectionPolicy, decisions: [SelectionDecision], cells: [QuotaCell]) {
        self.policy = policy
        self.decisions = decisions
        self.cells = cells
    }

    /// The recommended enterprises' positions in the scoring result, grouped by track and cell in
    /// the order of ``cells``, each cell in place order.
    public var recommended: [Int] { cells.flatMap(\.recommended) }
}

/// Whether one enterprise is recommended, and every reason why or why not.
public struct SelectionDecision: Equatable, Sendable {
    public var uscc: String
    /// The id of the track it falls in (the first whose condition it meets); nil for none.
    public var track: String?
    /// The index in ``SelectionResult/cells`` of its quota cell; nil when it is in no track.
    public var cell: Int?
    /// In a track, ranked, not vetoed, and at or above the track's minimum total and node minimums.
    public var isEligible: Bool
    /// Its place among the eligible enterprises of its cell (1 first); nil when not eligible.
    public var place: Int?
    public var isRecommended: Bool
    /// Whether the quota line fell between it and an enterprise equal to it on the total and every
    /// tie-break key, so that only the USCC order decided which of them is in.
    public var tieAtQuotaLine: Bool
    /// Every reason, in a fixed order: no track, not ranked, vetoes, track minimum, node minimums
    /// (tree order); then, for the eligible, recommended or outside the quota, and any tie at the
    /// quota line.
    public var reasons: [SelectionReason]

    public init(
        uscc: String, track: String?, cell: Int?, isEligible: Bool, place: Int?, isRecommended: Bool,
        tieAtQuotaLine: Bool, reasons: [SelectionReason]
    ) {
        self.uscc = uscc
        self.track = track
        self.cell = cell
        self.isEligible = isEligible
        self.place = place
        self.isRecommended = isRecommended
        self.tieAtQuotaLine = tieAtQuotaLine
        self.reasons = reasons
    }
}
