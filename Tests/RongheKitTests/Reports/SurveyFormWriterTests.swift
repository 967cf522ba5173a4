import Foundation
import Testing

@testable import RongheKit

/// The default tree's form, read back with `XLSXReader` and from the package's XML.
@Suite struct SurveyFormWriterTests {
    typealias Support = SurveyFormTestSupport

    @Test(arguments: [
        (Language.zh, ["填报说明", "问卷", "_lists", "_ronghe"]),
        (Language.en, ["Instructions", "Survey", "_lists", "_ronghe"]),
    ])
    func sheetsInOrderWithListsAndMarkerHidden(language: Language, names: [String]) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (path, _) = try Support.writeForm(in: directory, language: language)
        let reader = try XLSXReader(path: path)
        #expect(reader.sheets.map(\.name) == names)
        #expect(reader.sheets.map(\.state) == [.visible, .visible, .hidden, .hidden])
        // The instructions open first; hidden sheets are never the active one.
        #expect(try Support.part(reader.workbookPart, of: path).contains("activeTab") == false)
    }

    @Test(arguments: [
        (Language.zh, [
            "统一社会信用代码", "企业名称", "所属区县（行政区划代码）", "所属行业（国民经济行业分类代码）", "企业规模",
            "从业人员（人）", "营业收入（万元）", "填报年度",
        ]),
        (Language.en, [
            "Unified social credit code", "Enterprise name", "District (GB/T 2260 code)", "Industry (GB/T 4754 code)",
            "Size class", "Employees (persons)", "Revenue (10k yuan)", "Survey year",
        ]),
    ])
    func profileBlockComesFirst(language: Language, labels: [String]) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (path, marker) = try Support.writeForm(in: directory, language: language)
        let grid = try XLSXReader(path: path).grid(ofSheet: marker.surveySheet)
        #expect(grid[4, 1] == .string(language == .zh ? "一、企业基本情况" : "1. Enterprise profile"))
        #expect((5...12).map { grid[$0, 2] } == labels.map(CellValue.string))
        #expect(grid[5, 6] == .string(language == .zh ? "18位，请以文本格式填写" : "18 characters, entered as text"))
        #expect(grid[9, 4] == .string(language == .zh ? "必填；从下拉列表中选择" : "Required; choose from the drop-down list"))
        let profileFields = marker.fields.filter { $0.kind == .profile }
        #expect(profileFields.map(\.key) == ["uscc", "name", "district", "industry", "size", "employees", "revenue", "year"])
        #expect(profileFields.map(\.cell.description) == ["E5", "E6", "E7", "E8", "E9", "E10", "E11", "E12"])
    }

    @Test(arguments: Language.allCases)
    func everyQuestionOnceInTreeOrder(language: Language) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (path, marker) = try Support.writeForm(in: directory, language: language)
        let tree = try Support.defaultTree()
        let grid = try XLSXReader(path: path).grid(ofSheet: marker.surveySheet)
        // Column A holds the question ids below the header row, and the merged section headings.
        let ids = (4...grid.rowCount).compactMap { row -> String? in
            guard case .string(let text) = grid[row, 1], grid[row, 2] != .empty else { return nil }
            return text
        }
        #expect(ids == tree.questions.map(\.id))
        #expect(ids.count == 42)
        #expect(Set(ids).count == ids.count)
    }

    @Test(arguments: [
        (Language.zh, [
            "一、企业基本情况", "二、A 组织保障与CIO体系", "三、B 基础建设", "四、C 单项应用（ERP）", "五、D 综合集成与协同",
            "六、E 电子商务", "七、F 信息技术节能减排", "八、G 效能效益", "九、V 资格条件",
        ]),
        (Language.en, [
            "1. Enterprise profile", "2. A Governance and CIO network", "3. B Infrastructure and investment",
            "4. C Core applications: ERP", "5. D Integration and collaboration", "6. E E-commerce", "7. F Energy-saving IT",
            "8. G Outcomes", "9. V Eligibility",
        ]),
    ])
    func sectionHeadingsNameTheTreesDimensions(language: Language, headings: [String]) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (path, marker) = try Support.writeForm(in: directory, language: language)
        let grid = try XLSXReader(path: path).grid(ofSheet: marker.surveySheet)
        let found = (4...grid.rowCount).compactMap { row -> String? in
            guard case .string(let text) = grid[row, 1], grid[row, 2] == .empty, row < grid.rowCount else { return nil }
            return text
        }
        #expect(found == headings)
    }

    @Test(arguments: Language.allCases)
    func dropDownListsAreTheOptionLabels(language: Language) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (path, _) = try Support.writeForm(in: directory, language: language)
        let tree = try Support.defaultTree()
        let grid = try XLSXReader(path: path).grid(ofSheet: "_lists")
        var lists: [String: [String]] = [:]
        var keys: [String] = []
        for column in 1...grid.columnCount {
            guard case .string(let key) = grid[1, column] else { continue }
            keys.append(key)
            lists[key] = (2...grid.rowCount).compactMap { row in
                if case .string(let label) = grid[row, column] { return label }
                return nil
            }
        }
        let listed = tree.questions.filter { $0.type == .choice || $0.type == .yesNo }
        #expect(keys == ["profile:size"] + listed.map(\.id) + ["options:yes-no"])
        let yesNo = language == .zh ? ["是", "否"] : ["Yes", "No"]
        for question in listed {
            // 不适用 closes the list where the question allows it (C2.1, for non-manufacturers).
            let notApplicable = question.allowsNotApplicable ? [language == .zh ? "不适用" : "Not applicable"] : []
            let expected = (question.type == .yesNo ? yesNo : question.options.map { $0.label.text(language) }) + notApplicable
            #expect(lists[question.id] == expected, "\(question.id)")
        }
        #expect(lists["profile:size"] == (language == .zh ? ["大型", "中型", "小型", "微型"] : ["Large", "Medium", "Small", "Micro"]))
        #expect(lists["options:yes-no"] == yesNo)
        // Spot checks written out by hand.
        if language == .zh {
            #expect(lists["A1.1"] == ["未设CIO或信息化负责人", "信息部门负责人", "总监级（中层以上）", "副总经理或董事会成员"])
            #expect(lists["F1.2"] == ["是", "否"])
        } else {
            #expect(lists["D1.2"] == ["None", "Partly unified", "Fully unified"])
        }
    }

    @Test func dropDownsValidateFromTheirColumnOfTheHiddenSheet() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (path, _) = try Support.writeForm(in: directory)
        let validations = Support.validations(inSheetXML: try Support.sheetXML("问卷", of: path))
        func validation(_ cell: String) -> SurveyFormTestSupport.Validation? {
            validations.first { $0.sqref == cell }
        }
        // _lists: A size, B A1.1, C A1.2, D A2.1, … , S the 是/否 of multi-choice options.
        #expect(validation("E9")?.formulas == ["'_lists'!$A$2:$A$5"])
        #expect(validation("E14") == .init(sqref: "E14", type: "list", formulas: ["'_lists'!$B$2:$B$5"], error: "请从下拉列表中选择。"))
        #expect(validation("E15")?.formulas == ["'_lists'!$C$2:$C$5"])
        #expect(validation("E19")?.formulas == ["'_lists'!$D$2:$D$4"])
        #expect(validation("E54")?.formulas == ["'_lists'!$J$2:$J$3"])  // E2.2, yes-no
        for optionCell in ["E17", "E18", "E30", "E35", "E49", "E51"] {
            #expect(validation(optionCell)?.formulas == ["'_lists'!$S$2:$S$3"], "\(optionCell)")
        }
        // Multi-choice heads and free text have no validation.
        #expect(validation("E16") == nil)
        #expect(validation("E73") == nil)
    }

    @Test func numberCellsValidateTheQuestionsBounds() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (path, _) = try Support.writeForm(in: directory)
        let validations = Support.validations(inSheetXML: try Support.sheetXML("问卷", of: path))
        func validation(_ cell: String) -> SurveyFormTestSupport.Validation? {
            validations.first { $0.sqref == cell }
        }
        #expect(validation("E5") == .init(
            sqref: "E5", type: "textLength", operatorName: "equal", formulas: ["18"], error: "统一社会信用代码应为18位，请检查后重新填写。"))
        #expect(validation("E12") == .init(
            sqref: "E12", type: "whole", formulas: ["2000", "2100"], error: "请填写2000至2100之间的4位年份。"))
        #expect(validation("E20") == .init(
            sqref: "E20", type: "whole", operatorName: "greaterThanOrEqual", formulas: ["0"], error: "请填写不小于0的整数。"))
        #expect(validation("E21") == .init(
            sqref: "E21", type: "decimal", formulas: ["0", "100"], error: "请填写0～100的数值。百分数可填35或35%。"))
        #expect(validation("E42") == .init(
            sqref: "E42", type: "whole", formulas: ["0", "15"], error: "请填写0～15的整数。"))
        #expect(validation("E71") == .init(
            sqref: "E71", type: "decimal", formulas: ["-1000000000000000", "1000000000000000"], error: "请填写数值。"))
        // The percent prompt shown when the cell is selected.
        #expect(try Support.sheetXML("问卷", of: path).contains(#"promptTitle="A2.3" prompt="填写百分数，如35或35%""#))
    }

    @Test func answerCellsAreWhereTheMarkerSays() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (path, marker) = try Support.writeForm(in: directory)
        let tree = try Support.defaultTree()
        let reader = try XLSXReader(path: path)

        let markerGrid = try reader.grid(ofSheet: "_ronghe")
        let head = (1...9).map { row in (1...4).map { markerGrid[row, $0].description } }
        #expect(head == [
            ["format", "ronghe-survey-form", "", ""], ["layout", "1", "", ""], ["tree", "lianghua-default", "", ""],
            ["treeVersion", "2026.1", "", ""], ["treeHash", tree.hash, "", ""], ["language", "zh", "", ""],
            ["sheet", "问卷", "", ""], ["", "", "", ""], ["key", "kind", "option", "cell"],
        ])
        let listed = (10...markerGrid.rowCount).map { row in (1...4).map { markerGrid[row, $0].description } }
        #expect(listed == marker.fields.map { [$0.key, $0.kind.name, $0.kind.optionCode ?? "", $0.cell.description] })
        #expect(listed.first == ["uscc", "profile", "", "E5"])
        #expect(listed.contains(["A1.1", "question", "", "E14"]))
        #expect(listed.contains(["C1.1", "option", "finance", "E30"]))
        #expect(listed.last == ["X1", "question", "", "E73"])
        // 8 profile fields, 39 one-cell questions, 2 + 6 + 3 options of the three multi-choice questions.
        #expect(marker.fields.count == 8 + 39 + 11)

        // Each listed cell is on the row of what it answers.
        let survey = try reader.grid(ofSheet: "问卷")
        for field in marker.fields {
            #expect(field.cell.column == 5)
            let row = field.cell.row
            switch field.kind {
            case .profile: #expect(survey[row, 2] == .string(ProfileField(rawValue: field.key)!.label.zh), "\(field.key)")
            case .question: #expect(survey[row, 1] == .string(field.key))
            case .option(let code):
                #expect(survey[row, 2] == .string(tree.question(field.key)!.option(code)!.label.zh), "\(field.key) \(code)")
            case .notApplicable: Issue.record("the default tree has no 不适用 lines")
            }
        }
        #expect(survey[16, 1] == .string("A1.3"))
        #expect(survey[16, 5] == .string("见下方各选项"))
    }

    @Test func answerCellsAreTheOnlyUnlockedCells() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (path, marker) = try Support.writeForm(in: directory)
        let sheet = try Support.sheetXML("问卷", of: path)
        let formats = Support.cellFormats(inStylesXML: try Support.part("xl/styles.xml", of: path))
        func format(_ cell: String) -> String {
            guard let index = Support.styleIndex(of: cell, inSheetXML: sheet), index < formats.count else { return "none" }
            return formats[index]
        }
        let answerCells = Set(marker.fields.map(\.cell.description))
        for row in 4...75 {
            for column in ["A", "B", "C", "D", "E", "F"] {
                let cell = "\(column)\(row)"
                guard Support.styleIndex(of: cell, inSheetXML: sheet) != nil else { continue }
                #expect(format(cell).contains(#"locked="0""#) == answerCells.contains(cell), "\(cell)")
            }
        }
        // Codes stay text: their cells have the number format "@" (libxlsxwriter declares it as a
        // custom format rather than using built-in 49; Excel and LibreOffice read both as Text).
        let styles = try Support.part("xl/styles.xml", of: path)
        let textFormatID = try #require(styles.firstMatch(of: /<numFmt numFmtId="(\d+)" formatCode="@"\/>/)).output.1
        for cell in ["E5", "E6", "E7", "E8", "E73"] {
            #expect(format(cell).contains("numFmtId=\"\(textFormatID)\""), "\(cell)")
        }
        #expect(!format("E10").contains("numFmtId=\"\(textFormatID)\""))
        // Protected, and only unlocked cells can be selected.
        #expect(sheet.contains(#"<sheetProtection sheet="1" objects="1" scenarios="1" selectLockedCells="1"/>"#))
        for hidden in ["_lists", "_ronghe", "填报说明"] {
            #expect(try Support.sheetXML(hidden, of: path).contains("<sheetProtection sheet=\"1\""), "\(hidden)")
        }
    }

    @Test func printsOnA4PortraitOnePageWideWithTheHeaderRowRepeated() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (path, _) = try Support.writeForm(in: directory)
        let sheet = try Support.sheetXML("问卷", of: path)
        #expect(sheet.contains(#"<pageSetUpPr fitToPage="1"/>"#))
        #expect(sheet.contains(#"<pageSetup paperSize="9" fitToHeight="0" orientation="portrait"/>"#))
        #expect(sheet.contains("<oddHeader>&amp;C两化融合发展水平评估（默认指标体系）调查表</oddHeader>"))
        #expect(sheet.contains("<oddFooter>&amp;C第 &amp;P 页，共 &amp;N 页</oddFooter>"))
        let workbook = try Support.part("xl/workbook.xml", of: path)
        #expect(workbook.contains(#"<definedName name="_xlnm.Print_Titles" localSheetId="1">'问卷'!$3:$3</definedName>"#))
    }

    @Test func requirementsAndNotesInBothLanguages() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let zh = try XLSXReader(path: Support.writeForm(in: directory, language: .zh, name: "zh.xlsx").path).grid(ofSheet: "问卷")
        let en = try XLSXReader(path: Support.writeForm(in: directory, language: .en, name: "en.xlsx").path).grid(ofSheet: "Survey")
        // A1.1, a choice.
        #expect(zh[14, 4] == .string("选填；从下拉列表中选择一项：\n· 未设CIO或信息化负责人\n· 信息部门负责人\n· 总监级（中层以上）\n· 副总经理或董事会成员"))
        #expect(en[14, 4] == .string(
            "Optional; choose one from the drop-down list:\n· No CIO or IT head\n· Head of the IT department\n· Director level\n· Deputy general manager or board member"))
        // A1.3, multi-choice with help text.
        #expect(zh[16, 2] == .string("CIO网络参与情况（可多选）\n两项均未做到请填“无”（或两项都选“否”），不要留空"))
        #expect(zh[16, 4] == .string("选填；可多选：在下方每个选项的填报内容中选择“是”或“否”"))
        #expect(zh[17, 4] == .string("选择“是”或“否”"))
        // A2.3, a percentage.
        #expect(zh[21, 3] == .string("%"))
        #expect(zh[21, 4] == .string("选填；填写百分数，如35或35%；范围0%～100%"))
        #expect(en[21, 4] == .string("Optional; a percentage, e.g. 35 or 35%; 0% to 100%"))
        // B1.1, an amount.
        #expect(zh[23, 3] == .string("万元"))
        #expect(zh[23, 4] == .string("选填；数值，不小于0"))
        // V1, a required eligibility question.
        #expect(zh[68, 4] == .string("必填；从下拉列表中选择“是”或“否”"))
        // F1.2 applies only to designated key energy users.
        #expect(zh[58, 2] == .string("是否接入省重点用能单位能耗在线监测平台\n仅重点用能单位填写"))
        #expect(zh[58, 6] == .string("仅当F0「是否为重点用能单位」为“是”时填写，否则请留空"))
        #expect(en[58, 6] == .string("Answer only if F0 (Designated key energy-using unit) is “Yes”; otherwise leave blank"))
        // X1, optional free text.
        #expect(zh[73, 4] == .string("选填；文字，简要填写"))
        // The signature line closes the form.
        #expect(zh[75, 1] == .string(
            "填报人：　　　　　　联系电话：　　　　　　单位负责人（签字）：　　　　　　填报单位（盖章）：　　　　　　日期：　　　　年　　月　　日"))
    }

    @Test func instructionsSheet() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("form.xlsx")
        try SurveyFormWriter(tree: Support.defaultTree(), contact: "德州市工业和信息化局信息化科　电话：0534-2688000").write(to: path)
        let grid = try XLSXReader(path: path).grid(ofSheet: "填报说明")
        let column = (1...grid.rowCount).map { grid[$0, 2].description }
        #expect(column.first == "两化融合发展水平评估（默认指标体系）调查表")
        #expect(column[1] == "指标体系：lianghua-default　版本：2026.1")
        #expect(column[3] == "填报说明")
        #expect(column[4].hasPrefix("每家企业填写一份本工作簿。"))
        #expect(grid[5, 1] == .string("1."))
        #expect(column.contains("无法回答的项目请留空，不要用“0”“无”“/”代替。只有注明可填“不适用”的项目才可填写“不适用”；注明“仅当……时填写”的项目，条件不满足时请留空。"))
        #expect(column.contains("百分比可填写数字（如35表示35%），也可直接填写35%。"))
        #expect(column.contains("金额单位为万元，人数单位为人，其他单位见“单位”列。"))
        #expect(column.contains("统一社会信用代码（18位）、行政区划代码（6位）和行业代码（如C26）请按文本填写，相应单元格已设为文本格式。"))
        let contents = column.firstIndex(of: "问卷内容")!
        #expect(Array(column[(contents + 1)...(contents + 9)]) == [
            "一、企业基本情况（8项）", "二、A 组织保障与CIO体系（6题）", "三、B 基础建设（5题）", "四、C 单项应用（ERP）（6题）",
            "五、D 综合集成与协同（4题）", "六、E 电子商务（5题）", "七、F 信息技术节能减排（6题）", "八、G 效能效益（4题）",
            "九、V 资格条件（6题）",
        ])
        #expect(column.suffix(2) == ["联系方式", "德州市工业和信息化局信息化科　电话：0534-2688000"])
    }

    @Test func instructionsLeaveTheContactToFillInByHand() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (path, _) = try Support.writeForm(in: directory, language: .en)
        let grid = try XLSXReader(path: path).grid(ofSheet: "Instructions")
        #expect(grid[1, 2] == .string("Integration of informatization and industrialization (default tree): survey form"))
        #expect(grid[grid.rowCount, 2] == .string("Contact person: ____________   Phone: ____________   E-mail: ____________"))
    }

    static let badPrefills: [(prefill: [String: RawValue], message: String)] = [
        (["Z9": .number(1)], "cannot pre-fill the survey form: \"Z9\" is neither a profile field nor a question of the indicator tree"),
        (["A2.2": .list([.number(1)])], "cannot pre-fill the survey form: A2.2 takes one value, not a list"),
        (["C1.1": .text("财务")], "cannot pre-fill the survey form: C1.1 is a multi-choice question; give a list of option codes or labels, not 财务"),
        (["C1.1": .list([.text("财务"), .text("物流")])], "cannot pre-fill the survey form: C1.1 has no option \"物流\""),
        (["E1.2": .text("不适用")], "cannot pre-fill the survey form: E1.2 does not allow 不适用 (not applicable)"),
    ]

    @Test(arguments: badPrefills)
    func prefillThatDoesNotFitIsRefusedBeforeWriting(example: (prefill: [String: RawValue], message: String)) throws {
        let (prefill, message) = example
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("form.xlsx")
        do {
            try SurveyFormWriter(tree: Support.defaultTree(), prefill: prefill).write(to: path)
            Issue.record("wrote a form pre-filled with \(prefill)")
        } catch let error as SurveyFormError {
            #expect(error.description == message)
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func prefillFromLastYearsResponse() throws {
        let tree = try Support.defaultTree()
        let response = SurveyResponse(
            profile: EnterpriseProfile(
                uscc: "91371402MA3C8K2X1T", name: "德州融合智能装备有限公司", district: "371402", industry: "C34",
                size: .medium, employees: 420, revenue: 18500.5, year: 2025),
            answers: [
                "A1.1": .choice("director"), "A1.3": .choices(["association"]), "A2.3": .number(35),
                "E2.2": .yesNo(true), "X1": .text("上线ERP"), "Q404": .number(1),
            ])
        let zh = SurveyFormWriter(tree: tree).prefill(from: response)
        #expect(zh == [
            "uscc": .text("91371402MA3C8K2X1T"), "name": .text("德州融合智能装备有限公司"), "district": .text("371402"),
            "industry": .text("C34"), "size": .text("中型"), "employees": .number(420), "revenue": .number(18500.5),
            "year": .number(2025), "A1.1": .text("总监级（中层以上）"), "A1.3": .list([.text("association")]),
            "A2.3": .number(35), "E2.2": .text("是"), "X1": .text("上线ERP"),
        ])
        let en = SurveyFormWriter(tree: tree, language: .en).prefill(from: response)
        #expect(en["size"] == .text("Medium"))
        #expect(en["A1.1"] == .text("Director level"))
        #expect(en["E2.2"] == .text("Yes"))
    }

    @Test func wholeNumberBoundsAreRoundedInwards() {
        func rule(_ minimum: Double?, _ maximum: Double?, integer: Bool = true) -> DataValidation.Rule {
            SurveyFormWriter.numberRule(Question(
                id: "Q", label: LocalizedText(zh: "Q"), type: .number, minimum: minimum, maximum: maximum, integer: integer))
        }
        #expect(rule(0.5, 10.5) == .wholeNumber(.between(1, 10)))
        #expect(rule(nil, 3) == .wholeNumber(.lessThanOrEqualTo(3)))
        #expect(rule(nil, nil) == .wholeNumber(.between(-2_147_483_647, 2_147_483_647)))
        #expect(rule(-1e12, nil) == .wholeNumber(.greaterThanOrEqualTo(-2_147_483_647)))
        // No whole number between 0.5 and 0.7: the bounds are checked as decimals.
        #expect(rule(0.5, 0.7) == .decimal(.between(0.5, 0.7)))
        #expect(rule(nil, nil, integer: false) == .decimal(.between(-1e15, 1e15)))
    }

    @Test func promptTitlesFitExcelsLimit() {
        #expect(SurveyFormWriter.title("A2.3") == "A2.3")
        let long = String(repeating: "指", count: 40)
        #expect(SurveyFormWriter.title(long) == String(repeating: "指", count: 31) + "…")
        #expect(SurveyFormWriter.title(long).utf16.count == 32)
    }

    static let rowHeights: [(text: String, width: Double, style: CellStyle, height: Double)] = [
        ("两化融合", 20, CellStyle(), 11 * 1.3 + 4),
        // 40 CJK characters are 80 units; a 34-wide column holds 32.5 per line: 3 lines of 11 pt.
        (String(repeating: "两", count: 40), 34, CellStyle(), 3 * 11 * 1.3 + 4),
        // Two paragraphs of one line each at 10 pt.
        ("必填\n整数", 20, CellStyle(fontSize: 10), 2 * 10 * 1.3 + 4),
    ]

    @Test(arguments: rowHeights)
    func rowHeightsFitWrappedText(example: (text: String, width: Double, style: CellStyle, height: Double)) {
        #expect(abs(RowHeight.fitting(example.text, width: example.width, style: example.style) - example.height) < 1e-9)
    }
}
