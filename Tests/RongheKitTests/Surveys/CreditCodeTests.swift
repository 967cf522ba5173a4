import Testing

@testable import RongheKit

@Suite struct CreditCodeTests {
    // Check characters computed with an independent Python implementation of GB 32100-2015.
    @Test(arguments: ["91371402MA3C5LXK2W", "91370000163000111Q", "91110000100001503N", "92371400MA3Q8Y7N1E", "91371482MA3MBP0T1K"])
    func acceptsValidCodes(code: String) {
        #expect(CreditCode.problem(in: code) == nil)
    }

    @Test func reportsTheExpectedCheckCharacter() {
        #expect(CreditCode.problem(in: "91371402MA3C5LXK2X") == .checkCharacter(found: "X", expected: "W"))
    }

    @Test func checkValueThirtyOneBecomesZero() {
        // Seventeen zeros sum to 0; 31 − 0 = 31, which wraps to the character 0.
        #expect(CreditCode.checkCharacter(for: "00000000000000000") == "0")
    }

    @Test func refusesLettersNeverUsed() {
        #expect(CreditCode.problem(in: "91371402MA3C5LXKIW") == .character("I", position: 17))
        #expect(CreditCode.problem(in: "9137140OMA3C5LXK2W") == .character("O", position: 8))
    }

    @Test func refusesWrongLengths() {
        #expect(CreditCode.problem(in: "91371402MA3C5LXK2") == .length(17))
        #expect(CreditCode.problem(in: "") == .length(0))
    }

    @Test func everySingleCharacterTypoIsCaught() {
        // The weights are powers of 3 modulo 31, all non-zero, so changing one character always
        // changes the check value.
        let code = Array("91371402MA3C5LXK2W")
        for position in 0..<17 {
            for replacement in CreditCode.alphabet where replacement != code[position] {
                var typo = code
                typo[position] = replacement
                #expect(CreditCode.problem(in: String(typo)) != nil, "position \(position + 1) → \(replacement)")
            }
        }
    }
}
