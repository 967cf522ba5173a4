/// Turns an invented enterprise into answers to any valid tree's questions.
///
/// Questions the default tree knows (by id, type and options) take the enterprise's
/// ``LianghuaAnswerPlan``; every other question gets a generic answer from the enterprise's
/// maturity and the rule that scores it: goalposts for numbers (a ratio's numerator follows
/// its denominator), option scores for choices, option order otherwise. Every answer respects the
/// question: bounds, whole numbers, options, 不适用 only where allowed. Then non-required
/// questions are left blank at the enterprise's blank rate, and answers to questions that do not
/// apply are dropped, judged exactly as the validator judges them. The result is what a
/// validator reads back from a correctly written file.
struct AnswerSampler {
    let tree: IndicatorTree
    /// Questions in the order answers are drawn: a ratio's denominator before its numerator.
    private let generationOrder: [Question]
    /// For each question, the rules that read it.
    private let rulesByQuestion: [String: [Rule]]
    private let applicabilityOrder: [Question]
    /// For each multi-choice question, its options called 无 or none (see ``isNoneLike(_:)``).
    private let noneLikeCodes: [String: Set<String>]

    init(tree: IndicatorTree) {
        self.tree = tree
        var noneLike: [String: Set<String>] = [:]
        for question in tree.questions where question.type == .multiChoice {
            noneLike[question.id] = Set(question.options.filter(Self.isNoneLike).map(\.code))
        }
        noneLikeCodes = noneLike
        var rules: [String: [Rule]] = [:]
        var numerators: [String: String] = [:]
        for leaf in tree.root.leaves {
            guard let rule = leaf.rule else { continue }
            for id in Self.questions(readBy: rule) { rules[id, default: []].append(rule) }
            if case .ratio(.question(let numerator), .question(let denominator), _, _) = rule {
                numerators[numerator] = denominator
            }
        }
        rulesByQuestion = rules
        var order: [Question] = []
        var placed = Set<String>()
        func place(_ question: Question, depth: Int) {
            guard !placed.contains(question.id) else { return }
            if depth < 8, let denominator = numerators[question.id], let other = tree.question(denominator) {
                place(other, depth: depth + 1)
            }
            guard !placed.contains(question.id) else { return }
            placed.insert(question.id)
            order.append(question)
        }
        for question in tree.questions { place(question, depth: 0) }
        generationOrder = order
        applicabilityOrder = tree.applicabilityOrder
    }

    static func questions(readBy rule: Rule) -> [String] {
        switch rule {
        case .linear(let id, _), .steps(let id, _, _), .choice(let id, _), .yesNo(let id, _, _), .share(let id, _),
            .points(let id, _), .batch(let id, _, _, _):
            return [id]
        case .ratio(let numerator, let denominator, _, _):
            return [numerator, denominator].compactMap {
                if case .question(let id) = $0 { return id }
                return nil
            }
        }
    }

    /// The answers of `enterprise`, drawing from `random`.
    func answers(for enterprise: SyntheticEnterprise, random: inout GeneratorRandom) -> [String: Answer] {
        let plan = LianghuaAnswerPlan(enterprise, random: &random)
        var answers: [String: Answer] = [:]
        for question in generationOrder {
            switch plan.proposals[question.id].flatMap({ fit($0, to: question) }) {
            case .answer(let answer)?:
                answers[question.id] = answer
                continue
            case .blank?:
                continue
            case nil:
                break
            }
            if let answer = generic(question, enterprise: enterprise, answers: answers, random: &random) {
                answers[question.id] = answer
            }
        }
        // Blanks, drawn in file order so that the draws do not depend on which were answered.
        for question in tree.questions {
            let leaveBlank = random.chance(enterprise.blankRate)
            if leaveBlank && !question.required { answers[question.id] = nil }
        }
        // Applicability, as SurveyValidator judges it.
        var context = ConditionContext(profile: enterprise.profile, answers: answers, flags: [])
        for question in applicabilityOrder where !ConditionEvaluator.holds(question.applicableWhen!, in: context) {
            context.inapplicable.insert(question.id)
        }
        for id in context.inapplicable { answers[id] = nil }
        return answers
    }

    /// What a planned answer becomes for a question.
    private enum Fitted {
        case answer(Answer)
        case blank
    }

    /// A planned answer fitted to the question, or nil when the question is not the one the plan
    /// was made for (another type, unknown options, 不适用 not allowed, a required question the
    /// plan would leave blank).
    private func fit(_ proposal: LianghuaAnswerPlan.Proposal, to question: Question) -> Fitted? {
        switch (proposal, question.type) {
        case (.number(let value, let decimals), .number), (.number(let value, let decimals), .percent):
            guard let number = Self.fitNumber(value, decimals: question.integer ? 0 : decimals, to: question) else { return nil }
            return .answer(.number(number))
        case (.yesNo(let flag), .yesNo):
            return .answer(.yesNo(flag))
        case (.choice(let code), .choice) where question.option(code) != nil:
            return .answer(.choice(code))
        case (.choices(let codes), .multiChoice) where codes.allSatisfy({ question.option($0) != nil }):
            let noneLike = noneLikeCodes[question.id] ?? []
            if codes.isEmpty && !noneLike.isEmpty { return nil }
            if codes.count > 1 && codes.contains(where: noneLike.contains) { return nil }
            return .answer(.choices(question.options.map(\.code).filter(codes.contains)))
        case (.text(let text), .text):
            return .answer(.text(text))
        case (.notApplicable, _) where question.allowsNotApplicable:
            return .answer(.notApplicable)
        case (.blank, _) where !question.required:
            return .blank
        default:
            return nil
        }
    }

    /// Whether an option is called 无 or none in some spelling: readers take it for "none of
    /// them" when it is listed with other options, so it can only be chosen alone; and "none chosen"
    /// cannot be written when such an option exists.
    static func isNoneLike(_ option: QuestionOption) -> Bool {
        ([option.code, option.label.zh, option.label.en ?? ""] + option.aliases).contains {
            AnswerParser.noneWords.contains(TextNormalization.matchKey($0))
        }
    }

    /// `value` rounded to `decimals` and kept within the question's bounds; nil when no such value
    /// exists (a whole-number question whose bounds hold no whole number).
    static func fitNumber(_ value: Double, decimals: Int, to question: Question) -> Double? {
        var number = SyntheticEnterprise.rounded(value, decimals: decimals)
        if let minimum = question.minimum, number < minimum { number = question.integer ? minimum.rounded(.up) : minimum }
        if let maximum = question.maximum, number > maximum { number = question.integer ? maximum.rounded(.down) : maximum }
        if question.integer { number = number.rounded() }
        if let minimum = question.minimum, number < minimum { return nil }
        if let maximum = question.maximum, number > maximum { return nil }
        return number.isFinite ? number : nil
    }

    // MARK: Generic answers

    private func generic(
        _ question: Question, enterprise: SyntheticEnterprise, answers: [String: Answer], random: inout GeneratorRandom
    ) -> Answer? {
        let propensity = min(1, max(0, enterprise.maturity + random.normal(mean: 0, deviation: 0.15)))
        if question.allowsNotApplicable && random.chance(0.04) { return .notApplicable }
        let rules = rulesByQuestion[question.id] ?? []
        switch question.type {
        case .number, .percent:
            let target = number(for: question, rules: rules, propensity: propensity, enterprise: enterprise, answers: answers, random: &random)
            let span = abs((question.maximum ?? target) - (question.minimum ?? 0))
            let decimals = question.integer ? 0 : span > 0 && span < 5 ? 2 : 1
            return Self.fitNumber(target, decimals: decimals, to: question).map(Answer.number)
        case .yesNo:
            var yes = propensity
            if case .yesNo(_, let yesScore, let noScore)? = rules.first, yesScore < noScore { yes = 1 - propensity }
            return .yesNo(random.chance(yes))
        case .choice:
            guard !question.options.isEmpty else { return nil }
            var ordered = question.options.map(\.code)
            if case .choice(_, let scores)? = rules.first {
                ordered = Self.stableSorted(ordered, by: { scores[$0] ?? 0 })
            }
            let position = min(ordered.count - 1, Int((propensity * 1.1 - 0.05).clamped01 * Double(ordered.count)))
            return .choice(ordered[position])
        case .multiChoice:
            let noneLike = noneLikeCodes[question.id] ?? []
            var chosen = question.options.map(\.code).filter { _ in random.chance(0.15 + 0.7 * propensity) }
            if chosen.count > 1 { chosen.removeAll(where: noneLike.contains) }
            if chosen.isEmpty && !noneLike.isEmpty { chosen = [question.options[0].code] }
            return .choices(chosen)
        case .text:
            return .text(random.element(of: ["已按要求开展", "详见附件材料", "稳步推进中", "取得阶段性成效"]))
        }
    }

    /// Codes sorted by a key, keeping the question's order among equal keys.
    static func stableSorted(_ codes: [String], by key: (String) -> Double) -> [String] {
        codes.enumerated().sorted { (key($0.element), $0.offset) < (key($1.element), $1.offset) }.map(\.element)
    }

    private func number(
        for question: Question, rules: [Rule], propensity: Double, enterprise: SyntheticEnterprise,
        answers: [String: Answer], random: inout GeneratorRandom
    ) -> Double {
        // Aim a little beyond the goalposts at both ends, as real answers do.
        let aim = propensity * 1.2 - 0.1
        for rule in rules {
            switch rule {
            case .linear(_, let goalposts):
                let share = goalposts.direction == .higher ? aim : 1 - aim
                return goalposts.low + (goalposts.high - goalposts.low) * share
            case .ratio(let numerator, let denominator, let scale, let goalposts):
                if case .question(let id) = numerator, id == question.id {
                    let bottom: Double?
                    switch denominator {
                    case .question(let other): bottom = answers[other]?.number
                    case .profile(let field):
                        if case .number(let value)? = enterprise.profile.value(of: field) { bottom = value } else { bottom = nil }
                    }
                    guard let bottom, scale != 0 else { continue }
                    let share = goalposts.direction == .higher ? aim : 1 - aim
                    var ratio = goalposts.low + (goalposts.high - goalposts.low) * share
                    // A share of a whole (users of staff, online of all purchases) stays within it.
                    if case .question = denominator, scale == 100, goalposts.high <= 100 { ratio = min(ratio, 100) }
                    return max(0, ratio * bottom / scale)
                }
                // A denominator: a positive magnitude in proportion to the enterprise.
                let employees = Double(enterprise.profile.employees ?? 100)
                return max(1, employees * random.uniform(0.1, 1.0))
            case .steps(_, let steps, _):
                let first = steps.first?.from ?? 0
                let last = steps.last?.from ?? 100
                let width = last == first ? max(1, abs(last)) : last - first
                return first - 0.1 * width + 1.2 * width * propensity
            case .batch:
                break
            default:
                break
            }
        }
        let low = question.minimum ?? 0
        let high = question.maximum ?? (low + (question.type == .percent ? 100 : 1000))
        return low + (high - low) * propensity
    }
}

extension Double {
    /// The value clamped to 0…1.
    fileprivate var clamped01: Double { Swift.min(1, Swift.max(0, self)) }
}
