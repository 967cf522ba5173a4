import Foundation
import Testing

@testable import RongheKit

@Suite struct SelectionTests {
    typealias T = SelectionTree

    static func track(_ tree: IndicatorTree, _ id: String) -> SelectionTrack {
        tree.selection!.tracks.first { $0.id == id }!
    }

    static func district(_ code: String) -> QuotaCellKey {
        QuotaCellKey(dimensions: [.district], values: [code])
    }

    @Test func quotaCellsPerDistrictWithAnOverride() throws {
        // Totals are (x + d) / 2. District 371402 has quota 2 (override), 371403 the default 1.
        let (selection, result) = try T.select([
            T.firm("A1", district: "371402", x: 100, d: 75),  // 87.5
            T.firm("A2", district: "371402", x: 75, d: 75),  // 75
            T.firm("A3", district: "371402", x: 75, d: 50),  // 62.5: third in a cell of 2
            T.firm("B1", district: "371403", x: 100, d: 100),  // 100
            T.firm("B2", district: "371403", x: 87.5, d: 75),  // 81.25: second in a cell of 1
        ])
        let big = Self.track(result.tree, "big")
        #expect(selection.recommendedUSCCs(result) == ["A1", "A2", "B1"])
        #expect(selection.decision("A1").reasons == [.recommended(track: big, cell: Self.district("371402"), place: 1, quota: 2)])
        #expect(selection.decision("A2").reasons == [.recommended(track: big, cell: Self.district("371402"), place: 2, quota: 2)])
        #expect(selection.decision("A3").reasons == [.outsideQuota(track: big, cell: Self.district("371402"), place: 3, quota: 2)])
        #expect(selection.decision("B1").reasons == [.recommended(track: big, cell: Self.district("371403"), place: 1, quota: 1)])
        #expect(selection.decision("B2").reasons == [.outsideQuota(track: big, cell: Self.district("371403"), place: 2, quota: 1)])
        #expect(selection.decision("A1").reasons[0].text(.zh) == "推荐：「大中型企业」区县 371402 第 1 名（名额 2 名）")
        #expect(selection.decision("A1").reasons[0].text(.en) == "Recommended: place 1 in Large and medium, district 371402, quota 2")
        #expect(selection.decision("A3").reasons[0].text(.zh) == "符合条件但超出名额：「大中型企业」区县 371402 第 3 名（名额 2 名）")
        #expect(selection.decision("A3").reasons[0].text(.en) == "Eligible but outside the quota: place 3 in Large and medium, district 371402, quota 2")
        let a3 = selection.decision("A3")
        #expect(a3.isEligible && !a3.isRecommended && a3.place == 3 && a3.track == "big" && !a3.tieAtQuotaLine)

        // Cells: track order, then key; 371499 has a quota of its own but nobody in it.
        #expect(selection.cells.map(\.key.key) == ["371402", "371403", "371499"])
        #expect(selection.cells.map(\.quota) == [2, 1, 3])
        #expect(selection.cells.map(\.members.count) == [3, 2, 0])
        #expect(selection.cells.map(\.eligible.count) == [3, 2, 0])
        #expect(selection.cells.map(\.recommendedCount) == [2, 1, 0])
        #expect(selection.cells[0].eligible.map { result[$0].profile.uscc } == ["A1", "A2", "A3"])
        #expect(selection.decision("B2").cell == 1)
        #expect(selection.cells[0].label(.zh) == "大中型企业 · 区县 371402")
        #expect(selection.cells[1].label(.en) == "Large and medium · district 371403")
    }

    @Test func exactTieAtTheQuotaLineIsDecidedByUSCCAndFlagged() throws {
        // T1 and T2: total 62.5, D 62.5, completeness 1: equal on everything but the USCC.
        // T3: total 62.5 too, but D 50, so the D key puts it after both.
        let (selection, result) = try T.select([
            T.firm("T3", x: 75, d: 50),
            T.firm("T2", x: 62.5, d: 62.5),
            T.firm("T1", x: 62.5, d: 62.5),
        ])
        #expect(result.totals.allSatisfy { $0 == 62.5 })
        let big = Self.track(result.tree, "big")
        let cell = Self.district("371403")
        let t1 = selection.decision("T1")
        let t2 = selection.decision("T2")
        let t3 = selection.decision("T3")
        #expect(t1.isRecommended && t1.tieAtQuotaLine)
        #expect(t1.reasons == [.recommended(track: big, cell: cell, place: 1, quota: 1), .tieAtQuotaLine(others: ["T2"])])
        #expect(!t2.isRecommended && t2.tieAtQuotaLine)
        #expect(t2.reasons == [.outsideQuota(track: big, cell: cell, place: 2, quota: 1), .tieAtQuotaLine(others: ["T1"])])
        // T3 was separated from the last one in (T1) by a key, so its place is not arbitrary.
        #expect(!t3.tieAtQuotaLine)
        #expect(t3.reasons == [
            .outsideQuota(track: big, cell: cell, place: 3, quota: 1),
            .tieBrokenAtQuotaLine(
                key: .node("D"), keyLabel: LocalizedText(zh: "D 集成得分高者优先", en: "higher D Integration score first"),
                other: "T1"),
        ])
        #expect(t1.reasons[1].text(.zh) == "名额线上与 T2 的总分及全部并列规则完全相同，按统一社会信用代码升序决定，请人工复核")
        #expect(t1.reasons[1].text(.en) == "At the quota line, exactly equal to T2 on the total and every tie-break rule: the order of unified social credit codes decided; please review")
        #expect(t3.reasons[1].text(.zh) == "名额线上与 T1 总分相同，按并列规则「D 集成得分高者优先」区分")
        #expect(t3.reasons[1].text(.en) == "Tied on total with T1 at the quota line; separated by the tie-break rule \"higher D Integration score first\"")
    }

    @Test func tieBreakKeysComeBeforeTheUSCC() throws {
        // 371403 (quota 1): K1 and K2 both total 75. K1 has D 75 but completeness 2/3 (no e);
        // K2 has D 62.5 and completeness 1. The node key comes first, so K1 wins.
        // 371405 (quota 1): C1 and C2 both total 75 and D 75; C2 answered e (completeness 1 vs
        // 2/3), so C2 wins although its USCC is larger.
        let (selection, result) = try T.select([
            T.firm("K1", x: 75, d: 75, e: nil),
            T.firm("K2", x: 87.5, d: 62.5, e: 50),
            T.firm("C1", district: "371405", x: 75, d: 75, e: nil),
            T.firm("C2", district: "371405", x: 75, d: 75, e: 100),
        ])
        #expect(result.totals.allSatisfy { $0 == 75 })
        let big = Self.track(result.tree, "big")
        let byD = LocalizedText(zh: "D 集成得分高者优先", en: "higher D Integration score first")
        let byCompleteness = LocalizedText(zh: "填报完整率高者优先", en: "higher completeness first")
        #expect(selection.decision("K1").reasons == [
            .recommended(track: big, cell: Self.district("371403"), place: 1, quota: 1),
            .tieBrokenAtQuotaLine(key: .node("D"), keyLabel: byD, other: "K2"),
        ])
        #expect(selection.decision("K2").reasons == [
            .outsideQuota(track: big, cell: Self.district("371403"), place: 2, quota: 1),
            .tieBrokenAtQuotaLine(key: .node("D"), keyLabel: byD, other: "K1"),
        ])
        #expect(selection.decision("C2").reasons == [
            .recommended(track: big, cell: Self.district("371405"), place: 1, quota: 1),
            .tieBrokenAtQuotaLine(key: .completeness, keyLabel: byCompleteness, other: "C1"),
        ])
        #expect(selection.decision("C1").isEligible && !selection.decision("C1").isRecommended)
        #expect(selection.decisions.allSatisfy { !$0.tieAtQuotaLine })
        #expect(selection.recommendedUSCCs(result) == ["K1", "C2"])
    }

    @Test func fewerEmployeesKeyFavoursTheSmallerFirm() throws {
        let policy = T.policy.replacingOccurrences(of: #"["node:D", "completeness"]"#, with: #"["fewerEmployees"]"#)
        var small = T.firm("F2", x: 75, d: 75)
        small.profile.employees = 320
        var large = T.firm("F1", x: 75, d: 75)
        large.profile.employees = 900
        let (selection, result) = try T.select([large, small], policy: policy)
        #expect(selection.recommendedUSCCs(result) == ["F2"])
        #expect(selection.decision("F1").reasons.last?.text(.en) == "Tied on total with F2 at the quota line; separated by the tie-break rule \"fewer employees first\"")
    }

    @Test func vetoedTopScorerIsExcludedAndTheNextMovesUp() throws {
        let (selection, result) = try T.select([
            T.firm("V", x: 100, d: 100, accident: true),  // 100, but vetoed
            T.firm("W", x: 87.5, d: 87.5),  // 87.5
            T.firm("Y", x: 75, d: 75),  // 75
        ])
        let big = Self.track(result.tree, "big")
        let vetoed = selection.decision("V")
        #expect(!vetoed.isEligible && !vetoed.isRecommended && vetoed.place == nil && vetoed.track == "big")
        #expect(vetoed.reasons == [
            .vetoed(rule: "safety", reason: LocalizedText(zh: "近三年发生重大生产安全事故", en: "Major production-safety accident"))
        ])
        #expect(vetoed.reasons[0].text(.zh) == "一票否决：近三年发生重大生产安全事故")
        #expect(vetoed.reasons[0].text(.en) == "Vetoed: Major production-safety accident")
        // Still scored and ranked first overall: the veto only bars selection.
        #expect(result[result.firstIndex { $0.profile.uscc == "V" }!].ranks.overall == 1)
        #expect(selection.decision("W").reasons == [.recommended(track: big, cell: Self.district("371403"), place: 1, quota: 1)])
        #expect(selection.decision("Y").reasons == [.outsideQuota(track: big, cell: Self.district("371403"), place: 2, quota: 1)])
        #expect(selection.cells[1].members.count == 3 && selection.cells[1].eligible.count == 2)
    }

    @Test func trackAndNodeMinimums() throws {
        // Track "big": total ≥ 60 and D ≥ 40, both inclusive.
        let (selection, result) = try T.select([
            T.firm("M1", district: "371402", x: 75, d: 25),  // 50: both minimums missed
            T.firm("M2", district: "371402", x: 100, d: 37.5),  // 68.75: only D
            T.firm("M3", district: "371402", x: 50, d: 62.5),  // 56.25: only the total
            T.firm("M4", district: "371402", x: 80, d: 40),  // 60 and D 40: both met exactly
        ])
        let m4 = try #require(result.first { $0.profile.uscc == "M4" })
        try #require(m4.total == 60 && m4.node("D")?.score == 40, "80 and 40 over 0–100 are exact")
        let big = Self.track(result.tree, "big")
        let integration = LocalizedText(zh: "集成", en: "Integration")
        #expect(selection.decision("M1").reasons == [
            .belowTrackMinimum(track: big, total: 50, minimum: 60),
            .belowNodeMinimum(track: big, node: "D", nodeName: integration, score: 25, minimum: 40),
        ])
        #expect(selection.decision("M2").reasons == [
            .belowNodeMinimum(track: big, node: "D", nodeName: integration, score: 37.5, minimum: 40)
        ])
        #expect(selection.decision("M3").reasons == [.belowTrackMinimum(track: big, total: 56.25, minimum: 60)])
        #expect(selection.decision("M4").reasons == [.recommended(track: big, cell: Self.district("371402"), place: 1, quota: 2)])
        #expect(selection.decisions.filter(\.isEligible).map(\.uscc) == ["M4"])
        #expect(selection.decision("M1").reasons[0].text(.zh) == "总分 50.00 低于「大中型企业」最低分 60")
        #expect(selection.decision("M1").reasons[0].text(.en) == "Total 50.00 is below the minimum of 60 for Large and medium")
        #expect(selection.decision("M2").reasons[0].text(.zh) == "D 集成得分 37.50，低于「大中型企业」要求的 40 分")
        #expect(selection.decision("M2").reasons[0].text(.en) == "D Integration scores 37.50, below the 40 required for Large and medium")
    }

    @Test func nodeWithoutAScoreDoesNotMeetAMinimum() throws {
        // D blank under the respread policy has no score at all, which cannot meet "D ≥ 40".
        let children = T.children.replacingOccurrences(
            of: #""weight": 0.5, "rule": {"kind": "linear", "question": "d""#,
            with: #""weight": 0.5, "missing": "respread", "rule": {"kind": "linear", "question": "d""#)
        let tree = try makeTree(questions: T.questions, children: children, extra: T.vetoes + #", "selection": "# + T.policy)
        let result = try ScoringEngine(tree: tree).score([T.firm("1", x: 100, d: nil)])
        #expect(result[0].node("D")?.score == nil && result[0].total == 100)
        let reason = try Selection.select(result).decision("1").reasons[0]
        #expect(reason == .belowNodeMinimum(
            track: Self.track(tree, "big"), node: "D", nodeName: LocalizedText(zh: "集成", en: "Integration"), score: nil, minimum: 40))
        #expect(reason.text(.zh) == "D 集成无得分（不适用或未填报），未达「大中型企业」要求的 40 分")
        #expect(reason.text(.en) == "D Integration has no score (not applicable or not answered), so the 40 required for Large and medium is not met")
    }

    @Test func scoresJustBelowAMinimumAreNotPrintedAsEqualToIt() {
        #expect(SelectionReason.score(59.996, distinctFrom: 60) == "59.996")
        #expect(SelectionReason.score(59.9999, distinctFrom: 60) == "59.9999")
        #expect(SelectionReason.score(55.2, distinctFrom: 60) == "55.20")
        let reason = SelectionReason.notRanked(completeness: 0.5995, minimum: 0.6)
        #expect(reason.text(.en) == "Not ranked: completeness 59.95% is below the required 60.00%")
    }

    @Test func enterpriseInNoTrack() throws {
        let (selection, result) = try T.select([
            T.firm("N1", size: .micro, x: 100, d: 100),
            T.firm("N2", size: .micro, x: 100, d: nil, e: nil, accident: true),
        ])
        let n1 = selection.decision("N1")
        #expect(n1.reasons == [.noTrack])
        #expect(n1.track == nil && n1.cell == nil && !n1.isEligible && !n1.isRecommended)
        #expect(n1.reasons[0].text(.zh) == "不属于任何评选组别")
        #expect(n1.reasons[0].text(.en) == "Not in any selection track")
        // Every reason is listed: no track, too incomplete to rank (1 of 3 questions), and vetoed.
        let n2 = selection.decision("N2")
        #expect(n2.reasons.map(\.code) == ["no-track", "not-ranked", "vetoed"])
        #expect(n2.reasons[1] == .notRanked(completeness: 1.0 / 3.0, minimum: 0.6))
        #expect(selection.cells.allSatisfy { $0.members.isEmpty })
        #expect(result.track(at: 0) == nil)
    }

    @Test func unrankedEnterpriseIsNotEligibleAndEveryReasonIsListed() throws {
        // U answered x only: completeness 1/3 < 0.6; d is blank and scores 0 (policy "zero"), so
        // the total is 50 and D is 0.
        let (selection, result) = try T.select([
            T.firm("U", x: 100, d: nil, e: nil),
            T.firm("R", x: 62.5, d: 62.5),
        ])
        let big = Self.track(result.tree, "big")
        let unranked = selection.decision("U")
        #expect(unranked.reasons == [
            .notRanked(completeness: 1.0 / 3.0, minimum: 0.6),
            .belowTrackMinimum(track: big, total: 50, minimum: 60),
            .belowNodeMinimum(track: big, node: "D", nodeName: LocalizedText(zh: "集成", en: "Integration"), score: 0, minimum: 40),
        ])
        #expect(unranked.reasons[0].text(.zh) == "未参与排名：填报完整率 33.3%，低于要求的 60.0%")
        #expect(selection.recommendedUSCCs(result) == ["R"])
    }

    @Test func trackWithoutAQuotaRuleIsOneUnlimitedCell() throws {
        let (selection, result) = try T.select([
            T.firm("S1", district: "371402", size: .small, x: 100, d: 100),  // 100
            T.firm("S2", district: "371403", size: .small, x: 50, d: 50),  // 50: exactly the minimum
            T.firm("S3", district: "371404", size: .small, x: 50, d: 25),  // 37.5
            T.firm("S4", district: "371405", size: .small, x: 75, d: 62.5),  // 68.75
        ])
        let small = Self.track(result.tree, "small")
        let whole = QuotaCellKey(dimensions: [], values: [])
        let cell = try #require(selection.cells.first { $0.track.id == "small" })
        #expect(cell.key == whole && cell.quota == nil && cell.members.count == 4 && cell.recommendedCount == 3)
        #expect(selection.recommendedUSCCs(result) == ["S1", "S4", "S2"])
        #expect(selection.decision("S2").reasons == [.recommended(track: small, cell: whole, place: 3, quota: nil)])
        #expect(selection.decision("S3").reasons == [.belowTrackMinimum(track: small, total: 37.5, minimum: 50)])
        #expect(selection.decision("S4").reasons[0].text(.zh) == "推荐：「小型企业」全组 第 2 名（不限名额）")
        #expect(selection.decision("S4").reasons[0].text(.en) == "Recommended: place 2 in Small, whole track, no quota limit")
    }

    @Test func quotaRuleWithoutPerCellIsUnlimitedExceptItsOverrides() throws {
        // Cells by district and industry section; only 371402/C is limited (to 1).
        let policy = """
            {"tracks": [{"id": "all", "name": "全部", "minimumTotal": 0}],
             "quotas": [{"track": "all", "by": ["district", "industrySection"], "cells": {"371402/C": 1}}]}
            """
        var services = T.firm("P3", district: "371402", x: 50, d: 50)
        services.profile.industry = "I65"
        let (selection, result) = try T.select([
            T.firm("P1", district: "371402", x: 100, d: 100),
            T.firm("P2", district: "371402", x: 75, d: 75),
            services,
        ], policy: policy)
        #expect(selection.cells.map(\.key.key) == ["371402/C", "371402/I"])
        #expect(selection.cells.map(\.quota) == [1, nil])
        #expect(selection.recommendedUSCCs(result) == ["P1", "P3"])
        #expect(selection.cells[0].label(.en) == "全部 · district 371402 / industry section C")
        #expect(selection.decision("P2").reasons[0].text(.zh) == "符合条件但超出名额：「全部」区县 371402 / 行业门类 C 第 2 名（名额 1 名）")
    }

    @Test func quotaOfZeroRecommendsNobody() throws {
        let policy = T.policy.replacingOccurrences(of: #""perCell": 1"#, with: #""perCell": 0"#)
        let (selection, result) = try T.select([T.firm("Z1", x: 100, d: 100), T.firm("Z2", x: 100, d: 100)], policy: policy)
        let big = Self.track(result.tree, "big")
        #expect(selection.recommended.isEmpty)
        // Equal on everything, but with nobody in there is no line to tie at.
        #expect(selection.decision("Z1").reasons == [.outsideQuota(track: big, cell: Self.district("371403"), place: 1, quota: 0)])
        #expect(!selection.decision("Z1").tieAtQuotaLine)
    }

    @Test func treeWithoutAPolicyCannotSelect() throws {
        let tree = try makeTree(questions: T.questions, children: T.children)
        let result = try ScoringEngine(tree: tree).score([T.firm("1", x: 1, d: 1)])
        #expect(throws: SelectionError.noPolicy(tree: "t")) { try Selection.select(result) }
        #expect("\(SelectionError.noPolicy(tree: "t"))" == "the indicator tree \"t\" has no selection policy; add a \"selection\" block to select demonstration enterprises")
    }

    @Test func eachEnterpriseFallsInTheFirstTrackWhoseConditionHolds() throws {
        // The engine evaluates the conditions, so they may test staff flags and answers, which the
        // scoring result does not keep.
        let policy = """
            {"tracks": [
               {"id": "pilot", "name": "试点", "when": {"flag": "pilot"}, "minimumTotal": 0},
               {"id": "safe", "name": "安全", "when": {"question": "accident", "equals": "no"}, "minimumTotal": 0},
               {"id": "rest", "name": "其他", "minimumTotal": 0}]}
            """
        var pilot = T.firm("1", x: 50, d: 50)
        pilot.flags = ["pilot"]
        let (selection, result) = try T.select(
            [pilot, T.firm("2", x: 50, d: 50), T.firm("3", x: 50, d: 50, accident: true)], policy: policy)
        #expect(selection.decisions.map(\.track) == ["pilot", "safe", "rest"])
        #expect((0..<3).map { result.track(at: $0)?.id } == ["pilot", "safe", "rest"])
    }

    @Test func decisionsFollowTheResultOrder() throws {
        let (selection, result) = try T.select([T.firm("B", x: 1, d: 1), T.firm("A", x: 2, d: 2), T.firm("C", x: 3, d: 3)])
        #expect(selection.decisions.map(\.uscc) == result.map(\.profile.uscc))
        #expect(selection.decisions.map(\.uscc) == ["A", "B", "C"])
    }

    // MARK: The default tree and policy

    /// Answers to every question of the default tree at full marks (`best`) or at zero.
    static func defaultAnswers(best: Bool) -> [String: Answer] {
        // Ratios are 100 · numerator / denominator: numerator = denominator gives 100%, above every
        // upper goalpost (5, 3, 60, 90, 30, 35); a 0 numerator is below every lower one.
        let top: [String: Answer] = [
            "A1.1": .choice("executive"), "A1.2": .choice("ceo"), "A1.3": .choices(["association", "training"]),
            "A2.1": .choice("standalone"), "A2.2": .number(500), "A2.3": .number(100),
            "B1.1": .number(10_000), "B1.2": .number(30), "B2.1": .number(500), "B2.2": .number(100), "B2.3": .choice("full"),
            "C1.1": .choices(["finance", "purchasing", "inventory", "sales", "planning", "hr"]),
            "C1.2a": .number(10), "C1.2b": .number(10), "C1.3": .choice("linked"), "C2.1": .choice("cad3dPlm"),
            "C2.2": .number(100), "D1.1": .number(5), "D1.2": .choice("full"), "D2.1": .number(100), "D2.2": .choice("core"),
            "E1.1": .number(10_000), "E1.2": .choices(["ownSite", "platform", "crossBorder"]), "E2.1a": .number(1),
            "E2.1b": .number(1), "E2.2": .yesNo(true), "F0": .yesNo(true), "F1.1": .number(100), "F1.2": .yesNo(true),
            "F1.3": .choice("optimisation"), "F2.1": .number(10), "F2.2": .yesNo(true), "G1.1": .number(20),
            "G1.2": .number(30), "G2.1": .number(50), "G2.2": .choice("level3"),
        ]
        let zero: [String: Answer] = [
            "A1.1": .choice("none"), "A1.2": .choice("none"), "A1.3": .choices([]), "A2.1": .choice("none"),
            "A2.2": .number(0), "A2.3": .number(0), "B1.1": .number(0), "B1.2": .number(0), "B2.1": .number(0),
            "B2.2": .number(0), "B2.3": .choice("none"), "C1.1": .choices([]), "C1.2a": .number(0), "C1.2b": .number(10),
            "C1.3": .choice("none"), "C2.1": .choice("none"), "C2.2": .number(0), "D1.1": .number(0), "D1.2": .choice("none"),
            "D2.1": .number(0), "D2.2": .choice("none"), "E1.1": .number(0), "E1.2": .choices([]), "E2.1a": .number(0),
            "E2.1b": .number(1), "E2.2": .yesNo(false), "F0": .yesNo(true), "F1.1": .number(0), "F1.2": .yesNo(false),
            "F1.3": .choice("none"), "F2.1": .number(0), "F2.2": .yesNo(false), "G1.1": .number(0), "G1.2": .number(0),
            "G2.1": .number(0), "G2.2": .choice("none"),
        ]
        var answers = best ? top : zero
        for veto in ["V1", "V2", "V3"] { answers[veto] = .yesNo(false) }
        answers["P1"] = .number(100)
        answers["P2"] = .number(100)
        return answers
    }

    @Test func defaultTreeAndPolicy() throws {
        let tree = try IndicatorTree.load(contentsOf: Fixtures.defaultTreeURL)
        func firm(_ uscc: String, _ district: String, _ size: SizeClass, best: Bool, veto: Bool = false) -> SurveyResponse {
            var answers = Self.defaultAnswers(best: best)
            if veto { answers["V1"] = .yesNo(true) }
            return survey(uscc, district: district, size: size, employees: 500, revenue: 10_000, answers)
        }
        let result = try ScoringEngine(tree: tree).score([
            // District 371402, large and medium (quota 2 per district): three perfect firms, equal on
            // the total, D, C and completeness, so the USCC order decides and the cut is flagged.
            firm("L1", "371402", .large, best: true), firm("L2", "371402", .medium, best: true),
            firm("L3", "371402", .large, best: true),
            // A perfect firm with a major accident: vetoed.
            firm("L0", "371402", .large, best: true, veto: true),
            // District 371403: one perfect small firm and one micro firm at zero (SME track, min 50).
            firm("S1", "371403", .small, best: true), firm("S2", "371403", .micro, best: false),
        ])
        let selection = try Selection.select(result)
        let card = try #require(result.first { $0.profile.uscc == "L1" })
        #expect(card.total > 99.999_999)
        #expect(result.filter { $0.profile.uscc.hasPrefix("L") }.allSatisfy { $0.total == card.total })
        #expect(result.first { $0.profile.uscc == "S2" }!.total == 0)
        let large = tree.selection!.tracks[0]
        let sme = tree.selection!.tracks[1]
        #expect(selection.recommendedUSCCs(result) == ["L1", "L2", "S1"])
        #expect(selection.decision("L2").reasons == [
            .recommended(track: large, cell: Self.district("371402"), place: 2, quota: 2), .tieAtQuotaLine(others: ["L3"]),
        ])
        #expect(selection.decision("L3").reasons == [
            .outsideQuota(track: large, cell: Self.district("371402"), place: 3, quota: 2),
            .tieAtQuotaLine(others: ["L1", "L2"]),
        ])
        // L1 is in as well, but exactly equal to L3 across the line, so its place is arbitrary too.
        #expect(selection.decision("L1").reasons.last == .tieAtQuotaLine(others: ["L3"]))
        #expect(selection.decision("L0").reasons == [
            .vetoed(rule: "safety", reason: LocalizedText(zh: "近三年发生重大生产安全事故", en: "Major production-safety accident in the last 3 years"))
        ])
        #expect(selection.decision("S1").reasons == [.recommended(track: sme, cell: Self.district("371403"), place: 1, quota: 3)])
        #expect(selection.decision("S2").reasons == [.belowTrackMinimum(track: sme, total: 0, minimum: 50)])
        #expect(selection.cells.map { "\($0.track.id)/\($0.key.key)" } == ["large-medium/371402", "sme/371403"])
    }
}
