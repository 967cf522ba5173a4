import Foundation
import RongheKit

/// `ronghe-bench read`: writes N generated enterprises once as a UTF-8 CSV file, a GB18030 CSV
/// file and an XLSX batch sheet in a temporary folder, then times reading and validating each
/// with `SurveyIntake`, with the peak memory of each read.
///
/// With `--file`, it reads and validates that one file instead and prints one JSON object, so
/// `make bench` can time Ronghe on the very file its peers read.
enum ReadBenchmark {
    static let usage = "ronghe-bench read [--count N] [--seed S] [--tree FILE] [--keep DIR] | read --file SURVEY [--tree FILE]"

    static func run(_ arguments: ArraySlice<String>) throws {
        let options = try options(arguments)
        if let unknown = options.keys.sorted().first(where: { !["count", "seed", "tree", "keep", "file"].contains($0) }) {
            throw BenchError(description: "unknown option --\(unknown)")
        }
        if let file = options["file"] {
            if let other = options.keys.sorted().first(where: { $0 != "file" && $0 != "tree" }) {
                throw BenchError(description: "--\(other) does not go with --file")
            }
            let tree = try IndicatorTree.load(contentsOf: URL(fileURLWithPath: options["tree"] ?? "indicators/lianghua-default.json"))
            return try readOne(URL(fileURLWithPath: file), tree: tree)
        }
        let count: Int = try number(options, "count", 100_000)
        let seed: UInt64 = try number(options, "seed", 1)
        let tree = try IndicatorTree.load(contentsOf: URL(fileURLWithPath: options["tree"] ?? "indicators/lianghua-default.json"))
        let folder: URL
        if let keep = options["keep"] {
            folder = URL(fileURLWithPath: keep, isDirectory: true)
        } else {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("ronghe-bench-\(UUID().uuidString)", isDirectory: true)
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { if options["keep"] == nil { try? FileManager.default.removeItem(at: folder) } }

        print("ronghe-bench read: engine \(engineVersion), tree \(tree.id) \(tree.version), \(count) enterprises, seed \(seed)")
        print("peak memory per phase: \(ProcessMemory.resetPeak() ? "VmHWM reset before each phase" : "VmHWM cannot be reset here; peaks are cumulative")")
        let files: [(name: String, label: String, make: (URL) throws -> any SurveyRecordWriter)] = [
            ("surveys-utf8.csv", "CSV UTF-8", { try SurveyCSVWriter(url: $0, tree: tree) }),
            ("surveys-gb18030.csv", "CSV GB18030", { try SurveyCSVWriter(url: $0, tree: tree, options: .init(encoding: .gb18030)) }),
            ("surveys.xlsx", "XLSX", { try SurveyXLSXWriter(url: $0, tree: tree) }),
        ]
        let clock = ContinuousClock()
        print("")
        print("write         seconds   records/s      size   peak memory")
        for file in files {
            let url = folder.appendingPathComponent(file.name)
            ProcessMemory.resetPeak()
            let start = clock.now
            let writer = try file.make(url)
            for response in SurveyGenerator(tree: tree, seed: seed).prefix(count) { try writer.write(response) }
            try writer.close()
            let elapsed = seconds(clock.now - start)
            let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
            print(row(file.label, elapsed, count, size: size, peak: ProcessMemory.kilobytes("VmHWM")))
        }
        print("")
        print("read+validate seconds   records/s      size   peak memory   accepted  rejected  warnings")
        for file in files {
            let url = folder.appendingPathComponent(file.name)
            ProcessMemory.resetPeak()
            var accepted = 0
            var rejected = 0
            var warnings = 0
            let start = clock.now
            let summary = try SurveyIntake(tree: tree).process(url, file: file.name) { _, validation in
                if validation.isAccepted { accepted += 1 } else { rejected += 1 }
                warnings += validation.issues.count { $0.severity == .warning }
            }
            let elapsed = seconds(clock.now - start)
            let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
            print(row(file.label, elapsed, accepted + rejected, size: size, peak: ProcessMemory.kilobytes("VmHWM"))
                + String(format: "  %9d %9d %9d", accepted, rejected, warnings + summary.warnings.count))
        }
    }

    /// Reads and validates one file, then prints its figures as one JSON object.
    static func readOne(_ url: URL, tree: IndicatorTree) throws {
        var accepted = 0
        var rejected = 0
        let clock = ContinuousClock()
        let start = clock.now
        let cpuStart = cpuSeconds()
        _ = try SurveyIntake(tree: tree).process(url, file: url.lastPathComponent) { _, validation in
            if validation.isAccepted { accepted += 1 } else { rejected += 1 }
        }
        let elapsed = seconds(clock.now - start)
        try printJSON([
            "seconds": elapsed, "cpu_seconds": cpuSeconds() - cpuStart, "records": accepted + rejected,
            "accepted": accepted, "rejected": rejected,
        ])
    }

    static func row(_ label: String, _ elapsed: Double, _ records: Int, size: Int, peak: Int?) -> String {
        label.padding(toLength: 12, withPad: " ", startingAt: 0)
            + String(format: "%9.2f %11.0f %7.1f MB", elapsed, Double(records) / elapsed, Double(size) / 1_048_576)
            + ProcessMemory.megabytes(peak).leftPadded(to: 14)
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
