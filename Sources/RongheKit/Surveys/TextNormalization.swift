import Foundation

/// How typed text is normalised before it is matched or parsed: full-width forms folded to
/// ASCII (３５ → 35, （ → (, ％ → %), Unicode minus to `-`, white space trimmed.
enum TextNormalization {
    /// NFKC folding plus the few substitutions NFKC does not make.
    static func fold(_ text: String) -> String {
        var folded = text.precomposedStringWithCompatibilityMapping
        if folded.contains("\u{2212}") { folded = folded.replacingOccurrences(of: "\u{2212}", with: "-") }
        return folded.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A key for comparing labels and headers: folded, lower-cased, with white space and any
    /// parenthesised part removed, so `所属区县（行政区划代码）` matches `所属区县` and
    /// `Deputy General Manager` matches `deputy general manager`.
    static func matchKey(_ text: String) -> String {
        var result = ""
        var depth = 0
        for character in fold(text).lowercased() {
            switch character {
            case "(", "[", "【": depth += 1
            case ")", "]", "】": depth = max(0, depth - 1)
            default:
                if depth == 0 && !character.isWhitespace && character != "。" && character != ":" { result.append(character) }
            }
        }
        return result
    }
}
