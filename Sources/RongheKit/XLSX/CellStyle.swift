/// An RGB colour for fonts, fills, borders, tabs and charts.
public struct XLSXColor: Hashable, Sendable, CustomStringConvertible {
    /// The colour as `0xRRGGBB`.
    public let rgb: UInt32

    /// Creates a colour from `0xRRGGBB`; a value above `0xFFFFFF` is a programming error.
    public init(rgb: UInt32) {
        precondition(rgb <= 0xFF_FFFF, "XLSXColor takes 0xRRGGBB, got \(rgb)")
        self.rgb = rgb
    }

    /// Creates a colour from its components.
    public init(red: UInt8, green: UInt8, blue: UInt8) {
        self.rgb = UInt32(red) << 16 | UInt32(green) << 8 | UInt32(blue)
    }

    /// Parses `#RRGGBB` or `RRGGBB` (either case), as found in configuration files; `nil` otherwise.
    public init?(hex: String) {
        let digits = hex.hasPrefix("#") ? hex.dropFirst() : Substring(hex)
        guard digits.count == 6, digits.allSatisfy(\.isHexDigit), let value = UInt32(digits, radix: 16) else {
            return nil
        }
        self.rgb = value
    }

    /// `#RRGGBB` in upper case.
    public var description: String {
        let hex = String(rgb, radix: 16, uppercase: true)
        return "#" + String(repeating: "0", count: 6 - hex.count) + hex
    }

    /// Black, `#000000`.
    public static let black = XLSXColor(rgb: 0x00_0000)
    /// White, `#FFFFFF`.
    public static let white = XLSXColor(rgb: 0xFF_FFFF)
    /// Red, `#FF0000`.
    public static let red = XLSXColor(rgb: 0xFF_0000)
    /// Green, `#00B050` (Excel's standard green).
    public static let green = XLSXColor(rgb: 0x00_B050)
    /// Blue, `#4472C4` (Excel's first accent colour).
    public static let blue = XLSXColor(rgb: 0x44_72C4)
    /// Orange, `#ED7D31` (Excel's second accent colour).
    public static let orange = XLSXColor(rgb: 0xED_7D31)
    /// Yellow, `#FFC000`.
    public static let yellow = XLSXColor(rgb: 0xFF_C000)
    /// Light grey, `#D9D9D9`, for header fills.
    public static let lightGray = XLSXColor(rgb: 0xD9_D9D9)
    /// Grey, `#808080`.
    public static let gray = XLSXColor(rgb: 0x80_8080)
}

/// How a cell looks: font, fill, borders, alignment, number format and protection.
///
/// A style is a plain value; the writer turns each distinct style into one libxlsxwriter format
/// the first time it is used and reuses that format for every later cell with an equal style, so
/// callers may build styles freely per cell. The default value is Excel's default cell style.
public struct CellStyle: Hashable, Sendable {
    /// Horizontal placement of the cell's content.
    public enum HorizontalAlignment: Hashable, Sendable {
        /// Excel's default: text left, numbers right.
        case general, left, center, right, fill, justify, centerAcrossSelection, distributed
    }

    /// Vertical placement of the cell's content.
    public enum VerticalAlignment: Hashable, Sendable {
        /// Placement within the row height; Excel's default is `bottom`.
        case top, center, bottom, justify, distributed
    }

    /// The style of one border line.
    public enum BorderStyle: Hashable, Sendable {
        /// No line, or a line of the given weight and pattern.
        case none, thin, medium, thick, dashed, dotted, double, hair
    }

    /// Underlining of the font.
    public enum Underline: Hashable, Sendable {
        /// No underline, or a single or double one.
        case none, single, double
    }

    /// The four borders of a cell and their colour.
    public struct Borders: Hashable, Sendable {
        /// The line above the cell.
        public var top: BorderStyle
        /// The line below the cell.
        public var bottom: BorderStyle
        /// The line left of the cell.
        public var left: BorderStyle
        /// The line right of the cell.
        public var right: BorderStyle
        /// The colour of all four lines; `nil` is Excel's automatic black.
        public var color: XLSXColor?

        /// Creates borders side by side.
        public init(
            top: BorderStyle = .none, bottom: BorderStyle = .none, left: BorderStyle = .none,
            right: BorderStyle = .none, color: XLSXColor? = nil
        ) {
            self.top = top
            self.bottom = bottom
            self.left = left
            self.right = right
            self.color = color
        }

        /// The same line on all four sides.
        public static func all(_ style: BorderStyle, color: XLSXColor? = nil) -> Borders {
            Borders(top: style, bottom: style, left: style, right: style, color: color)
        }

        /// No borders.
        public static let none = Borders()
    }

    /// Bold font.
    public var isBold: Bool
    /// Italic font.
    public var isItalic: Bool
    /// Underlined font.
    public var underline: Underline
    /// The font family, such as `"等线"` or `"宋体"`; `nil` is the workbook default (Calibri).
    public var fontName: String?
    /// The font size in points, 1...409; `nil` is the default 11.
    public var fontSize: Double?
    /// The font colour; `nil` is automatic.
    public var fontColor: XLSXColor?
    /// A solid background fill; `nil` is none.
    public var fillColor: XLSXColor?
    /// The cell borders.
    public var borders: Borders
    /// Horizontal alignment.
    public var horizontalAlignment: HorizontalAlignment
    /// Vertical alignment; `nil` is Excel's default (bottom).
    public var verticalAlignment: VerticalAlignment?
    /// Wraps long text onto several lines within the column width.
    public var wrapsText: Bool
    /// Shrinks the font so the content fits the column.
    public var shrinksToFit: Bool
    /// Indent level, 0...15, for left- or right-aligned content.
    public var indent: Int
    /// Text rotation in degrees: -90...90, or 270 for letters stacked top to bottom.
    public var textRotation: Int
    /// An Excel number format such as `"0.00"`, `"0.0%"` or `"yyyy-mm-dd"`; `nil` is General.
    ///
    /// Use `"@"` (Text) for input cells where digits such as `0012` must stay text when typed.
    public var numberFormat: String?
    /// Whether the cell is locked when its sheet is protected (Excel's default: locked).
    public var isLocked: Bool
    /// Whether a formula in the cell is hidden when its sheet is protected.
    public var hidesFormula: Bool

    /// Creates a style; every parameter defaults to Excel's default cell style.
    public init(
        isBold: Bool = false, isItalic: Bool = false, underline: Underline = .none,
        fontName: String? = nil, fontSize: Double? = nil, fontColor: XLSXColor? = nil,
        fillColor: XLSXColor? = nil, borders: Borders = .none,
        horizontalAlignment: HorizontalAlignment = .general, verticalAlignment: VerticalAlignment? = nil,
        wrapsText: Bool = false, shrinksToFit: Bool = false, indent: Int = 0, textRotation: Int = 0,
        numberFormat: String? = nil, isLocked: Bool = true, hidesFormula: Bool = false
    ) {
        self.isBold = isBold
        self.isItalic = isItalic
        self.underline = underline
        self.fontName = fontName
        self.fontSize = fontSize
        self.fontColor = fontColor
        self.fillColor = fillColor
        self.borders = borders
        self.horizontalAlignment = horizontalAlignment
        self.verticalAlignment = verticalAlignment
        self.wrapsText = wrapsText
        self.shrinksToFit = shrinksToFit
        self.indent = indent
        self.textRotation = textRotation
        self.numberFormat = numberFormat
        self.isLocked = isLocked
        self.hidesFormula = hidesFormula
    }

    /// Excel's default cell style; cells written with it carry no format at all.
    public static let `default` = CellStyle()

    /// Explains what libxlsxwriter 1.1.4 would silently truncate or reject, or `nil` if the style is fine.
    ///
    /// libxlsxwriter copies font and number-format strings into 128-byte fields, cutting longer ones.
    func problem() -> String? {
        if let fontSize, !(1...409).contains(fontSize) {
            return "font size \(fontSize) is outside Excel's 1...409 points"
        }
        if let fontName {
            if fontName.isEmpty { return "font name is empty" }
            if fontName.utf16.count > 31 { return "font name \"\(fontName)\" is longer than Excel's 31 characters" }
        }
        if let numberFormat {
            if numberFormat.isEmpty { return "number format is empty; use nil for General" }
            if numberFormat.utf8.count > 127 {
                return "number format \"\(numberFormat)\" is \(numberFormat.utf8.count) bytes long in UTF-8; "
                    + "libxlsxwriter 1.1.4 keeps at most 127"
            }
        }
        if !(0...15).contains(indent) { return "indent \(indent) is outside 0...15" }
        if !((-90...90).contains(textRotation) || textRotation == 270) {
            return "text rotation \(textRotation) is neither in -90...90 nor 270"
        }
        return nil
    }
}
