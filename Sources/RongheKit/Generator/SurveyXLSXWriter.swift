import Foundation

/// Writes survey responses as a batch workbook: one sheet, an optional title row, a header row
/// of Chinese field names and `id label` question headers, then one enterprise per row.
///
/// The credit code, district and industry are text cells (a credit code stored as a number
/// loses digits); figures are number cells; percentages are numbers, or for some rows cells
/// formatted as a percentage, as people enter them; choices are their Chinese labels, yes/no is
/// 是/否. The workbook is written in libxlsxwriter's constant-memory mode: each row goes to disk
/// as soon as the next begins, so 100,000 rows take no more memory than a few. The file itself
/// is written by ``close()``.
public final class SurveyXLSXWriter: SurveyRecordWriter {
    /// How the sheet is laid out.
    public struct Options: Sendable, Equatable {
        public var sheetName: String
        /// A title row above the header, e.g. 德州市2026年两化融合评估申报汇总表.
        public var title: String?
        /// How figures are typed.
        public var typing: SurveyTyping
        /// The creation time stamped in the workbook's properties; nil for the time of writing.
        /// A fixed time makes the same content give the same bytes.
        public var created: Date?

        public init(sheetName: String = "企业填报数据", title: String? = nil, typing: SurveyTyping = .varied, created: Date? = nil) {
            self.sheetName = sheetName
            self.title = title
            self.typing = typing
            self.created = created
        }
    }

    public private(set) var count = 0
    private let book: XLSXWriter
    private let sheet: Worksheet
    private let layout: SurveyBatchLayout
    private let formatter: SurveyValueFormatter
    private let typing: SurveyTyping
    private var row: Int
    private static let header = CellStyle(isBold: true, fillColor: .lightGray, borders: .all(.thin), wrapsText: true)

    /// Starts the workbook that ``close()`` writes to `url`, and writes the title and header rows.
    public init(url: URL, tree: IndicatorTree, options: Options = Options()) throws {
        layout = SurveyBatchLayout(tree: tree)
        formatter = SurveyValueFormatter(tree: tree)
        typing = options.typing
        book = try XLSXWriter(path: url.path, options: XLSXWriter.Options(constantMemory: true))
        // Marked as synthetic, so a generated file is never taken for real submissions.
        try book.setProperties(XLSXWriter.DocumentProperties(
            title: options.title ?? "两化融合评估企业填报数据", comments: "合成数据（ronghe generate），非真实企业 / synthetic data, not real enterprises",
            created: options.created))
        sheet = try book.addWorksheet(named: options.sheetName)
        row = 0
        let profileColumns = ProfileField.surveyFields.count
        try sheet.setColumn(0, width: 22)
        try sheet.setColumn(1, width: 34)
        try sheet.setColumns(2...(profileColumns - 1), width: 12)
        if layout.headers.count > profileColumns {
            try sheet.setColumns(profileColumns...(layout.headers.count - 1), width: 16)
        }
        if let title = options.title {
            try sheet.write(title, row: row, column: 0, style: CellStyle(isBold: true, fontSize: 14))
            row += 1
        }
        try sheet.setRow(row, height: 45)
        for (column, text) in layout.headers.enumerated() {
            try sheet.write(text, row: row, column: column, style: Self.header)
        }
        row += 1
        try sheet.freezePanes(rows: row, columns: 2)
    }

    public func write(_ response: SurveyResponse) throws {
        let cells = layout.cells(response, formatter: formatter, style: typing.style(forRow: count))
        for (column, cell) in cells.enumerated() {
            switch cell {
            case .blank: continue
            case .text(let text): try sheet.write(text, row: row, column: column)
            case .number(let value): try sheet.write(value, row: row, column: column)
            case .percentage(let fraction):
                let shown = fraction * 100
                let format = shown == shown.rounded() ? "0%" : (shown * 10).rounded() == shown * 10 ? "0.0%" : "0.00%"
                try sheet.write(fraction, row: row, column: column, style: CellStyle(numberFormat: format))
            }
        }
        row += 1
        count += 1
    }

    public func close() throws {
        try book.close()
    }
}
