import Foundation

/// One reason an enterprise is or is not recommended, as data: a report renders it with
/// ``text(_:)`` in Chinese or English, or reads its values to build its own wording.
///
/// Scores are carried unrounded; the texts show two decimals, or more when two decimals would
/// make a score look equal to the minimum it misses.
public enum SelectionReason: Equatable, Sendable {
    /// Eligible and within its cell's quota: recommended (拟推荐).
    case recommended(track: SelectionTrack, cell: QuotaCellKey, place: Int, quota: Int?)
    /// Meets no track's condition, so it competes nowhere.
    case noTrack
    /// Answered less than the share of applicable questions ranking requires.
    case notRanked(completeness: Double, minimum: Double)
    /// Meets a veto rule (一票否决); `reason` is the rule's text from the tree.
    case vetoed(rule: String, reason: LocalizedText)
    /// The total is below the track's minimum.
    case belowTrackMinimum(track: SelectionTrack, total: Double, minimum: Double)
    /// A node's score is below the track's minimum for it; nil when the node has no score (not
    /// applicable or not answered), which does not meet a minimum either.
    case belowNodeMinimum(track: SelectionTrack, node: String, nodeName: LocalizedText, score: Double?, minimum: Double)
    /// Eligible, but placed after the cell's quota.
    case outsideQuota(track: SelectionTrack, cell: QuotaCellKey, place: Int, quota: Int)
    /// At the quota line its total equalled that of `other` (a USCC) on the other side of the
    /// line, and the tie-break rule `key` (described by `keyLabel`) separated them.
    case tieBrokenAtQuotaLine(key: TieBreakKey, keyLabel: LocalizedText, other: String)
    /// At the quota line it was exactly equal to `others` (USCCs) on the other side of the line on
    /// the total and every tie-break rule, so only the USCC order decided: the cut is arbitrary
    /// and the bureau should review it.
    case tieAtQuotaLine(others: [String])

    /// A stable code for scripts and stored results, e.g. `below-track-minimum`.
    public var code: String {
        switch self {
        case .recommended: return "recommended"
        case .noTrack: return "no-track"
        case .notRanked: return "not-ranked"
        case .vetoed: return "vetoed"
        case .belowTrackMinimum: return "below-track-minimum"
        case .belowNodeMinimum: return "below-node-minimum"
        case .outsideQuota: return "outside-quota"
        case .tieBrokenAtQuotaLine: return "tie-broken-at-quota-line"
        case .tieAtQuotaLine: return "tie-at-quota-line"
        }
    }

    /// The reason as a sentence for a report.
    public func text(_ language: Language) -> String {
        let zh = language == .zh
        switch self {
        case .recommended(let track, let cell, let place, let quota):
            let name = track.name.text(language)
            if zh {
                let limit = quota.map { "名额 \($0) 名" } ?? "不限名额"
                return "推荐：「\(name)」\(cell.label(language)) 第 \(place) 名（\(limit)）"
            }
            let limit = quota.map { "quota \($0)" } ?? "no quota limit"
            return "Recommended: place \(place) in \(name), \(cell.label(language)), \(limit)"
        case .noTrack:
            return zh ? "不属于任何评选组别" : "Not in any selection track"
        case .notRanked(let completeness, let minimum):
            let (shown, required) = Self.percentages(completeness, minimum)
            return zh
                ? "未参与排名：填报完整率 \(shown)，低于要求的 \(required)"
                : "Not ranked: completeness \(shown) is below the required \(required)"
        case .vetoed(_, let reason):
            return zh ? "一票否决：\(reason.text(language))" : "Vetoed: \(reason.text(language))"
        case .belowTrackMinimum(let track, let total, let minimum):
            let name = track.name.text(language)
            let shown = Self.score(total, distinctFrom: minimum)
            return zh
                ? "总分 \(shown) 低于「\(name)」最低分 \(formatNumber(minimum))"
                : "Total \(shown) is below the minimum of \(formatNumber(minimum)) for \(name)"
        case .belowNodeMinimum(let track, let node, let nodeName, let score, let minimum):
            let name = track.name.text(language)
            let label = "\(node) \(nodeName.text(language))"
            guard let score else {
                return zh
                    ? "\(label)无得分（不适用或未填报），未达「\(name)」要求的 \(formatNumber(minimum)) 分"
                    : "\(label) has no score (not applicable or not answered), so the \(formatNumber(minimum)) required for \(name) is not met"
            }
            let shown = Self.score(score, distinctFrom: minimum)
            return zh
                ? "\(label)得分 \(shown)，低于「\(name)」要求的 \(formatNumber(minimum)) 分"
                : "\(label) scores \(shown), below the \(formatNumber(minimum)) required for \(name)"
        case .outsideQuota(let track, let cell, let place, let quota):
            let name = track.name.text(language)
            return zh
                ? "符合条件但超出名额：「\(name)」\(cell.label(language)) 第 \(place) 名（名额 \(quota) 名）"
                : "Eligible but outside the quota: place \(place) in \(name), \(cell.label(language)), quota \(quota)"
        case .tieBrokenAtQuotaLine(_, let keyLabel, let other):
            return zh
                ? "名额线上与 \(other) 总分相同，按并列规则「\(keyLabel.text(language))」区分"
                : "Tied on total with \(other) at the quota line; separated by the tie-break rule \"\(keyLabel.text(language))\""
        case .tieAtQuotaLine(let others):
            let list = others.joined(separator: zh ? "、" : ", ")
            return zh
                ? "名额线上与 \(list) 的总分及全部并列规则完全相同，按统一社会信用代码升序决定，请人工复核"
                : "At the quota line, exactly equal to \(list) on the total and every tie-break rule: the order of unified social credit codes decided; please review"
        }
    }

    /// `value` with two decimals, or as many more (up to 10) as it takes not to print the same as
    /// `other`: a total of 59.996 against a minimum of 60 shows as 59.996, not 60.00.
    static func score(_ value: Double, distinctFrom other: Double) -> String {
        var digits = 2
        while true {
            let shown = String(format: "%.\(digits)f", value)
            if value == other || digits >= 10 || shown != String(format: "%.\(digits)f", other) { return shown }
            digits += 1
        }
    }

    /// Both shares as percentages with one decimal, or more when one would make them look equal.
    private static func percentages(_ value: Double, _ minimum: Double) -> (String, String) {
        var digits = 1
        while true {
            let shown = String(format: "%.\(digits)f%%", value * 100)
            let required = String(format: "%.\(digits)f%%", minimum * 100)
            if value == minimum || digits >= 8 || shown != required { return (shown, required) }
            digits += 1
        }
    }
}

extension TieBreakKey {
    /// The rule as a phrase, e.g. `D 综合集成与协同得分高者优先` / `higher D Integration score first`;
    /// `nodeName` is the name of the node a node key refers to.
    func label(nodeName: LocalizedText?) -> LocalizedText {
        switch self {
        case .node(let id):
            let zhName = nodeName.map { " \($0.zh)" } ?? ""
            let enName = nodeName.map { " \($0.text(.en))" } ?? ""
            return LocalizedText(zh: "\(id)\(zhName)得分高者优先", en: "higher \(id)\(enName) score first")
        case .completeness:
            return LocalizedText(zh: "填报完整率高者优先", en: "higher completeness first")
        case .fewerEmployees:
            return LocalizedText(zh: "从业人数少者优先", en: "fewer employees first")
        }
    }
}
