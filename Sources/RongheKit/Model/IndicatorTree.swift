import Foundation

/// An indicator system (指标体系): the survey's questions, the weighted tree of indicators over
/// them, the development stages, veto rules and the selection policy.
///
/// Load one with ``load(contentsOf:)`` or ``parse(_:source:)``: the file is decoded and validated
/// in full, so a tree you hold is always usable by the scoring engine. `indicators/README.md`
/// documents the JSON format.
public struct IndicatorTree: Equatable, Sendable {
    /// The format version this build reads.
    public static let formatVersion = 1

    public var id: String
    /// The tree's own version, e.g. `2026.1`, shown in reports.
    public var version: String
    public var name: LocalizedText
    public var description: LocalizedText?
    public var questions: [Question]
    /// The root node; its score is the enterprise's total.
    public var root: IndicatorNode
    /// Stages ordered by their minimum total.
    public var stages: [Stage]
    public var vetoes: [VetoRule]
    public var ranking: RankingPolicy
    /// The missing-answer policy of leaves that do not state one.
    public var defaultMissingPolicy: MissingPolicy
    public var selection: SelectionPolicy?
    /// The SHA-256 of the file's canonical JSON (layout and key order do not change it).
    public var hash: String

    /// The question with `id`, if the tree has one.
    public func question(_ id: String) -> Question? {
        questions.first { $0.id == id }
    }

    /// The node with `id`, if the tree has one.
    public func node(_ id: String) -> IndicatorNode? {
        root.preorder.first { $0.id == id }
    }

    /// Reads, decodes and validates a tree file.
    public static func load(contentsOf url: URL) throws(IndicatorError) -> IndicatorTree {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .unreadable(file: url.relativePath, reason: (error as NSError).localizedDescription)
        }
        return try parse(data, source: url.relativePath)
    }

    /// Decodes and validates a tree from the bytes of a JSON file; `source` names the file in errors.
    public static func parse(_ data: Data, source: String) throws(IndicatorError) -> IndicatorTree {
        let document: JSONValue
        do {
            document = try JSONParser.parse(data)
        } catch {
            throw .syntax(file: source, line: error.line, column: error.column, message: error.message)
        }
        var decodingErrors: [JSONDecodingError] = []
        let tree: IndicatorTree
        do {
            tree = try IndicatorTree(json: JSONCursor(root: document), errors: &decodingErrors)
        } catch {
            decodingErrors.append(error)
            throw .invalid(file: source, diagnostics: decodingErrors.map { TreeDiagnostic(path: $0.path, message: $0.message) })
        }
        // Semantic checks run only on a fully decoded tree: with an element missing, they would
        // report its absence again (an unknown question, a weight sum off) and bury the real error.
        let diagnostics = decodingErrors.isEmpty
            ? IndicatorTreeValidator(tree: tree).diagnostics()
            : decodingErrors.map { TreeDiagnostic(path: $0.path, message: $0.message) }
        if !diagnostics.isEmpty {
            throw .invalid(file: source, diagnostics: diagnostics)
        }
        return tree
    }
}

extension IndicatorTree {
    static let keys: Set<String> = [
        "format", "id", "version", "name", "description", "questions", "tree", "stages", "vetoes", "ranking",
        "defaults", "selection",
    ]

    /// Decodes the document; errors inside list elements are collected in `errors` so one run
    /// reports as many problems as possible.
    init(json: JSONCursor, errors: inout [JSONDecodingError]) throws(JSONDecodingError) {
        let object = try json.object(allowedKeys: Self.keys)
        let formatCursor = try object.required("format")
        let format = try formatCursor.int()
        guard format == Self.formatVersion else {
            throw formatCursor.error(
                "this file uses tree format \(format); this build of ronghe reads format \(Self.formatVersion)")
        }
        func collect<T>(_ list: JSONCursor?, _ decode: (JSONCursor) throws(JSONDecodingError) -> T) throws(JSONDecodingError) -> [T] {
            var values: [T] = []
            for element in try list?.array() ?? [] {
                do {
                    values.append(try decode(element))
                } catch {
                    errors.append(error)
                }
            }
            return values
        }
        var defaultMissing = MissingPolicy.zero
        if let defaults = object.optional("defaults") {
            let settings = try defaults.object(allowedKeys: ["missing"])
            if let cursor = settings.optional("missing") {
                let name = try cursor.string()
                guard let policy = MissingPolicy(rawValue: name) else {
                    throw cursor.error(
                        "unknown missing-answer policy \"\(name)\" (expected \"zero\", \"respread\" or \"industry-median\")")
                }
                defaultMissing = policy
            }
        }
        let questionList = try object.required("questions")
        _ = try questionList.array()
        let questions = try collect(questionList) { (cursor) throws(JSONDecodingError) in try Question(json: cursor) }
        let root = try IndicatorNode(json: object.required("tree"), errors: &errors)
        let stages = try collect(object.optional("stages")) { (cursor) throws(JSONDecodingError) in try Stage(json: cursor) }
        let vetoes = try collect(object.optional("vetoes")) { (cursor) throws(JSONDecodingError) in try VetoRule(json: cursor) }
        self.init(
            id: try object.required("id").nonEmptyString(),
            version: try object.required("version").nonEmptyString(),
            name: try LocalizedText(json: object.required("name")),
            description: try object.optional("description").map { (cursor) throws(JSONDecodingError) in
                try LocalizedText(json: cursor)
            },
            questions: questions,
            root: root,
            stages: stages,
            vetoes: vetoes,
            ranking: try object.optional("ranking").map { (cursor) throws(JSONDecodingError) in try RankingPolicy(json: cursor) }
                ?? RankingPolicy(),
            defaultMissingPolicy: defaultMissing,
            selection: try object.optional("selection").map { (cursor) throws(JSONDecodingError) in
                try SelectionPolicy(json: cursor)
            },
            hash: SHA256.hexDigest(of: Array(json.value.canonicalText.utf8)))
    }
}

extension IndicatorTree {
    /// The questions with an applicability condition, ordered so that every question comes after
    /// the questions its condition reads: a condition then sees a question that does not apply as
    /// unanswered, whatever order the file lists them in. Questions caught in a cycle (which the
    /// validator refuses) come last, in file order.
    public var applicabilityOrder: [Question] {
        let conditional = questions.filter { $0.applicableWhen != nil }
        let ids = Set(conditional.map(\.id))
        var remaining = conditional
        var ordered: [Question] = []
        var placed = Set<String>()
        while !remaining.isEmpty {
            let ready = remaining.filter { question in
                Self.questionReferences(question.applicableWhen!).allSatisfy { !ids.contains($0) || placed.contains($0) || $0 == question.id }
            }
            guard !ready.isEmpty else {
                ordered += remaining
                break
            }
            ordered += ready
            placed.formUnion(ready.map(\.id))
            remaining.removeAll { placed.contains($0.id) }
        }
        return ordered
    }

    static func questionReferences(_ condition: Condition) -> [String] {
        condition.subjects.compactMap {
            if case .question(let id) = $0 { return id }
            return nil
        }
    }
}
