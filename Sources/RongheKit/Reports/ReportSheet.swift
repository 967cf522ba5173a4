import Foundation

/// A worksheet being filled from the top down, with the report's building blocks: titles,
/// sections, headers, key–value rows and notes.
///
/// Rows only ever advance, which is what constant-memory mode requires, so every sheet writer can
/// run in either mode unchanged.
final class ReportSheet {
    /// A cell's content.
    enum Value {
        case text(String)
        case number(Double)
        /// A number when there is one, else a dash (a node left out, no rank).
        case optionalNumber(Double?)
        case blank
    }

    let sheet: Worksheet
    let text: ReportText
    /// The next row to write.
    private(set) var row = 0

    init(_ sheet: Worksheet, text: ReportText) {
        self.sheet = sheet
        self.text = text
    }

    /// The sheet's name, for chart references.
    var name: String { sheet.name }

    /// Moves down `count` empty rows.
    func skip(_ count: Int = 1) {
        row += count
    }

    /// A title merged across `columns`, in large bold type.
    func title(_ title: String, columns: Int, height: Double = 30) throws {
        try merged(title, columns: columns, style: ReportStyles.title, height: height)
    }

    /// A band of text merged across `columns`, such as a group's title row in a table.
    func band(_ content: String, columns: Int, style: CellStyle, height: Double = 20) throws {
        try merged(content, columns: columns, style: style, height: height)
    }

    /// A small grey line under a title, merged across `columns`.
    func subtitle(_ line: String, columns: Int) throws {
        try merged(line, columns: columns, style: ReportStyles.subtitle, height: 18)
    }

    /// A section heading with a rule under it across `columns`.
    func section(_ heading: String, columns: Int) throws {
        try sheet.setRow(row, height: 22)
        try sheet.write(heading, row: row, column: 0, style: ReportStyles.section)
        for column in 1..<max(1, columns) { try sheet.writeBlank(row: row, column: column, style: ReportStyles.section) }
        row += 1
    }

    /// A header row of a table starting in `column`.
    func header(_ labels: [String], column: Int = 0, height: Double? = nil) throws {
        // Bold type is a little wider, hence the narrower column.
        let lines = labels.enumerated().map { Self.lineCount($1, width: columnWidth(column + $0) - 0.5) }.max() ?? 1
        try sheet.setRow(row, height: height ?? Self.height(lines: lines) + 4)
        for (offset, label) in labels.enumerated() {
            try sheet.write(label, row: row, column: column + offset, style: ReportStyles.header)
        }
        row += 1
    }

    /// A label and its value in the next row (label in `column`, value after it), the value
    /// optionally merged over `valueColumns` columns.
    func keyValue(_ label: String, _ value: Value, column: Int = 0, valueColumns: Int = 1, style: CellStyle = ReportStyles.text) throws {
        try sheet.write(label, row: row, column: column, style: ReportStyles.label)
        if style.wrapsText, case .text(let content) = value {
            let width = (0..<valueColumns).reduce(0) { $0 + columnWidth(column + 1 + $1) }
            let lines = Self.lineCount(content, width: width)
            if lines > 1 { try sheet.setRow(row, height: Self.height(lines: lines)) }
        }
        if valueColumns > 1, case .text(let content) = value {
            try sheet.merge(
                WorksheetRange(row: row, columns: (column + 1)...(column + valueColumns)), text: content, style: style)
        } else {
            try write(value, column: column + 1, style: style)
            for extra in 1..<max(1, valueColumns) { try sheet.writeBlank(row: row, column: column + 1 + extra, style: style) }
        }
        row += 1
    }

    /// One row of cells starting in `column`, each with its style, then moves down.
    ///
    /// Without an explicit `height`, a row whose wrapped text needs several lines is made tall
    /// enough for them: LibreOffice keeps imported rows at their stored height, so text would
    /// otherwise run over the next row.
    func cells(_ values: [(Value, CellStyle)], column: Int = 0, height: Double? = nil) throws {
        var lines = 1
        for (offset, (value, style)) in values.enumerated() {
            try write(value, column: column + offset, style: style)
            if height == nil, style.wrapsText, case .text(let content) = value {
                lines = max(lines, Self.lineCount(content, width: columnWidth(column + offset), fontSize: style.fontSize))
            }
        }
        if let height {
            try sheet.setRow(row, height: height)
        } else if lines > 1 {
            try sheet.setRow(row, height: Self.height(lines: lines))
        }
        row += 1
    }

    /// The width set for `column`, or Excel's default.
    func columnWidth(_ column: Int) -> Double {
        sheet.state.columnSettings[column]?.width ?? 8.43
    }

    /// The lines `content` wraps to in a column `width` characters wide (a CJK character counts
    /// two), with a margin for proportional fonts, and a larger one for text with spaces, which
    /// wraps only between words.
    static func lineCount(_ content: String, width: Double, fontSize: Double? = nil) -> Int {
        let usable = max(1, (width - 1) * 11 / (fontSize ?? 11))
        return content.split(separator: "\n", omittingEmptySubsequences: false).reduce(0) { total, line in
            let margin = line.contains(" ") ? 1.2 : 1.08
            return total + max(1, Int((Double(ColumnWidth.displayWidth(of: String(line))) * margin / usable).rounded(.up)))
        }
    }

    /// The row height in points for `lines` lines of 11-point text.
    static func height(lines: Int) -> Double {
        min(409, Double(lines) * 14.5 + 4)
    }

    /// A value in the current row.
    func write(_ value: Value, column: Int, style: CellStyle) throws {
        switch value {
        case .text(let content):
            try sheet.write(content, row: row, column: column, style: style)
        case .number(let number):
            try sheet.write(number, row: row, column: column, style: style)
        case .optionalNumber(let number):
            if let number {
                try sheet.write(number, row: row, column: column, style: style)
            } else {
                var dash = style
                dash.horizontalAlignment = .center
                try sheet.write("—", row: row, column: column, style: dash)
            }
        case .blank:
            try sheet.writeBlank(row: row, column: column, style: style)
        }
    }

    /// A paragraph merged across `columns` (whose widths, in characters, are `width`), its row
    /// tall enough for the wrapped text: spreadsheet programs do not grow merged rows themselves.
    func note(_ paragraph: String, columns: Int, width: Double, style: CellStyle = ReportStyles.note) throws {
        let lines = Self.lineCount(paragraph, width: width, fontSize: style.fontSize)
        try merged(paragraph, columns: columns, style: style, height: Self.height(lines: lines) * (style.fontSize ?? 11) / 11)
    }

    /// `content` merged across the first `columns` columns of the current row.
    private func merged(_ content: String, columns: Int, style: CellStyle, height: Double) throws {
        try sheet.setRow(row, height: min(409, height))
        if columns > 1 {
            try sheet.merge(WorksheetRange(row: row, columns: 0...(columns - 1)), text: content, style: style)
        } else {
            try sheet.write(content, row: row, column: 0, style: style)
        }
        row += 1
    }

    /// The header and footer every printed page of the report carries: the campaign and the
    /// sheet at the top, page numbers at the bottom.
    static func pageHeader(campaign: String, sheet: String) -> String {
        // `&` starts a code in headers, so the campaign's own ampersands are doubled; the whole
        // header must stay within Excel's 255 characters.
        let escaped = String(campaign.prefix(100)).replacingOccurrences(of: "&", with: "&&")
        return "&L" + escaped + "&R" + sheet
    }

    /// The footer with page numbers: `第 1 页，共 3 页` or `Page 1 of 3`.
    static func pageFooter(_ text: ReportText) -> String {
        text("&C第 &P 页，共 &N 页", "&CPage &P of &N")
    }
}
