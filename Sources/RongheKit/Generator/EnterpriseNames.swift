/// Invents enterprise names that read like real registrations: an administrative prefix, a trade
/// name (字号), the industry's word and the form of organisation, e.g. 夏津县瑞丰棉纺有限公司,
/// 山东恒源化工集团有限公司, 宁津县金丰家具厂.
///
/// Trade names are ordinary auspicious words, not well-known brands. Names are not unique (a
/// city of 100,000 firms has many 华兴机械); the credit code is the identity.
enum EnterpriseNames {
    static let tradeNames: [String] = [
        "华信", "恒源", "金诺", "瑞丰", "宏达", "泰和", "永盛", "天元", "新星", "利民", "富源", "鑫源", "嘉华", "中瑞",
        "汇通", "盛泰", "三和", "众诚", "博远", "东岳", "润德", "康泰", "佳和", "祥瑞", "华兴", "金丰", "通达", "信诚",
        "中宏", "鼎盛", "瑞达", "德润", "安泰", "长河", "海容", "兴隆", "裕丰", "宝德", "和顺", "景泰", "万通", "明珠",
        "金海", "锦程", "恒信", "顺达", "天成", "凯瑞", "欣荣", "聚力", "远航", "卓越", "亿隆", "鸿运", "伟业", "宏图",
        "昌盛", "金源", "益康", "中联", "隆鑫", "腾飞", "龙盛", "荣信", "瑞康", "鲁信", "大地", "天润", "恒通", "泰丰",
        "兴达", "宏远", "华宇", "同创", "正信", "九鼎", "银河", "福瑞", "广源", "新元", "德信", "春晖", "丰源", "鲁丰",
        "金鹏", "祥和", "中诺", "创新", "通宇", "合力", "华茂", "永泰", "东方", "宏昌", "丰华", "鲁华", "润泽",
        "天衡", "嘉信", "博瑞", "诚达", "晟通", "铭泰", "瀚洋", "睿德", "乾元", "昊天", "鑫磊", "森特", "泓源",
    ]

    /// A name for an enterprise of `traits`' industry, registered in `district` of `region`.
    ///
    /// - Parameter individual: a sole proprietorship (个体工商户, credit code type 2), named 厂,
    ///   商行 or 经营部.
    static func make(
        region: GeneratorRegion, district: GeneratorRegion.District, traits: IndustryTraits, size: SizeClass,
        individual: Bool, random: inout GeneratorRandom
    ) -> String {
        let trade = random.element(of: tradeNames)
        let word = random.element(of: traits.nameWords)
        let local = random.element(of: district.namePrefixes)
        if individual {
            if traits.isManufacturing {
                return local + trade + word + random.pick([("厂", 3), ("加工厂", 2)])
            }
            return local + trade + random.pick([("商行", 2), ("经营部", 2), (word + "店", 1)])
        }
        let technology = ["C27", "C38", "C39", "C40", "I64", "I65"].contains(traits.code) && random.chance(0.25) ? "科技" : ""
        switch size {
        case .large:
            let prefix = random.pick([(region.provinceName, 6), (region.cityPrefix, 3), (local, 1)])
            let form = random.pick([("集团有限公司", 5), ("股份有限公司", 3), ("有限公司", 2)])
            return prefix + trade + word + technology + form
        case .medium:
            let prefix = random.pick([(local, 6), (region.cityPrefix, 3), (region.provinceName, 1)])
            let form = random.pick([("有限公司", 7), ("股份有限公司", 2), ("有限责任公司", 1)])
            return prefix + trade + word + technology + form
        case .small, .micro:
            let prefix = random.pick([(local, 7), (region.cityPrefix, 3)])
            let form = random.pick([("有限公司", 9), ("有限责任公司", 1)])
            return prefix + trade + word + technology + form
        }
    }
}
