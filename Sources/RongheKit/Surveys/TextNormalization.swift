import Foundation

/// How typed text is normalised before it is matched or parsed: full-width forms folded to
/// ASCII (３５ → 35, （ → (, ％ → %), Unicode minus to `-`, white space trimmed.
enum TextNormalization {
    /// NFKC folding plus the few substitutions NFKC does not make.
    static func fold(_ text: String) -> String {
        // Most of what enterprises type is ASCII and common Chinese characters, which NFKC leaves
        // as they are; skipping it there makes reading a large batch several times faster.
        if text.unicodeScalars.allSatisfy(isUnchangedByNFKC) {
            return trimmingASCIIWhitespace(text)
        }
        var folded = text.precomposedStringWithCompatibilityMapping
        if folded.contains("\u{2212}") { folded = folded.replacingOccurrences(of: "\u{2212}", with: "-") }
        return folded.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `text` without leading and trailing tabs, line ends and spaces: for text whose only white
    /// space is ASCII, what `trimmingCharacters(in: .whitespacesAndNewlines)` gives, without
    /// Foundation's cost.
    static func trimmingASCIIWhitespace(_ text: String) -> String {
        let utf8 = text.utf8
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        guard let first = utf8.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = utf8.lastIndex(where: { !isSpace($0) })!
        if first == utf8.startIndex && utf8.index(after: last) == utf8.endIndex { return text }
        return String(text[first...last])
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
