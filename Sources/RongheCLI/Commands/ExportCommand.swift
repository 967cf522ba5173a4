import Foundation
import RongheKit

/// `ronghe export`: writes the leaders' workbook.
///
/// For now it works without a database, like `ronghe score --indicators FILE SURVEY…`: it reads
/// and checks the survey files, scores them, selects, runs the robustness analysis and writes the
/// workbook. Everything after gathering the data is ``ReportWorkbook``'s, so reading a stored
/// batch instead (`--campaign NAME` without files) only has to build the same ``ReportInput``.
struct ExportCommand: Command {
    static let configuration = CommandConfiguration(
        name: "export",
        abstract: "Write the leaders' workbook: summary, ranking, recommended list, groups, profiles, method and data quality.",
        discussion: """
            Reads every survey file given (JSON, CSV or XLSX; a directory is searched for them), \
            checks each record against the tree, scores the accepted ones, selects demonstration \
            enterprises under the tree's selection policy, runs the rank-robustness analysis and \
            writes an Excel workbook with seven sheets: 总览 Summary, 排名 Ranking, 推荐名单 \
            Recommended (the draft for public notice), 分组 Groups, 企业画像 Profiles, 指标体系 \
            Method and 数据质量 Data quality. Sheet names and texts are Chinese unless --lang en.

            Rejected records do not stop the export: they are listed on the Data quality sheet \
            and counted on standard error. When an enterprise appears in several files, the one \
            named last supersedes the others. The workbook's directory is created if missing, \
            and an existing workbook at the same path is replaced (reports are regenerated \
            often); the new file is written under a temporary name first, so a failed export \
            leaves the old one in place. The output must end in .xlsx and must not be one of the \
            survey files.

            The scoring time shown in the workbook, and stored as its creation date, is now; set \
            SOURCE_DATE_EPOCH (seconds since 1970) to fix it, and the same files then give a \
            byte-identical workbook.
            """,
        arguments: [
            .option("indicators", valueName: "FILE", required: true, help: "The indicator tree to score against."),
            .positional("SURVEY", repeating: true, help: "Survey files or directories of them."),
            .option("out", valueName: "FILE.xlsx", required: true, help: "Where to write the workbook, e.g. reports/2026.xlsx."),
            .option("lang", allowedValues: Language.allCases.map(\.rawValue), default: Language.zh.rawValue,
                    help: "The language of the workbook: sheet names, labels and reasons."),
            .option("campaign", valueName: "NAME", help: "The campaign's name for titles and page headers (default: the tree's name)."),
            .option("profiles", valueName: "USCC,…",
                    help: "Credit codes of enterprises to profile besides the recommended ones, separated by commas."),
            .option("districts", valueName: "FILE",
                    help: "A JSON object naming districts by code, {\"371402\": \"德城区\"}, to show names beside the codes."),
            .option("runs", valueName: "N", default: "1000", help: "Monte Carlo runs of the robustness analysis; 0 skips it."),
            .option("seed", valueName: "S", default: "1", help: "The seed of the robustness analysis."),
        ],
        examples: [
            "ronghe export --indicators indicators/lianghua-default.json surveys/json --out reports/demo.xlsx",
            "ronghe export --indicators indicators/lianghua-default.json surveys/json --out reports/demo-en.xlsx --lang en --profiles 91371427MA3R6T9W2G",
        ]
    )

    var indicators: String
    var surveys: [String]
    var out: String
    var language: Language
    var campaign: String?
    var profiles: [String]
    var districts: String?
    var runs: Int
    var seed: Int

    init(_ arguments: ParsedArguments) throws {
        indicators = try arguments.value("indicators")
        surveys = try arguments.positionals("SURVEY")
        out = try arguments.value("out")
        language = Language(rawValue: try arguments.value("lang")) ?? .zh
        campaign = try arguments.option("campaign")
        profiles = (try arguments.option("profiles", as: String.self) ?? "")
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).uppercased() }.filter { !$0.isEmpty }
        districts = try arguments.option("districts")
        runs = try arguments.value("runs", in: 0...100_000)
        seed = try arguments.value("seed", in: 0...)
    }

    func validate() throws {
        if surveys.isEmpty { throw ValidationError("missing argument `SURVEY`") }
        if (out as NSString).pathExtension.lowercased() != "xlsx" {
            throw ValidationError("`--out` must name an .xlsx file, got '\(out)'")
        }
        if let campaign, campaign.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("`--campaign` must not be empty")
        }
    }

    func run(_ context: CommandContext) throws {
        let tree = try IndicatorsCheckCommand.load(indicators, context: context)
        let files = try SurveyFiles.expand(surveys, context: context)
        let destination = context.url(forPath: out)
        if files.contains(where: { $0.url.standardizedFileURL.path == destination.path }) {
            throw ValidationError("`--out` names one of the survey files, '\(out)'; choose another file")
        }
        var districtNames: [String: String] = [:]
        if let districts {
            let data: Data
            do {
                data = try Data(contentsOf: context.url(forPath: districts))
            } catch {
                throw ValidationError("cannot read `--districts` file '\(districts)'")
            }
            districtNames = try ReportInput.districtNames(fromJSON: data, source: districts)
        }

        let (result, intake) = try score(files, tree: tree, context: context)
        let selection = tree.selection == nil ? nil : try Selection.select(result)
        var robustness: RobustnessResult?
        if runs > 0 {
            robustness = try RobustnessAnalysis.run(result, settings: RobustnessSettings(runs: runs, seed: UInt64(seed)))
        }

        let input = ReportInput(
            campaign: campaign ?? tree.name.text(language), batch: .init(scoredAt: scoringTime(context)), result: result,
            selection: selection, robustness: robustness, intake: intake, language: language,
            profiles: profiles, districtNames: districtNames)
        let workbook = try ReportWorkbook(input)
        try FileManager.default.createDirectory(
            at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
        let outcome = try workbook.write(to: destination.path)

        let summary = intake
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
