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

    @Test func otherTextTakesTheUnicodePaths() {
        #expect(TextNormalization.asciiFold("３５％") == nil)
        #expect(TextNormalization.fold(" ３５％ ") == "35%")
        #expect(TextNormalization.matchKey("所属区县（行政区划代码）") == "所属区县")
        #expect(TextNormalization.matchKey(" Deputy General Manager (GM) ") == "deputygeneralmanager")
    }
}
