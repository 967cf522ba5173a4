import Foundation
import Testing

@testable import RongheKit

@Suite struct SurveyReaderTests {
    static let tree = try! IndicatorTree.load(contentsOf: Fixtures.defaultTreeURL)

    func records(_ url: URL, file: String = "f") throws -> (SurveyFileSummary, [RawSurvey]) {
        var records: [RawSurvey] = []
        let summary = try SurveyFileReader(tree: Self.tree).forEachRecord(at: url, file: file) { records.append($0) }
        return (summary, records)
    }

    func value(_ record: RawSurvey, _ key: String) -> RawValue? {
        record.fields.first { $0.key == key }?.value
    }

    // MARK: JSON

    @Test func jsonSingleObjectAndArray() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let one = directory.url.appendingPathComponent("one.json")
        try Data(#"{"enterprise": {"uscc": "91371402MA3C5LXK2W", "employees": 420}, "answers": {"A1.3": ["association"], "F1.2": null, "E2.2": true}}"#.utf8).write(to: one)
        let (summary, single) = try records(one, file: "one.json")
        #expect(summary.format == .json)
        #expect(single.count == 1)
        #expect(value(single[0], "uscc") == .text("91371402MA3C5LXK2W"))
        #expect(value(single[0], "A1.3") == .list([.text("association")]))
        #expect(value(single[0], "F1.2") == nil)
        #expect(single[0].fields.first { $0.key == "E2.2" }?.location.description == #"one.json:answers["E2.2"]"#)

        let many = directory.url.appendingPathComponent("many.json")
        try Data(#"[{"enterprise": {}, "answers": {"B1.1": 1}}, {"enterprise": {}, "answers": {"B1.1": 2}}]"#.utf8).write(to: many)
        let (_, two) = try records(many, file: "many.json")
        #expect(two.map(\.location.description) == ["many.json:[0]", "many.json:[1]"])
        #expect(two[1].fields[0].location.description == #"many.json:[1].answers["B1.1"]"#)
    }

    @Test(arguments: [
        (#"{"enterprise": {}, "answers": {"B1.1": 1},}"#, "bad.json:1: error: invalid JSON at column 43: expected a quoted key in the object"),
        (#"{"enterprise": {}}"#, #"bad.json:$: error: missing key "answers""#),
        (#"{"enterprise": {}, "answers": {}, "extra": 1}"#,
         #"bad.json:extra: error: unknown key "extra" (expected one of `answers`, `comment`, `enterprise`, `format`)"#),
        (#"{"enterprise": {}, "answers": {"C1.1": [1, 2]}}"#,
         #"bad.json:answers["C1.1"][0]: error: expected option codes or labels as strings, found a number"#),
        (#"{"format": "other/2", "enterprise": {}, "answers": {}}"#,
         #"bad.json:format: error: unknown survey format "other/2" (expected "ronghe-survey/1")"#),
    ])
    func jsonFileErrors(text: String, expected: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = directory.url.appendingPathComponent("bad.json")
        try Data(text.utf8).write(to: url)
        #expect(throws: SurveyFileError.self) { try records(url, file: "bad.json") }
        do {
            _ = try records(url, file: "bad.json")
        } catch {
            #expect("\(error)" == expected)
        }
    }

    @Test(arguments: [
        ("", "empty.json: error: the file is empty (it has no content at all); ask the sender to save the survey and send it again",
         "empty.json: 错误: 文件是空的（没有任何内容），请重新保存后发送"),
        (#"[{"enterprise": {}, "answers": {}}, 42]"#,
         #"empty.json:[1]: error: expected one enterprise's survey, an object with "enterprise" and "answers", found a number"#,
         "empty.json:[1]: 错误: 此处应为一家企业的填报内容（含enterprise和answers的对象），实际为数字"),
    ])
    func jsonThatHoldsNoSurvey(text: String, english: String, chinese: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = directory.url.appendingPathComponent("empty.json")
        try Data(text.utf8).write(to: url)
        do {
            _ = try records(url, file: "empty.json")
            Issue.record("read \(text)")
        } catch let error as SurveyFileError {
            #expect(error.issue.formatted(.en) == english)
            #expect(error.issue.formatted(.zh) == chinese)
        }
    }

    @Test func anEmptyJSONArrayHoldsNoSurvey() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = directory.url.appendingPathComponent("none.json")
        try Data("[ ]".utf8).write(to: url)
        #expect(throws: SurveyFileError(FileLocation(file: "none.json"), LocalizedText(
            zh: "JSON数组是空的，没有任何企业的填报内容", en: "the JSON array is empty: it holds no enterprise's survey"))) {
            try records(url, file: "none.json")
        }
    }

    // MARK: Files that are not text

    @Test(arguments: [
        ("a.csv", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], "a.csv: 错误: 这是Excel工作簿（.xlsx）或其他压缩文件，不是CSV文本文件；如果是工作簿，请把扩展名改为.xlsx"),
        ("a.json", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1],
         "a.json: 错误: 这是Excel 97-2003工作簿（.xls）或其他Office文件，不是JSON文本文件；请用Excel或WPS打开并另存为.xlsx"),
        ("a.json", Array("%PDF-1.4".utf8), "a.json: 错误: 这是PDF文件，不是JSON文件；请发送填报文件本身"),
        ("a.json", [0xFF, 0xFE, 0x7B, 0x00], "a.json: 错误: JSON文件是UTF-16编码（如记事本的“Unicode”）；请另存为UTF-8编码后发送"),
        ("a.csv", [0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08], "a.csv: 错误: 这不是文本文件（CSV），而是二进制数据；请发送CSV或.xlsx格式的填报文件"),
    ] as [(String, [UInt8], String)])
    func filesThatAreNotTextAreNamedForWhatTheyAre(name: String, bytes: [UInt8], chinese: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = directory.url.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        do {
            _ = try records(url, file: name)
            Issue.record("read \(name)")
        } catch let error as SurveyFileError {
            #expect(error.issue.formatted(.zh) == chinese)
        }
    }

    // MARK: CSV

    @Test func aHeaderWithoutRowsIsRefusedInBothLanguages() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = directory.url.appendingPathComponent("template.csv")
        try Data("德州市2026年申报汇总表\r\n统一社会信用代码,企业名称,所属区县\r\n\r\n".utf8).write(to: url)
        do {
            _ = try records(url, file: "template.csv")
            Issue.record("read a header without rows")
        } catch let error as SurveyFileError {
            #expect(error.issue.formatted(.en) == "template.csv:2: error: the table has a header row but no enterprise rows below it; "
                + "fill in one row per enterprise and send it again")
            #expect(error.issue.formatted(.zh) == "template.csv:2: 错误: 表格只有表头，下面没有任何企业的数据；请每家企业填写一行后重新发送")
        }
    }

    @Test func aNULInAValueRejectsTheRecordInBothLanguages() throws {
        let raw = RawSurvey(location: FileLocation(file: "n.csv", place: .line(2)), fields: [
            RawField(key: "企业名称", value: .text("德州\u{0}华兴"), location: FileLocation(file: "n.csv", place: .line(2))),
        ])
        let validation = SurveyValidator(tree: Self.tree, currentYear: 2026).validate(raw)
        #expect(validation.response == nil)
        let first = try #require(validation.issues.first)
        #expect(first.formatted(.zh) == "n.csv:2: 错误: 企业名称：内容中含有空字符（零字节），表格中不会有这样的字符，文件可能已损坏；请核对后重新发送")
    }

    @Test func anEmptyCSVFileIsCalledEmpty() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = directory.url.appendingPathComponent("empty.csv")
        try Data("\r\n\r\n".utf8).write(to: url)
        do {
            _ = try records(url, file: "empty.csv")
            Issue.record("read an empty file")
        } catch let error as SurveyFileError {
            #expect(error.issue.formatted(.en) == "empty.csv: error: the file is empty (it has no rows at all); ask the sender to save the table and send it again")
            #expect(error.issue.formatted(.zh) == "empty.csv: 错误: 文件是空的（没有任何内容），请重新保存后发送")
        }
    }

    @Test func gb18030BatchWithTitleRowAndChineseHeader() throws {
        let (summary, rows) = try records(Fixtures.url("surveys/batch-gb18030.csv"), file: "batch.csv")
        #expect(summary.format == .csv)
        #expect(summary.warnings == [])
        #expect(rows.count == 2)
        #expect(rows.map(\.location.description) == ["batch.csv:3", "batch.csv:4"])
        #expect(value(rows[0], "企业名称") == .text("德州华信化工有限公司"))
        #expect(value(rows[1], "企业名称") == .text("山东鲁北机械\"集团\""))
        let validator = SurveyValidator(tree: Self.tree, currentYear: 2026)
        let first = validator.validate(rows[0])
        #expect(first.response?.profile.revenue == 18600)
        #expect(first.response?.answers["E2.2"] == .yesNo(true))
        let second = validator.validate(rows[1])
        #expect(second.response?.answers["B1.1"] == .number(1200))
        #expect(second.response?.profile.size == .large)
    }

    @Test func utf8BatchWithByteOrderMark() throws {
        let (_, rows) = try records(Fixtures.url("surveys/batch-bom.csv"), file: "bom.csv")
        #expect(rows.count == 1)
        #expect(value(rows[0], "uscc") == .text("91110000100001503N"))
        let validation = SurveyValidator(tree: Self.tree, currentYear: 2026).validate(rows[0])
        #expect(validation.response?.answers["A2.3"] == .number(35))
        #expect(validation.response?.answers["C1.1"] == .choices(["finance", "sales"]))
    }

    @Test func csvWithoutHeaderAndWithUnknownColumns() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let noHeader = directory.url.appendingPathComponent("x.csv")
        try Data("a,b,c\n1,2,3\n".utf8).write(to: noHeader)
        do {
            _ = try records(noHeader, file: "x.csv")
            Issue.record("read a file without a header")
        } catch {
            #expect("\(error)" == "x.csv: error: no header row in the first 10 rows (it needs columns such as 统一社会信用代码 and 企业名称)")
        }
        let extra = directory.url.appendingPathComponent("y.csv")
        try Data("uscc,name,联系人,备注\n91110000100001503N,甲,张三,\n".utf8).write(to: extra)
        let (summary, rows) = try records(extra, file: "y.csv")
        #expect(summary.warnings.map { $0.formatted() } == [
            #"y.csv:1: warning: these columns are not part of this survey and were ignored: "联系人", "备注""#
        ])
        #expect(rows[0].fields.map(\.key) == ["uscc", "name"])
    }

    @Test func csvUnterminatedQuoteIsAFileError() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = directory.url.appendingPathComponent("q.csv")
        try Data("uscc,name\n91110000100001503N,\"unclosed\n".utf8).write(to: url)
        do {
            _ = try records(url, file: "q.csv")
            Issue.record("read an unterminated quote")
        } catch let error as SurveyFileError {
            #expect(error.issue.formatted(.en) == "q.csv:2: error: a quoted field opened on line 2 is never closed")
            #expect(error.issue.formatted(.zh) == "q.csv:2: 错误: 从这一行开始的引号没有结束；请检查该行的引号")
        }
    }

    // MARK: XLSX batch sheets, written with our own writer

    @Test func xlsxBatchSheetRoundTrip() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("batch.xlsx")
        let book = try XLSXWriter(path: path)
        let notes = try book.addWorksheet(named: "说明")
        try notes.write("请在“数据”表填写", row: 0, column: 0)
        let sheet = try book.addWorksheet(named: "数据")
        try sheet.write("汇总表", row: 0, column: 0)
        let header = ["统一社会信用代码", "企业名称", "所属区县", "所属行业", "企业规模", "填报年度", "A2.3", "E2.2", "B1.1",
                      "F0", "V1", "V2", "V3", "P1", "P2"]
        for (column, title) in header.enumerated() { try sheet.write(title, row: 1, column: column) }
        try sheet.write("91371402MA3C5LXK2W", row: 2, column: 0)
        try sheet.write("=德州华信", row: 2, column: 1)
        try sheet.write(371402, row: 2, column: 2)
        try sheet.write("C26", row: 2, column: 3)
        try sheet.write("中型", row: 2, column: 4)
        try sheet.write(2026, row: 2, column: 5)
        try sheet.write(0.35, row: 2, column: 6, style: CellStyle(numberFormat: "0%"))
        try sheet.write(true, row: 2, column: 7)
        try sheet.write(320.5, row: 2, column: 8)
        for column in 9...12 { try sheet.write("否", row: 2, column: column) }
        try sheet.write(12, row: 2, column: 13)
        try sheet.write(-3, row: 2, column: 14)
        try book.close()

        let (summary, rows) = try records(URL(fileURLWithPath: path), file: "batch.xlsx")
        #expect(summary.format == .xlsx)
        #expect(rows.count == 1)
        let row = rows[0]
        #expect(row.location.description == "batch.xlsx:数据!3")
        #expect(value(row, "企业名称") == .text("=德州华信"))
        #expect(value(row, "A2.3") == .percentNumber(0.35))
        #expect(row.fields.first { $0.key == "A2.3" }?.location.description == "batch.xlsx:数据!G3")
        let validation = SurveyValidator(tree: Self.tree, currentYear: 2026).validate(row)
        let response = try #require(validation.response)
        #expect(response.profile.district == "371402")
        #expect(response.profile.name == "=德州华信")
        #expect(response.answers["A2.3"] == .number(35))
        #expect(response.answers["E2.2"] == .yesNo(true))
        #expect(response.answers["B1.1"] == .number(320.5))
    }

    @Test func formatDetection() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        func detect(_ name: String, _ bytes: [UInt8]) throws -> SurveyFormat {
            let url = directory.url.appendingPathComponent(name)
            try Data(bytes).write(to: url)
            return SurveyFileReader.format(of: url)
        }
        #expect(try detect("a.JSON", []) == .json)
        #expect(try detect("a.xls", []) == .xlsx)
        #expect(try detect("a.et", []) == .xlsx)
        #expect(try detect("noext", Array("  {\"a\":1}".utf8)) == .json)
        #expect(try detect("noext2", [0xEF, 0xBB, 0xBF] + Array("[1]".utf8)) == .json)
        #expect(try detect("noext3", [0x50, 0x4B, 0x03, 0x04]) == .xlsx)
        #expect(try detect("noext4", Array("uscc,name\n".utf8)) == .csv)
    }

    @Test func legacyWorkbookGetsAnActionableMessageInBothLanguages() throws {
        do {
            _ = try records(Fixtures.url("xlsx/libreoffice-legacy.xls"), file: "old.xls")
            Issue.record("read a legacy workbook")
        } catch let error as SurveyFileError {
            #expect(error.issue.formatted(.en) == "old.xls: error: this is an Excel 97-2003 workbook (.xls); open it in Excel or WPS and save it as .xlsx")
            #expect(error.issue.formatted(.zh) == "old.xls: 错误: 这是Excel 97-2003格式（.xls）；请用Excel或WPS打开并另存为.xlsx")
        }
    }

    // MARK: Forms

    @Test func filledFormsAreReadAsForms() throws {
        for name in ["libreoffice-filled-zh.xlsx", "openpyxl-filled-en.xlsx", "libreoffice-resaved-en.xlsx"] {
            var outcomes: [(RawSurvey, SurveyValidation)] = []
            let tree = try IndicatorTree.load(contentsOf: Fixtures.url("forms/tree-2026.1-e33d5f3.json"))
            let summary = try SurveyIntake(tree: tree, currentYear: 2026)
                .process(Fixtures.url("forms/\(name)"), file: name) { outcomes.append(($0, $1)) }
            #expect(summary.format == .form, "\(name)")
            #expect(outcomes.count == 1, "\(name)")
            // The fill scripts typed =NA() into G1.2 to show how a failed formula is reported; the
            // English forms also leave every option of E1.2 blank, which that tree version required.
            let sheet = name.hasSuffix("zh.xlsx") ? "问卷" : "Survey"
            var expected = [
                "\(name):\(sheet)!E64: error: G1.2 Improvement of inventory turnover: the cell shows the spreadsheet error #N/A (a formula failed); type the value itself or leave it blank"
            ]
            if sheet == "Survey" {
                expected.append("\(name): error: E1.2 Online sales channels (choose all that apply): required, but left blank")
            }
            #expect(outcomes.first?.1.issues.map { $0.formatted() } == expected)
        }
    }

    @Test func aFormLibreOfficeFilledInImports() throws {
        // The current Chinese form typed into and saved by LibreOffice (fill_clean_with_libreoffice.py).
        var outcomes: [SurveyValidation] = []
        let summary = try SurveyIntake(tree: Self.tree, currentYear: 2026)
            .process(Fixtures.url("forms/libreoffice-filled-current-zh.xlsx"), file: "form.xlsx") { outcomes.append($1) }
        #expect(summary.format == .form)
        let validation = try #require(outcomes.first)
        #expect(validation.issues == [])
        let response = try #require(validation.response)
        // What the script typed: 91371402MA3C8K2X1T, 371402 into a text cell, 中型, 35% for A2.3,
        // 是 for finance, purchasing, inventory and planning of C1.1, 15 for G1.2.
        #expect(response.profile == EnterpriseProfile(
            uscc: "91371402MA3C8K2X1T", name: "德州融合智能装备有限公司", district: "371402", industry: "C34", size: .medium,
            employees: 420, revenue: 18500.5, year: 2025))
        #expect(response.answers["A2.3"] == .number(35))
        #expect(response.answers["B2.2"] == .number(60))
        #expect(response.answers["C1.1"] == .choices(["finance", "purchasing", "inventory", "planning"]))
        #expect(response.answers["A1.3"] == .choices(["association"]))
        #expect(response.answers["G1.2"] == .number(15))
        #expect(response.answers["P2"] == .number(-120))
        #expect(response.answers["F1.2"] == nil)
    }

    @Test func aFormForAnotherTreeIsRejectedWithTheReason() throws {
        // The same form checked against a tree whose version differs: the reader's issue makes the
        // record a rejection, with its answers still read.
        var other = try IndicatorTree.load(contentsOf: Fixtures.url("forms/tree-2026.1-e33d5f3.json"))
        other.version = "2027.1"
        other.hash = String(repeating: "0", count: 64)
        var outcomes: [SurveyValidation] = []
        _ = try SurveyIntake(tree: other, currentYear: 2026)
            .process(Fixtures.url("forms/openpyxl-filled-en.xlsx"), file: "form.xlsx") { outcomes.append($1) }
        let validation = try #require(outcomes.first)
        #expect(!validation.isAccepted)
        #expect(validation.errors.first?.formatted().hasPrefix(
            "form.xlsx: error: this form was made for indicator tree lianghua-default 2026.1") == true)
    }

    // MARK: Intake

    @Test func intakeRejectsASecondRecordOfTheSameEnterprise() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = directory.url.appendingPathComponent("dup.csv")
        try Data("""
            uscc,name,district,industry,size,year,V1,V2,V3,P1,P2,F0
            91110000100001503N,甲,110105,I65,small,2026,否,否,否,1,1,否
            91110000100001503N,甲二,110105,I65,small,2026,否,否,否,1,1,否

            """.utf8).write(to: url)
        var outcomes: [SurveyValidation] = []
        _ = try SurveyIntake(tree: Self.tree, currentYear: 2026).process(url, file: "dup.csv") { outcomes.append($1) }
        #expect(outcomes.map(\.isAccepted) == [true, false])
        #expect(outcomes[1].issues.map { $0.formatted() } == [
            "dup.csv:3: error: enterprise 91110000100001503N appears twice in this file; it first appears at dup.csv:2"
        ])
    }
}
