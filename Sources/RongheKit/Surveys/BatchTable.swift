/// The header of a batch table (a CSV file or a spreadsheet sheet with one enterprise per row):
/// which column holds which field.
///
/// The header is the first of the first ten rows in which at least two cells name profile
/// fields, so a title row above it (2026年两化融合评估申报汇总表) is skipped.
struct BatchTable {
    /// The key of each column as written in the header, or nil for a column that is not part of
    /// the survey.
    let columns: [String?]
    /// Header cells that name nothing in the survey, kept for a file-level warning.
    let unknownColumns: [String]

    static let headerSearchDepth = 10

    /// Reads a header row, or returns nil when the row does not look like one.
    init?(header cells: [String], mapper: FieldMapper) {
        var profileCount = 0
        var columns: [String?] = []
        var unknown: [String] = []
        for cell in cells {
            let key = cell.trimmingCharacters(in: .whitespacesAndNewlines)
            switch mapper.target(forKey: key) {
            case .profile:
                profileCount += 1
                columns.append(key)
            case .question:
                columns.append(key)
            case nil:
                columns.append(nil)
                if !key.isEmpty { unknown.append(key) }
            }
        }
        guard profileCount >= 2 else { return nil }
        self.columns = columns
        self.unknownColumns = unknown
    }

    /// A warning naming the header columns that are ignored.
    func unknownColumnsWarning(at location: FileLocation) -> SurveyIssue? {
        guard !unknownColumns.isEmpty else { return nil }
        let list = unknownColumns.map { "“\($0)”" }.joined(separator: "、")
        return SurveyIssue(.warning, at: location, LocalizedText(
            zh: "以下列不是本次调查的内容，已忽略：\(list)",
            en: "these columns are not part of this survey and were ignored: \(unknownColumns.map { "\"\($0)\"" }.joined(separator: ", "))"))
    }

    /// The error for a table with a header row and nothing below it: an empty template sent
    /// back, which must not pass for a submission.
    static func noRecords(at location: FileLocation) -> SurveyFileError {
        SurveyFileError(location, LocalizedText(
            zh: "表格只有表头，下面没有任何企业的数据；请每家企业填写一行后重新发送",
            en: "the table has a header row but no enterprise rows below it; fill in one row per enterprise and send it again"))
    }

    /// The error for a file in which no header row was found.
    static func noHeader(at location: FileLocation) -> SurveyFileError {
        SurveyFileError(location, LocalizedText(
            zh: "前\(headerSearchDepth)行中找不到表头（需含“统一社会信用代码”“企业名称”等列）",
            en: "no header row in the first \(headerSearchDepth) rows (it needs columns such as 统一社会信用代码 and 企业名称)"))
    }
}
