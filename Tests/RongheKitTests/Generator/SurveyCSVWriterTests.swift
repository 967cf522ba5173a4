import Foundation
import Testing

@testable import RongheKit

@Suite struct SurveyCSVWriterTests {
    @Test(arguments: [SurveyTyping.plain, .formatted])
    func aBatchAsASpreadsheetSavesIt(typing: SurveyTyping) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = directory.url.appendingPathComponent("batch.csv")
        try GeneratorFixtures.write(GeneratorFixtures.smallResponses, to: url) {
            try SurveyCSVWriter(url: $0, tree: GeneratorFixtures.smallTree, options: .init(typing: typing))
        }
        let bytes = try Data(contentsOf: url)
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        let expected = typing == .plain ? """
            统一社会信用代码,企业名称,所属区县（行政区划代码）,所属行业（国民经济行业分类代码）,企业规模,从业人员（人）,营业收入（万元）,填报年度,\
            A1 CIO职级,B1 信息化投入（万元）,B2 联网率（%）,C1 ERP模块,C2 数控化率,F0 重点用能单位,X1 成效\r
            91371402MA3C5LXK2W,德州华信化工有限公司,371402,C26,中型,420,18600.5,2026,总监级,1234.5,35,财务、销售,不适用,是,\
            "上线ERP，""业财""一体化
            下一步上云"\r
            92371427MA3R6T9W2D,夏津县宏达棉纺厂,371427,C17,微型,12,260,2026,未设,0,12.5,无,,否,\r

            """ : """
            统一社会信用代码,企业名称,所属区县（行政区划代码）,所属行业（国民经济行业分类代码）,企业规模,从业人员（人）,营业收入（万元）,填报年度,\
            A1 CIO职级,B1 信息化投入（万元）,B2 联网率（%）,C1 ERP模块,C2 数控化率,F0 重点用能单位,X1 成效\r
            91371402MA3C5LXK2W,德州华信化工有限公司,371402,C26,中型,420,"18,600.5",2026,总监级,"1,234.5",35%,财务、销售,不适用,是,\
            "上线ERP，""业财""一体化
            下一步上云"\r
            92371427MA3R6T9W2D,夏津县宏达棉纺厂,371427,C17,微型,12,260,2026,未设,0,12.5%,无,,否,\r

            """
        #expect(text == expected)
        let (responses, issues) = try GeneratorFixtures.intake(url, tree: GeneratorFixtures.smallTree)
        #expect(issues == [])
        #expect(responses == GeneratorFixtures.smallResponses)
    }

    @Test func gb18030WithATitleRowAndNoByteOrderMark() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = directory.url.appendingPathComponent("gbk.csv")
        try GeneratorFixtures.write(GeneratorFixtures.smallResponses, to: url) {
            try SurveyCSVWriter(url: $0, tree: GeneratorFixtures.smallTree, options: .init(encoding: .gb18030, title: "德州市2026年两化融合评估申报汇总表"))
        }
        let bytes = try Data(contentsOf: url)
        // 德 is B5 C2 in GBK (Python: "德".encode("gb18030")); no byte order mark in front of it.
        #expect(Array(bytes.prefix(2)) == [0xB5, 0xC2])
        #expect(String(data: bytes, encoding: .utf8) == nil)
        var reader = try CSVReader(url: url, options: CSVReader.Options(encoding: .gb18030))
        let title = try #require(try reader.next())
        #expect(title.fields == ["德州市2026年两化融合评估申报汇总表"] + Array(repeating: "", count: 14))
        reader = try CSVReader(url: url)
        _ = try reader.next()
        #expect(reader.encoding == .gb18030)
        let (responses, issues) = try GeneratorFixtures.intake(url, tree: GeneratorFixtures.smallTree)
        #expect(issues == [])
        #expect(responses == GeneratorFixtures.smallResponses)
    }

    @Test func variedTypingMixesStylesRowByRow() {
        let styles = (0..<300).map { SurveyTyping.varied.style(forRow: $0) }
        let separators = styles.filter(\.thousandsSeparators).count
        let signs = styles.filter(\.percentSigns).count
        #expect((50...130).contains(separators) && (80...160).contains(signs), "\(separators), \(signs)")
        #expect(styles == (0..<300).map { SurveyTyping.varied.style(forRow: $0) })
    }

    @Test(arguments: [41, 42, 43] as [UInt64])
    func generatedBatchesReadBackUnchanged(seed: UInt64) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        for (tree, encoding) in [(GeneratorFixtures.defaultTree, CSVEncoding.utf8), (GeneratorFixtures.defaultTree, .gb18030), (GeneratorFixtures.unusualTree, .utf8)] {
            let url = directory.url.appendingPathComponent("\(tree.id)-\(encoding).csv")
            let written = Array(SurveyGenerator(tree: tree, seed: seed).prefix(300))
            try GeneratorFixtures.write(written, to: url) {
                try SurveyCSVWriter(url: $0, tree: tree, options: .init(encoding: encoding, title: seed == 42 ? "汇总表" : nil))
            }
            let (read, issues) = try GeneratorFixtures.intake(url, tree: tree)
            #expect(issues.allSatisfy(GeneratorFixtures.isSizeWarning), "\(issues.map { $0.formatted() })")
            #expect(read.count == written.count)
            for (back, original) in zip(read, written) where back != original {
                Issue.record("seed \(seed), \(tree.id), \(encoding): \(GeneratorFixtures.difference(back, original))")
            }
        }
    }
}

