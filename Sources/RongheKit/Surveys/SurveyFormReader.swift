import Foundation

/// Reads a survey form made by ``SurveyFormWriter`` and filled in by an enterprise, in Excel,
/// WPS, LibreOffice or anything else that keeps the hidden `_ronghe` sheet.
///
/// The reader finds every answer through the form's ``SurveyFormMarker`` and returns the values
/// as they are in the cells — no value conventions (是/否, option labels, 35 or 35%) are applied
/// here; the validator does that. What it does check is the form itself: that it was made for
/// the tree the campaign uses and that its marker is intact; problems become ``SurveyIssue``s.
///
/// ```swift
/// switch try SurveyFormReader(tree: tree).read(contentsOf: "surveys/acme.xlsx") {
/// case .notAForm: // try the batch-sheet layout instead
/// case .form(let form): // form.survey, form.issues
/// }
/// ```
public struct SurveyFormReader: Sendable {
    /// The tree the campaign uses; forms made for another tree (or version) are reported.
    public var tree: IndicatorTree

    /// Creates a reader expecting forms made for `tree`.
    public init(tree: IndicatorTree) {
        self.tree = tree
    }

    /// Opens the workbook at `path` and reads it; `file` names it in locations (default `path`).
    ///
    /// - Throws: ``XLSXError`` when the file is not a readable `.xlsx` workbook.
    public func read(contentsOf path: String, file: String? = nil, limits: XLSXLimits = .default) throws -> SurveyFormReading {
        try read(XLSXReader(path: path, limits: limits), file: file)
    }

    /// Reads an open workbook; `file` names it in locations (default the reader's path).
    ///
    /// Returns ``SurveyFormReading/notAForm`` when the workbook has no `_ronghe` sheet, so the
    /// caller can try another layout with the same reader.
    ///
    /// - Throws: ``XLSXError`` when a sheet cannot be read.
    public func read(_ workbook: XLSXReader, file: String? = nil) throws -> SurveyFormReading {
        guard let markerSheet = workbook.sheet(named: SurveyFormMarker.sheetName), markerSheet.kind == .worksheet else {
            return .notAForm
        }
        var session = Session(tree: tree, file: file ?? workbook.path, markerSheet: markerSheet.name)
        // Both sheets are streamed, keeping only what the marker needs: a stray cell far away,
        // which another program might write, costs nothing.
        var markerRows: [(number: Int, texts: [String])] = []
        try workbook.forEachRow(in: markerSheet) { row in
            markerRows.append((row.number, (1...4).map { Session.text(row[$0]) }))
        }
        guard let marker = session.parseMarker(markerRows) else {
            return .form(FilledSurveyForm(marker: nil, survey: session.emptySurvey, issues: session.issues))
        }
        session.checkTree(marker)
        guard let surveySheet = workbook.sheet(named: marker.surveySheet), surveySheet.kind == .worksheet else {
            session.damaged(at: nil, en: "the survey sheet “\(marker.surveySheet)” named by the hidden sheet _ronghe is missing",
                            zh: "隐藏工作表 _ronghe 所指的问卷工作表“\(marker.surveySheet)”不存在")
            return .form(FilledSurveyForm(marker: marker, survey: session.emptySurvey, issues: session.issues))
        }
        let wanted = Set(marker.fields.map(\.cell))
        var answers: [CellReference: CellValue] = [:]
        try workbook.forEachRow(in: surveySheet) { row in
            for cell in row.cells where wanted.contains(cell.reference) {
                answers[cell.reference] = cell.value
            }
        }
        let survey = session.collect(marker, sheet: surveySheet.name, answers: answers)
        return .form(FilledSurveyForm(marker: marker, survey: survey, issues: session.issues))
    }

    /// The words accepted as 是 and 否 in the option rows of a multi-choice question, compared
    /// case-insensitively: the drop-down's words in both languages, and what people type for a
    /// tick or a cross.
    static let yesWords: Set<String> = ["是", "yes", "y", "true", "1", "√", "✓", "✔"]
    static let noWords: Set<String> = ["否", "no", "n", "false", "0", "×", "✗", "✘"]
}

/// What ``SurveyFormReader`` found in a workbook.
public enum SurveyFormReading: Equatable, Sendable {
    /// The workbook has no `_ronghe` sheet: it is not a Ronghe survey form (perhaps a batch sheet).
    case notAForm
    /// A Ronghe survey form, with its answers and any problems with the form itself.
    case form(FilledSurveyForm)
}

/// A filled-in survey form as read: its marker, the raw answers and the problems found.
public struct FilledSurveyForm: Equatable, Sendable {
    /// The form's marker; `nil` when it is too damaged to use (then ``survey`` has no fields).
    public var marker: SurveyFormMarker?
    /// The answers: profile fields keyed by ``ProfileField/rawValue``, questions by id, each at
    /// its cell. Blank cells are left out.
    ///
    /// Values are as stored: `.text` (error cells such as `#N/A` too), `.number`,
    /// `.percentNumber` for a cell shown as a percentage, `.bool`, `.date`. A multi-choice
    /// question is `.list` of the codes of the options answered 是, located at the range of
    /// its option cells (`E30:E35`); `.list([])` when every answered option says 否. When its
    /// 不适用 line says 是, it is `.text` of that word at that cell instead.
    public var survey: RawSurvey
    /// Problems with the form: made for another tree, a damaged marker, an option answered
    /// with something other than 是/否. Errors mean the form cannot be accepted.
    public var issues: [SurveyIssue]

    /// Creates a read form.
    public init(marker: SurveyFormMarker?, survey: RawSurvey, issues: [SurveyIssue]) {
        self.marker = marker
        self.survey = survey
        self.issues = issues
    }

    /// Whether any issue is an error.
    public var hasErrors: Bool { issues.contains { $0.severity == .error } }
}

/// One read of one workbook: where it is, and the issues found so far.
private struct Session {
    let tree: IndicatorTree
    let file: String
    let markerSheet: String
    var issues: [SurveyIssue] = []

    init(tree: IndicatorTree, file: String, markerSheet: String) {
        self.tree = tree
        self.file = file
        self.markerSheet = markerSheet
    }

    var emptySurvey: RawSurvey { RawSurvey(location: FileLocation(file: file), fields: []) }

    func location(sheet: String, _ reference: String) -> FileLocation {
        FileLocation(file: file, place: .cell(sheet: sheet, reference: reference))
    }

    /// Records a problem with the marker that makes the form unusable.
    /// `cell` is on the marker sheet; `nil` blames the file as a whole.
    mutating func damaged(at cell: String?, field: String? = nil, en: String, zh: String) {
        let place = cell.map { location(sheet: markerSheet, $0) } ?? FileLocation(file: file)
        issues.append(SurveyIssue(
            .error, at: place, field: field,
            LocalizedText(
                zh: zh + "；调查表已损坏，请企业重新下载并填写当前的调查表",
                en: en + "; the form is damaged, so ask the enterprise to fill in a fresh copy of the current form")))
    }

    // MARK: The marker

    /// Parses the marker from its rows (the text of columns A to D of each row with a value);
    /// records an issue and returns nil when it cannot be used.
    mutating func parseMarker(_ rows: [(number: Int, texts: [String])]) -> SurveyFormMarker? {
        var header: [String: (value: String, row: Int)] = [:]
        let tableIndex = rows.firstIndex { $0.texts[0] == SurveyFormMarker.fieldTableTitles[0] }
        for (number, texts) in rows[..<(tableIndex ?? rows.endIndex)] where !texts[0].isEmpty && header[texts[0]] == nil {
            header[texts[0]] = (texts[1], number)
        }

        guard let format = header["format"], format.value == SurveyFormMarker.formatName else {
            let found = header["format"].map { " (format “\($0.value)”)" } ?? ""
            damaged(at: header["format"].map { "B\($0.row)" }, en: "the hidden sheet _ronghe does not describe a Ronghe survey form\(found)",
                    zh: "隐藏工作表 _ronghe 不是 Ronghe 调查表的标记\(found.isEmpty ? "" : "（format 为“\(header["format"]!.value)”）")")
            return nil
        }
        var values: [String: String] = [:]
        for key in SurveyFormMarker.headerKeys {
            guard let entry = header[key], !entry.value.isEmpty else {
                damaged(at: nil, en: "the hidden sheet _ronghe has no “\(key)” entry", zh: "隐藏工作表 _ronghe 缺少“\(key)”项")
                return nil
            }
            values[key] = entry.value
        }
        guard let layout = Int(values["layout"]!), layout >= 1 else {
            damaged(at: "B\(header["layout"]!.row)", en: "the hidden sheet _ronghe gives the layout as “\(values["layout"]!)”, which is not a layout number",
                    zh: "隐藏工作表 _ronghe 中的版式“\(values["layout"]!)”不是版式编号")
            return nil
        }
        guard layout <= SurveyFormMarker.currentLayout else {
            issues.append(SurveyIssue(
                .error, at: location(sheet: markerSheet, "B\(header["layout"]!.row)"),
                LocalizedText(
                    zh: "本调查表为第\(layout)版版式，由更新版本的 Ronghe 生成，本版本只能读取第\(SurveyFormMarker.currentLayout)版及以前的版式；请升级 Ronghe 后再导入",
                    en: "this form has layout \(layout), made by a newer version of Ronghe; this version reads layouts up to \(SurveyFormMarker.currentLayout), so update Ronghe to import it")))
            return nil
        }
        guard let language = Language(rawValue: values["language"]!) else {
            damaged(at: "B\(header["language"]!.row)", en: "the hidden sheet _ronghe gives the language as “\(values["language"]!)”, which is neither zh nor en",
                    zh: "隐藏工作表 _ronghe 中的语言“\(values["language"]!)”既不是 zh 也不是 en")
            return nil
        }

        guard let tableIndex else {
            damaged(at: nil, en: "the hidden sheet _ronghe has no table of answer cells (the row starting with “key”)",
                    zh: "隐藏工作表 _ronghe 缺少填报单元格表（以“key”开头的一行）")
            return nil
        }
        var fields: [SurveyFormField] = []
        var seen: Set<SurveyFormField.Kind.Entry> = []
        var usable = true
        for (row, texts) in rows[(tableIndex + 1)...] {
            let (key, kindName, option, cellText) = (texts[0], texts[1], texts[2], texts[3])
            if key.isEmpty && kindName.isEmpty && cellText.isEmpty { continue }
            let kind: SurveyFormField.Kind
            switch kindName {
            case "profile":
                guard ProfileField(rawValue: key).map(ProfileField.surveyFields.contains) == true else {
                    damaged(at: "A\(row)", field: key, en: "the hidden sheet _ronghe lists an unknown profile field “\(key)”",
                            zh: "隐藏工作表 _ronghe 列出了未知的基本情况项“\(key)”")
                    usable = false
                    continue
                }
                kind = .profile
            case "question": kind = .question
            case "option":
                guard !option.isEmpty else {
                    damaged(at: "C\(row)", field: key, en: "the hidden sheet _ronghe lists an option of \(key) without its code",
                            zh: "隐藏工作表 _ronghe 中\(key)的一个选项缺少代码")
                    usable = false
                    continue
                }
                kind = .option(option)
            case "notApplicable": kind = .notApplicable
            default:
                damaged(at: "B\(row)", field: key, en: "the hidden sheet _ronghe lists \(key) with an unknown kind “\(kindName)”",
                        zh: "隐藏工作表 _ronghe 中\(key)的类型“\(kindName)”无法识别")
                usable = false
                continue
            }
            guard !key.isEmpty else {
                damaged(at: "A\(row)", en: "the hidden sheet _ronghe lists a cell without a key", zh: "隐藏工作表 _ronghe 中有一行缺少编号")
                usable = false
                continue
            }
            guard let cell = CellReference(cellText) else {
                damaged(at: "D\(row)", field: key,
                        en: "the hidden sheet _ronghe gives “\(cellText)” as the cell of \(Self.describe(key, kind, language: .en)), which is not a cell reference",
                        zh: "隐藏工作表 _ronghe 中\(Self.describe(key, kind, language: .zh))的单元格“\(cellText)”不是单元格地址")
                usable = false
                continue
            }
            guard seen.insert(SurveyFormField.Kind.Entry(key: key, kind: kind)).inserted else {
                damaged(at: "A\(row)", field: key, en: "the hidden sheet _ronghe lists the cell of \(Self.describe(key, kind, language: .en)) twice",
                        zh: "隐藏工作表 _ronghe 重复列出了\(Self.describe(key, kind, language: .zh))的单元格")
                usable = false
                continue
            }
            fields.append(SurveyFormField(key: key, kind: kind, cell: cell))
        }
        guard usable else { return nil }
        return SurveyFormMarker(
            layout: layout, treeID: values["tree"]!, treeVersion: values["treeVersion"]!, treeHash: values["treeHash"]!,
            language: language, surveySheet: values["sheet"]!, fields: fields)
    }

    /// Reports a form made for another tree; for the right tree, checks that the marker has a
    /// cell for every profile field, question and option, and nothing else.
    mutating func checkTree(_ marker: SurveyFormMarker) {
        guard marker.treeID == tree.id, marker.treeVersion == tree.version, marker.treeHash == tree.hash else {
            let made = "\(marker.treeID) \(marker.treeVersion)"
            let used = "\(tree.id) \(tree.version)"
            let madeHash = String(marker.treeHash.prefix(12))
            let usedHash = String(tree.hash.prefix(12))
            issues.append(SurveyIssue(
                .error, at: FileLocation(file: file),
                LocalizedText(
                    zh: "本调查表是按指标体系 \(made)（哈希 \(madeHash)）制作的，而本次评估使用 \(used)（哈希 \(usedHash)）；请企业重新下载并填写当前的调查表",
                    en: "this form was made for indicator tree \(made) (hash \(madeHash)), but the campaign uses \(used) (hash \(usedHash)); ask the enterprise to fill in the current form")))
            return
        }
        let listed = Set(marker.fields.map { SurveyFormField.Kind.Entry(key: $0.key, kind: $0.kind) })
        var expected: [SurveyFormField.Kind.Entry] = ProfileField.surveyFields.map { .init(key: $0.rawValue, kind: .profile) }
        for question in tree.questions {
            if question.type == .multiChoice {
                expected += question.options.map { .init(key: question.id, kind: .option($0.code)) }
                if question.allowsNotApplicable { expected.append(.init(key: question.id, kind: .notApplicable)) }
            } else {
                expected.append(.init(key: question.id, kind: .question))
            }
        }
        for entry in expected where !listed.contains(entry) {
            damaged(at: nil, field: entry.key, en: "the hidden sheet _ronghe has no answer cell for \(Self.describe(entry.key, entry.kind, language: .en))",
                    zh: "隐藏工作表 _ronghe 缺少\(Self.describe(entry.key, entry.kind, language: .zh))的填报单元格")
        }
        let expectedSet = Set(expected)
        for field in marker.fields where !expectedSet.contains(.init(key: field.key, kind: field.kind)) {
            damaged(at: nil, field: field.key, en: "the hidden sheet _ronghe lists \(Self.describe(field.key, field.kind, language: .en)), which indicator tree \(tree.id) \(tree.version) does not have",
                    zh: "隐藏工作表 _ronghe 列出的\(Self.describe(field.key, field.kind, language: .zh))不在指标体系 \(tree.id) \(tree.version) 中")
        }
    }

    /// How a marker entry is named in messages: `question B1.1`, `option “finance” of C1.1`.
    static func describe(_ key: String, _ kind: SurveyFormField.Kind, language: Language) -> String {
        switch (kind, language) {
        case (.profile, .en): return "the profile field \(key)"
        case (.profile, .zh): return "基本情况项 \(key) "
        case (.question, .en): return "question \(key)"
        case (.question, .zh): return "问题 \(key) "
        case (.option(let code), .en): return "option “\(code)” of \(key)"
        case (.option(let code), .zh): return "问题 \(key) 的选项“\(code)”"
        case (.notApplicable, .en): return "the not-applicable line of \(key)"
        case (.notApplicable, .zh): return "问题 \(key) 的“不适用”行"
        }
    }

    // MARK: The answers

    /// The raw survey from the answer cells' values (absent cells are blank).
    mutating func collect(_ marker: SurveyFormMarker, sheet: String, answers: [CellReference: CellValue]) -> RawSurvey {
        var fields: [RawField] = []
        var choiceCells: [String: [SurveyFormField]] = [:]
        var choiceOrder: [(position: Int, key: String)] = []
        for field in marker.fields {
            switch field.kind {
            case .profile, .question:
                guard let value = answers[field.cell].flatMap(Self.rawValue) else { continue }
                fields.append(RawField(key: field.key, value: value, location: location(sheet: sheet, field.cell.description)))
            case .option, .notApplicable:
                if choiceCells[field.key] == nil { choiceOrder.append((fields.count, field.key)) }
                choiceCells[field.key, default: []].append(field)
            }
        }
        // Insert the assembled multi-choice answers where their first option cell came, last first
        // so earlier positions stay valid.
        for (position, key) in choiceOrder.reversed() {
            if let field = assemble(key, cells: choiceCells[key]!, marker: marker, sheet: sheet, answers: answers) {
                fields.insert(field, at: position)
            }
        }
        return RawSurvey(location: FileLocation(file: file), fields: fields)
    }

    /// The answer of a multi-choice question from its 是/否 option cells.
    mutating func assemble(
        _ key: String, cells: [SurveyFormField], marker: SurveyFormMarker, sheet: String, answers: [CellReference: CellValue]
    ) -> RawField? {
        let yes = SurveyFormWriter.yesNoLabel(true, marker.language)
        let no = SurveyFormWriter.yesNoLabel(false, marker.language)
        var chosen: [RawValue] = []
        var answered = false
        var notApplicableCell: CellReference?
        for field in cells {
            let value = answers[field.cell] ?? .empty
            guard let flag = Self.yesNo(value) else {
                if value.isEmpty || Self.text(value).isEmpty { continue }
                let label = optionLabel(key, field.kind, language: .zh)
                let labelEN = optionLabel(key, field.kind, language: .en)
                issues.append(SurveyIssue(
                    .error, at: location(sheet: sheet, field.cell.description), field: key,
                    LocalizedText(
                        zh: "\(key) 的“\(label)”一项应填“\(yes)”或“\(no)”，实际填写“\(value.description)”",
                        en: "expected \(yes) or \(no) for “\(labelEN)” of \(key), found \"\(value.description)\"")))
                answered = true
                continue
            }
            answered = true
            guard flag else { continue }
            switch field.kind {
            case .option(let code): chosen.append(.text(code))
            case .notApplicable: notApplicableCell = field.cell
            case .profile, .question: break
            }
        }
        guard answered else { return nil }
        if let cell = notApplicableCell {
            if !chosen.isEmpty {
                issues.append(SurveyIssue(
                    .error, at: location(sheet: sheet, cell.description), field: key,
                    LocalizedText(
                        zh: "\(key) 既选择了“以上均不适用”，又选择了具体选项；请只选其一",
                        en: "\(key) says none of the options applies but also has options answered \(yes); choose one or the other")))
            }
            return RawField(
                key: key, value: .text(SurveyFormWriter.notApplicableLabel(marker.language)),
                location: location(sheet: sheet, cell.description))
        }
        let optionCells = cells.filter { if case .option = $0.kind { return true } else { return false } }.map(\.cell)
        let first = optionCells.min() ?? cells[0].cell
        let last = optionCells.max() ?? cells[0].cell
        let range = first == last ? first.description : "\(first):\(last)"
        return RawField(key: key, value: .list(chosen), location: location(sheet: sheet, range))
    }

    /// The label of an option line for messages, from the expected tree when it has the option.
    func optionLabel(_ key: String, _ kind: SurveyFormField.Kind, language: Language) -> String {
        switch kind {
        case .option(let code):
            return tree.question(key)?.option(code)?.label.text(language) ?? code
        default:
            return language == .zh ? "以上均不适用" : "None of the above applies"
        }
    }

    // MARK: Cell values

    /// A marker cell as text: strings trimmed, numbers as Excel shows them, blanks empty.
    static func text(_ value: CellValue) -> String {
        value.description.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A cell as a raw value; nil for a blank cell.
    static func rawValue(_ value: CellValue) -> RawValue? {
        switch value {
        case .empty: return nil
        case .string(let text): return text.isEmpty ? nil : .text(text)
        case .number(let number): return .number(number)
        case .percentage(let fraction): return .percentNumber(fraction)
        case .boolean(let flag): return .bool(flag)
        case .date(let date): return .date(year: date.year, month: date.month, day: date.day)
        case .error(let code): return .text(code)
        }
    }

    /// 是 or 否 in an option cell; nil when blank or anything else.
    static func yesNo(_ value: CellValue) -> Bool? {
        switch value {
        case .boolean(let flag): return flag
        case .number(let number) where number == 1 || number == 0: return number == 1
        case .string(let text):
            let word = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            if SurveyFormReader.yesWords.contains(word) { return true }
            if SurveyFormReader.noWords.contains(word) { return false }
            return nil
        default: return nil
        }
    }
}

extension SurveyFormField.Kind {
    /// A marker entry without its cell, to compare what a marker lists with what a tree needs.
    struct Entry: Hashable {
        var key: String
        var kind: SurveyFormField.Kind
    }
}
