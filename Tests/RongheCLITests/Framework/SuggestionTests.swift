import Testing

@testable import RongheCLI

@Suite struct SuggestionTests {
    @Test(arguments: [
        ("top", "top", 0), ("tpo", "top", 1), ("jsn", "json", 1), ("", "abc", 3), ("kitten", "sitting", 3),
        ("verbose", "version", 4), ("ab", "ba", 1),
    ])
    func editDistance(_ a: String, _ b: String, _ distance: Int) {
        #expect(Suggestion.editDistance(a, b) == distance)
        #expect(Suggestion.editDistance(b, a) == distance)
    }

    @Test(arguments: [
        ("tpo", ["by", "top", "json"], "top"),
        ("campain", ["campaign", "score"], "campaign"),
        ("camp", ["campaign", "score"], "campaign"),
        ("i", ["import", "indicators"], nil),
        ("ind", ["import", "indicators"], "indicators"),
        ("nonsense", ["help"], nil),
        ("verbose", ["version", "help"], nil),
        ("rnak", ["rank", "score"], "rank"),
        ("", ["a"], nil),
    ] as [(String, [String], String?)])
    func closest(_ word: String, _ candidates: [String], _ expected: String?) {
        #expect(Suggestion.closest(to: word, among: candidates) == expected)
    }

    @Test func tiesGoToTheFirstDeclared() {
        #expect(Suggestion.closest(to: "bat", among: ["cat", "bar"]) == "cat")
    }
}
