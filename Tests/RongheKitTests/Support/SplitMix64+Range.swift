@testable import RongheKit

extension SplitMix64 {
    /// A number in `range`, by modulo (the slight bias does not matter for test data).
    mutating func next(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }
}
