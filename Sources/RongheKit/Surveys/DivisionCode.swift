/// GB/T 2260 administrative division codes (行政区划代码): 6 digits, province, city, county.
public enum DivisionCode {
    /// Provincial-level codes and their names.
    public static let provinces: [String: String] = [
        "11": "北京市", "12": "天津市", "13": "河北省", "14": "山西省", "15": "内蒙古自治区",
        "21": "辽宁省", "22": "吉林省", "23": "黑龙江省",
        "31": "上海市", "32": "江苏省", "33": "浙江省", "34": "安徽省", "35": "福建省", "36": "江西省", "37": "山东省",
        "41": "河南省", "42": "湖北省", "43": "湖南省", "44": "广东省", "45": "广西壮族自治区", "46": "海南省",
        "50": "重庆市", "51": "四川省", "52": "贵州省", "53": "云南省", "54": "西藏自治区",
        "61": "陕西省", "62": "甘肃省", "63": "青海省", "64": "宁夏回族自治区", "65": "新疆维吾尔自治区",
        "71": "台湾省", "81": "香港特别行政区", "82": "澳门特别行政区",
    ]

    /// Why a code cannot be a district.
    public enum Problem: Equatable, Sendable {
        case format
        case province(String)
        case provinceLevel
    }

    /// The first problem with `code` as a district, or nil. A city-level code (county part `00`)
    /// is accepted: enterprises in a city's own districts are often filed under it.
    public static func problem(in code: String) -> Problem? {
        guard code.count == 6, code.allSatisfy({ $0.isASCII && $0.isNumber }) else { return .format }
        let province = String(code.prefix(2))
        guard provinces[province] != nil else { return .province(province) }
        if code.dropFirst(2).prefix(2) == "00" { return .provinceLevel }
        return nil
    }
}
