import Foundation

/// 指标体系 / Method: how the scores and the selection were made, so a leader can answer "why":
/// the indicator tree with its weights, effective weights, AHP consistency and scoring rules
/// (goalposts included), the stages, vetoes, ranking rule, selection policy, the robustness
/// settings used, and the weights and medians this batch derived.
struct ReportMethodSheet {
    let facts: ReportFacts

    static let widths: [Double] = [9, 30, 9, 9, 12, 48, 30, 12, 8, 8]
    private var lastColumn: Int { Self.widths.count - 1 }

    func write(_ sheet: ReportSheet) throws {
        let input = facts.input
        let text = facts.text
        let tree = input.tree
        let columns = Self.widths.count
        for (column, width) in Self.widths.enumerated() { try sheet.sheet.setColumn(column, width: width) }

        try sheet.title(text("\(input.campaign)：指标体系与评选规则", "\(input.campaign): method"), columns: columns)
        try sheet.subtitle(
            "\(tree.name.text(input.language)) · \(tree.id) \(text("版本", "version")) \(tree.version)", columns: columns)
        sheet.skip()

        try sheet.section(text("指标体系", "Indicator system"), columns: columns)
        let span = columns - 2
        try sheet.keyValue(text("名称", "Name"), .text(tree.name.text(input.language)), column: 1, valueColumns: span)
        try sheet.keyValue(text("编号与版本", "Id and version"), .text("\(tree.id) \(tree.version)"), column: 1, valueColumns: span)
        try sheet.keyValue(text("指纹（SHA-256）", "Fingerprint (SHA-256)"), .text(tree.hash), column: 1, valueColumns: span)
        if let description = tree.description {
            try sheet.keyValue(
                text("说明", "Description"), .text(description.text(input.language)), column: 1, valueColumns: span,
                style: ReportStyles.wrappedText)
        }
        let summary = facts.summary
        try sheet.keyValue(
            text("规模", "Size"),
            .text(text(
                "问卷 \(summary.questionCount) 题（计分 \(summary.scoredQuestionCount) 题），指标 \(summary.leafCount) 项",
                "\(summary.questionCount) questions (\(summary.scoredQuestionCount) scored), \(summary.leafCount) indicators")),
            column: 1, valueColumns: span)
        try sheet.keyValue(
            text("未填默认处理", "Blank answers by default"), .text(missingName(tree.defaultMissingPolicy)), column: 1,
            valueColumns: span)
        sheet.skip()

        try writeTree(sheet)
        try writeStagesAndVetoes(sheet)
        try writeSelection(sheet)
        try writeRobustness(sheet)
        try writeDerived(sheet)

        try sheet.sheet.setPageSetup(PageSetup(
            orientation: .landscape, paper: .a4, fitToPagesWide: 1,
            margins: .init(left: 0.4, right: 0.4, top: 0.7, bottom: 0.7),
            header: ReportSheet.pageHeader(campaign: input.campaign, sheet: sheet.name),
            footer: ReportSheet.pageFooter(text), centersHorizontally: true))
    }

    private func writeTree(_ sheet: ReportSheet) throws {
        let input = facts.input
        let text = facts.text
        try sheet.section(text("指标、权重与计分规则", "Indicators, weights and scoring rules"), columns: Self.widths.count)
        try sheet.header([
            text("编号", "Id"), text("名称", "Name"), text("组内权重", "Weight"), text("有效权重", "Effective weight"),
            text("赋权方式", "Weighting"), text("计分规则 / 合成方式", "Scoring rule / aggregation"), text("题目", "Question"),
            text("未填处理", "Blank answers"), "CR", "λmax",
        ], height: 36)
        for node in facts.summary.nodes {
            let isTopLevel = node.depth <= 1
            var name = isTopLevel ? ReportStyles.label : ReportStyles.text
            name.indent = min(15, max(0, node.depth - 1))
            name.wrapsText = true
            var rule = ""
            var question = ""
            if let nodeRule = node.rule {
                rule = ruleText(nodeRule)
                question = nodeRule.questions.compactMap { id in
                    input.tree.question(id).map { "\(id) \($0.label.text(input.language))" + unitText($0) }
                }.joined(separator: "\n")
            } else {
                rule = aggregationText(node.aggregation)
            }
            let weighting = node.isLeaf ? "" : weightingName(node.weighting)
            try sheet.cells([
                (.text(node.id), isTopLevel ? ReportStyles.label : ReportStyles.text),
                (.text(node.name.text(input.language)), name),
                (node.weight.map { .number($0) } ?? .text(text("按批次", "by batch")), ReportStyles.percent),
                (node.effectiveWeight.map { .number($0) } ?? .text(text("按批次", "by batch")), ReportStyles.percent),
                (.text(weighting), ReportStyles.text),
                (.text(rule), ReportStyles.wrappedText),
                (.text(question), ReportStyles.wrappedText),
                (.text(node.missingPolicy.map(missingName) ?? ""), ReportStyles.text),
                (node.ahp.map { .number($0.consistencyRatio) } ?? .text(""), ReportStyles.ratio),
                (node.ahp.map { .number($0.lambdaMax) } ?? .text(""), ReportStyles.ratio),
            ])
        }
        try sheet.note(
            text(
                "组内权重为节点在上级节点中的权重；有效权重为从总分到该节点各级权重之积，即其在总分中的占比（未考虑缺项时的权重重分配）。层次分析法（AHP）权重取判断矩阵的主特征向量，一致性比率 CR = CI / RI（Saaty 随机一致性指标），CR < 0.10 方可接受。",
                "Weight is the node's weight within its parent; effective weight is the product of the weights from the total down to the node, its share of the total when nothing is left out. AHP weights are the principal eigenvector of the pairwise matrix; the consistency ratio CR = CI / RI (Saaty's random index) must be below 0.10."),
            columns: Self.widths.count, width: Self.widths.reduce(0, +))
        sheet.skip()
    }

    private func writeStagesAndVetoes(_ sheet: ReportSheet) throws {
        let input = facts.input
        let text = facts.text
        let tree = input.tree
        try sheet.section(text("发展阶段", "Development stages"), columns: Self.widths.count)
        try sheet.header([text("编号", "Id"), text("阶段", "Stage"), text("最低总分", "Minimum total"), text("附加条件", "Also requires")])
        for stage in tree.stages {
            try tailRow(sheet, [
                (.text(stage.id), ReportStyles.text), (.text(stage.name.text(input.language)), ReportStyles.text),
                (.number(stage.minimumTotal), ReportStyles.dimension),
            ], tail: stage.requires?.summary ?? "—", from: 3)
        }
        sheet.skip()

        try sheet.section(text("一票否决", "Vetoes (一票否决)"), columns: Self.widths.count)
        if tree.vetoes.isEmpty {
            try sheet.cells([(.text(text("无", "None")), ReportStyles.plainNote)])
        } else {
            try sheet.header([text("编号", "Id"), text("否决事项", "Reason"), text("判定条件", "Condition")])
            for veto in tree.vetoes {
                try tailRow(sheet, [
                    (.text(veto.id), ReportStyles.text), (.text(veto.reason.text(input.language)), ReportStyles.wrappedText),
                ], tail: veto.when.summary, from: 2)
            }
        }
        try sheet.note(
            text("被一票否决的企业仍参与评分和排名，但不能被推荐。", "A vetoed enterprise is still scored and ranked but cannot be recommended."),
            columns: Self.widths.count, width: Self.widths.reduce(0, +))
        sheet.skip()

        try sheet.section(text("排名规则", "Ranking"), columns: Self.widths.count)
        let span = Self.widths.count - 2
        try sheet.keyValue(
            text("参与排名", "Who is ranked"),
            .text(text(
                "填报完整率不低于 \(String(format: "%g", tree.ranking.minimumCompleteness * 100))% 的企业",
                "enterprises that answered at least \(String(format: "%g", tree.ranking.minimumCompleteness * 100))% of the applicable scored questions")),
            column: 1, valueColumns: span)
        try sheet.keyValue(
            text("名次", "Ranks"),
            .text(text(
                "按未四舍五入的总分由高到低；总分完全相同者并列，其后名次顺延（1、2、2、4）",
                "by unrounded total, highest first; exactly equal totals share a rank and the next is skipped (1, 2, 2, 4)")),
            column: 1, valueColumns: span)
        sheet.skip()
    }

    private func writeSelection(_ sheet: ReportSheet) throws {
        let input = facts.input
        let text = facts.text
        try sheet.section(text("评选规则", "Selection policy"), columns: Self.widths.count)
        guard let policy = input.tree.selection else {
            try sheet.cells([(.text(text("指标体系未设定评选规则。", "The indicator system has no selection policy.")), ReportStyles.plainNote)])
            sheet.skip()
            return
        }
        try sheet.header([text("组别", "Track"), text("名称", "Name"), text("最低总分", "Minimum total"), text("适用企业与其他要求", "Who, and other minimums")])
        for track in policy.tracks {
            var condition = track.when?.summary ?? text("全部企业", "every enterprise")
            let minimums = track.minimumNodes.keys.sorted().map { "node \($0) ≥ \(formatNumber(track.minimumNodes[$0]!))" }
            if !minimums.isEmpty { condition += text("；", "; ") + minimums.joined(separator: text("，", ", ")) }
            try tailRow(sheet, [
                (.text(track.id), ReportStyles.text), (.text(track.name.text(input.language)), ReportStyles.text),
                (.number(track.minimumTotal), ReportStyles.dimension),
            ], tail: condition, from: 3)
        }
        sheet.skip()
        try sheet.header([text("组别", "Track"), text("名额单元", "Quota cells"), text("每单元名额", "Quota per cell"), text("特定单元名额", "Cells with their own quota")])
        for track in policy.tracks {
            let rule = policy.quotas.first { $0.track == track.id }
            let by = rule.map { $0.by.isEmpty ? text("全组", "whole track") : $0.by.map { $0.label.text(input.language) }.joined(separator: " / ") }
                ?? text("全组", "whole track")
            let special = rule?.cells.keys.sorted().map { "\($0): \(rule!.cells[$0]!)" }.joined(separator: text("；", "; ")) ?? ""
            try tailRow(sheet, [
                (.text(track.id), ReportStyles.text), (.text(by), ReportStyles.text),
                (rule?.perCell.map { .number(Double($0)) } ?? .text(text("不限", "no limit")), ReportStyles.integer),
            ], tail: special.isEmpty ? "—" : special, from: 3)
        }
        sheet.skip()
        try sheet.header([text("次序", "Order"), text("同分时的排序规则", "Order of enterprises with equal totals")])
        var keys = policy.tieBreak.map { key -> String in
            let node: LocalizedText? = {
                if case .node(let id) = key { return input.tree.node(id)?.name }
                return nil
            }()
            return key.label(nodeName: node).text(input.language)
        }
        keys.append(text("统一社会信用代码在前者优先（最后手段；此时标注“名额线并列”，请人工复核）", "smaller credit code first (last resort; flagged as a tie at the quota line for review)"))
        for (index, key) in keys.enumerated() {
            try tailRow(sheet, [(.number(Double(index + 1)), ReportStyles.integer)], tail: key, from: 1)
        }
        sheet.skip()
    }

    private func writeRobustness(_ sheet: ReportSheet) throws {
        let input = facts.input
        let text = facts.text
        try sheet.section(text("稳健性分析", "Robustness analysis"), columns: Self.widths.count)
        let span = Self.widths.count - 2
        guard let settings = input.robustness?.settings else {
            try sheet.cells([(.text(text("本报告未进行稳健性分析。", "No robustness analysis was run for this report.")), ReportStyles.plainNote)])
            sheet.skip()
            return
        }
        try sheet.keyValue(text("模拟次数", "Runs"), .number(Double(settings.runs)), column: 1, style: ReportStyles.integer)
        try sheet.keyValue(text("随机种子", "Seed"), .text(String(settings.seed)), column: 1)
        try sheet.keyValue(text("权重扰动幅度", "Weight spread"), .number(settings.weightSpread), column: 1, style: ReportStyles.percent)
        let normalization: String
        switch settings.normalization {
        case .none: normalization = text("不变（均按目标值标准化）", "unchanged (goalposts throughout)")
        case .perLeaf(let probability):
            normalization = text("每个数值指标以 \(String(format: "%g", probability * 100))% 的概率改用批内极差标准化", "each numeric indicator uses batch min-max with probability \(String(format: "%g", probability))")
        case .perRun(let probability):
            normalization = text("每次模拟以 \(String(format: "%g", probability * 100))% 的概率对全部数值指标改用批内极差标准化", "each run uses batch min-max for all numeric indicators with probability \(String(format: "%g", probability))")
        }
        try sheet.keyValue(text("标准化方法", "Normalisation"), .text(normalization), column: 1, valueColumns: span)
        try sheet.keyValue(text("临界阈值", "Close-call share"), .number(settings.closeCallShare), column: 1, style: ReportStyles.percent)
        try sheet.note(
            text(
                "每次模拟把每个权重乘以在 [1−幅度, 1+幅度] 内均匀抽取的系数后重新归一，重新计算总分、名次和推荐结果。名次区间取 5%–95% 分位；推荐结论在不少于临界阈值比例的模拟中被推翻的企业标为“临界”。同一随机种子和输入得到完全相同的结果。",
                "Each run multiplies every weight by a factor drawn uniformly from [1 − spread, 1 + spread], re-normalises, and recomputes totals, ranks and the selection. The rank interval is the 5th–95th percentile; a decision overturned in at least the close-call share of runs is a close call. The same seed and inputs give the same result."),
            columns: Self.widths.count, width: Self.widths.reduce(0, +))
        sheet.skip()
    }

    private func writeDerived(_ sheet: ReportSheet) throws {
        let input = facts.input
        let text = facts.text
        let result = input.result
        let derived = result.derivedWeights
        if !derived.isEmpty {
            try sheet.section(text("本批次熵权法所得权重", "Entropy weights derived from this batch"), columns: Self.widths.count)
            try sheet.header([text("节点", "Node"), text("名称", "Name"), text("子节点权重", "Children's weights")])
            for node in facts.summary.nodes where derived[node.id] != nil {
                let children = facts.summary.nodes.filter { $0.parentID == node.id }.map(\.id)
                let weights = derived[node.id]!
                let list = zip(children, weights).map { "\($0) \(String(format: "%.4f", $1))" }.joined(separator: " · ")
                try tailRow(sheet, [(.text(node.id), ReportStyles.text), (.text(node.name.text(input.language)), ReportStyles.text)], tail: list, from: 2)
            }
            sheet.skip()
        }
        let medians = result.imputationMedians
        if !medians.isEmpty {
            try sheet.section(text("本批次插补所用的行业中位数", "Industry medians used for blank answers in this batch"), columns: Self.widths.count)
            try sheet.header([text("指标", "Indicator"), text("名称", "Name"), text("中位数（* 为全体）", "Medians (* is the whole batch)")])
            for node in facts.summary.nodes where medians[node.id] != nil {
                let list = medians[node.id]!.keys.sorted().map { "\($0) \(String(format: "%.2f", medians[node.id]![$0]!))" }
                    .joined(separator: " · ")
                try tailRow(sheet, [(.text(node.id), ReportStyles.text), (.text(node.name.text(input.language)), ReportStyles.text)], tail: list, from: 2)
            }
            sheet.skip()
        }
    }

    /// A row of `cells`, then `tail` merged from column `from` to the last column.
    private func tailRow(_ sheet: ReportSheet, _ cells: [(ReportSheet.Value, CellStyle)], tail: String, from: Int) throws {
        var lines = ReportSheet.lineCount(tail, width: Self.widths[from...].reduce(0, +))
        for (offset, (value, style)) in cells.enumerated() {
            try sheet.write(value, column: offset, style: style)
            if style.wrapsText, case .text(let content) = value {
                lines = max(lines, ReportSheet.lineCount(content, width: Self.widths[offset]))
            }
        }
        if lines > 1 { try sheet.sheet.setRow(sheet.row, height: ReportSheet.height(lines: lines)) }
        try sheet.sheet.merge(WorksheetRange(row: sheet.row, columns: from...lastColumn), text: tail, style: ReportStyles.wrappedText)
        sheet.skip()
    }

    // MARK: - Words for the tree's settings

    private func weightingName(_ weighting: Weighting) -> String {
        let text = facts.text
        switch weighting {
        case .explicit: return text("指定权重", "explicit")
        case .equal: return text("等权", "equal")
        case .ahp: return text("层次分析法", "AHP")
        case .entropy: return text("熵权法", "entropy")
        }
    }

    private func aggregationText(_ aggregation: Aggregation) -> String {
        let text = facts.text
        switch aggregation {
        case .arithmetic: return text("子项加权算术平均", "weighted arithmetic mean of the children")
        case .geometric(let floor):
            return text("子项加权几何平均（低于 \(formatNumber(floor)) 分按 \(formatNumber(floor)) 分计）", "weighted geometric mean of the children (scores below \(formatNumber(floor)) count as \(formatNumber(floor)))")
        }
    }

    private func missingName(_ policy: MissingPolicy) -> String {
        let text = facts.text
        switch policy {
        case .zero: return text("按 0 分计", "scores 0")
        case .respread: return text("权重分给同级", "weight re-spread")
        case .industryMedian: return text("行业中位数插补", "industry median")
        }
    }

    private func unitText(_ question: Question) -> String {
        guard let unit = question.unit?.text(facts.input.language), !unit.isEmpty else { return "" }
        return facts.text("（\(unit)）", " (\(unit))")
    }

    /// A leaf's rule in words, with the question's option labels and the goalposts.
    func ruleText(_ rule: Rule) -> String {
        let text = facts.text
        let language = facts.input.language
        let tree = facts.input.tree
        func number(_ value: Double) -> String { formatNumber(value) }
        func goalposts(_ posts: Goalposts) -> String {
            let (zero, full) = posts.direction == .higher ? (posts.low, posts.high) : (posts.high, posts.low)
            let better = posts.direction == .higher ? text("越高越好", "higher is better") : text("越低越好", "lower is better")
            return text("线性：\(number(zero)) 得 0 分，\(number(full)) 得 100 分，其间按比例（\(better)）",
                        "linear: 0 at \(number(zero)), 100 at \(number(full)), in proportion between (\(better))")
        }
        func options(_ id: String, _ table: [String: Double], skippingZeros: Bool) -> String {
            let question = tree.question(id)
            let order = question?.options.map(\.code) ?? []
            let codes = order.filter { table[$0] != nil } + table.keys.filter { !order.contains($0) }.sorted()
            return codes.compactMap { code in
                guard let value = table[code], !(skippingZeros && value == 0) else { return nil }
                let label = question?.option(code)?.label.text(language) ?? code
                return "\(label) \(number(value))"
            }.joined(separator: " · ")
        }
        switch rule {
        case .linear(_, let posts):
            return goalposts(posts)
        case .steps(_, let steps, let below):
            let bands = steps.map { "≥\(number($0.from)) → \(number($0.score))" }
            let under = steps.first.map { ["<\(number($0.from)) → \(number(below))"] } ?? []
            return text("分段：", "steps: ") + (under + bands).joined(separator: " · ")
        case .choice(let id, let scores):
            return text("按选项计分：", "by option: ") + options(id, scores, skippingZeros: false)
        case .yesNo(_, let yes, let no):
            return text("是 \(number(yes)) 分，否 \(number(no)) 分", "yes \(number(yes)), no \(number(no))")
        case .share(let id, let outOf):
            let total = outOf ?? tree.question(id)?.options.count ?? 0
            return text("所选项数占 \(total) 项的比例 × 100", "share of the \(total) options chosen × 100")
        case .points(let id, let points):
            return text("所选项累加：", "sum of the options chosen: ") + options(id, points, skippingZeros: true)
                + text("（上限 100）", " (at most 100)")
        case .ratio(let numerator, let denominator, let scale, let posts):
            func operand(_ operand: RuleOperand) -> String {
                switch operand {
                case .question(let id): return id
                case .profile(let field): return field.label.text(language)
                }
            }
            let scaled = scale == 1 ? "" : " × \(number(scale))"
            return text("比值 ", "ratio ") + "\(operand(numerator)) / \(operand(denominator))\(scaled)" + text("；", "; ") + goalposts(posts)
        case .batch(_, let method, let direction, let constantScore):
            let lower = direction == .lower ? text("，越低越好", ", lower is better") : ""
            let name: String
            switch method {
            case .minMax: name = text("批内极差标准化", "batch min-max")
            case .zScore: name = text("批内 z 分数（正态分布函数映射）", "batch z-score (through the normal distribution)")
            case .percentile: name = text("批内百分位", "batch percentile")
            }
            return name + lower + text("（无差异时 \(number(constantScore)) 分）", " (\(number(constantScore)) when all are equal)")
        }
    }
}
