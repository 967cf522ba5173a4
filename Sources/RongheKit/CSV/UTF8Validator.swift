/// Checks bytes against Unicode's definition of well-formed UTF-8 (Table 3-7).
///
/// Overlong forms, surrogates (U+D800…U+DFFF) and values past U+10FFFF are rejected, as Swift's
/// own `String(validating:)` does. Works on chunks: a sequence cut by the end of the buffer is
/// reported as incomplete so the caller can keep its bytes for the next chunk.
enum UTF8Validator {
    /// What ``check(_:)`` found.
    enum Result: Equatable {
        /// Every byte is part of a complete, well-formed sequence.
        case valid
        /// Well-formed up to `index`, where a sequence starts that the buffer cuts short.
        case incomplete(index: Int)
        /// Well-formed up to `index`, where an ill-formed sequence starts.
        case invalid(index: Int)
    }

    /// Finds the first ill-formed or unfinished sequence in `bytes`.
    static func check(_ bytes: UnsafeBufferPointer<UInt8>) -> Result {
        let count = bytes.count
        var index = 0
        while index < count {
            // Eight ASCII bytes at a time: almost all of a CSV file is ASCII punctuation and digits.
            while index + 8 <= count {
                let word = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { break }
                index += 8
            }
            if index >= count { break }
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return .invalid(index: index)
            }
            // The second byte has the narrowed range; the others are plain continuation bytes.
            for offset in 1..<length {
                guard index + offset < count else {
                    return .incomplete(index: index)
                }
                let byte = bytes[index + offset]
                let (minimum, maximum) = offset == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
                guard byte >= minimum, byte <= maximum else {
                    return .invalid(index: index)
                }
            }
            index += length
        }
        return .valid
    }
}
