import Foundation
import RongheKit

/// The ranking as an aligned text table for the terminal.
struct RankingTable {
    let result: ScoringResult
    let order: [Int]
    let language: Language

    var text: String {
        let tree = result.tree
        let headers: [String] = language == .zh
            ? ["排名", "统一社会信用代码", "企业名称", "区县", "行业", "规模", "总分", "发展阶段", "否决"]
            : ["Rank", "Credit code", "Name", "District", "Industry", "Size", "Total", "Stage", "Veto"]
        var table = TextTable(columns: headers.map { TextTable.Column($0) })
        for position in order {
            let card = result[position]
            let stage = card.stage.flatMap { id in tree.stages.first { $0.id == id } }?.name.text(language) ?? ""
            let vetoes = card.vetoes.compactMap { id in tree.vetoes.first { $0.id == id }?.reason.text(language) }
            table.append([
                card.ranks.overall.map(String.init) ?? "-",
                card.profile.uscc,
                card.profile.name,
                card.profile.district,
                card.profile.industry,
                card.profile.size.label.text(language),
                String(format: "%.2f", card.total),
                stage,
                vetoes.joined(separator: "; "),
            ])
        }
        return table.render()
    }
}

/// One scored enterprise as `--json` prints it.
struct ScoredEnterprise: Encodable {
    let uscc: String
    let name: String
    let district: String
    let industry: String
    let size: String
    let total: Double
    let stage: String?
    let vetoes: [String]
    let completeness: Double
    let ranked: Bool
    let ranks: Ranks
    /// The scores of the tree's top-level dimensions, by node id; null when left out.
    let dimensions: [String: Double?]

    init(_ card: ScoreCard, tree: IndicatorTree) {
        uscc = card.profile.uscc
        name = card.profile.name
        district = card.profile.district
        industry = card.profile.industry
        size = card.profile.size.rawValue
        total = card.total
        stage = card.stage
        vetoes = card.vetoes
        completeness = card.completeness
        ranked = card.isRanked
        ranks = card.ranks
        dimensions = Dictionary(uniqueKeysWithValues: tree.root.children.map { ($0.id, card.node($0.id)?.score) })
    }
}
