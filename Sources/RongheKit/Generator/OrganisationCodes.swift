/// The nine characters after the registration division in a generated credit code: a unique
/// organisation code per enterprise number.
///
/// Enterprises registered before the 2015 reform kept their GB 11714 organisation code (eight
/// digits and a check digit, `16300011-1` → `163000111`); newer ones got a code starting `MA`
/// followed by seven characters of the credit-code alphabet. Both are made from the enterprise's
/// number through a bijection `(a · n + b) mod N`, so two enterprises of one generator never share
/// a code (a duplicate would be read as a resubmission), and a seed-dependent offset keeps files
/// made with different seeds apart.
enum OrganisationCodes {
    /// 31^7: the number of seven-character tails of an `MA` code.
    static let newCodeCount: UInt64 = 27_512_614_111
    /// The eight-digit bodies of a GB 11714 code that do not start with 0: 9 · 10^7.
    static let oldCodeCount: UInt64 = 90_000_000

    // Multipliers coprime with their moduli: not divisible by 31; not divisible by 2, 3 or 5.
    private static let newMultiplier: UInt64 = 9_576_890_767
    private static let oldMultiplier: UInt64 = 48_271_919

    /// The GB 11714 check character for an eight-character body: weights 3 7 9 10 5 8 4 2,
    /// `11 − (Σ mod 11)`, with 10 written `X` and 11 written `0`.
    static func checkCharacter(forBody body: [Character]) -> Character {
        let weights = [3, 7, 9, 10, 5, 8, 4, 2]
        var sum = 0
        for (character, weight) in zip(body, weights) {
            let value: Int
            if let digit = character.wholeNumberValue {
                value = digit
            } else {
                // Letters count from 10 (A) as in the standard.
                value = Int(character.asciiValue ?? 65) - 55
            }
            sum += value * weight
        }
        switch 11 - sum % 11 {
        case 10: return "X"
        case 11: return "0"
        case let check: return Character(String(check))
        }
    }

    /// An old-style code (eight digits and their GB 11714 check character) for enterprise `index`.
    static func old(index: UInt64, seed: UInt64) -> String {
        let value = 10_000_000 + affine(index, multiplier: oldMultiplier, offset: SplitMix64.mix(seed ^ 0x01D0), modulus: oldCodeCount)
        let digits = Array(String(value))
        return String(digits) + String(checkCharacter(forBody: digits))
    }

    /// A post-2015 code `MA` + seven characters of the credit-code alphabet for enterprise `index`.
    static func new(index: UInt64, seed: UInt64) -> String {
        var value = affine(index, multiplier: newMultiplier, offset: SplitMix64.mix(seed ^ 0x4E3), modulus: newCodeCount)
        var tail: [Character] = []
        for _ in 0..<7 {
            tail.append(CreditCode.alphabet[Int(value % 31)])
            value /= 31
        }
        return "MA" + String(tail.reversed())
    }

    /// (a · n + b) mod m without overflow.
    private static func affine(_ n: UInt64, multiplier: UInt64, offset: UInt64, modulus: UInt64) -> UInt64 {
        let product = (multiplier % modulus).multipliedFullWidth(by: n % modulus)
        let scaled = modulus.dividingFullWidth((high: product.high, low: product.low)).remainder
        let (sum, overflow) = scaled.addingReportingOverflow(offset % modulus)
        precondition(!overflow, "moduli are far below 2^63")
        return sum % modulus
    }
}
