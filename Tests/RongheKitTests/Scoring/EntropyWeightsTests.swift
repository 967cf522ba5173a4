import Foundation
import Testing

@testable import RongheKit

@Suite struct EntropyWeightsTests {
    @Test func handWorkedExample() {
        // Column 1: p = 1/6, 2/6, 3/6; Σ p ln p = −1.011404; e = 1.011404 / ln 3 = 0.920620; d = 0.079380.
        // Column 2 is constant: d = 0. Column 3: p = 0, 0, 1; e = 0; d = 1.
        // w = d / Σd = 0.073542, 0, 0.926458.
        let result = EntropyWeights(columns: [[1, 2, 3], [2, 2, 2], [0, 0, 6]])
        #expect(abs(result.weights[0] - 0.073542) < 1e-6)
        #expect(result.weights[1] == 0)
        #expect(abs(result.weights[2] - 0.926458) < 1e-6)
        #expect(abs(result.entropies[0] - 0.920620) < 1e-6)
        #expect(!result.isFallback)
    }

    @Test func allConstantColumnsFallBackToEqualWeights() {
        let result = EntropyWeights(columns: [[5, 5], [0, 0], [7, 7]])
        #expect(result.isFallback)
        #expect(result.weights.allSatisfy { abs($0 - 1.0 / 3.0) < 1e-15 })
    }

    @Test func singleEnterpriseCannotVary() {
        #expect(EntropyWeights(columns: [[40], [60]]).isFallback)
    }

    @Test func weightsSumToOne() {
        let result = EntropyWeights(columns: [[10, 80, 35, 0], [50, 55, 60, 52], [100, 0, 0, 0]])
        #expect(abs(result.weights.reduce(0, +) - 1) < 1e-12)
        // The column that separates enterprises most (one 100, rest 0) weighs most.
        #expect(result.weights[2] > result.weights[0] && result.weights[0] > result.weights[1])
    }
}
