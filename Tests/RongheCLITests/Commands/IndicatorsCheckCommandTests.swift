import Foundation
import RongheKit
import Testing

@testable import RongheCLI

/// `ronghe indicators check`, run on the shipped trees and on fixtures with captured output.
///
/// The listings' layout comes from the command; every figure in them was checked independently:
/// the default tree's weights with a short Python script that walks the JSON and multiplies the
/// weights down each path (and by hand for B1.1 = 0.10 × 0.5 × 0.6 = 0.03 and F1.2 = 0.15 × 0.5
/// × 0.2 = 0.015); the AHP example's with numpy (see `AHPExampleTreeTests`); the default tree's
/// hash with Python's `sha256(json.dumps(tree, sort_keys=True, separators=(",", ":"),
/// ensure_ascii=False))`, which gives the same hash as ours.
@Suite struct IndicatorsCheckCommandTests {
    /// The repository's top level, where `indicators/` lives.
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// Runs `ronghe` with the working directory `directory` (the repository by default).
    func run(_ arguments: [String], in directory: URL = repository) -> Invocation {
        let output = TextBuffer()
        let error = TextBuffer()
        let context = CommandContext(standardOutput: output.sink, standardError: error.sink, workingDirectory: directory)
        let status = Ronghe.run(arguments, context: context)
        return Invocation(status: status, output: output.text, error: error.text)
    }

    /// The default tree's SHA-256 over its canonical JSON, computed independently with Python:
    /// `sha256(json.dumps(tree, sort_keys=True, separators=(",", ":"), ensure_ascii=False))`.
    /// Changes whenever `indicators/lianghua-default.json` does.
    static let defaultTreeHash = "d59184df280162df03ec5dea1113913c41e83783145b3d8d700e00f9515bc466"

    func defaultHash() throws -> String {
        try IndicatorTree.load(contentsOf: Self.repository.appendingPathComponent("indicators/lianghua-default.json")).hash
    }

    // MARK: The default tree

    @Test func listsTheDefaultTreeWithEffectiveWeights() throws {
        let hash = try defaultHash()
        #expect(hash == Self.defaultTreeHash)
        let expected = """
            tree             lianghua-default, version 2026.1
            name             两化融合发展水平评估（默认指标体系）
            hash             \(hash)
            questions        42, of which the leaves' rules read 35
            leaves           33
            missing answers  zero, unless a leaf states its own policy
            ranking          needs completeness of at least 0.6

            Nodes: WEIGHT within the parent, EFFECTIVE share of the total, HOW the children are weighted or the leaf is scored.
            NODE                                   WEIGHT  EFFECTIVE  HOW
            -------------------------------------  ------  ---------  ---------------------------------------------------------------
            total 两化融合发展水平                          1.000000  explicit weights
              A 组织保障与CIO体系                  0.1500   0.150000  explicit weights
                A1 领导与CIO                       0.6000   0.090000  explicit weights
                  A1.1 CIO职级                     0.4000   0.036000  choice none 0 · itHead 40 · director 70 · executive 100
                  A1.2 信息化牵头人                0.3000   0.027000  choice ceo 100 · deputyGM 70 · deptHead 40 · none 0
                  A1.3 CIO网络                     0.3000   0.027000  points association 50 · training 50 (capped at 100)
                A2 规划与人才                      0.4000   0.060000  explicit weights
                  A2.1 信息化规划                  0.4000   0.024000  choice standalone 100 · embedded 50 · none 0
                  A2.2 每百名员工信息化专职人员数  0.3500   0.021000  ratio A2.2 / employees × 100, linear 0.5 → 5 (higher is better)
                  A2.3 数字化培训覆盖率            0.2500   0.015000  linear 0 → 80 (higher is better)
              B 基础建设                           0.1000   0.100000  explicit weights
                B1 投入                            0.5000   0.050000  explicit weights
                  B1.1 信息化投入占营业收入比重    0.6000   0.030000  ratio B1.1 / revenue × 100, linear 0.2 → 3 (higher is better)
                  B1.2 信息化投入增长率            0.4000   0.020000  linear 0 → 20 (higher is better)
                B2 设施                            0.5000   0.050000  explicit weights
                  B2.1 每百名员工计算机终端数      0.3000   0.015000  ratio B2.1 / employees × 100, linear 10 → 60 (higher is better)
                  B2.2 关键设备联网率              0.4000   0.020000  linear 0 → 80 (higher is better)
                  B2.3 网络安全                    0.3000   0.015000  choice none 0 · partial 50 · full 100
              C 单项应用（ERP）                    0.2000   0.200000  explicit weights
                C1 ERP应用                         0.6000   0.120000  explicit weights
                  C1.1 ERP模块覆盖                 0.4000   0.048000  share of 6 options
                  C1.2 ERP用户覆盖率               0.3000   0.036000  ratio C1.2a / C1.2b × 100, linear 10 → 90 (higher is better)
                  C1.3 业务财务一体化              0.3000   0.036000  choice none 0 · financeOnly 30 · integrated 70 · linked 100
                C2 研发与生产                      0.4000   0.080000  explicit weights
                  C2.1 研发设计工具                0.5000   0.040000  choice none 0 · cad2d 50 · cad3dPlm 100
                  C2.2 关键工序数控化率            0.5000   0.040000  linear 20 → 68 (higher is better)
              D 综合集成与协同                     0.1500   0.150000  explicit weights
                D1 内部集成                        0.6000   0.090000  explicit weights
                  D1.1 系统集成                    0.6000   0.054000  linear 0 → 5 (higher is better)
                  D1.2 主数据管理                  0.4000   0.036000  choice none 0 · partial 50 · full 100
                D2 产业链协同                      0.4000   0.060000  explicit weights
                  D2.1 伙伴系统对接率              0.6000   0.036000  linear 0 → 80 (higher is better)
                  D2.2 工业互联网与云              0.4000   0.024000  choice none 0 · some 50 · core 100
              E 电子商务                           0.1500   0.150000  explicit weights
                E1 网上销售                        0.5000   0.075000  explicit weights
                  E1.1 网上销售额占营业收入比重    0.7000   0.052500  ratio E1.1 / revenue × 100, linear 0 → 30 (higher is better)
                  E1.2 网上销售渠道                0.3000   0.022500  share of 3 options
                E2 网上采购                        0.5000   0.075000  explicit weights
                  E2.1 网上采购额占采购总额比重    0.7000   0.052500  ratio E2.1a / E2.1b × 100, linear 0 → 35 (higher is better)
                  E2.2 电子招标或供应商门户        0.3000   0.022500  yes-no 100/0
              F 信息技术节能减排                   0.1500   0.150000  explicit weights
                F1 能源监测                        0.5000   0.075000  explicit weights
                  F1.1 能源在线计量覆盖率          0.5000   0.037500  linear 0 → 90 (higher is better)
                  F1.2 接入省能耗在线监测平台      0.2000   0.015000  yes-no 100/0
                  F1.3 能源管理系统                0.3000   0.022500  choice none 0 · monitoring 50 · optimisation 100
                F2 减排成效                        0.5000   0.075000  explicit weights
                  F2.1 单位产值能耗下降率          0.6000   0.045000  linear 0 → 5 (higher is better)
                  F2.2 污染物排放在线监测          0.4000   0.030000  yes-no 100/0
              G 效能效益                           0.1000   0.100000  explicit weights
                G1 运营效率                        0.6000   0.060000  explicit weights
                  G1.1 劳动生产率增长              0.5000   0.030000  linear 0 → 10 (higher is better); missing: industry-median
                  G1.2 存货周转率提升              0.5000   0.030000  linear 0 → 25 (higher is better); missing: industry-median
                G2 创新与认证                      0.4000   0.040000  explicit weights
                  G2.1 新产品产值占比              0.5000   0.020000  linear 5 → 40 (higher is better)
                  G2.2 两化融合认证                0.5000   0.020000  choice none 0 · gbt23001 50 · level2 70 · level3 100

            Stages: an enterprise is in the highest stage whose minimum total it reaches and whose requirement it meets.
            STAGE        NAME      FROM  REQUIRES
            -----------  --------  ----  -----------
            startup      起步建设     0
            single       单项覆盖    40
            integration  集成提升    60  node D ≥ 50
            innovation   创新突破    80  node D ≥ 70

            Vetoes: an enterprise meeting one is still scored and ranked, but cannot be selected.
            VETO         REASON                          WHEN
            -----------  ------------------------------  ------------------
            safety       近三年发生重大生产安全事故      V1 = yes
            environment  近三年发生Ⅰ级或Ⅱ级环境污染事件  V2 = yes
            dishonesty   被列入严重失信主体名单          V3 = yes
            falsified    申报材料弄虚作假                flag falsified
            losses       连续两年亏损                    P1 < 0 and P2 < 0
            incomplete   适用指标填报率低于90%           completeness < 0.9

            Selection: each enterprise competes in the first track whose condition it meets.
            TRACK         NAME        WHO                    MINIMUM     QUOTA
            ------------  ----------  ---------------------  ----------  --------------
            large-medium  大中型企业  size in large, medium  total ≥ 60  2 per district
            sme           中小微企业  size in small, micro   total ≥ 50  3 per district
            Equal totals are ordered by node D (higher first), node C (higher first), completeness (higher first), USCC.

            effective weights of the 33 leaves sum to 1.000000

            """
        let result = run(["indicators", "check", "indicators/lianghua-default.json"])
        #expect(result == Invocation(status: 0, output: expected, error: ""))
    }

    @Test func namesFollowTheLanguage() throws {
        let result = run(["indicators", "check", "--lang", "en", "indicators/lianghua-default.json"])
        #expect(result.status == 0 && result.error == "")
        let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[1] == "name             Integration of informatization and industrialization (default tree)")
        #expect(lines.contains("  A Governance and CIO network                              0.1500   0.150000  explicit weights"))
        #expect(lines.contains(
            "      F1.2 Connected to the provincial monitoring platform  0.2000   0.015000  yes-no 100/0"))
        #expect(lines.contains("integration  Integration                    60  node D ≥ 50"))
        #expect(lines.contains("losses       A loss in each of the last two years                      P1 < 0 and P2 < 0"))
        #expect(lines.contains("sme           Small and micro enterprises   size in small, micro   total ≥ 50  3 per district"))
        #expect(lines.suffix(2) == ["effective weights of the 33 leaves sum to 1.000000", ""])
    }

    @Test func jsonCarriesTheSameFigures() throws {
        let result = run(["indicators", "check", "indicators/lianghua-default.json", "--json"])
        #expect(result.status == 0 && result.error == "")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(document["id"] as? String == "lianghua-default")
        #expect(document["hash"] as? String == (try defaultHash()))
        #expect(document["questions"] as? Int == 42 && document["scoredQuestions"] as? Int == 35)
        #expect(document["leaves"] as? Int == 33)
        #expect(document["defaultMissingPolicy"] as? String == "zero")
        #expect(document["minimumCompleteness"] as? Double == 0.6)
        let nodes = try #require(document["nodes"] as? [[String: Any]])
        #expect(nodes.count == 1 + 7 + 14 + 33)
        let byID = Dictionary(uniqueKeysWithValues: nodes.map { ($0["id"] as? String ?? "", $0) })
        func number(_ node: String, _ key: String) -> Double? { byID[node]?[key] as? Double }
        #expect(isClose(number("B1.1", "effectiveWeight"), 0.03))
        #expect(isClose(number("B1.1", "weight"), 0.6))
        #expect(isClose(number("F1.2", "effectiveWeight"), 0.015))
        #expect(isClose(number("C", "effectiveWeight"), 0.2))
        #expect(byID["total"]?["parent"] == nil && byID["B1"]?["parent"] as? String == "B")
        let b11 = try #require(byID["B1.1"])
        #expect(b11["leaf"] as? Bool == true && b11["missingPolicy"] as? String == "zero")
        let rule = try #require(b11["rule"] as? [String: Any])
        #expect(rule["kind"] as? String == "ratio")
        #expect(rule["summary"] as? String == "ratio B1.1 / revenue × 100, linear 0.2 → 3 (higher is better)")
        #expect((rule["numerator"] as? [String: String]) == ["question": "B1.1"])
        #expect((rule["denominator"] as? [String: String]) == ["profile": "revenue"])
        #expect(rule["scale"] as? Double == 100 && rule["low"] as? Double == 0.2 && rule["high"] as? Double == 3)
        #expect(rule["direction"] as? String == "higher")
        let choice = try #require(byID["A1.1"]?["rule"] as? [String: Any])
        #expect((choice["scores"] as? [String: Double]) == ["none": 0, "itHead": 40, "director": 70, "executive": 100])
        #expect(byID["G1.1"]?["missingPolicy"] as? String == "industry-median")
        #expect(byID["A"]?["weighting"] as? String == "explicit" && byID["A"]?["aggregation"] as? String == "arithmetic")
        let leafSum = nodes.filter { $0["leaf"] as? Bool == true }.compactMap { $0["effectiveWeight"] as? Double }.reduce(0, +)
        #expect(abs(leafSum - 1) < 1e-12)
        let check = try #require(document["weightCheck"] as? [String: Any])
        #expect(check["fixedLeaves"] as? Int == 33 && isClose(check["fixedLeafWeightSum"] as? Double, 1))
        let stages = try #require(document["stages"] as? [[String: Any]])
        #expect(stages.map { $0["id"] as? String } == ["startup", "single", "integration", "innovation"])
        #expect(stages[3]["requires"] as? String == "node D ≥ 70")
        let vetoes = try #require(document["vetoes"] as? [[String: Any]])
        #expect(vetoes.map { $0["when"] as? String }.last == "completeness < 0.9")
        let selection = try #require(document["selection"] as? [String: Any])
        #expect(selection["tieBreak"] as? [String] == ["node:D", "node:C", "completeness", "uscc"])
    }

    // MARK: The AHP example

    @Test func listsTheAHPExampleWithItsConsistencyRatios() {
        let result = run(["indicators", "check", "indicators/ahp-example.json"])
        #expect(result.status == 0 && result.error == "")
        let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // numpy: CR 0.016970, 0.007933, 0.011475, 0.015771; λmax 4.045819, 3.009203, 4.030983, 3.018295.
        for line in [
            "total 中小企业数字化水平           1.000000  AHP, CR 0.017, λmax 4.046",
            "  R 数字化基础            0.1936   0.193576  AHP, CR 0.008, λmax 3.009",
            "    R2 关键设备联网       0.5396   0.104456  steps <20 → 0 · ≥20 → 40 · ≥50 → 70 · ≥80 → 100",
            "  M 经营管理数字化        0.3564   0.356440  AHP, CR 0.011, λmax 4.031",
            "    M1 ERP关键模块        0.4673   0.166563  points finance 20 · purchasing 15 · inventory 15 · sales 20 · planning 20 · hr 10 (capped at 100)",
            "  P 生产与协同数字化      0.3257   0.325727  AHP, CR 0.016, λmax 3.018; geometric mean, floor 10",
            "    P3 上云用平台         0.5499   0.179132  choice none 0 · some 60 · core 100",
            "  G 网络化与绿色化        0.1243   0.124257  entropy, from the batch",
            "    G1 网上销售占比            ?          ?  ratio E1.1 / revenue × 100, linear 0 → 30 (higher is better)",
            "    G2 网上采购占比            ?          ?  ratio E2.1a / E2.1b × 100, linear 0 → 35 (higher is better); missing: respread",
            "? marks weights that entropy weighting derives from each scored batch.",
            "level4  四级（创新）    80  node M ≥ 70 and node P ≥ 70",
            "sme    中小企业  size in medium, small, micro  total ≥ 55, node M ≥ 50  2 per industrySection (C: 5)",
            "Equal totals are ordered by node M (higher first), node P (higher first), employees (fewer first), USCC.",
        ] {
            #expect(lines.contains(line), "missing line: \(line)\n\(result.output)")
        }
        // 0.193576 + 0.356440 + 0.325727 of fixed leaves (0.875743) and G's 0.124257.
        #expect(lines.suffix(2) == [
            "effective weights of the 10 leaves with fixed weights sum to 0.875743; node G's 0.124257 is split among its 3 leaves by entropy weights from each batch; together 1.000000",
            "",
        ])
    }

    @Test func jsonCarriesTheAHPAnalysis() throws {
        let result = run(["indicators", "check", "--json", "indicators/ahp-example.json"])
        #expect(result.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let nodes = try #require(document["nodes"] as? [[String: Any]])
        let byID = Dictionary(uniqueKeysWithValues: nodes.map { ($0["id"] as? String ?? "", $0) })
        let ahp = try #require(byID["M"]?["ahp"] as? [String: Any])
        #expect(isClose(ahp["consistencyRatio"] as? Double, 0.011475, tolerance: 1e-6))
        #expect(isClose(ahp["lambdaMax"] as? Double, 4.030983, tolerance: 1e-6))
        #expect(ahp["randomIndex"] as? Double == 0.9 && ahp["acceptable"] as? Bool == true)
        let weights = try #require(ahp["weights"] as? [Double])
        for (ours, numpy) in zip(weights, [0.467296, 0.277181, 0.160088, 0.095435]) {
            #expect(abs(ours - numpy) < 1e-6)
        }
        let matrix = try #require(ahp["matrix"] as? [[Double]])
        #expect(matrix[3] == [0.25, 1.0 / 3, 0.5, 1])
        #expect(byID["P"]?["aggregation"] as? String == "geometric" && byID["P"]?["geometricFloor"] as? Double == 10)
        #expect(byID["G"]?["weighting"] as? String == "entropy")
        #expect(byID["G1"]?["weight"] == nil && byID["G1"]?["effectiveWeight"] == nil)
        let steps = try #require(byID["R2"]?["rule"] as? [String: Any])
        #expect((steps["steps"] as? [[String: Double]]) == [["from": 20, "score": 40], ["from": 50, "score": 70], ["from": 80, "score": 100]])
        #expect(steps["below"] as? Double == 0)
        let check = try #require(document["weightCheck"] as? [String: Any])
        let entropy = try #require(check["entropyNodes"] as? [[String: Any]])
        #expect(entropy.count == 1 && entropy[0]["id"] as? String == "G" && entropy[0]["leaves"] as? Int == 3)
        #expect(isClose(check["fixedLeafWeightSum"] as? Double, 0.875743, tolerance: 1e-6))
    }

    // MARK: Errors

    @Test func aBrokenTreePrintsEveryErrorWithItsPath() {
        let file = "Tests/RongheCLITests/Fixtures/broken-tree.json"
        let result = run(["indicators", "check", file])
        // The AHP matrix is consistent for weights 4:2:1:1 except A1 over A3, written 1/4 instead
        // of 4; numpy gives CR 0.402553 and an implied A1/A3 of 0.8263.
        let expected = [
            "questions[0].min: min 10 is greater than max 0",
            #"tree.children: the weights of the children of "total" sum to 0.9, not 1 (A 0.5, B 0.4)"#,
            #"tree.children[0].weighting.ahp: the AHP matrix of "A" is too inconsistent: CR = 0.403 (must be below 0.10); the most inconsistent judgement is A1 over A3: 1/4, while the other judgements imply 0.826"#,
            #"tree.children[0].children[0].rule: low (3) must be below high (0.2); use "direction": "lower" when less is better"#,
            #"tree.children[0].children[1].rule.scores: option "vp" of question "q2" has no score"#,
            #"tree.children[0].children[2].rule.question: unknown question "q9""#,
            #"tree.children[1].children[0].rule.outOf: is 1 but question "q3" has 2 options"#,
            #"stages[1].requires.node: unknown node "Z""#,
            "stages[2].minimumTotal: stages must be listed from the lowest to the highest minimum total",
            #"vetoes[0].when: question "q3" is multi-choice; "in" never holds for it: use "includes", with "any" to accept one of several options"#,
            #"selection.tracks[0].when: profile field "district" is text; write the value in quotes: "371402""#,
            #"selection.quotas[0].track: unknown track "large""#,
            #"selection.tieBreak[0]: unknown node "Q""#,
        ].map { "\(file): error: \($0)\n" }.joined()
        #expect(result == Invocation(status: 1, output: "", error: expected))
    }

    @Test func aSyntaxErrorNamesLineAndColumn() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("ronghe-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("{\n  \"format\": 1,\n  \"id\": }\n".utf8).write(to: directory.appendingPathComponent("bad.json"))
        let result = run(["indicators", "check", "bad.json"], in: directory)
        #expect(result == Invocation(
            status: 1, output: "", error: "bad.json:3:9: error: unexpected character '}' where a value was expected\n"))
    }

    @Test func aMissingFileIsAFailure() {
        #expect(run(["indicators", "check", "indicators/nonexistent.json"]) == Invocation(
            status: 1, output: "", error: "indicators/nonexistent.json: error: cannot read the indicator tree: no such file\n"))
        #expect(run(["indicators", "check", "indicators"]) == Invocation(
            status: 1, output: "",
            error: "indicators: error: cannot read the indicator tree: it is a directory, not a JSON file\n"))
    }

    @Test func badArgumentsAreUsageErrors() {
        let usage = """
            USAGE: ronghe indicators check FILE [--lang zh|en] [--json]
            See 'ronghe indicators check --help'.

            """
        #expect(run(["indicators", "check"]) == Invocation(status: 64, output: "", error: "error: missing argument `FILE`\n" + usage))
        #expect(run(["indicators", "check", "indicators/lianghua-default.json", "--lang", "fr"]) == Invocation(
            status: 64, output: "", error: "error: `--lang` expects one of zh|en, got 'fr'\n" + usage))
    }

    @Test func theGroupListsItsCommand() {
        let result = run(["indicators"])
        #expect(result.status == 0)
        #expect(result.output.contains("""
            SUBCOMMANDS:
              check       Validate an indicator tree; list it with effective weights and AHP
                          consistency.
            """))
    }
}

private func isClose(_ a: Double?, _ b: Double, tolerance: Double = 1e-12) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tolerance
}
