import Foundation

/// Reads answers as people type them into forms, spreadsheets and files.
///
/// - Yes/no: 是/否, 有/无, Y/N, yes/no, true/false, 1/0, √/×, or a spreadsheet boolean.
/// - Choices: the option's code, its Chinese or English label, or one of its aliases, ignoring
///   case, white space and full-width forms.
/// - Multi-choice: several of those separated by `;` `,` `、` `|` or new lines; 无 / none for none.
/// - Numbers: full-width digits, thousands separators (1,234.5), a trailing unit (120万元, 35人),
///   Unicode minus. Percent questions take 35, 35% or, under the `fraction` convention, 0.35; a
///   cell formatted as a percentage in a spreadsheet always means what it shows.
/// - 不适用 / N/A marks a question as not applicable.
enum AnswerParser {
    /// The outcome of reading one value.
    enum Outcome: Equatable {
        case answer(Answer)
        /// Nothing was written: the question is unanswered.
        case blank
        case problem(LocalizedText)
    }

    static let maximumTextLength = 2000

    static let notApplicableWords: Set<String> = ["不适用", "不涉及", "n/a", "na", "notapplicable", "无此项"]
    static let yesWords: Set<String> = ["是", "有", "y", "yes", "true", "t", "1", "√", "✓", "对"]
    static let noWords: Set<String> = ["否", "无", "没有", "不是", "n", "no", "false", "f", "0", "×", "✗"]
    static let noneWords: Set<String> = ["无", "没有", "none", "无以上", "都没有", "均无"]

    /// The error values spreadsheets show when a formula fails.
    static let spreadsheetErrors: Set<String> = ["#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#GETTING_DATA"]

    /// - Parameter matcher: the question's options prepared once, for reading many records.
    static func parse(_ raw: RawValue, for question: Question, matcher: OptionMatcher? = nil) -> Outcome {
        if raw.isBlank { return .blank }
        // The text's key, computed once for the not-applicable words, yes/no and options; plain
        // figures (most cells of a batch) are none of those and skip it.
        var key: String?
        if case .text(let text) = raw, !isPlainFigure(text) {
            if text.utf8.contains(0x23), case let folded = TextNormalization.fold(text).uppercased(), spreadsheetErrors.contains(folded) {
                return .problem(LocalizedText(
                    zh: "单元格显示表格错误值\(folded)（公式出错）；请直接填写数值，或留空",
                    en: "the cell shows the spreadsheet error \(folded) (a formula failed); type the value itself or leave it blank"))
            }
            key = TextNormalization.matchKey(text)
            if notApplicableWords.contains(key!) { return .answer(.notApplicable) }
        }
        switch question.type {
        case .number, .percent: return number(raw, for: question)
        case .yesNo: return yesNo(raw, key: key)
        case .choice: return choice(raw, for: question, matcher: matcher ?? OptionMatcher(question), key: key)
        case .multiChoice: return choices(raw, for: question, matcher: matcher ?? OptionMatcher(question))
        case .text:
            let text = raw.displayText.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.count > maximumTextLength {
                return .problem(LocalizedText(
                    zh: "文字过长（\(text.count)字），最多\(maximumTextLength)字",
                    en: "the text is \(text.count) characters long; at most \(maximumTextLength) are accepted"))
            }
            return .answer(.text(text))
        }
    }

    // MARK: Numbers

    private static func number(_ raw: RawValue, for question: Question) -> Outcome {
        let value: Double
        switch raw {
        case .number(let number):
            if question.type == .percent && question.percentScale == .fraction {
                if abs(number) > 1 { return fractionExpected(number) }
                value = number * 100
            } else {
                value = number
            }
        case .percentNumber(let fraction):
            guard question.type == .percent else { return notAPercentage(question) }
            value = fraction * 100
        case .text(let text):
            guard let parsed = parseNumber(text, unit: question.unit) else {
                if isOverflowing(text) {
                    return .problem(LocalizedText(
                        zh: "数值“\(text)”过大，不可能是实际数据；请核对数字和单位",
                        en: "\(text) is far too large to be a real figure; check the number and its unit"))
                }
                return .problem(LocalizedText(zh: "应填写数字，实际为“\(text)”", en: "expected a number, found \"\(text)\""))
            }
            if parsed.hasPercentSign {
                guard question.type == .percent else { return notAPercentage(question) }
                value = parsed.value
            } else if question.type == .percent && question.percentScale == .fraction {
                if abs(parsed.value) > 1 { return fractionExpected(parsed.value) }
                value = parsed.value * 100
            } else {
                value = parsed.value
            }
        case .bool, .list, .date:
            return .problem(LocalizedText(
                zh: "应填写数字，实际为“\(raw.displayText)”", en: "expected a number, found \"\(raw.displayText)\""))
        }
        return checkBounds(value, for: question)
    }

    private static func fractionExpected(_ value: Double) -> Outcome {
        .problem(LocalizedText(
            zh: "应填写小数（如0.35）或百分数（如35%），实际为\(formatNumber(value))",
            en: "expected a fraction such as 0.35 or a percentage such as 35%, found \(formatNumber(value))"))
    }

    private static func notAPercentage(_ question: Question) -> Outcome {
        let unit = question.unit
        return .problem(LocalizedText(
            zh: "应填写数字\(unit.map { "（单位：\($0.zh)）" } ?? "")，不是百分数",
            en: "expected a number\(unit.map { " in \($0.text(.en))" } ?? ""), not a percentage"))
    }

    static func checkBounds(_ value: Double, for question: Question) -> Outcome {
        if question.integer && value != value.rounded() {
            return .problem(LocalizedText(
                zh: "应为整数，实际为\(formatNumber(value))", en: "expected a whole number, found \(formatNumber(value))"))
        }
        if let minimum = question.minimum, value < minimum {
            return .problem(LocalizedText(
                zh: "\(formatNumber(value))小于允许的最小值\(formatNumber(minimum))",
                en: "\(formatNumber(value)) is below the minimum of \(formatNumber(minimum))"))
        }
        if let maximum = question.maximum, value > maximum {
            return .problem(LocalizedText(
                zh: "\(formatNumber(value))大于允许的最大值\(formatNumber(maximum))",
                en: "\(formatNumber(value)) is above the maximum of \(formatNumber(maximum))"))
        }
        return .answer(.number(value))
    }

    /// Parses a typed number: sign, digits with optional thousands separators, decimals,
    /// exponent, then an optional `%` or unit. Returns nil for anything else (including NaN,
    /// infinity and hexadecimal, which `Double(_:)` would accept).
    static func parseNumber(_ text: String, unit: LocalizedText? = nil) -> (value: Double, hasPercentSign: Bool)? {
        // Plain ASCII needs no folding; dropping its spaces byte by byte avoids Character work.
        var body = text.utf8.allSatisfy({ $0 < 0x80 })
            ? String(decoding: text.utf8.filter { $0 != 0x20 && !(0x09...0x0D).contains($0) }, as: UTF8.self)
            : TextNormalization.fold(text).filter { !$0.isWhitespace }
        var hasPercentSign = false
        if body.hasSuffix("%") {
            hasPercentSign = true
            body.removeLast()
        } else if let last = body.utf8.last, !(0x30...0x39).contains(last) && last != 0x2E {
            // A unit can only follow the figure when the text does not end in a digit.
            let units = [unit?.zh, unit?.en, "万元", "元", "人", "台", "个", "项", "对"].compactMap { $0 }
                .filter { !$0.isEmpty && $0 != "%" }
            if let suffix = units.first(where: { body.hasSuffix($0) && body.count > $0.count }) {
                body.removeLast(suffix.count)
            }
        }
        if body.utf8.contains(0x2C) {  // ,
            // Only well-formed thousands groups: 1,234 or 12,345.6 — never 1,2.
            let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            let groups = parts[0].split(separator: ",", omittingEmptySubsequences: false)
            let head = groups[0].hasPrefix("-") || groups[0].hasPrefix("+") ? groups[0].dropFirst() : groups[0][...]
            guard (1...3).contains(head.count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
            body = String(decoding: body.utf8.filter { $0 != 0x2C }, as: UTF8.self)
        }
        guard isDecimalLiteral(body), let value = Double(body), value.isFinite else { return nil }
        return (value, hasPercentSign)
    }

    /// Whether `text` is a well-formed decimal number too large for a double, such as `1e400`.
    static func isOverflowing(_ text: String) -> Bool {
        let body = TextNormalization.fold(text).filter { !$0.isWhitespace }
        guard isDecimalLiteral(body), let value = Double(body) else { return false }
        return value.isInfinite
    }

    private static func isDecimalLiteral(_ text: String) -> Bool {
        var bytes = Substring(text).utf8[...]
        func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
        if bytes.first == 0x2D || bytes.first == 0x2B { bytes = bytes.dropFirst() }  // - +
        var digits = 0
        var seenPoint = false
        while let byte = bytes.first, isDigit(byte) || (byte == 0x2E && !seenPoint) {
            if byte == 0x2E { seenPoint = true } else { digits += 1 }
            bytes = bytes.dropFirst()
        }
        guard digits > 0 else { return false }
        if let marker = bytes.first, marker == 0x65 || marker == 0x45 {  // e E
            bytes = bytes.dropFirst()
            if bytes.first == 0x2D || bytes.first == 0x2B { bytes = bytes.dropFirst() }
            return !bytes.isEmpty && bytes.allSatisfy(isDigit)
        }
        return bytes.isEmpty
    }

    // MARK: Yes / no

    /// Whether `text` holds only digits, signs, separators, a point, % and spaces: then it is
    /// neither a word nor an option label, and needs no key.
    static func isPlainFigure(_ text: String) -> Bool {
        text.utf8.allSatisfy { byte in
            (0x30...0x39).contains(byte) || byte == 0x2E || byte == 0x2C || byte == 0x2B || byte == 0x2D || byte == 0x25 || byte == 0x20
        }
    }

    private static func yesNo(_ raw: RawValue, key: String?) -> Outcome {
        switch raw {
        case .bool(let flag): return .answer(.yesNo(flag))
        case .number(1): return .answer(.yesNo(true))
        case .number(0): return .answer(.yesNo(false))
        case .text(let text):
            let key = key ?? TextNormalization.matchKey(text)
            if yesWords.contains(key) { return .answer(.yesNo(true)) }
            if noWords.contains(key) { return .answer(.yesNo(false)) }
        default: break
        }
        return .problem(LocalizedText(
            zh: "应填写“是”或“否”，实际为“\(raw.displayText)”", en: "expected yes or no (是/否), found \"\(raw.displayText)\""))
    }

    // MARK: Choices

    /// The options of one question by the keys they are typed as, computed once per question so
    /// that reading a batch does not normalise every option's code and labels for every cell.
    struct OptionMatcher: Sendable {
        let question: Question
        private let byKey: [String: Int]

        /// Codes are looked up first, over all options, then Chinese labels, English labels and
        /// aliases, the first option in the list winning within each: a file written with codes
        /// must read back as written even when one option's label spells another option's code.
        init(_ question: Question) {
            self.question = question
            var byKey: [String: Int] = [:]
            let tiers: [(QuestionOption) -> [String]] = [{ [$0.code] }, { [$0.label.zh] }, { $0.label.en.map { [$0] } ?? [] }, { $0.aliases }]
            for tier in tiers {
                for (index, option) in question.options.enumerated() {
                    for text in tier(option) {
                        let key = TextNormalization.matchKey(text)
                        if !key.isEmpty && byKey[key] == nil { byKey[key] = index }
                    }
                }
            }
            self.byKey = byKey
        }

        /// The option `text` names, by code, label or alias.
        func option(matching text: String) -> QuestionOption? {
            option(forKey: TextNormalization.matchKey(text))
        }

        /// The option whose code, label or alias has this ``TextNormalization/matchKey(_:)``.
        func option(forKey key: String) -> QuestionOption? {
            guard !key.isEmpty, let index = byKey[key] else { return nil }
            return question.options[index]
        }
    }

    /// The option a typed value names, by code, label or alias; see ``OptionMatcher``.
    static func option(matching text: String, in question: Question) -> QuestionOption? {
        OptionMatcher(question).option(matching: text)
    }

    private static func unknownOption(_ text: String, in question: Question) -> LocalizedText {
        LocalizedText(
            zh: "“\(text)”不是可选项；可选：\(question.options.map(\.label.zh).joined(separator: "、"))",
            en: "\"\(text)\" is not one of the options: \(question.options.map { $0.label.text(.en) }.joined(separator: ", "))")
    }

    private static func choice(_ raw: RawValue, for question: Question, matcher: OptionMatcher, key: String?) -> Outcome {
        guard case .text(let text) = raw else {
            if case .number(let number) = raw, let option = matcher.option(matching: formatNumber(number)) {
                return .answer(.choice(option.code))
            }
            return .problem(unknownOption(raw.displayText, in: question))
        }
        guard let option = key.map(matcher.option(forKey:)) ?? matcher.option(matching: text) else {
            return .problem(unknownOption(TextNormalization.fold(text), in: question))
        }
        return .answer(.choice(option.code))
    }

    private static func choices(_ raw: RawValue, for question: Question, matcher: OptionMatcher) -> Outcome {
        var pieces: [String]
        switch raw {
        case .list(let values):
            pieces = values.map(\.displayText)
        case .text(let text):
            if let option = matcher.option(matching: text) { return .answer(.choices([option.code])) }
            pieces = TextNormalization.fold(text)
                .split(whereSeparator: { ";,|\n\r".contains($0) }).map(String.init)
            // 、 also separates, but only where the pieces are not labels containing it.
            pieces = pieces.flatMap { piece in
                matcher.option(matching: piece) != nil ? [piece] : piece.split(separator: "、").map(String.init)
            }
        default:
            pieces = [raw.displayText]
        }
        pieces = pieces.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        // 无 alone means none chosen, unless the question has an option of that name.
        if pieces.count == 1, noneWords.contains(TextNormalization.matchKey(pieces[0])), matcher.option(matching: pieces[0]) == nil {
            return .answer(.choices([]))
        }
        var chosen = Set<String>()
        for piece in pieces {
            if let option = matcher.option(matching: piece) {
                chosen.insert(option.code)
            } else if noneWords.contains(TextNormalization.matchKey(piece)) {
                return .problem(LocalizedText(zh: "“无”不能与其他选项同时填写", en: "\"none\" cannot be combined with other options"))
            } else {
                return .problem(unknownOption(piece, in: question))
            }
        }
        return .answer(.choices(question.options.map(\.code).filter(chosen.contains)))
    }
}
