/// The words of the survey form in one language: sheet names, headings, instructions and the
/// requirement, validation and applicability texts of each kind of question.
struct SurveyFormText {
    let language: Language
    let tree: IndicatorTree

    private var zh: Bool { language == .zh }

    // MARK: Sheets and headings

    var instructionsSheet: String { zh ? "填报说明" : "Instructions" }
    var surveySheet: String { zh ? "问卷" : "Survey" }
    static let listsSheet = "_lists"

    /// `两化融合发展水平评估（默认指标体系）调查表`.
    var title: String {
        zh ? "\(tree.name.zh)调查表" : "\(tree.name.text(.en)): survey form"
    }

    /// `指标体系：lianghua-default　版本：2026.1`.
    var treeLine: String {
        zh ? "指标体系：\(tree.id)　版本：\(tree.version)" : "Indicator tree: \(tree.id), version \(tree.version)"
    }

    var surveyNote: String {
        zh ? "只填写黄色单元格；填报要求见“填报说明”工作表。"
            : "Fill in the yellow cells only; see the Instructions sheet for how to fill in the form."
    }

    var columnHeaders: [String] {
        zh ? ["编号", "填报项目", "单位", "填报要求", "填报内容", "说明"]
            : ["No.", "Item", "Unit", "What to enter", "Answer", "Notes"]
    }

    var profileSection: String { zh ? "企业基本情况" : "Enterprise profile" }

    /// A section heading with its running number: `二、A 组织保障与CIO体系`, `2. A Governance…`.
    func numbered(_ heading: String, _ number: Int) -> String {
        zh ? "\(Self.chineseNumeral(number))、\(heading)" : "\(number). \(heading)"
    }

    /// The heading of the questions in `section`: the tree node it names, else what the
    /// questions are for.
    func sectionHeading(_ section: String?, questions: [Question]) -> String {
        guard let section else { return zh ? "其他问题" : "Other questions" }
        if let node = tree.node(section) {
            return "\(section) \(node.name.text(language))"
        }
        let scored = Set(tree.root.leaves.flatMap { $0.rule?.questions ?? [] })
        if !questions.contains(where: { scored.contains($0.id) }) {
            let vetoed = Set(tree.vetoes.flatMap(\.when.subjects).compactMap { subject -> String? in
                if case .question(let id) = subject { return id }
                return nil
            })
            if questions.contains(where: { vetoed.contains($0.id) }) {
                return zh ? "\(section) 资格条件" : "\(section) Eligibility"
            }
            return zh ? "\(section) 其他情况" : "\(section) Other information"
        }
        return zh ? "\(section) 部分" : "Section \(section)"
    }

    /// 一 … 九十九, for numbering sections as Chinese forms do.
    static func chineseNumeral(_ number: Int) -> String {
        let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        guard number > 0, number < 100 else { return String(number) }
        if number < 10 { return digits[number] }
        let tens = number / 10
        let units = number % 10
        return (tens == 1 ? "" : digits[tens]) + "十" + (units == 0 ? "" : digits[units])
    }

    var signatureLine: String {
        zh ? "填报人：　　　　　　联系电话：　　　　　　单位负责人（签字）：　　　　　　填报单位（盖章）：　　　　　　日期：　　　　年　　月　　日"
            : "Filled in by:                Phone:                Head of the enterprise (signature):                Company seal:                Date:"
    }

    // MARK: Profile fields

    func profileRequirement(_ field: ProfileField) -> String {
        let rule: String
        switch field {
        case .uscc: rule = zh ? "文本，18位" : "Text, 18 characters"
        case .name: rule = zh ? "文本，与营业执照一致" : "Text, as on the business licence"
        case .district: rule = zh ? "文本，6位数字" : "Text, 6 digits"
        case .industry: rule = zh ? "文本，门类字母加2位大类代码" : "Text, section letter and 2-digit division"
        case .size: rule = zh ? "从下拉列表中选择" : "Choose from the drop-down list"
        case .employees: rule = zh ? "整数，不小于0" : "Whole number, at least 0"
        case .revenue: rule = zh ? "数值，不小于0" : "Number, at least 0"
        case .year: rule = zh ? "4位年份，如2025" : "4-digit year, e.g. 2025"
        case .industrySection: rule = ""
        }
        return required + (zh ? "；" + rule : "; " + rule.lowercasedFirst)
    }

    func profileUnit(_ field: ProfileField) -> String {
        switch field {
        case .employees: return zh ? "人" : "persons"
        case .revenue: return zh ? "万元" : "10k yuan"
        case .year: return zh ? "年" : "year"
        default: return ""
        }
    }

    func profileValidationError(_ field: ProfileField) -> String {
        switch field {
        case .uscc: return zh ? "统一社会信用代码应为18位，请检查后重新填写。" : "The unified social credit code has 18 characters."
        case .district: return zh ? "行政区划代码应为6位数字，如371402。" : "The division code has 6 digits, e.g. 371402."
        case .size: return chooseFromList
        case .employees: return zh ? "请填写不小于0的整数。" : "Enter a whole number of at least 0."
        case .revenue: return zh ? "请填写不小于0的数值（单位：万元）。" : "Enter a number of at least 0 (10k yuan)."
        case .year: return zh ? "请填写2000至2100之间的4位年份。" : "Enter a year from 2000 to 2100."
        default: return ""
        }
    }

    // MARK: Questions

    var required: String { zh ? "必填" : "Required" }
    var optional: String { zh ? "选填" : "Optional" }
    var yes: String { SurveyFormWriter.yesNoLabel(true, language) }
    var no: String { SurveyFormWriter.yesNoLabel(false, language) }
    var notApplicable: String { SurveyFormWriter.notApplicableLabel(language) }
    var chooseFromList: String { zh ? "请从下拉列表中选择。" : "Choose a value from the drop-down list." }
    var errorTitle: String { zh ? "输入有误" : "Invalid entry" }
    var seeOptionsBelow: String { zh ? "见下方各选项" : "See the options below" }

    /// The requirement column of a question's row: required or not, then what to enter.
    func requirement(_ question: Question) -> String {
        let lead = question.required ? required : optional
        return zh ? lead + "；" + rule(question) : lead + "; " + rule(question).lowercasedFirst
    }

    private func rule(_ question: Question) -> String {
        switch question.type {
        case .number:
            let kind = question.integer ? (zh ? "整数" : "Whole number") : (zh ? "数值" : "Number")
            guard let range = range(question, percent: false) else { return kind }
            return kind + (zh ? "，" : ", ") + range
        case .percent:
            var text = percentHint(question)
            if let range = range(question, percent: true) {
                text += zh ? "；范围\(range)" : "; \(range)"
            }
            return text
        case .yesNo:
            return zh ? "从下拉列表中选择“\(yes)”或“\(no)”" : "Choose “\(yes)” or “\(no)” from the drop-down list"
        case .choice:
            let options = question.options.map { "· " + $0.label.text(language) }
            return (zh ? "从下拉列表中选择一项：" : "Choose one from the drop-down list:") + "\n" + options.joined(separator: "\n")
        case .multiChoice:
            return zh ? "可多选：在下方每个选项的填报内容中选择“\(yes)”或“\(no)”"
                : "Choose all that apply: answer “\(yes)” or “\(no)” for each option below"
        case .text:
            return zh ? "文字，简要填写" : "Text, briefly"
        }
    }

    /// `填写百分数，如35或35%`.
    func percentHint(_ question: Question) -> String {
        switch question.percentScale {
        case .points: return zh ? "填写百分数，如35或35%" : "A percentage, e.g. 35 or 35%"
        case .fraction: return zh ? "填写百分数，如35%或0.35" : "A percentage, e.g. 35% or 0.35"
        }
    }

    /// The bounds in words, `0～100`, `不小于0`, `at most 15`; nil without bounds.
    private func range(_ question: Question, percent: Bool) -> String? {
        let suffix = percent ? "%" : ""
        switch (question.minimum, question.maximum) {
        case let (low?, high?):
            return zh ? "\(formatNumber(low))\(suffix)～\(formatNumber(high))\(suffix)"
                : "\(formatNumber(low))\(suffix) to \(formatNumber(high))\(suffix)"
        case let (low?, nil):
            return zh ? "不小于\(formatNumber(low))\(suffix)" : "at least \(formatNumber(low))\(suffix)"
        case let (nil, high?):
            return zh ? "不大于\(formatNumber(high))\(suffix)" : "at most \(formatNumber(high))\(suffix)"
        case (nil, nil):
            return nil
        }
    }

    /// The error Excel shows when a number is out of bounds.
    func numberError(_ question: Question) -> String {
        let kind = question.integer ? (zh ? "整数" : "whole number") : (zh ? "数值" : "number")
        var text: String
        if let range = range(question, percent: false) {
            text = zh ? "请填写\(range)的\(kind)。" : "Enter a \(kind), \(range)."
        } else {
            text = zh ? "请填写\(kind)。" : "Enter a \(kind)."
        }
        if question.type == .percent {
            text += zh ? "百分数可填35或35%。" : " Percentages may be entered as 35 or 35%."
        }
        if question.allowsNotApplicable {
            text += zh ? "不适用的，可填“\(notApplicable)”。" : " Enter “\(notApplicable)” if it does not apply."
        }
        return text
    }

    /// The notes column: when the question applies, and whether 不适用 may be entered.
    func notes(_ question: Question) -> String {
        var notes: [String] = []
        if let condition = question.applicableWhen {
            notes.append(ConditionWording(tree: tree, language: language).applicability(condition))
        }
        if question.allowsNotApplicable {
            notes.append(zh ? "不适用的，可填“\(notApplicable)”" : "Enter “\(notApplicable)” if it does not apply")
        }
        return notes.joined(separator: zh ? "；" : "; ")
    }

    /// The requirement column of one option line of a multi-choice question.
    var optionRequirement: String {
        zh ? "选择“\(yes)”或“\(no)”" : "Choose “\(yes)” or “\(no)”"
    }

    var notApplicableOption: String {
        zh ? "以上均不适用" : "None of the above applies"
    }

    // MARK: Instructions

    /// The numbered instructions, one paragraph each.
    var instructions: [String] {
        if zh {
            return [
                "每家企业填写一份本工作簿。请在“\(surveySheet)”工作表中填写，填好后仍以 .xlsx 格式保存（不要另存为 .xls、.et 或 PDF），按通知要求报送。",
                "只能在黄色单元格中填写；其他内容已锁定。请勿增删行列，勿重命名或删除工作表（隐藏的工作表供系统识别本表）。",
                "带下拉箭头的单元格请从下拉列表中选择。多选题请在每个选项的填报内容中选择“\(yes)”或“\(no)”。",
                "无法回答的项目请留空，不要用“0”“无”“/”代替。只有注明可填“\(notApplicable)”的项目才可填写“\(notApplicable)”；注明“仅当……时填写”的项目，条件不满足时请留空。",
                "百分比可填写数字（如35表示35%），也可直接填写35%。",
                "金额单位为万元，人数单位为人，其他单位见“单位”列。",
                "统一社会信用代码（18位）、行政区划代码（6位）和行业代码（如C26）请按文本填写，相应单元格已设为文本格式。",
                "标注“\(required)”的项目必须填写。所填数据应真实、准确，与统计和财务报表口径一致。",
            ]
        }
        return [
            "Each enterprise fills in one copy of this workbook. Answer on the \(surveySheet) sheet, save the workbook as .xlsx (not .xls, .et or PDF) and send it as the call for applications says.",
            "Only the yellow cells can be filled in; everything else is locked. Do not insert or delete rows or columns, and do not rename or delete sheets (the hidden sheets let the bureau's system recognise this form).",
            "Where a cell has a drop-down arrow, choose from the list. For a question with several options, answer “\(yes)” or “\(no)” for each option.",
            "Leave blank what you cannot answer; do not write 0, “none” or “/” instead. Write “\(notApplicable)” only where the notes allow it; leave blank a question that says “Answer only if …” when the condition does not hold.",
            "Enter percentages as numbers (35 means 35%) or as 35%.",
            "Amounts are in 10k yuan (万元), staff in persons; other units are in the Unit column.",
            "Enter the unified social credit code (18 characters), the division code (6 digits) and the industry code (such as C26) as text; their cells are formatted as text.",
            "Items marked “\(required)” must be answered. The figures must be true and accurate and agree with your statistical and financial reports.",
        ]
    }

    var instructionsHeading: String { zh ? "填报说明" : "How to fill in the form" }
    var contentsHeading: String { zh ? "问卷内容" : "Contents of the survey" }
    var contactHeading: String { zh ? "联系方式" : "Contact" }
    var contactPlaceholder: String {
        zh ? "联系人：＿＿＿＿＿＿　　联系电话：＿＿＿＿＿＿　　电子邮箱：＿＿＿＿＿＿"
            : "Contact person: ____________   Phone: ____________   E-mail: ____________"
    }

    /// A contents line: `一、企业基本情况（8项）`, `2. A Governance and CIO network (6 questions)`.
    func contentsLine(_ heading: String, count: Int, profile: Bool) -> String {
        if zh { return heading + (profile ? "（\(count)项）" : "（\(count)题）") }
        let noun = profile ? (count == 1 ? "item" : "items") : (count == 1 ? "question" : "questions")
        return "\(heading) (\(count) \(noun))"
    }

    var markerNote: String {
        "此工作表供系统识别调查表，请勿修改。Ronghe reads this form through this sheet; do not edit it."
    }

    /// The printed page header and footer, in Excel's header codes.
    var pageHeader: String { "&C" + Self.escapedHeaderText(title) }
    var pageFooter: String { zh ? "&C第 &P 页，共 &N 页" : "&CPage &P of &N" }

    /// Text safe inside an Excel header: `&` doubled, and cut to 100 UTF-16 units first so the
    /// header stays within Excel's 255 characters.
    static func escapedHeaderText(_ text: String) -> String {
        var short = ""
        var units = 0
        for character in text {
            units += character.utf16.count
            if units > 100 {
                short += "…"
                break
            }
            short.append(character)
        }
        return short.replacingOccurrences(of: "&", with: "&&")
    }
}
