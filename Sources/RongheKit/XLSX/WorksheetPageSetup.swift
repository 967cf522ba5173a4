/// How a worksheet prints: paper, orientation, scaling, margins, titles, header and footer.
///
/// Apply with ``Worksheet/setPageSetup(_:)``. The defaults print A4 portrait at 100%, which
/// is what a bureau's printer expects; a ranked report usually adds `fitToPagesWide: 1` and
/// `repeatRows` for its header.
public struct PageSetup: Hashable, Sendable {
    /// Page orientation.
    public enum Orientation: Hashable, Sendable {
        /// Taller than wide.
        case portrait
        /// Wider than tall.
        case landscape
    }

    /// Paper sizes, with Excel's paper codes.
    public enum Paper: Int, Hashable, Sendable {
        /// US Letter, 8½ × 11 in.
        case letter = 1
        /// A3, 297 × 420 mm.
        case a3 = 8
        /// A4, 210 × 297 mm.
        case a4 = 9
        /// A5, 148 × 210 mm.
        case a5 = 11
        /// B5 (JIS), 182 × 257 mm.
        case b5 = 13
    }

    /// Page margins in inches, as Excel stores them (1 cm ≈ 0.394 in).
    public struct Margins: Hashable, Sendable {
        /// Left margin.
        public var left: Double
        /// Right margin.
        public var right: Double
        /// Top margin.
        public var top: Double
        /// Bottom margin.
        public var bottom: Double

        /// Creates margins; the defaults are Excel's "Normal" margins.
        public init(left: Double = 0.7, right: Double = 0.7, top: Double = 0.75, bottom: Double = 0.75) {
            self.left = left
            self.right = right
            self.top = top
            self.bottom = bottom
        }
    }

    /// Portrait or landscape.
    public var orientation: Orientation
    /// The paper size.
    public var paper: Paper
    /// Scales the sheet down to this many pages across; `nil` prints at ``scale``.
    public var fitToPagesWide: Int?
    /// With ``fitToPagesWide``, the most pages down; 0 means as many as needed.
    public var fitToPagesTall: Int
    /// The print scale in percent, 10...400, used when not fitting to pages.
    public var scale: Int
    /// Zero-based rows repeated at the top of every printed page, such as the header row.
    public var repeatRows: ClosedRange<Int>?
    /// Zero-based columns repeated at the left of every printed page, such as the name column.
    public var repeatColumns: ClosedRange<Int>?
    /// Only this range is printed; `nil` prints everything written.
    public var printArea: WorksheetRange?
    /// The page margins.
    public var margins: Margins
    /// Header text using Excel's codes, such as `&C&"等线,Bold"两化融合评估 &R&D`; at most 255 characters.
    public var header: String?
    /// Footer text using Excel's codes, such as `&C第 &P 页，共 &N 页`; at most 255 characters.
    public var footer: String?
    /// Centres the printed area between the left and right margins.
    public var centersHorizontally: Bool
    /// Centres the printed area between the top and bottom margins.
    public var centersVertically: Bool

    /// Creates a page setup; the defaults print A4 portrait at 100% with Excel's normal margins.
    public init(
        orientation: Orientation = .portrait, paper: Paper = .a4, fitToPagesWide: Int? = nil,
        fitToPagesTall: Int = 0, scale: Int = 100, repeatRows: ClosedRange<Int>? = nil,
        repeatColumns: ClosedRange<Int>? = nil, printArea: WorksheetRange? = nil, margins: Margins = Margins(),
        header: String? = nil, footer: String? = nil, centersHorizontally: Bool = false,
        centersVertically: Bool = false
    ) {
        self.orientation = orientation
        self.paper = paper
        self.fitToPagesWide = fitToPagesWide
        self.fitToPagesTall = fitToPagesTall
        self.scale = scale
        self.repeatRows = repeatRows
        self.repeatColumns = repeatColumns
        self.printArea = printArea
        self.margins = margins
        self.header = header
        self.footer = footer
        self.centersHorizontally = centersHorizontally
        self.centersVertically = centersVertically
    }

    /// Explains what Excel or libxlsxwriter would reject, or returns `nil`.
    func problem() -> String? {
        if let wide = fitToPagesWide, !(1...32767).contains(wide) {
            return "fit to \(wide) pages wide is outside 1...32767"
        }
        if !(0...32767).contains(fitToPagesTall) { return "fit to \(fitToPagesTall) pages tall is outside 0...32767" }
        if !(10...400).contains(scale) { return "print scale \(scale)% is outside Excel's 10...400" }
        for (side, value) in [
            ("left", margins.left), ("right", margins.right), ("top", margins.top), ("bottom", margins.bottom),
        ] where !(value.isFinite && value >= 0 && value < 49) {
            return "\(side) margin \(value) in is outside 0..<49 inches"
        }
        for (what, text) in [("header", header), ("footer", footer)] {
            if let text, text.utf16.count > 255 {
                return "\(what) of \(text.utf16.count) characters is longer than Excel's 255"
            }
        }
        if let rows = repeatRows, rows.lowerBound < 0 || rows.upperBound >= 1_048_576 {
            return "repeated rows \(rows) are outside the sheet"
        }
        if let columns = repeatColumns, columns.lowerBound < 0 || columns.upperBound >= 16_384 {
            return "repeated columns \(columns) are outside the sheet"
        }
        return nil
    }
}
