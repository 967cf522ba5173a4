import Foundation
import RongheKit

/// `ronghe export`: writes the leaders' workbook.
///
/// From the database, it writes a stored batch (the campaign's latest by default), scored again
/// from its stored inputs and checked against its stored results; with `--indicators FILE
/// SURVEY…`, like `ronghe score`, it reads, checks and scores the files without a database.
/// Either way it builds a ``ReportInput``; selection, the robustness analysis and the workbook
/// itself are the same.
struct ExportCommand: Command {
    static let configuration = CommandConfiguration(
        name: "export",
        abstract: "Write the leaders' workbook: summary, ranking, recommended list, groups, profiles, method and data quality.",
        discussion: """
            Without survey files, writes a scored batch of the campaign in the database, by \
            default its latest (`ronghe batches` lists them): the batch's surveys are scored again \
            with the tree revision it used and must give exactly its stored results, so the \
            workbook shows what `ronghe rank` and `ronghe show` show. The Summary and Data quality \
            sheets count and list what the campaign's imports received and rejected.

            With --indicators FILE SURVEY…, reads every survey file given (JSON, CSV or XLSX; a \
            directory is searched for them), checks each record against the tree and scores the \
            accepted ones, without a database. When an enterprise appears in several files, the \
            one named last supersedes the others.

            Either way it selects demonstration enterprises under the tree's selection policy, \
            runs the rank-robustness analysis and writes an Excel workbook with seven sheets: 总览 Summary, 排名 Ranking, 推荐名单 \
            Recommended (the draft for public notice), 分组 Groups, 企业画像 Profiles, 指标体系 \
            Method and 数据质量 Data quality. Sheet names and texts are Chinese unless --lang en.

            Rejected records do not stop the export: they are listed on the Data quality sheet \
            and counted on standard error. The workbook's directory is created if missing, \
            and an existing workbook at the same path is replaced (reports are regenerated \
            often); the new file is written under a temporary name first, so a failed export \
            leaves the old one in place. The output must end in .xlsx and must not be one of the \
            survey files.

            The scoring time shown in the workbook, and stored as its creation date, is the \
            batch's; with survey files it is now: set SOURCE_DATE_EPOCH (seconds since 1970) to fix it, and the same files then give a \
            byte-identical workbook.
            """,
        arguments: [
            .positional("SURVEY", optional: true, repeating: true, help: "Survey files or directories of them (with --indicators)."),
            .option("indicators", valueName: "FILE", help: "Score SURVEY files directly against this tree, without a database."),
            .option("out", valueName: "FILE.xlsx", required: true, help: "Where to write the workbook, e.g. reports/2026.xlsx."),
            .option("lang", allowedValues: Language.allCases.map(\.rawValue), default: Language.zh.rawValue,
                    help: "The language of the workbook: sheet names, labels and reasons."),
            .option("campaign", valueName: "NAME",
                    help: "The campaign in the database (may be left out when it holds only one); with survey files, the name for titles (default: the tree's name)."),
            .option("batch", valueName: "ID", help: "The stored batch to write; the campaign's latest by default."),
            .option("profiles", valueName: "USCC,…",
                    help: "Credit codes of enterprises to profile besides the recommended ones, separated by commas."),
            .option("districts", valueName: "FILE",
                    help: "A JSON object naming districts by code, {\"371402\": \"德城区\"}, to show names beside the codes."),
            .option("runs", valueName: "N", default: "1000", help: "Monte Carlo runs of the robustness analysis; 0 skips it."),
            .option("seed", valueName: "S", default: "1", help: "The seed of the robustness analysis."),
        ],
        examples: [
            "ronghe export --out reports/德州2026.xlsx",
            "ronghe export --campaign 德州2026 --batch 3 --out reports/batch-3.xlsx --lang en",
            "ronghe export --indicators indicators/lianghua-default.json surveys/json --out reports/demo.xlsx",
            "ronghe export --indicators indicators/lianghua-default.json surveys/json --out reports/demo-en.xlsx --lang en --profiles 91371427MA3R6T9W2G",
        ]
    )

    var indicators: String?
    var surveys: [String]
    var out: String
    var language: Language
    var campaign: String?
    var batch: Int64?
    var profiles: [String]
    var districts: String?
    var runs: Int
    var seed: Int

    init(_ arguments: ParsedArguments) throws {
        indicators = try arguments.option("indicators")
        surveys = try arguments.positionals("SURVEY")
        out = try arguments.value("out")
        language = Language(rawValue: try arguments.value("lang")) ?? .zh
        campaign = try arguments.option("campaign")
        batch = try arguments.option("batch", in: 1...).map(Int64.init)
        profiles = (try arguments.option("profiles", as: String.self) ?? "")
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).uppercased() }.filter { !$0.isEmpty }
        districts = try arguments.option("districts")
        runs = try arguments.value("runs", in: 0...100_000)
        seed = try arguments.value("seed", in: 0...)
    }

    func validate() throws {
        if indicators != nil && surveys.isEmpty { throw ValidationError("`--indicators` scores survey files: name them, or leave it out to export from the database") }
        if indicators == nil && !surveys.isEmpty {
            throw ValidationError("survey files are scored with `--indicators FILE`; to export from the database, import them first with `ronghe import`")
        }
        if indicators != nil && batch != nil { throw ValidationError("`--batch` selects a stored batch; it cannot be used with `--indicators`") }
        if indicators == nil && batch != nil && campaign != nil {
            throw ValidationError("give `--batch` or `--campaign`, not both: a batch belongs to one campaign")
        }
        if (out as NSString).pathExtension.lowercased() != "xlsx" {
            throw ValidationError("`--out` must name an .xlsx file, got '\(out)'")
        }
        if let campaign, campaign.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("`--campaign` must not be empty")
        }
    }

    func run(_ context: CommandContext) throws {
        let destination = context.url(forPath: out)
        let districtNames = try readDistrictNames(context)
        let source = indicators == nil ? try storedBatch(context) : try scoredFiles(context, destination: destination)
        let result = source.result
        var robustness: RobustnessResult?
        if runs > 0 {
            robustness = try RobustnessAnalysis.run(result, settings: RobustnessSettings(runs: runs, seed: UInt64(seed)))
        }

        let input = ReportInput(
            campaign: source.campaign, batch: source.batch, result: result, selection: source.selection,
            robustness: robustness, intake: source.intake, language: language, profiles: profiles, districtNames: districtNames)
        let workbook = try ReportWorkbook(input)
        try FileManager.default.createDirectory(
            at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
        let outcome = try workbook.write(to: destination.path)

        let summary = source.intake
        if summary.rejected > 0 {
            context.printError(
                "warning: \(summary.rejected) of \(summary.submitted) records rejected; they are listed on the \(outcome.sheetNames[6]) sheet")
        }
        var line = "Wrote \(out): \(outcome.enterprises) scored, \(result.isRanked.filter { $0 }.count) ranked, \(outcome.recommended) recommended"
        if let robustness {
            let calls = robustness.closeCalls.count
            line += ", \(calls) close call\(calls == 1 ? "" : "s") in \(runs) runs (seed \(seed))"
        }
        line += "; \(summary.rejected) rejected"
        context.print(line)
        if outcome.omittedProfiles > 0 {
            context.printError("note: \(outcome.omittedProfiles) recommended enterprises have no profile block (limit \(outcome.profiles))")
        }
    }

    /// What the workbook is written from, whether stored or scored from files.
    private struct Source {
        var campaign: String
        var batch: ReportInput.Batch
        var result: ScoringResult
        var selection: SelectionResult?
        var intake: ReportInput.Intake
    }

    /// A stored batch scored again and checked, with the campaign's intake.
    private func storedBatch(_ context: CommandContext) throws -> Source {
        let store = try StoreAccess.open(context)
        let batchID = try batch ?? store.latestBatch(of: StoreAccess.campaign(campaign, in: store)).id
        let reproduced = try store.reproduce(batch: batchID)
        let campaign = try store.campaign(named: reproduced.batch.campaignName)
        return Source(
            campaign: campaign.name,
            batch: .init(id: String(batchID), scoredAt: reproduced.batch.finishedAt, engineVersion: reproduced.batch.engineVersion),
            result: reproduced.result, selection: reproduced.selection,
            intake: ReportInput.Intake(try store.intakeSummary(of: campaign)))
    }

    /// The survey files read, checked and scored against `--indicators`.
    private func scoredFiles(_ context: CommandContext, destination: URL) throws -> Source {
        let tree = try IndicatorsCheckCommand.load(indicators ?? "", context: context)
        let files = try SurveyFiles.expand(surveys, context: context)
        if files.contains(where: { $0.url.standardizedFileURL.path == destination.path }) {
            throw ValidationError("`--out` names one of the survey files, '\(out)'; choose another file")
        }
        let (result, intake) = try score(files, tree: tree, context: context)
        return Source(
            campaign: campaign ?? tree.name.text(language), batch: .init(scoredAt: scoringTime(context)), result: result,
            selection: tree.selection == nil ? nil : try Selection.select(result), intake: intake)
    }

    private func readDistrictNames(_ context: CommandContext) throws -> [String: String] {
        guard let districts else { return [:] }
        let data: Data
        do {
            data = try Data(contentsOf: context.url(forPath: districts))
        } catch {
            throw ValidationError("cannot read `--districts` file '\(districts)'")
        }
        return try ReportInput.districtNames(fromJSON: data, source: districts)
    }

    /// Reads, checks and scores the files; the surveys themselves are let go once scored, so they
    /// do not stay in memory while the workbook is written.
    private func score(
        _ files: [SurveyFiles.File], tree: IndicatorTree, context: CommandContext
    ) throws -> (ScoringResult, ReportInput.Intake) {
        var collector = ReportIntakeCollector(tree: tree)
        let progress = Progress("Reading surveys", total: files.count, context: context)
        for file in files {
            collector.add(file.url, file: file.name)
            progress.advance()
        }
        progress.finish()
        for supersession in collector.supersessions {
            context.printError("note: \(supersession.earlier) (\(supersession.uscc)) is superseded by \(supersession.later)")
        }
        return (try ScoringEngine(tree: tree).score(collector.responses), collector.summary)
    }

    /// Now, or `SOURCE_DATE_EPOCH` when set, so that a rerun can reproduce a workbook exactly.
    private func scoringTime(_ context: CommandContext) -> Date {
        if let text = context.environment["SOURCE_DATE_EPOCH"], let seconds = Int64(text) {
            return Date(timeIntervalSince1970: TimeInterval(seconds))
        }
        return Date()
    }
}
