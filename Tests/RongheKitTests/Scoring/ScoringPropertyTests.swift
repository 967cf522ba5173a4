import Foundation
import Testing

@testable import RongheKit

/// Random trees and batches built straight from the model (not through JSON), so that properties
/// can be checked over hundreds of shapes. Every failure message carries the seed.
struct RandomTreeFactory {
    var random: SplitMix64
    var questions: [Question] = []
    var nextID = 0
    /// Whether entropy weighting may appear (it makes weights depend on the batch).
    let allowEntropy: Bool

    init(seed: UInt64, allowEntropy: Bool = true) {
        random = SplitMix64(seed: seed)
        self.allowEntropy = allowEntropy
    }

    mutating func makeTree() -> IndicatorTree {
        let root = makeNode(depth: 0, weight: nil)
        return IndicatorTree(
            id: "random", version: "1", name: LocalizedText(zh: "随机"), description: nil, questions: questions,
            root: root, stages: [Stage(id: "s0", name: LocalizedText(zh: "起步"), minimumTotal: 0)], vetoes: [],
            ranking: RankingPolicy(minimumCompleteness: 0.5), defaultMissingPolicy: .zero, selection: nil, hash: "")
    }

    private mutating func uniqueID(_ prefix: String) -> String {
        nextID += 1
        return "\(prefix)\(nextID)"
    }

    private mutating func makeNode(depth: Int, weight: Double?) -> IndicatorNode {
        if depth >= 1 && (depth == 3 || Int.random(in: 0..<3, using: &random) == 0) {
            var leaf = makeLeaf()
            leaf.weight = weight
            return leaf
        }
        let count = Int.random(in: 2...4, using: &random)
        let raw = (0..<count).map { _ in Double.random(in: 0.05...1, using: &random) }
        let sum = raw.reduce(0, +)
        let weighting: Weighting
        switch Int.random(in: 0..<(allowEntropy ? 4 : 3), using: &random) {
        case 0: weighting = .equal
        case 1: weighting = .ahp(raw.map { a in raw.map { a / $0 } })
        case 2: weighting = .explicit
        default: weighting = .entropy
        }
        let children = (0..<count).map { index in
            makeNode(depth: depth + 1, weight: weighting == .explicit ? raw[index] / sum : nil)
        }
        let aggregation: Aggregation = Bool.random(using: &random) ? .arithmetic : .geometric(floor: 1)
        return IndicatorNode(
            id: uniqueID("N"), name: LocalizedText(zh: "节点"), weight: weight, weighting: weighting,
            aggregation: aggregation, children: children)
    }

    private mutating func makeLeaf() -> IndicatorNode {
        let id = uniqueID("Q")
        let options = (0..<Int.random(in: 2...5, using: &random)).map {
            QuestionOption(code: "o\($0)", label: LocalizedText(zh: "选项\($0)"))
        }
        let low = Double.random(in: -10...50, using: &random)
        let goalposts = Goalposts(low: low, high: low + Double.random(in: 1...100, using: &random))
        let rule: Rule
        var type = QuestionType.number
        switch Int.random(in: 0..<8, using: &random) {
        case 0: rule = .linear(question: id, goalposts: goalposts)
        case 1:
            let cuts = (0..<3).map { _ in Double.random(in: 0...100, using: &random) }.sorted()
            rule = .steps(question: id, steps: zip(cuts, [20.0, 60, 100]).map { ScoreStep(from: $0, score: $1) }, below: 0)
        case 2:
            type = .choice
            rule = .choice(question: id, scores: Dictionary(uniqueKeysWithValues: options.map { ($0.code, Double.random(in: 0...100, using: &random)) }))
        case 3:
            type = .yesNo
            rule = .yesNo(question: id, yes: 100, no: 0)
        case 4:
            type = .multiChoice
            rule = .share(question: id, outOf: nil)
        case 5:
            type = .multiChoice
            rule = .points(question: id, points: Dictionary(uniqueKeysWithValues: options.map { ($0.code, Double.random(in: 0...60, using: &random)) }))
        case 6:
            let denominator = uniqueID("D")
            // Denominators are counts and amounts (employees, revenue, purchases): never negative.
            questions.append(Question(id: denominator, label: LocalizedText(zh: "分母"), type: .number, minimum: 0))
            rule = .ratio(numerator: .question(id), denominator: .question(denominator), scale: 100, goalposts: goalposts)
        default:
            rule = .batch(question: id, method: [BatchMethod.minMax, .zScore, .percentile].randomElement(using: &random)!, direction: .higher, constantScore: 50)
        }
        questions.append(Question(
            id: id, label: LocalizedText(zh: "问题"), type: type, options: type.hasOptions ? options : [],
            allowsNotApplicable: true))
        return IndicatorNode(
            id: uniqueID("L"), name: LocalizedText(zh: "指标"), rule: rule,
            missing: MissingPolicy.allCases.randomElement(using: &random)!)
    }

    /// A batch of surveys answering the tree's questions, with some blanks and not-applicables.
    mutating func makeBatch(for tree: IndicatorTree, count: Int) -> [SurveyResponse] {
        (0..<count).map { index in
            var answers: [String: Answer] = [:]
            for question in tree.questions {
                let roll = Int.random(in: 0..<20, using: &random)
                if roll == 0 { continue }
                if roll == 1 { answers[question.id] = .notApplicable; continue }
                answers[question.id] = randomAnswer(for: question)
            }
            return survey(
                String(format: "E%04d", index), industry: ["C26", "C30", "I65"].randomElement(using: &random)!,
                district: ["371402", "371403"].randomElement(using: &random)!, answers)
        }
    }

    mutating func randomAnswer(for question: Question) -> Answer {
        switch question.type {
        case .choice: return .choice(question.options.randomElement(using: &random)!.code)
        case .multiChoice: return .choices(question.options.filter { _ in Bool.random(using: &random) }.map(\.code))
        case .yesNo: return .yesNo(Bool.random(using: &random))
        default:
            // Include exact repeats so batch columns have ties and constant stretches.
            let low = max(question.minimum ?? -20, -20)
            return .number(Int.random(in: 0..<4, using: &random) == 0 ? 10 : Double.random(in: low...150, using: &random))
        }
    }
}

@Suite struct ScoringPropertyTests {
    static let seeds: [UInt64] = Array(1...120)

    @Test(arguments: seeds)
    func scoresStayWithinZeroAndHundred(seed: UInt64) throws {
        var factory = RandomTreeFactory(seed: seed)
        let tree = factory.makeTree()
        let result = try ScoringEngine(tree: tree).score(factory.makeBatch(for: tree, count: 25))
        for card in result {
            #expect((0...100).contains(card.total), "seed \(seed): total \(card.total)")
            for node in card.nodes {
                if let score = node.score {
                    #expect((0...100).contains(score), "seed \(seed): node \(node.id) scored \(score) flags \(node.flags.names) value \(String(describing: node.value))")
                }
                #expect((0...1.000_000_001).contains(node.globalWeight), "seed \(seed): node \(node.id) weight \(node.globalWeight)")
            }
        }
    }

    @Test(arguments: seeds)
    func surveyOrderChangesNothing(seed: UInt64) throws {
        var factory = RandomTreeFactory(seed: seed)
        let tree = factory.makeTree()
        let batch = factory.makeBatch(for: tree, count: 20)
        var shuffler = SplitMix64(seed: seed &* 7919)
        let engine = ScoringEngine(tree: tree)
        let first = try engine.score(batch)
        let second = try engine.score(batch.shuffled(using: &shuffler))
        // Bit for bit: ScoreCard equality compares the doubles exactly.
        #expect(Array(first) == Array(second), "seed \(seed)")
    }

    @Test(arguments: seeds)
    func scalingSiblingWeightsTogetherChangesNothing(seed: UInt64) throws {
        var factory = RandomTreeFactory(seed: seed)
        let tree = factory.makeTree()
        let batch = factory.makeBatch(for: tree, count: 15)
        var scaled = tree
        var scaler = SplitMix64(seed: seed)
        func scale(_ node: inout IndicatorNode) {
            let factor = Double.random(in: 0.1...10, using: &scaler)
            if node.weighting == .explicit {
                for index in node.children.indices { node.children[index].weight = node.children[index].weight.map { $0 * factor } }
            }
            for index in node.children.indices { scale(&node.children[index]) }
        }
        scale(&scaled.root)
        let original = try ScoringEngine(tree: tree).score(batch)
        let rescaled = try ScoringEngine(tree: scaled).score(batch)
        for (a, b) in zip(original, rescaled) {
            #expect(abs(a.total - b.total) < 1e-9, "seed \(seed): \(a.total) vs \(b.total)")
        }
    }

    @Test(arguments: seeds)
    func raisingAHigherIsBetterAnswerNeverLowersAScore(seed: UInt64) throws {
        // Entropy weights are left out: they are derived from the batch, so one enterprise's answer
        // moves the weights themselves.
        var factory = RandomTreeFactory(seed: seed, allowEntropy: false)
        let tree = factory.makeTree()
        let batch = factory.makeBatch(for: tree, count: 12)
        let engine = ScoringEngine(tree: tree)
        let before = try engine.score(batch)
        var checked = 0
        for leaf in tree.root.leaves where leaf.rule!.isIncreasing {
            // The first question of a ratio is its numerator.
            let question = leaf.rule!.questions[0]
            for target in [0, 5, 11] {
                guard let old = batch[target].answers[question]?.number else { continue }
                var raised = batch
                raised[target].answers[question] = .number(old + 15)
                let after = try engine.score(raised)
                let uscc = batch[target].profile.uscc
                let oldCard = before.first { $0.profile.uscc == uscc }!
                let newCard = after.first { $0.profile.uscc == uscc }!
                #expect(newCard.total >= oldCard.total - 1e-9, "seed \(seed), leaf \(leaf.id): \(oldCard.total) → \(newCard.total)")
                for (oldNode, newNode) in zip(oldCard.nodes, newCard.nodes) {
                    if let oldScore = oldNode.score, let newScore = newNode.score {
                        #expect(newScore >= oldScore - 1e-9, "seed \(seed): node \(oldNode.id) \(oldScore) → \(newScore)")
                    }
                }
                checked += 1
            }
        }
        Self.monotonicityChecks.add(checked)
    }

    /// Counts the raised answers checked across seeds, so a generator change that stopped producing
    /// increasing leaves would show up as a failure rather than a silent pass.
    static let monotonicityChecks = Counter()

    @Test func monotonicityPropertyExercisesManyAnswers() throws {
        var total = 0
        for seed in Self.seeds.prefix(30) {
            var factory = RandomTreeFactory(seed: seed, allowEntropy: false)
            let tree = factory.makeTree()
            let batch = factory.makeBatch(for: tree, count: 12)
            for leaf in tree.root.leaves where leaf.rule!.isIncreasing {
                total += [0, 5, 11].filter { batch[$0].answers[leaf.rule!.questions[0]]?.number != nil }.count
            }
        }
        #expect(total > 100, "only \(total) raised answers in 30 seeds")
    }
}

final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()
    func add(_ amount: Int) {
        lock.lock()
        value += amount
        lock.unlock()
    }
}
