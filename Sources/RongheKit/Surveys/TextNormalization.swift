import Foundation

/// How typed text is normalised before it is matched or parsed: full-width forms folded to
/// ASCII (３５ → 35, （ → (, ％ → %), Unicode minus to `-`, white space trimmed.
enum TextNormalization {
    /// NFKC folding plus the few substitutions NFKC does not make.
    static func fold(_ text: String) -> String {
        asciiFold(text) ?? stableFold(text) ?? unicodeFold(text)
    }

    /// ``fold(_:)`` for any text.
    static func unicodeFold(_ text: String) -> String {
        var folded = text.precomposedStringWithCompatibilityMapping
        if folded.contains("\u{2212}") { folded = folded.replacingOccurrences(of: "\u{2212}", with: "-") }
        return folded.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A key for comparing labels and headers: folded, lower-cased, with white space and any
    /// parenthesised part removed, so `所属区县（行政区划代码）` matches `所属区县` and
    /// `Deputy General Manager` matches `deputy general manager`.
    static func matchKey(_ text: String) -> String {
        asciiMatchKey(text) ?? stableMatchKey(text) ?? unicodeMatchKey(text)
    }

    /// ``matchKey(_:)`` for any text.
    static func unicodeMatchKey(_ text: String) -> String {
        var result = ""
        var depth = 0
        for character in unicodeFold(text).lowercased() {
            switch character {
            case "(", "[", "【": depth += 1
            case ")", "]", "】": depth = max(0, depth - 1)
            default:
                if depth == 0 && !character.isWhitespace && character != "。" && character != ":" { result.append(character) }
            }
        }
        return result
    }

    // MARK: ASCII fast paths

    // Codes, numbers and English labels are ASCII, and files hold hundreds of thousands of them.
    // NFKC leaves ASCII unchanged, so for ASCII text both functions reduce to byte loops that
    // give exactly what the general paths give, without Foundation's Unicode machinery.

    /// ASCII white space as `Character.isWhitespace` and `.whitespacesAndNewlines` see it.
    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    /// `fold(text)` when `text` is ASCII, else nil.
    static func asciiFold(_ text: String) -> String? {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        let bytes = Array(text.utf8)
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, isASCIIWhitespace(bytes[start]) { start += 1 }
        while end > start, isASCIIWhitespace(bytes[end - 1]) { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// `matchKey(text)` when `text` is ASCII, else nil.
    static func asciiMatchKey(_ text: String) -> String? {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        var depth = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "("), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: ")"), UInt8(ascii: "]"): depth = max(0, depth - 1)
            default:
                if depth == 0 && !isASCIIWhitespace(byte) && byte != UInt8(ascii: ":") {
                    result.append((UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte)
                }
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    // Chinese labels (option labels, column headers) are compared as often. Text made only of
    // ASCII, CJK unified ideographs (U+4E00–U+9FFF) and 、。【】 is its own NFKC form: none of
    // these characters has a decomposition or combines with another. Its only white space is
    // ASCII, and only ASCII letters have case.

    private static func isStable(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 || (0x4E00...0x9FFF).contains(scalar.value)
            || scalar == "\u{3001}" || scalar == "\u{3002}" || scalar == "\u{3010}" || scalar == "\u{3011}"
    }

    /// `fold(text)` when `text` is NFKC-stable as described above, else nil.
    static func stableFold(_ text: String) -> String? {
        guard text.unicodeScalars.allSatisfy(isStable) else { return nil }
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, scalars[start].value < 0x80, isASCIIWhitespace(UInt8(scalars[start].value)) {
            start = scalars.index(after: start)
        }
        while end > start {
            let last = scalars[scalars.index(before: end)]
            guard last.value < 0x80, isASCIIWhitespace(UInt8(last.value)) else { break }
            end = scalars.index(before: end)
        }
        return String(scalars[start..<end])
    }

    /// `matchKey(text)` when `text` is NFKC-stable as described above, else nil.
    static func stableMatchKey(_ text: String) -> String? {
        guard text.unicodeScalars.allSatisfy(isStable) else { return nil }
        var result = String.UnicodeScalarView()
        var depth = 0
        for scalar in text.unicodeScalars {
            switch scalar {
            case "(", "[", "\u{3010}": depth += 1
            case ")", "]", "\u{3011}": depth = max(0, depth - 1)
            default:
                guard depth == 0, scalar != "\u{3002}", scalar != ":" else { continue }
                if scalar.value < 0x80 {
                    let byte = UInt8(scalar.value)
                    if isASCIIWhitespace(byte) { continue }
                    result.append((UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? Unicode.Scalar(byte + 32) : scalar)
                } else {
                    result.append(scalar)
                }
            }
        }
        return String(result)
    }
}
