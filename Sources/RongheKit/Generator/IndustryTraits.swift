/// What the survey generator assumes about an industry (a GB/T 4754 division): how digital its
/// firms tend to be, how much revenue an employee brings in, whether it burns enough energy to
/// have key energy users, whether it must monitor emissions online, whether it sells to
/// consumers or abroad, and the words its firms put in their names.
///
/// The figures are rough orders of magnitude from public statistics (revenue per employee of
/// industrial enterprises is around 150 万元; wholesale much higher, software and garments much
/// lower), tuned so that the mix of scores and stages looks like a real campaign's.
struct IndustryTraits: Sendable {
    /// The division, e.g. `C26`.
    let code: String
    /// Added to an enterprise's latent digital maturity (about −0.1 … +0.15).
    let maturityShift: Double
    /// Typical revenue per employee, in 万元.
    let productivity: Double
    /// How likely a large firm of the industry is a designated key energy-using unit (0–1).
    let energyIntensity: Double
    /// How likely a firm must monitor its pollutant emissions online (0–1).
    let emissions: Double
    /// How much of its sales could go online: consumer goods high, steel low (0–1).
    let consumer: Double
    /// How likely it sells abroad (0–1).
    let exporter: Double
    /// Management staff as a share of employees.
    let managementShare: Double
    /// Purchases as a share of revenue.
    let purchaseShare: Double
    /// Words for its trade in enterprise names, e.g. 化工, 精细化工.
    let nameWords: [String]

    /// Whether the division is manufacturing (section C), where design tools and CNC apply.
    var isManufacturing: Bool { code.hasPrefix("C") }

    /// The traits of `code`, or a neutral guess from its section for a division not listed.
    static func of(_ code: String) -> IndustryTraits {
        if let traits = table[code] { return traits }
        let section = code.prefix(1)
        let words: [String]
        switch section {
        case "A": words = ["农业", "种植"]
        case "B": words = ["矿业"]
        case "C": words = ["制造", "实业"]
        case "D": words = ["能源"]
        case "E": words = ["建设"]
        case "F": words = ["商贸"]
        case "G": words = ["物流"]
        case "H": words = ["餐饮", "酒店管理"]
        case "I": words = ["信息技术"]
        default: words = ["实业", "服务"]
        }
        return IndustryTraits(
            code: code, maturityShift: 0, productivity: 80, energyIntensity: section == "C" ? 0.2 : 0.05,
            emissions: section == "C" ? 0.2 : 0.05, consumer: 0.3, exporter: 0.1, managementShare: 0.15,
            purchaseShare: 0.55, nameWords: words)
    }

    private static let table: [String: IndustryTraits] = Dictionary(uniqueKeysWithValues: list.map { ($0.code, $0) })

    private static let list: [IndustryTraits] = [
        IndustryTraits(code: "B06", maturityShift: 0.02, productivity: 90, energyIntensity: 0.9, emissions: 0.8,
            consumer: 0, exporter: 0, managementShare: 0.08, purchaseShare: 0.45, nameWords: ["煤业", "矿业"]),
        IndustryTraits(code: "C13", maturityShift: -0.05, productivity: 180, energyIntensity: 0.3, emissions: 0.4,
            consumer: 0.4, exporter: 0.15, managementShare: 0.1, purchaseShare: 0.8, nameWords: ["粮油", "面业", "食品", "饲料"]),
        IndustryTraits(code: "C14", maturityShift: -0.02, productivity: 120, energyIntensity: 0.25, emissions: 0.4,
            consumer: 0.8, exporter: 0.2, managementShare: 0.12, purchaseShare: 0.65, nameWords: ["食品", "生物科技", "调味品", "糖业"]),
        IndustryTraits(code: "C15", maturityShift: -0.03, productivity: 110, energyIntensity: 0.2, emissions: 0.4,
            consumer: 0.8, exporter: 0.05, managementShare: 0.12, purchaseShare: 0.5, nameWords: ["酒业", "饮品"]),
        IndustryTraits(code: "C17", maturityShift: -0.09, productivity: 55, energyIntensity: 0.35, emissions: 0.5,
            consumer: 0.2, exporter: 0.35, managementShare: 0.07, purchaseShare: 0.7, nameWords: ["纺织", "棉业", "棉纺"]),
        IndustryTraits(code: "C18", maturityShift: -0.07, productivity: 35, energyIntensity: 0.02, emissions: 0.05,
            consumer: 0.9, exporter: 0.45, managementShare: 0.08, purchaseShare: 0.6, nameWords: ["服饰", "服装"]),
        IndustryTraits(code: "C19", maturityShift: -0.07, productivity: 40, energyIntensity: 0.02, emissions: 0.15,
            consumer: 0.9, exporter: 0.4, managementShare: 0.08, purchaseShare: 0.6, nameWords: ["鞋业", "制鞋"]),
        IndustryTraits(code: "C21", maturityShift: -0.04, productivity: 60, energyIntensity: 0.05, emissions: 0.25,
            consumer: 0.9, exporter: 0.3, managementShare: 0.1, purchaseShare: 0.6, nameWords: ["家具", "木业"]),
        IndustryTraits(code: "C22", maturityShift: -0.02, productivity: 130, energyIntensity: 0.6, emissions: 0.7,
            consumer: 0.2, exporter: 0.1, managementShare: 0.1, purchaseShare: 0.7, nameWords: ["纸业", "包装"]),
        IndustryTraits(code: "C24", maturityShift: -0.01, productivity: 70, energyIntensity: 0.03, emissions: 0.1,
            consumer: 0.9, exporter: 0.5, managementShare: 0.11, purchaseShare: 0.6, nameWords: ["体育用品", "健身器材", "文体用品"]),
        IndustryTraits(code: "C25", maturityShift: 0.03, productivity: 450, energyIntensity: 0.95, emissions: 0.95,
            consumer: 0, exporter: 0.02, managementShare: 0.1, purchaseShare: 0.85, nameWords: ["石化", "焦化", "能源"]),
        IndustryTraits(code: "C26", maturityShift: 0.03, productivity: 260, energyIntensity: 0.85, emissions: 0.9,
            consumer: 0.05, exporter: 0.15, managementShare: 0.12, purchaseShare: 0.7, nameWords: ["化工", "精细化工", "化学"]),
        IndustryTraits(code: "C27", maturityShift: 0.06, productivity: 150, energyIntensity: 0.35, emissions: 0.7,
            consumer: 0.3, exporter: 0.15, managementShare: 0.15, purchaseShare: 0.45, nameWords: ["药业", "制药", "生物医药"]),
        IndustryTraits(code: "C29", maturityShift: -0.02, productivity: 100, energyIntensity: 0.2, emissions: 0.3,
            consumer: 0.2, exporter: 0.2, managementShare: 0.1, purchaseShare: 0.65, nameWords: ["塑业", "橡胶", "玻璃钢"]),
        IndustryTraits(code: "C30", maturityShift: -0.04, productivity: 110, energyIntensity: 0.8, emissions: 0.8,
            consumer: 0.05, exporter: 0.1, managementShare: 0.09, purchaseShare: 0.6, nameWords: ["建材", "新材料", "超硬材料"]),
        IndustryTraits(code: "C31", maturityShift: 0.03, productivity: 380, energyIntensity: 0.95, emissions: 0.95,
            consumer: 0, exporter: 0.1, managementShare: 0.09, purchaseShare: 0.8, nameWords: ["钢铁", "特钢"]),
        IndustryTraits(code: "C32", maturityShift: 0.02, productivity: 320, energyIntensity: 0.9, emissions: 0.9,
            consumer: 0, exporter: 0.1, managementShare: 0.09, purchaseShare: 0.8, nameWords: ["铝业", "金属材料"]),
        IndustryTraits(code: "C33", maturityShift: -0.02, productivity: 90, energyIntensity: 0.15, emissions: 0.3,
            consumer: 0.3, exporter: 0.3, managementShare: 0.1, purchaseShare: 0.65, nameWords: ["金属制品", "五金", "工量具", "钢结构"]),
        IndustryTraits(code: "C34", maturityShift: 0.04, productivity: 110, energyIntensity: 0.1, emissions: 0.15,
            consumer: 0.2, exporter: 0.25, managementShare: 0.13, purchaseShare: 0.6, nameWords: ["机械", "空调设备", "制冷设备", "泵业"]),
        IndustryTraits(code: "C35", maturityShift: 0.04, productivity: 100, energyIntensity: 0.1, emissions: 0.15,
            consumer: 0.1, exporter: 0.2, managementShare: 0.13, purchaseShare: 0.6, nameWords: ["专用设备", "机械", "农业装备"]),
        IndustryTraits(code: "C36", maturityShift: 0.1, productivity: 160, energyIntensity: 0.2, emissions: 0.3,
            consumer: 0.1, exporter: 0.2, managementShare: 0.12, purchaseShare: 0.7, nameWords: ["汽车零部件", "汽车配件", "专用汽车"]),
        IndustryTraits(code: "C38", maturityShift: 0.07, productivity: 140, energyIntensity: 0.15, emissions: 0.15,
            consumer: 0.3, exporter: 0.3, managementShare: 0.13, purchaseShare: 0.65, nameWords: ["电气", "新能源", "电缆", "电机"]),
        IndustryTraits(code: "C39", maturityShift: 0.13, productivity: 150, energyIntensity: 0.15, emissions: 0.2,
            consumer: 0.4, exporter: 0.5, managementShare: 0.15, purchaseShare: 0.65, nameWords: ["电子", "光电", "通信设备"]),
        IndustryTraits(code: "C40", maturityShift: 0.08, productivity: 90, energyIntensity: 0.03, emissions: 0.05,
            consumer: 0.15, exporter: 0.2, managementShare: 0.16, purchaseShare: 0.5, nameWords: ["仪器仪表", "仪表"]),
        IndustryTraits(code: "C41", maturityShift: -0.06, productivity: 50, energyIntensity: 0.02, emissions: 0.05,
            consumer: 0.7, exporter: 0.4, managementShare: 0.1, purchaseShare: 0.55, nameWords: ["工艺品"]),
        IndustryTraits(code: "D44", maturityShift: 0.06, productivity: 400, energyIntensity: 0.95, emissions: 0.95,
            consumer: 0, exporter: 0, managementShare: 0.14, purchaseShare: 0.7, nameWords: ["热电", "电力"]),
        IndustryTraits(code: "E48", maturityShift: -0.03, productivity: 120, energyIntensity: 0.05, emissions: 0.1,
            consumer: 0, exporter: 0, managementShare: 0.15, purchaseShare: 0.7, nameWords: ["建设工程", "路桥"]),
        IndustryTraits(code: "F51", maturityShift: 0.0, productivity: 600, energyIntensity: 0.0, emissions: 0.0,
            consumer: 0.5, exporter: 0.2, managementShare: 0.25, purchaseShare: 0.9, nameWords: ["商贸", "贸易", "供应链"]),
        IndustryTraits(code: "F52", maturityShift: 0.02, productivity: 90, energyIntensity: 0.0, emissions: 0.0,
            consumer: 1.0, exporter: 0.05, managementShare: 0.15, purchaseShare: 0.8, nameWords: ["商业", "超市", "百货"]),
        IndustryTraits(code: "G54", maturityShift: 0.0, productivity: 70, energyIntensity: 0.05, emissions: 0.05,
            consumer: 0.2, exporter: 0.05, managementShare: 0.15, purchaseShare: 0.5, nameWords: ["运输", "物流"]),
        IndustryTraits(code: "G59", maturityShift: 0.03, productivity: 60, energyIntensity: 0.03, emissions: 0.02,
            consumer: 0.2, exporter: 0.05, managementShare: 0.18, purchaseShare: 0.4, nameWords: ["仓储", "物流"]),
        IndustryTraits(code: "I64", maturityShift: 0.15, productivity: 60, energyIntensity: 0.0, emissions: 0.0,
            consumer: 0.8, exporter: 0.05, managementShare: 0.25, purchaseShare: 0.3, nameWords: ["网络科技", "互联网"]),
        IndustryTraits(code: "I65", maturityShift: 0.16, productivity: 45, energyIntensity: 0.0, emissions: 0.0,
            consumer: 0.3, exporter: 0.05, managementShare: 0.25, purchaseShare: 0.25, nameWords: ["软件", "信息技术", "数据科技"]),
    ]
}
