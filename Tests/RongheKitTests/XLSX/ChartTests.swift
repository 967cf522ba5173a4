import Foundation
import Testing

@testable import RongheKit

@Suite struct ChartTests {
    private let values = QualifiedRange(sheet: "数据", range: WorksheetRange(rows: 1...7, column: 1))

    @Test func problems() {
        #expect(Chart(.pie).problem() == "a chart needs at least one series")
        #expect(
            Chart(.doughnut(holeSize: 95), series: [ChartSeries(values: values)]).problem()
                == "doughnut hole size 95% is outside 10...90")
        #expect(Chart(.line(.clustered), series: [ChartSeries(values: values)], style: 49).problem() == "chart style 49 is outside 1...48")
        #expect(
            Chart(.column(.clustered), title: "=Sheet1!A1", series: [ChartSeries(values: values)]).problem()
                == "chart title \"=Sheet1!A1\" starts with \"=\", which libxlsxwriter would read as a formula")
        #expect(
            Chart(.column(.clustered), series: [ChartSeries(name: .text("=得分"), values: values)]).problem()
                == "series name \"=得分\" starts with \"=\", which libxlsxwriter would read as a formula")
        let block = QualifiedRange(sheet: "数据", range: WorksheetRange(firstRow: 0, firstColumn: 0, lastRow: 3, lastColumn: 2))
        #expect(
            Chart(.column(.clustered), series: [ChartSeries(values: block)]).problem()
                == "chart series range '数据'!$A$1:$C$4 must be a single row or column")
        var axis = ChartAxis(minimum: 100, maximum: 0)
        #expect(
            Chart(.bar(.clustered), series: [ChartSeries(values: values)], valueAxis: axis).problem()
                == "axis minimum 100.0 is not below maximum 0.0")
        axis = ChartAxis(majorUnit: 0)
        #expect(
            Chart(.bar(.clustered), series: [ChartSeries(values: values)], valueAxis: axis).problem()
                == "axis major unit 0.0 must be positive")
        #expect(
            Chart(.line(.clustered), series: [ChartSeries(values: values, lineWidth: -1)]).problem()
                == "line width -1.0 is outside 0...1584 points")
        #expect(
            Chart(.scatter(.markers), series: [ChartSeries(values: values)]).problem()
                == "a scatter series needs categories (its x values)")
        #expect(Chart(.radar(.filled), series: [ChartSeries(values: values)]).problem() == nil)
        #expect(
            Chart(.column(.clustered), series: [ChartSeries(values: values, dataLabels: ChartDataLabels(position: .above))]).problem()
                == "data label position above is not available for column charts")
        #expect(
            Chart(.bar(.stacked), series: [ChartSeries(values: values, dataLabels: ChartDataLabels(position: .outsideEnd))]).problem()
                == "data label position outsideEnd is not available for stacked bar charts")
        #expect(
            Chart(.radar(.markers), series: [ChartSeries(values: values, dataLabels: ChartDataLabels(position: .center))]).problem()
                == "data label position center is not available for radar charts")
        #expect(
            Chart(.pie, series: [ChartSeries(values: values, dataLabels: ChartDataLabels(position: .bestFit))]).problem() == nil)
    }
}
