/// Which cell styles show numbers as dates, read from `styles.xml`.
///
/// A date is a number whose style's number format is a date format: one of Excel's built-in
/// date and time formats, or a custom format code with a date or time token (`y`, `m`, `d`, `h`,
/// `s`) outside quotes, brackets and escapes.
struct CellFormats: Equatable {
    /// Built-in format ids that show dates or times, including the East Asian ones (27–36, 50–58).
    static let builtInDateFormatIDs: Set<Int> = Set(14...22).union(27...36).union(45...47).union(50...58)

    /// Built-in format ids that show percentages: `0%` and `0.00%`.
    static let builtInPercentFormatIDs: Set<Int> = [9, 10]

    /// For each index of `cellXfs`, whether it shows a date.
    let dateStyles: [Bool]
    /// For each index of `cellXfs`, whether it shows a percentage.
    var percentStyles: [Bool] = []

    /// No styles: every number is a number.
    static let none = CellFormats(dateStyles: [])

    /// Whether the style with this index (a cell's `s`) shows a date; unknown indexes do not.
    func isDate(styleIndex: Int) -> Bool {
        styleIndex >= 0 && styleIndex < dateStyles.count && dateStyles[styleIndex]
    }

    /// Whether the style with this index shows a percentage; unknown indexes do not.
    func isPercentage(styleIndex: Int) -> Bool {
        styleIndex >= 0 && styleIndex < percentStyles.count && percentStyles[styleIndex]
    }

    /// Whether a number format code shows a percentage: a `%` outside quotes, brackets and escapes.
    static func isPercentFormatCode(_ code: String) -> Bool {
        containsToken(in: code) { $0 == "%" }
    }

    /// Whether a number format code shows dates or times.
    ///
    /// `yyyy"年"m"月"d"日"`, `[$-804]yyyy/m/d` and `h:mm` do; `0.00`, `"days"0`, `[Red]0` and
    /// `0.00E+00` do not.
    static func isDateFormatCode(_ code: String) -> Bool {
        containsToken(in: code) { "yYmMdDhHsS".contains($0) }
    }

    /// Whether a character matching `isToken` appears in a format code outside quoted text,
    /// bracketed sections (`[Red]`, `[$-804]`) and escaped or padding characters (`\x`, `_x`, `*x`).
    private static func containsToken(in code: String, where isToken: (Character) -> Bool) -> Bool {
        var inQuotes = false
        var inBrackets = false
        var skipNext = false
        for character in code {
            if skipNext {
                skipNext = false
            } else if inQuotes {
                inQuotes = character != "\""
            } else if inBrackets {
                inBrackets = character != "]"
            } else {
                switch character {
                case "\"": inQuotes = true
                case "[": inBrackets = true
                case "\\", "_", "*": skipNext = true
                default: if isToken(character) { return true }
                }
            }
        }
        return false
    }

    /// Reads the styles part.
    static func load(part: String, from archive: ZipArchive) throws -> CellFormats {
        let handler = StylesHandler(path: archive.path, part: part)
        try XMLPartParser.parse(part: part, of: archive, with: handler)
        let dateStyles = handler.cellFormatIDs.map { id in
            if let code = handler.customCodes[id] {
                return isDateFormatCode(code)
            }
            return builtInDateFormatIDs.contains(id)
        }
        let percentStyles = handler.cellFormatIDs.map { id in
            handler.customCodes[id].map(isPercentFormatCode) ?? builtInPercentFormatIDs.contains(id)
        }
        return CellFormats(dateStyles: dateStyles, percentStyles: percentStyles)
    }
}

/// Collects custom number formats and the number format of each `cellXfs` entry.
private final class StylesHandler: XMLPartHandler {
    var customCodes: [Int: String] = [:]
    var cellFormatIDs: [Int] = []
    private var inCellXfs = false

    override func start(_ name: String, attributes: [String: String]) throws {
        switch name {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"] {
                customCodes[id] = code
            }
        case "cellXfs":
            inCellXfs = true
        case "xf" where inCellXfs:
            cellFormatIDs.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
        default:
            break
        }
    }

    override func end(_ name: String) throws {
        if name == "cellXfs" { inCellXfs = false }
    }
}
