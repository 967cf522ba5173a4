/// A small, fast, seeded generator (Steele, Lea and Flood's SplitMix64): the same seed gives the
/// same sequence on every machine, which makes Monte Carlo results and property tests reproducible.
///
/// Not for anything that needs unpredictability. Independent streams for parallel work come from
/// ``init(seed:stream:)``, so a result never depends on which thread drew which numbers.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator whose sequence is fixed by `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// A generator for stream number `stream` of `seed`, e.g. one per Monte Carlo run.
    ///
    /// Both numbers go through the SplitMix64 finaliser, so neighbouring streams start far apart in
    /// the sequence; seeding with `seed + stream` instead would make stream 1 stream 0 shifted by
    /// one draw.
    public init(seed: UInt64, stream: UInt64) {
        state = Self.mix(seed ^ Self.mix(stream &+ 0x9E37_79B9_7F4A_7C15))
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// A uniform double in [0, 1) with 53 random bits.
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// The SplitMix64 output function: a bijection of 64-bit values that scrambles every bit.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
