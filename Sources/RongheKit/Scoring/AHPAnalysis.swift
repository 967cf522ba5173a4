import Foundation

/// The weights and consistency of an AHP pairwise comparison matrix (层次分析法).
///
/// Weights are the principal eigenvector, found by power iteration (the matrix is positive, so
/// Perron–Frobenius guarantees a unique positive eigenvector), normalised to sum to 1.
/// CI = (λmax − n) / (n − 1) and CR = CI / RI with Saaty's random index table, which has values
/// for n = 1…10; for n ≤ 2 the matrix is always consistent and CR is 0.
public struct AHPAnalysis: Equatable, Sendable {
    /// Saaty's random consistency index for n = 1…10 (index 0 unused).
    public static let randomIndex: [Double] = [0, 0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49]
    /// The consistency ratio below which a matrix is accepted.
    public static let acceptableConsistencyRatio = 0.10

    public let weights: [Double]
    public let lambdaMax: Double
    public let consistencyIndex: Double
    public let consistencyRatio: Double
    /// The pair (row, column) whose judgement departs most from the ratio the weights imply, with
    /// the judgement and the implied ratio: the first judgement to revisit when CR is too high.
    public let mostInconsistentPair: (row: Int, column: Int, judgement: Double, implied: Double)?

    public static func == (lhs: AHPAnalysis, rhs: AHPAnalysis) -> Bool {
        lhs.weights == rhs.weights && lhs.lambdaMax == rhs.lambdaMax && lhs.consistencyRatio == rhs.consistencyRatio
    }

    /// Whether the consistency ratio is below 0.10.
    public var isAcceptable: Bool { consistencyRatio < Self.acceptableConsistencyRatio }

    /// Analyses a square, positive matrix with n ≤ 10. The caller checks the shape first
    /// (``AHPAnalysis/problems(in:)``).
    public init(matrix: [[Double]]) {
        let n = matrix.count
        precondition(n >= 1 && n < Self.randomIndex.count && matrix.allSatisfy { $0.count == n }, "checked by problems(in:)")
        var weights = [Double](repeating: 1 / Double(n), count: n)
        for _ in 0..<10_000 {
            var next = [Double](repeating: 0, count: n)
            for i in 0..<n {
                for j in 0..<n { next[i] += matrix[i][j] * weights[j] }
            }
            let sum = next.reduce(0, +)
            next = next.map { $0 / sum }
            let change = zip(next, weights).map { abs($0 - $1) }.max() ?? 0
            weights = next
            if change < 1e-15 { break }
        }
        var lambda = 0.0
        for i in 0..<n {
            var row = 0.0
            for j in 0..<n { row += matrix[i][j] * weights[j] }
            lambda += row / weights[i]
        }
        lambda /= Double(n)
        self.weights = weights
        self.lambdaMax = lambda
        self.consistencyIndex = n > 1 ? max(0, (lambda - Double(n)) / Double(n - 1)) : 0
        self.consistencyRatio = n > 2 ? consistencyIndex / Self.randomIndex[n] : 0
        var worst: (row: Int, column: Int, judgement: Double, implied: Double)?
        var worstDeviation = 1e-9
        for i in 0..<n {
            for j in (i + 1)..<n {
                let implied = weights[i] / weights[j]
                let deviation = abs(log(matrix[i][j] / implied))
                if deviation > worstDeviation {
                    worstDeviation = deviation
                    worst = (i, j, matrix[i][j], implied)
                }
            }
        }
        self.mostInconsistentPair = worst
    }

    /// What is wrong with a matrix's shape or entries before any weights can be derived; empty when
    /// it is a positive reciprocal n × n matrix with 1 ≤ n ≤ 10.
    public static func problems(in matrix: [[Double]], expectedSize: Int) -> [String] {
        let n = matrix.count
        if n != expectedSize {
            return ["the AHP matrix has \(n) rows but the node has \(expectedSize) children"]
        }
        if n >= randomIndex.count {
            return ["an AHP matrix can compare at most \(randomIndex.count - 1) children (Saaty's RI table); split the node"]
        }
        var problems: [String] = []
        for (i, row) in matrix.enumerated() where row.count != n {
            problems.append("row \(i + 1) of the AHP matrix has \(row.count) entries, expected \(n)")
        }
        guard problems.isEmpty else { return problems }
        for i in 0..<n {
            for j in 0..<n {
                let value = matrix[i][j]
                if !(value > 0) || !value.isFinite {
                    problems.append("entry (\(i + 1), \(j + 1)) of the AHP matrix must be a positive number, found \(value)")
                } else if i == j && abs(value - 1) > 1e-9 {
                    problems.append("entry (\(i + 1), \(i + 1)) on the diagonal of the AHP matrix must be 1, found \(value)")
                } else if j > i && abs(value * matrix[j][i] - 1) > 0.01 {
                    problems.append(
                        "entries (\(i + 1), \(j + 1)) = \(formatNumber(value)) and (\(j + 1), \(i + 1)) = \(formatNumber(matrix[j][i])) of the AHP matrix are not reciprocal")
                }
            }
        }
        return problems
    }
}
