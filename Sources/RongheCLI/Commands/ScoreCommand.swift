import Foundation
import RongheKit

/// `ronghe score`: scores a campaign's submissions into a stored batch, or, given
/// `--indicators FILE SURVEY…`, scores survey files directly without a database.
struct ScoreCommand: Command {
    static let configuration = CommandConfiguration(
        name: "score",
        abstract: "Score a campaign's latest accepted submissions into a stored batch.",
        discussion: """
            Without survey files, scores the campaign in the database: the submission in effect \
            for each enterprise (its latest accepted one, not superseded), with its staff flags, \
            under the campaign's current tree, then selects under the tree's selection policy. The \
            whole batch is stored in one transaction, tied to the tree's hash and the engine's \
            version. When nothing changed since the latest batch, nothing is added (--force scores \
            again). Submissions that fail a revised tree's checks are left out and listed on \
            standard error.

            With --indicators FILE SURVEY…, scores the given survey files directly, without a \
            database: reads every file (JSON, CSV or XLSX; a directory is searched for them), \
            checks each record against the tree, scores the accepted ones together and prints \
            them in rank order: rank, credit code, name, district, industry, size, total, stage \
            and any veto. Ranks are competition ranks on unrounded totals (1, 2, 2, 4); exact \
            ties are listed in credit-code order. Rejected records are listed on standard error \
            with the file and place of each problem, and the exit status is then 1.
            """,
        arguments: [
            .option("indicators", valueName: "FILE", help: "Score SURVEY files directly against this tree, without a database."),
            .positional("SURVEY", optional: true, repeating: true, help: "Survey files or directories of them (with --indicators)."),
            StoreAccess.campaignOption,
            .flag("force", help: "Store a new batch even when nothing changed since the latest one."),
            .option("lang", allowedValues: Language.allCases.map(\.rawValue), default: Language.zh.rawValue,
                    help: "The language of stage and veto names and of messages about rejected records."),
            .flag("json", help: "Print the batch (or, scoring files directly, the scored enterprises) as JSON for scripts."),
        ],
        examples: [
            "ronghe score",
            "ronghe score --campaign 德州2026 --force",
            "ronghe score --indicators indicators/lianghua-default.json surveys/json",
            "ronghe score --indicators indicators/lianghua-default.json a.json b.json --json",
        ]
    )

    var indicators: String?
    var surveys: [String]
    var campaignName: String?
    var force: Bool
    var language: Language
    var json: Bool

    init(_ arguments: ParsedArguments) throws {
        indicators = try arguments.option("indicators")
        surveys = try arguments.positionals("SURVEY")
        campaignName = try arguments.option("campaign")
        force = arguments.flag("force")
        language = Language(rawValue: try arguments.value("lang")) ?? .zh
        json = arguments.flag("json")
    }

    func validate() throws {
        switch (indicators, surveys.isEmpty) {
        case (nil, false):
            throw ValidationError(
                "scoring files directly needs `--indicators FILE`; to score the campaign in the database, give no files")
        case (.some, true):
            throw ValidationError("missing argument `SURVEY`")
        case (.some, false):
            if campaignName != nil { throw ValidationError("`--campaign` scores the database; it cannot go with `--indicators`") }
            if force { throw ValidationError("`--force` scores the database; it cannot go with `--indicators`") }
        case (nil, true):
            break
        }
    }

    func run(_ context: CommandContext) throws {
        if let indicators {
            try scoreFiles(indicators: indicators, context: context)
        } else {
            try scoreCampaign(context)
        }
    }

    private func scoreCampaign(_ context: CommandContext) throws {
        let store = try StoreAccess.open(context)
        let campaign = try StoreAccess.campaign(campaignName, in: store)
        let report = try store.scoreCampaign(campaign, options: ScoreOptions(force: force))
        for exclusion in report.exclusions {
            context.printError(Self.exclusionNote(exclusion, batch: report.batch, language: language))
            for issue in exclusion.issues where issue.severity == .error {
                context.printError(StoreText.printable(issue.formatted(language)))
            }
        }
        if json {
            try context.writeJSON(ScoredBatch(report))
            return
        }
        let batch = report.batch
        guard report.isNew else {
            context.print(
                "Nothing changed since batch \(batch.id) (\(StoreText.time(batch.finishedAt))): the same submissions, "
                    + "staff flags, tree and engine; use --force to score again")
            return
        }
        if report.revalidated > 0 {
            context.print(
                "\(StoreText.count(report.revalidated, "submission")) validated again under the questions of tree revision "
                    + "\(batch.tree.revision)")
        }
        context.print(
            "Batch \(batch.id) of campaign \(batch.campaignName): \(StoreText.count(batch.enterprises, "enterprise")) scored "
                + "with \(StoreText.tree(batch.tree)) (revision \(batch.tree.revision), sha256 \(StoreText.shortHash(batch.tree.hash))), "
                + "engine \(batch.engineVersion)")
        var counts = ["\(batch.ranked) ranked", "\(batch.vetoed) vetoed"]
        if let eligible = batch.eligible, let recommended = batch.recommended {
            counts += ["\(eligible) eligible for selection", "\(recommended) recommended"]
        }
        if batch.excluded > 0 { counts.append("\(batch.excluded) left out") }
        context.print(counts.joined(separator: ", "))
        context.print("See the ranking with `ronghe rank`, one enterprise's score with `ronghe show USCC`.")
    }

    static func exclusionNote(_ exclusion: BatchExclusion, batch: BatchInfo, language: Language) -> String {
        switch language {
        case .zh:
            return "\(exclusion.submission.place): 说明: \(exclusion.uscc)的有效提交不符合指标体系修订\(batch.tree.revision)的要求，本批次未评分"
        case .en:
            return "\(exclusion.submission.place): note: \(exclusion.uscc) is not scored: its submission fails the checks "
                + "of tree revision \(batch.tree.revision)"
        }
    }

    /// The store mode's `--json`.
    struct ScoredBatch: Encodable {
        let batch: BatchJSON
        let new: Bool
        let revalidated: Int
        let excluded: [String]

        init(_ report: ScoreReport) {
            batch = BatchJSON(report.batch)
            new = report.isNew
            revalidated = report.revalidated
            excluded = report.exclusions.map(\.uscc)
        }
    }

    private func scoreFiles(indicators: String, context: CommandContext) throws {
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
