import Foundation

/// Runs a range of cases of one target in this process and tallies what happened.
///
/// A crash ends the process, so a long run goes through ``FuzzRunner`` in child processes (see
/// `ronghe-fuzz`); the tests run a bounded number of cases here directly.
public struct FuzzRunner {
    /// Makes each case's input.
    public let generator: FuzzCaseGenerator
    /// Reads each case through intake.
    public let harness: FuzzHarness

    /// A runner of `generator`'s cases through `harness`.
    public init(generator: FuzzCaseGenerator, harness: FuzzHarness) {
        self.generator = generator
        self.harness = harness
    }

    /// What a run found.
    public struct Report: Sendable {
        /// Cases run.
        public var cases = 0
        /// Files read, however many records they had accepted or rejected.
        public var read = 0
        /// Files refused as a whole with a clean error.
        public var refused = 0
        /// Cases with an ``FuzzOutcome/unexpected(_:)`` outcome: the case number and what happened.
        public var findings: [(case: UInt64, message: String)] = []
        /// The slowest case and its time in seconds.
        public var slowest: (case: UInt64, seconds: Double) = (0, 0)

        /// An empty report.
        public init() {}
    }

    /// Runs cases `cases` of `target` in run `seed`, stopping early at `deadline`; `willRun` is
    /// called with each case number before its input is read (the child process records it).
    public func run(
        _ target: FuzzTarget, seed: UInt64, cases: Range<UInt64>, deadline: Date? = nil,
        willRun: (UInt64) -> Void = { _ in }
    ) throws -> Report {
        var report = Report()
        for index in cases {
            if let deadline, Date() >= deadline { break }
            let input = generator.input(for: target, seed: seed, case: index)
            willRun(index)
            let start = DispatchTime.now().uptimeNanoseconds
            let outcome = try harness.run(input, target: target)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            report.cases += 1
            if seconds > report.slowest.seconds { report.slowest = (index, seconds) }
            switch outcome {
            case .read: report.read += 1
            case .refused: report.refused += 1
            case .unexpected(let message): report.findings.append((index, message))
            }
        }
        return report
    }
}
