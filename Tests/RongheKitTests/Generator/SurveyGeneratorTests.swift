import Foundation
import Testing

@testable import RongheKit

@Suite struct SurveyGeneratorTests {
    let tree = GeneratorFixtures.defaultTree
    let validator = SurveyValidator(tree: GeneratorFixtures.defaultTree, currentYear: 2026)

    func responses(seed: UInt64, count: Int, tree: IndicatorTree? = nil, options: SurveyGenerator.Options = .init()) -> [SurveyResponse] {
        Array(SurveyGenerator(tree: tree ?? self.tree, seed: seed, options: options).prefix(count))
    }

    // MARK: Reproducibility

    @Test func theSameSeedGivesTheSameEnterprisesAndAnotherSeedOthers() {
        let first = responses(seed: 11, count: 200)
        #expect(first == responses(seed: 11, count: 200))
        let other = responses(seed: 12, count: 200)
        #expect(Set(first.map(\.profile.uscc)).isDisjoint(with: other.map(\.profile.uscc)))
        // Enterprise n depends on n alone, not on the ones drawn before it.
        let generator = SurveyGenerator(tree: tree, seed: 11)
        #expect(generator.response(at: 150) == first[150])
        var iterator = SurveyGenerator(tree: tree, seed: 11)
        _ = iterator.next()
        #expect(iterator.count == 1)
        #expect(iterator.next() == first[1])
    }

    // MARK: Validity

    @Test(arguments: 1...12)
    func everyRecordPassesValidationAndComesBackUnchanged(seed: UInt64) {
        for response in responses(seed: seed, count: 150) {
            let validation = validator.validate(GeneratorFixtures.rawSurvey(from: response, tree: validator.tree))
            #expect(validation.errors.isEmpty, "seed \(seed), \(response.profile.uscc): \(validation.issues.map { $0.formatted() })")
            #expect(validation.issues.allSatisfy(GeneratorFixtures.isSizeWarning), "seed \(seed): \(validation.issues.map { $0.formatted() })")
            #expect(validation.response == response, "seed \(seed): \(GeneratorFixtures.difference(validation.response, response))")
        }
    }

    @Test(arguments: [3, 4, 5] as [UInt64])
    func anyValidTreeGetsValidRecords(seed: UInt64) throws {
        let unusual = GeneratorFixtures.unusualTree
        let validator = SurveyValidator(tree: unusual, currentYear: 2026)
        let batch = responses(seed: seed, count: 400, tree: unusual)
        for response in batch {
            let validation = validator.validate(GeneratorFixtures.rawSurvey(from: response, tree: validator.tree))
            #expect(validation.errors.isEmpty, "seed \(seed): \(validation.issues.map { $0.formatted() })")
            #expect(validation.response == response, "seed \(seed): \(GeneratorFixtures.difference(validation.response, response))")
        }
        // The awkward questions are answered within their bounds, and not only at the edges.
        let q1 = Set(batch.compactMap { $0.answers["Q1"]?.number })
        #expect(q1 == [2, 3, 4])
        let q2 = batch.compactMap { $0.answers["Q2"]?.number }
        #expect(q2.allSatisfy { (0.25...0.75).contains($0) } && Set(q2).count > 10)
        #expect(batch.allSatisfy { $0.answers["Q5"] != nil && $0.answers["Q7"] != nil && $0.answers["Q10"] != nil })
        #expect(batch.contains { $0.answers["Q10"] == .notApplicable })
        // Q8 applies to manufacturers only and Q9 when Q7 is yes; neither is answered otherwise.
        #expect(batch.allSatisfy { $0.answers["Q8"] == nil || $0.profile.industrySection == "C" })
        #expect(batch.allSatisfy { $0.answers["Q9"] == nil || $0.answers["Q7"] == .yesNo(true) })
        #expect(batch.contains { $0.answers["Q9"] != nil })
        // The option called 无 is only ever chosen alone.
        #expect(batch.allSatisfy { answer in
            guard case .choices(let codes)? = answer.answers["Q6"] else { return true }
            return !codes.contains("none") || codes == ["none"]
        })
    }

    @Test func theAHPExampleTreeSharesTheDefaultTreesQuestionsAndGetsValidRecords() {
        let validator = SurveyValidator(tree: GeneratorFixtures.ahpTree, currentYear: 2026)
        for response in responses(seed: 9, count: 200, tree: GeneratorFixtures.ahpTree) {
            #expect(validator.validate(GeneratorFixtures.rawSurvey(from: response, tree: validator.tree)).response == response)
        }
    }

    // MARK: Profiles

    @Test func creditCodesAreValidUniqueAndRegisteredWhereTheEnterpriseIs() {
        let batch = responses(seed: 21, count: 20_000)
        var seen = Set<String>()
        let region = GeneratorRegion.dezhou
        for response in batch {
            let code = response.profile.uscc
            #expect(CreditCode.problem(in: code) == nil, "\(code)")
            #expect(seen.insert(code).inserted, "\(code) twice")
            let characters = Array(code)
            #expect(characters[0] == "9" && (characters[1] == "1" || characters[1] == "2"), "\(code)")
            let division = String(characters[2..<8])
            #expect(division == response.profile.district || division == region.cityCode, "\(code)")
            let organisation = String(characters[8..<17])
            if organisation.hasPrefix("MA") {
                #expect(organisation.dropFirst(2).allSatisfy { CreditCode.alphabet.contains($0) }, "\(code)")
            } else {
                #expect(organisation.prefix(8).allSatisfy { $0.isNumber }, "\(code)")
                #expect(OrganisationCodes.checkCharacter(forBody: Array(organisation.prefix(8))) == organisation.last, "\(code)")
            }
        }
        #expect(batch.contains { $0.profile.uscc.hasPrefix("92") })
        #expect(batch.contains { $0.profile.uscc.dropFirst(2).hasPrefix(region.cityCode) })
    }

    @Test func districtsIndustriesAndSizesLookLikeTheCity() {
        let batch = responses(seed: 22, count: 3000)
        let districts = Set(GeneratorRegion.dezhou.districts.map(\.code))
        #expect(Set(batch.map(\.profile.district)) == districts)
        #expect(batch.allSatisfy { IndustryCode.parse($0.profile.industry) == $0.profile.industry })
        let sections = Dictionary(grouping: batch, by: \.profile.industrySection).mapValues(\.count)
        let manufacturing = Double(sections["C", default: 0]) / Double(batch.count)
        #expect((0.65...0.9).contains(manufacturing), "manufacturing share \(manufacturing)")
        for section in ["F", "G", "I"] { #expect(sections[section, default: 0] > 30, "\(section): \(sections)") }
        // Xiajin is the cotton county: textiles are its commonest industry.
        let xiajin = batch.filter { $0.profile.district == "371427" }
        let commonest = Dictionary(grouping: xiajin, by: \.profile.industry).max { $0.value.count < $1.value.count }?.key
        #expect(commonest == "C17")
        // Sizes agree with the figures, except for a few declared otherwise.
        let contradictions = batch.filter { response in
            guard let employees = response.profile.employees, let revenue = response.profile.revenue else { return true }
            return SizeClass.classify(employees: employees, revenue: revenue) != response.profile.size
        }
        #expect((30...150).contains(contradictions.count), "\(contradictions.count) contradictions")
        let sizes = Dictionary(grouping: batch, by: \.profile.size).mapValues(\.count)
        #expect(sizes[.large, default: 0] > 40 && sizes[.micro, default: 0] > 300 && sizes[.small, default: 0] > sizes[.medium, default: 0])
        // Names read like registrations: a place, a trade name and a form of organisation.
        let forms = ["有限公司", "有限责任公司", "股份有限公司", "集团有限公司", "厂", "加工厂", "商行", "经营部", "店"]
        #expect(batch.allSatisfy { response in forms.contains { response.profile.name.hasSuffix($0) } })
        #expect(batch.filter { $0.profile.name.hasPrefix("山东") }.allSatisfy { $0.profile.size == .large || $0.profile.size == .medium })
    }

    @Test func anotherCityHasItsOwnDistricts() {
        let batch = responses(seed: 5, count: 400, options: .init(region: .shangqiu, year: 2025))
        #expect(Set(batch.map(\.profile.district)).isSubset(of: GeneratorRegion.shangqiu.districts.map(\.code)))
        #expect(batch.allSatisfy { $0.profile.year == 2025 && $0.profile.uscc.dropFirst(2).hasPrefix("4114") })
        // Suixian makes shoes.
        #expect(batch.contains { $0.profile.district == "411422" && $0.profile.industry == "C19" })
    }

    // MARK: Answers

    @Test func relatedAnswersAgree() {
        let batch = responses(seed: 23, count: 3000)
        func number(_ response: SurveyResponse, _ id: String) -> Double? { response.answers[id]?.number }
        for response in batch {
            let profile = response.profile
            let label = profile.uscc
            if let staff = number(response, "A2.2"), let employees = profile.employees { #expect(staff <= Double(employees), "\(label)") }
            if let users = number(response, "C1.2a"), let managers = number(response, "C1.2b") { #expect(users <= managers, "\(label)") }
            if let online = number(response, "E2.1a"), let total = number(response, "E2.1b") { #expect(online <= total, "\(label)") }
            if let sales = number(response, "E1.1"), let revenue = profile.revenue { #expect(sales <= revenue, "\(label)") }
            if response.answers["F1.2"] != nil { #expect(response.answers["F0"] == .yesNo(true), "\(label)") }
            if response.answers["C2.1"] == .notApplicable || response.answers["C2.2"] == .notApplicable {
                #expect(profile.industrySection != "C", "\(label)")
            }
            if response.answers["C1.1"] == .choices([]) {
                #expect(response.answers["C1.2a"] == nil || response.answers["C1.2a"] == .number(0), "\(label)")
                #expect(response.answers["C1.3"] == nil || response.answers["C1.3"] == .choice("none"), "\(label)")
            }
            if response.answers["A1.1"] == .choice("none") {
                #expect(response.answers["A1.3"] == nil || response.answers["A1.3"] == .choices([]), "\(label)")
            }
            if case .number(let share)? = response.answers["D2.1"] { #expect(share.truncatingRemainder(dividingBy: 10) == 0, "\(label)") }
            for id in ["F0", "V1", "V2", "V3", "P1", "P2"] { #expect(response.answers[id] != nil, "\(label) \(id)") }
        }
        #expect(batch.contains { $0.answers["F1.2"] != nil })
        #expect(batch.contains { $0.answers["C2.1"] == .notApplicable })
        #expect(batch.contains { $0.answers["X1"] != nil })
    }

    /// Scores of a generated campaign rise with size and with digital industries, a realistic
    /// share reaches 集成提升 or above (14.6% in the national study cited in DOMAIN.md), and every
    /// veto occurs.
    @Test func scoresLookLikeARealCampaign() throws {
        let batch = responses(seed: 24, count: 3000)
        let result = try ScoringEngine(tree: tree).score(batch)
        func mean(_ cards: [ScoreCard]) -> Double { cards.map(\.total).reduce(0, +) / Double(max(1, cards.count)) }
        let cards = Array(result)
        let bySize = Dictionary(grouping: cards) { card -> SizeClass in
            SizeClass.classify(employees: card.profile.employees ?? 0, revenue: card.profile.revenue ?? 0)
        }.mapValues(mean)
        #expect(bySize[.large]! > bySize[.medium]! && bySize[.medium]! > bySize[.small]! && bySize[.small]! > bySize[.micro]!, "\(bySize)")
        let electronics = mean(cards.filter { ["C39", "C36"].contains($0.profile.industry) })
        let textiles = mean(cards.filter { ["C17", "C18"].contains($0.profile.industry) })
        #expect(electronics > textiles + 5, "electronics and automotive \(electronics), textiles and garments \(textiles)")
        let advanced = Double(cards.filter { $0.stage == "integration" || $0.stage == "innovation" }.count) / Double(cards.count)
        #expect((0.05...0.25).contains(advanced), "share at 集成提升 or above: \(advanced)")
        #expect(cards.contains { $0.stage == "innovation" } && cards.contains { $0.stage == "startup" })
        let vetoes = Dictionary(grouping: cards.flatMap(\.vetoes)) { $0 }.mapValues(\.count)
        for veto in ["safety", "environment", "dishonesty", "losses", "incomplete"] {
            #expect((1...300).contains(vetoes[veto, default: 0]), "\(veto): \(vetoes)")
        }
        #expect(cards.contains { $0.completeness < 0.5 })
    }
}
