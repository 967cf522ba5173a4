import Foundation
import RongheKit

/// `ronghe template`: writes the survey form (调查表) enterprises fill in for an indicator tree.
struct TemplateCommand: Command {
    static let configuration = CommandConfiguration(
        name: "template",
        abstract: "Write the survey form enterprises fill in, as an .xlsx workbook.",
        discussion: """
            The form has an instructions sheet and a protected survey sheet: the enterprise's \
            profile, then one row per question, grouped by section, with its unit, what to enter \
            and when it applies. Only the yellow answer cells can be edited; choices and yes/no \
            questions are drop-downs, numbers are checked against the question's bounds, and a \
            multi-choice question has one 是/否 row per option.

            A hidden sheet records the indicator tree (id, version and hash) and the cell of \
            every answer, so `ronghe import` reads filled-in forms back and refuses a form made \
            for another tree.

            The tree is the file given with --indicators, or else the current tree of a \
            campaign in the database (--campaign NAME, which may be left out when the database \
            holds only one).
            """,
        arguments: [
            .option("indicators", valueName: "FILE", help: "The indicator tree (JSON) whose questions the form asks."),
            .option("campaign", valueName: "NAME", help: "Without --indicators: the campaign whose current tree the form asks."),
            .option("out", short: "o", valueName: "FILE", required: true, help: "Where to write the form; must end in .xlsx."),
            .option(
                "lang", allowedValues: Language.allCases.map(\.rawValue), default: Language.zh.rawValue,
                help: "The language of the form: zh (Chinese) or en (English)."),
            .flag("force", help: "Replace the output file if it already exists."),
        ],
        examples: [
            "ronghe template --indicators indicators/lianghua-default.json --out 2026年两化融合调查表.xlsx",
            "ronghe template --indicators indicators/lianghua-default.json --out survey-en.xlsx --lang en",
            "ronghe template --campaign 德州2026 --out 德州2026调查表.xlsx",
        ]
    )

    /// Where the indicator tree comes from.
    enum TreeSource: Equatable {
        /// A tree file.
        case file(String)
        /// The current tree of a campaign in the database; nil for the only campaign.
        case campaign(String?)
    }

    var source: TreeSource
    var out: String
    var language: Language
    var force: Bool

    init(_ arguments: ParsedArguments) throws {
        let campaign = try arguments.option("campaign", as: String.self)
        if let file = try arguments.option("indicators", as: String.self) {
            if campaign != nil { throw ValidationError("give `--indicators FILE` or `--campaign NAME`, not both") }
            source = .file(file)
        } else {
            source = .campaign(campaign)
        }
        out = try arguments.value("out")
        // The scanner has checked the word against the allowed values.
        language = Language(rawValue: try arguments.value("lang")) ?? .zh
        force = arguments.flag("force")
    }

    func validate() throws {
        guard out.lowercased().hasSuffix(".xlsx") else {
            throw ValidationError("`--out` must name an .xlsx file, got '\(out)'")
        }
    }

    func run(_ context: CommandContext) throws {
        let tree = try loadTree(context)
        let destination = context.url(forPath: out)
        let manager = FileManager.default
        if !force, manager.fileExists(atPath: destination.path) {
            context.printError("error: \(out) already exists; add --force to replace it")
            throw ExitCode.failure
        }
        // Write beside the destination, then move into place: a failed write leaves any old
        // file untouched, and no half-written form is ever seen under the real name.
        let temporary = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).\(UUID().uuidString).tmp")
        defer { try? manager.removeItem(at: temporary) }
        let marker = try SurveyFormWriter(tree: tree, language: language).write(to: temporary.path)
        if force {
            guard rename(temporary.path, destination.path) == 0 else {
                context.printError("error: cannot write \(out): \(String(cString: strerror(errno)))")
                throw ExitCode.failure
            }
        } else {
            do {
                try manager.moveItem(at: temporary, to: destination)
            } catch {
                context.printError("error: cannot write \(out): \((error as NSError).localizedDescription)")
                throw ExitCode.failure
            }
        }
        let questions = Set(marker.fields.filter { $0.kind != .profile }.map(\.key)).count
        context.print(
            "Wrote \(out): survey form (\(language.rawValue)) for indicator tree \(tree.id) \(tree.version), "
                + "\(questions) questions and \(ProfileField.surveyFields.count) profile fields.")
    }

    private func loadTree(_ context: CommandContext) throws -> IndicatorTree {
        switch source {
        case .file(let path):
            // Relative to the working directory, keeping the user's spelling for messages.
            let directory = URL(fileURLWithPath: context.workingDirectory.path, isDirectory: true)
            return try IndicatorTree.load(contentsOf: URL(fileURLWithPath: path, relativeTo: directory))
        case .campaign(let name):
            let store: CampaignStore
            do {
                store = try StoreAccess.open(context)
            } catch StoreError.databaseMissing {
                throw ValidationError("give the indicator tree with `--indicators FILE`, or a campaign's database with `--db PATH`")
            }
            let campaign = try StoreAccess.campaign(name, in: store)
            return try store.tree(of: campaign.tree)
        }
    }
}
