import Foundation

/// The outcome of checking one submitted record.
public struct SurveyValidation: Equatable, Sendable {
    /// The checked survey, or nil when the record is rejected.
    public var response: SurveyResponse?
    /// Every error (why it is rejected) and warning (accepted, but worth knowing).
    public var issues: [SurveyIssue]

    public var isAccepted: Bool { response != nil }
    public var errors: [SurveyIssue] { issues.filter { $0.severity == .error } }
}

/// Checks raw records against a tree's questions and the profile rules: the credit code's check
/// character, district and industry codes, size class, bounds, options, applicability and
/// required answers. Every problem becomes a ``SurveyIssue`` at the field's place in the file.
public struct SurveyValidator: Sendable {
    public let tree: IndicatorTree
    let mapper: FieldMapper
    /// The latest survey year accepted (next year's campaign may open early).
    let latestYear: Int
    let applicabilityOrder: [Question]
    /// The options of choice questions, prepared once for all records.
    let matchers: [String: AnswerParser.OptionMatcher]

    /// - Parameter currentYear: the year now; surveys for years after the next are refused.
    public init(tree: IndicatorTree, currentYear: Int = Calendar(identifier: .gregorian).component(.year, from: Date())) {
        self.tree = tree
        self.mapper = FieldMapper(tree: tree)
        self.latestYear = currentYear + 1
        self.applicabilityOrder = tree.applicabilityOrder
        var matchers: [String: AnswerParser.OptionMatcher] = [:]
        for question in tree.questions where question.type.hasOptions {
            matchers[question.id] = AnswerParser.OptionMatcher(question)
        }
        self.matchers = matchers
    }

    public func validate(_ raw: RawSurvey) -> SurveyValidation {
        var issues: [SurveyIssue] = raw.readIssues
        var profileFields: [ProfileField: RawField] = [:]
        var answerFields: [String: RawField] = [:]
        for field in raw.fields {
            let target = mapper.target(forKey: field.key)
            if target != nil, field.value.containsNUL {
                issues.append(nulCharacter(field, target: target))
            }
            switch target {
            case .profile(let profileField):
                if let first = profileFields[profileField] {
                    issues.append(duplicate(field, first: first, label: profileField.label))
                } else {
                    profileFields[profileField] = field
                }
            case .question(let id):
                if let first = answerFields[id] {
                    issues.append(duplicate(field, first: first, label: questionLabel(id)))
                } else {
                    answerFields[id] = field
                }
            case nil:
                if !field.value.isBlank {
                    issues.append(SurveyIssue(.warning, at: field.location, field: field.key, LocalizedText(
                        zh: "“\(field.key)”不是本次调查的内容，已忽略（原始文件中保留）",
                        en: "\"\(field.key)\" is not part of this survey; ignored (kept in the original file)")))
                }
            }
        }
        let (profile, profileIssues) = ProfileReader(fields: profileFields, record: raw.location, latestYear: latestYear).read()
        issues += profileIssues
        let answers = readAnswers(answerFields, record: raw.location, profile: profile, issues: &issues)
        guard let profile, !issues.contains(where: { $0.severity == .error }) else {
            return SurveyValidation(response: nil, issues: issues)
        }
        return SurveyValidation(response: SurveyResponse(profile: profile, answers: answers), issues: issues)
    }

    private func questionLabel(_ id: String) -> LocalizedText {
        guard let question = tree.question(id) else { return LocalizedText(zh: id) }
        return questionLabel(question)
    }

    private func questionLabel(_ question: Question) -> LocalizedText {
        LocalizedText(zh: "\(question.id) \(question.label.zh)", en: "\(question.id) \(question.label.text(.en))")
    }

    /// A NUL in a value: no spreadsheet or form can hold one (Excel refuses it), so the file is
    /// damaged or was not made by one; accepting it would break the leaders' workbook later.
    private func nulCharacter(_ field: RawField, target: FieldMapper.Target?) -> SurveyIssue {
        let label: LocalizedText
        switch target {
        case .profile(let profileField)?: label = profileField.label
        case .question(let id)?: label = questionLabel(id)
        case nil: label = LocalizedText(zh: field.key)
        }
        return SurveyIssue(.error, at: field.location, field: field.key, LocalizedText(
            zh: "\(label.zh)：内容中含有空字符（零字节），表格中不会有这样的字符，文件可能已损坏；请核对后重新发送",
            en: "\(label.text(.en)): the text contains a NUL character (a zero byte), which no form or spreadsheet holds; "
                + "the file may be damaged: ask the sender to check the value and send the file again"))
    }

    private func duplicate(_ field: RawField, first: RawField, label: LocalizedText) -> SurveyIssue {
        SurveyIssue(.error, at: field.location, field: field.key, LocalizedText(
            zh: "“\(label.zh)”填写了两次（另见\(first.location)）",
            en: "\(label.text(.en)) is given twice (see also \(first.location))"))
    }

    private func readAnswers(
        _ fields: [String: RawField], record: FileLocation, profile: EnterpriseProfile?, issues: inout [SurveyIssue]
    ) -> [String: Answer] {
        var answers: [String: Answer] = [:]
        var unreadable = Set<String>()
        for question in tree.questions {
            guard let field = fields[question.id] else { continue }
            switch AnswerParser.parse(field.value, for: question, matcher: matchers[question.id]) {
            case .answer(let answer): answers[question.id] = answer
            case .blank: break
            case .problem(let problem):
                unreadable.insert(question.id)
                let label = questionLabel(question)
                issues.append(SurveyIssue(.error, at: field.location, field: question.id, LocalizedText(
                    zh: "\(label.zh)：\(problem.zh)", en: "\(label.text(.en)): \(problem.text(.en))")))
            }
        }
        // Applicability depends on other answers (F1.2 on F0) and on the profile, so it is judged
        // once every value is read, in the order that lets conditions see inapplicable questions
        // as unanswered.
        let placeholder = EnterpriseProfile(uscc: "", name: "", district: "", industry: "", size: .micro, year: 0)
        var context = ConditionContext(profile: profile ?? placeholder, answers: answers, flags: [])
        for question in applicabilityOrder where !ConditionEvaluator.holds(question.applicableWhen!, in: context) {
            context.inapplicable.insert(question.id)
        }
        for question in tree.questions {
            // Built only when a message needs it: most questions of most records need none.
            var label: LocalizedText { questionLabel(question) }
            let location = fields[question.id]?.location ?? record
            let applies = !context.inapplicable.contains(question.id)
            switch (applies, answers[question.id]) {
            case (false, .some(let answer)):
                answers[question.id] = nil
                if answer != .notApplicable {
                    // Say when it applies, so the enterprise can tell whether its other answer is wrong.
                    let rule = question.applicableWhen?.summary ?? ""
                    issues.append(SurveyIssue(.warning, at: location, field: question.id, LocalizedText(
                        zh: "\(label.zh)：仅在 \(rule) 时填写，本企业不适用，填写内容已忽略",
                        en: "\(label.text(.en)): applies only when \(rule), so it does not apply to this enterprise; the answer was ignored")))
                }
            case (true, .notApplicable?) where !question.allowsNotApplicable:
                issues.append(SurveyIssue(.error, at: location, field: question.id, LocalizedText(
                    zh: "\(label.zh)：此项不能填写“不适用”", en: "\(label.text(.en)): cannot be answered \"not applicable\"")))
            case (true, nil) where question.required && !unreadable.contains(question.id):
                issues.append(SurveyIssue(.error, at: location, field: question.id, LocalizedText(
                    zh: "\(label.zh)：必填项未填写", en: "\(label.text(.en)): required, but left blank")))
            default:
                break
            }
        }
        return answers
    }
}

/// Reads and checks the profile block of one record.
private struct ProfileReader {
    let fields: [ProfileField: RawField]
    let record: FileLocation
    let latestYear: Int

    /// The profile, or nil when a field is missing or wrong, with the issues found.
    func read() -> (EnterpriseProfile?, [SurveyIssue]) {
        var errors: [SurveyIssue] = []
        func fail(_ field: ProfileField, _ message: LocalizedText) {
            errors.append(SurveyIssue(.error, at: fields[field]?.location ?? record, field: field.rawValue, message))
        }
        func required(_ field: ProfileField) -> RawValue? {
            guard let value = fields[field]?.value, !value.isBlank else {
                fail(field, LocalizedText(zh: "缺少“\(field.label.zh)”", en: "missing \(field.label.text(.en).lowercasedFirst)"))
                return nil
            }
            return value
        }
        func optional(_ field: ProfileField) -> RawValue? {
            guard let value = fields[field]?.value, !value.isBlank else { return nil }
            return value
        }

        var uscc: String?
        if let value = required(.uscc) {
            switch creditCode(value) {
            case .success(let code): uscc = code
            case .failure(let message): fail(.uscc, message.message)
            }
        }
        var name: String?
        if let value = required(.name) {
            let text = TextNormalization.fold(value.displayText)
            if text.count > 100 {
                fail(.name, LocalizedText(zh: "企业名称过长（\(text.count)字）", en: "the enterprise name is \(text.count) characters long; at most 100"))
            } else {
                name = text
            }
        }
        var district: String?
        if let value = required(.district) {
            let code = codeText(value)
            switch DivisionCode.problem(in: code) {
            case nil: district = code
            case .format:
                fail(.district, LocalizedText(
                    zh: "所属区县应为6位行政区划代码（如371402），实际为“\(value.displayText)”",
                    en: "the district must be a 6-digit division code such as 371402, found \"\(value.displayText)\""))
            case .province(let prefix):
                fail(.district, LocalizedText(
                    zh: "行政区划代码“\(code)”的前两位“\(prefix)”不是有效的省级代码",
                    en: "division code \(code) starts with \(prefix), which is not a province code"))
            case .provinceLevel:
                fail(.district, LocalizedText(
                    zh: "“\(code)”是省级代码，请填写区县代码", en: "\(code) is a province's code; give the district's code"))
            }
        }
        var industry: String?
        if let value = required(.industry) {
            if let code = IndustryCode.parse(codeText(value)) {
                industry = code
            } else if let (written, correct) = IndustryCode.misplacedSection(codeText(value)) {
                let division = Int(correct.dropFirst())!
                let name = IndustryCode.divisionNames[division] ?? ""
                fail(.industry, LocalizedText(
                    zh: "“\(written)”不是有效的行业代码：第\(correct.dropFirst())大类（\(name)）属于\(correct.prefix(1))门类，应填写\(correct)",
                    en: "\(written) is not a GB/T 4754 code: division \(correct.dropFirst()) (\(name)) is in section \(correct.prefix(1)); write \(correct)"))
            } else {
                fail(.industry, LocalizedText(
                    zh: "所属行业应为国民经济行业分类代码（如C26），实际为“\(value.displayText)”",
                    en: "the industry must be a GB/T 4754 code such as C26, found \"\(value.displayText)\""))
            }
        }
        let employees = optional(.employees).flatMap { count($0, field: .employees, integer: true, fail: fail) }.map { Int($0) }
        let revenue = optional(.revenue).flatMap { count($0, field: .revenue, integer: false, fail: fail) }
        var year: Int?
        if let value = required(.year) {
            if let parsed = count(value, field: .year, integer: true, fail: fail) {
                if (2000...latestYear).contains(Int(parsed)) {
                    year = Int(parsed)
                } else {
                    fail(.year, LocalizedText(
                        zh: "填报年度应在2000至\(latestYear)之间，实际为\(formatNumber(parsed))",
                        en: "the survey year must be between 2000 and \(latestYear), found \(formatNumber(parsed))"))
                }
            }
        }
        var warnings: [SurveyIssue] = []
        let size = sizeClass(employees: employees, revenue: revenue, fail: fail, warnings: &warnings)
        guard errors.isEmpty, let uscc, let name, let district, let industry, let size, let year else {
            return (nil, errors + warnings)
        }
        let profile = EnterpriseProfile(
            uscc: uscc, name: name, district: district, industry: industry, size: size, employees: employees,
            revenue: revenue, year: year)
        return (profile, warnings)
    }

    private struct Problem: Error {
        let message: LocalizedText
    }

    private func creditCode(_ value: RawValue) -> Result<String, Problem> {
        guard case .text(let text) = value else {
            let shown = Self.asSpreadsheetShowsIt(value)
            return .failure(Problem(message: LocalizedText(
                zh: "统一社会信用代码被存成了数字（\(shown)），会丢失位数；请将单元格设为文本后重新填写",
                en: "the credit code was stored as a number (\(shown)), which loses characters; format the cell as text and type it again")))
        }
        let code = TextNormalization.fold(text).uppercased().filter { !$0.isWhitespace }
        if Self.isScientificNotation(code) {
            return .failure(Problem(message: LocalizedText(
                zh: "统一社会信用代码“\(code)”被表格软件转成了科学计数法的数字，位数已经丢失；请将单元格设为文本，重新填写18位代码后保存",
                en: "the credit code \(code) was turned into a number in scientific notation by a spreadsheet program, which loses characters; format the cell as text, type the 18-character code again and save")))
        }
        switch CreditCode.problem(in: code) {
        case nil: return .success(code)
        case .length(let count):
            return .failure(Problem(message: LocalizedText(
                zh: "统一社会信用代码应为18位，实际为\(count)位（“\(code)”）",
                en: "the unified social credit code must have 18 characters, found \(count) (\"\(code)\")")))
        case .character(let character, let position):
            return .failure(Problem(message: LocalizedText(
                zh: "统一社会信用代码第\(position)位“\(character)”不是有效字符（代码不使用I、O、Z、S、V）",
                en: "character \(position) of the credit code, \"\(character)\", is not allowed (I, O, Z, S and V are never used)")))
        case .checkCharacter(let found, let expected):
            return .failure(Problem(message: LocalizedText(
                zh: "统一社会信用代码“\(code)”的校验位应为“\(expected)”而不是“\(found)”，请核对是否录入有误",
                en: "the check character of credit code \(code) should be \"\(expected)\", not \"\(found)\"; the code was probably mistyped")))
        }
    }

    /// A number as a spreadsheet shows it: whole numbers past 15 digits with Excel's 15
    /// significant digits and zeros (913714007262271000, not the binary value
    /// 913714007262270976), so the message shows what the sender sees in the cell.
    static func asSpreadsheetShowsIt(_ value: RawValue) -> String {
        guard case .number(let number) = value, number == number.rounded(), abs(number) >= 1e15, abs(number) < 1e300 else {
            return value.displayText
        }
        let scientific = String(format: "%.14e", abs(number))  // d.dddddddddddddde+XX
        let parts = scientific.split(separator: "e")
        guard parts.count == 2, let exponent = Int(parts[1]) else { return value.displayText }
        let digits = parts[0].replacingOccurrences(of: ".", with: "")
        return (number < 0 ? "-" : "") + digits + String(repeating: "0", count: max(0, exponent - 14))
    }

    /// Whether `text` is a number in a spreadsheet's scientific notation, such as `9.13714E+17`: what
    /// Excel writes to CSV for a credit code typed into a cell formatted as a number.
    static func isScientificNotation(_ text: String) -> Bool {
        let parts = text.split(separator: "E", omittingEmptySubsequences: false)
        guard parts.count == 2, let mantissa = parts.first, let exponent = parts.last,
            !mantissa.isEmpty, mantissa.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), mantissa.first!.isNumber,
            exponent.count >= 2, exponent.first == "+", exponent.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber })
        else { return false }
        return true
    }

    /// A code typed as text or stored as a whole number (371402 in a spreadsheet).
    private func codeText(_ value: RawValue) -> String {
        switch value {
        case .number(let number) where number == number.rounded() && number >= 0 && number < 1e15:
            return String(Int64(number))
        default:
            return TextNormalization.fold(value.displayText).filter { !$0.isWhitespace }
        }
    }

    private func count(_ value: RawValue, field: ProfileField, integer: Bool, fail: (ProfileField, LocalizedText) -> Void) -> Double? {
        let number: Double?
        switch value {
        case .number(let parsed): number = parsed
        case .text(let text): number = AnswerParser.parseNumber(text, unit: nil).flatMap { $0.hasPercentSign ? nil : $0.value }
        default: number = nil
        }
        let label = field.label
        guard let number else {
            fail(field, LocalizedText(
                zh: "“\(label.zh)”应填写数字，实际为“\(value.displayText)”",
                en: "\(label.text(.en)): expected a number, found \"\(value.displayText)\""))
            return nil
        }
        if number < 0 || (integer && number != number.rounded()) {
            fail(field, LocalizedText(
                zh: "“\(label.zh)”应为\(integer ? "非负整数" : "非负数")，实际为\(formatNumber(number))",
                en: "\(label.text(.en)): expected a \(integer ? "whole number" : "number") of at least 0, found \(formatNumber(number))"))
            return nil
        }
        return number
    }

    static let sizeWords: [String: SizeClass] = [
        "large": .large, "大型": .large, "大": .large, "大型企业": .large,
        "medium": .medium, "中型": .medium, "中": .medium, "中型企业": .medium,
        "small": .small, "小型": .small, "小": .small, "小型企业": .small,
        "micro": .micro, "微型": .micro, "微": .micro, "微型企业": .micro,
    ]

    private func sizeClass(
        employees: Int?, revenue: Double?, fail: (ProfileField, LocalizedText) -> Void, warnings: inout [SurveyIssue]
    ) -> SizeClass? {
        let derived = employees.flatMap { employees in revenue.map { SizeClass.classify(employees: employees, revenue: $0) } }
        let location = fields[.size]?.location ?? record
        guard let value = fields[.size]?.value, !value.isBlank else {
            guard let derived else {
                fail(.size, LocalizedText(
                    zh: "缺少“企业规模”（也可填写从业人员和营业收入由系统判定）",
                    en: "missing size class (or give employees and revenue so it can be derived)"))
                return nil
            }
            warnings.append(SurveyIssue(.warning, at: location, field: ProfileField.size.rawValue, LocalizedText(
                zh: "未填写企业规模，已按从业人员和营业收入判定为“\(derived.label.zh)”",
                en: "no size class given; derived as \(derived.rawValue) from employees and revenue")))
            return derived
        }
        guard let declared = Self.sizeWords[TextNormalization.matchKey(value.displayText)] else {
            fail(.size, LocalizedText(
                zh: "企业规模应为大型、中型、小型或微型，实际为“\(value.displayText)”",
                en: "the size class must be large, medium, small or micro, found \"\(value.displayText)\""))
            return nil
        }
        if let derived, let employees, let revenue, derived != declared {
            warnings.append(SurveyIssue(.warning, at: location, field: ProfileField.size.rawValue, LocalizedText(
                zh: "填报的企业规模为“\(declared.label.zh)”，但按从业人员\(employees)人、营业收入\(formatNumber(revenue))万元应为“\(derived.label.zh)”",
                en: "the declared size class is \(declared.rawValue), but \(employees) employees and \(formatNumber(revenue)) 万元 revenue make it \(derived.rawValue)")))
        }
        return declared
    }
}

extension String {
    /// The string with its first letter in lower case, for labels inside sentences.
    var lowercasedFirst: String {
        guard let first else { return self }
        return first.lowercased() + dropFirst()
    }
}
