import Foundation

/// 数据质量 / Data quality: what intake received and refused (every rejected record with the
/// file, the place in it, whose it seems to be and why), and for every indicator how many
/// enterprises answered it, left it blank (and what was done about it), could not answer it, or
/// gave a value beyond its goalposts.
struct ReportDataQualitySheet {
    let facts: ReportFacts

    static let widths: [Double] = [30, 14, 21, 24, 10, 10, 10, 10, 10, 10, 10]
    private static let reasonColumn = 4

    func write(_ sheet: ReportSheet) throws {
        let input = facts.input
        let text = facts.text
        let columns = Self.widths.count
        for (column, width) in Self.widths.enumerated() { try sheet.sheet.setColumn(column, width: width) }

        try sheet.title(text("\(input.campaign)：数据质量", "\(input.campaign): data quality"), columns: columns)
        try sheet.subtitle(
            text("问卷受理情况与各指标的作答、缺失、插补、不适用和截断情况", "Intake, and how every indicator was answered, left blank, imputed, not applicable or clamped"),
            columns: columns)
        sheet.skip()

        try sheet.section(text("问卷受理", "Intake"), columns: columns)
        let intake = input.intake
        for (label, count) in [
            (text("提交问卷", "Surveys submitted"), intake.submitted), (text("受理", "Accepted"), intake.accepted),
            (text("退回", "Rejected"), intake.rejected), (text("被新提交替代", "Superseded by a resubmission"), intake.superseded),
            (text("参与评分", "Scored"), input.result.count),
        ] {
            try sheet.keyValue(label, .number(Double(count)), style: ReportStyles.integer)
        }
        sheet.skip()

        try writeRejections(sheet)
        try writeIndicators(sheet)

        try sheet.sheet.setPageSetup(PageSetup(
            orientation: .landscape, paper: .a4, fitToPagesWide: 1,
            margins: .init(left: 0.4, right: 0.4, top: 0.7, bottom: 0.7),
            header: ReportSheet.pageHeader(campaign: input.campaign, sheet: sheet.name),
            footer: ReportSheet.pageFooter(text), centersHorizontally: true))
    }

    private func writeRejections(_ sheet: ReportSheet) throws {
        let input = facts.input
        let text = facts.text
        let columns = Self.widths.count
        let lastColumn = columns - 1
        try sheet.section(text("退回的问卷", "Rejected surveys"), columns: columns)
        let rejections = input.intake.rejections
        if rejections.isEmpty {
            try sheet.cells([(.text(text("无退回的问卷。", "No survey was rejected.")), ReportStyles.plainNote)])
            sheet.skip()
            return
        }
        try sheet.header([
            text("文件", "File"), text("位置", "Place"), text("统一社会信用代码", "Credit code"), text("企业名称", "Enterprise"),
            text("原因", "Reason"),
        ] + [String](repeating: "", count: lastColumn - Self.reasonColumn))
        // The reason spans the rest of the row, under the header's last cells.
        let reasonWidth = Self.widths[Self.reasonColumn...].reduce(0, +)
        // One row per rejected record, its problems on separate lines of the reason cell.
        for rejection in rejections {
            let messages = rejection.messages.map { $0.text(input.language) }
            let reason = messages.isEmpty
                ? text("未说明原因", "no reason given")
                : messages.count == 1 ? messages[0] : messages.enumerated().map { "\($0 + 1). \($1)" }.joined(separator: "\n")
            let lines = [
                ReportSheet.lineCount(reason, width: reasonWidth),
                ReportSheet.lineCount(rejection.file, width: Self.widths[0]),
                ReportSheet.lineCount(rejection.name ?? "", width: Self.widths[3]),
            ].max()!
            if lines > 1 { try sheet.sheet.setRow(sheet.row, height: ReportSheet.height(lines: lines)) }
            try sheet.write(.text(rejection.file), column: 0, style: ReportStyles.wrappedText)
            try sheet.write(.text(rejection.place ?? ""), column: 1, style: ReportStyles.text)
            try sheet.write(.text(rejection.uscc ?? ""), column: 2, style: ReportStyles.text)
            try sheet.write(.text(rejection.name ?? ""), column: 3, style: ReportStyles.wrappedText)
            try sheet.sheet.merge(
                WorksheetRange(row: sheet.row, columns: Self.reasonColumn...lastColumn), text: reason, style: ReportStyles.wrappedText)
            sheet.skip()
        }
        sheet.skip()
    }

    /// The per-indicator table's column headers after the indicator itself.
    var indicatorHeaders: [String] {
        let text = facts.text
        return [
            text("指标", "Indicator"), text("有效权重", "Effective weight"), text("作答", "Answered"), text("未填", "Blank"),
            text("未填按 0 分", "Blank, scored 0"), text("行业中位数插补", "Imputed (industry median)"),
            text("权重分给同级", "Weight re-spread"), text("不适用", "Not applicable"),
            text("超出目标值被截断", "Clamped to goalposts"), text("分母为 0", "Zero denominator"), text("未填率", "Blank rate"),
        ]
    }

    private func writeIndicators(_ sheet: ReportSheet) throws {
        let input = facts.input
        let text = facts.text
        let columns = Self.widths.count
        try sheet.section(text("各指标数据情况", "Indicators"), columns: columns)
        try sheet.header(indicatorHeaders, height: 36)
        let scored = input.result.count
        for leaf in facts.leafQuality {
            let node = facts.summary.nodes[leaf.node]
            let counts = [
                leaf.answered, leaf.missing, leaf.zeroForMissing, leaf.imputed, leaf.respread, leaf.notApplicable, leaf.clamped,
                leaf.zeroDenominator,
            ]
            try sheet.cells(
                [
                    (.text(facts.nodeTitle(leaf.node)), ReportStyles.text),
                    (node.effectiveWeight.map { .number($0) } ?? .text(text("按批次", "by batch")), ReportStyles.percent),
                ] + counts.map { (.number(Double($0)), ReportStyles.integer) }
                    + [(scored > 0 ? .number(Double(leaf.missing) / Double(scored)) : .blank, ReportStyles.percent)])
        }
        try sheet.note(
            text(
                "未填：企业未作答（不含“不适用”）；其处理方式见“指标体系”表，按 0 分、以同行业已答企业的中位数插补，或把权重分给同级指标。不适用：题目对该企业不适用（如非重点用能单位），权重分给同级指标。截断：填报值超出目标值区间，按 0 分或 100 分计。分母为 0：比值无法计算，按未填处理。",
                "Blank: not answered (not-applicable excluded); the Method sheet says what each indicator does about it: score 0, take the median of the same industry's answers, or re-spread the weight over its siblings. Not applicable: the question does not apply to the enterprise (e.g. not a designated energy user); its weight is re-spread. Clamped: the value lay beyond the goalposts and scored 0 or 100. Zero denominator: the ratio cannot be computed and counts as blank."),
            columns: columns, width: Self.widths.reduce(0, +))
    }
}
