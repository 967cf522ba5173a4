internal import CXLSXWriter
import Foundation

// Building a libxlsxwriter chart from a `Chart` description and inserting it into a sheet.
extension Worksheet {
    /// Inserts `chart` with its top-left corner in the given cell, `size` pixels large.
    ///
    /// The whole description is checked before libxlsxwriter is called, so a bad chart throws
    /// without leaving a half-built chart in the workbook. Text that starts with `=` is refused
    /// for titles and series names, because libxlsxwriter would treat it as a formula; name a
    /// series from a cell with ``ChartSeries/Name/cell(sheet:row:column:)`` instead.
    public func insertChart(_ chart: Chart, row: Int, column: Int, size: ChartSize = ChartSize()) throws {
        let cell = try checkedCell(row: row, column: column)
        if let problem = chart.problem() { throw error(.invalidArgument(problem), cell: cell) }
        guard size.width > 0, size.height > 0, size.xOffset >= 0, size.yOffset >= 0 else {
            throw error(.invalidArgument("chart size \(size.width)×\(size.height) or its offset is not positive"), cell: cell)
        }
        let (book, handle) = try live()
        let workbookHandle = try book.openHandle()
        guard let chartHandle = workbook_add_chart(workbookHandle, Self.chartType(chart.kind)) else {
            throw error(.libraryReturnedNull(function: "workbook_add_chart"), cell: cell)
        }
        try configure(chartHandle, with: chart, book: book, cell: cell)
        var options = lxw_chart_options()
        options.x_offset = Int32(size.xOffset)
        options.y_offset = Int32(size.yOffset)
        options.x_scale = Double(size.width) / 480
        options.y_scale = Double(size.height) / 288
        try book.check(
            worksheet_insert_chart_opt(handle, lxw_row_t(row), lxw_col_t(column), chartHandle, &options),
            "worksheet_insert_chart_opt", sheet: name, cell: cell)
    }

    private func configure(
        _ chartHandle: UnsafeMutablePointer<lxw_chart>, with chart: Chart, book: XLSXWriter, cell: String
    ) throws {
        if let title = chart.title {
            chart_title_set_name(chartHandle, title)
        } else {
            chart_title_off(chartHandle)
        }
        if let style = chart.style { chart_set_style(chartHandle, UInt8(style)) }
        if case let .doughnut(holeSize) = chart.kind { chart_set_hole_size(chartHandle, UInt8(holeSize)) }
        let legend: lxw_chart_legend_position =
            switch chart.legend {
            case .none: LXW_CHART_LEGEND_NONE
            case .right: LXW_CHART_LEGEND_RIGHT
            case .left: LXW_CHART_LEGEND_LEFT
            case .top: LXW_CHART_LEGEND_TOP
            case .bottom: LXW_CHART_LEGEND_BOTTOM
            }
        chart_legend_set_position(chartHandle, UInt8(legend.rawValue))

        switch chart.kind {
        case .pie, .doughnut:
            break
        case .bar:
            // libxlsxwriter swaps its axis pointers for bar charts: x_axis is the horizontal value axis.
            Self.configure(chartHandle.pointee.y_axis, with: chart.categoryAxis)
            Self.configure(chartHandle.pointee.x_axis, with: chart.valueAxis)
        case .area:
            // 1.1.4 does not mark an area chart's value axis as one, so it ignores min, max and
            // major unit with a warning; marking it makes them work and changes nothing else.
            chartHandle.pointee.y_axis?.pointee.is_value = 1
            Self.configure(chartHandle.pointee.x_axis, with: chart.categoryAxis)
            Self.configure(chartHandle.pointee.y_axis, with: chart.valueAxis)
        default:
            Self.configure(chartHandle.pointee.x_axis, with: chart.categoryAxis)
            Self.configure(chartHandle.pointee.y_axis, with: chart.valueAxis)
        }

        for series in chart.series {
            guard let seriesHandle = chart_add_series(chartHandle, nil, nil) else {
                throw error(.libraryReturnedNull(function: "chart_add_series"), cell: cell)
            }
            try configure(seriesHandle, with: series, kind: chart.kind, book: book, cell: cell)
        }
    }

    private static func configure(_ axis: UnsafeMutablePointer<lxw_chart_axis>?, with settings: ChartAxis) {
        guard let axis else { return }
        if let title = settings.title { chart_axis_set_name(axis, title) }
        if let minimum = settings.minimum { chart_axis_set_min(axis, minimum) }
        if let maximum = settings.maximum { chart_axis_set_max(axis, maximum) }
        if let unit = settings.majorUnit { chart_axis_set_major_unit(axis, unit) }
        if let format = settings.numberFormat { chart_axis_set_num_format(axis, format) }
        if let gridlines = settings.showsMajorGridlines {
            chart_axis_major_gridlines_set_visible(axis, gridlines ? 1 : 0)
        }
        if settings.isReversed { chart_axis_set_reverse(axis) }
    }

    private func configure(
        _ series: UnsafeMutablePointer<lxw_chart_series>, with settings: ChartSeries, kind: Chart.Kind,
        book: XLSXWriter, cell: String
    ) throws {
        let values = settings.values.range
        chart_series_set_values(
            series, settings.values.sheet, lxw_row_t(values.firstRow), lxw_col_t(values.firstColumn),
            lxw_row_t(values.lastRow), lxw_col_t(values.lastColumn))
        if let categories = settings.categories {
            let range = categories.range
            chart_series_set_categories(
                series, categories.sheet, lxw_row_t(range.firstRow), lxw_col_t(range.firstColumn),
                lxw_row_t(range.lastRow), lxw_col_t(range.lastColumn))
        }
        switch settings.name {
        case let .text(text): chart_series_set_name(series, text)
        case let .cell(sheet, row, column): chart_series_set_name_range(series, sheet, lxw_row_t(row), lxw_col_t(column))
        case nil: break
        }

        let drawsLines: Bool
        let hasMarkers: Bool
        switch kind {
        case .line: (drawsLines, hasMarkers) = (true, false)
        case .radar(.lines): (drawsLines, hasMarkers) = (true, false)
        case .radar(.markers): (drawsLines, hasMarkers) = (true, true)
        case .scatter(.markers), .scatter(.straightLinesWithMarkers), .scatter(.smoothLinesWithMarkers):
            (drawsLines, hasMarkers) = (true, true)
        case .scatter: (drawsLines, hasMarkers) = (true, false)
        default: (drawsLines, hasMarkers) = (false, false)
        }
        if drawsLines {
            if settings.color != nil || settings.lineWidth != nil {
                var line = lxw_chart_line()
                if let color = settings.color { line.color = XLSXWriter.lxwColor(color) }
                if let width = settings.lineWidth { line.width = Float(width) }
                if case .scatter(.markers) = kind { line.none = 1 }
                chart_series_set_line(series, &line)
            }
            if hasMarkers, let color = settings.color {
                var fill = lxw_chart_fill()
                fill.color = XLSXWriter.lxwColor(color)
                var border = lxw_chart_line()
                border.color = XLSXWriter.lxwColor(color)
                chart_series_set_marker_fill(series, &fill)
                chart_series_set_marker_line(series, &border)
            }
        } else if let color = settings.color {
            var fill = lxw_chart_fill()
            fill.color = XLSXWriter.lxwColor(color)
            chart_series_set_fill(series, &fill)
        }

        if !settings.pointColors.isEmpty {
            var fills = settings.pointColors.map { color -> lxw_chart_fill in
                var fill = lxw_chart_fill()
                fill.color = XLSXWriter.lxwColor(color)
                return fill
            }
            try fills.withUnsafeMutableBufferPointer { fillBuffer in
                var points = (0..<fillBuffer.count).map { index in
                    lxw_chart_point(line: nil, fill: fillBuffer.baseAddress! + index, pattern: nil)
                }
                try points.withUnsafeMutableBufferPointer { pointBuffer in
                    var pointers: [UnsafeMutablePointer<lxw_chart_point>?] =
                        (0..<pointBuffer.count).map { pointBuffer.baseAddress! + $0 } + [nil]
                    try book.check(
                        chart_series_set_points(series, &pointers), "chart_series_set_points", sheet: name, cell: cell)
                }
            }
        }

        if let labels = settings.dataLabels {
            chart_series_set_labels(series)
            if let position = labels.position {
                chart_series_set_labels_position(series, Self.labelPosition(position))
            }
            if let format = labels.numberFormat { chart_series_set_labels_num_format(series, format) }
            if labels.showsPercentage { chart_series_set_labels_percentage(series) }
            if labels.showsLeaderLines { chart_series_set_labels_leader_line(series) }
            // Last: in 1.1.4 setting a position switches the value back on.
            chart_series_set_labels_options(
                series, labels.showsSeriesName ? 1 : 0, labels.showsCategory ? 1 : 0, labels.showsValue ? 1 : 0)
        }
    }

    private static func labelPosition(_ position: ChartDataLabels.Position) -> UInt8 {
        let value: lxw_chart_label_position =
            switch position {
            case .center: LXW_CHART_LABEL_POSITION_CENTER
            case .right: LXW_CHART_LABEL_POSITION_RIGHT
            case .left: LXW_CHART_LABEL_POSITION_LEFT
            case .above: LXW_CHART_LABEL_POSITION_ABOVE
            case .below: LXW_CHART_LABEL_POSITION_BELOW
            case .insideBase: LXW_CHART_LABEL_POSITION_INSIDE_BASE
            case .insideEnd: LXW_CHART_LABEL_POSITION_INSIDE_END
            case .outsideEnd: LXW_CHART_LABEL_POSITION_OUTSIDE_END
            case .bestFit: LXW_CHART_LABEL_POSITION_BEST_FIT
            }
        return UInt8(value.rawValue)
    }

    private static func chartType(_ kind: Chart.Kind) -> UInt8 {
        let type: lxw_chart_type =
            switch kind {
            case .column(.clustered): LXW_CHART_COLUMN
            case .column(.stacked): LXW_CHART_COLUMN_STACKED
            case .column(.percentStacked): LXW_CHART_COLUMN_STACKED_PERCENT
            case .bar(.clustered): LXW_CHART_BAR
            case .bar(.stacked): LXW_CHART_BAR_STACKED
            case .bar(.percentStacked): LXW_CHART_BAR_STACKED_PERCENT
            case .line(.clustered): LXW_CHART_LINE
            case .line(.stacked): LXW_CHART_LINE_STACKED
            case .line(.percentStacked): LXW_CHART_LINE_STACKED_PERCENT
            case .area(.clustered): LXW_CHART_AREA
            case .area(.stacked): LXW_CHART_AREA_STACKED
            case .area(.percentStacked): LXW_CHART_AREA_STACKED_PERCENT
            case .pie: LXW_CHART_PIE
            case .doughnut: LXW_CHART_DOUGHNUT
            case .radar(.lines): LXW_CHART_RADAR
            case .radar(.markers): LXW_CHART_RADAR_WITH_MARKERS
            case .radar(.filled): LXW_CHART_RADAR_FILLED
            case .scatter(.markers): LXW_CHART_SCATTER
            case .scatter(.straightLines): LXW_CHART_SCATTER_STRAIGHT
            case .scatter(.straightLinesWithMarkers): LXW_CHART_SCATTER_STRAIGHT_WITH_MARKERS
            case .scatter(.smoothLines): LXW_CHART_SCATTER_SMOOTH
            case .scatter(.smoothLinesWithMarkers): LXW_CHART_SCATTER_SMOOTH_WITH_MARKERS
            }
        return UInt8(type.rawValue)
    }
}
