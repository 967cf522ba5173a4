import Foundation
import RongheKit

/// `ronghe score`: scores surveys and prints the ranking with stages.
///
/// With `--indicators FILE SURVEY…` it scores the given survey files directly, without a
/// database: the quickest way to try a tree on a few surveys.
struct ScoreCommand: Command {
    static let configuration = CommandConfiguration(
        name: "score",
        abstract: "Score surveys against an indicator tree and print the ranking with stages.",
        discussion: """
            Reads every survey file given (JSON, CSV or XLSX; a directory is searched for them), \
            checks each record against the tree, scores the accepted ones together and prints \
            them in rank order: rank, credit code, name, district, industry, size, total, stage \
            and any veto. Ranks are competition ranks on unrounded totals (1, 2, 2, 4); exact \
            ties are listed in credit-code order. Rejected records are listed on standard error \
            with the file and place of each problem, and the exit status is then 1.
            """,
        arguments: [
            .option("indicators", valueName: "FILE", required: true, help: "The indicator tree to score against."),
            .positional("SURVEY", repeating: true, help: "Survey files or directories of them."),
            .option("lang", allowedValues: Language.allCases.map(\.rawValue), default: Language.zh.rawValue,
                    help: "The language of stage and veto names and of messages about rejected records."),
            .flag("json", help: "Print the scored enterprises as JSON for scripts."),
        ],
        examples: [
            "ronghe score --indicators indicators/lianghua-default.json surveys/json",
            "ronghe score --indicators indicators/lianghua-default.json a.json b.json --json",
        ]
    )

    var indicators: String
    var surveys: [String]
    var language: Language
    var json: Bool

    init(_ arguments: ParsedArguments) throws {
        indicators = try arguments.value("indicators")
        surveys = try arguments.positionals("SURVEY")
        language = Language(rawValue: try arguments.value("lang")) ?? .zh
        json = arguments.flag("json")
    }

    func validate() throws {
        if surveys.isEmpty { throw ValidationError("missing argument `SURVEY`") }
    }

    func run(_ context: CommandContext) throws {
        let tree = try IndicatorsCheckCommand.load(indicators, context: context)
        let files = try SurveyFiles.expand(surveys, context: context)
        let intake = SurveyIntake(tree: tree)
        var responses: [SurveyResponse] = []
        var rejected = 0
        for file in files {
            do {
                let summary = try intake.process(file.url, file: file.name) { _, validation in
                    for issue in validation.issues { context.printError(issue.formatted(language)) }
                    if let response = validation.response { responses.append(response) } else { rejected += 1 }
                }
                for warning in summary.warnings { context.printError(warning.formatted(language)) }
            } catch let error as SurveyFileError {
                context.printError(error.issue.formatted(language))
                rejected += 1
            }
        }
        let result = try ScoringEngine(tree: tree).score(responses)
        if json {
            try context.writeJSON(result.rankingOrder.map { ScoredEnterprise(result[$0], tree: tree) })
        } else {
            context.standardOutput.write(RankingTable(result: result, order: result.rankingOrder, language: language).text)
            context.print("\(responses.count) scored, \(rejected) rejected")
        }
        if rejected > 0 { throw ExitCode.failure }
    }
}

/// The survey files named on a command line: files as given, directories searched (not
/// recursively) for `.json`, `.csv` and `.xlsx` files in name order.
enum SurveyFiles {
    struct File {
        let url: URL
        /// The path as the user would write it, for messages.
        let name: String
    }

    static let extensions: Set<String> = ["json", "csv", "xlsx"]

    static func expand(_ paths: [String], context: CommandContext) throws -> [File] {
        var files: [File] = []
        for path in paths {
            let url = context.url(forPath: path)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                throw ValidationError("no such file or directory: \(path)")
            }
            if isDirectory.boolValue {
                let names = try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
                for name in names where extensions.contains((name as NSString).pathExtension.lowercased()) && !name.hasPrefix(".") {
                    files.append(File(url: url.appendingPathComponent(name), name: (path as NSString).appendingPathComponent(name)))
                }
            } else {
                files.append(File(url: url, name: path))
            }
        }
        return files
    }
}
