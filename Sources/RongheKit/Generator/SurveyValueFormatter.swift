import Foundation

/// One value of a batch row as a person would enter it: text, a plain number, or a number shown
/// as a percentage (a spreadsheet cell formatted `0%`).
enum SurveyCell: Equatable {
    case text(String)
    case number(Double)
    /// A fraction shown as a percentage: 0.35 displayed as 35%.
    case percentage(Double)
    case blank
}

/// Writes answers the way enterprises type them into a spreadsheet or CSV file: 是/否, the
/// Chinese label of a choice, several labels joined with 、, 无 for none, 不适用, numbers with
/// or without thousands separators and percent signs, profile codes as text.
///
/// Every text it makes reads back through ``AnswerParser`` as the same answer: an option label
/// that another option's label or code would shadow, or that contains a separator, is replaced
/// by one that is unambiguous (the English label, else the code), checked once per tree.
struct SurveyValueFormatter {
    /// How one enterprise (one row) types its figures.
    struct Style: Equatable {
        /// `12,345.6` rather than `12345.6` for figures of 1,000 or more.
        var thousandsSeparators = false
        /// `35%` rather than `35` in percent questions (in a workbook: a cell formatted as a
        /// percentage).
        var percentSigns = false

        /// The style ``SurveyTyping/varied`` gives row `row`: a fixed function of the row number,
        /// so files are reproducible.
        static func forRow(_ row: Int) -> Style {
            var random = GeneratorRandom(seed: 0x5459_4C45, stream: UInt64(row))
            return Style(thousandsSeparators: random.chance(0.3), percentSigns: random.chance(0.4))
        }
    }

    let tree: IndicatorTree
    /// For each choice and multi-choice question, the text written for each option code.
    private let optionTexts: [String: [String: String]]

    init(tree: IndicatorTree) {
        self.tree = tree
        var texts: [String: [String: String]] = [:]
        for question in tree.questions where question.type.hasOptions {
            var byCode: [String: String] = [:]
            for option in question.options {
                let candidates = [option.label.zh, option.label.en, option.code].compactMap { $0 }
                byCode[option.code] = candidates.first { Self.readsBack($0, as: option, in: question) } ?? option.code
            }
            texts[question.id] = byCode
        }
        optionTexts = texts
    }

    /// Separators a multi-choice reader splits on.
    static let separators: Set<Character> = [";", ",", "|", "\n", "\r", "；", "，", "｜"]

    /// Whether `text` written alone, or among other options, reads back as `option`.
    private static func readsBack(_ text: String, as option: QuestionOption, in question: Question) -> Bool {
        guard !text.isEmpty, !AnswerParser.notApplicableWords.contains(TextNormalization.matchKey(text)) else { return false }
        guard AnswerParser.option(matching: text, in: question)?.code == option.code else { return false }
        if question.type == .multiChoice {
            if text.contains(where: separators.contains) { return false }
            if AnswerParser.noneWords.contains(TextNormalization.matchKey(text)) { return false }
        }
        return true
    }

    // MARK: Profile

    /// The cells of the profile fields in ``ProfileField/surveyFields`` order.
    func profileCells(_ profile: EnterpriseProfile) -> [SurveyCell] {
        ProfileField.surveyFields.map { field in
            switch field {
            case .uscc: return .text(profile.uscc)
            case .name: return .text(profile.name)
            case .district: return .text(profile.district)
            case .industry: return .text(profile.industry)
            case .industrySection: return .text(profile.industrySection)
            case .size: return .text(profile.size.label.zh)
            case .employees: return profile.employees.map { .number(Double($0)) } ?? .blank
            case .revenue: return profile.revenue.map { .number($0) } ?? .blank
            case .year: return .number(Double(profile.year))
            }
        }
    }

    // MARK: Answers

    /// The cell for `answer` to `question`, for a workbook.
    func cell(_ answer: Answer?, for question: Question, style: Style) -> SurveyCell {
        guard let answer else { return .blank }
        switch answer {
        case .notApplicable: return .text("不适用")
        case .yesNo(let flag): return .text(flag ? "是" : "否")
        case .text(let text): return .text(text)
        case .choice(let code): return .text(optionTexts[question.id]?[code] ?? code)
        case .choices(let codes): return .text(choicesText(codes, for: question))
        case .number(let value):
            guard question.type == .percent else { return .number(value) }
            if style.percentSigns, let fraction = Self.exactFraction(value) { return .percentage(fraction) }
            // Under the fraction convention a bare 35 would mean 3500%; the sign keeps it 35%.
            return question.percentScale == .fraction ? .text(Self.decimal(value, thousands: false) + "%") : .number(value)
        }
    }

    /// The text for `answer` to `question`, for a CSV file.
    func text(_ answer: Answer?, for question: Question, style: Style) -> String {
        switch cell(answer, for: question, style: style) {
        case .blank: return ""
        case .text(let text): return text
        case .percentage(let fraction): return Self.decimal(fraction * 100, thousands: false) + "%"
        case .number(let value):
            if question.type == .percent && style.percentSigns { return Self.decimal(value, thousands: false) + "%" }
            return Self.decimal(value, thousands: style.thousandsSeparators)
        }
    }

    /// The profile fields as CSV text: figures as `style` types them, the year never grouped.
    func profileTexts(_ profile: EnterpriseProfile, style: Style) -> [String] {
        zip(ProfileField.surveyFields, profileCells(profile)).map { field, cell in
            switch cell {
            case .blank: return ""
            case .text(let text): return text
            case .number(let value): return Self.decimal(value, thousands: style.thousandsSeparators && field != .year)
            case .percentage(let fraction): return Self.decimal(fraction * 100, thousands: false) + "%"
            }
        }
    }

    /// The fraction to store for a percentage cell showing `percent`, when a reader gets `percent`
    /// back from it: the double nearest to percent/100 (not percent / 100, which can be one off),
    /// surviving libxlsxwriter's 16-digit `%.16G` and the reader's × 100. Nil when it does not
    /// (0.07 × 100 is 7.000000000000001), and the cell is then written as a plain number.
    static func exactFraction(_ percent: Double) -> Double? {
        guard percent.isFinite, let fraction = Double("\(percent)e-2"), fraction * 100 == percent,
            Double(String(format: "%.16G", fraction)) == fraction
        else { return nil }
        return fraction
    }

    /// The options chosen, as labels joined with 、 (or ; when a label holds a 、), or 无.
    private func choicesText(_ codes: [String], for question: Question) -> String {
        guard !codes.isEmpty else { return "无" }
        let pieces = codes.map { optionTexts[question.id]?[$0] ?? $0 }
        return pieces.contains { $0.contains("、") } ? pieces.joined(separator: ";") : pieces.joined(separator: "、")
    }

    /// A number as people type it: whole numbers without a decimal point, others in their
    /// shortest exact form, optionally with thousands separators.
    static func decimal(_ value: Double, thousands: Bool) -> String {
        let plain = formatNumber(value)
        guard thousands, abs(value) >= 1000, !plain.contains("e") else { return plain }
        let negative = plain.hasPrefix("-")
        let unsigned = negative ? String(plain.dropFirst()) : plain
        let parts = unsigned.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        var digits = Array(parts[0])
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + String(digits.suffix(3)) + grouped
            digits.removeLast(3)
        }
        grouped = String(digits) + grouped
        return (negative ? "-" : "") + grouped + (parts.count > 1 ? "." + parts[1] : "")
    }
}
