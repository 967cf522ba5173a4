/// The address of one cell, such as `C7` or `AA100`: a 1-based column and a 1-based row.
///
/// Columns run from 1 (`A`) to 16,384 (`XFD`) and rows from 1 to 1,048,576, Excel's bounds.
/// References compare in reading order: row first, then column.
public struct CellReference: Sendable, Hashable, Comparable, CustomStringConvertible,
    LosslessStringConvertible
{
    /// The largest column number Excel allows (`XFD`).
    public static let maxColumn = 16_384
    /// The largest row number Excel allows.
    public static let maxRow = 1_048_576

    /// The 1-based column number: 1 is `A`, 27 is `AA`.
    public let column: Int
    /// The 1-based row number.
    public let row: Int

    /// Creates a reference from 1-based numbers, or returns `nil` outside Excel's bounds.
    public init?(column: Int, row: Int) {
        guard (1...Self.maxColumn).contains(column), (1...Self.maxRow).contains(row) else { return nil }
        self.column = column
        self.row = row
    }

    /// Parses a reference such as `C7`; letters may be lower case. Returns `nil` for anything
    /// else, including absolute references (`$C$7`) and ranges.
    public init?(_ description: String) {
        guard let parsed = Self.parse(description) else { return nil }
        self = parsed
    }

    /// Parses the letters-then-digits form directly from UTF-8, the hot path of sheet reading
    /// (not generic, so that debug builds stay fast too).
    static func parse(_ text: String) -> CellReference? {
        let bytes = text.utf8
        var column = 0
        var row = 0
        var letters = 0
        var digits = 0
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where digits == 0:
                column = column * 26 + Int(byte - UInt8(ascii: "A")) + 1
                letters += 1
            case UInt8(ascii: "a")...UInt8(ascii: "z") where digits == 0:
                column = column * 26 + Int(byte - UInt8(ascii: "a")) + 1
                letters += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9") where letters > 0:
                if digits == 0 && byte == UInt8(ascii: "0") { return nil }
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            default:
                return nil
            }
            if letters > 3 || digits > 7 { return nil }
        }
        return CellReference(column: column, row: row)
    }

    /// The column's letters: 1 → `A`, 26 → `Z`, 27 → `AA`, 16,384 → `XFD`.
    public static func columnName(_ column: Int) -> String {
        precondition(column >= 1, "column numbers start at 1")
        var remaining = column
        var letters: [Character] = []
        while remaining > 0 {
            let digit = (remaining - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(ascii: "A") + UInt8(digit))))
            remaining = (remaining - 1) / 26
        }
        return String(letters.reversed())
    }

    /// The column's number for its letters (`"AA"` → 27), or `nil` if they are not a column
    /// within Excel's bounds.
    public static func columnNumber(_ letters: String) -> Int? {
        guard letters.utf8.allSatisfy({ ($0 | 0x20) >= UInt8(ascii: "a") && ($0 | 0x20) <= UInt8(ascii: "z") }),
            let reference = CellReference(letters + "1")
        else { return nil }
        return reference.column
    }

    /// The reference as Excel writes it, such as `AA100`.
    public var description: String { Self.columnName(column) + String(row) }

    /// Reading order: an earlier row first, then an earlier column.
    public static func < (lhs: CellReference, rhs: CellReference) -> Bool {
        (lhs.row, lhs.column) < (rhs.row, rhs.column)
    }
}
