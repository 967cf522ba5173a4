import Testing

@testable import RongheKit

@Suite struct SplitMix64Tests {
    @Test func matchesTheReferenceSequence() {
        // The first outputs of Vigna's splitmix64.c with the state starting at 0.
        var random = SplitMix64(seed: 0)
        #expect(random.next() == 0xE220_A839_7B1D_CDAF)
        #expect(random.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(random.next() == 0x06C4_5D18_8009_454F)
    }

    @Test func unitDoublesUseTheTop53Bits() {
        var random = SplitMix64(seed: 0)
        // 0xE220A8397B1DCDAF >> 11 = 0x1C441507 2F63B9, divided by 2^53.
        #expect(random.nextUnit() == Double(0xE220_A839_7B1D_CDAF as UInt64 >> 11) / 9_007_199_254_740_992)
        for _ in 0..<10_000 {
            let value = random.nextUnit()
            #expect(value >= 0 && value < 1)
        }
    }

    @Test func streamsAreReproducibleAndNotShiftedCopies() {
        func first(_ seed: UInt64, _ stream: UInt64, _ count: Int) -> [UInt64] {
            var random = SplitMix64(seed: seed, stream: stream)
            return (0..<count).map { _ in random.next() }
        }
        #expect(first(1, 5, 4) == first(1, 5, 4))
        #expect(first(1, 5, 4) != first(2, 5, 4))
        // Seeding with seed + stream would make stream 1 equal stream 0 advanced by one draw.
        let zero = first(1, 0, 5)
        let one = first(1, 1, 4)
        #expect(Array(zero.dropFirst()) != one)
        #expect(Set(zero).isDisjoint(with: one))
    }
}
