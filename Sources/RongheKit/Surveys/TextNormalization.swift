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
        let folded = fold(text)
        // Scalars, not Characters: comparing Characters with non-ASCII literals normalises both
        // sides on every comparison, which dominated reading a large batch.
        let isASCII = folded.utf8.allSatisfy { $0 < 0x80 }
        let source = isASCII ? folded : folded.lowercased()
        var result = String.UnicodeScalarView()
        var depth = 0
        for scalar in source.unicodeScalars {
            switch scalar.value {
            case 0x28, 0x5B, 0x3010: depth += 1  // ( [ 【
            case 0x29, 0x5D, 0x3011: depth = max(0, depth - 1)  // ) ] 】
            case 0x3002, 0x3A: continue  // 。 :
            default:
                guard depth == 0, !scalar.properties.isWhitespace else { continue }
                if isASCII, (0x41...0x5A).contains(scalar.value) {
                    result.append(Unicode.Scalar(scalar.value + 0x20)!)
                } else {
                    result.append(scalar)
                }
            }
        }
        return String(result)
    }
}
