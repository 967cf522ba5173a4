import Foundation
import Testing

@testable import RongheKit

/// Filled-in forms read back: committed LibreOffice and openpyxl fixtures, forms pre-filled by
/// our own writer, forms for another tree, and damaged markers built part by part.
@Suite struct SurveyFormReaderTests {
    typealias Support = SurveyFormTestSupport

    static let file = "surveys/acme.xlsx"

    static func field(_ key: String, _ value: RawValue, _ cell: String, sheet: String = "问卷") -> RawField {
        RawField(key: key, value: value, location: FileLocation(file: file, place: .cell(sheet: sheet, reference: cell)))
    }

    /// The form read from `path`, or a recorded issue.
    static func read(_ path: String, tree: IndicatorTree? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws
        -> FilledSurveyForm?
    {
        let reading = try SurveyFormReader(tree: tree ?? Support.defaultTree()).read(contentsOf: path, file: file)
        guard case .form(let form) = reading else {
            Issue.record("not read as a survey form", sourceLocation: sourceLocation)
            return nil
        }
        return form
    }

    /// The tree the committed forms were made for, kept beside them so that later changes to the
    /// shipped default tree do not turn them into forms "made for another tree".
    static func fixtureTree() throws -> IndicatorTree {
        try IndicatorTree.load(contentsOf: Fixtures.url("forms/tree-2026.1-e33d5f3.json"))
    }

    static func formsFixture(_ name: String) -> String {
        Fixtures.url("forms/\(name)").path
    }

    // MARK: Committed fixtures

    @Test func readsTheFormLibreOfficeFilledIn() throws {
        let form = try #require(try Self.read(Self.formsFixture("libreoffice-filled-zh.xlsx"), tree: Self.fixtureTree()))
        #expect(form.issues == [])
        #expect(form.marker?.language == .zh)
        #expect(form.survey.location == FileLocation(file: Self.file))
        func f(_ key: String, _ value: RawValue, _ cell: String) -> RawField { Self.field(key, value, cell) }
        let expected: [RawField] = [
            f("uscc", .text("91371402MA3C8K2X1T"), "E5"),
            f("name", .text("德州融合智能装备有限公司"), "E6"),
            f("district", .text("371402"), "E7"),  // typed into a text cell: stays text
            f("industry", .text("C34"), "E8"),
            f("size", .text("中型"), "E9"),
            f("employees", .number(420), "E10"),
            f("revenue", .number(18500.5), "E11"),
            f("year", .number(2025), "E12"),
            f("A1.1", .text("总监级（中层以上）"), "E14"),
            f("A1.2", .text("分管副总经理"), "E15"),
            f("A1.3", .list([.text("association")]), "E17:E18"),
            f("A2.1", .text("有独立规划并列入预算"), "E19"),
            f("A2.2", .number(12), "E20"),
            f("A2.3", .percentNumber(0.35), "E21"),  // typed as 35%
            f("B1.1", .number(320.5), "E23"),
            f("B1.2", .number(12), "E24"),
            f("B2.1", .number(260), "E25"),
            f("B2.2", .percentNumber(0.6), "E26"),
            f("B2.3", .text("部分系统完成定级备案"), "E27"),
            f("C1.1", .list([.text("finance"), .text("purchasing"), .text("inventory"), .text("planning")]), "E30:E35"),
            f("C1.2a", .number(85), "E36"),
            f("C1.2b", .number(120), "E37"),
            f("C1.3", .text("业务财务一体化"), "E38"),
            f("C2.1", .text("三维CAD及PLM"), "E39"),
            f("C2.2", .number(55), "E40"),
            f("D1.1", .number(4), "E42"),
            f("D1.2", .text("部分业务统一"), "E43"),
            f("D2.1", .number(30), "E44"),
            f("D2.2", .text("部分业务上云"), "E45"),
            f("E1.1", .number(2300), "E47"),
            f("E1.2", .list([.text("platform")]), "E49:E51"),
            f("E2.1a", .number(1500), "E52"),
            f("E2.1b", .number(9800), "E53"),
            f("E2.2", .text("是"), "E54"),
            f("F0", .text("否"), "E56"),
            f("F1.1", .number(70), "E57"),
            // F1.2 was left blank.
            f("F1.3", .text("能耗监测"), "E59"),
            f("F2.1", .number(3.5), "E60"),
            f("F2.2", .text("否"), "E61"),
            f("G1.1", .number(8), "E63"),
            f("G1.2", .text("#N/A"), "E64"),  // =NA(): the error value, for the validator to report
            f("G2.1", .number(22), "E65"),
            f("G2.2", .text("正在贯彻GB/T 23001两化融合管理体系"), "E66"),
            f("V1", .text("否"), "E68"),
            f("V2", .text("否"), "E69"),
            f("V3", .text("否"), "E70"),
            f("P1", .number(860), "E71"),
            f("P2", .number(-120), "E72"),
            f("X1", .text("上线ERP与MES，实现业务财务一体化；建成能耗在线监测系统"), "E73"),
        ]
        #expect(form.survey.fields.count == expected.count)
        for (found, wanted) in zip(form.survey.fields, expected) {
            #expect(found == wanted)
        }
    }

    @Test func libreOfficeKeepsTheMarkerHiddenAndTheLockedCellsEmpty() throws {
        let path = Self.formsFixture("libreoffice-filled-zh.xlsx")
        let reader = try XLSXReader(path: path)
        #expect(reader.sheets.map(\.name) == ["填报说明", "问卷", "_lists", "_ronghe"])
        #expect(reader.sheets.map(\.state) == [.visible, .visible, .hidden, .hidden])
        // The fill script typed into E22, the locked heading row of section B; Calc refused it.
        let grid = try reader.grid(ofSheet: "问卷")
        #expect(grid[22, 1] == .string("三、B 基础建设"))
        #expect(grid[22, 5] == .empty)
    }

    /// The English form as `fill_with_openpyxl.py` fills it in.
    static var openpyxlAnswers: [RawField] {
        func f(_ key: String, _ value: RawValue, _ cell: String) -> RawField { Self.field(key, value, cell, sheet: "Survey") }
        return [
            f("uscc", .text("91411402MA9GTH5Q37"), "E5"),
            f("name", .text("Shangqiu Ronghe Food Co., Ltd."), "E6"),
            f("district", .text("411402"), "E7"),
            f("industry", .text("C13"), "E8"),
            f("size", .text("Small"), "E9"),
            f("employees", .number(85), "E10"),
            f("revenue", .number(4200), "E11"),
            f("year", .number(2025), "E12"),
            f("A1.1", .text("Head of the IT department"), "E14"),
            f("A1.2", .text("A department head"), "E15"),
            f("A1.3", .list([.text("training")]), "E17:E18"),  // FALSE and TRUE cells
            f("A2.1", .text("Part of the company's overall plan"), "E19"),
            f("A2.2", .number(2), "E20"),
            f("A2.3", .percentNumber(0.4), "E21"),
            f("B1.1", .number(45.8), "E23"),
            f("B1.2", .number(-5), "E24"),
            f("B2.1", .number(60), "E25"),
            f("B2.2", .number(25), "E26"),
            f("B2.3", .text("None"), "E27"),
            // "Yes", "yes " and "✓" are yes; "No" is no; two options blank.
            f("C1.1", .list([.text("finance"), .text("purchasing"), .text("inventory")]), "E30:E35"),
            f("C1.2a", .number(10), "E36"),
            f("C1.2b", .number(25), "E37"),
            f("C1.3", .text("Finance system only"), "E38"),
            f("C2.1", .text("2D CAD"), "E39"),
            f("C2.2", .number(20), "E40"),
            f("D1.1", .number(0), "E42"),
            f("D1.2", .text("None"), "E43"),
            f("D2.1", .number(0), "E44"),
            f("D2.2", .text("Some business on the cloud"), "E45"),
            f("E1.1", .number(120.5), "E47"),
            // E1.2: every option blank, so unanswered and left out.
            f("E2.1a", .number(300), "E52"),
            f("E2.1b", .number(2600), "E53"),
            f("E2.2", .text("No"), "E54"),
            f("F0", .text("Yes"), "E56"),
            f("F1.1", .number(50), "E57"),
            f("F1.2", .text("Yes"), "E58"),
            f("F1.3", .text("None"), "E59"),
            f("F2.1", .number(1.2), "E60"),
            f("F2.2", .text("No"), "E61"),
            f("G1.1", .number(5), "E63"),
            f("G1.2", .text("#N/A"), "E64"),
            f("G2.1", .number(10), "E65"),
            f("G2.2", .text("None"), "E66"),
            f("V1", .text("No"), "E68"),
            f("V2", .text("No"), "E69"),
            f("V3", .text("No"), "E70"),
            f("P1", .number(35), "E71"),
            f("P2", .number(12), "E72"),
        ]
    }

    /// Filled in by openpyxl; and the same file re-saved by LibreOffice (`soffice --convert-to`),
    /// which turns the booleans into `TRUE()`/`FALSE()` formulas and the error into a `#N/A`
    /// formula, keeping their values as cached results.
    @Test(arguments: ["openpyxl-filled-en.xlsx", "libreoffice-resaved-en.xlsx"])
    func readsTheFormOpenpyxlFilledIn(fixture: String) throws {
        let form = try #require(try Self.read(Self.formsFixture(fixture), tree: Self.fixtureTree()))
        #expect(form.issues == [])
        #expect(form.marker?.language == .en)
        #expect(form.marker?.surveySheet == "Survey")
        let expected = Self.openpyxlAnswers
        #expect(form.survey.fields.count == expected.count)
        for (found, wanted) in zip(form.survey.fields, expected) {
            #expect(found == wanted)
        }
    }

    // MARK: Round trip through our own writer

    @Test func prefilledValuesReadBackAtTheirCells() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let prefill: [String: RawValue] = [
            "uscc": .text("91371402MA3C8K2X1T"),
            "district": .text("371402"),
            "size": .text("中型"),
            "employees": .number(420),
            "year": .number(2025),
            "A1.1": .text("总监级（中层以上）"),
            "A1.3": .list([.text("training")]),
            "A2.3": .percentNumber(0.35),
            "B1.2": .percentNumber(0.125),
            "C1.1": .list([.text("hr"), .text("财务"), .text("Inventory")]),  // codes and labels, any order
            "E1.2": .list([]),
            "E2.2": .bool(true),
            "G1.1": .date(year: 2025, month: 3, day: 31),
            "P1": .number(-12.5),
            "X1": .text("第一行\n第二行"),
        ]
        let (path, _) = try Support.writeForm(in: directory, prefill: prefill)
        let form = try #require(try Self.read(path))
        #expect(form.issues == [])
        func f(_ key: String, _ value: RawValue, _ cell: String) -> RawField { Self.field(key, value, cell) }
        #expect(form.survey.fields == [
            f("uscc", .text("91371402MA3C8K2X1T"), "E5"),
            f("district", .text("371402"), "E7"),
            f("size", .text("中型"), "E9"),
            f("employees", .number(420), "E10"),
            f("year", .number(2025), "E12"),
            f("A1.1", .text("总监级（中层以上）"), "E14"),
            f("A1.3", .list([.text("training")]), "E17:E18"),
            f("A2.3", .percentNumber(0.35), "E21"),
            f("B1.2", .percentNumber(0.125), "E24"),
            f("C1.1", .list([.text("finance"), .text("inventory"), .text("hr")]), "E30:E35"),
            f("E1.2", .list([]), "E49:E51"),
            f("E2.2", .bool(true), "E54"),
            f("G1.1", .date(year: 2025, month: 3, day: 31), "E63"),
            f("P1", .number(-12.5), "E71"),
            f("X1", .text("第一行\n第二行"), "E73"),
        ])
        // What the enterprise sees in the option rows.
        let grid = try XLSXReader(path: path).grid(ofSheet: "问卷")
        #expect((30...35).map { grid[$0, 5] } == ["是", "否", "是", "否", "否", "是"].map(CellValue.string))
    }

    @Test func anEmptyFormHasNoAnswers() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (path, marker) = try Support.writeForm(in: directory, language: .en)
        let form = try #require(try Self.read(path))
        #expect(form == FilledSurveyForm(marker: marker, survey: RawSurvey(location: FileLocation(file: Self.file), fields: []), issues: []))
    }

    // MARK: Which tree

    @Test func aFormForAnotherTreeVersionIsAnError() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let old = try Support.defaultTree(version: "2025.1")
        let current = try Support.defaultTree()
        let path = directory.path("acme.xlsx")
        try SurveyFormWriter(tree: old, prefill: ["name": .text("德州融合智能装备有限公司")]).write(to: path)
        let form = try #require(try Self.read(path, tree: current))
        let oldHash = String(old.hash.prefix(12))
        let newHash = String(current.hash.prefix(12))
        #expect(oldHash != newHash)
        #expect(form.issues.map { $0.formatted(.en) } == [
            "surveys/acme.xlsx: error: this form was made for indicator tree lianghua-default 2025.1 (hash \(oldHash)), "
                + "but the campaign uses lianghua-default 2026.1 (hash \(newHash)); ask the enterprise to fill in the current form"
        ])
        #expect(form.issues.map { $0.formatted(.zh) } == [
            "surveys/acme.xlsx: 错误: 本调查表是按指标体系 lianghua-default 2025.1（哈希 \(oldHash)）制作的，"
                + "而本次评估使用 lianghua-default 2026.1（哈希 \(newHash)）；请企业重新下载并填写当前的调查表"
        ])
        #expect(form.hasErrors)
        // The answers are still read, for staff to look at.
        #expect(form.survey.fields == [Self.field("name", .text("德州融合智能装备有限公司"), "E6")])
        #expect(form.marker?.treeVersion == "2025.1")
    }

    @Test func aFormWhoseTreeChangedWithoutANewVersionIsAnError() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let current = try Support.defaultTree()
        var edited = current
        edited.hash = String(repeating: "0", count: 64)
        let path = directory.path("acme.xlsx")
        try SurveyFormWriter(tree: edited).write(to: path)
        let form = try #require(try Self.read(path, tree: current))
        #expect(form.issues.map { $0.formatted(.en) } == [
            "surveys/acme.xlsx: error: this form was made for indicator tree lianghua-default 2026.1 (hash 000000000000), "
                + "but the campaign uses lianghua-default 2026.1 (hash \(current.hash.prefix(12))); ask the enterprise to fill in the current form"
        ])
    }

    // MARK: Not a form

    @Test func aWorkbookWithoutTheMarkerIsNotAForm() throws {
        let reader = SurveyFormReader(tree: try Support.defaultTree())
        #expect(try reader.read(contentsOf: xlsxFixture("openpyxl-survey.xlsx")) == .notAForm)
        #expect(try reader.read(contentsOf: xlsxFixture("libreoffice-survey.xlsx")) == .notAForm)

        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("batch.xlsx")
        let book = try XLSXWriter(path: path)
        try book.addWorksheet(named: "问卷").write("统一社会信用代码", row: 0, column: 0)
        try book.addWorksheet(named: "ronghe").write("format", row: 0, column: 0)
        try book.close()
        #expect(try reader.read(contentsOf: path) == .notAForm)
    }

    @Test func aFileThatIsNoWorkbookStillThrows() throws {
        let reader = SurveyFormReader(tree: try Support.defaultTree())
        #expect(throws: XLSXError.self) { try reader.read(contentsOf: xlsxFixture("libreoffice-legacy.xls")) }
    }

    // MARK: Damaged markers

    /// A workbook with a survey sheet (answers at their cells) and a `_ronghe` sheet of these rows.
    static func damagedForm(
        marker rows: [[String]], answers: [String: String] = [:], extraSurveyRows: String = "", in directory: TemporaryDirectory
    ) throws -> String {
        var survey: [[String]] = Array(repeating: [], count: 80)
        for (reference, text) in answers {
            let cell = CellReference(reference)!
            var row = survey[cell.row - 1]
            row += Array(repeating: "", count: max(0, cell.column - row.count))
            row[cell.column - 1] = text
            survey[cell.row - 1] = row
        }
        let book = TestWorkbook(sheets: [
            ("问卷", Support.inlineRows(survey) + extraSurveyRows), ("_ronghe", Support.inlineRows(rows)),
        ])
        let path = directory.path("damaged-\(UUID().uuidString).xlsx")
        try book.write(to: path)
        return path
    }

    /// The default tree's marker rows, as the writer puts them on the sheet.
    static func markerRows(tree: IndicatorTree? = nil) throws -> [[String]] {
        try SurveyFormWriter(tree: tree ?? Support.defaultTree()).marker.rows
    }

    static let damageSuffix = "; the form is damaged, so ask the enterprise to fill in a fresh copy of the current form"

    @Test func aMarkerWithoutTheCellOfAQuestionIsAnError() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let rows = try Self.markerRows().filter { $0.first != "B1.1" }
        let form = try #require(try Self.read(Self.damagedForm(marker: rows, answers: ["E24": "12"], in: directory)))
        #expect(form.issues.map { $0.formatted(.en) } == [
            "surveys/acme.xlsx: error: the hidden sheet _ronghe has no answer cell for question B1.1" + Self.damageSuffix
        ])
        #expect(form.issues.map { $0.formatted(.zh) } == [
            "surveys/acme.xlsx: 错误: 隐藏工作表 _ronghe 缺少问题 B1.1 的填报单元格；调查表已损坏，请企业重新下载并填写当前的调查表"
        ])
        #expect(form.issues.first?.field == "B1.1")
        // The other answers are still there.
        #expect(form.survey.fields == [Self.field("B1.2", .text("12"), "E24")])
    }

    @Test func aMarkerWithoutAnOptionOrProfileCellIsAnError() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let rows = try Self.markerRows().filter { $0.first != "district" && !($0.first == "C1.1" && $0[2] == "hr") }
        let form = try #require(try Self.read(Self.damagedForm(marker: rows, in: directory)))
        #expect(form.issues.map { $0.formatted(.en) } == [
            "surveys/acme.xlsx: error: the hidden sheet _ronghe has no answer cell for the profile field district" + Self.damageSuffix,
            "surveys/acme.xlsx: error: the hidden sheet _ronghe has no answer cell for option “hr” of C1.1" + Self.damageSuffix,
        ])
    }

    @Test func aMarkerListingAQuestionTheTreeDoesNotHaveIsAnError() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let rows = try Self.markerRows() + [["Z9", "question", "", "E80"]]
        let form = try #require(try Self.read(Self.damagedForm(marker: rows, in: directory)))
        #expect(form.issues.map { $0.formatted(.en) } == [
            "surveys/acme.xlsx: error: the hidden sheet _ronghe lists question Z9, which indicator tree lianghua-default 2026.1 does not have"
                + Self.damageSuffix
        ])
    }

    /// A mutation of the default marker's rows, and the one issue it must give.
    struct Damage: Sendable, CustomStringConvertible {
        var description: String
        var change: @Sendable ([[String]]) -> [[String]]
        var message: String
    }

    static func replacing(_ key: String, column: Int, with value: String) -> @Sendable ([[String]]) -> [[String]] {
        { rows in rows.map { $0.first == key ? $0.enumerated().map { $0.offset == column ? value : $0.element } : $0 } }
    }

    static let damages: [Damage] = [
        Damage(
            description: "bad cell", change: replacing("B1.1", column: 3, with: "E2x"),
            message: "surveys/acme.xlsx:_ronghe!D25: error: the hidden sheet _ronghe gives “E2x” as the cell of question B1.1, which is not a cell reference"
                + damageSuffix),
        Damage(
            description: "unknown kind", change: replacing("B1.1", column: 1, with: "answer"),
            message: "surveys/acme.xlsx:_ronghe!B25: error: the hidden sheet _ronghe lists B1.1 with an unknown kind “answer”" + damageSuffix),
        Damage(
            description: "unknown profile field", change: replacing("district", column: 0, with: "county"),
            message: "surveys/acme.xlsx:_ronghe!A12: error: the hidden sheet _ronghe lists an unknown profile field “county”" + damageSuffix),
        Damage(
            description: "a cell listed twice", change: { $0 + [["B1.1", "question", "", "E23"]] },
            message: "surveys/acme.xlsx:_ronghe!A68: error: the hidden sheet _ronghe lists the cell of question B1.1 twice" + damageSuffix),
        Damage(
            description: "an option without its code", change: { rows in rows.map { $0.first == "C1.1" && $0[2] == "hr" ? ["C1.1", "option", "", "E35"] : $0 } },
            message: "surveys/acme.xlsx:_ronghe!C35: error: the hidden sheet _ronghe lists an option of C1.1 without its code" + damageSuffix),
        Damage(
            description: "no field table", change: { Array($0.prefix(7)) },
            message: "surveys/acme.xlsx: error: the hidden sheet _ronghe has no table of answer cells (the row starting with “key”)" + damageSuffix),
        Damage(
            description: "no tree hash", change: { $0.filter { $0.first != "treeHash" } },
            message: "surveys/acme.xlsx: error: the hidden sheet _ronghe has no “treeHash” entry" + damageSuffix),
        Damage(
            description: "another format", change: replacing("format", column: 1, with: "wps-form"),
            message: "surveys/acme.xlsx:_ronghe!B1: error: the hidden sheet _ronghe does not describe a Ronghe survey form (format “wps-form”)"
                + damageSuffix),
        Damage(
            description: "bad layout", change: replacing("layout", column: 1, with: "one"),
            message: "surveys/acme.xlsx:_ronghe!B2: error: the hidden sheet _ronghe gives the layout as “one”, which is not a layout number"
                + damageSuffix),
        Damage(
            description: "newer layout", change: replacing("layout", column: 1, with: "2"),
            message: "surveys/acme.xlsx:_ronghe!B2: error: this form has layout 2, made by a newer version of Ronghe; "
                + "this version reads layouts up to 1, so update Ronghe to import it"),
        Damage(
            description: "unknown language", change: replacing("language", column: 1, with: "fr"),
            message: "surveys/acme.xlsx:_ronghe!B6: error: the hidden sheet _ronghe gives the language as “fr”, which is neither zh nor en"
                + damageSuffix),
        Damage(
            description: "no survey sheet", change: replacing("sheet", column: 1, with: "调查表"),
            message: "surveys/acme.xlsx: error: the survey sheet “调查表” named by the hidden sheet _ronghe is missing" + damageSuffix),
    ]

    @Test(arguments: damages)
    func aDamagedMarkerIsAClearError(damage: Damage) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let rows = damage.change(try Self.markerRows())
        let form = try #require(try Self.read(Self.damagedForm(marker: rows, answers: ["E6": "德州融合"], in: directory)))
        #expect(form.issues.map { $0.formatted(.en) } == [damage.message])
        #expect(form.hasErrors)
    }

    @Test func theDamagedMarkerMessageInChinese() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let rows = Self.replacing("B1.1", column: 3, with: "E2x")(try Self.markerRows())
        let form = try #require(try Self.read(Self.damagedForm(marker: rows, in: directory)))
        #expect(form.issues.map { $0.formatted(.zh) } == [
            "surveys/acme.xlsx:_ronghe!D25: 错误: 隐藏工作表 _ronghe 中问题 B1.1 的单元格“E2x”不是单元格地址；调查表已损坏，请企业重新下载并填写当前的调查表"
        ])
        #expect(form.marker == nil)
        #expect(form.survey.fields == [])
    }

    @Test func aStrayCellFarAwayDoesNotStopTheForm() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // Past XLSXLimits' grid size if the sheet were loaded whole; only the answer cells are kept.
        let stray = #"<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>备注</t></is></c></row>"#
        let path = try Self.damagedForm(marker: try Self.markerRows(), answers: ["E6": "德州融合"], extraSurveyRows: stray, in: directory)
        let form = try #require(try Self.read(path))
        #expect(form.issues == [])
        #expect(form.survey.fields == [Self.field("name", .text("德州融合"), "E6")])
    }

    // MARK: Multi-choice option rows

    @Test func anOptionAnsweredWithSomethingElseIsAnErrorAtItsCell() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try Self.damagedForm(
            marker: try Self.markerRows(), answers: ["E30": "是", "E31": "有", "E32": "TRUE", "E33": "0"], in: directory)
        let form = try #require(try Self.read(path))
        #expect(form.issues.map { $0.formatted(.en) } == [
            "surveys/acme.xlsx:问卷!E31: error: expected 是 or 否 for “Purchasing” of C1.1, found \"有\""
        ])
        #expect(form.issues.map { $0.formatted(.zh) } == ["surveys/acme.xlsx:问卷!E31: 错误: C1.1 的“采购”一项应填“是”或“否”，实际填写“有”"])
        #expect(form.survey.fields == [Self.field("C1.1", .list([.text("finance"), .text("inventory")]), "E30:E35")])
    }

    /// The default tree with 不适用 allowed for the multi-choice E1.2 and the choice D2.2.
    static func treeAllowingNotApplicable() throws -> IndicatorTree {
        var text = try String(contentsOf: Fixtures.defaultTreeURL, encoding: .utf8)
        for id in ["E1.2", "D2.2"] {
            // Questions are listed first, indented by six spaces; tree nodes sit deeper.
            text = text.replacingOccurrences(
                of: "\n      \"id\": \"\(id)\",", with: "\n      \"id\": \"\(id)\", \"allowsNotApplicable\": true,")
        }
        let tree = try IndicatorTree.parse(Data(text.utf8), source: "na.json")
        precondition(tree.question("E1.2")!.allowsNotApplicable && tree.question("D2.2")!.allowsNotApplicable)
        return tree
    }

    @Test func theNotApplicableLineOfAMultiChoiceQuestion() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let tree = try Self.treeAllowingNotApplicable()
        let path = directory.path("na.xlsx")
        let marker = try SurveyFormWriter(tree: tree, prefill: ["E1.2": .text("不适用")]).write(to: path)
        #expect(marker.fields.contains(SurveyFormField(key: "E1.2", kind: .notApplicable, cell: CellReference("E52")!)))
        let form = try #require(try Self.read(path, tree: tree))
        #expect(form.issues == [])
        #expect(form.survey.fields == [Self.field("E1.2", .text("不适用"), "E52")])
        let grid = try XLSXReader(path: path).grid(ofSheet: "问卷")
        #expect(grid[52, 2] == .string("以上均不适用"))
        #expect((49...52).map { grid[$0, 5] } == ["否", "否", "否", "是"].map(CellValue.string))
        #expect(grid[48, 6] == .string("不适用的，可填“不适用”"))
        // A choice that allows 不适用 offers it in its drop-down.
        let lists = try XLSXReader(path: path).grid(ofSheet: "_lists")
        let column = try #require((1...lists.columnCount).first { lists[1, $0] == .string("D2.2") })
        #expect((2...5).map { lists[$0, column] } == ["未应用", "部分业务上云", "核心业务上云上平台", "不适用"].map(CellValue.string))
    }

    @Test func notApplicableAndAnOptionTogetherIsAnError() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let tree = try Self.treeAllowingNotApplicable()
        let path = try Self.damagedForm(marker: try Self.markerRows(tree: tree), answers: ["E50": "是", "E52": "是"], in: directory)
        let form = try #require(try Self.read(path, tree: tree))
        #expect(form.issues.map { $0.formatted(.en) } == [
            "surveys/acme.xlsx:问卷!E52: error: E1.2 says none of the options applies but also has options answered 是; choose one or the other"
        ])
        #expect(form.survey.fields == [Self.field("E1.2", .text("不适用"), "E52")])
    }
}
