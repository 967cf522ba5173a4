import Foundation

/// Places values relative to their batch for `batch` rules, with constant columns handled
/// explicitly instead of dividing by zero.
struct BatchNormalizer {
    let method: BatchMethod
    let direction: Direction
    let constantScore: Double
    private let sorted: [Double]
    private let minimum: Double
    private let maximum: Double
    private let mean: Double
    private let deviation: Double

    init(values: [Double], method: BatchMethod, direction: Direction, constantScore: Double) {
        self.method = method
        self.direction = direction
        self.constantScore = constantScore
        sorted = values.sorted()
        minimum = sorted.first ?? 0
        maximum = sorted.last ?? 0
        mean = Statistics.mean(values) ?? 0
        deviation = Statistics.standardDeviation(values) ?? 0
    }

    /// Whether the column has no variation (including a column of one value).
    var isConstant: Bool { minimum == maximum }

    /// The score of `value`, a member of the column, and whether the constant-column rule gave it.
    func score(_ value: Double) -> (Double, Bool) {
        if isConstant { return (constantScore, true) }
        let higher: Double
        switch method {
        case .minMax:
            // The fraction first: 100 · (max − min) / (max − min) can round above 100.
            higher = 100 * ((value - minimum) / (maximum - minimum))
        case .zScore:
            higher = 100 * Statistics.normalCDF((value - mean) / deviation)
        case .percentile:
            let below = lowerBound(value)
            let equal = upperBound(value) - below
            higher = 100 * ((Double(below) + Double(equal - 1) / 2) / Double(sorted.count - 1))
        }
        return (direction == .higher ? higher : 100 - higher, false)
    }

    private func lowerBound(_ value: Double) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private func upperBound(_ value: Double) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] <= value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
