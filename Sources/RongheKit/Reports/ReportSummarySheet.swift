import Foundation

/// 总览 / Summary: what the report is about, how many enterprises took part and how they fared,
/// the stage distribution and the dimension means with a chart each, and notes on method.
///
/// Layout: columns A–F hold the tables, charts sit to their right from column H; landscape, one
/// page wide.
struct ReportSummarySheet {
    let facts: ReportFacts

    static let widths: [Double] = [26, 26, 12, 12, 12, 12]
    /// The tables' columns, a gap, and the default-width columns the charts cover.
    static let printedColumns = 14

    func write(_ sheet: ReportSheet) throws {
        let input = facts.input
        let text = facts.text
        let tree = input.tree
        let columns = Self.widths.count
        for (column, width) in Self.widths.enumerated() { try sheet.sheet.setColumn(column, width: width) }

        // Titles span the charts too, so they sit in the middle of the printed page.
        try sheet.title(text("\(input.campaign)：评估结果总览", "\(input.campaign): assessment summary"), columns: Self.printedColumns)
        try sheet.subtitle(
            text("两化融合发展水平评估 · 供领导决策参阅", "Informatization and industrialization integration assessment · for leaders' review"),
            columns: Self.printedColumns)
        sheet.skip()

        try sheet.section(text("基本信息", "About this report"), columns: columns)
        let valueColumns = columns - 1
        try sheet.keyValue(text("评估活动", "Campaign"), .text(input.campaign), valueColumns: valueColumns, style: ReportStyles.wrappedText)
        try sheet.keyValue(
            text("指标体系", "Indicator system"),
            .text(text("\(tree.name.zh)（\(tree.id)，版本 \(tree.version)）", "\(tree.name.text(.en)) (\(tree.id), version \(tree.version))")),
            valueColumns: valueColumns, style: ReportStyles.wrappedText)
        try sheet.keyValue(text("指标体系指纹（SHA-256）", "Tree fingerprint (SHA-256)"), .text(tree.hash), valueColumns: valueColumns)
        try sheet.keyValue(
            text("评分批次", "Scoring batch"),
            .text(input.batch.id ?? text("直接评分（未入库）", "scored from files (not stored)")), valueColumns: valueColumns)
        try sheet.keyValue(
            text("评分时间", "Scored at"),
            .text(ReportRankingSheet.timeText(input.batch.scoredAt, zone: input.timeZone) + Self.zoneSuffix(input.timeZone, at: input.batch.scoredAt)),
            valueColumns: valueColumns)
        try sheet.keyValue(text("评分引擎版本", "Scoring engine"), .text(input.batch.engineVersion), valueColumns: valueColumns)
        try sheet.keyValue(
            text("稳健性分析", "Robustness analysis"), .text(robustnessLine), valueColumns: valueColumns,
            style: ReportStyles.wrappedText)
        sheet.skip()

        try sheet.section(text("数量统计", "Counts"), columns: columns)
        try sheet.header([text("项目", "Item"), text("企业数", "Enterprises")])
        let intake = input.intake
        let counts: [(String, Int)] = [
            (text("提交问卷", "Surveys submitted"), intake.submitted),
            (text("受理", "Accepted"), intake.accepted),
            (text("退回（见“数据质量”）", "Rejected (see Data quality)"), intake.rejected),
            (text("被新提交替代", "Superseded by a resubmission"), intake.superseded),
            (text("参与评分", "Scored"), input.result.count),
            (text("参与排名（填报完整）", "Ranked (complete enough)"), facts.rankedCount),
            (text("一票否决", "Vetoed"), facts.vetoedCount),
            (text("符合推荐条件", "Eligible for selection"), facts.eligibleCount),
            (text("拟推荐", "Recommended"), facts.recommendedCount),
            (text("临界，建议复核", "Close calls to review"), facts.closeCallCount),
        ]
        for (label, count) in counts {
            try sheet.cells([(.text(label), ReportStyles.label), (.number(Double(count)), ReportStyles.integer)])
        }
        sheet.skip()

        try writeStages(sheet)
        try writeDimensions(sheet)
        try writeNotes(sheet)

        try sheet.sheet.setPageSetup(PageSetup(
            orientation: .landscape, paper: .a4, fitToPagesWide: 1,
            margins: .init(left: 0.5, right: 0.5, top: 0.7, bottom: 0.7),
            header: ReportSheet.pageHeader(campaign: input.campaign, sheet: sheet.name),
            footer: ReportSheet.pageFooter(text), centersHorizontally: true))
    }

    /// ` (UTC+8)`: the offset a time is shown in.
    static func zoneSuffix(_ zone: TimeZone, at date: Date) -> String {
        let seconds = zone.secondsFromGMT(for: date)
        let hours = seconds / 3600
        let minutes = abs(seconds % 3600) / 60
        return " (UTC" + (seconds >= 0 ? "+" : "-") + "\(abs(hours))" + (minutes == 0 ? "" : String(format: ":%02d", minutes)) + ")"
    }

    /// The analysis in one line: runs, seed, spread and the close-call share, or "not run".
    var robustnessLine: String {
        let text = facts.text
        guard let settings = facts.input.robustness?.settings else {
            return text("未进行", "not run")
        }
        let spread = Int((settings.weightSpread * 100).rounded())
        let share = String(format: "%g", settings.closeCallShare * 100)
        var line = text(
            "\(settings.runs) 次蒙特卡洛模拟，随机种子 \(settings.seed)，各权重在 ±\(spread)% 内随机扰动；结论被推翻的模拟占 \(share)% 以上即为临界",
            "\(settings.runs) Monte Carlo runs, seed \(settings.seed), every weight varied within ±\(spread)%; a decision overturned in \(share)% of runs or more is a close call")
        switch settings.normalization {
        case .none: break
        case .perLeaf(let probability):
            line += text(
                "；每个数值指标以 \(String(format: "%g", probability * 100))% 的概率改用批内极差标准化",
                "; each numeric indicator switches to batch min-max with probability \(String(format: "%g", probability))")
        case .perRun(let probability):
            line += text(
                "；每次模拟以 \(String(format: "%g", probability * 100))% 的概率对全部数值指标改用批内极差标准化",
                "; each run switches all numeric indicators to batch min-max with probability \(String(format: "%g", probability))")
        }
        return line
    }

    private func writeStages(_ sheet: ReportSheet) throws {
        let text = facts.text
        let tree = facts.input.tree
        let start = sheet.row
        try sheet.section(text("发展阶段分布", "Development stages"), columns: Self.widths.count)
        try sheet.header([text("发展阶段", "Stage"), text("条件", "Condition"), text("企业数", "Enterprises"), text("占比", "Share")])
        let firstDataRow = sheet.row
        let scored = max(1, facts.input.result.count)
        var rows = tree.stages.indices.map { ($0 as Int?, facts.stageCounts[$0]) }
        if let unstaged = facts.stageCounts.last, unstaged > 0 { rows.append((nil, unstaged)) }
        for (stage, count) in rows {
            var condition = ""
            if let stage {
                let definition = tree.stages[stage]
                condition = text("总分 ≥ ", "total ≥ ") + formatNumber(definition.minimumTotal)
                if let requires = definition.requires { condition += text("，且 ", ", and ") + requires.summary }
            }
            try sheet.cells([
                (.text(facts.stageName(stage)), ReportStyles.text), (.text(condition), ReportStyles.text),
                (.number(Double(count)), ReportStyles.integer), (.number(Double(count) / Double(scored)), ReportStyles.percent),
            ])
        }
        let lastDataRow = sheet.row - 1
        if lastDataRow >= firstDataRow {
            let names = sheet.sheet.reference(to: WorksheetRange(rows: firstDataRow...lastDataRow, column: 0))
            let values = sheet.sheet.reference(to: WorksheetRange(rows: firstDataRow...lastDataRow, column: 2))
            let palette = [XLSXColor(rgb: 0xA5_A5A5), XLSXColor(rgb: 0x5B_9BD5), XLSXColor(rgb: 0x44_72C4), XLSXColor(rgb: 0x1F_4E79), .gray]
            let pie = Chart(
                .pie, title: text("发展阶段分布", "Development stages"),
                series: [ChartSeries(
                    name: .text(text("企业数", "Enterprises")), categories: names, values: values,
                    pointColors: (0..<rows.count).map { palette[$0 % palette.count] },
                    dataLabels: ChartDataLabels(
                        showsValue: true, showsCategory: false, showsPercentage: true, showsLeaderLines: true,
                        position: .bestFit))],
                legend: .right)
            try sheet.sheet.insertChart(pie, row: start, column: 7, size: ChartSize(width: 460, height: 260))
        }
        // Leave room for the chart beside the table before the next section.
        sheet.skip(max(1, start + 15 - sheet.row))
    }

    private func writeDimensions(_ sheet: ReportSheet) throws {
        let text = facts.text
        let start = sheet.row
        try sheet.section(text("各维度得分（参与排名企业）", "Dimension scores (ranked enterprises)"), columns: Self.widths.count)
        try sheet.header([
            text("维度", "Dimension"), text("权重", "Weight"), text("平均分", "Mean"), text("中位数", "Median"),
            text("最高分", "Highest"), text("最低分", "Lowest"),
        ])
        let firstDataRow = sheet.row
        var rows: [(String, Double?, ReportFacts.Spread)] = facts.dimensions.enumerated().map { slot, node in
            (facts.nodeTitle(node), facts.summary.nodes[node].weight, facts.dimensionSpreads[slot])
        }
        rows.append((text("总分", "Total"), 1, facts.totals))
        for (label, weight, spread) in rows {
            try sheet.cells([
                (.text(label), ReportStyles.text), (weight.map { .number($0) } ?? .text(text("按批次", "by batch")), ReportStyles.percent),
                (.optionalNumber(spread.mean), ReportStyles.score), (.optionalNumber(spread.median), ReportStyles.score),
                (.optionalNumber(spread.maximum), ReportStyles.score), (.optionalNumber(spread.minimum), ReportStyles.score),
            ])
        }
        let lastDimensionRow = firstDataRow + facts.dimensions.count - 1
        if lastDimensionRow >= firstDataRow {
            let chart = Chart(
                .column(.clustered), title: text("各维度平均分", "Mean score by dimension"),
                series: [ChartSeries(
                    name: .text(text("平均分", "Mean")),
                    categories: sheet.sheet.reference(to: WorksheetRange(rows: firstDataRow...lastDimensionRow, column: 0)),
                    values: sheet.sheet.reference(to: WorksheetRange(rows: firstDataRow...lastDimensionRow, column: 2)),
                    color: ReportStyles.navy, dataLabels: ChartDataLabels(position: .outsideEnd, numberFormat: "0.0"))],
                valueAxis: ChartAxis(minimum: 0, maximum: 100, majorUnit: 20), legend: .none)
            try sheet.sheet.insertChart(chart, row: start, column: 7, size: ChartSize(width: 460, height: 280))
        }
        sheet.skip(max(1, start + 16 - sheet.row))
    }

    private func writeNotes(_ sheet: ReportSheet) throws {
        let text = facts.text
        let input = facts.input
        let columns = Self.widths.count
        let width = Self.widths.reduce(0, +)
        try sheet.section(text("方法说明", "Notes on method"), columns: columns)
        let minimum = String(format: "%g", input.tree.ranking.minimumCompleteness * 100)
        var notes = [
            text(
                "总分为各维度得分（0–100 分）按指标体系权重加权所得。排名按未经四舍五入的总分计算，表中仅显示两位小数，故显示相同的两个总分仍可能名次不同。",
                "The total is the weighted score of the dimensions (0–100) under the indicator system's weights. Ranks are computed on unrounded totals; tables show two decimals, so two totals that look equal may still rank differently."),
            text(
                "总分完全相同的企业并列同一名次，其后名次顺延（如 1、2、2、4）；并列企业按统一社会信用代码顺序列出。",
                "Enterprises with exactly equal totals share a rank and the next rank is skipped (1, 2, 2, 4); tied enterprises are listed in credit-code order."),
            text(
                "填报完整率（已答的适用计分题目占比）低于 \(minimum)% 的企业参与评分但不参与排名，排名显示为“—”，列于排名表末尾。",
                "Enterprises that answered less than \(minimum)% of the applicable scored questions are scored but not ranked; their rank shows as “—” and they are listed last."),
        ]
        if let policy = input.selection?.policy {
            let keys = policy.tieBreak.map { key -> String in
                let node: LocalizedText? = {
                    if case .node(let id) = key { return input.tree.node(id)?.name }
                    return nil
                }()
                return key.label(nodeName: node).text(input.language)
            }
            let order = (keys + [text("统一社会信用代码在前者优先", "smaller credit code first")]).joined(separator: text("，", ", then "))
            notes.append(text(
                "拟推荐名单按评选组别和名额单元分别产生：符合条件（未被一票否决、达到组别最低分）的企业按总分由高到低排序，取名额内者；总分相同时依次比较：\(order)。",
                "The recommended list is drawn per selection track and quota cell: eligible enterprises (not vetoed, at or above the track's minimum) are placed by total, highest first, and those within the quota are recommended; equal totals are separated by: \(order)."))
        }
        if let settings = input.robustness?.settings {
            let spread = Int((settings.weightSpread * 100).rounded())
            let share = String(format: "%g", settings.closeCallShare * 100)
            notes.append(text(
                "临界：把每个权重在 ±\(spread)% 内随机扰动、重复计算 \(settings.runs) 次，若至少 \(share)% 的结果与本名单的推荐结论相反，即标为“临界”，建议评审时复核。排名区间为这些模拟中名次的 5%–95% 分位。",
                "Close call: with every weight varied at random within ±\(spread)% over \(settings.runs) runs, a decision that at least \(share)% of the runs overturn is marked a close call, for the panel to review. The rank interval is the 5th–95th percentile of the ranks across these runs."))
        }
        notes.append(text(
            "平均分、中位数、最高分和最低分按参与排名的企业计算；企业数和阶段分布包括全部参与评分的企业。",
            "Means, medians, highest and lowest scores are over the ranked enterprises; counts and the stage distribution include every scored enterprise."))
        for (index, note) in notes.enumerated() {
            try sheet.note("\(index + 1). \(note)", columns: columns, width: width)
        }
    }
}
