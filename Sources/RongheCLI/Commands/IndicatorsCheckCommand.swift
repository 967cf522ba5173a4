import Foundation
import RongheKit

/// `ronghe indicators check FILE`: validates an indicator tree and lists it with the weights
/// scoring will use.
struct IndicatorsCheckCommand: Command {
    static let configuration = CommandConfiguration(
        name: "check",
        abstract: "Validate an indicator tree; list it with effective weights and AHP consistency.",
        discussion: """
            A valid tree is listed node by node: each node's weight within its parent, its \
            effective weight (the product of the weights from the root, its share of the total), \
            how its children are weighted (with the consistency ratio and λmax of an AHP matrix) \
            or, for a leaf, its rule in words. Then the stages, veto rules and the selection \
            policy, and a check that the leaves' effective weights sum to 1.

            An invalid tree prints every problem found, one per line with its JSON path, on \
            standard error, and the exit status is 1.
            """,
        arguments: [
            .positional("FILE", help: "The indicator tree, a JSON file such as indicators/lianghua-default.json."),
            .option(
                "lang", allowedValues: Language.allCases.map(\.rawValue), default: Language.zh.rawValue,
                help: "The language of node, stage, veto and track names; without an English name, Chinese is shown."),
            .flag("json", help: "Print the tree, its weights and rules as JSON for scripts (names in both languages)."),
        ],
        examples: [
            "ronghe indicators check indicators/lianghua-default.json",
            "ronghe indicators check indicators/ahp-example.json --lang en",
            "ronghe indicators check my-tree.json --json > my-tree.summary.json",
        ]
    )

    var path: String
    var language: Language
    var json: Bool

    init(_ arguments: ParsedArguments) throws {
        path = try arguments.value("FILE")
        // The scanner has checked the word against the allowed values.
        language = Language(rawValue: try arguments.value("lang")) ?? .zh
        json = arguments.flag("json")
    }

    func run(_ context: CommandContext) throws {
        let tree = try Self.load(path, context: context)
        let summary = TreeSummary(tree: tree)
        if json {
            try context.writeJSON(IndicatorTreeReport(file: path, tree: tree, summary: summary))
        } else {
            context.standardOutput.write(IndicatorTreeListing(tree: tree, summary: summary, language: language).text)
        }
    }

    /// Reads and validates the tree, naming the file as the user typed it in every message.
    static func load(_ path: String, context: CommandContext) throws(IndicatorError) -> IndicatorTree {
        let url = context.url(forPath: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw .unreadable(file: path, reason: "no such file")
        }
        if isDirectory.boolValue {
            throw .unreadable(file: path, reason: "it is a directory, not a JSON file")
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .unreadable(file: path, reason: (error as NSError).localizedDescription)
        }
        return try IndicatorTree.parse(data, source: path)
    }
}

/// The plain-text listing of a valid tree: a header, the nodes as an indented table, the stages,
/// vetoes and selection policy, and the check that the leaves' effective weights sum to 1.
struct IndicatorTreeListing {
    let tree: IndicatorTree
    let summary: TreeSummary
    let language: Language

    var text: String {
        [header, nodes, stages, vetoes, selection, weightCheck].joined(separator: "\n")
    }

    private var header: String {
        let rows = [
            ("tree", "\(tree.id), version \(tree.version)"),
            ("name", tree.name.text(language)),
            ("hash", tree.hash),
            ("questions", "\(summary.questionCount), of which the leaves' rules read \(summary.scoredQuestionCount)"),
            ("leaves", "\(summary.leafCount)"),
            ("missing answers", "\(tree.defaultMissingPolicy.rawValue), unless a leaf states its own policy"),
            ("ranking", "needs completeness of at least \(Self.number(tree.ranking.minimumCompleteness))"),
        ]
        let width = rows.map(\.0.count).max() ?? 0
        return rows.map { $0.0.padding(toLength: width + 2, withPad: " ", startingAt: 0) + $0.1 + "\n" }.joined()
    }

    private var nodes: String {
        var table = TextTable(columns: [
            .init("NODE", alignment: .left), .init("WEIGHT", alignment: .right),
            .init("EFFECTIVE", alignment: .right), .init("HOW", alignment: .left),
        ])
        for node in summary.nodes {
            let weight = node.parentID == nil ? "" : node.weight.map { String(format: "%.4f", $0) } ?? "?"
            table.append([
                String(repeating: "  ", count: node.depth) + "\(node.id) \(node.name.text(language))",
                weight,
                node.effectiveWeight.map { String(format: "%.6f", $0) } ?? "?",
                how(node),
            ])
        }
        var legend = "Nodes: WEIGHT within the parent, EFFECTIVE share of the total, HOW the children are weighted or the leaf is scored.\n"
        if !summary.entropyShares.isEmpty {
            legend += "? marks weights that entropy weighting derives from each scored batch.\n"
        }
        return legend + table.render()
    }

    private func how(_ node: TreeSummary.Node) -> String {
        if let rule = node.ruleSummary {
            guard let policy = node.missingPolicy, policy != tree.defaultMissingPolicy else { return rule }
            return "\(rule); missing: \(policy.rawValue)"
        }
        var text: String
        switch node.weighting {
        case .explicit: text = "explicit weights"
        case .equal: text = "equal weights"
        case .entropy: text = "entropy, from the batch"
        case .ahp:
            text = "AHP"
            if let ahp = node.ahp {
                text += String(format: ", CR %.3f, λmax %.3f", ahp.consistencyRatio, ahp.lambdaMax)
            }
        }
        if case .geometric(let floor) = node.aggregation {
            text += "; geometric mean, floor \(Self.number(floor))"
        }
        return text
    }

    private var stages: String {
        guard !tree.stages.isEmpty else { return "Stages: none.\n" }
        var table = TextTable(columns: [
            .init("STAGE", alignment: .left), .init("NAME", alignment: .left),
            .init("FROM", alignment: .right), .init("REQUIRES", alignment: .left),
        ])
        for stage in tree.stages {
            table.append([stage.id, stage.name.text(language), Self.number(stage.minimumTotal), stage.requires?.summary ?? ""])
        }
        return "Stages: an enterprise is in the highest stage whose minimum total it reaches and whose requirement it meets.\n"
            + table.render()
    }

    private var vetoes: String {
        guard !tree.vetoes.isEmpty else { return "Vetoes: none.\n" }
        var table = TextTable(columns: [.init("VETO", alignment: .left), .init("REASON", alignment: .left), .init("WHEN", alignment: .left)])
        for veto in tree.vetoes {
            table.append([veto.id, veto.reason.text(language), veto.when.summary])
        }
        return "Vetoes: an enterprise meeting one is still scored and ranked, but cannot be selected.\n" + table.render()
    }

    private var selection: String {
        guard let selection = tree.selection else { return "Selection: none.\n" }
        var table = TextTable(columns: [
            .init("TRACK", alignment: .left), .init("NAME", alignment: .left), .init("WHO", alignment: .left),
            .init("MINIMUM", alignment: .left), .init("QUOTA", alignment: .left),
        ])
        for track in selection.tracks {
            let minimums = ["total ≥ \(Self.number(track.minimumTotal))"]
                + track.minimumNodes.sorted { $0.key < $1.key }.map { "node \($0.key) ≥ \(Self.number($0.value))" }
            table.append([
                track.id, track.name.text(language), track.when?.summary ?? "everyone", minimums.joined(separator: ", "),
                Self.quota(selection.quotas.first { $0.track == track.id }),
            ])
        }
        let keys = selection.tieBreak.map { key -> String in
            switch key {
            case .node(let id): return "node \(id) (higher first)"
            case .completeness: return "completeness (higher first)"
            case .fewerEmployees: return "employees (fewer first)"
            }
        }
        return "Selection: each enterprise competes in the first track whose condition it meets.\n" + table.render()
            + "Equal totals are ordered by " + (keys + ["USCC"]).joined(separator: ", ") + ".\n"
    }

    private static func quota(_ rule: QuotaRule?) -> String {
        guard let rule else { return "no limit" }
        let cellName = rule.by.map(\.rawValue).joined(separator: "/")
        var text: String
        switch (rule.by.isEmpty, rule.perCell) {
        case (true, let count?): text = "\(count) for the track"
        case (true, nil): text = "no limit"
        case (false, let count?): text = "\(count) per \(cellName)"
        case (false, nil): text = "no limit per \(cellName)"
        }
        let cells = rule.cells.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
        return cells.isEmpty ? text : "\(text) (\(cells.joined(separator: ", ")))"
    }

    private var weightCheck: String {
        let sum = String(format: "%.6f", summary.fixedLeafWeightSum)
        guard !summary.entropyShares.isEmpty else {
            return "effective weights of the \(summary.leafCount) leaves sum to \(sum)\n"
        }
        let shares = summary.entropyShares.map {
            "node \($0.nodeID)'s " + String(format: "%.6f", $0.effectiveWeight)
                + " is split among its \($0.leafCount) leaves by entropy weights from each batch"
        }
        let total = summary.fixedLeafWeightSum + summary.entropyShares.map(\.effectiveWeight).reduce(0, +)
        return "effective weights of the \(summary.fixedLeafCount) leaves with fixed weights sum to \(sum); "
            + shares.joined(separator: "; ") + "; together " + String(format: "%.6f", total) + "\n"
    }

    /// A number without a trailing `.0`: `0.6`, `40`.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }
}
