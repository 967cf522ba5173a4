import Foundation
import RongheKit

// Timings for the engine, never run by the tests. Build in release mode for meaningful figures:
//   swift build -c release --product ronghe-bench
//   .build/release/ronghe-bench robustness --count 10000 --runs 1000 --seed 1

let usage = """
    usage: ronghe-bench [version]
           ronghe-bench robustness [--count N] [--runs R] [--seed S] [--spread P]
                                   [--normalization none|leaf:Q|run:Q] [--threads T] [--tree FILE]
           \(ExportBenchmark.usage)
           \(ReadBenchmark.usage)
           \(ScoreBenchmark.usage)

    robustness  score N synthetic surveys of the tree (default 10000, seed S), select, then run the
                rank-robustness analysis (R runs, default 1000; weight spread P, default 0.2) and
                print wall times and runs per second.
    export      score N synthetic surveys (default 100000), the records of one survey file with
                --file, or the latest batch of a database's only campaign with --db (scored again,
                as `ronghe export --db` does), select, run R robustness runs (default 1000; 0
                skips), then write the leaders' workbook to FILE (default
                /tmp/ronghe-bench-export.xlsx); print each stage's wall time, the resident memory
                before writing, the peak while writing (the peak is reset first) and overall, and
                the file's size. With --file or --db, one JSON object.
    read        write N generated enterprises (default 100000) as UTF-8 CSV, GB18030 CSV and XLSX,
                then time reading and validating each, with peak memory and records per second.
                With --file, read and validate that one file instead and print one JSON object.
    score       time the scoring engine on N generated enterprises (default 100000).
    """

struct BenchError: Error, CustomStringConvertible {
    var description: String
}

/// Reads `--name value` pairs; every option needs a value.
func options(_ arguments: ArraySlice<String>) throws -> [String: String] {
    var found: [String: String] = [:]
    var rest = arguments
    while let name = rest.popFirst() {
        guard name.hasPrefix("--"), let value = rest.popFirst() else {
            throw BenchError(description: "expected --option value, found \"\(name)\"")
        }
        found[String(name.dropFirst(2))] = value
    }
    return found
}

func number<T: LosslessStringConvertible>(_ options: [String: String], _ name: String, _ fallback: T) throws -> T {
    guard let text = options[name] else { return fallback }
    guard let value = T(text) else { throw BenchError(description: "--\(name): not a valid number: \"\(text)\"") }
    return value
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}

/// The CPU time (user and system) this process has used so far, in seconds: with wall times,
/// it tells a slow step from a busy machine.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1e-6
}

/// Prints one JSON object on one line with sorted keys, for scripts such as `make bench`.
func printJSON(_ object: [String: Any]) throws {
    let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    print(String(decoding: data, as: UTF8.self))
}

func robustness(_ arguments: ArraySlice<String>) throws {
    let options = try options(arguments)
    let allowed: Set<String> = ["count", "runs", "seed", "spread", "normalization", "threads", "tree"]
    if let unknown = options.keys.sorted().first(where: { !allowed.contains($0) }) {
        throw BenchError(description: "unknown option --\(unknown)")
    }
    let count: Int = try number(options, "count", 10_000)
    let runs: Int = try number(options, "runs", 1_000)
    let seed: UInt64 = try number(options, "seed", 1)
    let spread: Double = try number(options, "spread", 0.2)
    let threads: Int = try number(options, "threads", ProcessInfo.processInfo.activeProcessorCount)
    var normalization = NormalizationUncertainty.none
    if let text = options["normalization"], text != "none" {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let probability = Double(parts[1]), ["leaf", "run"].contains(parts[0]) else {
            throw BenchError(description: "--normalization: expected none, leaf:Q or run:Q, found \"\(text)\"")
        }
        normalization = parts[0] == "leaf" ? .perLeaf(probability: probability) : .perRun(probability: probability)
    }
    let treePath = options["tree"] ?? "indicators/lianghua-default.json"
    let tree = try IndicatorTree.load(contentsOf: URL(fileURLWithPath: treePath))

    let clock = ContinuousClock()
    let surveys = Array(SurveyGenerator(tree: tree, seed: seed).prefix(count))
    var start = clock.now
    let result = try ScoringEngine(tree: tree).score(surveys)
    let scoring = seconds(clock.now - start)
    start = clock.now
    let selection = try Selection.select(result)
    let selecting = seconds(clock.now - start)
    let settings = RobustnessSettings(runs: runs, seed: seed, weightSpread: spread, normalization: normalization)
    start = clock.now
    let analysis = try RobustnessAnalysis.run(result, settings: settings, threads: threads)
    let analysing = seconds(clock.now - start)

    let ranked = result.isRanked.filter { $0 }.count
    let widths = analysis.enterprises.compactMap { $0.overall.map { $0.high - $0.low } }.sorted()
    print("ronghe-bench robustness: engine \(engineVersion), tree \(tree.id) \(tree.version)")
    print("enterprises \(count) (ranked \(ranked)), runs \(runs), seed \(seed), spread \(spread), normalization \(normalization), threads \(threads)")
    print(String(format: "score      %8.3f s", scoring))
    print(String(format: "select     %8.3f s  (%d recommended in %d cells)", selecting, selection.recommended.count, selection.cells.count))
    print(String(format: "robustness %8.3f s  %.1f runs/s  %.2f µs per enterprise-run", analysing, Double(runs) / analysing,
        analysing * 1e6 / Double(runs * max(count, 1))))
    if !widths.isEmpty {
        print("overall 5–95% interval width: median \(widths[widths.count / 2]), max \(widths.last!)")
    }
    print("close calls: \(analysis.closeCalls.count) of \(analysis.enterprises.filter { $0.cell != nil }.count) competitors")
}

let arguments = CommandLine.arguments.dropFirst()
do {
    switch arguments.first {
    case nil, "version":
        print("ronghe-bench: engine \(engineVersion)")
    case "robustness":
        try robustness(arguments.dropFirst())
    case "export":
        try ExportBenchmark.run(arguments.dropFirst())
    case "read":
        try ReadBenchmark.run(arguments.dropFirst())
    case "score":
        try ScoreBenchmark.run(arguments.dropFirst())
    case "store":
        try StoreBenchmark.run(arguments.dropFirst())
    case "help", "--help", "-h":
        print(usage + "\n" + StoreBenchmark.usage)
    default:
        throw BenchError(description: "unknown subcommand \"\(arguments.first!)\"\n\(usage)")
    }
} catch {
    FileHandle.standardError.write(Data("ronghe-bench: \(error)\n".utf8))
    exit(error is BenchError ? 64 : 1)
}
