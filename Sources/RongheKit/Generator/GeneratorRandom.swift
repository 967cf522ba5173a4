/// The draws the survey generator makes, on top of ``SplitMix64``.
///
/// Everything here uses only IEEE-754 addition, subtraction, multiplication, division and
/// rounding, which give the same bits on every machine; `Foundation.exp`, `log` and `pow` come
/// from the platform's maths library and may differ in the last bit between systems, which would
/// make "same seed, same file" untrue. ``exp(_:)`` and ``log(_:)`` are therefore computed here.
struct GeneratorRandom {
    private var source: SplitMix64

    init(seed: UInt64, stream: UInt64) {
        source = SplitMix64(seed: seed, stream: stream)
    }

    /// A uniform double in [0, 1).
    mutating func unit() -> Double {
        source.nextUnit()
    }

    /// A uniform double in [low, high).
    mutating func uniform(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * unit()
    }

    /// A uniform integer in 0..<count, without modulo bias worth speaking of (multiply-high).
    mutating func index(below count: Int) -> Int {
        precondition(count > 0, "nothing to choose from")
        return Int(source.next().multipliedFullWidth(by: UInt64(count)).high)
    }

    /// A uniform integer in `range`.
    mutating func integer(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + index(below: range.count)
    }

    /// True with probability `probability`.
    mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }

    /// An approximately standard normal number: the sum of four uniforms, centred and scaled
    /// (Irwin–Hall), so it stays within ±3.46 and needs no logarithm.
    mutating func normal() -> Double {
        let sum = unit() + unit() + unit() + unit()
        return (sum - 2) * 1.7320508075688772
    }

    /// A normal number with this mean and standard deviation.
    mutating func normal(mean: Double, deviation: Double) -> Double {
        mean + deviation * normal()
    }

    /// A number whose logarithm is uniform between those of `low` and `high` (both positive).
    mutating func logUniform(_ low: Double, _ high: Double) -> Double {
        let a = Self.log(low)
        let b = Self.log(high)
        return Self.exp(a + (b - a) * unit())
    }

    /// A factor around 1 whose logarithm is normal with this deviation.
    mutating func logNormalFactor(deviation: Double) -> Double {
        Self.exp(deviation * normal())
    }

    /// One of `items`, chosen with probability proportional to its weight.
    mutating func pick<T>(_ items: [(T, Double)]) -> T {
        precondition(!items.isEmpty, "nothing to choose from")
        let total = items.reduce(0) { $0 + max(0, $1.1) }
        guard total > 0 else { return items[index(below: items.count)].0 }
        var target = unit() * total
        for (item, weight) in items where weight > 0 {
            if target < weight { return item }
            target -= weight
        }
        return items.last { $0.1 > 0 }!.0
    }

    /// One element of `items`, uniformly.
    mutating func element<T>(of items: [T]) -> T {
        items[index(below: items.count)]
    }

    // MARK: Deterministic elementary functions

    static let ln2 = 0.6931471805599453

    /// e^x from a Taylor series after range reduction: the same bits on every machine.
    static func exp(_ x: Double) -> Double {
        guard x.isFinite else { return x > 0 ? .infinity : 0 }
        if x > 709 { return .infinity }
        if x < -745 { return 0 }
        let k = (x / ln2).rounded()
        // ln 2 in two parts (fdlibm's): k · ln2High is exact, so the reduction loses nothing.
        let r = (x - k * 6.93147180369123816490e-01) - k * 1.90821492927058770002e-10
        var term = 1.0
        var sum = 1.0
        for n in 1...24 {
            term = term * r / Double(n)
            sum += term
        }
        return sum * Double(sign: .plus, exponent: Int(k), significand: 1)
    }

    /// ln x for x > 0 from the series of artanh, after splitting off the binary exponent.
    static func log(_ x: Double) -> Double {
        precondition(x > 0 && x.isFinite, "log of \(x)")
        var exponent = Int(x.exponent)
        var mantissa = x.significand  // in [1, 2)
        if mantissa > 1.4142135623730951 {
            mantissa /= 2
            exponent += 1
        }
        let s = (mantissa - 1) / (mantissa + 1)  // |s| ≤ 0.172
        let s2 = s * s
        var power = s
        var sum = 0.0
        var n = 1.0
        for _ in 0..<16 {
            sum += power / n
            power *= s2
            n += 2
        }
        return 2 * sum + Double(exponent) * ln2
    }
}
