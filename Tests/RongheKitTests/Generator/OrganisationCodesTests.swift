import Testing

@testable import RongheKit

@Suite struct OrganisationCodesTests {
    /// Real organisation codes, as published in credit codes: Alibaba (China) Network Technology
    /// 91330100716105852F holds 71610585-2; Tencent's Shenzhen company 9144030071526726XG holds
    /// 71526726-X.
    @Test(arguments: [("71610585", "2"), ("71526726", "X")])
    func checkCharactersOfRealCodes(body: String, check: Character) {
        #expect(OrganisationCodes.checkCharacter(forBody: Array(body)) == check)
        #expect(CreditCode.problem(in: "91330100716105852F") == nil && CreditCode.problem(in: "9144030071526726XG") == nil)
    }

    @Test func codesAreUniqueAndWellFormed() {
        var old = Set<String>()
        var new = Set<String>()
        for index in 0..<100_000 as Range<UInt64> {
            let a = OrganisationCodes.old(index: index, seed: 5)
            let b = OrganisationCodes.new(index: index, seed: 5)
            #expect(old.insert(a).inserted && new.insert(b).inserted)
            if index < 1000 {
                #expect(a.count == 9 && a.first != "0" && a.prefix(8).allSatisfy { $0.isNumber })
                #expect(b.count == 9 && b.hasPrefix("MA") && b.allSatisfy { CreditCode.alphabet.contains($0) })
            }
        }
        #expect(OrganisationCodes.new(index: 0, seed: 5) != OrganisationCodes.new(index: 0, seed: 6))
    }
}
