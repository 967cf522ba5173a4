import Foundation
import Testing

@testable import RongheKit

@Suite struct TextNormalizationTests {
    /// NFKC as Foundation computes it, with the same extra substitution and trimming: what
    /// `fold` did for every text before it learned to skip text NFKC leaves alone.
    static func reference(_ text: String) -> String {
        var folded = text.precomposedStringWithCompatibilityMapping
        folded = folded.replacingOccurrences(of: "\u{2212}", with: "-")
        return folded.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test(arguments: [
        ("  德州华信化工有限公司 ", "德州华信化工有限公司"), ("３５％", "35%"), ("（万元）", "(万元)"), ("\u{2212}5", "-5"),
        ("e\u{301}", "é"), ("A1.1 首席信息官（CIO）的职级", "A1.1 首席信息官(CIO)的职级"), ("财务、销售。", "财务、销售。"),
        ("\u{3000}是\u{3000}", "是"), ("“业财”", "“业财”"),
    ])
    func foldsLikeNFKC(text: String, folded: String) {
        #expect(TextNormalization.fold(text) == folded)
        #expect(TextNormalization.fold(text) == Self.reference(text))
    }

    /// What the random strings below are made of: ASCII, Chinese, punctuation, full-width forms,
    /// combining marks and compatibility characters.
    static let pool: [Unicode.Scalar] = [
        "a", "Z", "0", " ", "\t", "\n", "\r", "\u{B}", "\u{C}", "\u{85}", "\u{A0}", ",", "(", ")", "[", "]", ":", "德", "州", "龍", "龜",
        "、", "。", "【", "】", "“", "”", "‘", "’", "（", "）", "３", "％", "Ａ", "ｚ", "：", "\u{3000}", "\u{2212}", "\u{301}", "\u{308}",
        "ﬁ", "①", "㎡", "\u{F900}", "é", "\u{FF5F}", "\u{FFE5}",
    ]

    static func randomText(_ random: inout SplitMix64) -> String {
        var scalars = String.UnicodeScalarView()
        for _ in 0..<random.next(in: 0...8) { scalars.append(pool[random.next(in: 0...(pool.count - 1))]) }
        return String(scalars)
    }

    /// Over random strings, the fast paths give exactly what full NFKC gives.
    @Test(arguments: 1...8 as ClosedRange<UInt64>)
    func theFastPathChangesNothing(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        for _ in 0..<2000 {
            let text = Self.randomText(&random)
            #expect(TextNormalization.fold(text) == Self.reference(text), "seed \(seed): \(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    /// The same for match keys: the ASCII and simple-character paths agree with the general one.
    @Test(arguments: 1...8 as ClosedRange<UInt64>)
    func matchKeyFastPathsChangeNothing(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        for _ in 0..<2000 {
            let text = Self.randomText(&random)
            #expect(TextNormalization.matchKey(text) == TextNormalization.unicodeMatchKey(text),
                    "seed \(seed): \(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test(arguments: [
        ("总监级（中层以上）", "总监级"), ("所属区县（行政区划代码）", "所属区县"), ("Deputy General Manager", "deputygeneralmanager"),
        ("ＥＲＰ　模块：", "erp模块"), ("【注】是", "是"), ("N/A", "n/a"),
    ])
    func matchKeys(text: String, key: String) {
        #expect(TextNormalization.matchKey(text) == key)
    }
}
