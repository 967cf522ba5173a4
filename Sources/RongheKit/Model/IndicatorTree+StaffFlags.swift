extension IndicatorTree {
    /// The staff flags (such as `falsified`) some condition of the tree tests: in applicability,
    /// stage requirements, veto rules or selection tracks. Setting any other flag would change
    /// nothing. Sorted.
    public var staffFlags: [String] {
        var conditions: [Condition] = questions.compactMap(\.applicableWhen)
        conditions += stages.compactMap(\.requires)
        conditions += vetoes.map(\.when)
        conditions += selection?.tracks.compactMap(\.when) ?? []
        var flags = Set<String>()
        func collect(_ condition: Condition) {
            switch condition {
            case .all(let list), .any(let list): list.forEach(collect)
            case .not(let inner): collect(inner)
            case .flag(let name): flags.insert(name)
            case .test: break
            }
        }
        conditions.forEach(collect)
        return flags.sorted()
    }
}
