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

    /// Over random strings of ASCII, Chinese, punctuation, full-width forms, combining marks and
    /// compatibility characters, the fast path gives exactly what full NFKC gives.
    @Test(arguments: 1...8 as ClosedRange<UInt64>)
    func theFastPathChangesNothing(seed: UInt64) {
        let pool: [Unicode.Scalar] = ["a", "Z", "0", " ", "\t", "\n", "\r", "\u{B}", "\u{C}", "\u{85}", "\u{A0}", ",", "(", "德", "州", "龍", "龜", "、", "。", "“", "”", "‘", "’",
                                      "（", "）", "３", "％", "\u{3000}", "\u{2212}", "\u{301}", "\u{308}", "ﬁ", "①", "㎡", "\u{F900}", "é"]
        var random = SplitMix64(seed: seed)
        for _ in 0..<2000 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<random.next(in: 0...8) { scalars.append(pool[random.next(in: 0...(pool.count - 1))]) }
            let text = String(scalars)
            #expect(TextNormalization.fold(text) == Self.reference(text), "seed \(seed): \(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
