import Foundation
import RongheFuzz

/// Runs a target's cases in child processes, `worker` mode of this same executable, so that a
/// crash or a hang is caught, recorded and skipped: the child writes each case number to a
/// progress file before reading it, and the supervisor restarts from the case after.
struct FuzzSupervisor {
    let options: FuzzOptions
    let generator: FuzzCaseGenerator
    let executable: URL
    let scratch: URL

    /// What a target's run found, over all its children.
    struct Tally {
        var cases: UInt64 = 0
        var read = 0
        var refused = 0
        var findings: [String] = []
        var slowest = (case: UInt64(0), seconds: 0.0)
    }

    func run(_ target: FuzzTarget) throws -> Tally {
        var tally = Tally()
        let start = Date()
        let deadline = options.seconds.map { start.addingTimeInterval($0) }
        var next = options.first
        let end = options.first + options.cases
        let progress = scratch.appendingPathComponent("progress-\(target.rawValue)")
        while next < end, deadline.map({ Date() < $0 }) ?? true {
            let count = min(options.batch, end - next)
            try? FileManager.default.removeItem(at: progress)
            let process = Process()
            process.executableURL = executable
            var arguments = ["worker", "--target", target.rawValue, "--seed", "\(options.seed)", "--from", "\(next)",
                             "--count", "\(count)", "--repository", options.repository.path, "--progress", progress.path,
                             "--out", scratch.appendingPathComponent("worker-\(target.rawValue)").path]
            if let deadline { arguments += ["--seconds", "\(max(1, deadline.timeIntervalSinceNow))"] }
            process.arguments = arguments
            let output = Pipe()
            process.standardOutput = output
            // A crashing child's backtrace goes to a file, kept with the finding.
            let errors = scratch.appendingPathComponent("stderr-\(target.rawValue)")
            _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
            process.standardError = try FileHandle(forWritingTo: errors)
            try process.run()
            // The child reports its tally on standard output when it ends; read it as it comes so
            // that the pipe never fills.
            var text = Data()
            let reader = output.fileHandleForReading
            var lastCase: UInt64?
            var lastChange = Date()
            var hung = false
            while process.isRunning {
                Thread.sleep(forTimeInterval: 0.05)
                if let current = Self.readProgress(progress), current != lastCase {
                    (lastCase, lastChange) = (current, Date())
                } else if Date().timeIntervalSince(lastChange) > options.caseTimeout {
                    process.terminate()
                    kill(process.processIdentifier, SIGKILL)
                    hung = true
                    break
                }
            }
            process.waitUntilExit()
            text += reader.readDataToEndOfFile()
            let report = Self.parse(String(decoding: text, as: UTF8.self))
            tally.cases += UInt64(report.cases)
            tally.read += report.read
            tally.refused += report.refused
            if report.slowest.seconds > tally.slowest.seconds { tally.slowest = report.slowest }
            for finding in report.findings {
                tally.findings.append(try record(target, case: finding.case, what: finding.message))
            }
            let crashed = process.terminationReason == .uncaughtSignal || hung
            if crashed, let current = Self.readProgress(progress) {
                let what = hung ? "hang: no progress for \(Int(options.caseTimeout)) s"
                    : "crash: signal \(process.terminationStatus)"
                // The child died before its report: count the cases it ran, the fatal one included.
                tally.cases += current - next + 1
                tally.findings.append(try record(target, case: current, what: what, log: errors))
                next = current + 1
            } else if process.terminationStatus != 0 && process.terminationStatus != 1 {
                throw UsageError("the worker for \(target.rawValue) failed with status \(process.terminationStatus)")
            } else {
                next += UInt64(report.cases)
                if report.cases == 0 { break }  // the deadline passed
            }
        }
        return tally
    }

    /// Saves the input of a finding (and the child's standard error, with a crash's backtrace)
    /// and describes it.
    private func record(_ target: FuzzTarget, case index: UInt64, what: String, log: URL? = nil) throws -> String {
        try FileManager.default.createDirectory(at: options.out, withIntermediateDirectories: true)
        let file = options.out.appendingPathComponent("\(target.rawValue)-seed\(options.seed)-case\(index).\(target.rawValue)")
        try Data(generator.input(for: target, seed: options.seed, case: index)).write(to: file)
        if let log, let text = FileManager.default.contents(atPath: log.path) {
            try text.write(to: file.appendingPathExtension("stderr.txt"))
        }
        return "\(target.rawValue) seed \(options.seed) case \(index): \(what) (input: \(file.path))"
    }

    private static func readProgress(_ url: URL) -> UInt64? {
        (try? String(contentsOf: url, encoding: .utf8)).flatMap { UInt64($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    /// The worker's report: `cases N`, `read N`, `refused N`, `slowest CASE SECONDS`, and
    /// `finding CASE MESSAGE` lines.
    static func parse(_ text: String) -> FuzzRunner.Report {
        var report = FuzzRunner.Report()
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 2).map(String.init)
            switch parts.first {
            case "cases": report.cases = Int(parts[1]) ?? 0
            case "read": report.read = Int(parts[1]) ?? 0
            case "refused": report.refused = Int(parts[1]) ?? 0
            case "slowest" where parts.count == 3: report.slowest = (UInt64(parts[1]) ?? 0, Double(parts[2]) ?? 0)
            case "finding" where parts.count == 3: report.findings.append((UInt64(parts[1]) ?? 0, parts[2]))
            default: break
            }
        }
        return report
    }

    /// Prints a worker's report in the form ``parse(_:)`` reads.
    static func print(_ report: FuzzRunner.Report) {
        Swift.print("cases \(report.cases)")
        Swift.print("read \(report.read)")
        Swift.print("refused \(report.refused)")
        Swift.print("slowest \(report.slowest.case) \(report.slowest.seconds)")
        for finding in report.findings {
            Swift.print("finding \(finding.case) \(finding.message.replacingOccurrences(of: "\n", with: " "))")
        }
    }
}
