import Foundation
import Testing

@testable import RongheKit

extension StorageTests {
    @Suite struct CampaignStoreTests {
        static let tables = [
            "batch", "batch_exclusion", "batch_node", "campaign", "current_submission", "enterprise", "file_content",
            "imported_file", "result", "revalidation", "staff_flag", "submission", "tree_revision",
        ]

        // MARK: Opening and migrations

        @Test func freshDatabaseGetsTheSchema() throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let store = try CampaignStore.open(path: directory.path("new.sqlite"), createIfMissing: true)
            #expect(try store.schemaVersion() == StoreSchema.migrator.latestVersion)
            #expect(try store.db.scalar("PRAGMA application_id", as: Int.self) == 0x5248_4E47)
            let tables = try store.db.rows("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").map { try $0.string(0) }
            #expect(tables == Self.tables)
            #expect(try store.db.journalMode() == "wal")
            #expect(try store.db.scalar("PRAGMA page_size", as: Int.self) == 16_384)
            #expect(try store.integrityCheck().isEmpty)
        }

        @Test func reopeningKeepsDataAndAppliesNothing() throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let path = directory.path("again.sqlite")
            do {
                let store = try CampaignStore.open(path: path, createIfMissing: true)
                try store.createCampaign(name: "A", treeJSON: Data(contentsOf: Fixtures.defaultTreeURL), source: "tree.json", year: 2026)
            }
            let store = try CampaignStore.open(path: path)
            #expect(try StoreSchema.migrator.hasPendingMigrations(store.db) == false)
            #expect(try StoreSchema.migrator.migrate(store.db) == [])
            #expect(try store.campaigns().map(\.name) == ["A"])
        }

        @Test func newerSchemaIsRefused() throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let path = directory.path("future.sqlite")
            do {
                let store = try CampaignStore.open(path: path, createIfMissing: true)
                try store.db.execute(sql: "PRAGMA user_version = \(StoreSchema.migrator.latestVersion + 1)")
            }
            let error = #expect(throws: MigrationError.self) { try CampaignStore.open(path: path) }
            #expect(error?.description == "this database was written by a newer version of ronghe (schema 2, this build knows 1)")
        }

        @Test func missingDatabaseIsNotCreated() throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let path = directory.path("missing.sqlite")
            #expect(throws: StoreError.databaseMissing(path: path)) { try CampaignStore.open(path: path) }
            #expect(!FileManager.default.fileExists(atPath: path))
            #expect(StoreError.databaseMissing(path: "x.sqlite").description == """
                no database at x.sqlite; create a campaign first with `ronghe campaign new NAME --indicators FILE`, \
                or name the database with --db PATH
                """)
        }

        @Test func anotherProgramsDatabaseIsLeftAlone() throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let path = directory.path("other.sqlite")
            do {
                let db = try SQLiteConnection(path: path)
                try db.execute(sql: "CREATE TABLE notes(text TEXT)")
            }
            #expect(throws: StoreError.notARongheDatabase(path: path)) { try CampaignStore.open(path: path) }
            let db = try SQLiteConnection(path: path)
            #expect(try db.scalar("SELECT count(*) FROM sqlite_schema", as: Int.self) == 1)
            #expect(try db.userVersion() == 0)
        }

        // MARK: Campaigns

        @Test func campaignsAreNamedUniquelyAndResolved() throws {
            let test = try TestStore(campaignName: "德州2026")
            let store = test.store
            #expect(try store.resolveCampaign(nil).name == "德州2026")
            let treeJSON = try Data(contentsOf: Fixtures.defaultTreeURL)
            #expect(throws: StoreError.campaignExists(name: "德州2026")) {
                try store.createCampaign(name: " 德州2026 ", treeJSON: treeJSON, source: "t.json")
            }
            #expect(throws: StoreError.invalidCampaignName) { try store.createCampaign(name: "  ", treeJSON: treeJSON, source: "t.json") }
            try store.createCampaign(name: "商丘2026", treeJSON: treeJSON, source: "t.json", year: 2026)
            #expect(throws: StoreError.campaignRequired(available: ["商丘2026", "德州2026"])) { try store.resolveCampaign(nil) }
            #expect(throws: StoreError.unknownCampaign(name: "x", available: ["商丘2026", "德州2026"])) {
                try store.resolveCampaign("x")
            }
            #expect(StoreError.campaignRequired(available: ["a", "b"]).description
                == "the database has 2 campaigns; choose one with --campaign NAME: a, b")
            let campaign = try store.resolveCampaign("商丘2026")
            #expect(campaign.year == 2026)
            #expect(campaign.tree.revision == 1 && campaign.tree.treeID == "lianghua-default")
            #expect(campaign.tree.hash == test.tree.hash)
        }

        @Test func anInvalidTreeCreatesNothing() throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let store = try CampaignStore.open(path: directory.path("db.sqlite"), createIfMissing: true)
            #expect(throws: IndicatorError.self) {
                try store.createCampaign(name: "A", treeJSON: Data("{\"format\": 1}".utf8), source: "bad.json")
            }
            #expect(try store.campaigns().isEmpty)
        }

        @Test func aRevisedTreeKeepsTheEarlierOne() throws {
            let test = try TestStore()
            let original = try String(contentsOf: Fixtures.defaultTreeURL, encoding: .utf8)
            let revised = original.replacingOccurrences(of: "\"version\": \"2026.1\"", with: "\"version\": \"2026.2\"")
            try #require(revised != original)

            let same = try test.store.setTree(campaign: test.campaign, treeJSON: Data(original.utf8), source: "again.json")
            #expect(!same.isChanged && same.campaign.tree.revision == 1)

            let change = try test.store.setTree(campaign: test.campaign, treeJSON: Data(revised.utf8), source: "revised.json")
            #expect(change.isChanged)
            #expect(change.previous.revision == 1 && change.campaign.tree.revision == 2)
            #expect(change.campaign.tree.treeVersion == "2026.2" && change.campaign.tree.source == "revised.json")
            let revisions = try test.store.treeRevisions(of: change.campaign)
            #expect(revisions.map(\.revision) == [1, 2])
            #expect(revisions.map(\.treeVersion) == ["2026.1", "2026.2"])
            #expect(try test.store.tree(of: revisions[0]) == test.tree)
        }
    }
}
