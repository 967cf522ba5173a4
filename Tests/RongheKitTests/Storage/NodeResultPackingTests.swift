import Foundation
import RongheTestSupport
import Testing

@testable import RongheKit

extension StorageTests {
    @Suite struct NodeResultPackingTests {
        static let layout = NodeResultPacking.Layout(
            ids: ["R", "A", "A1"], nominalWeights: [1, 0.15, 0.6], usualWeights: [1, 0.15, 0.6],
            usualGlobalWeights: [1, 0.15, 0.15 * 0.6])

        static func same(_ a: [NodeResult], _ b: [NodeResult]) -> Bool {
            func bits(_ x: Double?) -> UInt64? { x?.bitPattern }
            return a.count == b.count && zip(a, b).allSatisfy { x, y in
                x.id == y.id && bits(x.score) == bits(y.score) && bits(x.weight) == bits(y.weight)
                    && bits(x.nominalWeight) == bits(y.nominalWeight) && bits(x.globalWeight) == bits(y.globalWeight)
                    && bits(x.value) == bits(y.value) && x.flags == y.flags
            }
        }

        @Test func usualNodesTakeAFewBytes() throws {
            let nodes = [
                NodeResult(id: "R", score: 71.25, weight: 1, nominalWeight: 1, globalWeight: 1, value: nil, flags: []),
                NodeResult(id: "A", score: 100, weight: 0.15, nominalWeight: 0.15, globalWeight: 0.15, value: nil, flags: []),
                NodeResult(id: "A1", score: 40, weight: 0.6, nominalWeight: 0.6, globalWeight: 0.15 * 0.6, value: 38, flags: .answered),
            ]
            var bytes: [UInt8] = []
            NodeResultPacking.pack(nodes, layout: Self.layout, into: &bytes)
            // format, count; R: tag, flags, 8-byte score; A: tag, flags, varint 100; A1: tag, flags, 40, 38.
            #expect(bytes == [1, 3, 0b01, 0, 0, 0, 0, 0, 0, 0xD0, 0x51, 0x40, 0b10, 0, 200, 1, 0b1010, 1, 80, 76])
            #expect(Self.same(try NodeResultPacking.unpack(bytes, layout: Self.layout), nodes))
        }

        @Test(arguments: 0..<50 as Range<UInt64>)
        func anyValuesRoundTripBitForBit(seed: UInt64) throws {
            var random = SplitMix64(seed: seed)
            let specials: [Double?] = [nil, 0, -0.0, 100, -7, 1e300, .nan, .infinity, 0x1p52, 0x1p53 + 2, 1.0 / 3, .leastNonzeroMagnitude]
            func pick() -> Double? {
                random.nextUnit() < 0.5 ? specials.randomElement(using: &random)! : (random.nextUnit() - 0.5) * 1e4
            }
            let nodes = Self.layout.ids.indices.map { index in
                NodeResult(
                    id: Self.layout.ids[index], score: pick(),
                    weight: random.nextUnit() < 0.5 ? Self.layout.usualWeights[index] : pick() ?? 0,
                    nominalWeight: Self.layout.nominalWeights[index],
                    globalWeight: random.nextUnit() < 0.5 ? Self.layout.usualGlobalWeights[index] : pick() ?? -0.0,
                    value: pick(), flags: ScoreFlags(rawValue: UInt32(truncatingIfNeeded: random.next())))
            }
            var bytes: [UInt8] = []
            NodeResultPacking.pack(nodes, layout: Self.layout, into: &bytes)
            #expect(Self.same(try NodeResultPacking.unpack(bytes, layout: Self.layout), nodes), "seed \(seed)")
        }

        @Test func packingTheEnginesColumnsEqualsPackingItsCards() throws {
            let tree = try IndicatorTree.load(contentsOf: Fixtures.defaultTreeURL)
            var maker = SurveyCSVMaker(tree: tree, seed: 31)
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let url = directory.url.appendingPathComponent("batch.csv")
            try maker.csv(0..<60).write(to: url)
            var responses: [SurveyResponse] = []
            _ = try SurveyIntake(tree: tree, currentYear: 2026).process(url, file: "batch.csv") { _, validation in
                if let response = validation.response { responses.append(response) }
            }
            let result = try ScoringEngine(tree: tree).score(responses)
            let layout = CampaignStore.layout(of: result)
            var fromColumns: [UInt8] = []
            var fromCard: [UInt8] = []
            for row in result.indices {
                NodeResultPacking.pack(result, row: row, layout: layout, into: &fromColumns)
                NodeResultPacking.pack(result[row].nodes, layout: layout, into: &fromCard)
                #expect(fromColumns == fromCard, "row \(row)")
            }
            #expect(responses.count == 60)
        }

        @Test func damagedBytesThrow() {
            var bytes: [UInt8] = []
            NodeResultPacking.pack(
                [NodeResult](repeating: NodeResult(id: "", score: 0.5, weight: 1, nominalWeight: 1, globalWeight: 1, value: nil, flags: []), count: 3),
                layout: Self.layout, into: &bytes)
            #expect(throws: NodeResultPacking.FormatError.self) { try NodeResultPacking.unpack(Array(bytes.dropLast()), layout: Self.layout) }
            #expect(throws: NodeResultPacking.FormatError.self) { try NodeResultPacking.unpack(bytes + [0], layout: Self.layout) }
            #expect(throws: NodeResultPacking.FormatError.self) { try NodeResultPacking.unpack([2] + bytes.dropFirst(), layout: Self.layout) }
            var fewer = Self.layout
            fewer.ids.removeLast()
            #expect(throws: NodeResultPacking.FormatError.self) { try NodeResultPacking.unpack(bytes, layout: fewer) }
        }
    }
}
