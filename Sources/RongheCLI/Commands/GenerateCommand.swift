import Foundation
import RongheKit

/// `ronghe generate`: writes synthetic, realistic survey files for demonstrations and benchmarks.
struct GenerateCommand: Command {
    static let configuration = CommandConfiguration(
        name: "generate",
        abstract: "Write synthetic, realistic survey files for demonstrations and benchmarks.",
        discussion: """
            Invents N enterprises of a city (Dezhou unless --region says otherwise) and writes \
            their surveys to FILE: a batch CSV file (.csv), a batch workbook (.xlsx) or Ronghe's \
            JSON (.json: an array, or a single object when N is 1). Credit codes are valid, \
            names read like real registrations, districts and industries follow the city, and \
            answers correlate with size, industry and a hidden digital maturity; a few firms \
            declare a size their figures contradict, leave most questions blank or meet a veto. \
            Every record passes validation against the tree it was made for.

            The same tree, seed and options give the same file, byte for byte, on any machine. \
            Without --indicators the default tree indicators/lianghua-default.json in the \
            working directory is used. An existing FILE is kept unless --force is given; the file \
            appears only once it is complete.
            """,
        arguments: [
            .option("count", valueName: "N", required: true, help: "How many enterprises to write (1 to 1,000,000)."),
            .option("seed", valueName: "S", required: true, help: "The seed, a whole number from 0; the same seed gives the same enterprises."),
            .option("out", valueName: "FILE", required: true, help: "The file to write: .csv, .xlsx or .json."),
            .option("indicators", valueName: "FILE", help: "The indicator tree whose questions are answered (default: indicators/lianghua-default.json)."),
            .option("encoding", allowedValues: ["utf8", "gb18030"], help: "For CSV: UTF-8 with a byte order mark (the default) or GB18030 as Chinese spreadsheet programs save it."),
            .option("title", valueName: "TEXT", help: "For CSV and XLSX: a title row above the header, as bureau summary sheets have."),
            .option("region", allowedValues: GeneratorRegion.all.map(\.id), default: GeneratorRegion.dezhou.id, help: "The city the enterprises are in."),
            .option("year", valueName: "YYYY", default: "2026", help: "The survey year every record reports."),
            .flag("force", help: "Overwrite FILE if it exists."),
        ],
        examples: [
            "ronghe generate --count 1000 --seed 7 --out demo.xlsx",
            "ronghe generate --count 200 --seed 3 --out batch.csv --encoding gb18030 --title 2026年申报汇总表",
            "ronghe generate --count 1 --seed 42 --out one.json --indicators indicators/ahp-example.json",
        ]
    )

    static let defaultTreePath = "indicators/lianghua-default.json"

    var count: Int
    var seed: Int
    var out: String
    var indicators: String?
    var encoding: String?
    var title: String?
    var region: GeneratorRegion
    var year: Int
    var force: Bool

    init(_ arguments: ParsedArguments) throws {
        count = try arguments.value("count", in: 1...1_000_000)
        seed = try arguments.value("seed", in: 0...)
        out = try arguments.value("out")
        indicators = try arguments.option("indicators")
        encoding = try arguments.option("encoding")
        title = try arguments.option("title")
        region = GeneratorRegion.named(try arguments.value("region")) ?? .dezhou
        year = try arguments.value("year", in: 2000...2100)
        force = arguments.flag("force")
    }

    var format: SurveyFormat? {
        switch (out as NSString).pathExtension.lowercased() {
        case "csv": return .csv
        case "json": return .json
        case "xlsx": return .xlsx
        default: return nil
        }
    }

    func validate() throws {
        guard let format else {
            throw ValidationError("`--out` must name a .csv, .xlsx or .json file, got '\(out)'")
        }
        if encoding != nil && format != .csv { throw ValidationError("`--encoding` applies to CSV files only") }
        if title != nil && format == .json { throw ValidationError("`--title` applies to CSV and XLSX files only") }
    }

    func run(_ context: CommandContext) throws {
        let treePath: String
        if let indicators {
            treePath = indicators
        } else if FileManager.default.fileExists(atPath: context.url(forPath: Self.defaultTreePath).path) {
            treePath = Self.defaultTreePath
        } else {
            throw ValidationError("no \(Self.defaultTreePath) in the working directory; name the tree with `--indicators FILE`")
        }
        let tree = try IndicatorsCheckCommand.load(treePath, context: context)
        let url = context.url(forPath: out)
        let folder = url.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw GenerateError("cannot write \(out): its folder does not exist")
        }
        if FileManager.default.fileExists(atPath: url.path) && !force {
            throw GenerateError("\(out) already exists; pass --force to overwrite it")
        }

        // Written beside the target and renamed when complete, so FILE is never half written.
        let partial = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).partial")
        defer { try? FileManager.default.removeItem(at: partial) }
        let csvEncoding: CSVEncoding = encoding == "gb18030" ? .gb18030 : .utf8
        let writer: any SurveyRecordWriter
        let description: String
        switch format! {
        case .csv:
            writer = try SurveyCSVWriter(url: partial, tree: tree, options: SurveyCSVWriter.Options(encoding: csvEncoding, title: title))
            description = csvEncoding == .utf8 ? "CSV, UTF-8 with a byte order mark" : "CSV, GB18030"
        case .xlsx:
            // Stamped 1 January of the survey year rather than now, so the same seed gives the same bytes.
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            let created = calendar.date(from: DateComponents(year: year, month: 1, day: 1))
            writer = try SurveyXLSXWriter(url: partial, tree: tree, options: SurveyXLSXWriter.Options(title: title, created: created))
            description = "XLSX batch sheet"
        case .json, .form:
            writer = try SurveyJSONWriter(url: partial, tree: tree, layout: count == 1 ? .single : .array)
            description = count == 1 ? "JSON, one enterprise" : "JSON array"
        }
        let progress = Progress("Generating surveys", total: count, context: context)
        let generator = SurveyGenerator(tree: tree, seed: UInt64(seed), options: SurveyGenerator.Options(region: region, year: year))
        for response in generator.prefix(count) {
            try writer.write(response)
            progress.update(completed: writer.count)
        }
        try writer.close()
        progress.finish()
        guard rename(partial.path, url.path) == 0 else {
            throw GenerateError("cannot write \(out): \(String(cString: strerror(errno)))")
        }
        context.print(
            "wrote \(count) \(count == 1 ? "enterprise" : "enterprises") to \(out) (\(description); tree \(tree.id) \(tree.version), "
                + "seed \(seed), \(region.name.text(.en)) \(year))")
    }
}

/// A failure of `ronghe generate` that is not a usage error: exit status 1.
struct GenerateError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
