import Foundation
import Testing

@testable import RongheCLI

@Suite struct CommandContextTests {
    struct Row: Encodable {
        var uscc: String
        var name: String
        var score: Double
        var path: String
        var tags: [String: Int]
        var scoredAt: Date
    }

    func context(_ output: TextBuffer) -> CommandContext {
        CommandContext(
            standardOutput: output.sink, standardError: TextBuffer().sink,
            workingDirectory: URL(fileURLWithPath: "/work/site", isDirectory: true))
    }

    @Test func jsonIsPrettySortedWithUnescapedSlashes() throws {
        let output = TextBuffer()
        let row = Row(
            uscc: "91440300MA5XXXXXX1", name: "华为", score: 92.5, path: "reports/a.xlsx",
            tags: ["b": 2, "a": 1, "c": 3], scoredAt: Date(timeIntervalSince1970: 0))
        try context(output).writeJSON(row)
        let expected = """
            {
              "name" : "华为",
              "path" : "reports/a.xlsx",
              "score" : 92.5,
              "scoredAt" : "1970-01-01T00:00:00Z",
              "tags" : {
                "a" : 1,
                "b" : 2,
                "c" : 3
              },
              "uscc" : "91440300MA5XXXXXX1"
            }

            """
        #expect(output.text == expected)
    }

    @Test func jsonIsTheSameEveryTime() throws {
        let keys = (0..<200).map { "key\($0)" }
        let first = try CommandContext.json(Dictionary(uniqueKeysWithValues: keys.map { ($0, $0.count) }))
        for _ in 0..<5 {
            let shuffled = Dictionary(uniqueKeysWithValues: keys.shuffled().map { ($0, $0.count) })
            #expect(try CommandContext.json(shuffled) == first)
        }
        #expect(first.hasPrefix("{\n  \"key0\" : 4,\n  \"key1\" : 4,\n  \"key10\" : 5,"))
    }

    @Test(arguments: [
        ("a.json", "/work/site/a.json"), ("surveys/b.csv", "/work/site/surveys/b.csv"),
        ("../other/c.xlsx", "/work/other/c.xlsx"), ("/abs/d.json", "/abs/d.json"), (".", "/work/site"),
    ])
    func pathsResolveAgainstTheWorkingDirectory(_ path: String, _ expected: String) {
        #expect(context(TextBuffer()).url(forPath: path).path == expected)
    }

    @Test func aWorkingDirectoryURLWithoutTrailingSlashIsStillADirectory() {
        // URL(fileURLWithPath:relativeTo:) would resolve against /work here, dropping "site".
        let base = URL(string: "file:///work/site")!
        let context = CommandContext(standardOutput: TextBuffer().sink, standardError: TextBuffer().sink, workingDirectory: base)
        #expect(context.url(forPath: "a.json").path == "/work/site/a.json")
    }

    @Test func printWritesLines() {
        let output = TextBuffer()
        let errors = TextBuffer()
        let context = CommandContext(
            standardOutput: output.sink, standardError: errors.sink, workingDirectory: URL(fileURLWithPath: "/"))
        context.print("one")
        context.print()
        context.printError("warning: two")
        #expect(output.text == "one\n\n")
        #expect(errors.text == "warning: two\n")
    }
}
