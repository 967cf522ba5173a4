/// A chart drawn from worksheet ranges, described as a value and inserted with
/// ``Worksheet/insertChart(_:row:column:size:)``.
///
/// Each insertion builds a fresh libxlsxwriter chart, so one description may be inserted many
/// times. Series take their values from ranges (written before the workbook is closed); the
/// chart shows whatever those cells hold.
///
/// ```swift
/// var radar = Chart(.radar(.filled), title: "企业各维度得分")
/// radar.series = [
///     ChartSeries(name: .text("本企业"), categories: data.reference(to: dimensions),
///                 values: data.reference(to: scores), color: .blue),
///     ChartSeries(name: .text("行业均值"), categories: data.reference(to: dimensions),
///                 values: data.reference(to: means), color: .orange),
/// ]
/// radar.valueAxis.minimum = 0
/// radar.valueAxis.maximum = 100
/// try sheet.insertChart(radar, row: 1, column: 9)
/// ```
public struct Chart: Hashable, Sendable {
    /// The kind of chart.
    public enum Kind: Hashable, Sendable {
        /// Vertical bars.
        case column(Grouping)
        /// Horizontal bars.
        case bar(Grouping)
        /// Lines through the points.
        case line(Grouping)
        /// Filled areas under the lines.
        case area(Grouping)
        /// A pie of the first series.
        case pie
        /// A ring of the series; `holeSize` is the hole's share of the diameter, 10...90 percent.
        case doughnut(holeSize: Int)
        /// A radar (spider) chart.
        case radar(RadarStyle)
        /// Points at numeric x (categories) and y (values).
        case scatter(ScatterStyle)
    }

    /// How several series share a category.
    public enum Grouping: Hashable, Sendable {
        /// Side by side (for lines: independent lines).
        case clustered
        /// On top of each other.
        case stacked
        /// On top of each other, scaled to 100%.
        case percentStacked
    }

    /// How a radar chart draws its series.
    public enum RadarStyle: Hashable, Sendable {
        /// Lines only.
        case lines
        /// Lines with a marker at each point.
        case markers
        /// Filled polygons.
        case filled
    }

    /// How a scatter chart draws its series.
    public enum ScatterStyle: Hashable, Sendable {
        /// Markers only.
        case markers
        /// Straight lines, no markers.
        case straightLines
        /// Straight lines with markers.
        case straightLinesWithMarkers
        /// Smoothed lines, no markers.
        case smoothLines
        /// Smoothed lines with markers.
        case smoothLinesWithMarkers
    }

    /// Where the legend sits.
    public enum LegendPosition: Hashable, Sendable {
        /// No legend.
        case none
        /// Right of the plot (Excel's default).
        case right
        /// Left of the plot.
        case left
        /// Above the plot.
        case top
        /// Below the plot.
        case bottom
    }

    /// The kind of chart.
    public var kind: Kind
    /// The title above the chart; `nil` shows none.
    public var title: String?
    /// The data series, at least one.
    public var series: [ChartSeries]
    /// The category (x) axis; ignored by pie and doughnut charts.
    public var categoryAxis: ChartAxis
    /// The value (y) axis; ignored by pie and doughnut charts.
    public var valueAxis: ChartAxis
    /// The legend position.
    public var legend: LegendPosition
    /// One of Excel's 48 built-in chart styles; `nil` is style 2, the default.
    public var style: Int?

    /// Creates a chart without series; add them to ``series`` before inserting.
    public init(
        _ kind: Kind, title: String? = nil, series: [ChartSeries] = [], categoryAxis: ChartAxis = ChartAxis(),
        valueAxis: ChartAxis = ChartAxis(), legend: LegendPosition = .right, style: Int? = nil
    ) {
        self.kind = kind
        self.title = title
        self.series = series
        self.categoryAxis = categoryAxis
        self.valueAxis = valueAxis
        self.legend = legend
        self.style = style
    }

    /// Explains why the chart cannot be drawn, or returns `nil`.
    func problem() -> String? {
        if series.isEmpty { return "a chart needs at least one series" }
        if case let .doughnut(holeSize) = kind, !(10...90).contains(holeSize) {
            return "doughnut hole size \(holeSize)% is outside 10...90"
        }
        if let style, !(1...48).contains(style) { return "chart style \(style) is outside 1...48" }
        if let title, let problem = Self.literalTextProblem(title, what: "chart title") { return problem }
        for axis in [categoryAxis, valueAxis] {
            if let problem = axis.problem() { return problem }
        }
        for series in series {
            if let problem = series.problem() { return problem }
            if let position = series.dataLabels?.position, !allowedLabelPositions.contains(position) {
                return "data label position \(position) is not available for \(kindName) charts"
            }
            // libxlsxwriter 1.1.4 dereferences a null pointer for a scatter series without x values.
            if case .scatter = kind, series.categories == nil {
                return "a scatter series needs categories (its x values)"
            }
        }
        return nil
    }

    /// The data label positions Excel offers for this kind of chart; libxlsxwriter 1.1.4 writes
    /// any position without checking, and Excel rejects the others.
    var allowedLabelPositions: Set<ChartDataLabels.Position> {
        switch kind {
        case .column(.clustered), .bar(.clustered): [.center, .insideEnd, .insideBase, .outsideEnd]
        case .column, .bar: [.center, .insideEnd, .insideBase]
        case .line, .scatter: [.center, .right, .left, .above, .below]
        case .pie: [.center, .insideEnd, .outsideEnd, .bestFit]
        case .area, .doughnut, .radar: []
        }
    }

    /// The kind in words, for messages.
    var kindName: String {
        let grouping: (Grouping) -> String = {
            switch $0 {
            case .clustered: ""
            case .stacked: "stacked "
            case .percentStacked: "percent-stacked "
            }
        }
        switch kind {
        case let .column(g): return grouping(g) + "column"
        case let .bar(g): return grouping(g) + "bar"
        case let .line(g): return grouping(g) + "line"
        case let .area(g): return grouping(g) + "area"
        case .pie: return "pie"
        case .doughnut: return "doughnut"
        case .radar: return "radar"
        case .scatter: return "scatter"
        }
    }

    /// libxlsxwriter reads a chart text starting with `=` as a formula, so such text is refused.
    static func literalTextProblem(_ text: String, what: String) -> String? {
        if text.hasPrefix("=") {
            return "\(what) \"\(text)\" starts with \"=\", which libxlsxwriter would read as a formula"
        }
        if text.utf8.contains(0) { return "\(what) contains the NUL character U+0000" }
        return nil
    }
}

/// One data series of a ``Chart``.
public struct ChartSeries: Hashable, Sendable {
    /// The series name shown in the legend.
    public enum Name: Hashable, Sendable {
        /// Literal text; must not start with `=`.
        case text(String)
        /// The text of a cell, such as a column header.
        case cell(sheet: String, row: Int, column: Int)
    }

    /// The legend name; `nil` lets the spreadsheet program say "Series1".
    public var name: Name?
    /// The category labels, or the x values of a scatter chart (required there); `nil` numbers
    /// the points 1, 2, 3….
    public var categories: QualifiedRange?
    /// The values; one row or one column.
    public var values: QualifiedRange
    /// The series colour: the fill of bars, areas, pie slices and filled radars, the line and
    /// markers of lines, radars and scatters; `nil` is the chart style's colour.
    public var color: XLSXColor?
    /// Colours of the individual points, in order, such as one per pie slice; overrides ``color``.
    public var pointColors: [XLSXColor]
    /// Line width in points for line, radar and scatter series.
    public var lineWidth: Double?
    /// Data labels on the points; `nil` shows none.
    public var dataLabels: ChartDataLabels?

    /// Creates a series from its values and, usually, its categories and name.
    public init(
        name: Name? = nil, categories: QualifiedRange? = nil, values: QualifiedRange, color: XLSXColor? = nil,
        pointColors: [XLSXColor] = [], lineWidth: Double? = nil, dataLabels: ChartDataLabels? = nil
    ) {
        self.name = name
        self.categories = categories
        self.values = values
        self.color = color
        self.pointColors = pointColors
        self.lineWidth = lineWidth
        self.dataLabels = dataLabels
    }

    func problem() -> String? {
        for range in [categories, values].compactMap({ $0 }) {
            let r = range.range
            if r.firstRow < 0 || r.firstColumn < 0 || r.lastRow >= XLSXWriter.maximumRows
                || r.lastColumn >= XLSXWriter.maximumColumns || r.firstRow > r.lastRow || r.firstColumn > r.lastColumn
            {
                return "chart series range \(range.formula) is reversed or outside the sheet"
            }
            if r.firstRow != r.lastRow && r.firstColumn != r.lastColumn {
                return "chart series range \(range.formula) must be a single row or column"
            }
            if range.sheet.isEmpty || range.sheet.utf8.contains(0) {
                return "chart series range has an invalid sheet name \"\(range.sheet)\""
            }
        }
        switch name {
        case let .text(text):
            if let problem = Chart.literalTextProblem(text, what: "series name") { return problem }
        case let .cell(sheet, row, column):
            if !(0..<XLSXWriter.maximumRows).contains(row) || !(0..<XLSXWriter.maximumColumns).contains(column) {
                return "series name cell row \(row), column \(column) is outside the sheet"
            }
            if sheet.isEmpty || sheet.utf8.contains(0) { return "series name has an invalid sheet name \"\(sheet)\"" }
        case nil:
            break
        }
        if let lineWidth, !(lineWidth.isFinite && lineWidth > 0 && lineWidth <= 1584) {
            return "line width \(lineWidth) is outside 0...1584 points"
        }
        if pointColors.count > 65_535 { return "too many point colours" }
        if let format = dataLabels?.numberFormat, format.utf8.contains(0) || format.isEmpty {
            return "data label number format is empty or contains U+0000"
        }
        return nil
    }
}

/// What the data labels of a ``ChartSeries`` show.
public struct ChartDataLabels: Hashable, Sendable {
    /// Where labels sit relative to their point.
    public enum Position: Hashable, Sendable {
        /// Centred on the point.
        case center
        /// Right of the point.
        case right
        /// Left of the point.
        case left
        /// Above the point.
        case above
        /// Below the point.
        case below
        /// Inside the bar at its base.
        case insideBase
        /// Inside the bar at its end.
        case insideEnd
        /// Outside the bar's end or the pie slice.
        case outsideEnd
        /// Where the program finds room (pie charts).
        case bestFit
    }

    /// Shows the value.
    public var showsValue: Bool
    /// Shows the category name.
    public var showsCategory: Bool
    /// Shows the series name.
    public var showsSeriesName: Bool
    /// Shows the share of the whole (pie and doughnut charts only).
    public var showsPercentage: Bool
    /// Draws leader lines from labels to slices (pie charts).
    public var showsLeaderLines: Bool
    /// The position; `nil` is the chart type's default. Only the positions Excel offers for the
    /// chart's kind are accepted (none for area, doughnut and radar charts; outside end not for
    /// stacked bars); see `Chart`'s checks.
    public var position: Position?
    /// A number format for the values, such as `"0.0"`.
    public var numberFormat: String?

    /// Creates data labels; by default they show the value.
    public init(
        showsValue: Bool = true, showsCategory: Bool = false, showsSeriesName: Bool = false,
        showsPercentage: Bool = false, showsLeaderLines: Bool = false, position: Position? = nil,
        numberFormat: String? = nil
    ) {
        self.showsValue = showsValue
        self.showsCategory = showsCategory
        self.showsSeriesName = showsSeriesName
        self.showsPercentage = showsPercentage
        self.showsLeaderLines = showsLeaderLines
        self.position = position
        self.numberFormat = numberFormat
    }
}

/// An axis of a ``Chart``.
public struct ChartAxis: Hashable, Sendable {
    /// The axis title; `nil` shows none.
    public var title: String?
    /// The lowest value shown (value axes); `nil` lets the program choose.
    public var minimum: Double?
    /// The highest value shown (value axes); `nil` lets the program choose.
    public var maximum: Double?
    /// The interval between major ticks and gridlines (value axes).
    public var majorUnit: Double?
    /// A number format for the axis labels, such as `"0%"`.
    public var numberFormat: String?
    /// Shows or hides major gridlines; `nil` keeps the chart type's default.
    public var showsMajorGridlines: Bool?
    /// Reverses the axis, as for a bar chart listing the first category at the top.
    public var isReversed: Bool

    /// Creates an axis with the program's defaults.
    public init(
        title: String? = nil, minimum: Double? = nil, maximum: Double? = nil, majorUnit: Double? = nil,
        numberFormat: String? = nil, showsMajorGridlines: Bool? = nil, isReversed: Bool = false
    ) {
        self.title = title
        self.minimum = minimum
        self.maximum = maximum
        self.majorUnit = majorUnit
        self.numberFormat = numberFormat
        self.showsMajorGridlines = showsMajorGridlines
        self.isReversed = isReversed
    }

    func problem() -> String? {
        if let title, let problem = Chart.literalTextProblem(title, what: "axis title") { return problem }
        for value in [minimum, maximum, majorUnit].compactMap({ $0 }) where !value.isFinite {
            return "axis bound \(value) must be finite"
        }
        if let minimum, let maximum, minimum >= maximum {
            return "axis minimum \(minimum) is not below maximum \(maximum)"
        }
        if let majorUnit, majorUnit <= 0 { return "axis major unit \(majorUnit) must be positive" }
        if let numberFormat, numberFormat.isEmpty || numberFormat.utf8.contains(0) {
            return "axis number format is empty or contains U+0000"
        }
        return nil
    }
}

/// The size and offset of a chart inserted into a worksheet, in pixels.
public struct ChartSize: Hashable, Sendable {
    /// The width in pixels; Excel's default chart is 480.
    public var width: Int
    /// The height in pixels; Excel's default chart is 288.
    public var height: Int
    /// The offset from the anchor cell's left edge.
    public var xOffset: Int
    /// The offset from the anchor cell's top edge.
    public var yOffset: Int

    /// Creates a size; the default is Excel's 480 × 288 pixels at the cell's corner.
    public init(width: Int = 480, height: Int = 288, xOffset: Int = 0, yOffset: Int = 0) {
        self.width = width
        self.height = height
        self.xOffset = xOffset
        self.yOffset = yOffset
    }
}
