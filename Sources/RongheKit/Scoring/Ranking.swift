/// Ranks on unrounded totals with standard competition ranking (1, 2, 2, 4).
///
/// Tie rule: enterprises whose totals are exactly equal (as unrounded doubles) share the better
/// rank and the following rank is skipped; listings show tied enterprises in USCC order. Only
/// ranked enterprises (those meeting the minimum completeness) take part.
public enum Ranking {
    /// The competition rank of each value among the included ones (nil when not included).
    public static func competitionRanks(_ totals: [Double], included: [Bool]) -> [Int?] {
        let order = totals.indices.filter { included[$0] }.sorted { totals[$0] > totals[$1] }
        var ranks = [Int?](repeating: nil, count: totals.count)
        for (position, index) in order.enumerated() {
            if position > 0, totals[order[position - 1]] == totals[index] {
                ranks[index] = ranks[order[position - 1]]
            } else {
                ranks[index] = position + 1
            }
        }
        return ranks
    }

    /// Ranks within groups: each value is ranked among the included values with the same key.
    public static func groupRanks(_ totals: [Double], included: [Bool], groups: [String]) -> [Int?] {
        var members: [String: [Int]] = [:]
        for index in totals.indices where included[index] {
            members[groups[index], default: []].append(index)
        }
        var ranks = [Int?](repeating: nil, count: totals.count)
        for indices in members.values {
            let local = competitionRanks(indices.map { totals[$0] }, included: indices.map { _ in true })
            for (position, index) in indices.enumerated() { ranks[index] = local[position] }
        }
        return ranks
    }

    static func ranks(profiles: [EnterpriseProfile], totals: [Double], isRanked: [Bool]) -> [Ranks] {
        let overall = competitionRanks(totals, included: isRanked)
        let district = groupRanks(totals, included: isRanked, groups: profiles.map(\.district))
        let industry = groupRanks(totals, included: isRanked, groups: profiles.map(\.industry))
        let size = groupRanks(totals, included: isRanked, groups: profiles.map(\.size.rawValue))
        return totals.indices.map {
            Ranks(overall: overall[$0], district: district[$0], industry: industry[$0], size: size[$0])
        }
    }
}
