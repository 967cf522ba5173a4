/// An enterprise's size class under MIIT's 2011 rule for industrial enterprises (大中小微).
public enum SizeClass: String, Sendable, CaseIterable, Codable, Comparable {
    case large
    case medium
    case small
    case micro

    public var label: LocalizedText {
        switch self {
        case .large: return LocalizedText(zh: "大型", en: "Large")
        case .medium: return LocalizedText(zh: "中型", en: "Medium")
        case .small: return LocalizedText(zh: "小型", en: "Small")
        case .micro: return LocalizedText(zh: "微型", en: "Micro")
        }
    }

    /// The class the industrial-enterprise rule gives for these figures: large needs ≥ 1000
    /// employees and ≥ 40,000 万元 revenue, medium ≥ 300 and ≥ 2,000, small ≥ 20 and ≥ 300.
    public static func classify(employees: Int, revenue: Double) -> SizeClass {
        if employees >= 1000 && revenue >= 40_000 { return .large }
        if employees >= 300 && revenue >= 2_000 { return .medium }
        if employees >= 20 && revenue >= 300 { return .small }
        return .micro
    }

    public static func < (lhs: SizeClass, rhs: SizeClass) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
