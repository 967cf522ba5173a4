/// Who submitted a survey: the profile block every survey carries.
public struct EnterpriseProfile: Equatable, Hashable, Sendable, Codable {
    /// The unified social credit code (统一社会信用代码), the enterprise's identity across years.
    public var uscc: String
    public var name: String
    /// The GB/T 2260 administrative division code of the county-level district, 6 digits.
    public var district: String
    /// The GB/T 4754-2017 section letter and division, e.g. `C26`.
    public var industry: String
    public var size: SizeClass
    public var employees: Int?
    /// Operating revenue in 万元 (ten thousand yuan).
    public var revenue: Double?
    /// The survey year the figures refer to.
    public var year: Int

    public init(
        uscc: String, name: String, district: String, industry: String, size: SizeClass,
        employees: Int? = nil, revenue: Double? = nil, year: Int
    ) {
        self.uscc = uscc
        self.name = name
        self.district = district
        self.industry = industry
        self.size = size
        self.employees = employees
        self.revenue = revenue
        self.year = year
    }

    /// The GB/T 4754 section letter, e.g. `C` for manufacturing.
    public var industrySection: String { String(industry.prefix(1)) }

    /// The value of a profile field as a condition or rule sees it.
    public func value(of field: ProfileField) -> ProfileValue? {
        switch field {
        case .uscc: return .text(uscc)
        case .name: return .text(name)
        case .district: return .text(district)
        case .industry: return .text(industry)
        case .industrySection: return .text(industrySection)
        case .size: return .text(size.rawValue)
        case .employees: return employees.map { .number(Double($0)) }
        case .revenue: return revenue.map { .number($0) }
        case .year: return .number(Double(year))
        }
    }
}

/// A field of the enterprise profile that conditions and ratio rules can refer to.
public enum ProfileField: String, Sendable, CaseIterable, Codable {
    case uscc, name, district, industry, industrySection, size, employees, revenue, year

    /// Whether the field holds a number (usable as a ratio operand).
    public var isNumeric: Bool { self == .employees || self == .revenue || self == .year }

    /// The fields an enterprise fills in, in form order (`industrySection` is derived).
    public static let surveyFields: [ProfileField] = [.uscc, .name, .district, .industry, .size, .employees, .revenue, .year]

    /// The label on survey forms and column headers.
    public var label: LocalizedText {
        switch self {
        case .uscc: return LocalizedText(zh: "统一社会信用代码", en: "Unified social credit code")
        case .name: return LocalizedText(zh: "企业名称", en: "Enterprise name")
        case .district: return LocalizedText(zh: "所属区县（行政区划代码）", en: "District (GB/T 2260 code)")
        case .industry: return LocalizedText(zh: "所属行业（国民经济行业分类代码）", en: "Industry (GB/T 4754 code)")
        case .industrySection: return LocalizedText(zh: "行业门类", en: "Industry section")
        case .size: return LocalizedText(zh: "企业规模", en: "Size class")
        case .employees: return LocalizedText(zh: "从业人员（人）", en: "Employees (persons)")
        case .revenue: return LocalizedText(zh: "营业收入（万元）", en: "Revenue (10k yuan)")
        case .year: return LocalizedText(zh: "填报年度", en: "Survey year")
        }
    }

    /// A hint shown beside the field on survey forms.
    public var hint: LocalizedText? {
        switch self {
        case .uscc: return LocalizedText(zh: "18位，请以文本格式填写", en: "18 characters, entered as text")
        case .district: return LocalizedText(zh: "6位行政区划代码，如371402", en: "6-digit division code, e.g. 371402")
        case .industry: return LocalizedText(zh: "门类字母加大类代码，如C26", en: "Section letter and division, e.g. C26")
        case .size: return LocalizedText(zh: "大型、中型、小型或微型", en: "Large, medium, small or micro")
        default: return nil
        }
    }
}

/// A profile field's value.
public enum ProfileValue: Equatable, Sendable {
    case text(String)
    case number(Double)
}
