import Foundation
import Testing

@testable import RongheKit

@Suite struct SurveyJSONWriterTests {
    @Test func oneEnterpriseIsAnIndentedObjectWithCodes() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = directory.url.appendingPathComponent("one.json")
        try GeneratorFixtures.write([GeneratorFixtures.smallResponses[0]], to: url) {
            try SurveyJSONWriter(url: $0, tree: GeneratorFixtures.smallTree, layout: .single)
        }
        #expect(try String(contentsOf: url, encoding: .utf8) == #"""
            {
              "format": "ronghe-survey/1",
              "enterprise": {
                "uscc": "91371402MA3C5LXK2W",
                "name": "德州华信化工有限公司",
                "district": "371402",
                "industry": "C26",
                "size": "medium",
                "employees": 420,
                "revenue": 18600.5,
                "year": 2026
              },
              "answers": {
                "A1": "director",
                "B1": 1234.5,
                "B2": 35,
                "C1": ["finance", "sales"],
                "C2": "不适用",
                "F0": true,
                "X1": "上线ERP，\"业财\"一体化\n下一步上云"
              }
            }

            """#)
    }

    @Test func manyEnterprisesAreAnArrayOneLineEach() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = directory.url.appendingPathComponent("many.json")
        try GeneratorFixtures.write(GeneratorFixtures.smallResponses, to: url) {
            try SurveyJSONWriter(url: $0, tree: GeneratorFixtures.smallTree)
        }
        let lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        #expect(lines.count == 5)
        #expect(lines[0] == "[")
        #expect(lines[2] == #"  {"format": "ronghe-survey/1", "enterprise": {"uscc": "92371427MA3R6T9W2D", "name": "夏津县宏达棉纺厂", "district": "371427", "industry": "C17", "size": "micro", "employees": 12, "revenue": 260, "year": 2026}, "answers": {"A1": "none", "B1": 0, "B2": 12.5, "C1": [], "F0": false}}"#)
        #expect(lines[3] == "]" && lines[4] == "")
        let (responses, issues) = try GeneratorFixtures.intake(url, tree: GeneratorFixtures.smallTree)
        #expect(issues == [])
        #expect(responses == GeneratorFixtures.smallResponses)
    }

    @Test func anEmptyArrayIsStillJSON() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = directory.url.appendingPathComponent("none.json")
        try GeneratorFixtures.write([], to: url) { try SurveyJSONWriter(url: $0, tree: GeneratorFixtures.smallTree) }
        #expect(try String(contentsOf: url, encoding: .utf8) == "[]\n")
    }

    /// Under the fraction convention a bare number would be read as a fraction, so percentages are
    /// written with their sign.
    @Test func fractionPercentagesKeepTheirSign() {
        let question = Question(id: "Q", label: LocalizedText(zh: "比例"), type: .percent, percentScale: .fraction)
        #expect(SurveyJSONWriter.value(.number(62.5), for: question) == #""62.5%""#)
        #expect(SurveyJSONWriter.value(.number(62.5), for: Question(id: "P", label: LocalizedText(zh: "比例"), type: .percent)) == "62.5")
    }

    @Test(arguments: [31, 32, 33] as [UInt64])
    func generatedBatchesReadBackUnchanged(seed: UInt64) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        for tree in [GeneratorFixtures.defaultTree, GeneratorFixtures.unusualTree] {
            let url = directory.url.appendingPathComponent("\(tree.id).json")
            let written = Array(SurveyGenerator(tree: tree, seed: seed).prefix(300))
            try GeneratorFixtures.write(written, to: url) { try SurveyJSONWriter(url: $0, tree: tree) }
            let (read, issues) = try GeneratorFixtures.intake(url, tree: tree)
            #expect(issues.allSatisfy(GeneratorFixtures.isSizeWarning), "\(issues.map { $0.formatted() })")
            #expect(read.count == written.count)
            for (back, original) in zip(read, written) where back != original {
                Issue.record("seed \(seed), \(tree.id): \(GeneratorFixtures.difference(back, original))")
            }
        }
    }
}
