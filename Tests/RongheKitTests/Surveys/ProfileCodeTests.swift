import Testing

@testable import RongheKit

@Suite struct ProfileCodeTests {
    @Test func districtCodes() {
        #expect(DivisionCode.problem(in: "371402") == nil)
        #expect(DivisionCode.problem(in: "371400") == nil)
        #expect(DivisionCode.problem(in: "370000") == .provinceLevel)
        #expect(DivisionCode.problem(in: "991402") == .province("99"))
        #expect(DivisionCode.problem(in: "37140") == .format)
        #expect(DivisionCode.problem(in: "37140A") == .format)
        #expect(DivisionCode.provinces.count == 34)
    }

    @Test(arguments: [
        ("C26", "C26"), ("c 26", "C26"), ("26", "C26"), ("C2611", "C26"), ("2611", "C26"), ("I65", "I65"),
        ("01", "A01"), ("化学原料和化学制品制造业", "C26"), ("软件和信息技术服务业", "I65"), ("97", "T97"),
    ])
    func industryCodesAsPeopleWriteThem(text: String, code: String) {
        #expect(IndustryCode.parse(text) == code)
    }

    @Test(arguments: ["A26", "C98", "C", "Z01", "00", "化工", ""])
    func industryCodesThatDoNotExist(text: String) {
        #expect(IndustryCode.parse(text) == nil)
    }

    /// A letter that does not fit the division (C44 for D44 电力) is told apart from a code that
    /// does not exist at all, so the message can name the code meant.
    @Test func misplacedSectionLetters() {
        #expect(IndustryCode.misplacedSection("C44")! == ("C44", "D44"))
        #expect(IndustryCode.misplacedSection(" a 26 ")! == ("A26", "C26"))
        #expect(IndustryCode.misplacedSection("C26") == nil)
        #expect(IndustryCode.misplacedSection("C98") == nil)
        #expect(IndustryCode.misplacedSection("C2611") == nil)
        #expect(IndustryCode.misplacedSection("化工") == nil)
    }

    @Test func everyDivisionHasASectionAndAName() {
        for division in 1...97 {
            #expect(IndustryCode.section(ofDivision: division) != nil, "division \(division)")
            #expect(IndustryCode.divisionNames[division] != nil, "division \(division)")
        }
        #expect(IndustryCode.section(ofDivision: 13) == "C" && IndustryCode.section(ofDivision: 43) == "C")
        #expect(IndustryCode.displayName("C26") == "C26 化学原料和化学制品制造业")
    }

    @Test func sizeClassRule() {
        #expect(SizeClass.classify(employees: 1000, revenue: 40_000) == .large)
        #expect(SizeClass.classify(employees: 1000, revenue: 39_999) == .medium)
        #expect(SizeClass.classify(employees: 300, revenue: 2_000) == .medium)
        #expect(SizeClass.classify(employees: 299, revenue: 50_000) == .small)
        #expect(SizeClass.classify(employees: 20, revenue: 300) == .small)
        #expect(SizeClass.classify(employees: 19, revenue: 300) == .micro)
    }
}
