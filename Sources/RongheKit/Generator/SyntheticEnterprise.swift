/// One invented enterprise before it answers the survey: its profile and the hidden traits its
/// answers are drawn from.
///
/// The latent **digital maturity** (0–1) starts from the size the figures give (large firms
/// 0.72, medium 0.60, small 0.47, micro 0.32), moves with the industry (electronics and
/// automotive up, textiles and garments down) and varies from firm to firm (σ ≈ 0.14). Every
/// answer is drawn around it, so answers correlate the way real ones do.
struct SyntheticEnterprise {
    var profile: EnterpriseProfile
    let traits: IndustryTraits
    /// The size class the figures give (the declared one may differ).
    let actualSize: SizeClass
    let maturity: Double
    /// The share of non-required questions the enterprise leaves blank.
    let blankRate: Double
    /// The veto situations it is in.
    let hadAccident: Bool
    let hadEnvironmentalIncident: Bool
    let isDishonest: Bool
    let lostMoneyTwice: Bool

    /// Shares of surveyed enterprises by size class. A campaign's respondents are larger than the
    /// population of firms: the bureau invites the ones above designated size first.
    static let sizeShares: [(SizeClass, Double)] = [(.large, 4), (.medium, 16), (.small, 50), (.micro, 30)]

    /// Draws enterprise number `index` of `region`, surveyed for `year`.
    static func make(index: Int, seed: UInt64, region: GeneratorRegion, year: Int, random: inout GeneratorRandom) -> SyntheticEnterprise {
        let district = random.pick(region.districts.map { ($0, $0.weight) })
        var mix: [String: Double] = [:]
        for share in region.industries + district.specialties { mix[share.code, default: 0] += share.weight }
        // Sorted so that the draw does not depend on the dictionary's order.
        let industry = random.pick(mix.keys.sorted().map { ($0, mix[$0]!) })
        let traits = IndustryTraits.of(industry)

        // Heavy industry and utilities are made of bigger firms.
        let heavy = traits.energyIntensity >= 0.8
        let tier = random.pick(sizeShares.map { ($0.0, $0.1 * (heavy && $0.0 <= .medium ? 2.5 : 1)) })
        let employees: Int
        var productivityFactor = 1.0
        switch tier {
        case .large: employees = Int(random.logUniform(1000, 9000))
        case .medium: employees = Int(random.logUniform(300, 999))
        case .small: employees = Int(random.logUniform(20, 299))
        case .micro:
            // Either very few staff, or a small workshop with little revenue.
            if random.chance(0.7) {
                employees = Int(random.logUniform(3, 19.9))
            } else {
                employees = Int(random.logUniform(20, 60))
                productivityFactor = 0.12
            }
        }
        if tier == .micro || tier == .small { productivityFactor *= 0.75 }
        let perEmployee = traits.productivity * productivityFactor * random.logNormalFactor(deviation: 0.4)
        let revenue = rounded(Double(employees) * perEmployee, decimals: 1)
        let actualSize = SizeClass.classify(employees: employees, revenue: revenue)

        // About 3% declare a neighbouring class: the validator warns, the bureau decides.
        var declared = actualSize
        if random.chance(0.03) {
            switch actualSize {
            case .large: declared = .medium
            case .medium: declared = random.chance(0.5) ? .large : .small
            case .small: declared = random.chance(0.6) ? .micro : .medium
            case .micro: declared = .small
            }
        }

        let base: Double
        switch actualSize {
        case .large: base = 0.72
        case .medium: base = 0.60
        case .small: base = 0.47
        case .micro: base = 0.32
        }
        let maturity = min(0.98, max(0.02, base + traits.maturityShift + random.normal(mean: 0, deviation: 0.14)))

        // Most firms skip a question or two; a few hardly fill in anything.
        let sparseChance = actualSize == .micro ? 0.06 : 0.025
        let blankRate = random.chance(sparseChance) ? random.uniform(0.5, 0.85) : random.uniform(0, 0.03)

        // Credit code: 9 (registered with market regulation) + 1 company / 2 sole proprietor, the
        // registering division, the organisation code, the check character.
        let individual = actualSize == .micro && random.chance(0.2)
        let oldShare: Double
        switch actualSize {
        case .large: oldShare = 0.75
        case .medium: oldShare = 0.55
        case .small: oldShare = 0.3
        case .micro: oldShare = 0.08
        }
        let isOld = !individual && random.chance(oldShare)
        let registeredAtCity = (actualSize == .large || actualSize == .medium) && isOld && random.chance(0.4)
        let organisation = isOld
            ? OrganisationCodes.old(index: UInt64(index), seed: seed)
            : OrganisationCodes.new(index: UInt64(index), seed: seed)
        let body = "9" + (individual ? "2" : "1") + (registeredAtCity ? region.cityCode : district.code) + organisation
        let uscc = body + String(CreditCode.checkCharacter(for: body))

        let name = EnterpriseNames.make(
            region: region, district: district, traits: traits, size: actualSize, individual: individual, random: &random)

        let emissionsRisk = traits.emissions
        let enterprise = SyntheticEnterprise(
            profile: EnterpriseProfile(
                uscc: uscc, name: name, district: district.code, industry: industry, size: declared, employees: employees,
                revenue: revenue, year: year),
            traits: traits, actualSize: actualSize, maturity: maturity, blankRate: blankRate,
            hadAccident: random.chance(heavy ? 0.02 : 0.006),
            hadEnvironmentalIncident: random.chance(0.002 + 0.012 * emissionsRisk),
            isDishonest: random.chance(0.005),
            lostMoneyTwice: random.chance(0.03 + (1 - maturity) * 0.02))
        return enterprise
    }

    /// `value` rounded to `decimals` places, as the nearest double to the decimal a person types.
    static func rounded(_ value: Double, decimals: Int) -> Double {
        switch decimals {
        case 0: return value.rounded()
        case 1: return (value * 10).rounded() / 10
        default: return (value * 100).rounded() / 100
        }
    }
}
