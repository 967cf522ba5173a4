import Foundation
import RongheKit

/// `ronghe import FILE|DIR...`: reads, validates and stores survey files in a campaign.
struct ImportCommand: Command {
    static let configuration = CommandConfiguration(
        name: "import",
        abstract: "Import survey files into a campaign; idempotent; lists every rejection.",
        discussion: """
            Each file (JSON, CSV or XLSX; a directory is searched, not recursively, for them) is \
            kept byte for byte with every record in it, accepted or rejected, in one transaction: \
            an interrupted import leaves nothing of the file, and running it again finishes the job.

            The same bytes imported again into the campaign add nothing ("already imported"). An \
            accepted record of an enterprise that already has an accepted submission supersedes \
            it; the earlier one is kept. A record identical to the one in effect is kept as \
            unchanged, and the earlier one stays in effect. A rejected record never displaces an \
            accepted one. A file that cannot be read is kept as one rejected record.

            Every rejection is listed on standard error with its file and place, in the language \
            of --lang; --rejections writes them to a CSV file (UTF-8 with a byte-order mark, for \
            Excel) to send back to the enterprises. The exit status is 1 when anything imported \
            was rejected.
            """,
        arguments: [
            .positional("FILE", repeating: true, help: "Survey files or directories of them."),
            StoreAccess.campaignOption,
            .flag("strict", help: "Reject a whole file when any of its records fails its checks."),
            .option(
                "rejections", valueName: "FILE.csv",
                help: "Also write every rejection of the files named to this CSV file, to send back to enterprises."),
            .option(
                "lang", allowedValues: Language.allCases.map(\.rawValue), default: Language.zh.rawValue,
                help: "The language of messages about rejected records, on screen and in the CSV file."),
        ],
        examples: [
            "ronghe import surveys/json",
            "ronghe import 城区汇总.csv --campaign 德州2026 --strict",
            "ronghe import inbox --rejections 退回意见.csv",
        ]
    )

    var paths: [String]
    var campaignName: String?
    var strict: Bool
    var rejectionsPath: String?
    var language: Language

    init(_ arguments: ParsedArguments) throws {
        paths = try arguments.positionals("FILE")
        campaignName = try arguments.option("campaign")
        strict = arguments.flag("strict")
        rejectionsPath = try arguments.option("rejections")
        language = Language(rawValue: try arguments.value("lang")) ?? .zh
    }

    func validate() throws {
        if paths.isEmpty { throw ValidationError("missing argument `FILE`") }
    }

    func run(_ context: CommandContext) throws {
        let files = try SurveyFiles.expand(paths, context: context)
        let store = try StoreAccess.open(context)
        let campaign = try StoreAccess.campaign(campaignName, in: store)
        var imported = 0
        var already = 0
        var records = 0
        var accepted = 0
        var rejected = 0
        var unreadable = 0
        var csvRows: [[String]] = []
        for file in files {
            let reading = Progress("Reading \(file.name)", context: context)
            var writing: Progress?
            func finish() {
                reading.finish()
                writing?.finish()
            }
            let report: ImportReport
            do {
                report = try store.importFile(
                    at: file.url, name: file.name, into: campaign, options: ImportOptions(strict: strict),
                    progress: { step in
                        switch step {
                        case .reading(let records): reading.update(completed: records)
                        case .writing(let records, let total):
                            if writing == nil {
                                reading.finish()
                                writing = Progress("Writing \(file.name)", total: total, context: context)
                            }
                            writing?.update(completed: records)
                        }
                    })
            } catch let error as StoreError {
                finish()
                guard case .cannotReadFile = error else { throw error }
                context.printError("error: \(error)")
                unreadable += 1
                continue
            }
            finish()
            context.print(Self.summary(of: report))
            for warning in report.warnings { context.printError(StoreText.printable(warning.formatted(language))) }
            let rejections = report.isAlreadyImported ? try store.rejections(ofImportedFile: report.imported.id) : report.rejections
            if !report.isAlreadyImported {
                for rejection in rejections {
                    for issue in rejection.errors { context.printError(StoreText.printable(issue.formatted(language))) }
                    if let note = Self.note(on: rejection, language: language) { context.printError(note) }
                }
                imported += 1
                records += report.imported.records
                accepted += report.imported.accepted
                rejected += report.imported.rejected
            } else {
                already += 1
            }
            csvRows += rejections.flatMap { Self.csvRows($0, language: language) }
        }
        var parts = ["\(imported) imported"]
        if already > 0 { parts.append("\(already) already imported") }
        if unreadable > 0 { parts.append("\(unreadable) could not be read") }
        context.print(
            "Campaign \(campaign.name): \(StoreText.count(files.count, "file")) (\(parts.joined(separator: ", "))); "
                + "\(StoreText.count(records, "record")): \(accepted) accepted, \(rejected) rejected")
        if let rejectionsPath {
            let header = language == .zh
                ? ["文件", "位置", "统一社会信用代码", "企业名称", "问题"]
                : ["File", "Place", "Credit code", "Enterprise", "Problem"]
            try CSVWriter.data(for: [header] + csvRows, options: .excel).write(to: context.url(forPath: rejectionsPath))
            context.print("Wrote \(StoreText.count(csvRows.count, "rejection")) to \(rejectionsPath)")
        }
        if rejected > 0 || unreadable > 0 { throw ExitCode.failure }
    }

    /// The line printed for each file.
    static func summary(of report: ImportReport) -> String {
        let file = report.imported
        if report.isAlreadyImported {
            let earlier = report.file == file.name ? "" : " as \(file.name)"
            return "\(report.file): already imported\(earlier) on \(StoreText.time(file.receivedAt)) (import \(file.id)); nothing added"
        }
        if !file.isReadable {
            return "\(report.file): cannot be read; kept as 1 rejected record (import \(file.id))"
        }
        var breakdown: [String] = []
        if file.newSubmissions > 0 { breakdown.append("\(file.newSubmissions) new") }
        if file.resubmissions > 0 { breakdown.append("\(file.resubmissions) superseding earlier submissions") }
        if file.unchanged > 0 { breakdown.append("\(file.unchanged) unchanged") }
        var line = "\(report.file): \(StoreText.count(file.records, "record")): \(file.accepted) accepted"
        if !breakdown.isEmpty { line += " (\(breakdown.joined(separator: ", ")))" }
        line += ", \(file.rejected) rejected"
        if report.isStrictRejection {
            line += " (--strict: \(report.strictFailures) failed, so the whole file is rejected)"
        }
        return line
    }

    /// For a rejected resubmission, which submission stays in effect.
    static func note(on rejection: RejectedRecord, language: Language) -> String? {
        guard let kept = rejection.inEffect, let uscc = rejection.uscc else { return nil }
        let time = StoreText.time(kept.receivedAt)
        switch language {
        case .zh:
            return "\(rejection.submission.place): 说明: \(uscc)本次提交未被接收，此前已接收的提交（\(kept.place)，\(time)）继续有效"
        case .en:
            return "\(rejection.submission.place): note: this submission of \(uscc) is rejected; the one accepted earlier "
                + "(\(kept.place), \(time)) stays in effect"
        }
    }

    /// One CSV row per error of a rejected record.
    static func csvRows(_ rejection: RejectedRecord, language: Language) -> [[String]] {
        rejection.errors.map { issue in
            let location = issue.location.place == nil ? rejection.submission.place : issue.location.description
            let file = rejection.submission.file
            let place = location.hasPrefix(file + ":") ? String(location.dropFirst(file.count + 1)) : ""
            return [file, place, rejection.uscc ?? "", rejection.name ?? "", issue.message.text(language)]
        }
    }
}
