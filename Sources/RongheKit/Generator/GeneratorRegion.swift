/// A city whose enterprises the survey generator invents: its county-level districts (GB/T 2260
/// codes, checked against the Ministry of Civil Affairs' list), how enterprises there are named,
/// and which industries each district is known for.
///
/// Three cities from the campaigns Ronghe was designed from are built in: ``dezhou`` (the
/// default), ``shangqiu`` and ``wuhai``.
public struct GeneratorRegion: Sendable, Equatable {
    /// One county-level district of the city.
    public struct District: Sendable, Equatable {
        /// The GB/T 2260 code, e.g. `371402`.
        public let code: String
        /// The district's name, e.g. 德城区.
        public let name: String
        /// How enterprise names registered there begin, e.g. 宁津县 or 宁津.
        let namePrefixes: [String]
        /// The district's share of the city's surveyed enterprises (relative).
        let weight: Double
        /// Industries (GB/T 4754 divisions) the district is known for, with extra weight added to
        /// the city's base mix.
        let specialties: [IndustryShare]
    }

    /// A GB/T 4754 division and its relative weight.
    struct IndustryShare: Sendable, Equatable {
        let code: String
        let weight: Double

        init(_ code: String, _ weight: Double) {
            self.code = code
            self.weight = weight
        }
    }

    /// A short name for command lines, e.g. `dezhou`.
    public let id: String
    /// The city's name, e.g. 德州市 / Dezhou.
    public let name: LocalizedText
    /// The city's own GB/T 2260 code (county part `00`); large firms are often registered under it.
    public let cityCode: String
    public let districts: [District]
    /// The province's short name, which large groups put first in their names (山东…集团).
    let provinceName: String
    /// The city's short name, e.g. 德州.
    let cityPrefix: String
    /// The city's base industry mix, before district specialties.
    let industries: [IndustryShare]

    /// The built-in cities, by ``id``.
    public static let all: [GeneratorRegion] = [.dezhou, .shangqiu, .wuhai]

    /// The built-in city with this ``id``.
    public static func named(_ id: String) -> GeneratorRegion? {
        all.first { $0.id == id }
    }

    /// 德州市, Shandong: machinery and central air-conditioning in the city districts, furniture and
    /// fitness equipment in Ningjin, cotton textiles in Xiajin, functional sugars in Yucheng,
    /// condiments and sports goods in Leling, petrochemicals in Linyi.
    public static let dezhou = GeneratorRegion(
        id: "dezhou", name: LocalizedText(zh: "德州市", en: "Dezhou"), cityCode: "371400",
        districts: [
            District(code: "371402", name: "德城区", namePrefixes: ["德州", "德州市"], weight: 16, specialties: [
                IndustryShare("C34", 6), IndustryShare("C35", 3), IndustryShare("C39", 3), IndustryShare("I65", 4),
                IndustryShare("F51", 3), IndustryShare("G59", 2), IndustryShare("C38", 2),
            ]),
            District(code: "371403", name: "陵城区", namePrefixes: ["德州市陵城区", "陵城"], weight: 9, specialties: [
                IndustryShare("C33", 3), IndustryShare("C34", 3), IndustryShare("C36", 2), IndustryShare("C13", 2),
            ]),
            District(code: "371422", name: "宁津县", namePrefixes: ["宁津县", "宁津"], weight: 8, specialties: [
                IndustryShare("C21", 8), IndustryShare("C24", 6), IndustryShare("C33", 2),
            ]),
            District(code: "371423", name: "庆云县", namePrefixes: ["庆云县", "庆云"], weight: 6, specialties: [
                IndustryShare("C29", 4), IndustryShare("C33", 3), IndustryShare("C26", 2),
            ]),
            District(code: "371424", name: "临邑县", namePrefixes: ["临邑县", "临邑"], weight: 8, specialties: [
                IndustryShare("C25", 4), IndustryShare("C26", 6), IndustryShare("C30", 2),
            ]),
            District(code: "371425", name: "齐河县", namePrefixes: ["齐河县", "齐河"], weight: 9, specialties: [
                IndustryShare("C26", 3), IndustryShare("C31", 3), IndustryShare("C30", 3), IndustryShare("C36", 2),
                IndustryShare("G59", 2),
            ]),
            District(code: "371426", name: "平原县", namePrefixes: ["平原县", "平原"], weight: 7, specialties: [
                IndustryShare("C38", 4), IndustryShare("C27", 3), IndustryShare("C13", 2),
            ]),
            District(code: "371427", name: "夏津县", namePrefixes: ["夏津县", "夏津"], weight: 8, specialties: [
                IndustryShare("C17", 10), IndustryShare("C18", 4), IndustryShare("C13", 3),
            ]),
            District(code: "371428", name: "武城县", namePrefixes: ["武城县", "武城"], weight: 6, specialties: [
                IndustryShare("C29", 4), IndustryShare("C13", 3), IndustryShare("C34", 3),
            ]),
            District(code: "371481", name: "乐陵市", namePrefixes: ["乐陵市", "乐陵"], weight: 9, specialties: [
                IndustryShare("C14", 5), IndustryShare("C24", 5), IndustryShare("C33", 3),
            ]),
            District(code: "371482", name: "禹城市", namePrefixes: ["禹城市", "禹城"], weight: 10, specialties: [
                IndustryShare("C14", 8), IndustryShare("C27", 3), IndustryShare("C35", 2),
            ]),
        ],
        provinceName: "山东", cityPrefix: "德州",
        industries: [
            IndustryShare("C13", 5), IndustryShare("C14", 5), IndustryShare("C15", 2), IndustryShare("C17", 6),
            IndustryShare("C18", 4), IndustryShare("C21", 3), IndustryShare("C22", 2), IndustryShare("C24", 2),
            IndustryShare("C25", 1.5), IndustryShare("C26", 6), IndustryShare("C27", 3), IndustryShare("C29", 4),
            IndustryShare("C30", 5), IndustryShare("C31", 2), IndustryShare("C32", 1), IndustryShare("C33", 6),
            IndustryShare("C34", 8), IndustryShare("C35", 6), IndustryShare("C36", 5), IndustryShare("C38", 6),
            IndustryShare("C39", 3), IndustryShare("C40", 2), IndustryShare("C41", 1), IndustryShare("D44", 1.5),
            IndustryShare("E48", 1), IndustryShare("F51", 4), IndustryShare("F52", 2), IndustryShare("G54", 2.5),
            IndustryShare("G59", 1.5), IndustryShare("I64", 1), IndustryShare("I65", 3),
        ])

    /// 商丘市, Henan: refrigeration in Minquan, footwear in Suixian, superhard materials in
    /// Zhecheng, measuring tools in Yucheng (虞城), coal and flour in Yongcheng.
    public static let shangqiu = GeneratorRegion(
        id: "shangqiu", name: LocalizedText(zh: "商丘市", en: "Shangqiu"), cityCode: "411400",
        districts: [
            District(code: "411402", name: "梁园区", namePrefixes: ["商丘", "商丘市"], weight: 14, specialties: [
                IndustryShare("C13", 3), IndustryShare("F51", 3), IndustryShare("G54", 3), IndustryShare("I65", 2),
            ]),
            District(code: "411403", name: "睢阳区", namePrefixes: ["商丘市睢阳区", "商丘"], weight: 11, specialties: [
                IndustryShare("C38", 3), IndustryShare("C35", 2), IndustryShare("C13", 2),
            ]),
            District(code: "411421", name: "民权县", namePrefixes: ["民权县", "民权"], weight: 10, specialties: [
                IndustryShare("C34", 8), IndustryShare("C38", 4),
            ]),
            District(code: "411422", name: "睢县", namePrefixes: ["睢县"], weight: 8, specialties: [
                IndustryShare("C19", 10),
            ]),
            District(code: "411423", name: "宁陵县", namePrefixes: ["宁陵县", "宁陵"], weight: 6, specialties: [
                IndustryShare("C13", 4), IndustryShare("C17", 2),
            ]),
            District(code: "411424", name: "柘城县", namePrefixes: ["柘城县", "柘城"], weight: 8, specialties: [
                IndustryShare("C30", 8), IndustryShare("C13", 2),
            ]),
            District(code: "411425", name: "虞城县", namePrefixes: ["虞城县", "虞城"], weight: 9, specialties: [
                IndustryShare("C33", 8),
            ]),
            District(code: "411426", name: "夏邑县", namePrefixes: ["夏邑县", "夏邑"], weight: 8, specialties: [
                IndustryShare("C17", 8), IndustryShare("C18", 3),
            ]),
            District(code: "411481", name: "永城市", namePrefixes: ["永城市", "永城"], weight: 12, specialties: [
                IndustryShare("B06", 6), IndustryShare("C13", 6), IndustryShare("C26", 3), IndustryShare("C31", 2),
            ]),
        ],
        provinceName: "河南", cityPrefix: "商丘",
        industries: [
            IndustryShare("C13", 6), IndustryShare("C14", 3), IndustryShare("C17", 4), IndustryShare("C18", 3),
            IndustryShare("C19", 2), IndustryShare("C21", 2), IndustryShare("C26", 3), IndustryShare("C27", 2),
            IndustryShare("C29", 2), IndustryShare("C30", 4), IndustryShare("C33", 5), IndustryShare("C34", 5),
            IndustryShare("C35", 4), IndustryShare("C36", 2), IndustryShare("C38", 4), IndustryShare("C39", 2),
            IndustryShare("D44", 1), IndustryShare("E48", 1), IndustryShare("F51", 4), IndustryShare("F52", 2),
            IndustryShare("G54", 3), IndustryShare("G59", 1), IndustryShare("I65", 2),
        ])

    /// 乌海市, Inner Mongolia: coal, coking, chlor-alkali and fine chemicals, building materials
    /// and metallurgy in three districts.
    public static let wuhai = GeneratorRegion(
        id: "wuhai", name: LocalizedText(zh: "乌海市", en: "Wuhai"), cityCode: "150300",
        districts: [
            District(code: "150302", name: "海勃湾区", namePrefixes: ["乌海", "乌海市"], weight: 12, specialties: [
                IndustryShare("C26", 4), IndustryShare("F51", 3), IndustryShare("I65", 2), IndustryShare("G54", 2),
            ]),
            District(code: "150303", name: "海南区", namePrefixes: ["乌海市海南区", "乌海"], weight: 10, specialties: [
                IndustryShare("C26", 6), IndustryShare("C25", 5), IndustryShare("B06", 4), IndustryShare("C30", 3),
            ]),
            District(code: "150304", name: "乌达区", namePrefixes: ["乌海市乌达区", "乌海"], weight: 9, specialties: [
                IndustryShare("C26", 5), IndustryShare("C25", 4), IndustryShare("B06", 3), IndustryShare("C31", 3),
                IndustryShare("D44", 2),
            ]),
        ],
        provinceName: "内蒙古", cityPrefix: "乌海",
        industries: [
            IndustryShare("B06", 4), IndustryShare("C13", 2), IndustryShare("C15", 1), IndustryShare("C25", 4),
            IndustryShare("C26", 8), IndustryShare("C30", 4), IndustryShare("C31", 3), IndustryShare("C32", 2),
            IndustryShare("C33", 2), IndustryShare("C35", 2), IndustryShare("D44", 3), IndustryShare("E48", 1),
            IndustryShare("F51", 3), IndustryShare("G54", 3), IndustryShare("I65", 1),
        ])
}
