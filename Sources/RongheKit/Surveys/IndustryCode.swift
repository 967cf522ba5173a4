/// GB/T 4754-2017 national-economy industry classification (国民经济行业分类): a section letter
/// and a two-digit division, e.g. `C26` 化学原料和化学制品制造业.
public enum IndustryCode {
    /// Sections with their names and division ranges.
    public static let sections: [(letter: Character, name: LocalizedText, divisions: ClosedRange<Int>)] = [
        ("A", LocalizedText(zh: "农、林、牧、渔业", en: "Agriculture, forestry, animal husbandry and fishery"), 1...5),
        ("B", LocalizedText(zh: "采矿业", en: "Mining"), 6...12),
        ("C", LocalizedText(zh: "制造业", en: "Manufacturing"), 13...43),
        ("D", LocalizedText(zh: "电力、热力、燃气及水生产和供应业", en: "Electricity, heat, gas and water"), 44...46),
        ("E", LocalizedText(zh: "建筑业", en: "Construction"), 47...50),
        ("F", LocalizedText(zh: "批发和零售业", en: "Wholesale and retail"), 51...52),
        ("G", LocalizedText(zh: "交通运输、仓储和邮政业", en: "Transport, storage and post"), 53...60),
        ("H", LocalizedText(zh: "住宿和餐饮业", en: "Accommodation and catering"), 61...62),
        ("I", LocalizedText(zh: "信息传输、软件和信息技术服务业", en: "Information transmission, software and IT services"), 63...65),
        ("J", LocalizedText(zh: "金融业", en: "Finance"), 66...69),
        ("K", LocalizedText(zh: "房地产业", en: "Real estate"), 70...70),
        ("L", LocalizedText(zh: "租赁和商务服务业", en: "Leasing and business services"), 71...72),
        ("M", LocalizedText(zh: "科学研究和技术服务业", en: "Scientific research and technical services"), 73...75),
        ("N", LocalizedText(zh: "水利、环境和公共设施管理业", en: "Water, environment and public facilities"), 76...79),
        ("O", LocalizedText(zh: "居民服务、修理和其他服务业", en: "Resident, repair and other services"), 80...82),
        ("P", LocalizedText(zh: "教育", en: "Education"), 83...83),
        ("Q", LocalizedText(zh: "卫生和社会工作", en: "Health and social work"), 84...85),
        ("R", LocalizedText(zh: "文化、体育和娱乐业", en: "Culture, sports and entertainment"), 86...90),
        ("S", LocalizedText(zh: "公共管理、社会保障和社会组织", en: "Public administration and social organisations"), 91...96),
        ("T", LocalizedText(zh: "国际组织", en: "International organisations"), 97...97),
    ]

    /// Division names (大类), by two-digit number.
    public static let divisionNames: [Int: String] = [
        1: "农业", 2: "林业", 3: "畜牧业", 4: "渔业", 5: "农、林、牧、渔专业及辅助性活动",
        6: "煤炭开采和洗选业", 7: "石油和天然气开采业", 8: "黑色金属矿采选业", 9: "有色金属矿采选业",
        10: "非金属矿采选业", 11: "开采专业及辅助性活动", 12: "其他采矿业",
        13: "农副食品加工业", 14: "食品制造业", 15: "酒、饮料和精制茶制造业", 16: "烟草制品业", 17: "纺织业",
        18: "纺织服装、服饰业", 19: "皮革、毛皮、羽毛及其制品和制鞋业", 20: "木材加工和木、竹、藤、棕、草制品业",
        21: "家具制造业", 22: "造纸和纸制品业", 23: "印刷和记录媒介复制业", 24: "文教、工美、体育和娱乐用品制造业",
        25: "石油、煤炭及其他燃料加工业", 26: "化学原料和化学制品制造业", 27: "医药制造业", 28: "化学纤维制造业",
        29: "橡胶和塑料制品业", 30: "非金属矿物制品业", 31: "黑色金属冶炼和压延加工业", 32: "有色金属冶炼和压延加工业",
        33: "金属制品业", 34: "通用设备制造业", 35: "专用设备制造业", 36: "汽车制造业",
        37: "铁路、船舶、航空航天和其他运输设备制造业", 38: "电气机械和器材制造业", 39: "计算机、通信和其他电子设备制造业",
        40: "仪器仪表制造业", 41: "其他制造业", 42: "废弃资源综合利用业", 43: "金属制品、机械和设备修理业",
        44: "电力、热力生产和供应业", 45: "燃气生产和供应业", 46: "水的生产和供应业",
        47: "房屋建筑业", 48: "土木工程建筑业", 49: "建筑安装业", 50: "建筑装饰、装修和其他建筑业",
        51: "批发业", 52: "零售业",
        53: "铁路运输业", 54: "道路运输业", 55: "水上运输业", 56: "航空运输业", 57: "管道运输业",
        58: "多式联运和运输代理业", 59: "装卸搬运和仓储业", 60: "邮政业",
        61: "住宿业", 62: "餐饮业",
        63: "电信、广播电视和卫星传输服务", 64: "互联网和相关服务", 65: "软件和信息技术服务业",
        66: "货币金融服务", 67: "资本市场服务", 68: "保险业", 69: "其他金融业",
        70: "房地产业", 71: "租赁业", 72: "商务服务业",
        73: "研究和试验发展", 74: "专业技术服务业", 75: "科技推广和应用服务业",
        76: "水利管理业", 77: "生态保护和环境治理业", 78: "公共设施管理业", 79: "土地管理业",
        80: "居民服务业", 81: "机动车、电子产品和日用产品修理业", 82: "其他服务业",
        83: "教育", 84: "卫生", 85: "社会工作",
        86: "新闻和出版业", 87: "广播、电视、电影和录音制作业", 88: "文化艺术业", 89: "体育", 90: "娱乐业",
        91: "中国共产党机关", 92: "国家机构", 93: "人民政协、民主党派", 94: "社会保障",
        95: "群众团体、社会团体和其他成员组织", 96: "基层群众自治组织及其他组织", 97: "国际组织",
    ]

    /// The section a division belongs to.
    public static func section(ofDivision division: Int) -> Character? {
        sections.first { $0.divisions.contains(division) }?.letter
    }

    /// The section's name.
    public static func sectionName(_ letter: Character) -> LocalizedText? {
        sections.first { $0.letter == letter }?.name
    }

    /// A display name for a code such as `C26`: `C26 化学原料和化学制品制造业`.
    public static func displayName(_ code: String) -> String {
        guard let division = Int(code.dropFirst()), let name = divisionNames[division] else { return code }
        return "\(code) \(name)"
    }

    /// Reads an industry as people write it: `C26`, `c 26`, `26`, a four-digit class `C2611` or
    /// `2611` (cut to its division), or the division's Chinese name. Returns the normalised code
    /// `C26`, or nil when nothing matches.
    public static func parse(_ text: String) -> String? {
        let compact = text.filter { !$0.isWhitespace }.uppercased()
        if let division = divisionNames.first(where: { $0.value == compact })?.key {
            return code(forDivision: division)
        }
        var digits = Substring(compact)
        var letter: Character?
        if let first = digits.first, first.isLetter {
            letter = first
            digits = digits.dropFirst()
        }
        guard (2...4).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }),
            let division = Int(digits.prefix(2)), let section = section(ofDivision: division)
        else { return nil }
        if let letter, letter != section { return nil }
        return code(forDivision: division)
    }

    /// For a code whose section letter does not fit its division, such as `C44` (division 44 is in
    /// section D), the code as written and the code meant: `("C44", "D44")`. Nil otherwise.
    public static func misplacedSection(_ text: String) -> (written: String, correct: String)? {
        let compact = text.filter { !$0.isWhitespace }.uppercased()
        guard compact.count == 3, let letter = compact.first, letter.isLetter, let division = Int(compact.dropFirst()),
            compact.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }), let section = section(ofDivision: division),
            section != letter, let correct = code(forDivision: division)
        else { return nil }
        return (compact, correct)
    }

    private static func code(forDivision division: Int) -> String? {
        guard let section = section(ofDivision: division) else { return nil }
        return "\(section)\(division < 10 ? "0" : "")\(division)"
    }
}
