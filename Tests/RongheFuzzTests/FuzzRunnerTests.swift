import Foundation
import RongheKit
import Testing

@testable import RongheFuzz

/// A bounded, deterministic fuzz run per reader, part of every test run: a few thousand mutated
/// files each, read through intake as `ronghe import` reads them. Any crash fails the whole test
/// process; an error other than a clean survey-file error, or an issue naming another file, is a
/// finding reported with its seed and case number (reproduce it with
/// `ronghe-fuzz reproduce --target T --seed S --case N --out FILE`). The long run is
/// `make check-robustness`.
@Suite(.serialized) struct FuzzRunnerTests {
    static let seed: UInt64 = 20_260_301
    static let cases: [FuzzTarget: UInt64] = [.json: 3000, .csv: 3000, .xlsx: 2000]

    @Test(.timeLimit(.minutes(2)), arguments: FuzzTarget.allCases)
    func aBoundedRunFindsNothing(target: FuzzTarget) throws {
        let directory = try FuzzFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let generator = try FuzzCaseGenerator(seeds: FuzzFixtures.seeds, scratch: directory)
        let runner = FuzzRunner(generator: generator, harness: FuzzHarness(tree: FuzzFixtures.tree, directory: directory))
        let count = Self.cases[target]!
        let report = try runner.run(target, seed: Self.seed, cases: 0..<count)
        #expect(report.cases == Int(count))
        for finding in report.findings {
            Issue.record("\(target.rawValue) seed \(Self.seed) case \(finding.case): \(finding.message)")
        }
        // Mutations keep enough of the format to get past the first checks now and then.
        #expect(report.read > 0 && report.refused > 0, "read \(report.read), refused \(report.refused)")
        #expect(report.slowest.seconds < 10, "case \(report.slowest.case) took \(report.slowest.seconds) s")
    }
}
