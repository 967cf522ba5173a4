import Foundation
import Testing

@testable import RongheKit

extension StorageTests {
    @Suite struct StoredJSONTests {
        @Test func answersHaveOneStableTextAndReadBackExactly() throws {
            let answers: [String: Answer] = [
                "B1.1": .number(1700), "A2.3": .number(35.5), "Z": .number(-0.0), "T": .number(0.1 + 0.2),
                "E2.2": .yesNo(true), "V1": .yesNo(false), "A1.1": .choice("executive"),
                "C1.1": .choices(["finance", "hr"]), "X1": .text("说明 \"引号\"\n第二行"), "C2.1": .notApplicable,
                "B1.2": .number(1e-7), "P1": .number(-1234.25), "big": .number(1e300),
            ]
            let text = StoredJSON.encode(answers: answers)
            #expect(text == """
                {"A1.1":"executive","A2.3":35.5,"B1.1":1700,"B1.2":1e-07,"C1.1":["finance","hr"],"C2.1":null,\
                "E2.2":true,"P1":-1234.25,"T":0.30000000000000004,"V1":false,"X1":{"text":"说明 \\"引号\\"\\n第二行"},\
                "Z":-0,"big":1e+300}
                """)
            let decoded = try StoredJSON.decodeAnswers(text)
            #expect(decoded == answers)
            for (id, answer) in answers {
                if case .number(let value) = answer, case .number(let read)? = decoded[id] {
                    #expect(read.bitPattern == value.bitPattern, "\(id)")
                }
            }
            // The same answers in another order give the same text.
            #expect(StoredJSON.encode(answers: Dictionary(uniqueKeysWithValues: answers.reversed())) == text)
        }

        @Test func profilesReadBack() throws {
            let profile = EnterpriseProfile(
                uscc: "91371400163000111R", name: "山东德赛机械集团有限公司", district: "371481", industry: "C35", size: .large,
                employees: 1650, revenue: 68000.5, year: 2026)
            let text = StoredJSON.encode(profile: profile)
            #expect(text == """
                {"district":"371481","employees":1650,"industry":"C35","name":"山东德赛机械集团有限公司",\
                "revenue":68000.5,"size":"large","uscc":"91371400163000111R","year":2026}
                """)
            #expect(try StoredJSON.decodeProfile(text) == profile)
            var bare = profile
            bare.employees = nil
            bare.revenue = nil
            #expect(try StoredJSON.decodeProfile(StoredJSON.encode(profile: bare)) == bare)
        }

        @Test func rawRecordsKeepKeysValuesAndPlaces() throws {
            let record = FileLocation(file: "forms/acme.xlsx", place: .row(sheet: "问卷", row: 3))
            let raw = RawSurvey(location: record, fields: [
                RawField(key: "统一社会信用代码", value: .text("91371400163000111R"), location: record),
                RawField(key: "A2.3", value: .percentNumber(0.35), location: FileLocation(file: "forms/acme.xlsx", place: .cell(sheet: "问卷", reference: "C7"))),
                RawField(key: "B1.1", value: .number(1700), location: FileLocation(file: "forms/acme.xlsx", place: .jsonPath("answers[\"B1.1\"]"))),
                RawField(key: "E2.2", value: .bool(true), location: FileLocation(file: "forms/acme.xlsx", place: .line(9))),
                RawField(key: "C1.1", value: .list([.text("finance"), .number(2)]), location: record),
                RawField(key: "日期", value: .date(year: 2026, month: 3, day: 1), location: FileLocation(file: "other", place: nil)),
            ])
            let text = StoredJSON.encode(raw: raw)
            #expect(text == """
                {"fields":[["统一社会信用代码","91371400163000111R"],["A2.3",{"percent":0.35},{"cell":"C7","sheet":"问卷"}],\
                ["B1.1",1700,{"path":"answers[\\"B1.1\\"]"}],["E2.2",true,{"line":9}],["C1.1",["finance",2]],\
                ["日期",{"date":[2026,3,1]},{"file":"other","place":null}]],"file":"forms/acme.xlsx","place":{"row":3,"sheet":"问卷"}}
                """)
            #expect(try StoredJSON.decodeRaw(text) == raw)
        }

        @Test func issuesKeepBothLanguagesAndTheirPlace() throws {
            let issues = [
                SurveyIssue(.error, at: FileLocation(file: "a.csv", place: .line(4)), field: "uscc",
                            LocalizedText(zh: "统一社会信用代码应为18位", en: "the code must have 18 characters")),
                SurveyIssue(.warning, at: FileLocation(file: "a.csv"), LocalizedText(zh: "仅中文")),
            ]
            let text = StoredJSON.encode(issues: issues)
            #expect(text == """
                [{"en":"the code must have 18 characters","field":"uscc","file":"a.csv","place":{"line":4},"severity":"error",\
                "zh":"统一社会信用代码应为18位"},{"en":null,"field":null,"file":"a.csv","place":null,"severity":"warning","zh":"仅中文"}]
                """)
            #expect(try StoredJSON.decodeIssues(text) == issues)
        }

        @Test func aSheetAsAWholeIsAPlace() throws {
            let issue = SurveyIssue(.error, at: FileLocation(file: "b.xlsx", place: .sheet("企业填报数据")), LocalizedText(zh: "损坏"))
            let text = StoredJSON.encode(issues: [issue])
            #expect(text.contains(#""place":{"sheet":"企业填报数据"}"#))
            #expect(try StoredJSON.decodeIssues(text) == [issue])
            #expect(issue.location.description == "b.xlsx:企业填报数据")
        }

        @Test func anyValidJSONOfTheShapeReads() throws {
            let text = """
                 { "A" : "x\\u00e9\\/\\"" , "B":[ "a" ,"b\\ud83d\\ude00" ], "C" : -1.5E+2, "D" :true,"E":false,
                 "F" : null, "G": {"text": "行\\n二\\t\\u0001"}, "H": [] }
                """
            #expect(try StoredJSON.decodeAnswers(text) == [
                "A": .choice("xé/\""), "B": .choices(["a", "b😀"]), "C": .number(-150), "D": .yesNo(true), "E": .yesNo(false),
                "F": .notApplicable, "G": .text("行\n二\t\u{01}"), "H": .choices([]),
            ])
            #expect(try StoredJSON.decodeStrings(" [ ] ", what: "x") == [])
        }

        @Test(arguments: 0..<100 as Range<UInt64>)
        func randomAnswersRoundTrip(seed: UInt64) throws {
            var random = SplitMix64(seed: seed)
            let pieces = ["a", "Z", "\"", "\\", "\n", "\u{01}", "\u{1F}", "行", "😀", " ", "é", "/", "\u{7F}", "\u{2028}"]
            func text() -> String { (0..<random.next(in: 0...6)).map { _ in pieces[random.next(in: 0...(pieces.count - 1))] }.joined() }
            var answers: [String: Answer] = [:]
            for index in 0..<random.next(in: 0...12) {
                let key = text() + String(index)
                switch random.next(in: 0...5) {
                case 0: answers[key] = .number(Double(bitPattern: random.next()).isFinite ? Double(bitPattern: random.next() & 0x7FEF_FFFF_FFFF_FFFF) : 1)
                case 1: answers[key] = .yesNo(random.next(in: 0...1) == 1)
                case 2: answers[key] = .choice(text())
                case 3: answers[key] = .choices((0..<random.next(in: 0...3)).map { _ in text() })
                case 4: answers[key] = .text(text())
                default: answers[key] = .notApplicable
                }
            }
            let decoded = try StoredJSON.decodeAnswers(StoredJSON.encode(answers: answers))
            #expect(decoded == answers, "seed \(seed)")
            for (key, answer) in answers {
                if case .number(let value) = answer, case .number(let read)? = decoded[key] {
                    #expect(read.bitPattern == value.bitPattern, "seed \(seed)")
                }
            }
        }

        @Test func damagedTextIsReportedNotTrapped() {
            #expect(throws: StoredJSON.DecodingError.self) { try StoredJSON.decodeAnswers("{\"A\": {\"x\": 1}}") }
            #expect(throws: StoredJSON.DecodingError.self) { try StoredJSON.decodeProfile("{}") }
            #expect(throws: StoredJSON.DecodingError.self) { try StoredJSON.decodeRaw("[1") }
            for text in ["", "{", "{\"A\":}", "{\"A\":1,}", "{\"A\":\"x}", "{\"A\":\"\\ud800\"}", "{\"A\":1} x", "{\"A\":1e999}",
                         "{\"A\":--1}", "{\"A\":\"\\q\"}", "{\"A\":{\"x\":\"y\"}}", "[\"a\"]"] {
                #expect(throws: StoredJSON.DecodingError.self, "\(text)") { try StoredJSON.decodeAnswers(text) }
            }
        }
    }
}
