import RongheKit

/// What `ronghe indicators check --json` prints: the tree's identity, every node with its weights
/// and rule as an object, the stages, vetoes and selection policy, and the weight check.
///
/// Weights are unrounded. A key whose value would be null is left out: the root has no `parent`,
/// a child of an entropy node no `weight`, a node below one no `effectiveWeight`. Conditions are
/// given in words (the same as the listing); rules as objects in the tree file's own keys, with
/// every default filled in, plus a `summary` in words.
struct IndicatorTreeReport: Encodable {
    var file: String
    var id: String
    var version: String
    var name: LocalizedText
    var hash: String
    var questions: Int
    var scoredQuestions: Int
    var leaves: Int
    var defaultMissingPolicy: String
    var minimumCompleteness: Double
    var nodes: [NodeReport]
    var stages: [StageReport]
    var vetoes: [VetoReport]
    var selection: SelectionReport?
    var weightCheck: WeightCheck

    struct NodeReport: Encodable {
        var id: String
        var name: LocalizedText
        var parent: String?
        var depth: Int
        var leaf: Bool
        /// How the children are weighted: explicit, equal, ahp or entropy (inner nodes only).
        var weighting: String?
        /// arithmetic or geometric (inner nodes only).
        var aggregation: String?
        var geometricFloor: Double?
        var weight: Double?
        var effectiveWeight: Double?
        var ahp: AHPReport?
        var rule: RuleReport?
        var missingPolicy: String?
    }

    struct AHPReport: Encodable {
        var matrix: [[Double]]
        var weights: [Double]
        var lambdaMax: Double
        var consistencyIndex: Double
        var consistencyRatio: Double
        /// Saaty's random index for the matrix's size.
        var randomIndex: Double
        var acceptable: Bool
    }

    struct RuleReport: Encodable {
        var kind: String
        var summary: String
        var question: String?
        var numerator: OperandReport?
        var denominator: OperandReport?
        var scale: Double?
        var low: Double?
        var high: Double?
        var direction: String?
        var steps: [StepReport]?
        var below: Double?
        var scores: [String: Double]?
        var yes: Double?
        var no: Double?
        var outOf: Int?
        var points: [String: Double]?
        var method: String?
        var constantScore: Double?
    }

    struct OperandReport: Encodable {
        var question: String?
        var profile: String?
    }

    struct StepReport: Encodable {
        var from: Double
        var score: Double
    }

    struct StageReport: Encodable {
        var id: String
        var name: LocalizedText
        var minimumTotal: Double
        var requires: String?
    }

    struct VetoReport: Encodable {
        var id: String
        var reason: LocalizedText
        var when: String
    }

    struct SelectionReport: Encodable {
        var tracks: [TrackReport]
        var quotas: [QuotaReport]
        /// The keys after the total, ending with the USCC, which always comes last.
        var tieBreak: [String]
    }

    struct TrackReport: Encodable {
        var id: String
        var name: LocalizedText
        var when: String?
        var minimumTotal: Double
        var minimumNodes: [String: Double]
    }

    struct QuotaReport: Encodable {
        var track: String
        var by: [String]
        var perCell: Int?
        var cells: [String: Int]
    }

    struct WeightCheck: Encodable {
        var fixedLeaves: Int
        var fixedLeafWeightSum: Double
        var entropyNodes: [EntropyReport]
    }

    struct EntropyReport: Encodable {
        var id: String
        var effectiveWeight: Double
        var leaves: Int
    }

    init(file: String, tree: IndicatorTree, summary: TreeSummary) {
        self.file = file
        id = tree.id
        version = tree.version
        name = tree.name
        hash = tree.hash
        questions = summary.questionCount
        scoredQuestions = summary.scoredQuestionCount
        leaves = summary.leafCount
        defaultMissingPolicy = tree.defaultMissingPolicy.rawValue
        minimumCompleteness = tree.ranking.minimumCompleteness
        nodes = summary.nodes.map(NodeReport.init)
        stages = tree.stages.map {
            StageReport(id: $0.id, name: $0.name, minimumTotal: $0.minimumTotal, requires: $0.requires?.summary)
        }
        vetoes = tree.vetoes.map { VetoReport(id: $0.id, reason: $0.reason, when: $0.when.summary) }
        selection = tree.selection.map { policy in
            SelectionReport(
                tracks: policy.tracks.map {
                    TrackReport(id: $0.id, name: $0.name, when: $0.when?.summary, minimumTotal: $0.minimumTotal, minimumNodes: $0.minimumNodes)
                },
                quotas: policy.quotas.map {
                    QuotaReport(track: $0.track, by: $0.by.map(\.rawValue), perCell: $0.perCell, cells: $0.cells)
                },
                tieBreak: policy.tieBreak.map { key in
                    switch key {
                    case .node(let id): return "node:\(id)"
                    case .completeness: return "completeness"
                    case .fewerEmployees: return "fewerEmployees"
                    }
                } + ["uscc"])
        }
        weightCheck = WeightCheck(
            fixedLeaves: summary.fixedLeafCount, fixedLeafWeightSum: summary.fixedLeafWeightSum,
            entropyNodes: summary.entropyShares.map {
                EntropyReport(id: $0.nodeID, effectiveWeight: $0.effectiveWeight, leaves: $0.leafCount)
            })
    }
}

extension IndicatorTreeReport.NodeReport {
    init(_ node: TreeSummary.Node) {
        id = node.id
        name = node.name
        parent = node.parentID
        depth = node.depth
        leaf = node.isLeaf
        weight = node.weight
        effectiveWeight = node.effectiveWeight
        if node.isLeaf {
            rule = node.rule.map { IndicatorTreeReport.RuleReport($0, summary: node.ruleSummary ?? "") }
            missingPolicy = node.missingPolicy?.rawValue
        } else {
            weighting = node.weighting.name
            switch node.aggregation {
            case .arithmetic: aggregation = "arithmetic"
            case .geometric(let floor):
                aggregation = "geometric"
                geometricFloor = floor
            }
            if case .ahp(let matrix) = node.weighting, let analysis = node.ahp {
                ahp = IndicatorTreeReport.AHPReport(
                    matrix: matrix, weights: analysis.weights, lambdaMax: analysis.lambdaMax,
                    consistencyIndex: analysis.consistencyIndex, consistencyRatio: analysis.consistencyRatio,
                    randomIndex: AHPAnalysis.randomIndex[matrix.count], acceptable: analysis.isAcceptable)
            }
        }
    }
}

extension IndicatorTreeReport.RuleReport {
    init(_ rule: Rule, summary: String) {
        kind = rule.kind
        self.summary = summary
        func setGoalposts(_ goalposts: Goalposts) {
            low = goalposts.low
            high = goalposts.high
            direction = goalposts.direction.rawValue
        }
        func operand(_ operand: RuleOperand) -> IndicatorTreeReport.OperandReport {
            switch operand {
            case .question(let id): return .init(question: id)
            case .profile(let field): return .init(profile: field.rawValue)
            }
        }
        switch rule {
        case .linear(let id, let goalposts):
            question = id
            setGoalposts(goalposts)
        case .steps(let id, let list, let below):
            question = id
            steps = list.map { .init(from: $0.from, score: $0.score) }
            self.below = below
        case .choice(let id, let table):
            question = id
            scores = table
        case .yesNo(let id, let yes, let no):
            question = id
            self.yes = yes
            self.no = no
        case .share(let id, let outOf):
            question = id
            self.outOf = outOf
        case .points(let id, let table):
            question = id
            points = table
        case .ratio(let top, let bottom, let scale, let goalposts):
            numerator = operand(top)
            denominator = operand(bottom)
            self.scale = scale
            setGoalposts(goalposts)
        case .batch(let id, let method, let direction, let constantScore):
            question = id
            self.method = method.rawValue
            self.direction = direction.rawValue
            self.constantScore = constantScore
        }
    }
}
