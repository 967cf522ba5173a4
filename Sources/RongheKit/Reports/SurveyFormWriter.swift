import Foundation

/// Writes the survey form (调查表) enterprises fill in for an indicator tree: an `.xlsx` workbook
/// with an instructions sheet, a protected survey sheet whose only editable cells are the yellow
/// answer cells, drop-down lists on a hidden sheet, and a hidden ``SurveyFormMarker`` that lets
/// ``SurveyFormReader`` read the filled-in form back.
///
/// ```swift
/// let tree = try IndicatorTree.load(contentsOf: URL(fileURLWithPath: "indicators/lianghua-default.json"))
/// let marker = try SurveyFormWriter(tree: tree).write(to: "forms/调查表.xlsx")
/// ```
///
/// The sheets, in tab order: `填报说明` / `Instructions`, `问卷` / `Survey`, then the hidden
/// `_lists` (one column per drop-down: its key in row 1, the labels below) and `_ronghe` (the
/// marker). Every sheet is protected without a password, so the layout cannot be broken by
/// accident but a bureau can still unprotect it.
///
/// Multi-choice questions cannot be drop-downs in Excel, so each option gets its own row with a
/// 是/否 drop-down; the reader assembles the answer from those cells.
public struct SurveyFormWriter: Sendable {
    /// The tree whose questions the form asks.
    public var tree: IndicatorTree
    /// The language of every text on the form, including the option labels in the drop-downs.
    public var language: Language
    /// Values written into the answer cells, such as last year's answers, by profile field
    /// (``ProfileField/rawValue``, e.g. `uscc`) or question id.
    ///
    /// Written as given: `.text`, `.number`, `.bool`, `.date`, and `.percentNumber` as a number
    /// formatted as a percentage. A multi-choice question takes a `.list` of option codes or
    /// labels (each option row then says 是 or 否), or `.text("不适用")` where allowed.
    /// ``prefill(from:)`` builds these from a validated response.
    public var prefill: [String: RawValue]
    /// The contact line printed on the instructions sheet; `nil` prints blanks to fill in by hand.
    public var contact: String?

    /// Creates a writer; nothing is written until ``write(to:)``.
    public init(tree: IndicatorTree, language: Language = .zh, prefill: [String: RawValue] = [:], contact: String? = nil) {
        self.tree = tree
        self.language = language
        self.prefill = prefill
        self.contact = contact
    }

    /// 是 / 否, or Yes / No: the yes-no answers the form's drop-downs offer.
    public static func yesNoLabel(_ flag: Bool, _ language: Language) -> String {
        switch language {
        case .zh: return flag ? "是" : "否"
        case .en: return flag ? "Yes" : "No"
        }
    }

    /// 不适用, or `Not applicable`: what the form offers where a question allows it.
    public static func notApplicableLabel(_ language: Language) -> String {
        language == .zh ? "不适用" : "Not applicable"
    }

    /// The marker the form will carry, without writing anything.
    public var marker: SurveyFormMarker {
        let text = SurveyFormText(language: language, tree: tree)
        return marker(layout: SurveyFormLayout(tree: tree, text: text), text: text)
    }

    private func marker(layout: SurveyFormLayout, text: SurveyFormText) -> SurveyFormMarker {
        SurveyFormMarker(
            treeID: tree.id, treeVersion: tree.version, treeHash: tree.hash, language: language,
            surveySheet: text.surveySheet, fields: layout.fields)
    }

    /// Writes the form to `path`, replacing any file there, and returns its marker.
    ///
    /// - Throws: ``SurveyFormError`` when a pre-filled value does not fit the form (nothing is
    ///   written then), ``XLSXWriterError`` when the file cannot be written.
    @discardableResult
    public func write(to path: String) throws -> SurveyFormMarker {
        let text = SurveyFormText(language: language, tree: tree)
        let layout = SurveyFormLayout(tree: tree, text: text)
        let marker = marker(layout: layout, text: text)
        let filled = try prefilledCells(layout: layout)

        let book = try XLSXWriter(path: path)
        try book.setProperties(XLSXWriter.DocumentProperties(
            title: text.title, subject: "\(tree.id) \(tree.version)", author: "Ronghe",
            keywords: "两化融合,调查表,\(tree.id)", comments: "\(SurveyFormMarker.formatName) layout \(marker.layout)"))
        let instructions = try book.addWorksheet(named: text.instructionsSheet)
        let survey = try book.addWorksheet(named: text.surveySheet)
        let lists = try book.addWorksheet(named: SurveyFormText.listsSheet)
        let markerSheet = try book.addWorksheet(named: SurveyFormMarker.sheetName)

        let styles = Styles(language: language)
        try writeInstructions(instructions, text: text, layout: layout, styles: styles)
        let listRanges = try writeLists(lists, layout: layout, text: text)
        try writeSurvey(survey, text: text, layout: layout, styles: styles, lists: listRanges, filled: filled)
        try writeMarker(markerSheet, marker: marker, text: text)
        try book.close()
        return marker
    }

    // MARK: - Styles

    /// The cell styles of the form; Chinese forms use 宋体, the font bureaus print in.
    struct Styles {
        let title: CellStyle
        let subtitle: CellStyle
        let header: CellStyle
        let section: CellStyle
        let id: CellStyle
        let label: CellStyle
        let optionLabel: CellStyle
        let small: CellStyle
        let centered: CellStyle
        let answer: CellStyle
        let textAnswer: CellStyle
        let noAnswer: CellStyle
        let signature: CellStyle
        let heading: CellStyle
        let paragraph: CellStyle
        let plain: CellStyle

        static let answerFill = XLSXColor(rgb: 0xFF_F2CC)
        static let headerFill = XLSXColor(rgb: 0xD9_E1F2)
        static let sectionFill = XLSXColor(rgb: 0xE2_EFDA)
        static let noAnswerFill = XLSXColor(rgb: 0xF2_F2F2)

        init(language: Language) {
            let font: String? = language == .zh ? "宋体" : nil
            let box = CellStyle.Borders.all(.thin, color: XLSXColor(rgb: 0x80_8080))
            title = CellStyle(isBold: true, fontName: font, fontSize: 16, horizontalAlignment: .center, verticalAlignment: .center)
            subtitle = CellStyle(fontName: font, fontSize: 10, fontColor: XLSXColor(rgb: 0x59_5959), horizontalAlignment: .center, verticalAlignment: .center)
            header = CellStyle(
                isBold: true, fontName: font, fillColor: Self.headerFill, borders: box, horizontalAlignment: .center,
                verticalAlignment: .center, wrapsText: true)
            section = CellStyle(isBold: true, fontName: font, fillColor: Self.sectionFill, borders: box, horizontalAlignment: .left, verticalAlignment: .center)
            id = CellStyle(fontName: font, borders: box, horizontalAlignment: .center, verticalAlignment: .center)
            label = CellStyle(fontName: font, borders: box, verticalAlignment: .center, wrapsText: true)
            optionLabel = CellStyle(fontName: font, borders: box, verticalAlignment: .center, wrapsText: true, indent: 2)
            small = CellStyle(fontName: font, fontSize: 10, borders: box, verticalAlignment: .center, wrapsText: true)
            centered = CellStyle(fontName: font, borders: box, horizontalAlignment: .center, verticalAlignment: .center, wrapsText: true)
            answer = CellStyle(
                fontName: font, fillColor: Self.answerFill, borders: box, verticalAlignment: .center, wrapsText: true,
                isLocked: false)
            var textAnswer = answer
            textAnswer.numberFormat = "@"
            self.textAnswer = textAnswer
            noAnswer = CellStyle(
                fontName: font, fontSize: 10, fontColor: XLSXColor(rgb: 0x80_8080), fillColor: Self.noAnswerFill, borders: box,
                horizontalAlignment: .center, verticalAlignment: .center, wrapsText: true)
            signature = CellStyle(fontName: font, verticalAlignment: .center)
            heading = CellStyle(isBold: true, fontName: font, fontSize: 12)
            paragraph = CellStyle(fontName: font, verticalAlignment: .top, wrapsText: true)
            plain = CellStyle(fontName: font)
        }
    }

    // MARK: - Instructions sheet

    private func writeInstructions(_ sheet: Worksheet, text: SurveyFormText, layout: SurveyFormLayout, styles: Styles) throws {
        var row = 0
        var title = styles.title
        title.horizontalAlignment = .left
        try sheet.write(text.title, row: row, column: 1, style: title)
        try sheet.setRow(row, height: 28)
        row += 1
        try sheet.write(text.treeLine, row: row, column: 1, style: styles.plain)
        row += 2
        try sheet.write(text.instructionsHeading, row: row, column: 1, style: styles.heading)
        row += 1
        var number = styles.paragraph
        number.horizontalAlignment = .right
        for (index, paragraph) in text.instructions.enumerated() {
            try sheet.write("\(index + 1).", row: row, column: 0, style: number)
            try sheet.write(paragraph, row: row, column: 1, style: styles.paragraph)
            try sheet.setRow(row, height: RowHeight.fitting(paragraph, width: Self.instructionsWidth, style: styles.paragraph))
            row += 1
        }
        row += 1
        try sheet.write(text.contentsHeading, row: row, column: 1, style: styles.heading)
        row += 1
        for section in layout.sections {
            try sheet.write(
                text.contentsLine(section.heading, count: section.itemCount, profile: section.isProfile), row: row,
                column: 1, style: styles.plain)
            row += 1
        }
        row += 1
        try sheet.write(text.contactHeading, row: row, column: 1, style: styles.heading)
        row += 1
        let contactLine = contact ?? text.contactPlaceholder
        try sheet.write(contactLine, row: row, column: 1, style: styles.paragraph)
        try sheet.setRow(row, height: RowHeight.fitting(contactLine, width: Self.instructionsWidth, style: styles.paragraph))

        try sheet.setColumn(0, width: 5)
        try sheet.setColumn(1, width: Self.instructionsWidth)
        try sheet.setGridlines(onScreen: false, inPrint: false)
        try sheet.setPageSetup(PageSetup(
            orientation: .portrait, paper: .a4, fitToPagesWide: 1, fitToPagesTall: 0,
            margins: PageSetup.Margins(left: 0.6, right: 0.6, top: 0.75, bottom: 0.75),
            header: text.pageHeader, footer: text.pageFooter, centersHorizontally: true))
        try sheet.protect()
    }

    /// The width of the instructions' text column, in character units: A4 portrait at about 90%.
    static let instructionsWidth = 84.0

    // MARK: - Drop-down lists

    /// The drop-down sources on the hidden `_lists` sheet: one column each, the key in row 1
    /// (`profile:size`, a question id, `options:yes-no`), the labels below. Returns the range
    /// of each list by key.
    private func writeLists(_ sheet: Worksheet, layout: SurveyFormLayout, text: SurveyFormText) throws -> [String: QualifiedRange] {
        var columns: [(key: String, labels: [String])] = [
            ("profile:size", SizeClass.allCases.map { $0.label.text(language) })
        ]
        var needsOptionList = false
        for line in layout.lines {
            guard case .question(let question) = line else { continue }
            let notApplicable = question.allowsNotApplicable ? [text.notApplicable] : []
            switch question.type {
            case .yesNo: columns.append((question.id, [text.yes, text.no] + notApplicable))
            case .choice: columns.append((question.id, question.options.map { $0.label.text(language) } + notApplicable))
            case .multiChoice: needsOptionList = true
            default: break
            }
        }
        if needsOptionList {
            columns.append((Self.optionListKey, [text.yes, text.no]))
        }
        var ranges: [String: QualifiedRange] = [:]
        for (column, list) in columns.enumerated() {
            try sheet.write(list.key, row: 0, column: column)
            for (offset, label) in list.labels.enumerated() {
                try sheet.write(label, row: offset + 1, column: column)
            }
            ranges[list.key] = sheet.reference(to: WorksheetRange(rows: 1...list.labels.count, column: column))
        }
        try sheet.protect()
        try sheet.hide()
        return ranges
    }

    static let optionListKey = "options:yes-no"

    // MARK: - Survey sheet

    /// The five locked texts of a table row (id, item, unit, what to enter, notes); nil for the
    /// rows that are not table rows.
    private func tableTexts(_ line: SurveyFormLayout.Line, text: SurveyFormText) -> [String]? {
        switch line {
        case .profile(let field):
            return ["", field.label.text(language), text.profileUnit(field), text.profileRequirement(field), field.hint?.text(language) ?? ""]
        case .question(let question):
            var label = question.label.text(language)
            if let help = question.help?.text(language) { label += "\n" + help }
            return [question.id, label, question.unit?.text(language) ?? "", text.requirement(question), text.notes(question)]
        case .option(_, let option):
            return ["", option.label.text(language), "", text.optionRequirement, ""]
        case .notApplicable:
            return ["", text.notApplicableOption, "", text.optionRequirement, ""]
        case .title, .treeLine, .columnHeaders, .section, .blank, .signature:
            return nil
        }
    }

    private func writeSurvey(
        _ sheet: Worksheet, text: SurveyFormText, layout: SurveyFormLayout, styles: Styles,
        lists: [String: QualifiedRange], filled: [CellReference: RawValue]
    ) throws {
        let lastColumn = SurveyFormLayout.columnCount - 1
        let answer = SurveyFormLayout.answerColumn
        let lockedColumns = [
            SurveyFormLayout.idColumn, SurveyFormLayout.labelColumn, SurveyFormLayout.unitColumn,
            SurveyFormLayout.requirementColumn, SurveyFormLayout.notesColumn,
        ]

        // Widths first: row heights depend on them.
        var fit = ColumnWidths()
        for (column, title) in text.columnHeaders.enumerated() { fit.note(title, column: column) }
        for line in layout.lines {
            guard let texts = tableTexts(line, text: text) else { continue }
            for (index, column) in lockedColumns.enumerated() { fit.note(texts[index], column: column) }
        }
        let widths = fit.fitted()
        for (column, width) in widths.enumerated() {
            try sheet.setColumn(column, width: width)
        }

        for (row, line) in layout.lines.enumerated() {
            if let texts = tableTexts(line, text: text) {
                var labelStyle = styles.label
                if case .option = line { labelStyle = styles.optionLabel }
                if case .notApplicable = line { labelStyle = styles.optionLabel }
                let columnStyles = [styles.id, labelStyle, styles.centered, styles.small, styles.small]
                var height = RowHeight.minimum
                for (index, column) in lockedColumns.enumerated() {
                    try sheet.write(texts[index], row: row, column: column, style: columnStyles[index])
                    height = max(height, RowHeight.fitting(texts[index], width: widths[column], style: columnStyles[index]))
                }
                if case .question(let question) = line, question.type == .text {
                    height = max(height, RowHeight.textAnswer)
                }
                try sheet.setRow(row, height: height)
            }
            switch line {
            case .title:
                try sheet.merge(WorksheetRange(row: row, columns: 0...lastColumn), text: text.title, style: styles.title)
                try sheet.setRow(row, height: 30)
            case .treeLine:
                try sheet.merge(
                    WorksheetRange(row: row, columns: 0...lastColumn), text: text.treeLine + "　" + text.surveyNote,
                    style: styles.subtitle)
                try sheet.setRow(row, height: 20)
            case .columnHeaders:
                for (column, title) in text.columnHeaders.enumerated() {
                    try sheet.write(title, row: row, column: column, style: styles.header)
                }
                try sheet.setRow(row, height: 22)
            case .section(let heading):
                try sheet.merge(WorksheetRange(row: row, columns: 0...lastColumn), text: heading, style: styles.section)
                try sheet.setRow(row, height: 20)
            case .profile(let field):
                let isText = [.uscc, .name, .district, .industry].contains(field)
                try writeAnswer(sheet, row: row, style: isText ? styles.textAnswer : styles.answer, filled: filled)
                if let validation = profileValidation(field, text: text, lists: lists) {
                    try sheet.addDataValidation(validation, to: WorksheetRange(row: row, column: answer))
                }
            case .question(let question):
                if question.type == .multiChoice {
                    try sheet.write(text.seeOptionsBelow, row: row, column: answer, style: styles.noAnswer)
                    continue
                }
                try writeAnswer(sheet, row: row, style: question.type == .text ? styles.textAnswer : styles.answer, filled: filled)
                if let validation = questionValidation(question, text: text, lists: lists) {
                    try sheet.addDataValidation(validation, to: WorksheetRange(row: row, column: answer))
                }
            case .option, .notApplicable:
                try writeAnswer(sheet, row: row, style: styles.answer, filled: filled)
                try sheet.addDataValidation(optionValidation(text: text, lists: lists), to: WorksheetRange(row: row, column: answer))
            case .blank:
                break
            case .signature:
                try sheet.merge(WorksheetRange(row: row, columns: 0...lastColumn), text: text.signatureLine, style: styles.signature)
                try sheet.setRow(row, height: 30)
            }
        }

        try sheet.setGridlines(onScreen: false, inPrint: false)
        try sheet.freezePanes(rows: SurveyFormLayout.headerRow + 1)
        try sheet.setPageSetup(PageSetup(
            orientation: .portrait, paper: .a4, fitToPagesWide: 1, fitToPagesTall: 0,
            repeatRows: SurveyFormLayout.headerRow...SurveyFormLayout.headerRow,
            margins: PageSetup.Margins(left: 0.4, right: 0.4, top: 0.75, bottom: 0.75),
            header: text.pageHeader, footer: text.pageFooter, centersHorizontally: true))
        try sheet.protect(.inputCellsOnly())
    }

    /// Writes the answer cell of `row`: blank and unlocked, or with its pre-filled value.
    private func writeAnswer(_ sheet: Worksheet, row: Int, style: CellStyle, filled: [CellReference: RawValue]) throws {
        let column = SurveyFormLayout.answerColumn
        let reference = CellReference(column: column + 1, row: row + 1)!
        guard let value = filled[reference] else {
            try sheet.writeBlank(row: row, column: column, style: style)
            return
        }
        switch value {
        case .text(let text):
            try sheet.write(text, row: row, column: column, style: style)
        case .number(let number):
            try sheet.write(number, row: row, column: column, style: style)
        case .percentNumber(let fraction):
            var percent = style
            let points = fraction * 100
            percent.numberFormat = abs(points - points.rounded()) < 1e-9 ? "0%" : "0.00%"
            try sheet.write(fraction, row: row, column: column, style: percent)
        case .bool(let flag):
            try sheet.write(flag, row: row, column: column, style: style)
        case .date(let year, let month, let day):
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            let date = calendar.date(from: DateComponents(year: year, month: month, day: day))!
            try sheet.write(date, timeZone: calendar.timeZone, row: row, column: column, style: style)
        case .list:
            // Lists are spread over option rows by prefilledCells(layout:); none reaches a cell.
            preconditionFailure("a list reached the answer cell \(reference)")
        }
    }

    // MARK: - Validation

    private func profileValidation(_ field: ProfileField, text: SurveyFormText, lists: [String: QualifiedRange]) -> DataValidation? {
        let rule: DataValidation.Rule
        switch field {
        case .uscc: rule = .textLength(.equalTo(18))
        case .district: rule = .textLength(.equalTo(6))
        case .size: rule = .list(lists["profile:size"]!)
        case .employees: rule = .wholeNumber(.greaterThanOrEqualTo(0))
        case .revenue: rule = .decimal(.greaterThanOrEqualTo(0))
        case .year: rule = .wholeNumber(.between(2000, 2100))
        case .name, .industry, .industrySection: return nil
        }
        return DataValidation(rule, errorTitle: text.errorTitle, errorMessage: text.profileValidationError(field))
    }

    private func questionValidation(_ question: Question, text: SurveyFormText, lists: [String: QualifiedRange]) -> DataValidation? {
        switch question.type {
        case .yesNo, .choice:
            return DataValidation(.list(lists[question.id]!), errorTitle: text.errorTitle, errorMessage: text.chooseFromList)
        case .number, .percent:
            return DataValidation(
                Self.numberRule(question), inputTitle: question.type == .percent ? Self.title(question.id) : nil,
                inputMessage: question.type == .percent ? text.percentHint(question) : nil,
                errorTitle: text.errorTitle, errorMessage: text.numberError(question),
                // Excel cannot allow a number range and one word; with 不适用 allowed, warn instead of refusing.
                errorStyle: question.allowsNotApplicable ? .warning : .stop)
        case .multiChoice, .text:
            return nil
        }
    }

    private func optionValidation(text: SurveyFormText, lists: [String: QualifiedRange]) -> DataValidation {
        DataValidation(.list(lists[Self.optionListKey]!), errorTitle: text.errorTitle, errorMessage: text.chooseFromList)
    }

    /// The number rule for a question's bounds; a percentage typed as `35%` is stored as 0.35 and
    /// still passes bounds given in points, so both ways of entering it are accepted.
    ///
    /// Whole-number rules need whole bounds: fractional ones are rounded inwards, and when that
    /// leaves no whole number between them the rule checks the bounds as decimals instead.
    static func numberRule(_ question: Question) -> DataValidation.Rule {
        if question.integer {
            let limit = 2_147_483_647.0
            let low = question.minimum.map { max(-limit, $0.rounded(.up)) }
            let high = question.maximum.map { min(limit, $0.rounded(.down)) }
            if low == nil || high == nil || low! <= high! {
                return .wholeNumber(criterion(low: low, high: high, unbounded: limit))
            }
        }
        return .decimal(criterion(low: question.minimum, high: question.maximum, unbounded: 1e15))
    }

    /// A prompt title Excel accepts: at most 32 UTF-16 units, cut with an ellipsis.
    static func title(_ text: String) -> String {
        guard text.utf16.count > DataValidation.maximumTitleLength else { return text }
        var cut = ""
        for character in text {
            if cut.utf16.count + character.utf16.count > DataValidation.maximumTitleLength - 1 { break }
            cut.append(character)
        }
        return cut + "…"
    }

    private static func criterion(low: Double?, high: Double?, unbounded: Double) -> DataValidation.Criterion {
        switch (low, high) {
        case let (low?, high?): return .between(low, high)
        case let (low?, nil): return .greaterThanOrEqualTo(low)
        case let (nil, high?): return .lessThanOrEqualTo(high)
        case (nil, nil): return .between(-unbounded, unbounded)
        }
    }

    // MARK: - Marker sheet

    private func writeMarker(_ sheet: Worksheet, marker: SurveyFormMarker, text: SurveyFormText) throws {
        for (row, cells) in marker.rows.enumerated() {
            for (column, value) in cells.enumerated() where !value.isEmpty {
                try sheet.write(value, row: row, column: column)
            }
        }
        try sheet.write(text.markerNote, row: 0, column: 5)
        try sheet.protect()
        try sheet.hide()
    }

    // MARK: - Pre-filled values

    /// The pre-filled values by answer cell, multi-choice lists spread over their option cells.
    func prefilledCells(layout: SurveyFormLayout) throws -> [CellReference: RawValue] {
        let text = SurveyFormText(language: language, tree: tree)
        var cells: [CellReference: RawValue] = [:]
        for (key, value) in prefill.sorted(by: { $0.key < $1.key }) {
            let fields = layout.fields.filter { $0.key == key }
            guard let first = fields.first else { throw SurveyFormError(.unknownField(key)) }
            guard let question = tree.question(key), question.type == .multiChoice else {
                if case .list = value { throw SurveyFormError(.listForSingleValue(field: key)) }
                cells[first.cell] = value
                continue
            }
            var chosen: Set<String> = []
            var notApplicable = false
            switch value {
            case .list(let items):
                for item in items {
                    guard case .text(let word) = item else {
                        throw SurveyFormError(.notAListOfOptions(question: key, value: value))
                    }
                    guard let option = question.options.first(where: {
                        $0.code == word || $0.label.zh == word || $0.label.en == word
                    }) else {
                        throw SurveyFormError(.unknownOption(question: key, value: word))
                    }
                    chosen.insert(option.code)
                }
            case .text(let word) where word == Self.notApplicableLabel(.zh) || word == Self.notApplicableLabel(.en):
                guard question.allowsNotApplicable else { throw SurveyFormError(.notApplicableNotAllowed(question: key)) }
                notApplicable = true
            default:
                throw SurveyFormError(.notAListOfOptions(question: key, value: value))
            }
            for field in fields {
                switch field.kind {
                case .option(let code): cells[field.cell] = .text(chosen.contains(code) ? text.yes : text.no)
                case .notApplicable: cells[field.cell] = .text(notApplicable ? text.yes : text.no)
                case .profile, .question: break
                }
            }
        }
        return cells
    }
}

/// The widest text seen in each column of the survey sheet, turned into widths within bounds
/// chosen for A4 portrait: wrapped columns stop growing where wrapping takes over.
private struct ColumnWidths {
    /// Per column: the narrowest and widest width, in Excel's character units.
    static let bounds: [(minimum: Double, maximum: Double)] = [(7, 9), (24, 34), (6, 10), (20, 26), (16, 18), (14, 24)]
    private var widest: [Int] = Array(repeating: 0, count: bounds.count)

    /// Counts the widest line of `text` in `column`; CJK characters count two units.
    mutating func note(_ text: String, column: Int) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let width = lines.map { ColumnWidth.displayWidth(of: String($0)) }.max() ?? 0
        widest[column] = max(widest[column], width)
    }

    func fitted() -> [Double] {
        zip(widest, Self.bounds).map { width, bounds in
            min(bounds.maximum, max(bounds.minimum, Double(width) + 2))
        }
    }
}

/// Row heights for wrapped text, in points, since neither libxlsxwriter nor LibreOffice sizes
/// rows to their wrapped content when a workbook is opened.
enum RowHeight {
    /// The height of a one-line table row.
    static let minimum = 18.0
    /// Room for three lines, for a free-text answer.
    static let textAnswer = 48.0

    /// The height that shows all of `text` wrapped in a column `width` units wide.
    ///
    /// Counts each paragraph's display width (CJK characters two units) against the column's
    /// width less its margins, scaled by the font size; a line is the font size × 1.3.
    static func fitting(_ text: String, width: Double, style: CellStyle) -> Double {
        let fontSize = style.fontSize ?? 11
        let usable = max(1, (width - 1.5 - Double(style.indent) * 2) * 11 / fontSize)
        var lines = 0
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let units = Double(ColumnWidth.displayWidth(of: String(paragraph)))
            // Latin text breaks at spaces, which leaves lines about a tenth short.
            let isLatin = paragraph.unicodeScalars.allSatisfy(\.isASCII)
            lines += max(1, Int((units / (isLatin ? usable * 0.88 : usable)).rounded(.up)))
        }
        return max(minimum, Double(lines) * fontSize * 1.3 + 4)
    }
}
