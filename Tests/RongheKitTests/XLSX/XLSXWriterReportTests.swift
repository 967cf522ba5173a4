import Foundation
import Testing

@testable import RongheKit

/// A workbook shaped like Ronghe's real outputs — a ranked report with charts and a protected
/// survey form validated from a hidden sheet — exercising every writer feature together.
@Suite struct XLSXWriterReportTests {
    static let dimensions = ["基础建设", "单项应用", "综合集成", "协同创新", "竞争力", "经济效益", "社会效益"]
    static let districts = ["思明区", "湖里区", "集美区", "海沧区", "同安区", "翔安区"]
    static let stages = ["起步建设", "单项覆盖", "集成提升", "创新突破"]
    static let industries = ["电子信息", "机械装备", "食品加工", "纺织服装", "化工医药"]

    /// Writes the workbook; kept free of test assertions so the same code can be replayed by hand.
    static func writeReportWorkbook(to path: String, constantMemory: Bool = false) throws {
        let book = try XLSXWriter(path: path, options: .init(constantMemory: constantMemory))
        try book.setProperties(
            .init(title: "两化融合评估排名", subject: "2024年度", author: "ronghe", company: "厦门市工业和信息化局",
                  keywords: "两化融合,评估", created: Date(timeIntervalSince1970: 1_717_200_000)))

        let ranking = try book.addWorksheet(named: "排名")
        let charts = try book.addWorksheet(named: "图表")
        let form = try book.addWorksheet(named: "问卷")
        let lists = try book.addWorksheet(named: "_lists")

        // Ranking sheet.
        ranking.enableAutoFit(ColumnWidth.FitOptions(padding: 2, minimum: 6, maximum: 40))
        let title = CellStyle(isBold: true, fontName: "等线", fontSize: 16, horizontalAlignment: .center, verticalAlignment: .center)
        let header = CellStyle(
            isBold: true, fillColor: XLSXColor(rgb: 0x1F_4E79), borders: .all(.thin), horizontalAlignment: .center,
            verticalAlignment: .center, wrapsText: true)
        var headerText = header
        headerText.fontColor = .white
        let text = CellStyle(borders: .all(.thin))
        let score = CellStyle(borders: .all(.thin), numberFormat: "0.0")
        let headers = ["排名", "企业名称", "统一社会信用代码", "区县", "行业", "总分", "阶段"] + dimensions
        try ranking.merge(WorksheetRange(row: 0, columns: 0...(headers.count - 1)), text: "2024年度两化融合评估排名", style: title)
        try ranking.setRow(0, height: 30)
        try ranking.setRow(1, height: 36)
        for (column, name) in headers.enumerated() {
            try ranking.write(name, row: 1, column: column, style: headerText)
        }
        let enterpriseCount = 60
        let lastRow = enterpriseCount + 1
        // Before the data rows, as constant-memory mode requires.
        try ranking.setAutoFilter(WorksheetRange(firstRow: 1, firstColumn: 0, lastRow: lastRow, lastColumn: headers.count - 1))
        for index in 0..<enterpriseCount {
            let row = index + 2
            let total = 95 - Double(index) * 0.9
            try ranking.write(index + 1, row: row, column: 0, style: text)
            try ranking.write("厦门第\(index + 1)智能制造有限公司", row: row, column: 1, style: text)
            try ranking.write(String(format: "91350200MA%08dX", index * 7919 % 100_000_000), row: row, column: 2, style: text)
            try ranking.write(districts[index % districts.count], row: row, column: 3, style: text)
            try ranking.write(industries[index % industries.count], row: row, column: 4, style: text)
            try ranking.write(total, row: row, column: 5, style: score)
            try ranking.write(stages[min(3, (enterpriseCount - index) / 16)], row: row, column: 6, style: text)
            for (offset, _) in dimensions.enumerated() {
                try ranking.write(total - Double((index + offset) % 9), row: row, column: 7 + offset, style: score)
            }
        }
        try ranking.write("=这不是公式", row: lastRow + 2, column: 1)
        try ranking.write("0012", row: lastRow + 2, column: 2)
        try ranking.write(Formula("=AVERAGE(F3:F\(lastRow + 1))", cachedResult: .number(68.45)), row: lastRow + 2, column: 5, style: score)
        try ranking.freezePanes(rows: 2, columns: 2)
        let totals = WorksheetRange(rows: 2...lastRow, column: 5)
        try ranking.addConditionalFormat(.dataBar(.init(color: .blue, minimum: .number(0), maximum: .number(100))), to: totals)
        try ranking.addConditionalFormat(
            .threeColorScale(minimum: XLSXColor(rgb: 0xF8_696B), midpoint: XLSXColor(rgb: 0xFF_EB84), maximum: XLSXColor(rgb: 0x63_BE7B)),
            to: WorksheetRange(firstRow: 2, firstColumn: 7, lastRow: lastRow, lastColumn: headers.count - 1))
        try ranking.addConditionalFormat(
            .cellValue(.lessThan(60), style: CellStyle(fontColor: XLSXColor(rgb: 0x9C_0006), fillColor: XLSXColor(rgb: 0xFF_C7CE))),
            to: totals)
        try ranking.setPageSetup(
            PageSetup(
                orientation: .landscape, paper: .a4, fitToPagesWide: 1, repeatRows: 0...1,
                margins: .init(left: 0.4, right: 0.4, top: 0.7, bottom: 0.7),
                header: "&L厦门市工业和信息化局&R&D", footer: "&C第 &P 页，共 &N 页", centersHorizontally: true))
        try ranking.setTabColor(XLSXColor(rgb: 0x1F_4E79))

        // Chart data and charts.
        try charts.write("阶段", row: 0, column: 0, style: header)
        try charts.write("企业数", row: 0, column: 1, style: header)
        for (index, stage) in stages.enumerated() {
            try charts.write(stage, row: index + 1, column: 0)
            try charts.write([9, 22, 19, 10][index], row: index + 1, column: 1)
        }
        try charts.write("维度", row: 6, column: 0)
        try charts.write("均值", row: 6, column: 1)
        try charts.write("本企业", row: 6, column: 2)
        try charts.write("行业均值", row: 6, column: 3)
        for (index, dimension) in dimensions.enumerated() {
            try charts.write(dimension, row: 7 + index, column: 0)
            try charts.write(60 + Double(index) * 3.5, row: 7 + index, column: 1, style: score)
            try charts.write(70 + Double(index % 3) * 8, row: 7 + index, column: 2, style: score)
            try charts.write(62 + Double(index % 4) * 5, row: 7 + index, column: 3, style: score)
        }
        try charts.write("区县", row: 15, column: 0)
        try charts.write("平均分", row: 15, column: 1)
        for (index, district) in districts.enumerated() {
            try charts.write(district, row: 16 + index, column: 0)
            try charts.write(58 + Double(index) * 4, row: 16 + index, column: 1, style: score)
        }
        let stageNames = charts.reference(to: WorksheetRange(rows: 1...4, column: 0))
        let dimensionNames = charts.reference(to: WorksheetRange(rows: 7...13, column: 0))
        let pie = Chart(
            .pie, title: "发展阶段分布",
            series: [
                ChartSeries(
                    name: .text("企业数"), categories: stageNames, values: charts.reference(to: WorksheetRange(rows: 1...4, column: 1)),
                    pointColors: [XLSXColor(rgb: 0xC0_0000), .orange, .yellow, .green],
                    dataLabels: ChartDataLabels(showsValue: false, showsCategory: true, showsPercentage: true, showsLeaderLines: true, position: .bestFit))
            ], legend: .bottom)
        try charts.insertChart(pie, row: 0, column: 5, size: ChartSize(width: 480, height: 320))
        let column = Chart(
            .column(.clustered), title: "各维度平均得分",
            series: [
                ChartSeries(
                    name: .cell(sheet: "图表", row: 6, column: 1), categories: dimensionNames,
                    values: charts.reference(to: WorksheetRange(rows: 7...13, column: 1)), color: .blue,
                    dataLabels: ChartDataLabels(position: .outsideEnd, numberFormat: "0.0"))
            ], valueAxis: ChartAxis(title: "得分", minimum: 0, maximum: 100, majorUnit: 20), legend: .none)
        try charts.insertChart(column, row: 17, column: 5)
        let bar = Chart(
            .bar(.clustered), title: "区县平均分对比",
            series: [
                ChartSeries(
                    name: .text("平均分"), categories: charts.reference(to: WorksheetRange(rows: 16...21, column: 0)),
                    values: charts.reference(to: WorksheetRange(rows: 16...21, column: 1)), color: .orange)
            ], categoryAxis: ChartAxis(isReversed: true), valueAxis: ChartAxis(minimum: 0, maximum: 100), legend: .none)
        try charts.insertChart(bar, row: 34, column: 5)
        let radar = Chart(
            .radar(.markers), title: "厦门第1智能制造有限公司 与行业均值",
            series: [
                ChartSeries(
                    name: .text("本企业"), categories: dimensionNames, values: charts.reference(to: WorksheetRange(rows: 7...13, column: 2)),
                    color: .blue, lineWidth: 2),
                ChartSeries(
                    name: .text("行业均值"), categories: dimensionNames, values: charts.reference(to: WorksheetRange(rows: 7...13, column: 3)),
                    color: .orange, lineWidth: 1.5),
            ], valueAxis: ChartAxis(minimum: 0, maximum: 100, majorUnit: 20), legend: .bottom)
        try charts.insertChart(radar, row: 51, column: 5, size: ChartSize(width: 520, height: 420))

        // Lists for the survey form, on a hidden sheet.
        // Row by row, as constant-memory mode requires.
        for row in 0..<max(industries.count, districts.count) {
            if row < industries.count { try lists.write(industries[row], row: row, column: 0) }
            if row < districts.count { try lists.write(districts[row], row: row, column: 1) }
        }
        try lists.hide()
        let industryList = lists.reference(to: WorksheetRange(rows: 0...(industries.count - 1), column: 0))
        try book.defineName("行业列表", refersTo: "=" + industryList.formula)

        // Survey form: locked labels, unlocked input cells, validation, protection.
        let label = CellStyle(isBold: true, borders: .all(.thin), verticalAlignment: .center)
        let input = CellStyle(fillColor: XLSXColor(rgb: 0xFF_F2CC), borders: .all(.thin), numberFormat: "@", isLocked: false)
        let numberInput = CellStyle(fillColor: XLSXColor(rgb: 0xFF_F2CC), borders: .all(.thin), isLocked: false)
        try form.merge(WorksheetRange(row: 0, columns: 0...1), text: "企业两化融合评估问卷", style: title)
        let questions = ["企业名称", "统一社会信用代码", "所属区县", "所属行业", "员工人数", "信息化投入（万元）", "填报说明"]
        for (index, question) in questions.enumerated() {
            try form.write(question, row: index + 1, column: 0, style: label)
            try form.writeBlank(row: index + 1, column: 1, style: index >= 4 && index <= 5 ? numberInput : input)
        }
        try form.write("请在黄色单元格中填写；带下拉的单元格请从列表中选择。", row: 7, column: 1, style: CellStyle(wrapsText: true, isLocked: true))
        try form.setColumn(0, width: 22)
        try form.setColumn(1, width: 40)
        try form.setRow(7, height: 36)
        try form.addDataValidation(
            DataValidation(.textLength(.equalTo(18)), inputTitle: "统一社会信用代码", inputMessage: "18位，字母请大写", errorMessage: "统一社会信用代码应为18位"),
            to: WorksheetRange(row: 2, column: 1))
        try form.addDataValidation(
            DataValidation(.list(lists.reference(to: WorksheetRange(rows: 0...(districts.count - 1), column: 1))), inputTitle: "所属区县", inputMessage: "请从下拉列表选择"),
            to: WorksheetRange(row: 3, column: 1))
        try form.addDataValidation(DataValidation(.list(industryList), errorTitle: "行业无效", errorMessage: "请从列表中选择行业"), to: WorksheetRange(row: 4, column: 1))
        try form.addDataValidation(DataValidation(.wholeNumber(.between(1, 1_000_000)), errorMessage: "请输入1到1000000之间的整数"), to: WorksheetRange(row: 5, column: 1))
        try form.addDataValidation(DataValidation(.decimal(.greaterThanOrEqualTo(0)), errorStyle: .warning), to: WorksheetRange(row: 6, column: 1))
        try form.addDataValidation(DataValidation(.inlineList(["是", "否"])), to: WorksheetRange(row: 7, column: 3))
        try form.protect(.inputCellsOnly(password: "ronghe"))
        try form.setPageSetup(PageSetup(paper: .a4, fitToPagesWide: 1, fitToPagesTall: 1))

        try ranking.activate()
        try book.close()
    }

    @Test func everyFeatureTogether() throws {
        let directory = try WriterTestSupport.TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("两化融合评估.xlsx")
        try Self.writeReportWorkbook(to: path)
        #expect(WriterTestSupport.isZipFile(path))
    }

    @Test func everyFeatureTogetherInConstantMemoryMode() throws {
        let directory = try WriterTestSupport.TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("两化融合评估-流式.xlsx")
        try Self.writeReportWorkbook(to: path, constantMemory: true)
        #expect(WriterTestSupport.isZipFile(path))
    }

    @Test func theReportIsReproducible() throws {
        let directory = try WriterTestSupport.TemporaryDirectory()
        defer { directory.remove() }
        try Self.writeReportWorkbook(to: directory.path("a.xlsx"))
        try Self.writeReportWorkbook(to: directory.path("b.xlsx"))
        let first = try Data(contentsOf: URL(fileURLWithPath: directory.path("a.xlsx")))
        let second = try Data(contentsOf: URL(fileURLWithPath: directory.path("b.xlsx")))
        #expect(first == second)
    }
}
