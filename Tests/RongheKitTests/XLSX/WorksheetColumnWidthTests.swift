import Foundation
import Testing

@testable import RongheKit

@Suite struct WorksheetColumnWidthTests {
    @Test(arguments: [
        ("", 0),
        ("abc", 3),
        ("Score 87.5", 10),
        ("企业", 4),  // CJK ideographs
        ("两化融合评估", 12),
        ("ＡＢ１", 6),  // full-width Latin and digit
        ("，。：", 6),  // full-width and CJK punctuation
        ("ｱｲ", 2),  // half-width katakana stay narrow
        ("A企b业", 6),  // mixed
        ("91350200MA2XYZ1234", 18),  // a unified social credit code
        ("😀", 2),  // emoji presentation
        ("👨‍👩‍👧", 2),  // a family joined by zero-width joiners is one glyph
        ("❤️", 2),  // text symbol with the emoji variation selector
        ("©", 1),  // text-style symbol
        ("e\u{301}", 1),  // combining accent
        ("한글", 4),  // hangul
        ("ab\n企业名称", 8),  // widest line counts
        ("a\u{7}b", 2),  // control characters take no room
    ])
    func displayWidth(text: String, expected: Int) {
        #expect(ColumnWidth.displayWidth(of: text) == expected, "\(text.debugDescription)")
    }

    @Test func fittedWidthIsPaddedAndBounded() {
        let options = ColumnWidth.FitOptions(padding: 2, minimum: 4, maximum: 60)
        #expect(ColumnWidth.fitted(displayWidth: 10, options: options) == 12)
        #expect(ColumnWidth.fitted(displayWidth: 0, options: options) == 4)
        #expect(ColumnWidth.fitted(displayWidth: 100, options: options) == 60)
        #expect(ColumnWidth.fitted(displayWidth: 10, fontScale: 2, options: options) == 22)
    }

    @Test(arguments: [
        (0.8756, "0.0%", "87.6%"),
        (87.456, "0.00", "87.46"),
        (3.0, "0", "3"),
        (42.0, nil, "42"),
        (-7.0, nil, "-7"),
        (0.1 + 0.2, nil, "0.300000000"),  // General shows at most 11 characters
    ] as [(Double, String?, String)])
    func estimatedNumberText(number: Double, format: String?, expected: String) {
        #expect(ColumnWidth.estimatedText(of: number, numberFormat: format) == expected)
    }

    @Test func thousandsSeparatorsWiden() {
        // "1,234,567" is nine characters wide.
        #expect(ColumnWidth.displayWidth(of: ColumnWidth.estimatedText(of: 1_234_567, numberFormat: "#,##0")) == 9)
    }

    @Test(arguments: [
        (87.456, "0.0", 4),  // 87.5
        (0.8756, "0.0%", 5),  // 87.6%
        (1_234_567.0, "#,##0", 9),  // 1,234,567
        (-3.5, "0.00", 5),  // -3.50
        (999.96, "0.0", 6),  // 1000.0 after rounding
        (42.0, nil, 2),
        (-7.0, nil, 2),
        (100_000.0, nil, 6),
    ] as [(Double, String?, Int)])
    func estimatedNumberWidth(number: Double, format: String?, expected: Int) {
        #expect(ColumnWidth.estimatedWidth(of: number, numberFormat: format) == expected)
    }

    @Test(arguments: [UInt64(7), 11, 19, 23])
    func arithmeticWidthMatchesFormattedTextForManySeeds(seed: UInt64) {
        var generator = WriterTestSupport.SplitMix64(seed: seed)
        let formats: [(String?, Int)] = [(nil, 0), ("0", 0), ("0.0", 1), ("0.00", 2), ("#,##0", 0), ("#,##0.00", 2), ("0.0%", 3)]
        for _ in 0..<300 {
            let (format, digits) = formats[Int(generator.next() % UInt64(formats.count))]
            // Values with no more decimals than the format shows, so no rounding boundary is hit.
            var value = Double(Int64(generator.next() % 20_000_000) - 10_000_000)
            for _ in 0..<digits { value /= 10 }
            let text = ColumnWidth.estimatedText(of: value, numberFormat: format)
            #expect(
                ColumnWidth.estimatedWidth(of: value, numberFormat: format) == text.count,
                "seed \(seed): \(value) as \(format ?? "General") shows \(text)")
        }
    }

    @Test func widthIsAdditiveOverNarrowAndWideCharactersForManySeeds() {
        let narrow: [Character] = Array("abcXYZ019 -_.")
        let wide: [Character] = Array("企业信息化融合评估测试ＡＢ，。")
        for seed in UInt64(1)...20 {
            var generator = WriterTestSupport.SplitMix64(seed: seed)
            var text = ""
            var expected = 0
            for _ in 0..<Int(generator.next() % 40) {
                if generator.next() % 2 == 0 {
                    text.append(narrow[Int(generator.next() % UInt64(narrow.count))])
                    expected += 1
                } else {
                    text.append(wide[Int(generator.next() % UInt64(wide.count))])
                    expected += 2
                }
            }
            #expect(ColumnWidth.displayWidth(of: text) == expected, "seed \(seed): \(text)")
        }
    }
}
