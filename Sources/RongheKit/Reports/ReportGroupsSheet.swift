import Foundation

/// 分组 / Groups: the enterprises by district, by industry and by size class — how many, how many
/// ranked, the ranked enterprises' mean, median and highest totals, how many in each stage, how
/// many recommended — with a bar chart of the district means.
struct ReportGroupsSheet {
    let facts: ReportFacts

    /// Whether any enterprise has no stage, which adds a column for them.
    private var showsUnstaged: Bool { (facts.stageCounts.last ?? 0) > 0 }

    var headers: [String] {
        let text = facts.text
        var stages = facts.input.tree.stages.indices.map { facts.stageName($0) }
        if showsUnstaged { stages.append(facts.stageName(nil)) }
        return [
            "", text("企业数", "Enterprises"), text("参与排名", "Ranked"), text("平均分", "Mean"), text("中位数", "Median"),
            text("最高分", "Highest"),
        ] + stages + [text("拟推荐", "Recommended")]
    }

    func write(_ sheet: ReportSheet) throws {
        let input = facts.input
        let text = facts.text
        let columns = headers.count
        let worksheet = sheet.sheet
        worksheet.enableAutoFit(ColumnWidth.FitOptions(padding: 2, minimum: 14, maximum: 40))
        for column in 1..<columns { try worksheet.setColumn(column, width: 9) }

        try sheet.title(text("\(input.campaign)：分组统计", "\(input.campaign): groups"), columns: columns)
        try sheet.subtitle(
            text("平均分、中位数、最高分按参与排名的企业计算；企业数、阶段和推荐数包括全部参与评分的企业",
                 "Mean, median and highest are over ranked enterprises; counts, stages and recommendations include every scored enterprise"),
            columns: columns)
        sheet.skip()

        let districtStart = sheet.row
        let (first, last) = try table(text("按区县", "By district"), groupTitle: text("区县", "District"), facts.districts, sheet: sheet)
        if last >= first {
            let count = last - first + 1
            let chart = Chart(
                .bar(.clustered), title: text("各区县平均分", "Mean total by district"),
                series: [ChartSeries(
                    name: .text(text("平均分", "Mean")),
                    categories: worksheet.reference(to: WorksheetRange(rows: first...last, column: 0)),
                    values: worksheet.reference(to: WorksheetRange(rows: first...last, column: 3)),
                    color: ReportStyles.navy, dataLabels: ChartDataLabels(position: .outsideEnd, numberFormat: "0.0"))],
                categoryAxis: ChartAxis(isReversed: true), valueAxis: ChartAxis(minimum: 0, maximum: 100, majorUnit: 20),
                legend: .none)
            try worksheet.insertChart(
                chart, row: districtStart, column: columns + 1,
                size: ChartSize(width: 480, height: min(4000, max(260, 24 * count + 90))))
        }
        sheet.skip()
        _ = try table(text("按行业", "By industry"), groupTitle: text("行业", "Industry"), facts.industries, sheet: sheet)
        sheet.skip()
        _ = try table(text("按企业规模", "By size class"), groupTitle: text("规模", "Size"), facts.sizes, sheet: sheet)

        try worksheet.setPageSetup(PageSetup(
            orientation: .landscape, paper: .a4, fitToPagesWide: 1,
            margins: .init(left: 0.5, right: 0.5, top: 0.7, bottom: 0.7),
            header: ReportSheet.pageHeader(campaign: input.campaign, sheet: sheet.name),
            footer: ReportSheet.pageFooter(text), centersHorizontally: true))
    }

    /// Writes one table and returns its first and last data rows.
    private func table(
        _ title: String, groupTitle: String, _ groups: [ReportFacts.Group], sheet: ReportSheet
    ) throws -> (Int, Int) {
        var headers = self.headers
        headers[0] = groupTitle
        try sheet.section(title, columns: headers.count)
        try sheet.header(headers)
        let first = sheet.row
        let stageSlots = facts.input.tree.stages.count + (showsUnstaged ? 1 : 0)
        for group in groups {
            // Blank rather than a dash when no member is ranked, so the chart shows a gap, not 0.
            func score(_ value: Double?) -> ReportSheet.Value { value.map { .number($0) } ?? .blank }
            var values: [(ReportSheet.Value, CellStyle)] = [
                (.text(group.label), ReportStyles.text),
                (.number(Double(group.members)), ReportStyles.integer),
                (.number(Double(group.totals.count)), ReportStyles.integer),
                (score(group.totals.mean), ReportStyles.score),
                (score(group.totals.median), ReportStyles.score),
                (score(group.totals.maximum), ReportStyles.score),
            ]
            for slot in 0..<stageSlots { values.append((.number(Double(group.stageCounts[slot])), ReportStyles.integer)) }
            values.append((.number(Double(group.recommended)), ReportStyles.integer))
            try sheet.cells(values)
        }
        return (first, sheet.row - 1)
    }
}
