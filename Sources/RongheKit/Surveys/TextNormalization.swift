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
        if folded.unicodeScalars.contains("\u{2212}") { folded = folded.replacingOccurrences(of: "\u{2212}", with: "-") }
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

    // Chinese labels (option labels, column headers) are compared as often. In text made only of
    // ASCII, CJK unified ideographs (U+4E00–U+9FFF), 、。【】, the full-width forms of ASCII
    // (U+FF01–U+FF5E: （３５％）), the ideographic space and the minus sign, no character
    // combines with another, so NFKC works character by character: the full-width forms become
    // their ASCII letters, the ideographic space a space, the rest stays; fold's own substitution
    // turns the minus sign into `-`. The only white space left is ASCII, and only ASCII letters
    // have case.

    /// The scalar `scalar` folds to when it is one of the characters above, else nil.
    private static func simpleFold(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0x00...0x7F, 0x4E00...0x9FFF, 0x3001, 0x3002, 0x3010, 0x3011: return scalar
        case 0xFF01...0xFF5E: return Unicode.Scalar(scalar.value - 0xFEE0)
        case 0x3000: return " "
        case 0x2212: return "-"
        default: return nil
        }
    }

    /// The UTF-8 of `text` folded, when all its characters are the simple ones above, else nil.
    private static func simpleFoldedUTF8(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for original in text.unicodeScalars {
            guard let scalar = simpleFold(original) else { return nil }
            if scalar.value < 0x80 { bytes.append(UInt8(scalar.value)) } else { UTF8.encode(scalar) { bytes.append($0) } }
        }
        return bytes
    }

    /// `fold(text)` when `text` is made of the simple characters above, else nil.
    static func stableFold(_ text: String) -> String? {
        guard let bytes = simpleFoldedUTF8(text) else { return nil }
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, isASCIIWhitespace(bytes[start]) { start += 1 }
        while end > start, isASCIIWhitespace(bytes[end - 1]) { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// `matchKey(text)` when `text` is made of the simple characters above, else nil.
    static func stableMatchKey(_ text: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var depth = 0
        for original in text.unicodeScalars {
            guard let scalar = simpleFold(original) else { return nil }
            switch scalar {
            case "(", "[", "\u{3010}": depth += 1
            case ")", "]", "\u{3011}": depth = max(0, depth - 1)
            default:
                guard depth == 0, scalar != "\u{3002}", scalar != ":" else { continue }
                if scalar.value < 0x80 {
                    let byte = UInt8(scalar.value)
                    if isASCIIWhitespace(byte) { continue }
                    bytes.append((UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte)
                } else {
                    UTF8.encode(scalar) { bytes.append($0) }
                }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
