import Foundation
import Testing

@testable import RongheKit

@Suite struct GeneratorRandomTests {
    /// Our own exp and log, used so that files do not depend on the platform's maths library,
    /// agree with it to within a few units in the last place.
    @Test(arguments: [-700, -20, -1, -1e-9, 0, 1e-9, 0.5, 1, 2.302585092994046, 10, 50, 700] as [Double])
    func expMatchesTheMathsLibrary(x: Double) {
        let ours = GeneratorRandom.exp(x)
        #expect(abs(ours - Foundation.exp(x)) <= 4 * Foundation.exp(x).ulp, "exp(\(x)) = \(ours)")
    }

    @Test(arguments: [1e-300, 0.001, 0.5, 0.7071, 1, 1.4142, 1.5, 2, 10, 1000, 9000, 1e300] as [Double])
    func logMatchesTheMathsLibrary(x: Double) {
        let ours = GeneratorRandom.log(x)
        #expect(abs(ours - Foundation.log(x)) <= max(4 * abs(Foundation.log(x)).ulp, 1e-16), "log(\(x)) = \(ours)")
    }

    @Test func drawsStayInTheirRanges() {
        var random = GeneratorRandom(seed: 1, stream: 2)
        for _ in 0..<10_000 {
            let normal = random.normal()
            #expect(abs(normal) <= 2 * 1.7320508075688772)
            let spread = random.logUniform(3, 19.9)
            #expect(spread >= 3 && spread < 19.9 + 1e-9)
            #expect((5...9).contains(random.integer(in: 5...9)))
        }
        // The normal approximation has mean 0 and standard deviation 1.
        var sum = 0.0
        var squares = 0.0
        for _ in 0..<100_000 {
            let value = random.normal()
            sum += value
            squares += value * value
        }
        #expect(abs(sum / 100_000) < 0.02)
        #expect(abs(squares / 100_000 - 1) < 0.02)
    }

    @Test func pickFollowsTheWeights() {
        var random = GeneratorRandom(seed: 9, stream: 0)
        var counts = ["a": 0, "b": 0, "c": 0]
        for _ in 0..<30_000 { counts[random.pick([("a", 1), ("b", 2), ("c", 0)])]! += 1 }
        #expect(counts["c"] == 0)
        #expect(abs(Double(counts["b"]!) / Double(counts["a"]!) - 2) < 0.1)
    }
}
