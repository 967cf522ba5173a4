import Testing

@testable import RongheKit

@Suite struct AnswerParserTests {
    static let number = Question(id: "B1.1", label: LocalizedText(zh: "信息化投入"), type: .number, unit: LocalizedText(zh: "万元", en: "10k yuan"), minimum: 0)
    static let people = Question(id: "A2.2", label: LocalizedText(zh: "人数"), type: .number, unit: LocalizedText(zh: "人"), minimum: 0, integer: true)
    static let percent = Question(id: "A2.3", label: LocalizedText(zh: "比例"), type: .percent, minimum: 0, maximum: 100)
    static let fraction = Question(id: "X", label: LocalizedText(zh: "比例"), type: .percent, minimum: 0, maximum: 100, percentScale: .fraction)
    static let yesNo = Question(id: "E2.2", label: LocalizedText(zh: "是否"), type: .yesNo)
    static let options = [
        QuestionOption(code: "none", label: LocalizedText(zh: "未开展", en: "None")),
        QuestionOption(code: "partial", label: LocalizedText(zh: "部分系统完成定级备案", en: "Some systems graded"), aliases: ["部分"]),
        QuestionOption(code: "full", label: LocalizedText(zh: "全部完成", en: "All graded")),
    ]
    static let choice = Question(id: "B2.3", label: LocalizedText(zh: "网络安全"), type: .choice, options: options)
    static let modules = Question(id: "C1.1", label: LocalizedText(zh: "ERP模块"), type: .multiChoice, options: [
        QuestionOption(code: "finance", label: LocalizedText(zh: "财务", en: "Finance")),
        QuestionOption(code: "sales", label: LocalizedText(zh: "销售", en: "Sales")),
        QuestionOption(code: "wide", label: LocalizedText(zh: "农、林、牧", en: "Farming")),
        QuestionOption(code: "hr", label: LocalizedText(zh: "人力资源", en: "Human resources")),
    ])

    func parse(_ raw: RawValue, _ question: Question) -> AnswerParser.Outcome {
        AnswerParser.parse(raw, for: question)
    }

    @Test(arguments: [
        ("35", 35.0), ("３５", 35), ("1,234.5", 1234.5), ("1，234", 1234), (" 12.5 ", 12.5), ("120万元", 120),
        ("1e3", 1000), ("+7", 7), ("0.5", 0.5),
    ])
    func numbersAsTyped(text: String, value: Double) {
        #expect(parse(.text(text), Self.number) == .answer(.number(value)))
    }

    @Test(arguments: ["n/a?", "1,2", "12,34", "NaN", "inf", "0x10", "1.2.3", "--5", "三十", "35%"])
    func textThatIsNotANumber(text: String) {
        if text == "35%" {
            #expect(parse(.text(text), Self.number) == .problem(LocalizedText(zh: "应填写数字（单位：万元），不是百分数", en: "expected a number in 10k yuan, not a percentage")))
        } else {
            #expect(parse(.text(text), Self.number) == .problem(LocalizedText(zh: "应填写数字，实际为“\(text)”", en: "expected a number, found \"\(text)\"")))
        }
    }

    @Test func numbersTooLargeForAnyFigure() {
        #expect(parse(.text("1e400"), Self.number) == .problem(LocalizedText(
            zh: "数值“1e400”过大，不可能是实际数据；请核对数字和单位",
            en: "1e400 is far too large to be a real figure; check the number and its unit")))
        #expect(AnswerParser.isOverflowing("-2E+309") && AnswerParser.isOverflowing("１ｅ４００"))
        #expect(!AnswerParser.isOverflowing("1e308") && !AnswerParser.isOverflowing("Infinity") && !AnswerParser.isOverflowing("NaN"))
    }

    @Test func boundsAndWholeNumbers() {
        #expect(parse(.text("−5"), Self.number) == .problem(LocalizedText(zh: "-5小于允许的最小值0", en: "-5 is below the minimum of 0")))
        #expect(parse(.number(2.5), Self.people) == .problem(LocalizedText(zh: "应为整数，实际为2.5", en: "expected a whole number, found 2.5")))
        #expect(parse(.text("35人"), Self.people) == .answer(.number(35)))
        #expect(parse(.number(120), Self.percent) == .problem(LocalizedText(zh: "120大于允许的最大值100", en: "120 is above the maximum of 100")))
    }

    @Test func percentagesByConvention() {
        #expect(parse(.text("35"), Self.percent) == .answer(.number(35)))
        #expect(parse(.text("35%"), Self.percent) == .answer(.number(35)))
        #expect(parse(.text("３５％"), Self.percent) == .answer(.number(35)))
        #expect(parse(.number(0.35), Self.percent) == .answer(.number(0.35)))
        #expect(parse(.percentNumber(0.35), Self.percent) == .answer(.number(35)))
        #expect(parse(.number(0.35), Self.fraction) == .answer(.number(35)))
        #expect(parse(.text("35%"), Self.fraction) == .answer(.number(35)))
        #expect(parse(.number(35), Self.fraction) == .problem(LocalizedText(
            zh: "应填写小数（如0.35）或百分数（如35%），实际为35", en: "expected a fraction such as 0.35 or a percentage such as 35%, found 35")))
        #expect(parse(.percentNumber(0.35), Self.number) == .problem(LocalizedText(zh: "应填写数字（单位：万元），不是百分数", en: "expected a number in 10k yuan, not a percentage")))
    }

    @Test(arguments: ["是", "Y", "yes", "TRUE", "true", "1", "有", "√", "Ｙｅｓ"])
    func yes(text: String) {
        #expect(parse(.text(text), Self.yesNo) == .answer(.yesNo(true)))
    }

    @Test(arguments: ["否", "N", "no", "False", "0", "无", "×"])
    func no(text: String) {
        #expect(parse(.text(text), Self.yesNo) == .answer(.yesNo(false)))
    }

    @Test func yesNoFromSpreadsheetValues() {
        #expect(parse(.bool(true), Self.yesNo) == .answer(.yesNo(true)))
        #expect(parse(.number(0), Self.yesNo) == .answer(.yesNo(false)))
        #expect(parse(.text("也许"), Self.yesNo) == .problem(LocalizedText(zh: "应填写“是”或“否”，实际为“也许”", en: "expected yes or no (是/否), found \"也许\"")))
        #expect(parse(.number(2), Self.yesNo) == .problem(LocalizedText(zh: "应填写“是”或“否”，实际为“2”", en: "expected yes or no (是/否), found \"2\"")))
    }

    @Test(arguments: [("partial", "partial"), ("PARTIAL", "partial"), ("部分系统完成定级备案", "partial"), ("部分", "partial"),
                      ("Some systems graded", "partial"), (" 全部完成 ", "full"), ("全部完成。", "full")])
    func choicesByCodeLabelOrAlias(text: String, code: String) {
        #expect(parse(.text(text), Self.choice) == .answer(.choice(code)))
    }

    @Test func unknownChoiceListsTheOptions() {
        #expect(parse(.text("大部分"), Self.choice) == .problem(LocalizedText(
            zh: "“大部分”不是可选项；可选：未开展、部分系统完成定级备案、全部完成",
            en: "\"大部分\" is not one of the options: None, Some systems graded, All graded")))
    }

    @Test(arguments: [
        ("财务;销售", ["finance", "sales"]), ("财务、人力资源", ["finance", "hr"]), ("sales,finance", ["finance", "sales"]),
        ("财务\n销售", ["finance", "sales"]), ("财务；销售；财务", ["finance", "sales"]), ("农、林、牧", ["wide"]),
        ("农、林、牧;财务", ["finance", "wide"]), ("无", []), ("none", []), ("Human resources", ["hr"]),
    ])
    func multiChoiceSeparators(text: String, codes: [String]) {
        #expect(parse(.text(text), Self.modules) == .answer(.choices(codes)))
    }

    @Test func multiChoiceFromJSONList() {
        #expect(parse(.list([.text("hr"), .text("财务")]), Self.modules) == .answer(.choices(["finance", "hr"])))
        #expect(parse(.list([]), Self.modules) == .answer(.choices([])))
        #expect(parse(.text("无;财务"), Self.modules) == .problem(LocalizedText(zh: "“无”不能与其他选项同时填写", en: "\"none\" cannot be combined with other options")))
    }

    @Test func spreadsheetErrorValues() {
        #expect(parse(.text("#DIV/0!"), Self.number) == .problem(LocalizedText(
            zh: "单元格显示表格错误值#DIV/0!（公式出错）；请直接填写数值，或留空",
            en: "the cell shows the spreadsheet error #DIV/0! (a formula failed); type the value itself or leave it blank")))
    }

    /// A file written with codes reads back as written even when another option's label spells
    /// the code (found by the survey generator on a tree with such labels).
    @Test func codesWinOverAnotherOptionsLabel() {
        let crossed = Question(id: "Q", label: LocalizedText(zh: "交叉"), type: .choice, options: [
            QuestionOption(code: "high", label: LocalizedText(zh: "low")),
            QuestionOption(code: "low", label: LocalizedText(zh: "高")),
        ])
        #expect(parse(.text("low"), crossed) == .answer(.choice("low")))
        #expect(parse(.text("高"), crossed) == .answer(.choice("low")))
        #expect(parse(.text("high"), crossed) == .answer(.choice("high")))
    }

    /// 无 alone means "none of them", unless an option is itself called 无 or none.
    @Test func anOptionCalledNoneIsThatOption() {
        let withNone = Question(id: "Q", label: LocalizedText(zh: "多选"), type: .multiChoice, options: [
            QuestionOption(code: "a", label: LocalizedText(zh: "甲")),
            QuestionOption(code: "none", label: LocalizedText(zh: "无")),
        ])
        #expect(parse(.list([.text("none")]), withNone) == .answer(.choices(["none"])))
        #expect(parse(.text("无"), withNone) == .answer(.choices(["none"])))
        #expect(parse(.list([.text("无")]), withNone) == .answer(.choices(["none"])))
        #expect(parse(.list([.text("无")]), Self.modules) == .answer(.choices([])))
    }

    @Test func blankAndNotApplicable() {
        #expect(parse(.text("   "), Self.number) == .blank)
        #expect(parse(.text("不适用"), Self.number) == .answer(.notApplicable))
        #expect(parse(.text("N/A"), Self.yesNo) == .answer(.notApplicable))
    }
}
