import Foundation

/// A strict JSON parser (RFC 8259) producing ``JSONValue``, bounded for untrusted input.
///
/// Duplicate object keys are refused, because a survey file that answers the same question twice
/// is ambiguous. Errors carry the line and column of the offending character.
public struct JSONParser {
    /// Bounds that keep a hostile file from exhausting the stack or memory.
    public struct Limits: Sendable {
        /// The deepest nesting of arrays and objects accepted.
        public var maximumDepth = 64
        /// The longest string accepted, in bytes of UTF-8.
        public var maximumStringLength = 1 << 20

        public init() {}
    }

    /// Why a document is not acceptable JSON.
    public struct SyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
        /// 1-based line of the offending character.
        public var line: Int
        /// 1-based column (in characters) of the offending character.
        public var column: Int
        public var message: String

        public var description: String { "\(line):\(column): \(message)" }
    }

    private let bytes: [UInt8]
    private let limits: Limits
    private var position = 0
    private var depth = 0

    /// Parses one JSON document from `data`; a UTF-8 byte-order mark is skipped.
    public static func parse(_ data: Data, limits: Limits = Limits()) throws(SyntaxError) -> JSONValue {
        var parser = JSONParser(bytes: [UInt8](data), limits: limits)
        if parser.bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            parser.position = 3
        }
        parser.skipWhitespace()
        let value = try parser.parseValue()
        parser.skipWhitespace()
        if let next = parser.current {
            if next == UInt8(ascii: "{") || next == UInt8(ascii: "[") {
                throw parser.error("a second JSON value follows the first; a file holds one value, so put several in an array [ … ]")
            }
            throw parser.error("unexpected text after the end of the JSON document")
        }
        return value
    }

    /// Parses one JSON document from a string.
    public static func parse(_ text: String, limits: Limits = Limits()) throws(SyntaxError) -> JSONValue {
        try parse(Data(text.utf8), limits: limits)
    }

    private init(bytes: [UInt8], limits: Limits) {
        self.bytes = bytes
        self.limits = limits
    }

    private func error(_ message: String, at offset: Int? = nil) -> SyntaxError {
        let end = min(offset ?? position, bytes.count)
        var line = 1
        var lineStart = 0
        for index in 0..<end where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        let column = (String(decoding: bytes[lineStart..<end], as: UTF8.self).count) + 1
        return SyntaxError(line: line, column: column, message: message)
    }

    private var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    private mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
            position += 1
        }
    }

    private mutating func parseValue() throws(SyntaxError) -> JSONValue {
        guard let byte = current else { throw error("the document ends where a value was expected") }
        switch byte {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default:
            for word in ["NaN", "Infinity"] where bytes[position...].starts(with: word.utf8) {
                throw error("\(word) is not a JSON value; leave the value out or write null")
            }
            throw error("unexpected character \(describe(byte)) where a value was expected")
        }
    }

    private func describe(_ byte: UInt8) -> String {
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return String(format: "0x%02X", byte)
    }

    private mutating func expectLiteral(_ literal: String) throws(SyntaxError) {
        let expected = Array(literal.utf8)
        guard bytes.count - position >= expected.count,
            Array(bytes[position..<position + expected.count]) == expected
        else { throw error("invalid literal; expected '\(literal)'") }
        position += expected.count
    }

    private mutating func enter() throws(SyntaxError) {
        depth += 1
        if depth > limits.maximumDepth {
            throw error("arrays and objects are nested deeper than \(limits.maximumDepth) levels")
        }
    }

    private mutating func parseObject() throws(SyntaxError) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        position += 1
        var members: [(key: String, value: JSONValue)] = []
        var seen = Set<String>()
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            position += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else {
                throw error(current == nil ? "the document ends inside an object" : "expected a quoted key in the object")
            }
            let keyOffset = position
            let key = try parseString()
            if !seen.insert(key).inserted {
                throw error("the key \"\(key)\" appears twice in the same object", at: keyOffset)
            }
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw error("expected ':' after the key \"\(key)\"") }
            position += 1
            skipWhitespace()
            members.append((key, try parseValue()))
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "}"): position += 1; return .object(members)
            case nil: throw error("the document ends inside an object")
            default: throw error("expected ',' or '}' in the object")
            }
        }
    }

    private mutating func parseArray() throws(SyntaxError) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        position += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") {
            position += 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue())
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "]"): position += 1; return .array(elements)
            case nil: throw error("the document ends inside an array")
            default: throw error("expected ',' or ']' in the array")
            }
        }
    }

    private mutating func parseNumber() throws(SyntaxError) -> JSONValue {
        let start = position
        func digits(_ parser: inout JSONParser) -> Int {
            var count = 0
            while let byte = parser.current, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                parser.position += 1
                count += 1
            }
            return count
        }
        if current == UInt8(ascii: "-") { position += 1 }
        let integerStart = position
        let integerDigits = digits(&self)
        if integerDigits == 0 { throw error("a number needs digits") }
        if integerDigits > 1 && bytes[integerStart] == UInt8(ascii: "0") {
            throw error("a number cannot start with a leading zero", at: integerStart)
        }
        if current == UInt8(ascii: ".") {
            position += 1
            if digits(&self) == 0 { throw error("a number needs digits after the decimal point") }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            position += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { position += 1 }
            if digits(&self) == 0 { throw error("a number needs digits in its exponent") }
        }
        let literal = String(decoding: bytes[start..<position], as: UTF8.self)
        guard let value = Double(literal), value.isFinite else {
            let shown = literal.count > 40 ? "\(literal.prefix(20))… (\(literal.count) characters)" : literal
            throw error("the number \(shown) is too large", at: start)
        }
        return .number(value, literal: literal)
    }

    private mutating func parseString() throws(SyntaxError) -> String {
        position += 1
        var scalars = String.UnicodeScalarView()
        var run = position
        var length = 0
        func flush(_ parser: JSONParser, upTo end: Int, into scalars: inout String.UnicodeScalarView) throws(SyntaxError) {
            guard run < end else { return }
            guard let text = String(validating: parser.bytes[run..<end], as: UTF8.self) else {
                throw parser.error("the text is not valid UTF-8", at: run)
            }
            scalars.append(contentsOf: text.unicodeScalars)
        }
        while true {
            guard let byte = current else { throw error("the document ends inside a string") }
            length += 1
            if length > limits.maximumStringLength {
                throw error("a string is longer than \(limits.maximumStringLength) bytes")
            }
            switch byte {
            case UInt8(ascii: "\""):
                try flush(self, upTo: position, into: &scalars)
                position += 1
                return String(scalars)
            case UInt8(ascii: "\\"):
                try flush(self, upTo: position, into: &scalars)
                position += 1
                scalars.append(try parseEscape())
                run = position
            case 0..<0x20:
                throw error("a control character must be escaped inside a string")
            default:
                position += 1
            }
        }
    }

    private mutating func parseEscape() throws(SyntaxError) -> Unicode.Scalar {
        guard let byte = current else { throw error("the document ends inside a string") }
        position += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let high = try parseHex4()
            if (0xD800..<0xDC00).contains(high) {
                guard current == UInt8(ascii: "\\"), position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "u")
                else { throw error("an unpaired surrogate in a \\u escape") }
                position += 2
                let low = try parseHex4()
                guard (0xDC00..<0xE000).contains(low) else { throw error("an unpaired surrogate in a \\u escape") }
                return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))!
            }
            guard let scalar = Unicode.Scalar(high) else { throw error("an unpaired surrogate in a \\u escape") }
            return scalar
        default:
            throw error("invalid escape '\\\(Character(Unicode.Scalar(byte)))' in a string", at: position - 2)
        }
    }

    private mutating func parseHex4() throws(SyntaxError) -> UInt32 {
        guard bytes.count - position >= 4 else { throw error("a \\u escape needs four hex digits") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let digit = Character(Unicode.Scalar(bytes[position])).hexDigitValue else {
                throw error("a \\u escape needs four hex digits")
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }
}
