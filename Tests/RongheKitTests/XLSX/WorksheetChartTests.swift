import Foundation
import Testing

@testable import RongheKit

@Suite struct WorksheetChartTests {
    @Test(arguments: [
        Chart.Kind.column(.clustered), .column(.stacked), .column(.percentStacked), .bar(.clustered), .bar(.stacked),
        .line(.clustered), .line(.stacked), .area(.clustered), .pie, .doughnut(holeSize: 50), .radar(.lines),
        .radar(.markers), .radar(.filled), .scatter(.markers), .scatter(.straightLinesWithMarkers), .scatter(.smoothLines),
    ])
    func everyKindIsWritten(kind: Chart.Kind) throws {
        let directory = try WriterTestSupport.TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("chart.xlsx")
        let book = try XLSXWriter(path: path)
        let data = try book.addWorksheet(named: "数据")
        for row in 0..<7 {
            try data.write("维度\(row + 1)", row: row, column: 0)
            try data.write(Double(50 + row * 7), row: row, column: 1)
            try data.write(Double(60 + row * 3), row: row, column: 2)
        }
        var chart = Chart(kind, title: "测试图表")
        chart.series = [1, 2].map { column in
            ChartSeries(
                name: .cell(sheet: "数据", row: 0, column: column),
                categories: data.reference(to: WorksheetRange(rows: 0...6, column: 0)),
                values: data.reference(to: WorksheetRange(rows: 0...6, column: column)),
                color: column == 1 ? .blue : .orange, lineWidth: 1.5,
                dataLabels: ChartDataLabels(numberFormat: "0.0"))
        }
        chart.valueAxis = ChartAxis(title: "得分", minimum: 0, maximum: 100, majorUnit: 20, numberFormat: "0")
        chart.categoryAxis.title = "维度"
        try data.insertChart(chart, row: 8, column: 0, size: ChartSize(width: 640, height: 400, xOffset: 5, yOffset: 5))
        try book.close()
        #expect(WriterTestSupport.isZipFile(path))
    }

    @Test func badChartThrowsBeforeTouchingTheWorkbook() throws {
        let directory = try WriterTestSupport.TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("chart.xlsx")
        let book = try XLSXWriter(path: path)
        let sheet = try book.addWorksheet(named: "图表")
        #expect(
            WriterTestSupport.errorText { try sheet.insertChart(Chart(.pie), row: 1, column: 1) }
                == "\(path):图表!B2: error: a chart needs at least one series")
        let series = ChartSeries(values: sheet.reference(to: WorksheetRange(rows: 0...3, column: 0)))
        #expect(
            WriterTestSupport.errorText { try sheet.insertChart(Chart(.pie, series: [series]), row: 1, column: 1, size: ChartSize(width: 0)) }
                == "\(path):图表!B2: error: chart size 0×288 or its offset is not positive")
        // Nothing half-built was left behind: the workbook still closes cleanly.
        try book.close()
        #expect(WriterTestSupport.isZipFile(path))
    }
}
