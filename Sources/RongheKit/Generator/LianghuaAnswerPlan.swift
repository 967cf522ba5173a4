/// How one invented enterprise would answer the default tree's questions (`lianghua-default`,
/// and any tree that reuses its question ids), drawn in one fixed order from its profile and
/// latent maturity so that related answers agree:
///
/// - a theme propensity per dimension (governance, infrastructure, ERP, integration,
///   e-commerce, energy, outcomes) scattered around the maturity, integration leaning on ERP;
/// - counts that respect each other: IT staff and ERP users never exceed the staff they are part
///   of, online purchases never exceed purchases, online sales never exceed revenue, no ERP means
///   no ERP users and no integrated links, no CIO means no CIO network;
/// - industry and size effects: key energy users in energy-intensive industries, online
///   emission monitoring where pollution is heavy, consumer goods selling online, exporters
///   selling cross-border, design tools and CNC only in manufacturing (others mostly answer
///   不适用), micro firms without a CIO or certification;
/// - the veto situations decided with the enterprise (accident, environmental incident,
///   dishonesty, two loss years);
/// - figures rounded as people report them: whole persons, 万元 to one decimal, whole
///   percentages, the share of top-10 partners in tens.
struct LianghuaAnswerPlan {
    /// A planned answer, before it is fitted to the tree's question.
    enum Proposal: Equatable {
        /// A number, with the decimals it is reported to.
        case number(Double, decimals: Int)
        case yesNo(Bool)
        case choice(String)
        case choices([String])
        case text(String)
        case notApplicable
        /// Left blank on purpose (e.g. C2.2 by a non-manufacturer that does not write 不适用).
        case blank
    }

    private(set) var proposals: [String: Proposal] = [:]

    init(_ enterprise: SyntheticEnterprise, random: inout GeneratorRandom) {
        let profile = enterprise.profile
        let traits = enterprise.traits
        let size = enterprise.actualSize
        let m = enterprise.maturity
        let employees = Double(profile.employees ?? 0)
        let revenue = profile.revenue ?? 0
        let manufacturing = traits.isManufacturing
        let software = traits.code == "I64" || traits.code == "I65"
        func clamp(_ x: Double, _ low: Double = 0, _ high: Double = 1) -> Double { min(high, max(low, x)) }
        func theme(_ spread: Double = 0.12) -> Double { clamp(m + random.normal(mean: 0, deviation: spread)) }
        func level(_ score: Double, _ cuts: [Double], _ codes: [String]) -> String {
            for (cut, code) in zip(cuts, codes) where score < cut { return code }
            return codes.last!
        }
        func round(_ x: Double, _ decimals: Int) -> Double { SyntheticEnterprise.rounded(x, decimals: decimals) }

        let pA = theme()
        let pB = theme()
        let pC = theme()
        let pD = clamp(0.6 * pC + 0.4 * m + random.normal(mean: -0.05, deviation: 0.1))
        let pE = clamp(0.5 * m + 0.5 * traits.consumer + random.normal(mean: -0.1, deviation: 0.12))
        let pF = theme()
        let pG = theme(0.15)

        // A: governance and the CIO network.
        var cio = level(pA + random.normal(mean: 0, deviation: 0.08), [0.25, 0.5, 0.75], ["none", "itHead", "director", "executive"])
        if size == .micro && cio != "none" && random.chance(0.8) { cio = random.chance(0.5) ? "none" : "itHead" }
        proposals["A1.1"] = .choice(cio)
        var lead = level(pA + random.normal(mean: 0, deviation: 0.1), [0.2, 0.45, 0.7], ["none", "deptHead", "deputyGM", "ceo"])
        if (size == .small || size == .micro) && lead != "none" && random.chance(0.5) { lead = "ceo" }
        proposals["A1.2"] = .choice(lead)
        var network: [String] = []
        if cio != "none" {
            let bonus = size == .large ? 0.15 : 0
            if random.chance(0.05 + 0.6 * pA + bonus) { network.append("association") }
            if random.chance(0.1 + 0.6 * pA + bonus) { network.append("training") }
        }
        proposals["A1.3"] = .choices(network)
        proposals["A2.1"] = .choice(level(pA + random.normal(mean: 0, deviation: 0.1), [0.3, 0.65], ["none", "embedded", "standalone"]))
        let itPer100 = software
            ? clamp(10 + 40 * pA + random.normal(mean: 0, deviation: 5), 2, 80)
            : max(0, 0.2 + 4.5 * pA + random.normal(mean: 0, deviation: 0.7))
        var itStaff = (employees * itPer100 / 100).rounded()
        if employees < 20 { itStaff = random.chance(0.3 + pA) ? 1 : 0 }
        proposals["A2.2"] = .number(min(itStaff, employees), decimals: 0)
        proposals["A2.3"] = .number(round(clamp(5 + 85 * pA + random.normal(mean: 0, deviation: 10), 0, 100), 0), decimals: 0)

        // B: investment and facilities.
        let spendShare = max(0.02, 0.1 + 3.2 * pB + random.normal(mean: 0, deviation: 0.5)) * (software ? 2.5 : 1)
        proposals["B1.1"] = .number(round(revenue * spendShare / 100, 1), decimals: 1)
        proposals["B1.2"] = .number(round(2 + 18 * pB + random.normal(mean: 0, deviation: 12), 1), decimals: 1)
        let terminalsPer100 = manufacturing
            ? max(2, 5 + 55 * pB + random.normal(mean: 0, deviation: 8))
            : max(20, 50 + 50 * pB + random.normal(mean: 0, deviation: 10))
        proposals["B2.1"] = .number(max(1, (employees * terminalsPer100 / 100).rounded()), decimals: 0)
        proposals["B2.2"] = .number(round(clamp(3 + 90 * pB * pB + random.normal(mean: 0, deviation: 8), 0, 100), 0), decimals: 0)
        proposals["B2.3"] = .choice(level(pB + random.normal(mean: 0, deviation: 0.1), [0.35, 0.75], ["none", "partial", "full"]))

        // C: ERP, design and production.
        var modules: [String] = []
        if pC >= 0.15 {
            let count = Int(clamp((1 + 5.5 * (pC - 0.15) / 0.85 + random.normal(mean: 0, deviation: 0.8)).rounded(), 1, 6))
            var order = manufacturing
                ? ["finance", "purchasing", "inventory", "sales", "planning", "hr"]
                : ["finance", "sales", "purchasing", "inventory", "hr"]
            for index in 1..<order.count where random.chance(0.2) { order.swapAt(index - 1, index) }
            modules = Array(order.prefix(count))
        }
        let order = ["finance", "purchasing", "inventory", "sales", "planning", "hr"]
        proposals["C1.1"] = .choices(order.filter(modules.contains))
        let management = max(1, (employees * traits.managementShare * random.logNormalFactor(deviation: 0.25)).rounded())
        proposals["C1.2b"] = .number(management, decimals: 0)
        let erpUsers = modules.isEmpty ? 0 : (management * clamp(0.1 + 0.85 * pC + random.normal(mean: 0, deviation: 0.1), 0.02, 1)).rounded()
        proposals["C1.2a"] = .number(min(erpUsers, management), decimals: 0)
        let integration: String
        if modules.isEmpty {
            integration = "none"
        } else if modules.count == 1 {
            integration = "financeOnly"
        } else {
            let score = pC + random.normal(mean: 0, deviation: 0.1)
            integration = manufacturing && modules.count >= 4 && score > 0.72 ? "linked" : score > 0.35 ? "integrated" : "financeOnly"
        }
        proposals["C1.3"] = .choice(integration)
        if manufacturing {
            let designShift = ["C34", "C35", "C36", "C38", "C39", "C40"].contains(traits.code) ? 0.12
                : ["C13", "C14", "C17", "C18", "C19"].contains(traits.code) ? -0.12 : 0
            proposals["C2.1"] = .choice(level(pC + designShift + random.normal(mean: 0, deviation: 0.1), [0.3, 0.7], ["none", "cad2d", "cad3dPlm"]))
            proposals["C2.2"] = .number(round(clamp(15 + 75 * pC + random.normal(mean: 0, deviation: 10), 0, 100), 0), decimals: 0)
        } else {
            proposals["C2.1"] = random.chance(0.85) ? .notApplicable : .choice("none")
            proposals["C2.2"] = random.chance(0.85) ? .notApplicable : .blank
        }

        // D: integration and collaboration.
        let links = modules.isEmpty ? (random.chance(0.1) ? 1 : 0) : clamp((7 * pD * pD + random.normal(mean: 0, deviation: 1)).rounded(), 0, 15)
        proposals["D1.1"] = .number(links, decimals: 0)
        proposals["D1.2"] = .choice(level(pD + random.normal(mean: 0, deviation: 0.1), [0.4, 0.8], ["none", "partial", "full"]))
        proposals["D2.1"] = .number(clamp((8 * pD * pD + random.normal(mean: 0, deviation: 0.8)).rounded(), 0, 10) * 10, decimals: 0)
        proposals["D2.2"] = .choice(level(pD + random.normal(mean: 0, deviation: 0.1), [0.35, 0.75], ["none", "some", "core"]))

        // E: e-commerce.
        var onlineShare = traits.consumer * pE * 0.5 + random.normal(mean: 0, deviation: 0.04)
        if traits.code == "F52" { onlineShare += 0.1 }
        onlineShare = onlineShare < 0.005 ? 0 : min(0.8, onlineShare)
        let onlineSales = min(revenue, round(revenue * onlineShare, 1))
        proposals["E1.1"] = .number(onlineSales, decimals: 1)
        var channels: [String] = []
        if onlineSales > 0 {
            if random.chance(0.2 + 0.4 * pE) { channels.append("ownSite") }
            if random.chance(0.85) || channels.isEmpty { channels.append("platform") }
            if random.chance(traits.exporter * 0.6) { channels.append("crossBorder") }
        }
        proposals["E1.2"] = .choices(channels)
        let purchases = round(revenue * traits.purchaseShare * random.logNormalFactor(deviation: 0.15), 1)
        proposals["E2.1b"] = .number(purchases, decimals: 1)
        let onlinePurchases = min(purchases, round(purchases * clamp(0.45 * pE + random.normal(mean: 0, deviation: 0.08), 0, 0.9), 1))
        proposals["E2.1a"] = .number(onlinePurchases, decimals: 1)
        proposals["E2.2"] = .yesNo(random.chance(0.1 + 0.6 * pE + (size == .large ? 0.15 : 0)))

        // F: energy-saving IT.
        let sizeFactor: Double
        switch size {
        case .large: sizeFactor = 1
        case .medium: sizeFactor = 0.5
        case .small: sizeFactor = 0.06
        case .micro: sizeFactor = 0
        }
        let keyUser = random.chance(traits.energyIntensity * sizeFactor)
        proposals["F0"] = .yesNo(keyUser)
        let metered = keyUser ? 40 + 55 * pF : 5 + 70 * pF
        proposals["F1.1"] = .number(round(clamp(metered + random.normal(mean: 0, deviation: 10), 0, 100), 0), decimals: 0)
        proposals["F1.2"] = .yesNo(random.chance(0.7 + 0.25 * pF))
        proposals["F1.3"] = .choice(level(pF + (keyUser ? 0.15 : 0) + random.normal(mean: 0, deviation: 0.1), [0.35, 0.75], ["none", "monitoring", "optimisation"]))
        proposals["F2.1"] = .number(round(0.5 + 4 * pF + random.normal(mean: 0, deviation: 1.5), 1), decimals: 1)
        let monitoringSize: Double
        switch size {
        case .large: monitoringSize = 1
        case .medium: monitoringSize = 0.8
        case .small: monitoringSize = 0.4
        case .micro: monitoringSize = 0.1
        }
        proposals["F2.2"] = .yesNo(random.chance(traits.emissions * monitoringSize + 0.1 * pF))

        // G: outcomes.
        proposals["G1.1"] = .number(round(1 + 9 * pG + random.normal(mean: 0, deviation: 5), 1), decimals: 1)
        proposals["G1.2"] = .number(round(1 + 20 * pG + random.normal(mean: 0, deviation: 8), 1), decimals: 1)
        let innovative = ["C27", "C36", "C38", "C39", "C40"].contains(traits.code) ? 10.0 : 0
        proposals["G2.1"] = .number(round(clamp(2 + innovative + 40 * pG + random.normal(mean: 0, deviation: 8), 0, 100), 0), decimals: 0)
        var certification = level(pG + random.normal(mean: 0, deviation: 0.1), [0.62, 0.76, 0.88], ["none", "gbt23001", "level2", "level3"])
        if size == .micro { certification = "none" }
        proposals["G2.2"] = .choice(certification)

        // V: vetoes and profits.
        proposals["V1"] = .yesNo(enterprise.hadAccident)
        proposals["V2"] = .yesNo(enterprise.hadEnvironmentalIncident)
        proposals["V3"] = .yesNo(enterprise.isDishonest)
        var lastYear = random.normal(mean: 0.055, deviation: 0.045)
        var yearBefore = 0.5 * lastYear + 0.5 * random.normal(mean: 0.055, deviation: 0.045)
        if enterprise.lostMoneyTwice {
            lastYear = -random.uniform(0.01, 0.1)
            yearBefore = -random.uniform(0.01, 0.1)
        } else if lastYear < 0 && yearBefore < 0 {
            yearBefore = random.uniform(0.005, 0.04)
        }
        proposals["P1"] = .number(round(revenue * lastYear, 1), decimals: 1)
        proposals["P2"] = .number(round(revenue * yearBefore, 1), decimals: 1)
        proposals["X1"] = random.chance(0.65)
            ? .text(Self.results(modules: modules, integration: integration, keyUser: keyUser, channels: channels, random: &random))
            : .blank
    }

    /// A short account of the main results, from what the enterprise has in place.
    static func results(modules: [String], integration: String, keyUser: Bool, channels: [String], random: inout GeneratorRandom) -> String {
        var clauses: [String] = []
        if modules.isEmpty {
            clauses.append(random.element(of: ["已完成财务软件升级", "正在选型ERP系统", "建立了企业网站和办公OA系统"]))
        } else {
            clauses.append("上线ERP系统，覆盖\(modules.count)个业务模块")
            if integration == "linked" { clauses.append("实现ERP与MES数据贯通") }
            if integration == "integrated" { clauses.append("实现业务财务一体化") }
        }
        if keyUser { clauses.append("接入能耗在线监测，重点设备能耗实时采集") }
        if !channels.isEmpty { clauses.append(random.element(of: ["开设第三方平台网店", "拓展线上销售渠道", "开展直播带货"])) }
        clauses.append(random.element(of: [
            "库存周转明显加快", "管理效率提升约两成", "订单交付周期缩短", "产品不良率下降", "人工成本有所降低", "客户响应更加及时",
        ]))
        var text = clauses.joined(separator: "，") + "。"
        if random.chance(0.05) { text += "\n下一步计划推进设备联网和数字化车间建设。" }
        return text
    }
}
