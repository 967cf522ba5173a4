import Foundation
import Testing

@testable import RongheKit

@Suite struct SurveyValidatorTests {
    static let tree = try! IndicatorTree.load(contentsOf: Fixtures.defaultTreeURL)
    static let validator = SurveyValidator(tree: tree, currentYear: 2026)

    /// A complete, valid record of the default tree as a JSON file would give it; tests change one
    /// field at a time.
    static let valid: [(String, RawValue)] = [
        ("uscc", .text("91371402MA3C5LXK2W")), ("name", .text("德州华信化工有限公司")), ("district", .text("371402")),
        ("industry", .text("C26")), ("size", .text("medium")), ("employees", .number(420)), ("revenue", .number(18600)),
        ("year", .number(2026)),
        ("A1.1", .text("director")), ("A1.2", .text("deputyGM")), ("A1.3", .list([.text("association")])),
        ("A2.1", .text("embedded")), ("A2.2", .number(6)), ("A2.3", .number(40)), ("B1.1", .number(320)),
        ("B1.2", .number(8)), ("B2.1", .number(150)), ("B2.2", .number(55)), ("B2.3", .text("partial")),
        ("C1.1", .list([.text("finance"), .text("sales")])), ("C1.2a", .number(30)), ("C1.2b", .number(60)),
        ("C1.3", .text("integrated")), ("C2.1", .text("cad2d")), ("C2.2", .number(45)), ("D1.1", .number(2)),
        ("D1.2", .text("partial")), ("D2.1", .number(20)), ("D2.2", .text("some")), ("E1.1", .number(900)),
        ("E1.2", .list([.text("platform")])), ("E2.1a", .number(1200)), ("E2.1b", .number(9000)), ("E2.2", .bool(true)),
        ("F0", .bool(false)), ("F1.1", .number(60)), ("F1.3", .text("monitoring")), ("F2.1", .number(2.5)),
        ("F2.2", .bool(true)), ("G1.1", .number(4)), ("G1.2", .number(10)), ("G2.1", .number(15)), ("G2.2", .text("gbt23001")),
        ("V1", .bool(false)), ("V2", .bool(false)), ("V3", .bool(false)), ("P1", .number(350)), ("P2", .number(-120)),
    ]

    func record(replacing changes: [String: RawValue?] = [:], adding extra: [(String, RawValue)] = []) -> RawSurvey {
        var fields: [RawField] = []
        for (key, value) in Self.valid + extra {
            let replaced = changes.keys.contains(key) ? changes[key]! : value
            guard let replaced else { continue }
            fields.append(RawField(key: key, value: replaced, location: FileLocation(file: "a.json", place: .jsonPath("answers[\"\(key)\"]"))))
        }
        return RawSurvey(location: FileLocation(file: "a.json", place: .jsonPath("$")), fields: fields)
    }

    func messages(_ validation: SurveyValidation, _ language: Language = .en) -> [String] {
        validation.issues.map { $0.formatted(language) }
    }

    @Test func acceptsAValidRecord() throws {
        let validation = Self.validator.validate(record())
        #expect(validation.issues == [])
        let response = try #require(validation.response)
        #expect(response.profile == EnterpriseProfile(
            uscc: "91371402MA3C5LXK2W", name: "德州华信化工有限公司", district: "371402", industry: "C26", size: .medium,
            employees: 420, revenue: 18600, year: 2026))
        #expect(response.answers["A1.3"] == .choices(["association"]))
        #expect(response.answers["E2.2"] == .yesNo(true))
        #expect(response.answers["P2"] == .number(-120))
        #expect(response.answers.count == 40)
    }

    @Test(arguments: [
        ("uscc", RawValue.text("91371402MA3C5LXK2X"),
         #"a.json:answers["uscc"]: error: the check character of credit code 91371402MA3C5LXK2X should be "W", not "X"; the code was probably mistyped"#),
        ("uscc", .number(913_714_020_000_000_000),
         #"a.json:answers["uscc"]: error: the credit code was stored as a number (913714020000000000), which loses characters; format the cell as text and type it again"#),
        ("uscc", .text("91371402MA3C5LXK2"),
         #"a.json:answers["uscc"]: error: the unified social credit code must have 18 characters, found 17 ("91371402MA3C5LXK2")"#),
        ("district", .text("37140"),
         #"a.json:answers["district"]: error: the district must be a 6-digit division code such as 371402, found "37140""#),
        ("district", .text("990101"),
         #"a.json:answers["district"]: error: division code 990101 starts with 99, which is not a province code"#),
        ("industry", .text("X99"),
         #"a.json:answers["industry"]: error: the industry must be a GB/T 4754 code such as C26, found "X99""#),
        ("size", .text("中小"),
         #"a.json:answers["size"]: error: the size class must be large, medium, small or micro, found "中小""#),
        ("year", .number(2030),
         #"a.json:answers["year"]: error: the survey year must be between 2000 and 2027, found 2030"#),
        ("employees", .number(-3),
         #"a.json:answers["employees"]: error: Employees (persons): expected a whole number of at least 0, found -3"#),
        ("B1.1", .text("n/a?"),
         #"a.json:answers["B1.1"]: error: B1.1 IT spending this year: expected a number, found "n/a?""#),
        ("A2.3", .number(120),
         #"a.json:answers["A2.3"]: error: A2.3 Share of staff given digital-skills training: 120 is above the maximum of 100"#),
        ("A1.1", .text("CTO"),
         #"a.json:answers["A1.1"]: error: A1.1 Rank of the chief information officer (CIO): "CTO" is not one of the options: No CIO or IT head, Head of the IT department, Director level, Deputy general manager or board member"#),
        ("V1", .text("也许"),
         #"a.json:answers["V1"]: error: V1 A major production-safety accident in the last 3 years: expected yes or no (是/否), found "也许""#),
        ("B1.1", .text("不适用"),
         #"a.json:answers["B1.1"]: error: B1.1 IT spending this year: cannot be answered "not applicable""#),
        // Excel saves a credit code typed into a number cell as 9.13714E+17 in CSV.
        ("uscc", .text("9.13714E+17"),
         #"a.json:answers["uscc"]: error: the credit code 9.13714E+17 was turned into a number in scientific notation by a spreadsheet program, which loses characters; format the cell as text, type the 18-character code again and save"#),
        // Excel keeps 15 significant digits of a number: the message shows what the cell shows.
        ("uscc", .number(9.13714007262271e17),
         #"a.json:answers["uscc"]: error: the credit code was stored as a number (913714007262271000), which loses characters; format the cell as text and type it again"#),
        ("industry", .text("C44"),
         #"a.json:answers["industry"]: error: C44 is not a GB/T 4754 code: division 44 (电力、热力生产和供应业) is in section D; write D44"#),
        ("B1.1", .text("1e400"),
         #"a.json:answers["B1.1"]: error: B1.1 IT spending this year: 1e400 is far too large to be a real figure; check the number and its unit"#),
    ])
    func rejectsWithExactMessage(key: String, value: RawValue, expected: String) {
        let validation = Self.validator.validate(record(replacing: [key: value]))
        #expect(!validation.isAccepted)
        #expect(messages(validation) == [expected])
    }

    @Test func messagesInChinese() {
        let validation = Self.validator.validate(record(replacing: ["B1.1": .text("三百")]))
        #expect(messages(validation, .zh) == [#"a.json:answers["B1.1"]: 错误: B1.1 本年度信息化投入：应填写数字，实际为“三百”"#])
        let scientific = Self.validator.validate(record(replacing: ["uscc": .text("9.13714e+17"), "industry": .text("c44")]))
        #expect(messages(scientific, .zh) == [
            #"a.json:answers["uscc"]: 错误: 统一社会信用代码“9.13714E+17”被表格软件转成了科学计数法的数字，位数已经丢失；请将单元格设为文本，重新填写18位代码后保存"#,
            #"a.json:answers["industry"]: 错误: “C44”不是有效的行业代码：第44大类（电力、热力生产和供应业）属于D门类，应填写D44"#,
        ])
    }

    @Test func missingProfileAndRequiredAnswers() {
        let validation = Self.validator.validate(record(replacing: ["name": nil, "V2": nil]))
        #expect(messages(validation) == [
            "a.json:$: error: missing enterprise name",
            "a.json:$: error: V2 A Level I or II environmental incident in the last 3 years: required, but left blank",
        ])
        #expect(messages(validation, .zh) == [
            "a.json:$: 错误: 缺少“企业名称”",
            "a.json:$: 错误: V2 近三年是否发生Ⅰ级或Ⅱ级环境污染事件：必填项未填写",
        ])
    }

    @Test func blankScoredQuestionsAreAccepted() throws {
        let validation = Self.validator.validate(record(replacing: ["B1.1": nil, "G1.1": .text("")]))
        #expect(validation.issues == [])
        let response = try #require(validation.response)
        #expect(response.answers["B1.1"] == nil && response.answers["G1.1"] == nil)
    }

    @Test func answersThatDoNotApplyAreDroppedWithAWarning() throws {
        // F1.2 applies only to key energy users (F0 = yes); this enterprise is not one.
        let validation = Self.validator.validate(record(adding: [("F1.2", .text("是"))]))
        #expect(messages(validation) == [
            #"a.json:answers["F1.2"]: warning: F1.2 Connected to the provincial key-energy-user monitoring platform: applies only when F0 = yes, so it does not apply to this enterprise; the answer was ignored"#
        ])
        #expect(messages(validation, .zh) == [
            #"a.json:answers["F1.2"]: 提示: F1.2 是否接入省重点用能单位能耗在线监测平台：仅在 F0 = yes 时填写，本企业不适用，填写内容已忽略"#
        ])
        #expect(try #require(validation.response).answers["F1.2"] == nil)
        let keyUser = Self.validator.validate(record(replacing: ["F0": .text("是")], adding: [("F1.2", .text("否"))]))
        #expect(keyUser.issues == [])
        #expect(keyUser.response?.answers["F1.2"] == .yesNo(false))
    }

    @Test func sizeClassContradictingTheFiguresIsAWarning() throws {
        let validation = Self.validator.validate(record(replacing: ["employees": .number(1200), "revenue": .number(52000)]))
        #expect(messages(validation) == [
            #"a.json:answers["size"]: warning: the declared size class is medium, but 1200 employees and 52000 万元 revenue make it large"#
        ])
        #expect(try #require(validation.response).profile.size == .medium)
    }

    @Test func sizeClassDerivedWhenLeftOut() throws {
        let validation = Self.validator.validate(record(replacing: ["size": nil]))
        #expect(messages(validation) == ["a.json:$: warning: no size class given; derived as medium from employees and revenue"])
        #expect(try #require(validation.response).profile.size == .medium)
        let neither = Self.validator.validate(record(replacing: ["size": nil, "revenue": nil]))
        #expect(messages(neither) == ["a.json:$: error: missing size class (or give employees and revenue so it can be derived)"])
    }

    @Test func keysByChineseLabelAndUnknownKeys() throws {
        var raw = record(replacing: ["uscc": nil, "B1.1": nil])
        raw.fields += [
            RawField(key: "统一社会信用代码", value: .text("91371402ma3c5lxk2w"), location: FileLocation(file: "a.json")),
            RawField(key: "B1.1 本年度信息化投入（万元）", value: .text("３２０"), location: FileLocation(file: "a.json")),
            RawField(key: "备注", value: .text("无"), location: FileLocation(file: "a.json", place: .jsonPath("answers[\"备注\"]"))),
        ]
        let validation = Self.validator.validate(raw)
        #expect(messages(validation) == [#"a.json:answers["备注"]: warning: "备注" is not part of this survey; ignored (kept in the original file)"#])
        let response = try #require(validation.response)
        #expect(response.profile.uscc == "91371402MA3C5LXK2W")
        #expect(response.answers["B1.1"] == .number(320))
    }

    @Test func fieldGivenTwice() {
        var raw = record()
        raw.fields.append(RawField(key: "企业名称", value: .text("别名"), location: FileLocation(file: "a.json", place: .line(9))))
        #expect(messages(Self.validator.validate(raw)) == [
            #"a.json:9: error: Enterprise name is given twice (see also a.json:answers["name"])"#
        ])
    }

    @Test func everyErrorOfARecordIsReported() {
        let validation = Self.validator.validate(record(replacing: ["district": .text("1"), "B2.2": .text("很多"), "E2.2": .text("?")]))
        #expect(validation.errors.count == 3)
    }
}
