/// Reads the store's own JSON (``StoredJSON``'s answers, profiles and lists of names) straight
/// from UTF-8 bytes into Swift values, without building a ``JSONValue`` tree first.
///
/// Scoring reads every enterprise's answers back, 100,000 of them for a large campaign; going
/// through the general parser (a tree of values, a string for every number's literal) took most
/// of the time. This scanner accepts any valid JSON of the expected shapes (white space, escapes
/// including `\u` surrogate pairs) and refuses anything else with a ``StoredJSON/DecodingError``.
struct StoredJSONScanner {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private let what: String

    private init(_ bytes: UnsafeBufferPointer<UInt8>, what: String) {
        self.bytes = bytes
        self.what = what
    }

    /// Runs `body` with a scanner over the text's bytes, and checks nothing follows the value.
    static func scan<T>(_ text: String, what: String, _ body: (inout StoredJSONScanner) throws -> T) throws -> T {
        var text = text
        return try text.withUTF8 { buffer in
            var scanner = StoredJSONScanner(buffer, what: what)
            let value = try body(&scanner)
            scanner.skipSpace()
            guard scanner.index == buffer.count else { throw scanner.error("unexpected text after the value") }
            return value
        }
    }

    // MARK: The store's shapes

    static func answers(_ text: String) throws -> [String: Answer] {
        try scan(text, what: "answers") { scanner in
            var answers: [String: Answer] = [:]
            try scanner.object { scanner, key in
                switch scanner.peek() {
                case UInt8(ascii: "\""): answers[key] = .choice(try scanner.string())
                case UInt8(ascii: "t"), UInt8(ascii: "f"): answers[key] = .yesNo(try scanner.bool())
                case UInt8(ascii: "n"):
                    try scanner.literal("null")
                    answers[key] = .notApplicable
                case UInt8(ascii: "["): answers[key] = .choices(try scanner.strings())
                case UInt8(ascii: "{"):
                    var text: String?
                    try scanner.object { scanner, member in
                        guard member == "text" else { throw scanner.error("\(key): unknown member \(member)") }
                        text = try scanner.string()
                    }
                    guard let text else { throw scanner.error("\(key): expected {\"text\": …}") }
                    answers[key] = .text(text)
                default: answers[key] = .number(try scanner.number())
                }
            }
            return answers
        }
    }

    static func profile(_ text: String) throws -> EnterpriseProfile {
        try scan(text, what: "profile") { scanner in
            var strings: [String: String] = [:]
            var numbers: [String: Double] = [:]
            try scanner.object { scanner, key in
                switch scanner.peek() {
                case UInt8(ascii: "\""): strings[key] = try scanner.string()
                case UInt8(ascii: "n"): try scanner.literal("null")
                default: numbers[key] = try scanner.number()
                }
            }
            func string(_ key: String) throws -> String {
                guard let value = strings[key] else { throw scanner.error("missing \(key)") }
                return value
            }
            guard let size = SizeClass(rawValue: try string("size")) else { throw scanner.error("unknown size class") }
            guard let year = numbers["year"].flatMap({ Int(exactly: $0) }) else { throw scanner.error("missing year") }
            return EnterpriseProfile(
                uscc: try string("uscc"), name: try string("name"), district: try string("district"),
                industry: try string("industry"), size: size, employees: numbers["employees"].flatMap { Int(exactly: $0) },
                revenue: numbers["revenue"], year: year)
        }
    }

    static func strings(_ text: String, what: String) throws -> [String] {
        try scan(text, what: what) { try $0.strings() }
    }

    // MARK: Values

    private func error(_ problem: String) -> StoredJSON.DecodingError {
        StoredJSON.DecodingError(what: what, problem: "\(problem) at byte \(index)")
    }

    private mutating func skipSpace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    private mutating func peek() -> UInt8? {
        skipSpace()
        return index < bytes.count ? bytes[index] : nil
    }

    private mutating func expect(_ byte: UInt8) throws {
        guard peek() == byte else { throw error("expected '\(Character(Unicode.Scalar(byte)))'") }
        index += 1
    }

    private mutating func literal(_ word: StaticString) throws {
        skipSpace()
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count,
            UnsafeBufferPointer(start: word.utf8Start, count: count).elementsEqual(bytes[index..<index + count])
        else { throw error("expected \(word)") }
        index += count
    }

    private mutating func bool() throws -> Bool {
        if peek() == UInt8(ascii: "t") {
            try literal("true")
            return true
        }
        try literal("false")
        return false
    }

    /// Calls `member` with each key, the scanner then positioned at the member's value.
    private mutating func object(_ member: (inout StoredJSONScanner, String) throws -> Void) throws {
        try expect(UInt8(ascii: "{"))
        if peek() == UInt8(ascii: "}") {
            index += 1
            return
        }
        while true {
            let key = try string()
            try expect(UInt8(ascii: ":"))
            try member(&self, key)
            switch peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"):
                index += 1
                return
            default: throw error("expected ',' or '}'")
            }
        }
    }

    private mutating func strings() throws -> [String] {
        try expect(UInt8(ascii: "["))
        var values: [String] = []
        if peek() == UInt8(ascii: "]") {
            index += 1
            return values
        }
        while true {
            values.append(try string())
            switch peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"):
                index += 1
                return values
            default: throw error("expected ',' or ']'")
            }
        }
    }

    private mutating func number() throws -> Double {
        skipSpace()
        let start = index
        while index < bytes.count, Self.isNumberByte(bytes[index]) { index += 1 }
        // Swift's parser rounds correctly, so the shortest form written reads back bit for bit.
        guard index > start, let value = Double(String(decoding: bytes[start..<index], as: UTF8.self)), value.isFinite else {
            throw error("expected a number")
        }
        return value
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
            || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
    }

    private mutating func string() throws -> String {
        try expect(UInt8(ascii: "\""))
        let start = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\") { index += 1 }
        guard index < bytes.count else { throw error("unterminated string") }
        if bytes[index] == UInt8(ascii: "\"") {
            defer { index += 1 }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }
        // Escapes: rebuild the bytes.
        var output = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: output, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { throw error("unterminated escape") }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): output.append(escape)
                case UInt8(ascii: "b"): output.append(0x08)
                case UInt8(ascii: "f"): output.append(0x0C)
                case UInt8(ascii: "n"): output.append(0x0A)
                case UInt8(ascii: "r"): output.append(0x0D)
                case UInt8(ascii: "t"): output.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800...0xDBFF).contains(scalar) {
                        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
                        else { throw error("a lone surrogate") }
                        index += 2
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw error("a lone surrogate") }
                        scalar = 0x10000 + (scalar - 0xD800) << 10 + (low - 0xDC00)
                    }
                    guard let unicode = Unicode.Scalar(scalar) else { throw error("a lone surrogate") }
                    output.append(contentsOf: String(Character(unicode)).utf8)
                default:
                    throw error("unknown escape")
                }
            default:
                output.append(byte)
            }
        }
        throw error("unterminated string")
    }

    private mutating func hex4() throws -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("a short \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            index += 1
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error("a bad \\u escape")
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }
}
