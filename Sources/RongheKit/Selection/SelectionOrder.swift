/// The order of enterprises within a quota cell, shared by the selection and the robustness
/// analysis so that both place enterprises by the same rule.
///
/// The rule, total over distinct enterprises: the unrounded total, higher first; then each of the
/// policy's tie-break keys in turn, "better" first; then the USCC, smaller first. Each key is
/// turned into a number where higher is better: a node's score (a node without a score counts
/// as −∞, after every scored one), the completeness, or minus the employee count (an unknown
/// count counts as −∞). Positions in a scoring result are in USCC order, so comparing positions
/// compares USCCs.
enum SelectionOrder {
    /// The value of tie-break key `key` for one enterprise, higher is better.
    static func keyValue(_ key: TieBreakKey, nodeScore: Double?, completeness: Double, employees: Int?) -> Double {
        switch key {
        case .node: return nodeScore.flatMap { $0.isNaN ? nil : $0 } ?? -.infinity
        case .completeness: return completeness
        case .fewerEmployees: return employees.map { -Double($0) } ?? -.infinity
        }
    }

    /// Whether the enterprise at position `a` is placed before the one at `b`; `keys` holds each
    /// position's key values at `position * keyCount`.
    @inline(__always)
    static func precedes(_ a: Int, _ b: Int, totals: UnsafePointer<Double>, keys: UnsafePointer<Double>, keyCount: Int) -> Bool {
        if totals[a] != totals[b] { return totals[a] > totals[b] }
        for key in 0..<keyCount {
            let x = keys[a * keyCount + key]
            let y = keys[b * keyCount + key]
            if x != y { return x > y }
        }
        return a < b
    }

    /// The first tie-break key on which `a` and `b` differ, or nil when they are equal on every
    /// key (their totals are assumed equal).
    static func firstDifference(_ a: Int, _ b: Int, keys: [Double], keyCount: Int) -> Int? {
        (0..<keyCount).first { keys[a * keyCount + $0] != keys[b * keyCount + $0] }
    }
}
