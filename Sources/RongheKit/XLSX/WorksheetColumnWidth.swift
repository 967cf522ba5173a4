import Foundation

/// Column widths estimated from content, since libxlsxwriter 1.1.4 has no auto-fit.
///
/// Excel measures column width in the width of the digit "0" of the default font. An ASCII or
/// other narrow character takes about one unit and a CJK ideograph, a full-width form or an emoji
/// about two, which is what ``displayWidth(of:)`` counts. The estimate ignores proportional
/// spacing; padding absorbs the difference.
public enum ColumnWidth {
    /// Options for sizing a column from the widest value in it.
    public struct FitOptions: Hashable, Sendable {
        /// Units added to the widest value, for the cell margins and a filter button.
        public var padding: Double
        /// The narrowest width given to a fitted column.
        public var minimum: Double
        /// The widest width given to a fitted column; longer values are cut off on screen.
        public var maximum: Double

        /// Creates fit options; the defaults suit ranked reports printed on A4.
        public init(padding: Double = 2, minimum: Double = 4, maximum: Double = 60) {
            self.padding = padding
            self.minimum = minimum
            self.maximum = maximum
        }
    }

    /// The number of width units `text` needs: 2 per wide character, 1 per narrow one.
    ///
    /// Counted per grapheme cluster, so a letter with combining marks or an emoji sequence joined
    /// by zero-width joiners counts once. Wide are East Asian Wide and Fullwidth characters (CJK
    /// ideographs, kana, hangul, CJK punctuation, full-width forms) and emoji presented as emoji.
    /// Control characters count 0. For text of several lines the widest line counts.
    public static func displayWidth(of text: String) -> Int {
        if let width = simpleDisplayWidth(of: text) { return width }
        var widest = 0
        var current = 0
        for character in text {
            if character.isNewline {
                widest = max(widest, current)
                current = 0
                continue
            }
            current += width(of: character)
        }
        return max(widest, current)
    }

    /// The column width for content `displayWidth` units wide, padded and kept within the bounds.
    public static func fitted(displayWidth: Int, fontScale: Double = 1, options: FitOptions = FitOptions()) -> Double {
        let raw = Double(displayWidth) * fontScale + options.padding
        return min(options.maximum, max(options.minimum, raw))
    }

    /// The width of text made only of printable ASCII and common single-scalar CJK characters,
    /// counted per scalar without grapheme breaking; `nil` for anything else, which takes the
    /// exact path. Auto-fit calls this for every cell, so it must be cheap.
    static func simpleDisplayWidth(of text: String) -> Int? {
        var width = 0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x20...0x7E: width += 1
            case 0x3000...0x303E, 0x3041...0x33FF, 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xFF01...0xFF60, 0xFFE0...0xFFE6:
                width += 2
            default: return nil
            }
        }
        return width
    }

    static func width(of character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if first.properties.generalCategory == .control || first.properties.generalCategory == .format {
            return 0
        }
        // An emoji variation selector makes the cluster render as a wide emoji.
        if scalars.contains(where: { $0.value == 0xFE0F }) && first.properties.isEmoji { return 2 }
        return scalars.contains(where: isWide) ? 2 : 1
    }

    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if scalar.properties.isEmojiPresentation { return true }
        switch value {
        case 0x1100...0x115F,  // Hangul Jamo initial consonants
            0x2E80...0x303E,  // CJK radicals, Kangxi radicals, CJK symbols and punctuation
            0x3041...0x33FF,  // Kana, Bopomofo, Hangul compatibility Jamo, CJK strokes, enclosed CJK
            0x3400...0x4DBF,  // CJK extension A
            0x4E00...0x9FFF,  // CJK unified ideographs
            0xA000...0xA4CF,  // Yi
            0xA960...0xA97F,  // Hangul Jamo extended A
            0xAC00...0xD7A3,  // Hangul syllables
            0xF900...0xFAFF,  // CJK compatibility ideographs
            0xFE10...0xFE19,  // Vertical forms
            0xFE30...0xFE6F,  // CJK compatibility forms, small form variants
            0xFF00...0xFF60,  // Full-width ASCII forms
            0xFFE0...0xFFE6,  // Full-width signs
            0x1F200...0x1F2FF,  // Enclosed ideographic supplement
            0x20000...0x2FFFD,  // CJK extensions B to F, compatibility supplement
            0x30000...0x3FFFD:  // CJK extension G and later
            return true
        default:
            return false
        }
    }

    /// The number of characters a number roughly shows as under `numberFormat`, computed
    /// without formatting it; the same count as `estimatedText(of:numberFormat:)` gives.
    static func estimatedWidth(of number: Double, numberFormat: String?) -> Int {
        guard let format = numberFormat, let shape = NumberShape(format) else {
            if number == number.rounded(), abs(number) < 1e11 {
                return digitCount(abs(number)) + (number < 0 ? 1 : 0)
            }
            return generalText(of: number).count
        }
        let value = shape.isPercent ? number * 100 : number
        var scale = 1.0
        for _ in 0..<shape.decimals { scale *= 10 }
        let rounded = (abs(value) * scale).rounded() / scale
        guard rounded < 1e15 else { return estimatedText(of: number, numberFormat: numberFormat).count }
        let integerDigits = digitCount(rounded.rounded(.down))
        let negative = value < 0 ? 1 : 0
        return negative + integerDigits + (shape.decimals > 0 ? 1 + shape.decimals : 0)
            + (shape.hasThousands ? (integerDigits - 1) / 3 : 0) + (shape.isPercent ? 1 : 0)
    }

    private static func digitCount(_ value: Double) -> Int {
        var digits = 1
        var limit = 10.0
        while value >= limit, digits < 16 {
            digits += 1
            limit *= 10
        }
        return digits
    }

    /// What matters about a simple number format for its width.
    struct NumberShape {
        var decimals: Int
        var isPercent: Bool
        var hasThousands: Bool

        /// Reads the first section (up to `;`) in one pass over the bytes: auto-fit calls this
        /// for every number written, so it must not allocate.
        init?(_ numberFormat: String) {
            var hasZero = false
            var afterDot = false
            var decimalsClosed = false
            (decimals, isPercent, hasThousands) = (0, false, false)
            for byte in numberFormat.utf8 {
                switch byte {
                case UInt8(ascii: ";"): break
                case UInt8(ascii: "0"), UInt8(ascii: "#"):
                    if byte == UInt8(ascii: "0") { hasZero = true }
                    if afterDot && !decimalsClosed { decimals += 1 }
                    continue
                case UInt8(ascii: "."):
                    if !afterDot { afterDot = true } else { decimalsClosed = true }
                    continue
                case UInt8(ascii: "%"): isPercent = true
                case UInt8(ascii: ","): hasThousands = true
                default: break
                }
                if byte == UInt8(ascii: ";") { break }
                if afterDot { decimalsClosed = true }
            }
            guard hasZero else { return nil }
        }
    }

    /// The text a number roughly shows as under `numberFormat`, for width estimates only.
    ///
    /// Understands the decimals, thousands separator and percent sign of simple formats such as
    /// `0.00`, `#,##0` or `0.0%`; anything else is estimated as General (at most 11 characters).
    static func estimatedText(of number: Double, numberFormat: String?) -> String {
        guard let format = numberFormat, let shape = NumberShape(format) else {
            return generalText(of: number)
        }
        let value = shape.isPercent ? number * 100 : number
        var text = String(format: "%.\(shape.decimals)f", value)
        if shape.hasThousands {
            let integerDigits = text.prefix(while: { $0 != "." }).filter(\.isNumber).count
            text += String(repeating: ",", count: max(0, (integerDigits - 1) / 3))
        }
        return shape.isPercent ? text + "%" : text
    }

    private static func generalText(of number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e11 {
            return String(Int64(number))
        }
        let text = String(number)
        return String(text.prefix(11))
    }
}
