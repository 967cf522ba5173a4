import Testing

@testable import RongheKit

@Suite struct AHPAnalysisTests {
    /// Published results from T. L. Saaty, "How to make a decision: the Analytic Hierarchy
    /// Process", European Journal of Operational Research 48 (1990) 9–26: the eight house-buying
    /// criteria, and the three houses compared by size and by yard.
    static let examples: [(name: String, matrix: [[Double]], weights: [Double], lambdaMax: Double, cr: Double)] = [
        (
            "criteria",
            [
                [1, 5, 3, 7, 6, 6, 1 / 3, 1 / 4],
                [1 / 5, 1, 1 / 3, 5, 3, 3, 1 / 5, 1 / 7],
                [1 / 3, 3, 1, 6, 3, 4, 6, 1 / 5],
                [1 / 7, 1 / 5, 1 / 6, 1, 1 / 3, 1 / 4, 1 / 7, 1 / 8],
                [1 / 6, 1 / 3, 1 / 3, 3, 1, 1 / 2, 1 / 5, 1 / 6],
                [1 / 6, 1 / 3, 1 / 4, 4, 2, 1, 1 / 5, 1 / 6],
                [3, 5, 1 / 6, 7, 5, 5, 1, 1 / 2],
                [4, 7, 5, 8, 6, 6, 2, 1],
            ],
            [0.173, 0.054, 0.188, 0.018, 0.031, 0.036, 0.167, 0.333], 9.669, 0.169
        ),
        ("size", [[1, 6, 8], [1 / 6, 1, 4], [1 / 8, 1 / 4, 1]], [0.754, 0.181, 0.065], 3.136, 0.117),
        ("yard", [[1, 5, 4], [1 / 5, 1, 1 / 3], [1 / 4, 3, 1]], [0.674, 0.101, 0.226], 3.086, 0.074),
    ]

    @Test(arguments: examples.indices)
    func reproducesSaatysPublishedExamples(index: Int) {
        let example = Self.examples[index]
        let analysis = AHPAnalysis(matrix: example.matrix)
        for (weight, published) in zip(analysis.weights, example.weights) {
            #expect(abs(weight - published) < 0.0005, "\(example.name): \(weight) vs \(published)")
        }
        #expect(abs(analysis.lambdaMax - example.lambdaMax) < 0.0005, "\(example.name)")
        #expect(abs(analysis.consistencyRatio - example.cr) < 0.0005, "\(example.name)")
        #expect(abs(analysis.weights.reduce(0, +) - 1) < 1e-12)
    }

    @Test func acceptsOnlyConsistencyRatiosBelowTenPercent() {
        #expect(AHPAnalysis(matrix: Self.examples[2].matrix).isAcceptable)
        #expect(!AHPAnalysis(matrix: Self.examples[1].matrix).isAcceptable)
        #expect(!AHPAnalysis(matrix: Self.examples[0].matrix).isAcceptable)
    }

    @Test func consistentMatrixGivesExactRatiosAndZeroCR() {
        // a_ij = w_i / w_j for w = 0.5, 0.3, 0.2.
        let w = [0.5, 0.3, 0.2]
        let matrix = w.map { wi in w.map { wi / $0 } }
        let analysis = AHPAnalysis(matrix: matrix)
        for (weight, expected) in zip(analysis.weights, w) {
            #expect(abs(weight - expected) < 1e-12)
        }
        #expect(abs(analysis.consistencyRatio) < 1e-12)
    }

    @Test func twoByTwoIsAlwaysConsistent() {
        let analysis = AHPAnalysis(matrix: [[1, 3], [1 / 3, 1]])
        #expect(abs(analysis.weights[0] - 0.75) < 1e-12)
        #expect(analysis.consistencyRatio == 0)
    }

    @Test func saatysRandomIndexTable() {
        #expect(AHPAnalysis.randomIndex == [0, 0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49])
    }

    @Test func shapeProblems() {
        #expect(AHPAnalysis.problems(in: [[1, 2], [0.5, 1]], expectedSize: 3)
            == ["the AHP matrix has 2 rows but the node has 3 children"])
        #expect(AHPAnalysis.problems(in: [[1, 2], [0.5]], expectedSize: 2)
            == ["row 2 of the AHP matrix has 1 entries, expected 2"])
        #expect(AHPAnalysis.problems(in: [[1, -2], [-0.5, 1]], expectedSize: 2) == [
            "entry (1, 2) of the AHP matrix must be a positive number, found -2.0",
            "entry (2, 1) of the AHP matrix must be a positive number, found -0.5",
        ])
        #expect(AHPAnalysis.problems(in: [[2, 1], [1, 1]], expectedSize: 2)
            == ["entry (1, 1) on the diagonal of the AHP matrix must be 1, found 2.0"])
        let eleven = [[Double]](repeating: [Double](repeating: 1, count: 11), count: 11)
        #expect(AHPAnalysis.problems(in: eleven, expectedSize: 11)
            == ["an AHP matrix can compare at most 10 children (Saaty's RI table); split the node"])
    }
}
