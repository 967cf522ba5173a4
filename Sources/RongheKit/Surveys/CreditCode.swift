/// The unified social credit code (统一社会信用代码, GB 32100-2015): an enterprise's identity.
///
/// 18 characters from `0123456789ABCDEFGHJKLMNPQRTUWXY` (no I, O, Z, S, V); the 18th is a check
/// character over the first 17 with weights 3^i mod 31.
public enum CreditCode {
    /// The 31 characters a code may contain, in value order.
    public static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    /// Why a code is not valid.
    public enum Problem: Equatable, Sendable {
        case length(Int)
        case character(Character, position: Int)
        case checkCharacter(found: Character, expected: Character)
    }

    /// The check character for the first 17 characters of `code`, which must all be valid.
    public static func checkCharacter<S: StringProtocol>(for code: S) -> Character {
        var sum = 0
        for (character, weight) in zip(code.prefix(17), weights) {
            sum += (alphabet.firstIndex(of: character) ?? 0) * weight
        }
        let value = (31 - sum % 31) % 31
        return alphabet[value]
    }

    /// The first problem with `code`, or nil when it is valid. Expects a normalised code
    /// (upper case, no spaces).
    public static func problem(in code: String) -> Problem? {
        let characters = Array(code)
        guard characters.count == 18 else { return .length(characters.count) }
        for (index, character) in characters.enumerated() where !alphabet.contains(character) {
            return .character(character, position: index + 1)
        }
        let expected = checkCharacter(for: code)
        return characters[17] == expected ? nil : .checkCharacter(found: characters[17], expected: expected)
    }
}
