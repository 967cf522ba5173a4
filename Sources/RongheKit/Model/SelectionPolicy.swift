/// How demonstration enterprises (示范企业) are recommended from a scored batch.
///
/// Each enterprise falls in the first track whose condition it meets. Within a track it must reach
/// the track's minimum total and node minimums and carry no veto; the eligible are then ranked
/// within their quota cell (e.g. per district) and the first `quota` of each cell are recommended.
public struct SelectionPolicy: Equatable, Sendable {
    public var tracks: [SelectionTrack]
    public var quotas: [QuotaRule]
    /// Keys ordering enterprises with equal totals, after the total itself; the USCC is always the
    /// last resort so the order is total.
    public var tieBreak: [TieBreakKey]

    public init(tracks: [SelectionTrack], quotas: [QuotaRule] = [], tieBreak: [TieBreakKey] = []) {
        self.tracks = tracks
        self.quotas = quotas
        self.tieBreak = tieBreak
    }
}

/// A group of enterprises competing among themselves, e.g. large and medium firms vs SMEs.
public struct SelectionTrack: Equatable, Sendable {
    public var id: String
    public var name: LocalizedText
    /// Who belongs to the track; nil for everyone.
    public var when: Condition?
    public var minimumTotal: Double
    /// Minimum scores of particular nodes, e.g. `["C": 50]`.
    public var minimumNodes: [String: Double]

    public init(id: String, name: LocalizedText, when: Condition? = nil, minimumTotal: Double, minimumNodes: [String: Double] = [:]) {
        self.id = id
        self.name = name
        self.when = when
        self.minimumTotal = minimumTotal
        self.minimumNodes = minimumNodes
    }
}

/// What a quota cell is keyed by.
public enum QuotaDimension: String, Sendable, CaseIterable, Codable {
    case district
    /// The GB/T 4754 division, e.g. `C26`.
    case industry
    /// The GB/T 4754 section letter, e.g. `C`.
    case industrySection
}

/// How many enterprises of a track each quota cell may recommend.
public struct QuotaRule: Equatable, Sendable {
    public var track: String
    /// The dimensions that form a cell; empty means one cell for the whole track.
    public var by: [QuotaDimension]
    /// The quota of a cell not listed in `cells`; nil means unlimited.
    public var perCell: Int?
    /// Quotas of particular cells, keyed by the cell's values joined with `/`, e.g. `371402` or
    /// `371402/C`.
    public var cells: [String: Int]

    public init(track: String, by: [QuotaDimension], perCell: Int?, cells: [String: Int] = [:]) {
        self.track = track
        self.by = by
        self.perCell = perCell
        self.cells = cells
    }
}

/// A key ordering enterprises whose totals are equal.
public enum TieBreakKey: Equatable, Sendable {
    /// The higher score of this node first.
    case node(String)
    /// The higher completeness first.
    case completeness
    /// The smaller employee count first (favouring the smaller firm), when a bureau wants that.
    case fewerEmployees

    var name: String {
        switch self {
        case .node(let id): return "node:\(id)"
        case .completeness: return "completeness"
        case .fewerEmployees: return "fewerEmployees"
        }
    }
}

extension SelectionPolicy {
    init(json: JSONCursor) throws(JSONDecodingError) {
        let object = try json.object(allowedKeys: ["tracks", "quotas", "tieBreak"])
        var tracks: [SelectionTrack] = []
        for element in try object.required("tracks").array() {
            let track = try element.object(allowedKeys: ["id", "name", "when", "minimumTotal", "minimumNodes"])
            var minimums: [String: Double] = [:]
            if let nodes = track.optional("minimumNodes") {
                for member in try nodes.members() { minimums[member.key] = try member.value.double() }
            }
            tracks.append(SelectionTrack(
                id: try track.required("id").nonEmptyString(),
                name: try LocalizedText(json: track.required("name")),
                when: try track.optional("when").map { (cursor) throws(JSONDecodingError) in try Condition(json: cursor) },
                minimumTotal: try track.optional("minimumTotal")?.double() ?? 0,
                minimumNodes: minimums))
        }
        var quotas: [QuotaRule] = []
        for element in try object.optional("quotas")?.array() ?? [] {
            let quota = try element.object(allowedKeys: ["track", "by", "perCell", "cells"])
            var dimensions: [QuotaDimension] = []
            if let byCursor = quota.optional("by") {
                let names: [JSONCursor] = if case .array = byCursor.value { try byCursor.array() } else { [byCursor] }
                for nameCursor in names {
                    let name = try nameCursor.string()
                    guard let dimension = QuotaDimension(rawValue: name) else {
                        throw nameCursor.error(
                            "unknown quota dimension \"\(name)\" (expected \"district\", \"industry\" or \"industrySection\")")
                    }
                    dimensions.append(dimension)
                }
            }
            var cells: [String: Int] = [:]
            if let cellsCursor = quota.optional("cells") {
                for member in try cellsCursor.members() { cells[member.key] = try member.value.int() }
            }
            quotas.append(QuotaRule(
                track: try quota.required("track").nonEmptyString(), by: dimensions,
                perCell: try quota.optional("perCell")?.int(), cells: cells))
        }
        var tieBreak: [TieBreakKey] = []
        for element in try object.optional("tieBreak")?.array() ?? [] {
            let name = try element.string()
            switch name {
            case "completeness": tieBreak.append(.completeness)
            case "fewerEmployees": tieBreak.append(.fewerEmployees)
            case _ where name.hasPrefix("node:") && name.count > 5: tieBreak.append(.node(String(name.dropFirst(5))))
            default:
                throw element.error(
                    "unknown tie-break \"\(name)\" (expected \"node:ID\", \"completeness\" or \"fewerEmployees\")")
            }
        }
        self.init(tracks: tracks, quotas: quotas, tieBreak: tieBreak)
    }
}
