import Foundation
import RongheFuzz
import RongheKit

// ronghe-fuzz: seeded mutation fuzzing of the survey readers. See FuzzOptions.usage.

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("ronghe-fuzz: \(message)\n".utf8))
    exit(64)
}

let options: FuzzOptions
do {
    options = try FuzzOptions(Array(CommandLine.arguments.dropFirst()))
} catch let error as UsageError {
    if let message = error.message { FileHandle.standardError.write(Data("ronghe-fuzz: \(message)\n".utf8)) }
    print(FuzzOptions.usage)
    exit(error.message == nil ? 0 : 64)
}

do {
    let tree = try IndicatorTree.load(contentsOf: options.repository.appendingPathComponent("indicators/lianghua-default.json"))
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("ronghe-fuzz-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }

    if options.mode == .replay {
        let harness = FuzzHarness(tree: tree, directory: scratch)
        var found = false
        for file in options.files {
            let outcome = harness.read(URL(fileURLWithPath: file), name: file)
            found = found || outcome.isFinding
            print("\(file): \(outcome)")
        }
        exit(found ? 1 : 0)
    }

    let seeds = FuzzSeeds(repository: options.repository)
    let generator = try FuzzCaseGenerator(seeds: seeds, scratch: scratch)

    switch options.mode {
    case .reproduce:
        let target = options.targets[0]
        try Data(generator.input(for: target, seed: options.seed, case: options.first)).write(to: options.out)
        print("wrote \(target.rawValue) seed \(options.seed) case \(options.first) to \(options.out.path)")
    case .worker:
        // The supervisor reads the case number from the progress file when this process dies.
        let work = options.out
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let runner = FuzzRunner(generator: generator, harness: FuzzHarness(tree: tree, directory: work))
        let progress = options.progress.map { URL(fileURLWithPath: $0) }
        let report = try runner.run(
            options.targets[0], seed: options.seed, cases: options.first..<options.first + options.cases,
            deadline: options.seconds.map { Date().addingTimeInterval($0) }
        ) { index in
            if let progress { try? Data("\(index)\n".utf8).write(to: progress) }
        }
        FuzzSupervisor.print(report)
    case .fuzz, .replay:
        // This executable, for the workers: /proc/self/exe wherever it was started from.
        let executable = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0])
        let supervisor = FuzzSupervisor(options: options, generator: generator, executable: executable, scratch: scratch)
        print("ronghe-fuzz: seed \(options.seed), seeds: " + FuzzTarget.allCases.map { "\(seeds.count(for: $0)) \($0.rawValue)" }
            .joined(separator: ", "))
        var findings: [String] = []
        for target in options.targets {
            let start = Date()
            let tally = try supervisor.run(target)
            let elapsed = Date().timeIntervalSince(start)
            let rate = Int(Double(tally.cases) / max(elapsed, 0.001))
            let slowest = (tally.slowest.seconds * 100).rounded() / 100
            print("\(target.rawValue): \(tally.cases) cases in \(Int(elapsed)) s (\(rate)/s): \(tally.read) read, "
                + "\(tally.refused) refused, \(tally.findings.count) findings; slowest case \(tally.slowest.case) (\(slowest) s)")
            for finding in tally.findings { print("  FINDING \(finding)") }
            findings += tally.findings
        }
        exit(findings.isEmpty ? 0 : 1)
    }
} catch let error as UsageError {
    fail(error.message ?? "usage")
} catch {
    fail("\(error)")
}
