import Foundation

/// 推荐名单 / Recommended: the list for public notice (公示稿), per selection track and quota cell
/// in place order, with a notice header and a footer for the bureau's stamp and date.
///
/// Only the notice is in the print area; a line below it, not printed, tells staff where the
/// reasons for every enterprise not on the list are (the Ranking sheet's last column).
struct ReportRecommendedSheet {
    let facts: ReportFacts

    static let widths: [Double] = [6, 32, 21, 16, 30, 9, 12, 12, 8]

    /// The column headers of each track's table.
    var headers: [String] {
        let text = facts.text
        return [
            text("序号", "No."), text("企业名称", "Enterprise"), text("统一社会信用代码", "Credit code"),
            text("区县", "District"), text("行业", "Industry"), text("总分", "Total"), text("发展阶段", "Stage"),
            text("组内位次/名额", "Place / quota"), text("临界", "Close call"),
        ]
    }

    func write(_ sheet: ReportSheet) throws {
        let input = facts.input
        let text = facts.text
        let columns = Self.widths.count
        let width = Self.widths.reduce(0, +)
        for (column, columnWidth) in Self.widths.enumerated() { try sheet.sheet.setColumn(column, width: columnWidth) }

        try sheet.title(text("两化融合示范企业拟推荐名单（公示稿）", "Demonstration enterprises proposed for recognition (draft for public notice)"), columns: columns, height: 36)
        try sheet.subtitle(input.campaign, columns: columns)
        sheet.skip()

        guard let selection = input.selection else {
            try sheet.note(
                text("本次评估所用指标体系未设定评选规则，因此没有推荐名单。", "The indicator system used has no selection policy, so there is no recommended list."),
                columns: columns, width: width, style: ReportStyles.plainNote)
            try setPageSetup(sheet, lastRow: sheet.row - 1)
            return
        }

        try sheet.note(
            text(
                "经企业申报、数据核验和综合评分，按评选组别和名额择优确定以下拟推荐企业，现予公示。公示期为 ____ 年 __ 月 __ 日至 ____ 年 __ 月 __ 日。",
                "After application, data checks and scoring, the enterprises below are proposed, by selection track and quota, and are published for public notice from ____ to ____."),
            columns: columns, width: width, style: CellStyle(verticalAlignment: .top, wrapsText: true))
        sheet.skip()

        for (trackIndex, track) in selection.policy.tracks.enumerated() {
            let cells = selection.cells.filter { $0.track.id == track.id }
            let count = cells.reduce(0) { $0 + $1.recommendedCount }
            let ordinal = text(Self.chineseOrdinal(trackIndex + 1) + "、", "\(trackIndex + 1). ")
            try sheet.band(
                ordinal + track.name.text(input.language) + text("（拟推荐 \(count) 家）", " (\(count) proposed)"),
                columns: columns, style: Self.trackStyle, height: 24)
            if count > 0 { try sheet.header(headers) }
            var number = 0
            // The notice lists the cells that recommend someone; the others are named in the
            // note below it, for staff.
            for cell in cells where cell.recommendedCount > 0 {
                let quota = cell.quota.map { text("名额 \($0) 名", "quota \($0)") } ?? text("不限名额", "no quota limit")
                try sheet.band(
                    "\(cellLabel(cell.key)) · \(quota) · " + text("拟推荐 \(cell.recommendedCount) 名", "\(cell.recommendedCount) proposed"),
                    columns: columns, style: Self.cellStyle)
                for (place, position) in cell.recommended.enumerated() {
                    number += 1
                    try writeRow(position, number: number, place: place + 1, quota: cell.quota, sheet: sheet)
                }
            }
            if number == 0 {
                try sheet.band(text("（无拟推荐企业）", "(none proposed)"), columns: columns, style: Self.cellStyle)
            }
            sheet.skip()
        }

        try sheet.note(
            text(
                "公示期间，对名单有异议的，请以书面形式实名反映，并提供联系方式及必要的证明材料。",
                "Objections during the notice period should be made in writing, with the objector's name, contact details and any supporting evidence."),
            columns: columns, width: width, style: CellStyle(verticalAlignment: .top, wrapsText: true))
        sheet.skip()
        let right = CellStyle(horizontalAlignment: .right)
        try sheet.cells([(.text(text("（单位盖章）", "(Issuing authority and seal)")), right)], column: columns - 1)
        try sheet.cells([(.text(text("____ 年 ____ 月 ____ 日", "Date: ______________")), right)], column: columns - 1)
        let lastPrinted = sheet.row - 1
        sheet.skip()
        var note = text(
            "注（不打印）：未列入名单的参评企业，其未入选原因见“排名”表“评选说明”列；“临界”表示在权重扰动模拟中推荐结论不稳定，建议复核。",
            "Note (not printed): for every enterprise not on this list, the reasons are in the last column (Selection reasons) of the Ranking sheet; “close call” marks a decision that weight perturbation overturns often enough to deserve review.")
        let unused = selection.cells.filter { $0.recommendedCount == 0 }.map { cell in
            "\(cell.track.name.text(input.language)) · \(cellLabel(cell.key))"
                + (cell.members.isEmpty ? text("（无申报）", " (no applicants)") : text("（无符合条件者）", " (none eligible)"))
        }
        if !unused.isEmpty {
            note += text("\n以下名额单元无拟推荐企业：", "\nQuota cells with no one proposed: ") + unused.joined(separator: text.separator)
        }
        try sheet.note(note, columns: columns, width: width, style: ReportStyles.plainNote)
        try setPageSetup(sheet, lastRow: lastPrinted)
    }

    private static let trackStyle = CellStyle(
        isBold: true, fontSize: 12, fillColor: ReportStyles.trackFill, borders: ReportStyles.grid, verticalAlignment: .center)
    private static let cellStyle = CellStyle(
        isItalic: true, fillColor: ReportStyles.labelFill, borders: ReportStyles.grid, verticalAlignment: .center)

    private func writeRow(_ position: Int, number: Int, place: Int, quota: Int?, sheet: ReportSheet) throws {
        let input = facts.input
        let text = facts.text
        let result = input.result
        let profile = result.profiles[position]
        let closeCall = facts.robustness(at: position)?.isCloseCall == true
        try sheet.cells([
            (.number(Double(number)), ReportStyles.integer),
            (.text(profile.name), ReportStyles.wrappedText),
            (.text(profile.uscc), ReportStyles.text),
            (.text(facts.districtLabel(profile.district)), ReportStyles.text),
            (.text(facts.industryLabel(profile.industry)), ReportStyles.wrappedText),
            (.number(result.totals[position]), ReportStyles.score),
            (.text(facts.stageName(result.stageIndices[position])), ReportStyles.centered),
            (.text("\(place) / " + (quota.map(String.init) ?? text("不限", "no limit"))), ReportStyles.centered),
            (.text(closeCall ? text("临界", "Yes") : ""), closeCall ? ReportStyles.flagged(ReportStyles.centered, ReportStyles.closeCallOrange) : ReportStyles.centered),
        ])
    }

    /// A quota cell as shown: `区县 371402 德城区` (district names when known, industries with
    /// their names), or the whole track.
    func cellLabel(_ key: QuotaCellKey) -> String {
        let text = facts.text
        guard !key.dimensions.isEmpty else { return text("全组", "Whole track") }
        return zip(key.dimensions, key.values).map { dimension, value in
            let shown: String
            switch dimension {
            case .district: shown = facts.districtLabel(value)
            case .industry: shown = facts.industryLabel(value)
            case .industrySection:
                shown = value.first.flatMap { IndustryCode.sectionName($0) }.map { "\(value) \($0.text(facts.input.language))" } ?? value
            }
            return "\(dimension.label.text(facts.input.language)) \(shown)"
        }.joined(separator: " / ")
    }

    private func setPageSetup(_ sheet: ReportSheet, lastRow: Int) throws {
        try sheet.sheet.setPageSetup(PageSetup(
            orientation: .landscape, paper: .a4, fitToPagesWide: 1,
            printArea: WorksheetRange(firstRow: 0, firstColumn: 0, lastRow: max(0, lastRow), lastColumn: Self.widths.count - 1),
            margins: .init(left: 0.5, right: 0.5, top: 0.7, bottom: 0.7),
            footer: ReportSheet.pageFooter(facts.text), centersHorizontally: true))
    }

    /// 一, 二, … 九十九: the numbering of a Chinese list's top-level items.
    static func chineseOrdinal(_ number: Int) -> String {
        let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        guard number > 0, number < 100 else { return String(number) }
        if number < 10 { return digits[number] }
        let tens = number / 10
        let units = number % 10
        return (tens == 1 ? "" : digits[tens]) + "十" + (units == 0 ? "" : digits[units])
    }
}
