import Foundation

/// Entropy weights (熵权法) over the columns of a non-negative, more-is-better matrix.
///
/// For column j: p_ij = x_ij / Σ_i x_ij, e_j = −Σ_i p_ij ln p_ij / ln n (with 0 · ln 0 = 0),
/// d_j = 1 − e_j and w_j = d_j / Σ d. A column that does not vary (including an all-zero column)
/// has d_j = 0 and so weight 0: it cannot tell enterprises apart. When no column varies at all the
/// weights are equal and ``isFallback`` is set, so reports can say so.
public struct EntropyWeights: Equatable, Sendable {
    public let weights: [Double]
    /// The entropy e_j of each column (1 for a column that does not vary).
    public let entropies: [Double]
    /// Whether every column was constant and equal weights were used instead.
    public let isFallback: Bool

    /// Computes the weights of `columns`, each holding one value per enterprise, all of the same
    /// length. Values must be ≥ 0 (indicator scores are).
    public init(columns: [[Double]]) {
        let count = columns.first?.count ?? 0
        var entropies: [Double] = []
        for column in columns {
            let sum = column.reduce(0, +)
            let varies = column.contains { $0 != column.first }
            guard count > 1, sum > 0, varies else {
                entropies.append(1)
                continue
            }
            var total = 0.0
            for value in column where value > 0 {
                let p = value / sum
                total += p * log(p)
            }
            entropies.append(min(1, max(0, -total / log(Double(count)))))
        }
        let divergences = entropies.map { 1 - $0 }
        let sum = divergences.reduce(0, +)
        if sum > 0 {
            self.weights = divergences.map { $0 / sum }
            self.isFallback = false
        } else {
            self.weights = [Double](repeating: columns.isEmpty ? 0 : 1 / Double(columns.count), count: columns.count)
            self.isFallback = true
        }
        self.entropies = entropies
    }
}
