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
}

/// A profile field's value.
public enum ProfileValue: Equatable, Sendable {
    case text(String)
    case number(Double)
}
