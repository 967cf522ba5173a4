import Foundation

/// How typed text is normalised before it is matched or parsed: full-width forms folded to
/// ASCII (３５ → 35, （ → (, ％ → %), Unicode minus to `-`, white space trimmed.
enum TextNormalization {
    /// NFKC folding plus the few substitutions NFKC does not make.
    static func fold(_ text: String) -> String {
        // Most of what enterprises type is ASCII and common Chinese characters, which NFKC leaves
        // as they are; skipping it there makes reading a large batch several times faster.
        if text.unicodeScalars.allSatisfy(isUnchangedByNFKC) {
            return text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        var folded = text.precomposedStringWithCompatibilityMapping
        if folded.contains("\u{2212}") { folded = folded.replacingOccurrences(of: "\u{2212}", with: "-") }
        return folded.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Whether NFKC leaves `scalar` unchanged whatever surrounds it: ASCII (no combining marks
    /// follow, as none are in this set), the CJK Unified Ideographs block (no decompositions),
    /// 、 and 。, and curly quotes.
    static func isUnchangedByNFKC(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x7F, 0x4E00...0x9FFF, 0x3001, 0x3002, 0x2018, 0x2019, 0x201C, 0x201D: return true
        default: return false
        }
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
