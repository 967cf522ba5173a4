import Testing

@testable import RongheCLI

@Suite struct TextWidthTests {
    @Test(arguments: [
        ("", 0), ("abc", 3), ("华为", 4), ("两化融合 2026", 13), ("，。、", 6), ("Ｒ", 2), ("한국", 4),
        ("e\u{301}", 1), ("👍", 2), ("❤️", 2), ("zero\u{200B}width", 9), ("tab\t", 3), ("½", 1),
    ])
    func width(_ text: String, _ columns: Int) {
        #expect(TextWidth.of(text) == columns)
    }

    @Test func wrapsAtSpacesWithinTheWidth() {
        #expect(TextWidth.wrap("one two three four", width: 9) == ["one two", "three", "four"])
        #expect(TextWidth.wrap("one  two", width: 80) == ["one two"])
        #expect(TextWidth.wrap("", width: 10) == [""])
    }

    @Test func breaksChineseBetweenCharactersCountingTwoColumns() {
        #expect(TextWidth.wrap("企业信息化评估", width: 6) == ["企业信", "息化评", "估"])
        #expect(TextWidth.wrap("score 企业信息化", width: 9) == ["score", "企业信息", "化"])
    }

    @Test func breaksAWordWiderThanTheLine() {
        #expect(TextWidth.wrap("a abcdefgh", width: 4) == ["a", "abcd", "efgh"])
    }

    @Test(arguments: 0..<200)
    func wrappedLinesFitAndKeepEveryWord(seed: Int) {
        var generator = SplitMix64(seed: UInt64(seed))
        let vocabulary = ["a", "ab", "abc", "survey", "企业", "信息化评估", "2026", "x-y", "informatization"]
        let words = (0..<Int(generator.next() % 30)).map { _ in vocabulary[Int(generator.next() % UInt64(vocabulary.count))] }
        let width = 5 + Int(generator.next() % 40)
        let lines = TextWidth.wrap(words.joined(separator: " "), width: width)
        for line in lines {
            #expect(TextWidth.of(line) <= width, "seed \(seed): '\(line)' is wider than \(width)")
        }
        let rejoined = lines.joined().filter { $0 != " " }
        #expect(rejoined == words.joined().filter { $0 != " " }, "seed \(seed)")
    }
}

/// A small seeded generator for property tests (SplitMix64), so a failing seed can be replayed.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
