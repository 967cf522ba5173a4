/// The workbook's shared strings (`sharedStrings.xml`), which `t="s"` cells refer to by index.
///
/// Streamed like sheets, since a batch of 100,000 enterprises has as many unique names. Rich-text
/// runs are joined, phonetic guides (`<rPh>`) are dropped and `_x000D_`-style escapes decoded.
struct SharedStringTable {
    /// The strings in index order.
    let strings: [String]

    /// Reads the shared-strings part within the limits.
    static func load(part: String, from archive: ZipArchive) throws -> SharedStringTable {
        let handler = SharedStringsHandler(path: archive.path, part: part, limits: archive.limits)
        try XMLPartParser.parse(part: part, of: archive, with: handler)
        return SharedStringTable(strings: handler.strings)
    }

    /// Decodes the `_xHHHH_` escapes that Office writes for characters XML cannot hold
    /// (`_x000D_` is a carriage return; `_x005F_` escapes a literal underscore).
    static func decodeEscapes(_ text: String) -> String {
        // Most strings have no underscore at all; scanning UTF-8 is far cheaper than a search.
        guard text.utf8.contains(UInt8(ascii: "_")), text.contains("_x") else { return text }
        var result = ""
        var rest = Substring(text)
        while let start = rest.range(of: "_x") {
            result += rest[..<start.lowerBound]
            let afterMarker = rest[start.upperBound...]
            let hex = afterMarker.prefix(4)
            if hex.count == 4, afterMarker.dropFirst(4).first == "_", let code = UInt32(hex, radix: 16),
                let scalar = Unicode.Scalar(code)
            {
                result.unicodeScalars.append(scalar)
                rest = afterMarker.dropFirst(5)
            } else {
                result += "_x"
                rest = afterMarker
            }
        }
        return result + rest
    }

    /// `text` without leading and trailing ASCII whitespace; returns it untouched (and without
    /// going through Foundation) in the common case where there is none.
    static func trimmed(_ text: String) -> String {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last, isSpace(first) || isSpace(last) else { return text }
        guard let start = utf8.firstIndex(where: { !isSpace($0) }), let end = utf8.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(text[start...end])
    }

    /// Throws `tooLong` if `text` is longer than `limit` UTF-16 code units, as Excel counts.
    static func check(_ text: String, limit: Int, tooLong: () -> Error) throws {
        // The UTF-8 length is cheap and never smaller than the UTF-16 length.
        if text.utf8.count > limit && text.utf16.count > limit {
            throw tooLong()
        }
    }
}

/// Collects `<si>` entries, joining the `<t>` of runs outside phonetic guides.
private final class SharedStringsHandler: XMLPartHandler {
    let limits: XLSXLimits
    var strings: [String] = []
    private var current = ""
    private var inItem = false
    private var inText = false
    private var phoneticDepth = 0

    init(path: String, part: String, limits: XLSXLimits) {
        self.limits = limits
        super.init(path: path, part: part)
    }

    override func start(_ name: String, attributes: [String: String]) throws {
        switch name {
        case "si":
            guard strings.count < limits.maxSharedStringCount else {
                throw XLSXError(path: path, location: .part(part),
                                problem: .tooManySharedStrings(limit: limits.maxSharedStringCount))
            }
            inItem = true
            current = ""
        case "rPh" where inItem:
            phoneticDepth += 1
        case "t" where inItem && phoneticDepth == 0:
            inText = true
        case "sst":
            if let count = attributes["uniqueCount"].flatMap(Int.init), count > 0 {
                strings.reserveCapacity(min(count, limits.maxSharedStringCount, 1 << 20))
            }
        default:
            break
        }
    }

    override func end(_ name: String) throws {
        switch name {
        case "si":
            strings.append(SharedStringTable.decodeEscapes(current))
            inItem = false
        case "rPh" where inItem:
            phoneticDepth -= 1
        case "t":
            inText = false
        default:
            break
        }
    }

    override func text(_ text: String) throws {
        guard inText else { return }
        current += text
        try SharedStringTable.check(current, limit: limits.maxStringLength) {
            XLSXError(path: path, location: here, problem: .stringTooLong(limit: limits.maxStringLength))
        }
    }
}
