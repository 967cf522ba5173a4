import Foundation
import RongheKit

/// `ronghe-bench score`: generates N enterprises in memory, then times the scoring engine on them
/// (normalisation, aggregation, stages, vetoes, ranks), with the peak memory of each phase.
enum ScoreBenchmark {
    static let usage = "ronghe-bench score [--count N] [--seed S] [--tree FILE]"

    static func run(_ arguments: ArraySlice<String>) throws {
        let options = try options(arguments)
        if let unknown = options.keys.sorted().first(where: { !["count", "seed", "tree"].contains($0) }) {
            throw BenchError(description: "unknown option --\(unknown)")
        }
        let count: Int = try number(options, "count", 100_000)
        let seed: UInt64 = try number(options, "seed", 1)
        let tree = try IndicatorTree.load(contentsOf: URL(fileURLWithPath: options["tree"] ?? "indicators/lianghua-default.json"))
        print("ronghe-bench score: engine \(engineVersion), tree \(tree.id) \(tree.version), \(count) enterprises, seed \(seed)")
        let clock = ContinuousClock()

        ProcessMemory.resetPeak()
        var start = clock.now
        let responses = Array(SurveyGenerator(tree: tree, seed: seed).prefix(count))
        let generating = seconds(clock.now - start)
        let afterGenerating = ProcessMemory.kilobytes("VmHWM")

        ProcessMemory.resetPeak()
        start = clock.now
        let result = try ScoringEngine(tree: tree).score(responses)
        let scoring = seconds(clock.now - start)
        let afterScoring = ProcessMemory.kilobytes("VmHWM")

        let ranked = result.isRanked.count { $0 }
        print(String(format: "generate %8.3f s  %9.0f enterprises/s  peak %@", generating, Double(count) / generating, ProcessMemory.megabytes(afterGenerating)))
        print(String(format: "score    %8.3f s  %9.0f enterprises/s  peak %@  (%d ranked)", scoring, Double(count) / scoring, ProcessMemory.megabytes(afterScoring), ranked))
    }
}
