import RongheKit

/// Synthetic, roughly realistic surveys for any tree, for timing only.
///
/// Each enterprise has a latent maturity between 0.1 and 0.9; every answer aims at that share of
/// its rule's range plus noise, so scores correlate across indicators as real ones do. About 2% of
/// answers are blank, 2% of firms meet each veto question, and a quarter report losses.
struct SyntheticSurveys {
    var random: SplitMix64
    let tree: IndicatorTree

    static let districts = ["371402", "371403", "371421", "371422", "371423", "371424", "371425", "371426", "371427", "371428"]
    static let industries = ["C13", "C17", "C18", "C26", "C27", "C30", "C33", "C34", "C35", "C38", "C39", "I65", "F51"]

    init(tree: IndicatorTree, seed: UInt64) {
        self.tree = tree
        random = SplitMix64(seed: seed)
    }

    mutating func make(count: Int) -> [SurveyResponse] {
        (0..<count).map { make(index: $0) }
    }

    private mutating func unit() -> Double { random.nextUnit() }

    private mutating func make(index: Int) -> SurveyResponse {
        let employees = Int(20 + 3000 * unit() * unit())
        let revenue = (300 + 80_000 * unit() * unit()).rounded()
        let profile = EnterpriseProfile(
            uscc: "91" + Self.districts[index % Self.districts.count] + String(format: "MA%08d", index),
            name: "合成企业\(index)", district: Self.districts[Int(unit() * Double(Self.districts.count))],
            industry: Self.industries[Int(unit() * Double(Self.industries.count))],
            size: SizeClass.classify(employees: employees, revenue: revenue), employees: employees, revenue: revenue,
            year: 2026)
        let maturity = 0.1 + 0.8 * unit()
        var answers: [String: Answer] = [:]
        for leaf in tree.root.leaves {
            guard let rule = leaf.rule else { continue }
            answer(rule, maturity: maturity, profile: profile, into: &answers)
        }
        for question in tree.questions where answers[question.id] == nil {
            switch question.type {
            case .yesNo: answers[question.id] = .yesNo(unit() < (question.id.hasPrefix("V") ? 0.02 : 0.6))
            case .number, .percent: answers[question.id] = .number(((unit() - 0.25) * 2000).rounded())
            default: break
            }
        }
        for id in Array(answers.keys).sorted() where unit() < 0.02 { answers[id] = nil }
        return SurveyResponse(profile: profile, answers: answers)
    }

    private mutating func target(_ maturity: Double) -> Double {
        max(-0.2, min(1.3, maturity + 0.5 * (unit() - 0.5)))
    }

    private mutating func answer(_ rule: Rule, maturity: Double, profile: EnterpriseProfile, into answers: inout [String: Answer]) {
        switch rule {
        case .linear(let id, let goalposts):
            let share = target(maturity)
            let fraction = goalposts.direction == .higher ? share : 1 - share
            answers[id] = .number(goalposts.low + (goalposts.high - goalposts.low) * fraction)
        case .ratio(let numerator, let denominator, let scale, let goalposts):
            let ratio = goalposts.low + (goalposts.high - goalposts.low) * target(maturity)
            let bottom: Double
            switch denominator {
            case .question(let id):
                bottom = (10 + 990 * unit()).rounded()
                answers[id] = .number(bottom)
            case .profile(let field):
                if case .number(let value) = profile.value(of: field) { bottom = value } else { bottom = 1 }
            }
            if case .question(let id) = numerator { answers[id] = .number(max(0, ratio * bottom / scale)) }
        case .choice(let id, let scores):
            let aim = 100 * target(maturity)
            let best = scores.sorted { $0.key < $1.key }.min { abs($0.value - aim) < abs($1.value - aim) }
            if let best { answers[id] = .choice(best.key) }
        case .yesNo(let id, _, _):
            answers[id] = .yesNo(unit() < maturity)
        case .share(let id, _), .points(let id, _):
            if let question = tree.question(id) {
                answers[id] = .choices(question.options.map(\.code).filter { _ in unit() < maturity })
            }
        case .steps(let id, let steps, _):
            let high = steps.last?.from ?? 100
            answers[id] = .number(high * 1.2 * target(maturity))
        case .batch(let id, _, _, _):
            answers[id] = .number(100 * target(maturity))
        }
    }
}
