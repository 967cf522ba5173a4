import Foundation
import RongheKit

/// `ronghe demo`: the whole flow on the bundled samples, as a tour of the real commands run
/// against a temporary database.
struct DemoCommand: Command {
    static let configuration = CommandConfiguration(
        name: "demo",
        abstract: "Run the whole flow on the bundled sample surveys in a temporary database and write a ranked workbook.",
        discussion: """
            Creates a campaign in a new temporary database, imports the sample surveys in every \
            format (JSON files, a JSON array, CSV in UTF-8 and GB18030, an XLSX batch sheet), a \
            corrected resubmission, the same files again (nothing is added) and two files with \
            mistakes (rejected, with the reasons to send back); then scores, lists the top of the \
            ranking, explains one enterprise's score from the stored data and writes the leaders' \
            workbook. Each step is the `ronghe` command shown before its output, so the demo is \
            also a guide to running a campaign.

            Run it from Ronghe's folder, where `surveys/` and `indicators/` are, or name them with \
            --samples and --indicators. The database is removed at the end unless --keep is given.
            """,
        arguments: [
            .option("out", valueName: "FILE.xlsx", default: "reports/demo.xlsx", help: "Where to write the workbook."),
            .option("samples", valueName: "DIR", default: "surveys", help: "The folder of sample surveys."),
            .option("indicators", valueName: "FILE", default: "indicators/lianghua-default.json", help: "The indicator tree."),
            .option("districts", valueName: "FILE", default: "indicators/districts/dezhou.json",
                    help: "District names for the workbook, if the file exists."),
            .option("lang", allowedValues: Language.allCases.map(\.rawValue), default: Language.zh.rawValue,
                    help: "The language of messages, the ranking and the workbook."),
            .flag("keep", help: "Keep the temporary database and say where it is, to try other commands on it."),
        ],
        examples: [
            "ronghe demo",
            "ronghe demo --lang en --out reports/demo-en.xlsx --keep",
        ]
    )

    /// The enterprise whose score the demo explains: it sent a corrected resubmission.
    static let explainedEnterprise = "91371402MA3C5LXK2W"

    var out: String
    var samples: String
    var indicators: String
    var districts: String
    var language: Language
    var keep: Bool

    init(_ arguments: ParsedArguments) throws {
        out = try arguments.value("out")
        samples = try arguments.value("samples")
        indicators = try arguments.value("indicators")
        districts = try arguments.value("districts")
        language = Language(rawValue: try arguments.value("lang")) ?? .zh
        keep = arguments.flag("keep")
    }

    func validate() throws {
        if (out as NSString).pathExtension.lowercased() != "xlsx" {
            throw ValidationError("`--out` must name an .xlsx file, got '\(out)'")
        }
    }

    /// One command of the tour: why it is run, its arguments, and the exit statuses that mean it
    /// did what the demo expects (importing files with mistakes exits 1 by design).
    struct Step {
        var comment: String
        var arguments: [String]
        var expected: Set<Int32> = [0]
    }

    func steps(in context: CommandContext) throws -> [Step] {
        func sample(_ path: String) throws -> String {
            let joined = (samples as NSString).appendingPathComponent(path)
            guard FileManager.default.fileExists(atPath: context.url(forPath: joined).path) else {
                throw ValidationError(
                    "the sample '\(joined)' is missing; run the demo from Ronghe's folder, or give --samples DIR")
            }
            return joined
        }
        guard FileManager.default.fileExists(atPath: context.url(forPath: indicators).path) else {
            throw ValidationError("the indicator tree '\(indicators)' is missing; run the demo from Ronghe's folder, or give --indicators FILE")
        }
        let lang = language == .zh ? [] : ["--lang", language.rawValue]
        let hasDistricts = FileManager.default.fileExists(atPath: context.url(forPath: districts).path)
        return [
            Step(comment: "A campaign, bound to an indicator tree (its SHA-256 is kept with every batch).",
                 arguments: ["campaign", "new", "德州2026", "--indicators", indicators, "--year", "2026"]),
            Step(comment: "The enterprises' surveys, in every format a bureau receives.",
                 arguments: ["import", try sample("json"), try sample("json-array"), try sample("csv"), try sample("xlsx")] + lang),
            Step(comment: "A corrected survey from one enterprise: it supersedes the first, which is kept.",
                 arguments: ["import", try sample("resubmissions")] + lang),
            Step(comment: "The same files again: nothing is added.", arguments: ["import", try sample("json")] + lang),
            Step(comment: "Two files with mistakes: rejected, with the reasons to send back (exit status 1).",
                 arguments: ["import", try sample("malformed/uscc-wrong-check-character.json"),
                             try sample("malformed/percent-out-of-bounds.json")] + lang,
                 expected: [1]),
            Step(comment: "Score the submissions in effect into a stored batch.", arguments: ["score"] + lang),
            Step(comment: "The top of the ranking.", arguments: ["rank", "--top", "10"] + lang),
            Step(comment: "One score explained node by node from the stored data, with the enterprise's submissions.",
                 arguments: ["show", Self.explainedEnterprise] + lang),
            Step(comment: "The leaders' workbook.",
                 arguments: ["export", "--out", out] + (hasDistricts ? ["--districts", districts] : []) + lang),
        ]
    }

    func run(_ context: CommandContext) throws {
        let steps = try steps(in: context)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ronghe-demo-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { if !keep { try? FileManager.default.removeItem(at: folder) } }
        let database = folder.appendingPathComponent("demo.sqlite").path

        context.print("Ronghe demo: a campaign on the bundled samples, in a temporary database (\(keep ? database : "removed at the end")).")
        for step in steps {
            context.print("")
            context.print("# \(step.comment)")
            context.print("$ ronghe \(step.arguments.map(Self.quoted).joined(separator: " "))")
            let status = Ronghe.run(["--db", database] + step.arguments, context: context)
            guard step.expected.contains(status) else {
                context.printError("error: the demo stopped: `ronghe \(step.arguments.joined(separator: " "))` exited with status \(status)")
                throw ExitCode.failure
            }
        }
        context.print("")
        if keep {
            context.print("The database is kept: try `ronghe --db \(Self.quoted(database)) rank --by district`.")
        }
        context.print("Open \(out) for the ranked workbook.")
    }

    /// A word as a shell would need it typed.
    static func quoted(_ word: String) -> String {
        let plain = word.unicodeScalars.allSatisfy { !" '\"\\$`!*?;&|<>()[]{}#~".unicodeScalars.contains($0) }
        return plain && !word.isEmpty ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
