import Foundation
import RongheKit

/// One enterprise's score explained, as `ronghe show` prints it: who, which batch and tree, the
/// total, stage, ranks, vetoes and selection; then every node from the root down to the answers,
/// with the weight used and what happened to blanks; then where the survey came from and every
/// record the enterprise sent.
struct ExplanationListing {
    let explanation: Explanation
    let language: Language

    private var zh: Bool { language == .zh }

    var text: String {
        var lines: [String] = []
        let e = explanation
        let profile = e.response.profile
        let batch = e.batch
        lines.append("\(profile.name)  \(profile.uscc)")
        var facts = [
            zh ? "区县 \(profile.district)" : "District \(profile.district)",
            zh ? "行业 \(profile.industry)" : "Industry \(profile.industry)",
            zh ? "规模 \(profile.size.label.zh)" : "Size \(profile.size.label.text(.en))",
        ]
        if let employees = profile.employees { facts.append(zh ? "从业人员 \(employees) 人" : "\(employees) employees") }
        if let revenue = profile.revenue {
            facts.append(zh ? "营业收入 \(StoreText.decimal(revenue, digits: 2)) 万元" : "revenue \(StoreText.decimal(revenue, digits: 2)) (10k yuan)")
        }
        facts.append(zh ? "填报年度 \(profile.year)" : "survey year \(profile.year)")
        lines.append(facts.joined(separator: " · "))
        lines.append(zh
            ? "批次 \(batch.id) · \(batch.campaignName) · 指标体系 \(StoreText.tree(batch.tree))（修订 \(batch.tree.revision)）· "
                + "引擎 \(batch.engineVersion) · 评分于 \(StoreText.time(batch.finishedAt))"
            : "Batch \(batch.id) · \(batch.campaignName) · \(StoreText.tree(batch.tree)) (revision \(batch.tree.revision)) · "
                + "engine \(batch.engineVersion) · scored \(StoreText.time(batch.finishedAt))")
        lines.append(zh
            ? "来源 \(e.source.place) · 导入 \(e.source.fileID) · 接收于 \(StoreText.time(e.source.receivedAt))"
            : "Source \(e.source.place) · import \(e.source.fileID) · received \(StoreText.time(e.source.receivedAt))")
        lines.append("")
        lines += summaryLines
        lines.append("")
        var text = lines.map(StoreText.printable).joined(separator: "\n") + "\n"
        text += nodeTable.render()
        text += "\n" + (zh ? "提交记录" : "Submissions") + "\n"
        text += historyTable.render()
        return text
    }

    private var summaryLines: [String] {
        let e = explanation
        let result = e.result
        var lines: [String] = []
        let stage = StoreText.stage(result.stage, in: e.tree, language)
        let completeness = StoreText.decimal(result.completeness * 100, digits: 1) + "%"
        lines.append(zh
            ? "总分 \(StoreText.score(result.total)) · 发展阶段 \(stage.isEmpty ? "无" : stage) · 填报完整度 \(completeness)"
            : "Total \(StoreText.score(result.total)) · stage \(stage.isEmpty ? "none" : stage) · completeness \(completeness)")
        if result.isRanked {
            func rank(_ value: Int?) -> String { value.map(String.init) ?? "-" }
            lines.append(zh
                ? "排名 全市 \(rank(result.ranks.overall)) · 区县 \(rank(result.ranks.district)) · 行业 \(rank(result.ranks.industry)) · 规模 \(rank(result.ranks.size))"
                : "Rank overall \(rank(result.ranks.overall)) · district \(rank(result.ranks.district)) · industry \(rank(result.ranks.industry)) · size \(rank(result.ranks.size))")
        } else {
            let minimum = StoreText.decimal(e.tree.ranking.minimumCompleteness * 100, digits: 1) + "%"
            lines.append(zh ? "不参与排名（填报完整度低于 \(minimum)）" : "Not ranked (completeness below \(minimum))")
        }
        let vetoes = result.vetoes.map { id -> String in
            let reason = e.tree.vetoes.first { $0.id == id }?.reason.text(language) ?? ""
            if reason.isEmpty { return id }
            return zh ? "\(id)（\(reason)）" : "\(id) (\(reason))"
        }
        lines.append((zh ? "否决 " : "Vetoes ") + (vetoes.isEmpty ? (zh ? "无" : "none") : vetoes.joined(separator: zh ? "；" : "; ")))
        if let eligible = result.isEligible {
            let track = result.track.flatMap { id in e.tree.selection?.tracks.first { $0.id == id } }
            var parts = [track?.name.text(language) ?? (zh ? "不属于任何评选组别" : "in no track")]
            parts.append(eligible ? (zh ? "符合条件" : "eligible") : (zh ? "不符合条件" : "not eligible"))
            if let place = result.selectionPlace {
                if result.isRecommended == true {
                    parts.append(zh ? "拟推荐（第 \(place) 名）" : "recommended (place \(place))")
                } else {
                    parts.append(zh ? "名额外（第 \(place) 名）" : "outside the quota (place \(place))")
                }
            }
            lines.append((zh ? "评选 " : "Selection ") + parts.joined(separator: " · "))
        }
        let flags = e.staffFlags.map { flag -> String in
            var text = "\(flag.flag)"
            var details = [zh ? "\(flag.setBy) 于 \(StoreText.time(flag.setAt)) 设置" : "set by \(flag.setBy) \(StoreText.time(flag.setAt))"]
            if let note = flag.note { details.append(note) }
            if let removedAt = flag.removedAt {
                details.append(zh
                    ? "\(flag.removedBy ?? "") 于 \(StoreText.time(removedAt)) 撤销\(flag.removalNote.map { "：\($0)" } ?? "")"
                    : "removed by \(flag.removedBy ?? "") \(StoreText.time(removedAt))\(flag.removalNote.map { ": \($0)" } ?? "")")
            }
            text += zh ? "（\(details.joined(separator: "；"))）" : " (\(details.joined(separator: "; ")))"
            return text
        }
        lines.append((zh ? "人工标记 " : "Staff flags ") + (flags.isEmpty ? (zh ? "无" : "none") : flags.joined(separator: zh ? "；" : "; ")))
        if result.staffFlags != e.staffFlags.filter(\.isInForce).map(\.flag).sorted() {
            let applied = result.staffFlags.isEmpty ? (zh ? "无" : "none") : result.staffFlags.joined(separator: ", ")
            lines.append(zh ? "（本批次评分时适用的标记：\(applied)；重新评分后以当前标记为准）"
                            : "(flags applied in this batch: \(applied); score again to apply the current ones)")
        }
        return lines
    }

    /// Every node, root first, children indented under their parent.
    private var nodeTable: TextTable {
        let e = explanation
        let titles = zh
            ? ["节点", "名称", "回答", "取值", "得分", "权重", "全局权重", "说明"]
            : ["Node", "Name", "Answer", "Value", "Score", "Weight", "Global weight", "Notes"]
        let alignments: [TextTable.Alignment] = [.left, .left, .left, .right, .right, .left, .right, .left]
        var table = TextTable(columns: zip(titles, alignments).map { TextTable.Column($0, alignment: $1) })
        let results = Dictionary(e.card.nodes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for (node, depth) in Self.walk(e.tree.root) {
            guard let result = results[node.id] else { continue }
            var weight = StoreText.decimal(result.weight)
            if result.weight.bitPattern != result.nominalWeight.bitPattern {
                weight += zh ? "（原 \(StoreText.decimal(result.nominalWeight))）" : " (nominal \(StoreText.decimal(result.nominalWeight)))"
            }
            table.append([
                String(repeating: "  ", count: depth) + node.id,
                node.name.text(language),
                node.rule.map { answerText(for: $0) } ?? "",
                result.value.map { StoreText.decimal($0) } ?? "",
                result.score.map { String(format: "%.2f", $0) } ?? "—",
                weight,
                StoreText.decimal(result.globalWeight),
                Self.flagLabels(result.flags, language).joined(separator: zh ? "、" : ", "),
            ])
        }
        return table
    }

    static func walk(_ node: IndicatorNode, depth: Int = 0) -> [(IndicatorNode, Int)] {
        [(node, depth)] + node.children.flatMap { walk($0, depth: depth + 1) }
    }

    /// The answers a leaf's rule read, as the enterprise gave them.
    func answerText(for rule: Rule) -> String {
        if case .ratio(let numerator, let denominator, _, _) = rule {
            return operandText(numerator) + " / " + operandText(denominator)
        }
        return rule.questions.map { questionAnswer($0) }.joined(separator: zh ? "；" : "; ")
    }

    private func operandText(_ operand: RuleOperand) -> String {
        switch operand {
        case .question(let id): return questionAnswer(id)
        case .profile(let field):
            let value = explanation.response.profile.value(of: field)
            let text: String
            switch value {
            case .number(let number)?: text = StoreText.decimal(number, digits: 2)
            case .text(let string)?: text = string
            case nil: text = zh ? "未填" : "blank"
            }
            // `从业人员（人）` → `从业人员`: the unit is already in the answer's wording.
            var label = field.label.text(language)
            if let cut = label.firstIndex(where: { $0 == "（" || $0 == "(" }) {
                label = label[..<cut].trimmingCharacters(in: .whitespaces)
            }
            return zh ? "\(text)（\(label)）" : "\(text) (\(label))"
        }
    }

    func questionAnswer(_ id: String) -> String {
        let question = explanation.tree.question(id)
        guard let answer = explanation.response.answers[id] else { return zh ? "未填" : "blank" }
        switch answer {
        case .number(let value):
            let number = StoreText.decimal(value, digits: 4)
            guard let unit = question?.unit?.text(language), !unit.isEmpty else { return number }
            return unit == "%" ? number + "%" : "\(number) \(unit)"
        case .yesNo(let flag):
            return flag ? (zh ? "是" : "yes") : (zh ? "否" : "no")
        case .choice(let code):
            return question?.option(code)?.label.text(language) ?? code
        case .choices(let codes):
            if codes.isEmpty { return zh ? "无" : "none" }
            return codes.map { question?.option($0)?.label.text(language) ?? $0 }.joined(separator: zh ? "、" : ", ")
        case .text(let text):
            return text.count > 30 ? String(text.prefix(30)) + "…" : text
        case .notApplicable:
            return zh ? "不适用" : "not applicable"
        }
    }

    /// What happened to a node, in words; `answered`, the usual case, is left out.
    static func flagLabels(_ flags: ScoreFlags, _ language: Language) -> [String] {
        let labels: [(ScoreFlags, String, String)] = [
            (.missing, "未填", "blank"),
            (.zeroForMissing, "按0分计", "scored 0"),
            (.imputed, "按行业中位数补", "imputed (median)"),
            (.respread, "权重分给同级", "weight re-spread"),
            (.notApplicable, "不适用，权重分给同级", "not applicable, weight re-spread"),
            (.clamped, "超出目标值，已截断", "clamped to the goalposts"),
            (.constantColumn, "各企业无差异，取常数分", "no variation, constant score"),
            (.zeroDenominator, "分母为0", "zero denominator"),
            (.floored, "按下限计", "raised to the floor"),
            (.partial, "部分子项权重重分配", "children's weights re-spread"),
            (.equalWeightFallback, "改用等权", "equal weights (fallback)"),
        ]
        return labels.filter { flags.contains($0.0) }.map { language == .zh ? $0.1 : $0.2 }
    }

    private var historyTable: TextTable {
        let titles = zh
            ? ["编号", "接收时间", "文件位置", "结果", "当前有效"]
            : ["Number", "Received", "Place", "Outcome", "In effect"]
        var table = TextTable(columns: titles.map { TextTable.Column($0) })
        for entry in explanation.history {
            table.append([
                String(entry.submission.id), StoreText.time(entry.submission.receivedAt), entry.submission.place,
                Self.outcome(entry, language), entry.isInEffect ? (zh ? "是" : "yes") : "",
            ])
        }
        return table
    }

    static func outcome(_ entry: SubmissionHistoryEntry, _ language: Language) -> String {
        let previous = entry.previousID.map { "#\($0)" } ?? ""
        let errors = entry.issues.filter { $0.severity == .error }.count
        switch (entry.outcome, language) {
        case (.new, .zh): return "新提交"
        case (.resubmission, .zh): return "重新提交，替代 \(previous)"
        case (.unchanged, .zh): return "与 \(previous) 相同，未替代"
        case (.rejected, .zh): return "退回（\(errors) 个问题）"
        case (.rejectedResubmission, .zh): return "退回（\(errors) 个问题），\(previous) 仍有效"
        case (.new, .en): return "new"
        case (.resubmission, .en): return "resubmission, supersedes \(previous)"
        case (.unchanged, .en): return "unchanged, same as \(previous)"
        case (.rejected, .en): return "rejected (\(StoreText.count(errors, "problem")))"
        case (.rejectedResubmission, .en): return "rejected (\(StoreText.count(errors, "problem"))), \(previous) stays in effect"
        }
    }
}

/// `ronghe show --json`.
struct ExplanationJSON: Encodable {
    struct Stage: Encodable {
        let id: String
        let name: LocalizedText
    }

    struct Veto: Encodable {
        let id: String
        let reason: LocalizedText?
    }

    struct SelectionJSON: Encodable {
        let track: String?
        let eligible: Bool
        let recommended: Bool?
        let place: Int?
    }

    struct Flag: Encodable {
        let flag: String
        let note: String?
        let setBy: String
        let setAt: Date
        let removedBy: String?
        let removedAt: Date?
        let removalNote: String?
        let inForce: Bool
    }

    struct Source: Encodable {
        let submission: Int64
        let importID: Int64
        let file: String
        let place: String
        let receivedAt: Date

        init(_ reference: SubmissionReference) {
            submission = reference.id
            importID = reference.fileID
            file = reference.file
            place = reference.place
            receivedAt = reference.receivedAt
        }

        enum CodingKeys: String, CodingKey {
            case submission, importID = "import", file, place, receivedAt
        }
    }

    struct Node: Encodable {
        let id: String
        let name: LocalizedText
        let depth: Int
        /// The answers the leaf's rule read, by question id, as codes and numbers; null when blank.
        let answers: [String: String?]?
        let value: Double?
        let score: Double?
        let weight: Double
        let nominalWeight: Double
        let globalWeight: Double
        let flags: [String]
    }

    struct History: Encodable {
        let source: Source
        let outcome: String
        let previous: Int64?
        let inEffect: Bool
        let errors: [String]
    }

    let uscc: String
    let profile: EnterpriseProfile
    let batch: BatchJSON
    let total: Double
    let stage: Stage?
    let completeness: Double
    let ranked: Bool
    let ranks: Ranks
    let vetoes: [Veto]
    let selection: SelectionJSON?
    let staffFlagsApplied: [String]
    let staffFlags: [Flag]
    let source: Source
    let nodes: [Node]
    let history: [History]

    init(_ e: Explanation, language: Language) {
        uscc = e.result.uscc
        profile = e.response.profile
        batch = BatchJSON(e.batch)
        total = e.result.total
        stage = e.result.stage.map { id in Stage(id: id, name: e.tree.stages.first { $0.id == id }?.name ?? LocalizedText(zh: id)) }
        completeness = e.result.completeness
        ranked = e.result.isRanked
        ranks = e.result.ranks
        vetoes = e.result.vetoes.map { id in Veto(id: id, reason: e.tree.vetoes.first { $0.id == id }?.reason) }
        selection = e.result.isEligible.map {
            SelectionJSON(track: e.result.track, eligible: $0, recommended: e.result.isRecommended, place: e.result.selectionPlace)
        }
        staffFlagsApplied = e.result.staffFlags
        staffFlags = e.staffFlags.map {
            Flag(flag: $0.flag, note: $0.note, setBy: $0.setBy, setAt: $0.setAt, removedBy: $0.removedBy,
                 removedAt: $0.removedAt, removalNote: $0.removalNote, inForce: $0.isInForce)
        }
        source = Source(e.source)
        let results = Dictionary(e.card.nodes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        nodes = ExplanationListing.walk(e.tree.root).compactMap { node, depth in
            guard let result = results[node.id] else { return nil }
            let answers = node.rule.map { rule in
                Dictionary(rule.questions.map { ($0, e.response.answers[$0]?.displayText) }, uniquingKeysWith: { first, _ in first })
            }
            return Node(
                id: node.id, name: node.name, depth: depth, answers: answers, value: result.value, score: result.score,
                weight: result.weight, nominalWeight: result.nominalWeight, globalWeight: result.globalWeight,
                flags: result.flags.names)
        }
        history = e.history.map {
            History(
                source: Source($0.submission), outcome: $0.outcome.rawValue, previous: $0.previousID, inEffect: $0.isInEffect,
                errors: $0.issues.filter { $0.severity == .error }.map { $0.formatted(language) })
        }
    }
}
