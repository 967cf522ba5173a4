import Foundation

/// The layouts Ronghe reads survey records from.
public enum SurveyFormat: String, Sendable, CaseIterable, Codable {
    /// Ronghe's JSON: one enterprise per file, or an array.
    case json
    /// A batch CSV file: a header row, then one enterprise per line.
    case csv
    /// A batch workbook: a sheet laid out like the CSV.
    case xlsx
    /// The survey form from `ronghe template`, filled in by one enterprise.
    case form
}

/// What reading a file found besides its records.
public struct SurveyFileSummary: Equatable, Sendable {
    public var format: SurveyFormat
    /// File-level warnings, such as ignored columns.
    public var warnings: [SurveyIssue]
}

/// Reads any supported survey file, choosing the reader by the file's name and content, and
/// streams its raw records.
public struct SurveyFileReader {
    public let tree: IndicatorTree
    public var xlsxLimits: XLSXLimits

    public init(tree: IndicatorTree, xlsxLimits: XLSXLimits = .default) {
        self.tree = tree
        self.xlsxLimits = xlsxLimits
    }

    /// The format a file will be read as: by extension for known ones, otherwise by its first bytes.
    public static func format(of url: URL) -> SurveyFormat {
        switch url.pathExtension.lowercased() {
        case "json": return .json
        case "csv", "txt", "tsv": return .csv
        case "xlsx", "xlsm", "xls", "et", "ods": return .xlsx
        default: break
        }
        guard let handle = try? FileHandle(forReadingFrom: url) else { return .csv }
        defer { try? handle.close() }
        let head = [UInt8]((try? handle.read(upToCount: 64)) ?? Data())
        if head.starts(with: [0x50, 0x4B]) || head.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { return .xlsx }
        let text = head.starts(with: [0xEF, 0xBB, 0xBF]) ? head.dropFirst(3) : head[...]
        if let first = text.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }), first == UInt8(ascii: "{") || first == UInt8(ascii: "[") {
            return .json
        }
        return .csv
    }

    /// Calls `body` with each raw record of the file at `url`; `file` names it in locations.
    /// Throws ``SurveyFileError`` when the file cannot be read as a whole.
    public func forEachRecord(at url: URL, file: String, _ body: (RawSurvey) throws -> Void) throws -> SurveyFileSummary {
        switch Self.format(of: url) {
        case .json:
            try NonTextFile.check(url, file: file, expecting: .json)
            let data: Data
            do {
                data = try Data(contentsOf: url)
            } catch {
                throw SurveyFileError(FileLocation(file: file), LocalizedText(
                    zh: "无法读取文件", en: "cannot read the file (\((error as NSError).localizedDescription))"))
            }
            try JSONSurveyReader().forEachRecord(in: data, file: file, body)
            return SurveyFileSummary(format: .json, warnings: [])
        case .csv:
            let warnings = try CSVSurveyReader(tree: tree).forEachRecord(in: url, file: file, body)
            return SurveyFileSummary(format: .csv, warnings: warnings)
        case .xlsx, .form:
            let workbook: XLSXReader
            do {
                workbook = try XLSXReader(path: url.path, limits: xlsxLimits)
            } catch let error as XLSXError {
                throw SurveyFileError(error, file: file)
            }
            do {
                if case .form(let filled) = try SurveyFormReader(tree: tree).read(workbook, file: file) {
                    var survey = filled.survey
                    survey.readIssues += filled.issues
                    try body(survey)
                    return SurveyFileSummary(format: .form, warnings: [])
                }
            } catch let error as XLSXError {
                throw SurveyFileError(error, file: file)
            }
            let warnings = try XLSXBatchReader(tree: tree).forEachRecord(in: workbook, file: file, body)
            return SurveyFileSummary(format: .xlsx, warnings: warnings)
        }
    }
}
