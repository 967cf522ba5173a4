import RongheKit

/// The random choices of one fuzz case, drawn from SplitMix64 with arithmetic of our own, so that
/// a seed and a case number give the same input on every machine and toolchain (the standard
/// library's `random(in:using:)` may change how it draws).
struct FuzzRandom {
    private var generator: SplitMix64

    /// The generator for case `index` of run `seed`; cases are independent of one another.
    init(seed: UInt64, case index: UInt64) {
        generator = SplitMix64(seed: seed, stream: index)
    }

    /// A number in `0..<bound`; `bound` must be positive.
    mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0, "an empty range")
        return Int(generator.next() % UInt64(bound))
    }

    /// A number in `range`.
    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// True with probability `numerator / denominator`.
    mutating func chance(_ numerator: Int, in denominator: Int) -> Bool {
        below(denominator) < numerator
    }

    /// One element of a non-empty collection.
    mutating func pick<C: RandomAccessCollection>(_ elements: C) -> C.Element where C.Index == Int {
        elements[elements.startIndex + below(elements.count)]
    }

    /// A byte.
    mutating func byte() -> UInt8 {
        UInt8(truncatingIfNeeded: generator.next())
    }

    /// A small count that is usually 1 and sometimes much larger: how many times to repeat.
    mutating func skewedCount(max: Int) -> Int {
        var count = 1
        while count < max && chance(1, in: 2) {
            count = Swift.min(max, count * 2 + below(count + 1))
        }
        return count
    }
}
