import Foundation
import RongheKit

/// `ronghe-bench export`: scores N synthetic surveys (or the records of one survey file, or a
/// database's latest batch), selects, runs the robustness analysis, then writes the leaders'
/// workbook and times each stage, with the peak memory while writing alone.
///
/// With `--file` the data are those of `ronghe export --indicators TREE FILE`, with `--db` those
/// of `ronghe export --db DB`, so `make bench` can time the write alone on exactly the workbook
/// the command writes; it then prints one JSON object for scripts instead of the lines for people.
enum ExportBenchmark {
    static let usage = """
        ronghe-bench export [--count N | --file SURVEY | --db DB] [--runs R] [--seed S]
                                   [--memory auto|memory|stream] [--out FILE] [--tree FILE]
        """

    static func run(_ arguments: ArraySlice<String>) throws {
        let options = try options(arguments)
        let allowed: Set<String> = ["count", "file", "db", "runs", "seed", "memory", "out", "tree"]
        if let unknown = options.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw BenchError(description: "unknown option --\(unknown)")
        }
        if ["count", "file", "db"].filter({ options[$0] != nil }).count > 1 {
            throw BenchError(description: "--count, --file and --db exclude each other")
        }
        let count: Int = try number(options, "count", 100_000)
        let runs: Int = try number(options, "runs", 1_000)
        let seed: UInt64 = try number(options, "seed", 1)
        let out = options["out"] ?? "/tmp/ronghe-bench-export.xlsx"
        let mode: ReportWorkbook.MemoryMode
        switch options["memory"] ?? "auto" {
        case "auto": mode = .automatic
        case "memory": mode = .inMemory
        case "stream": mode = .constantMemory
        case let other: throw BenchError(description: "--memory: expected auto, memory or stream, found \"\(other)\"")
        }
        let tree = try IndicatorTree.load(contentsOf: URL(fileURLWithPath: options["tree"] ?? "indicators/lianghua-default.json"))

        let clock = ContinuousClock()
        var start = clock.now
        var stored: ReproducedBatch?
        let surveys: [SurveyResponse]
        let intake: ReportInput.Intake
        if let file = options["file"] {
            var collector = ReportIntakeCollector(tree: tree)
            collector.add(URL(fileURLWithPath: file), file: file)
            surveys = collector.responses
            intake = collector.summary
        } else if let path = options["db"] {
            // As `ronghe export --db`: the only campaign's latest batch, scored again and checked.
            let store = try CampaignStore.open(path: path)
            guard let campaign = try store.campaigns().first else { throw BenchError(description: "\(path): no campaign") }
            stored = try store.reproduce(batch: store.latestBatch(of: campaign).id)
            surveys = []
            intake = ReportInput.Intake(try store.intakeSummary(of: campaign))
        } else {
            surveys = Array(SurveyGenerator(tree: tree, seed: seed).prefix(count))
            intake = .allAccepted(count)
        }
        let gathering = seconds(clock.now - start)
        start = clock.now
        let result = try stored?.result ?? ScoringEngine(tree: tree).score(surveys)
        let scoring = seconds(clock.now - start)
        start = clock.now
        let selection = try stored?.selection ?? Selection.select(result)
        let selecting = seconds(clock.now - start)
        start = clock.now
        let robustness = runs > 0 ? try RobustnessAnalysis.run(result, settings: RobustnessSettings(runs: runs, seed: seed)) : nil
        let analysing = seconds(clock.now - start)
        let residentBefore = ProcessMemory.kilobytes("VmRSS")

        let input = ReportInput(
            campaign: "ronghe-bench 合成批次", batch: .init(scoredAt: Date(timeIntervalSince1970: 1_779_240_600)), result: result,
            selection: selection, robustness: robustness, intake: intake)
        ProcessMemory.resetPeak()
        start = clock.now
        let cpuStart = cpuSeconds()
        let outcome = try ReportWorkbook(input).write(to: out, options: .init(memoryMode: mode))
        let writing = seconds(clock.now - start)
        let writingCPU = cpuSeconds() - cpuStart
        let peakWhileWriting = ProcessMemory.kilobytes("VmHWM")
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let size = ((try? FileManager.default.attributesOfItem(atPath: out)[.size]) as? NSNumber)?.intValue ?? 0

        if options["file"] != nil || options["db"] != nil {
            try printJSON([
                "enterprises": result.count, "read_seconds": gathering, "score_seconds": scoring + selecting + analysing,
                "write_seconds": writing, "write_cpu_seconds": writingCPU, "write_peak_kb": peakWhileWriting ?? 0, "peak_kb": usage.ru_maxrss,
                "constant_memory": outcome.usedConstantMemory, "bytes": size,
            ])
            return
        }
        print("ronghe-bench export: engine \(engineVersion), tree \(tree.id) \(tree.version)")
        print("enterprises \(count), runs \(runs), seed \(seed), \(outcome.usedConstantMemory ? "constant-memory" : "in-memory") workbook")
        print(String(format: "generate   %8.3f s", gathering))
        print(String(format: "score      %8.3f s", scoring))
        print(String(format: "select     %8.3f s  (%d recommended)", selecting, selection.recommended.count))
        print(String(format: "robustness %8.3f s", analysing))
        print(String(format: "write      %8.3f s  (%d profiles)", writing, outcome.profiles))
        print("memory     \(ProcessMemory.megabytes(residentBefore)) resident before writing, "
            + "\(ProcessMemory.megabytes(peakWhileWriting)) peak while writing, \(ProcessMemory.megabytes(usage.ru_maxrss)) peak overall")
        print(String(format: "file       %8.1f MB  %@", Double(size) / 1_048_576, out))
    }
}
