/// Checks a decoded tree for everything the JSON shape cannot express: references, weights,
/// goalposts, rule and question types, AHP consistency, stages.
///
/// Every problem is reported with the JSON path of the element it concerns, in file order.
struct IndicatorTreeValidator {
    /// How far sibling weights may sum from 1 (authors write 0.333 + 0.333 + 0.334).
    static let weightTolerance = 0.001

    let tree: IndicatorTree
    private var found: [TreeDiagnostic] = []
    private var questionsByID: [String: Question] = [:]
    private var nodeIDs: Set<String> = []

    init(tree: IndicatorTree) {
        self.tree = tree
    }

    consuming func diagnostics() -> [TreeDiagnostic] {
        checkQuestions()
        var seenNodes: [String: String] = [:]
        for (node, path) in Self.nodesWithPaths(tree.root, path: "tree") {
            if let first = seenNodes[node.id] {
                report(path + ".id", "the node id \"\(node.id)\" is already used at \(first)")
            } else {
                seenNodes[node.id] = path
            }
        }
        nodeIDs = Set(seenNodes.keys)
        checkNode(tree.root, path: "tree")
        for (index, question) in tree.questions.enumerated() {
            if let condition = question.applicableWhen {
                checkCondition(condition, path: "questions[\(index)].applicableWhen", allowScores: false)
                if condition.subjects.contains(.question(question.id)) {
                    report("questions[\(index)].applicableWhen", "a question's applicability cannot depend on its own answer")
                }
            }
        }
        checkApplicabilityCycles()
        checkStages()
        for (index, veto) in tree.vetoes.enumerated() {
            checkCondition(veto.when, path: "vetoes[\(index)].when", allowScores: true)
        }
        checkUnique(tree.vetoes.map(\.id), path: { "vetoes[\($0)].id" }, what: "veto")
        if !(0...1).contains(tree.ranking.minimumCompleteness) {
            report("ranking.minimumCompleteness", "must be between 0 and 1, found \(formatNumber(tree.ranking.minimumCompleteness))")
        }
        if let selection = tree.selection {
            checkSelection(selection)
        }
        return found
    }

    private mutating func report(_ path: String, _ message: String) {
        found.append(TreeDiagnostic(path: path, message: message))
    }

    static func nodesWithPaths(_ node: IndicatorNode, path: String) -> [(IndicatorNode, String)] {
        [(node, path)] + node.children.enumerated().flatMap { nodesWithPaths($1, path: "\(path).children[\($0)]") }
    }

    private mutating func checkUnique(_ ids: [String], path: (Int) -> String, what: String) {
        var seen = Set<String>()
        for (index, id) in ids.enumerated() where !seen.insert(id).inserted {
            report(path(index), "the \(what) id \"\(id)\" is used twice")
        }
    }

    // MARK: Questions

    private mutating func checkQuestions() {
        for (index, question) in tree.questions.enumerated() {
            let path = "questions[\(index)]"
            if questionsByID[question.id] != nil {
                report("\(path).id", "the question id \"\(question.id)\" is used twice")
                continue
            }
            questionsByID[question.id] = question
            if question.type.hasOptions {
                if question.options.isEmpty {
                    report("\(path).options", "a \(question.type.rawValue) question needs options")
                }
                var codes = Set<String>()
                for (optionIndex, option) in question.options.enumerated() where !codes.insert(option.code).inserted {
                    report("\(path).options[\(optionIndex)].code", "the option code \"\(option.code)\" is used twice")
                }
            } else if !question.options.isEmpty {
                report("\(path).options", "only choice and multi-choice questions have options")
            }
            if !question.type.isNumeric && (question.minimum != nil || question.maximum != nil) {
                report(path, "only number and percent questions have \"min\" and \"max\"")
            }
            if let minimum = question.minimum, let maximum = question.maximum, minimum > maximum {
                report("\(path).min", "min \(formatNumber(minimum)) is greater than max \(formatNumber(maximum))")
            }
        }
    }

    // MARK: Nodes and rules

    private mutating func checkNode(_ node: IndicatorNode, path: String) {
        if path == "tree" && node.weight != nil {
            report("tree.weight", "the root carries the whole total; it has no weight")
        }
        if node.rule != nil && !node.children.isEmpty {
            report(path, "node \"\(node.id)\" has both a rule and children; a leaf has a rule, a group has children")
        }
        if let rule = node.rule {
            checkRule(rule, path: "\(path).rule")
            if node.weighting != .explicit || node.aggregation != .arithmetic {
                report(path, "leaf \"\(node.id)\" has no children to weight or aggregate")
            }
        } else {
            if node.children.isEmpty {
                report(path, "node \"\(node.id)\" is empty: give it children or a rule")
            }
            if node.missing != nil {
                report("\(path).missing", "only a leaf has a missing-answer policy")
            }
            checkWeights(node, path: path)
        }
        if case .geometric(let floor) = node.aggregation, !(floor > 0 && floor <= 100) {
            report("\(path).aggregation", "the geometric floor must be above 0 and at most 100, found \(formatNumber(floor))")
        }
        for (index, child) in node.children.enumerated() {
            checkNode(child, path: "\(path).children[\(index)]")
        }
    }

    private mutating func checkWeights(_ node: IndicatorNode, path: String) {
        guard !node.children.isEmpty else { return }
        switch node.weighting {
        case .explicit:
            var sum = 0.0
            var complete = true
            for (index, child) in node.children.enumerated() {
                guard let weight = child.weight else {
                    report("\(path).children[\(index)]", "missing key \"weight\" (node \"\(node.id)\" weights its children explicitly)")
                    complete = false
                    continue
                }
                if !(weight >= 0) {
                    report("\(path).children[\(index)].weight", "a weight cannot be negative, found \(formatNumber(weight))")
                    complete = false
                }
                sum += weight
            }
            if complete && abs(sum - 1) > Self.weightTolerance {
                let listed = node.children.map { "\($0.id) \(formatNumber($0.weight ?? 0))" }.joined(separator: ", ")
                report("\(path).children", "the weights of the children of \"\(node.id)\" sum to \(formatWeight(sum)), not 1 (\(listed))")
            }
        case .equal, .entropy, .ahp:
            for (index, child) in node.children.enumerated() where child.weight != nil {
                report(
                    "\(path).children[\(index)].weight",
                    "node \"\(node.id)\" uses \(node.weighting.name) weighting, so its children must not state a weight")
            }
            if case .ahp(let matrix) = node.weighting {
                let problems = AHPAnalysis.problems(in: matrix, expectedSize: node.children.count)
                for problem in problems {
                    report("\(path).weighting.ahp", problem)
                }
                if problems.isEmpty {
                    let analysis = AHPAnalysis(matrix: matrix)
                    if !analysis.isAcceptable {
                        var message = "the AHP matrix of \"\(node.id)\" is too inconsistent: CR = \(formatRatio(analysis.consistencyRatio)) (must be below 0.10)"
                        if let pair = analysis.mostInconsistentPair {
                            let first = node.children[pair.row].id
                            let second = node.children[pair.column].id
                            message += "; the most inconsistent judgement is \(first) over \(second): \(formatJudgement(pair.judgement)), while the other judgements imply \(formatRatio(pair.implied))"
                        }
                        report("\(path).weighting.ahp", message)
                    }
                }
            }
        }
    }

    private func formatWeight(_ value: Double) -> String {
        formatNumber((value * 1_000_000).rounded() / 1_000_000)
    }

    private func formatRatio(_ value: Double) -> String {
        String(format: "%.3f", value)
    }

    private func formatJudgement(_ value: Double) -> String {
        if value >= 1 { return formatNumber((value * 1000).rounded() / 1000) }
        let inverse = 1 / value
        if abs(inverse - inverse.rounded()) < 1e-9 { return "1/\(Int(inverse.rounded()))" }
        return formatRatio(value)
    }

    private mutating func question(_ id: String, at path: String) -> Question? {
        guard let question = questionsByID[id] else {
            report(path, "unknown question \"\(id)\"")
            return nil
        }
        return question
    }

    private mutating func checkScore(_ score: Double, at path: String) {
        if !(0...100).contains(score) {
            report(path, "a score must be between 0 and 100, found \(formatNumber(score))")
        }
    }

    private mutating func checkGoalposts(_ goalposts: Goalposts, at path: String) {
        if goalposts.low == goalposts.high {
            report(path, "the goalposts are equal (low = high = \(formatNumber(goalposts.low))), so no score can be computed")
        } else if goalposts.low > goalposts.high {
            report(path, "low (\(formatNumber(goalposts.low))) must be below high (\(formatNumber(goalposts.high))); use \"direction\": \"lower\" when less is better")
        }
    }

    /// Reports a question of the wrong type for the rule; returns whether the type fits.
    @discardableResult
    private mutating func expect(_ question: Question, _ types: Set<QuestionType>, rule: Rule, at path: String) -> Bool {
        guard !types.contains(question.type) else { return true }
        let allowed = types.map(\.rawValue).sorted().joined(separator: " or ")
        report(path, "a \(rule.kind) rule needs a \(allowed) question, but \"\(question.id)\" is \(question.type.rawValue)")
        return false
    }

    private mutating func checkRule(_ rule: Rule, path: String) {
        switch rule {
        case .linear(let id, let goalposts):
            if let question = question(id, at: "\(path).question") {
                expect(question, [.number, .percent], rule: rule, at: "\(path).question")
            }
            checkGoalposts(goalposts, at: path)
        case .steps(let id, let steps, let below):
            if let question = question(id, at: "\(path).question") {
                expect(question, [.number, .percent], rule: rule, at: "\(path).question")
            }
            if steps.isEmpty {
                report("\(path).steps", "a steps rule needs at least one step")
            }
            for (index, step) in steps.enumerated() {
                checkScore(step.score, at: "\(path).steps[\(index)].score")
                if index > 0 && step.from <= steps[index - 1].from {
                    report("\(path).steps[\(index)].from", "steps must be in increasing order of \"from\"")
                }
            }
            checkScore(below, at: "\(path).below")
        case .choice(let id, let scores):
            guard let question = question(id, at: "\(path).question"),
                expect(question, [.choice], rule: rule, at: "\(path).question")
            else { return }
            for option in question.options where scores[option.code] == nil {
                report("\(path).scores", "option \"\(option.code)\" of question \"\(id)\" has no score")
            }
            for (code, score) in scores.sorted(by: { $0.key < $1.key }) {
                if question.option(code) == nil {
                    report("\(path).scores[\"\(code)\"]", "question \"\(id)\" has no option \"\(code)\"")
                }
                checkScore(score, at: "\(path).scores[\"\(code)\"]")
            }
        case .yesNo(let id, let yes, let no):
            if let question = question(id, at: "\(path).question") {
                expect(question, [.yesNo], rule: rule, at: "\(path).question")
            }
            checkScore(yes, at: "\(path).yes")
            checkScore(no, at: "\(path).no")
        case .share(let id, let outOf):
            if let question = question(id, at: "\(path).question"),
                expect(question, [.multiChoice], rule: rule, at: "\(path).question")
            {
                if let outOf, outOf < 1 {
                    report("\(path).outOf", "must be at least 1, found \(outOf)")
                } else if let outOf, outOf < question.options.count {
                    report("\(path).outOf", "is \(outOf) but question \"\(id)\" has \(question.options.count) options")
                }
            }
        case .points(let id, let points):
            guard let question = question(id, at: "\(path).question"),
                expect(question, [.multiChoice], rule: rule, at: "\(path).question")
            else { return }
            for (code, score) in points.sorted(by: { $0.key < $1.key }) {
                if question.option(code) == nil {
                    report("\(path).points[\"\(code)\"]", "question \"\(id)\" has no option \"\(code)\"")
                }
                checkScore(score, at: "\(path).points[\"\(code)\"]")
            }
        case .ratio(let numerator, let denominator, let scale, let goalposts):
            for (operand, key) in [(numerator, "numerator"), (denominator, "denominator")] {
                if case .question(let id) = operand, let question = question(id, at: "\(path).\(key)") {
                    expect(question, [.number, .percent], rule: rule, at: "\(path).\(key)")
                }
            }
            if !(scale > 0) {
                report("\(path).scale", "must be positive, found \(formatNumber(scale))")
            }
            checkGoalposts(goalposts, at: path)
        case .batch(let id, _, _, let constantScore):
            if let question = question(id, at: "\(path).question") {
                expect(question, [.number, .percent], rule: rule, at: "\(path).question")
            }
            checkScore(constantScore, at: "\(path).constantScore")
        }
    }

    // MARK: Conditions

    /// Checks references and types; `allowScores` permits node scores, total and completeness,
    /// which exist only once an enterprise is scored (not when deciding applicability).
    private mutating func checkCondition(_ condition: Condition, path: String, allowScores: Bool) {
        switch condition {
        case .all(let parts):
            for (index, part) in parts.enumerated() { checkCondition(part, path: "\(path).all[\(index)]", allowScores: allowScores) }
        case .any(let parts):
            for (index, part) in parts.enumerated() { checkCondition(part, path: "\(path).any[\(index)]", allowScores: allowScores) }
        case .not(let part):
            checkCondition(part, path: "\(path).not", allowScores: allowScores)
        case .flag:
            break
        case .test(let subject, let tests):
            switch subject {
            case .question(let id):
                guard let question = question(id, at: "\(path).question") else { return }
                for test in tests {
                    checkTest(test, on: question, path: path)
                }
            case .node(let id):
                if !allowScores {
                    report("\(path).node", "node scores are not known yet where this condition is evaluated")
                } else if !nodeIDs.contains(id) {
                    report("\(path).node", "unknown node \"\(id)\"")
                }
                checkNumericTests(tests, subject: "node \"\(id)\"", path: path)
            case .completeness, .total:
                if !allowScores {
                    report("\(path).metric", "scores are not known yet where this condition is evaluated")
                }
                checkNumericTests(tests, subject: subject == .total ? "the total" : "completeness", path: path)
            case .profile(let field):
                if field.isNumeric {
                    checkNumericTests(tests, subject: "profile field \"\(field.rawValue)\"", path: path)
                } else {
                    checkTextProfileTests(tests, field: field, path: path)
                }
            }
        }
    }

    private mutating func checkNumericTests(_ tests: [ConditionTest], subject: String, path: String) {
        for test in tests {
            switch test {
            case .includes, .answered:
                report(path, "\(subject) is a number; use atLeast, atMost, above, below or equals")
            case .equals(let value), .notEquals(let value):
                if case .number = value {} else { report(path, "\(subject) is a number; compare it with a number") }
            case .oneOf(let values):
                if values.contains(where: { if case .number = $0 { false } else { true } }) {
                    report(path, "\(subject) is a number; compare it with numbers")
                }
            default: break
            }
        }
    }

    /// A text field's tests must compare text: a district code written as a number, or a test
    /// like atLeast, would silently never hold.
    private mutating func checkTextProfileTests(_ tests: [ConditionTest], field: ProfileField, path: String) {
        let subject = "profile field \"\(field.rawValue)\" is text"
        for test in tests {
            let values: [ConditionValue]
            switch test {
            case .atLeast, .atMost, .above, .below, .includes:
                report(path, "\(subject); use equals, notEquals or in")
                values = []
            case .answered:
                values = []
            case .equals(let value), .notEquals(let value):
                values = [value]
            case .oneOf(let list):
                values = list
            }
            for value in values {
                guard case .text(let text) = value else {
                    report(path, "\(subject); write the value in quotes: \"\(value.summary)\"")
                    continue
                }
                if field == .size && SizeClass(rawValue: text) == nil {
                    let allowed = SizeClass.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
                    report(path, "unknown size class \"\(text)\" (expected one of \(allowed))")
                }
            }
        }
    }

    private mutating func checkTest(_ test: ConditionTest, on question: Question, path: String) {
        let name = "question \"\(question.id)\" is \(question.type.rawValue)"
        switch test {
        case .answered:
            return
        case .atLeast, .atMost, .above, .below:
            if !question.type.isNumeric { report(path, "\(name); only numbers can be compared with atLeast, atMost, above or below") }
        case .includes(let code):
            if question.type != .multiChoice {
                report(path, "\(name); \"includes\" applies to multi-choice questions")
            } else if question.option(code) == nil {
                report(path, "question \"\(question.id)\" has no option \"\(code)\"")
            }
        case .equals(let value), .notEquals(let value):
            checkValue(value, for: question, path: path)
        case .oneOf(let values):
            // A multi-choice answer is a set of codes, never equal to one of several values.
            if question.type == .multiChoice {
                report(path, "\(name); \"in\" never holds for it: use \"includes\", with \"any\" to accept one of several options")
                return
            }
            for value in values { checkValue(value, for: question, path: path) }
        }
    }

    private mutating func checkValue(_ value: ConditionValue, for question: Question, path: String) {
        switch (question.type, value) {
        case (.choice, .text(let code)), (.multiChoice, .text(let code)):
            if question.option(code) == nil { report(path, "question \"\(question.id)\" has no option \"\(code)\"") }
        case (.yesNo, .bool), (.yesNo, .text("yes")), (.yesNo, .text("no")):
            break
        case (.yesNo, _):
            report(path, "question \"\(question.id)\" is yes-no; compare it with \"yes\", \"no\", true or false")
        case (.number, .number), (.percent, .number), (.text, .text):
            break
        default:
            report(path, "question \"\(question.id)\" is \(question.type.rawValue); the value compared with does not fit")
        }
    }

    /// Refuses applicability conditions that depend on each other in a circle (F1.2 applies when
    /// F1.3 does, and F1.3 when F1.2 does): no order of evaluation can settle them.
    private mutating func checkApplicabilityCycles() {
        var reported = Set<String>()
        for (index, question) in tree.questions.enumerated() where question.applicableWhen != nil {
            let others = IndicatorTree.questionReferences(question.applicableWhen!)
                .filter { $0 != question.id && questionsByID[$0]?.applicableWhen != nil }
            // Walk the questions its condition reads, and theirs; meeting itself again is a cycle.
            var stack = others
            var seen = Set<String>()
            var cyclic = false
            while let next = stack.popLast() {
                if next == question.id { cyclic = true; break }
                guard seen.insert(next).inserted, let condition = questionsByID[next]?.applicableWhen else { continue }
                stack += IndicatorTree.questionReferences(condition)
            }
            if cyclic && reported.insert(question.id).inserted {
                report("questions[\(index)].applicableWhen",
                    "the applicability of \"\(question.id)\" depends, through other questions, on itself")
            }
        }
    }

    // MARK: Stages and selection

    private mutating func checkStages() {
        checkUnique(tree.stages.map(\.id), path: { "stages[\($0)].id" }, what: "stage")
        for (index, stage) in tree.stages.enumerated() {
            let path = "stages[\(index)]"
            if !(0...100).contains(stage.minimumTotal) {
                report("\(path).minimumTotal", "must be between 0 and 100, found \(formatNumber(stage.minimumTotal))")
            }
            if index > 0 && stage.minimumTotal <= tree.stages[index - 1].minimumTotal {
                report("\(path).minimumTotal", "stages must be listed from the lowest to the highest minimum total")
            }
            if let condition = stage.requires {
                checkCondition(condition, path: "\(path).requires", allowScores: true)
            }
        }
        if let first = tree.stages.first, first.minimumTotal != 0 || first.requires != nil {
            report("stages[0]", "the first stage must start at 0 with no requirement, so that every enterprise has a stage")
        }
    }

    private mutating func checkSelection(_ selection: SelectionPolicy) {
        if selection.tracks.isEmpty {
            report("selection.tracks", "a selection policy needs at least one track")
        }
        checkUnique(selection.tracks.map(\.id), path: { "selection.tracks[\($0)].id" }, what: "track")
        for (index, track) in selection.tracks.enumerated() {
            let path = "selection.tracks[\(index)]"
            if let condition = track.when {
                checkCondition(condition, path: "\(path).when", allowScores: true)
            }
            if !(0...100).contains(track.minimumTotal) {
                report("\(path).minimumTotal", "must be between 0 and 100, found \(formatNumber(track.minimumTotal))")
            }
            for (id, minimum) in track.minimumNodes.sorted(by: { $0.key < $1.key }) {
                if !nodeIDs.contains(id) { report("\(path).minimumNodes[\"\(id)\"]", "unknown node \"\(id)\"") }
                checkScore(minimum, at: "\(path).minimumNodes[\"\(id)\"]")
            }
        }
        let trackIDs = Set(selection.tracks.map(\.id))
        var quotaTracks = Set<String>()
        for (index, quota) in selection.quotas.enumerated() {
            let path = "selection.quotas[\(index)]"
            if !trackIDs.contains(quota.track) {
                report("\(path).track", "unknown track \"\(quota.track)\"")
            } else if !quotaTracks.insert(quota.track).inserted {
                report("\(path).track", "track \"\(quota.track)\" already has a quota rule")
            }
            if let perCell = quota.perCell, perCell < 0 {
                report("\(path).perCell", "a quota cannot be negative, found \(perCell)")
            }
            for (cell, count) in quota.cells.sorted(by: { $0.key < $1.key }) where count < 0 {
                report("\(path).cells[\"\(cell)\"]", "a quota cannot be negative, found \(count)")
            }
            for (cell, _) in quota.cells.sorted(by: { $0.key < $1.key })
            where cell.split(separator: "/", omittingEmptySubsequences: false).count != max(quota.by.count, 1) {
                report("\(path).cells[\"\(cell)\"]", "a cell key needs \(quota.by.count) value(s) joined by \"/\" (\(quota.by.map(\.rawValue).joined(separator: "/")))")
            }
        }
        for (index, key) in selection.tieBreak.enumerated() {
            if case .node(let id) = key, !nodeIDs.contains(id) {
                report("selection.tieBreak[\(index)]", "unknown node \"\(id)\"")
            }
        }
    }
}
