import Foundation
import Testing

@testable import RongheKit

/// Trees and helpers shared by the generator and writer tests.
enum GeneratorFixtures {
    static let defaultTree = try! IndicatorTree.load(contentsOf: Fixtures.defaultTreeURL)
    static let ahpTree = try! IndicatorTree.load(contentsOf: Fixtures.repository.appendingPathComponent("indicators/ahp-example.json"))

    /// A tree unlike the default one: every question type, bounds that need care (an integer
    /// question between 2 and 4, a number between 0.25 and 0.75, a percent read as a fraction,
    /// negative minimums), an option labelled with another option's code, an option label with a
    /// 、 in it, a multi-choice question with an option called 无, applicability on the profile and
    /// on another answer, a required choice, a required question that allows 不适用, a question no
    /// rule reads, steps and batch rules, a ratio whose denominator question comes after its
    /// numerator, and a yes-no rule that scores "no".
    static let unusualTreeJSON = #"""
    {
      "format": 1, "id": "unusual", "version": "1", "name": "测试用指标体系",
      "questions": [
        {"id": "Q1", "label": "整数题", "type": "number", "integer": true, "min": 2, "max": 4},
        {"id": "Q2", "label": "小数题", "type": "number", "min": 0.25, "max": 0.75},
        {"id": "Q3", "label": "小数比例", "type": "percent", "percentScale": "fraction", "min": 0, "max": 100},
        {"id": "Q4", "label": "可负百分比", "type": "percent", "min": -50, "max": 50, "required": false},
        {"id": "Q5", "label": "选择题", "type": "choice", "options": [
          {"code": "high", "label": "low"}, {"code": "low", "label": "高"}, {"code": "mid", "label": {"zh": "中、等", "en": "Middle"}}]},
        {"id": "Q6", "label": "多选题", "type": "multi-choice", "required": false, "options": [
          {"code": "a", "label": "甲、乙"}, {"code": "b", "label": "丙"}, {"code": "none", "label": "无"}]},
        {"id": "Q7", "label": "是否", "type": "yes-no"},
        {"id": "Q8", "label": "制造业才答", "type": "number", "min": 0, "required": false,
         "applicableWhen": {"profile": "industrySection", "equals": "C"}},
        {"id": "Q9", "label": "Q7为是才答", "type": "choice", "options": [{"code": "x", "label": "某项"}, {"code": "y", "label": "另一项"}],
         "applicableWhen": {"question": "Q7", "equals": "yes"}},
        {"id": "Q10", "label": "可不适用", "type": "number", "allowsNotApplicable": true, "min": 1},
        {"id": "Q11", "label": "备注", "type": "text", "required": false},
        {"id": "Q12", "label": "分子", "type": "number", "min": 0, "required": false},
        {"id": "Q13", "label": "分母", "type": "number", "min": 0, "required": false},
        {"id": "Q14", "label": "无规则", "type": "number", "required": false},
        {"id": "Q15", "label": "分段", "type": "number", "min": 0, "max": 1000},
        {"id": "Q16", "label": "批内", "type": "percent", "required": false}
      ],
      "tree": {"id": "root", "name": "总分", "children": [
        {"id": "L1", "name": "一", "weight": 0.1, "rule": {"kind": "linear", "question": "Q1", "low": 2, "high": 4}},
        {"id": "L2", "name": "二", "weight": 0.1, "rule": {"kind": "linear", "question": "Q2", "low": 0.3, "high": 0.7, "direction": "lower"}},
        {"id": "L3", "name": "三", "weight": 0.1, "rule": {"kind": "linear", "question": "Q3", "low": 0, "high": 100}},
        {"id": "L5", "name": "五", "weight": 0.1, "rule": {"kind": "choice", "question": "Q5", "scores": {"high": 100, "low": 0, "mid": 50}}},
        {"id": "L6", "name": "六", "weight": 0.1, "rule": {"kind": "points", "question": "Q6", "points": {"a": 50, "b": 50, "none": 0}}},
        {"id": "L7", "name": "七", "weight": 0.1, "rule": {"kind": "yes-no", "question": "Q7", "yes": 0, "no": 100}},
        {"id": "L8", "name": "八", "weight": 0.1, "rule": {"kind": "ratio", "numerator": "Q12", "denominator": "Q13", "scale": 100, "low": 0, "high": 50}},
        {"id": "L9", "name": "九", "weight": 0.1, "rule": {"kind": "steps", "question": "Q15", "steps": [{"from": 100, "score": 50}, {"from": 500, "score": 100}], "below": 0}},
        {"id": "L10", "name": "十", "weight": 0.1, "rule": {"kind": "batch", "question": "Q16", "method": "percentile"}},
        {"id": "L11", "name": "十一", "weight": 0.1, "rule": {"kind": "linear", "question": "Q8", "low": 0, "high": 10}}
      ]}
    }
    """#

    static let unusualTree = try! IndicatorTree.parse(Data(unusualTreeJSON.utf8), source: "unusual.json")

    /// A record as a JSON file would give `response`, built here independently of the writers:
    /// codes for options, booleans, numbers (with a % sign where bare numbers are fractions),
    /// 不适用.
    static func rawSurvey(from response: SurveyResponse, tree: IndicatorTree, file: String = "mem.json") -> RawSurvey {
        let profile = response.profile
        var fields: [(String, RawValue)] = [
            ("uscc", .text(profile.uscc)), ("name", .text(profile.name)), ("district", .text(profile.district)),
            ("industry", .text(profile.industry)), ("size", .text(profile.size.rawValue)), ("year", .number(Double(profile.year))),
        ]
        if let employees = profile.employees { fields.append(("employees", .number(Double(employees)))) }
        if let revenue = profile.revenue { fields.append(("revenue", .number(revenue))) }
        for (id, answer) in response.answers.sorted(by: { $0.key < $1.key }) {
            let value: RawValue
            switch answer {
            case .number(let number):
                let fraction = tree.question(id)?.percentScale == .fraction && tree.question(id)?.type == .percent
                value = fraction ? .text("\(number)%") : .number(number)
            case .yesNo(let flag): value = .bool(flag)
            case .choice(let code): value = .text(code)
            case .choices(let codes): value = .list(codes.map { .text($0) })
            case .text(let text): value = .text(text)
            case .notApplicable: value = .text("不适用")
            }
            fields.append((id, value))
        }
        return RawSurvey(
            location: FileLocation(file: file),
            fields: fields.map { RawField(key: $0.0, value: $0.1, location: FileLocation(file: file, place: .jsonPath($0.0))) })
    }

    /// Everything `SurveyIntake` makes of a file: accepted responses, and every issue formatted.
    static func intake(_ url: URL, tree: IndicatorTree) throws -> (responses: [SurveyResponse], issues: [SurveyIssue]) {
        var responses: [SurveyResponse] = []
        var issues: [SurveyIssue] = []
        let summary = try SurveyIntake(tree: tree, currentYear: 2026).process(url, file: url.lastPathComponent) { _, validation in
            issues += validation.issues
            if let response = validation.response { responses.append(response) }
        }
        return (responses, issues + summary.warnings)
    }

    /// Whether an issue is the size-class warning the generator provokes on purpose.
    static func isSizeWarning(_ issue: SurveyIssue) -> Bool {
        issue.severity == .warning && issue.field == "size"
    }

    /// What differs between two responses, for failure messages.
    static func difference(_ read: SurveyResponse?, _ written: SurveyResponse) -> String {
        guard let read else { return "rejected" }
        var lines: [String] = []
        if read.profile != written.profile { lines.append("profile \(read.profile) ≠ \(written.profile)") }
        for id in Set(read.answers.keys).union(written.answers.keys).sorted() where read.answers[id] != written.answers[id] {
            lines.append("\(id): read \(read.answers[id].map { "\($0)" } ?? "nothing"), written \(written.answers[id].map { "\($0)" } ?? "nothing")")
        }
        return lines.joined(separator: "; ")
    }

    /// A small tree for exact-output tests: one question of each kind the writers treat
    /// differently.
    static let smallTree = try! IndicatorTree.parse(Data(#"""
        {
          "format": 1, "id": "small", "version": "1", "name": "小",
          "questions": [
            {"id": "A1", "label": "CIO职级", "type": "choice", "options": [
              {"code": "none", "label": "未设"}, {"code": "director", "label": {"zh": "总监级", "en": "Director"}}]},
            {"id": "B1", "label": {"zh": "信息化投入", "en": "IT spending"}, "type": "number", "unit": "万元", "min": 0},
            {"id": "B2", "label": "联网率", "type": "percent", "unit": "%", "min": 0, "max": 100},
            {"id": "C1", "label": "ERP模块", "type": "multi-choice", "required": false, "options": [
              {"code": "finance", "label": "财务"}, {"code": "sales", "label": "销售"}]},
            {"id": "C2", "label": "数控化率", "type": "percent", "allowsNotApplicable": true, "required": false},
            {"id": "F0", "label": "重点用能单位", "type": "yes-no"},
            {"id": "X1", "label": "成效", "type": "text", "required": false}
          ],
          "tree": {"id": "root", "name": "总分", "children": [
            {"id": "A1", "name": "一", "weight": 0.5, "rule": {"kind": "choice", "question": "A1", "scores": {"none": 0, "director": 100}}},
            {"id": "B2", "name": "二", "weight": 0.5, "rule": {"kind": "linear", "question": "B2", "low": 0, "high": 80}}
          ]}
        }
        """#.utf8), source: "small.json")

    /// Two enterprises of ``smallTree`` written by hand.
    static let smallResponses = [
        SurveyResponse(
            profile: EnterpriseProfile(
                uscc: "91371402MA3C5LXK2W", name: "德州华信化工有限公司", district: "371402", industry: "C26", size: .medium,
                employees: 420, revenue: 18600.5, year: 2026),
            answers: [
                "A1": .choice("director"), "B1": .number(1234.5), "B2": .number(35), "C1": .choices(["finance", "sales"]),
                "C2": .notApplicable, "F0": .yesNo(true), "X1": .text("上线ERP，\"业财\"一体化\n下一步上云"),
            ]),
        SurveyResponse(
            profile: EnterpriseProfile(
                uscc: "92371427MA3R6T9W2D", name: "夏津县宏达棉纺厂", district: "371427", industry: "C17", size: .micro,
                employees: 12, revenue: 260, year: 2026),
            answers: ["A1": .choice("none"), "B1": .number(0), "B2": .number(12.5), "C1": .choices([]), "F0": .yesNo(false)]),
    ]

    /// A fresh temporary file URL with `name` in `directory`.
    static func write(
        _ responses: some Sequence<SurveyResponse>, to url: URL, with makeWriter: (URL) throws -> any SurveyRecordWriter
    ) throws {
        let writer = try makeWriter(url)
        for response in responses { try writer.write(response) }
        try writer.close()
    }
}
