import Foundation

/// 排名 / Ranking: every scored enterprise in rank order, the ranked first and then the unranked
/// (rank "—"), with its scores, stage, vetoes, selection decision and the reasons for it, and its
/// rank interval under weight uncertainty.
///
/// One row per enterprise, written top to bottom, so the sheet streams in constant-memory mode.
/// The header is frozen and filtered, totals carry a data bar (0–100), recommended rows are
/// shaded. It prints on A3 landscape (the usual paper for wide tables; a printer with A4 only
/// scales it down), one page wide, with the header on every page.
struct ReportRankingSheet {
    let facts: ReportFacts

    /// Where the table starts: a title, a subtitle, then the header.
    static let headerRow = 2

    /// The column headers, in order.
    var headers: [String] {
        let text = facts.text
        return [
            text("排名", "Rank"), text("统一社会信用代码", "Credit code"), text("企业名称", "Enterprise"),
            text("区县", "District"), text("行业", "Industry"), text("规模", "Size"), text("总分", "Total"),
            text("发展阶段", "Stage"),
        ] + facts.dimensions.map { facts.nodeTitle($0) } + [
            text("填报完整率", "Completeness"), text("一票否决", "Vetoes"), text("评选组别", "Track"),
            text("符合推荐条件", "Eligible"), text("拟推荐", "Recommended"), text("组内位次/名额", "Place / quota"),
            text("排名区间（5%–95%）", "Rank interval (5–95%)"), text("临界", "Close call"),
            text("评选说明", "Selection reasons"),
        ]
    }

    func write(_ sheet: ReportSheet) throws {
        let input = facts.input
        let text = facts.text
        let result = input.result
        let headers = self.headers
        let dimensionCount = facts.dimensions.count
        let totalColumn = 6
        let lastColumn = headers.count - 1
        let firstDataRow = Self.headerRow + 1
        let lastDataRow = Self.headerRow + max(1, result.count)

        let worksheet = sheet.sheet
        // English words wrap only between words, so its columns are a little wider.
        let english = input.language == .en
        let widths: [Double] = [6, 20, 24, 13, 20, english ? 8 : 6, 8, english ? 13 : 10]
            + [Double](repeating: english ? 11 : 8, count: dimensionCount)
            + [english ? 12 : 9, 14, 12, english ? 9 : 7, english ? 12 : 7, 9, 10, 6, 40]
        for (column, width) in widths.enumerated() { try worksheet.setColumn(column, width: width) }

        try sheet.title(text("\(input.campaign)：评估排名", "\(input.campaign): ranking"), columns: headers.count)
        let time = Self.timeText(input.batch.scoredAt, zone: input.timeZone)
        try sheet.subtitle(
            text(
                "指标体系 \(input.tree.id) \(input.tree.version) · 评分时间 \(time) · 引擎 \(input.batch.engineVersion) · 共 \(result.count) 家，参与排名 \(facts.rankedCount) 家",
                "Indicators \(input.tree.id) \(input.tree.version) · scored \(time) · engine \(input.batch.engineVersion) · \(result.count) enterprises, \(facts.rankedCount) ranked"),
            columns: headers.count)
        precondition(sheet.row == Self.headerRow, "the ranking header must be on its fixed row")
        try sheet.header(headers)
        // Set before the data rows: constant-memory mode needs the filter's last row unwritten.
        try worksheet.setAutoFilter(WorksheetRange(firstRow: Self.headerRow, firstColumn: 0, lastRow: lastDataRow, lastColumn: lastColumn))
        try worksheet.freezePanes(rows: firstDataRow, columns: 3)

        for position in facts.order {
            try writeRow(position, sheet: sheet)
        }

        if result.count > 0 {
            try worksheet.addConditionalFormat(
                .dataBar(.init(color: XLSXColor(rgb: 0x5B_9BD5), minimum: .number(0), maximum: .number(100))),
                to: WorksheetRange(rows: firstDataRow...lastDataRow, column: totalColumn))
        }
        try worksheet.setPageSetup(PageSetup(
            orientation: .landscape, paper: .a3, fitToPagesWide: 1, repeatRows: Self.headerRow...Self.headerRow,
            margins: .init(left: 0.3, right: 0.3, top: 0.6, bottom: 0.6),
            header: ReportSheet.pageHeader(campaign: input.campaign, sheet: sheet.name),
            footer: ReportSheet.pageFooter(text), centersHorizontally: true))
    }

    private func writeRow(_ position: Int, sheet: ReportSheet) throws {
        let input = facts.input
        let text = facts.text
        let result = input.result
        let profile = result.profiles[position]
        let fill = facts.isRecommended[position] ? ReportStyles.recommendedFill : nil
        func style(_ base: CellStyle) -> CellStyle { ReportStyles.filled(base, fill) }

        let decision = input.selection?.decisions[position]
        let robustness = facts.robustness(at: position)
        var values: [(ReportSheet.Value, CellStyle)] = [
            (result.ranks[position].overall.map { .number(Double($0)) } ?? .text("—"), style(ReportStyles.integer)),
            (.text(profile.uscc), style(ReportStyles.text)),
            (.text(profile.name), style(ReportStyles.wrappedText)),
            (.text(facts.districtLabel(profile.district)), style(ReportStyles.wrappedText)),
            (.text(facts.industryLabel(profile.industry)), style(ReportStyles.wrappedText)),
            (.text(profile.size.label.text(input.language)), style(ReportStyles.centered)),
            (.number(result.totals[position]), style(ReportStyles.score)),
            (.text(facts.stageName(result.stageIndices[position])), style(ReportStyles.centeredWrapped)),
        ]
        for node in facts.dimensions {
            values.append((.optionalNumber(result.nodes.score(row: position, node: node)), style(ReportStyles.dimension)))
        }
        let vetoes = facts.vetoReasons(at: position)
        let track = result.trackIndices[position].flatMap { input.tree.selection?.tracks[$0].name.text(input.language) }
        var place = ""
        if let decision, let placeNumber = decision.place, let cell = decision.cell {
            let quota = input.selection?.cells[cell].quota
            place = "\(placeNumber) / " + (quota.map(String.init) ?? text("不限", "no limit"))
        }
        let closeCall = robustness?.isCloseCall == true
        values += [
            (.number(result.completeness[position]), style(ReportStyles.percent)),
            (.text(vetoes), vetoes.isEmpty ? style(ReportStyles.wrappedText) : style(ReportStyles.flagged(ReportStyles.wrappedText, ReportStyles.warningRed))),
            (.text(track ?? ""), style(ReportStyles.wrappedText)),
            (.text(decision.map { text.yesNo($0.isEligible) } ?? ""), style(ReportStyles.centered)),
            (.text(decision.map { text.yesNo($0.isRecommended) } ?? ""), style(decision?.isRecommended == true ? ReportStyles.flagged(ReportStyles.centered, XLSXColor(rgb: 0x37_5623)) : ReportStyles.centered)),
            (.text(place), style(ReportStyles.centered)),
            (.text(facts.rankInterval(at: position) ?? ""), style(ReportStyles.centered)),
            (.text(closeCall ? text("临界", "Yes") : ""), style(closeCall ? ReportStyles.flagged(ReportStyles.centered, ReportStyles.closeCallOrange) : ReportStyles.centered)),
            (.text(facts.reasons(at: position)), style(ReportStyles.wrappedText)),
        ]
        try sheet.cells(values)
    }

    /// A time as `2026-05-20 09:30` in `zone`, for subtitles.
    static func timeText(_ date: Date, zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(
            format: "%04d-%02d-%02d %02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0,
            parts.minute ?? 0)
    }
}
