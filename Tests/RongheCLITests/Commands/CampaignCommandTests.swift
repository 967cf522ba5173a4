import Foundation
import RongheKit
import Testing

@testable import RongheCLI

@Suite struct CampaignCommandTests {
    static let hash = String(IndicatorsCheckCommandTests.defaultTreeHash.prefix(12))

    @Test func newCreatesTheDatabaseAndTheCampaign() throws {
        let workspace = try Workspace()
        let result = workspace.run(["campaign", "new", "德州2026", "--indicators", "tree.json", "--year", "2026"])
        #expect(result == Invocation(status: 0, output: """
            Created campaign 德州2026 (year 2026) with indicator tree lianghua-default 2026.1 (sha256 \(Self.hash)) in ronghe.sqlite

            """, error: ""))
        let tree = try IndicatorTree.load(contentsOf: workspace.url.appendingPathComponent("tree.json"))
        #expect(tree.hash.hasPrefix(Self.hash))
        #expect(FileManager.default.fileExists(atPath: workspace.databasePath))

        let again = workspace.run(["campaign", "new", "德州2026", "--indicators", "tree.json"])
        #expect(again.status == 1)
        #expect(again.error == """
            error: a campaign named '德州2026' exists already; to give it a revised tree, use \
            `ronghe campaign set-tree 德州2026 --indicators FILE`

            """)
    }

    @Test func anInvalidTreeCreatesNoDatabase() throws {
        let workspace = try Workspace()
        try workspace.write(Data("{\"format\": 1}".utf8), as: "bad.json")
        let result = workspace.run(["campaign", "new", "A", "--indicators", "bad.json"])
        #expect(result.status == 1)
        #expect(result.error.hasPrefix("bad.json"))
        #expect(!FileManager.default.fileExists(atPath: workspace.databasePath))
    }

    @Test func readCommandsNeverCreateADatabase() throws {
        let workspace = try Workspace()
        let expected = """
            error: no database at ronghe.sqlite; create a campaign first with `ronghe campaign new NAME --indicators FILE`, \
            or name the database with --db PATH

            """
        for arguments in [["campaign", "list"], ["import", "surveys"], ["score"], ["rank"], ["show", "91371400163000111R"],
                          ["batches"], ["flag", "91371400163000111R", "falsified"]] {
            #expect(workspace.run(arguments) == Invocation(status: 1, output: "", error: expected), "\(arguments)")
        }
        #expect(!FileManager.default.fileExists(atPath: workspace.databasePath))
    }

    @Test func listShowsEveryCampaign() throws {
        let workspace = try Workspace()
        workspace.createCampaign("德州2026")
        workspace.createCampaign("商丘2026")
        workspace.run(["import", "surveys", "--campaign", "德州2026"])
        let result = workspace.run(["campaign", "list", "--lang", "en"])
        #expect(result.status == 0)
        #expect(Workspace.masked(result.output).split(separator: "\n").map { Workspace.cells(String($0)) } == [
            ["Name", "Year", "Indicator tree", "Revision", "Files", "Records", "Enterprises", "Batches", "Created"],
            ["--------", "----", "-----------------------", "--------", "-----", "-------", "-----------", "-------",
             "-------------------"],
            ["商丘2026", "2026", "lianghua-default 2026.1", "1", "0", "0", "0", "0", "<time>"],
            ["德州2026", "2026", "lianghua-default 2026.1", "1", "6", "6", "6", "0", "<time>"],
        ])
        struct Listed: Decodable {
            let name: String
            let files: Int
            let enterprises: Int
        }
        let listed = try JSONDecoder().decode([Listed].self, from: Data(workspace.run(["campaign", "list", "--json"]).output.utf8))
        #expect(listed.map(\.name) == ["商丘2026", "德州2026"] && listed.map(\.enterprises) == [0, 6])
    }

    @Test func setTreeAddsARevisionOrChangesNothing() throws {
        let workspace = try Workspace()
        workspace.createCampaign()
        let same = workspace.run(["campaign", "set-tree", "德州2026", "--indicators", "tree.json"])
        #expect(same == Invocation(status: 0, output: """
            Campaign 德州2026 already uses this tree (revision 1, sha256 \(Self.hash)); nothing changed.

            """, error: ""))

        let text = try String(contentsOf: workspace.url.appendingPathComponent("tree.json"), encoding: .utf8)
            .replacingOccurrences(of: "\"version\": \"2026.1\"", with: "\"version\": \"2026.2\"")
        try workspace.write(Data(text.utf8), as: "tree-2.json")
        let hash = try IndicatorTree.parse(Data(text.utf8), source: "tree-2.json").hash.prefix(12)
        let revised = workspace.run(["campaign", "set-tree", "德州2026", "--indicators", "tree-2.json"])
        #expect(revised == Invocation(status: 0, output: """
            Campaign 德州2026 now uses lianghua-default 2026.2 (revision 2, sha256 \(hash)); revision 1 is kept. \
            Score again (ronghe score) to apply it.

            """, error: ""))

        let unknown = workspace.run(["campaign", "set-tree", "商丘", "--indicators", "tree-2.json"])
        #expect(unknown.status == 64)
        #expect(unknown.error.hasPrefix("error: no campaign named '商丘'; the campaigns are: 德州2026\n"))
    }
}
