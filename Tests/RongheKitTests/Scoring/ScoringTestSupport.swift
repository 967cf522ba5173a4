import Foundation

@testable import RongheKit

/// Builds an enterprise's survey for engine tests; identity fields default to plausible values.
func survey(
    _ uscc: String, industry: String = "C26", district: String = "371402", size: SizeClass = .medium,
    employees: Int? = 500, revenue: Double? = 10_000, flags: Set<String> = [], _ answers: [String: Answer]
) -> SurveyResponse {
    SurveyResponse(
        profile: EnterpriseProfile(
            uscc: uscc, name: "企业\(uscc)", district: district, industry: industry, size: size,
            employees: employees, revenue: revenue, year: 2026),
        answers: answers, flags: flags)
}

/// A tree with the given questions and root children (explicitly weighted unless `rootExtra`
/// says otherwise), plus optional extra top-level members such as stages or vetoes.
func makeTree(questions: String, children: String, rootExtra: String = "", extra: String = "") throws -> IndicatorTree {
    try IndicatorTree.parse(
        Data("""
            {"format": 1, "id": "t", "version": "1", "name": "测试", "questions": [\(questions)],
             "tree": {"id": "total", "name": "总分"\(rootExtra), "children": [\(children)]}\(extra)}
            """.utf8), source: "test.json")
}

/// Scores `responses` with `tree` and returns the cards keyed by USCC.
func scoreCards(_ tree: IndicatorTree, _ responses: [SurveyResponse]) throws -> [String: ScoreCard] {
    let result = try ScoringEngine(tree: tree).score(responses)
    return Dictionary(uniqueKeysWithValues: result.map { ($0.profile.uscc, $0) })
}

func isClose(_ a: Double?, _ b: Double, tolerance: Double = 1e-9) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tolerance
}
