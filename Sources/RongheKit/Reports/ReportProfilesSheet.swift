import Foundation

/// 企业画像 / Profiles: one printable block per recommended enterprise (and per enterprise named
/// in ``ReportInput/profiles``): its standing, its dimension scores against its industry's and
/// the batch's means with a radar chart, and its three strongest and three weakest indicators.
///
/// Each block starts on a new printed page, A4 landscape (manual page breaks; the sheet prints at
/// a fixed scale because fit-to-page printing ignores manual breaks).
struct ReportProfilesSheet {
    let facts: ReportFacts
    /// The positions to profile, in block order.
    let positions: [Int]
    /// How many recommended enterprises were left out for the block limit.
    let omitted: Int

    /// Dimension and strongest-indicator tables in A–D, the radar chart and the weakest
    /// indicators in F–I: 128 characters, one A4 landscape page wide (and one block a page tall) at 85%.
    static let widths: [Double] = [30, 12, 12, 12, 2, 30, 10, 10, 10]
    /// Where the radar chart goes, right of the dimension table.
    static let chartColumn = 5

    /// The indicators shown as strongest and weakest.
    static let indicatorCount = 3

    func write(_ sheet: ReportSheet) throws {
        let input = facts.input
        let text = facts.text
        let worksheet = sheet.sheet
        for (column, width) in Self.widths.enumerated() { try worksheet.setColumn(column, width: width) }
        let span = Self.widths.count

        try sheet.title(text("\(input.campaign)：企业画像", "\(input.campaign): enterprise profiles"), columns: span)
        var intro = text(
            "拟推荐企业 \(facts.recommendedCount) 家" + (input.profiles.isEmpty ? "" : "，另加指定企业 \(input.profiles.count) 家"),
            "\(facts.recommendedCount) recommended" + (input.profiles.isEmpty ? "" : ", plus \(input.profiles.count) named"))
        if omitted > 0 {
            intro += text("；篇幅所限，另有 \(omitted) 家拟推荐企业未列出", "; \(omitted) more recommended enterprises are left out for length")
        }
        try sheet.subtitle(intro, columns: span)
        sheet.skip()
        if positions.isEmpty {
            try sheet.note(
                text("没有需要画像的企业：本次无拟推荐企业，也未指定企业。", "No enterprise to profile: none is recommended and none was named."),
                columns: span, width: 90, style: ReportStyles.plainNote)
        }

        let industries = Set(positions.map { input.result.profiles[$0].industry })
        let means = facts.nodeMeans(industries: industries)
        let industrySizes = Dictionary(grouping: input.result.indices.filter { input.result.isRanked[$0] }) {
            input.result.profiles[$0].industry
        }.mapValues(\.count)
        var breaks: [Int] = []
        for (index, position) in positions.enumerated() {
            if index > 0 { breaks.append(sheet.row) }
            let industry = input.result.profiles[position].industry
            try writeBlock(
                number: index + 1, position: position, industryMeans: means[industry] ?? [],
                industrySize: industrySizes[industry] ?? 0, batchMeans: means[nil] ?? [], sheet: sheet)
        }
        try worksheet.setPageBreaks(beforeRows: breaks)
        try worksheet.setPageSetup(PageSetup(
            orientation: .landscape, paper: .a4, scale: 85,
            margins: .init(left: 0.5, right: 0.5, top: 0.6, bottom: 0.6),
            header: ReportSheet.pageHeader(campaign: input.campaign, sheet: sheet.name),
            footer: ReportSheet.pageFooter(text)))
    }

    private func writeBlock(
        number: Int, position: Int, industryMeans: [Double?], industrySize: Int, batchMeans: [Double?], sheet: ReportSheet
    ) throws {
        let input = facts.input
        let text = facts.text
        let result = input.result
        let profile = result.profiles[position]
        let span = Self.widths.count
        let blockTitle = CellStyle(
            isBold: true, fontSize: 14, fontColor: .white, fillColor: ReportStyles.navy, verticalAlignment: .center)
        try sheet.cells(
            [(.text("\(number). \(profile.name)"), blockTitle)] + (1..<span).map { _ in (ReportSheet.Value.blank, blockTitle) },
            height: 26)
        try sheet.cells([(.text(
            "\(text("统一社会信用代码", "Credit code")) \(profile.uscc) · \(facts.districtLabel(profile.district)) · "
                + "\(facts.industryLabel(profile.industry)) · \(profile.size.label.text(input.language))"), ReportStyles.plainNote)])

        let rank = result.ranks[position].overall.map { "\($0) / \(facts.rankedCount)" } ?? text("未参与排名", "not ranked")
        let interval = facts.rankInterval(at: position).map { text("（区间 \($0)）", " (interval \($0))") } ?? ""
        try sheet.cells([
            (.text(text("总分", "Total")), ReportStyles.label), (.number(result.totals[position]), ReportStyles.score),
            (.text(text("排名", "Rank")), ReportStyles.label), (.text(rank + interval), ReportStyles.text),
        ])
        try sheet.cells([
            (.text(text("发展阶段", "Stage")), ReportStyles.label),
            (.text(facts.stageName(result.stageIndices[position])), ReportStyles.wrappedText),
            (.text(text("填报完整率", "Completeness")), ReportStyles.label),
            (.number(result.completeness[position]), ReportStyles.percent),
        ])
        var conclusion = facts.reasons(at: position)
        if facts.robustness(at: position)?.isCloseCall == true {
            conclusion += text.separator + text("临界，建议复核", "close call, to review")
        }
        if conclusion.isEmpty { conclusion = facts.vetoReasons(at: position) }
        try sheet.keyValue(
            text("评选结论", "Selection"), .text(conclusion.isEmpty ? "—" : conclusion), valueColumns: 3,
            style: ReportStyles.wrappedText)
        sheet.skip()

        // Dimensions, with the radar chart beside them.
        let chartRow = sheet.row
        try sheet.header([
            text("维度", "Dimension"), text("本企业", "This enterprise"),
            text("行业均值（n=\(industrySize)）", "Industry mean (n=\(industrySize))"), text("全体均值", "All ranked"),
        ])
        let firstDimension = sheet.row
        for node in facts.dimensions {
            try sheet.cells([
                (.text(facts.nodeTitle(node)), ReportStyles.text),
                (.optionalNumber(result.nodes.score(row: position, node: node)), ReportStyles.dimension),
                (industryMeans.indices.contains(node) ? industryMeans[node].map { .number($0) } ?? .blank : .blank, ReportStyles.dimension),
                (batchMeans.indices.contains(node) ? batchMeans[node].map { .number($0) } ?? .blank : .blank, ReportStyles.dimension),
            ])
        }
        let lastDimension = sheet.row - 1
        try sheet.cells([
            (.text(text("总分", "Total")), ReportStyles.label), (.number(result.totals[position]), ReportStyles.score),
            (industryMeans.first.map { $0.map { .number($0) } ?? .blank } ?? .blank, ReportStyles.score),
            (batchMeans.first.map { $0.map { .number($0) } ?? .blank } ?? .blank, ReportStyles.score),
        ])
        if lastDimension >= firstDimension {
            let categories = sheet.sheet.reference(to: WorksheetRange(rows: firstDimension...lastDimension, column: 0))
            let radar = Chart(
                .radar(.markers), title: text("各维度得分与行业均值", "Dimensions against the industry mean"),
                series: [
                    ChartSeries(
                        name: .text(text("本企业", "This enterprise")), categories: categories,
                        values: sheet.sheet.reference(to: WorksheetRange(rows: firstDimension...lastDimension, column: 1)),
                        color: ReportStyles.navy, lineWidth: 2.25),
                    ChartSeries(
                        name: .text(text("行业均值", "Industry mean")), categories: categories,
                        values: sheet.sheet.reference(to: WorksheetRange(rows: firstDimension...lastDimension, column: 2)),
                        color: .orange, lineWidth: 1.5),
                ],
                valueAxis: ChartAxis(minimum: 0, maximum: 100, majorUnit: 20), legend: .bottom)
            try sheet.sheet.insertChart(
                radar, row: chartRow, column: Self.chartColumn, size: ChartSize(width: 440, height: 290, xOffset: 4))
        }
        sheet.skip(max(1, chartRow + 15 - sheet.row))

        // Strongest on the left, weakest on the right, row by row.
        let (strongest, weakest) = indicators(of: position)
        let tables = [
            (column: 0, title: text("优势指标", "Strongest indicators"), leaves: strongest),
            (column: Self.chartColumn, title: text("短板指标", "Weakest indicators"), leaves: weakest),
        ]
        let headerRow = sheet.row
        try sheet.header([text("优势指标", "Strongest indicators"), text("得分", "Score"), text("行业均值", "Industry mean"), text("有效权重", "Weight")])
        for (offset, label) in [tables[1].title, text("得分", "Score"), text("行业均值", "Industry mean"), text("有效权重", "Weight")].enumerated() {
            try sheet.sheet.write(label, row: headerRow, column: Self.chartColumn + offset, style: ReportStyles.header)
        }
        for line in 0..<max(1, Self.indicatorCount) {
            for table in tables {
                if table.leaves.isEmpty, line == 0 {
                    try sheet.write(.text(text("（无得分指标）", "(no scored indicator)")), column: table.column, style: ReportStyles.text)
                }
                guard line < table.leaves.count else { continue }
                let (node, score) = table.leaves[line]
                let values: [(ReportSheet.Value, CellStyle)] = [
                    (.text(facts.nodeTitle(node)), ReportStyles.text), (.number(score), ReportStyles.dimension),
                    (industryMeans.indices.contains(node) ? industryMeans[node].map { .number($0) } ?? .blank : .blank, ReportStyles.dimension),
                    (.optionalNumber(facts.summary.nodes[node].effectiveWeight), ReportStyles.percent),
                ]
                for (offset, (value, style)) in values.enumerated() {
                    try sheet.write(value, column: table.column + offset, style: style)
                }
            }
            sheet.skip()
        }
        sheet.skip()
    }

    /// The enterprise's strongest and weakest scored leaves (node index and score): highest and
    /// lowest scores, ties going to the indicator that weighs more, then to tree order. The two
    /// lists do not overlap.
    func indicators(of position: Int) -> (strongest: [(Int, Double)], weakest: [(Int, Double)]) {
        let result = facts.input.result
        let scored = result.plan.leaves.compactMap { leaf -> (Int, Double, Double)? in
            guard let score = result.nodes.score(row: position, node: leaf.node) else { return nil }
            return (leaf.node, score, facts.summary.nodes[leaf.node].effectiveWeight ?? 0)
        }
        let strongest = scored.sorted { a, b in
            a.1 != b.1 ? a.1 > b.1 : a.2 != b.2 ? a.2 > b.2 : a.0 < b.0
        }.prefix(Self.indicatorCount)
        let taken = Set(strongest.map(\.0))
        let weakest = scored.filter { !taken.contains($0.0) }.sorted { a, b in
            a.1 != b.1 ? a.1 < b.1 : a.2 != b.2 ? a.2 > b.2 : a.0 < b.0
        }.prefix(Self.indicatorCount)
        return (strongest.map { ($0.0, $0.1) }, weakest.map { ($0.0, $0.1) })
    }
}
