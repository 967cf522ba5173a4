import Foundation
import Testing

@testable import RongheKit

@Suite struct TextNormalizationTests {
    /// ASCII text takes byte loops; they must give exactly what the Unicode paths give.
    @Test(arguments: 0..<200 as Range<UInt64>)
    func asciiFastPathsAgreeWithTheUnicodePaths(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let alphabet = Array(" \t\r\n\u{0B}\u{0C}\u{1C}\u{1F}\u{7F}\u{00}()[]:;.,-+%AaZzMm09_/\"'")
        for _ in 0..<20 {
            let text = String((0..<random.next(in: 0...12)).map { _ in alphabet[random.next(in: 0...(alphabet.count - 1))] })
            #expect(TextNormalization.asciiFold(text) == TextNormalization.unicodeFold(text), "seed \(seed): \(text.debugDescription)")
            #expect(TextNormalization.asciiMatchKey(text) == TextNormalization.unicodeMatchKey(text), "seed \(seed): \(text.debugDescription)")
        }
    }

    /// Chinese labels take scalar loops; they too must give what the Unicode paths give.
    @Test(arguments: 0..<200 as Range<UInt64>)
    func stableFastPathsAgreeWithTheUnicodePaths(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let alphabet = Array(" \t\r\n()[]:AaZz09%-所属区县企业名称信息化一丿龥、。【】")
        for _ in 0..<20 {
            let text = String((0..<random.next(in: 0...12)).map { _ in alphabet[random.next(in: 0...(alphabet.count - 1))] })
            #expect(TextNormalization.stableFold(text) == TextNormalization.unicodeFold(text), "seed \(seed): \(text.debugDescription)")
            #expect(TextNormalization.stableMatchKey(text) == TextNormalization.unicodeMatchKey(text), "seed \(seed): \(text.debugDescription)")
        }
    }

    @Test func textThatNFKCChangesIsNotStable() {
        for text in ["（）", "３５", "\u{3000}", "ｱ", "\u{F900}", "é", "e\u{301}", "\u{2212}", "\u{00A0}"] {
            #expect(TextNormalization.stableFold(text) == nil, "\(text.debugDescription)")
            #expect(TextNormalization.stableMatchKey(text) == nil, "\(text.debugDescription)")
        }
    }

    @Test func otherTextTakesTheUnicodePaths() {
        #expect(TextNormalization.asciiFold("３５％") == nil)
        #expect(TextNormalization.fold(" ３５％ ") == "35%")
        #expect(TextNormalization.matchKey("所属区县（行政区划代码）") == "所属区县")
        #expect(TextNormalization.matchKey(" Deputy General Manager (GM) ") == "deputygeneralmanager")
    }
}
