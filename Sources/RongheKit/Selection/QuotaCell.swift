/// Which quota cell of a track an enterprise competes in: its values of the quota rule's
/// dimensions, e.g. district `371402`, or district and industry section `371402/C`.
public struct QuotaCellKey: Hashable, Sendable {
    /// The quota rule's dimensions; empty for a track competing as one cell.
    public var dimensions: [QuotaDimension]
    /// The enterprise's value of each dimension, in the same order.
    public var values: [String]

    public init(dimensions: [QuotaDimension], values: [String]) {
        precondition(dimensions.count == values.count, "a cell key needs one value per dimension")
        self.dimensions = dimensions
        self.values = values
    }

    /// The key as the policy's `cells` overrides write it: the values joined by `/`; empty for a
    /// whole-track cell.
    public var key: String { values.joined(separator: "/") }

    /// The cell of `profile` under `dimensions`.
    init(dimensions: [QuotaDimension], profile: EnterpriseProfile) {
        self.init(dimensions: dimensions, values: dimensions.map { dimension in
            switch dimension {
            case .district: return profile.district
            case .industry: return profile.industry
            case .industrySection: return profile.industrySection
            }
        })
    }

    /// The cell for a key written in the policy's `cells`, e.g. `371402/C`.
    init(dimensions: [QuotaDimension], key: String) {
        let parts = dimensions.isEmpty ? [] : key.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        // The validator guarantees one part per dimension; pad defensively so a bad key cannot trap.
        let values = (0..<dimensions.count).map { $0 < parts.count ? parts[$0] : "" }
        self.init(dimensions: dimensions, values: values)
    }

    /// A label such as `区县 371402 / 行业门类 C` or `district 371402 / industry section C`; the
    /// codes are shown as they are, since mapping them to names is the report's business.
    public func label(_ language: Language) -> String {
        guard !dimensions.isEmpty else { return language == .zh ? "全组" : "whole track" }
        return zip(dimensions, values).map { "\($0.label.text(language)) \($1)" }.joined(separator: " / ")
    }
}

extension QuotaDimension {
    /// The dimension's name in listings.
    public var label: LocalizedText {
        switch self {
        case .district: return LocalizedText(zh: "区县", en: "district")
        case .industry: return LocalizedText(zh: "行业", en: "industry")
        case .industrySection: return LocalizedText(zh: "行业门类", en: "industry section")
        }
    }
}

/// One quota cell of a selection: who competes in it, who is eligible in what order, and how many
/// are recommended.
public struct QuotaCell: Equatable, Sendable {
    public var track: SelectionTrack
    public var key: QuotaCellKey
    /// How many the cell may recommend; nil for no limit.
    public var quota: Int?
    /// The positions (in the scoring result) of every enterprise of the track in this cell,
    /// eligible or not, in result order. Empty for a cell the policy names but nobody is in.
    public var members: [Int]
    /// The positions of the eligible members in place order: the first is place 1.
    public var eligible: [Int]
    /// How many of `eligible` are recommended: the quota, or fewer if fewer are eligible.
    public var recommendedCount: Int

    public init(track: SelectionTrack, key: QuotaCellKey, quota: Int?, members: [Int], eligible: [Int], recommendedCount: Int) {
        self.track = track
        self.key = key
        self.quota = quota
        self.members = members
        self.eligible = eligible
        self.recommendedCount = recommendedCount
    }

    /// The positions of the recommended enterprises, in place order.
    public var recommended: ArraySlice<Int> { eligible.prefix(recommendedCount) }

    /// A label such as `大中型企业 · 区县 371402`.
    public func label(_ language: Language) -> String {
        "\(track.name.text(language)) · \(key.label(language))"
    }
}
