import Foundation
import Testing

@testable import RongheKit

/// Every file of the malformed corpus (`surveys/malformed/`, the tricky valid ones aside) imported
/// into a store that already holds a scored campaign leaves the database sound and the campaign
/// as it was: the same enterprises, the same submissions in effect, the same batches and results.
///
/// What the store does add is deliberate: each file's bytes and its rejection record (or, for a
/// batch, a rejected record per bad row), so nothing an enterprise sent is lost.
@Suite(.serialized) struct CampaignStoreMalformedImportTests {
    /// The malformed files, by their path inside `surveys/malformed/`.
    static let malformed = MalformedSamplesTests.files.filter { !$0.hasPrefix("tricky/") }

    /// Tables the campaign's state lives in, each listed whole in a fixed order.
    static let campaignTables = [
        "campaign", "tree_revision", "enterprise", "current_submission", "staff_flag", "revalidation", "batch", "batch_node",
        "batch_exclusion", "result",
    ]

    /// A store with the sample surveys imported, a staff flag set and the campaign scored.
    static func scoredStore() throws -> TestStore {
        let test = try TestStore()
        let samples = Fixtures.repository.appendingPathComponent("surveys")
        var files = TestStore.sampleSurveys
        files += ["csv/dezhou-batch-utf8-bom.csv", "csv/dezhou-batch-gb18030.csv", "xlsx/dezhou-batch.xlsx",
                  "json-array/dezhou-2026-batch.json"].map { samples.appendingPathComponent($0) }
        for url in files {
            let report = try test.importFile(url)
            #expect(report.imported.rejected == 0, "\(url.lastPathComponent)")
        }
        let first = try test.store.db.scalar("SELECT min(uscc) FROM current_submission", as: String.self)
        _ = try test.store.setFlag("falsified", uscc: first, in: test.campaign, by: "test")
        let scored = try test.store.scoreCampaign(test.campaign)
        #expect(scored.isNew && scored.batch.enterprises > 40)
        return test
    }

    /// Every row of the campaign's tables, as text.
    static func campaignState(_ test: TestStore) throws -> [String: [String]] {
        var state: [String: [String]] = [:]
        for table in campaignTables {
            state[table] = try rows("SELECT * FROM \(table)", in: test).sorted()
        }
        state["accepted submissions"] = try rows("SELECT * FROM submission WHERE status = 'accepted'", in: test).sorted()
        return state
    }

    static func rows(_ sql: String, in test: TestStore) throws -> [String] {
        try test.store.db.rows(sql).map { row in row.values.map { "\($0)" }.joined(separator: "|") }
    }

    static func url(_ name: String) -> URL {
        MalformedSamplesTests.folder.appendingPathComponent(name)
    }

    @Test func theCorpusIsLargeEnough() {
        #expect(Self.malformed.count >= 60)
    }

    /// With --strict, a file with any rejection is rejected whole: the campaign is untouched.
    @Test func strictImportsOfEveryMalformedFileChangeNothingButTheirOwnRecords() throws {
        let test = try Self.scoredStore()
        let before = try Self.campaignState(test)
        let filesBefore = try test.count("SELECT count(*) FROM imported_file")
        let submissionsBefore = try test.count("SELECT count(*) FROM submission")
        var imported = 0
        var sha256s = Set<String>()
        for name in Self.malformed {
            let report = try test.importFile(Self.url(name), name: "surveys/malformed/\(name)", strict: true)
            #expect(report.imported.accepted == 0, "\(name)")
            if report.isAlreadyImported {
                // The same bytes as an earlier file (the three empty files): added once.
                #expect(sha256s.contains(report.imported.sha256), "\(name)")
                continue
            }
            imported += 1
            sha256s.insert(report.imported.sha256)
            #expect(report.imported.rejected >= 1, "\(name)")
            // Kept byte for byte, with its rejections.
            #expect(try test.store.contents(ofImportedFile: report.imported.id) == (try Data(contentsOf: Self.url(name))), "\(name)")
            let rejections = try test.store.rejections(ofImportedFile: report.imported.id)
            #expect(rejections.count == report.imported.rejected, "\(name)")
            #expect(rejections.allSatisfy { !$0.errors.isEmpty }, "\(name)")
        }
        #expect(try test.store.integrityCheck().isEmpty)
        #expect(try Self.rows("PRAGMA foreign_key_check", in: test).isEmpty)
        #expect(try Self.campaignState(test) == before)
        #expect(try test.count("SELECT count(*) FROM imported_file") == filesBefore + imported)
        #expect(try test.count("SELECT count(*) FROM submission WHERE status = 'accepted'")
            == before["accepted submissions"]!.count)
        #expect(try test.count("SELECT count(*) FROM submission") > submissionsBefore + imported - 1)

        // Scoring again finds nothing new: the batch stands.
        let again = try test.store.scoreCampaign(test.campaign)
        #expect(!again.isNew)
        #expect(try Self.campaignState(test) == before)
    }

    /// Without --strict, the good records of a batch are taken, as designed, and nothing else
    /// changes: no enterprise is altered, no batch or result, and a file that breaks off half-way
    /// gives nothing at all.
    @Test func ordinaryImportsTakeOnlyTheGoodRecordsTheCorpusLists() throws {
        let test = try Self.scoredStore()
        let before = try Self.campaignState(test)
        var acceptedUSCCs: [String] = []
        var acceptedByFile: [String: Int] = [:]
        for name in Self.malformed {
            let entry = try #require(MalformedSamplesTests.expected.files[name])
            let report = try test.importFile(Self.url(name), name: "surveys/malformed/\(name)")
            guard !report.isAlreadyImported else { continue }
            if report.fileError != nil {
                #expect(report.imported.accepted == 0, "\(name)")
                #expect(report.imported.records == 1 && report.imported.rejected == 1, "\(name)")
            } else {
                #expect(report.imported.accepted == entry.accepted, "\(name)")
                if entry.accepted > 0 { acceptedByFile[name] = entry.accepted }
            }
            acceptedUSCCs += try Self.rows(
                "SELECT uscc FROM submission WHERE file_id = \(report.imported.id) AND status = 'accepted'", in: test)
        }
        #expect(try test.store.integrityCheck().isEmpty)
        let after = try Self.campaignState(test)
        for table in ["campaign", "tree_revision", "staff_flag", "revalidation", "batch", "batch_node", "batch_exclusion", "result"] {
            #expect(after[table] == before[table], "\(table)")
        }
        // The enterprises of the sample surveys are as they were; the new ones are exactly the
        // accepted records' (the corpus's firms are not in the samples).
        #expect(Set(before["enterprise"]!).isSubset(of: Set(after["enterprise"]!)))
        #expect(Set(before["current_submission"]!).isSubset(of: Set(after["current_submission"]!)))
        let newEnterprises = try Self.rows("SELECT uscc FROM enterprise", in: test).count - before["enterprise"]!.count
        #expect(newEnterprises == Set(acceptedUSCCs).count)
        // The good rows of batches with bad ones; the corpus has at least a few.
        #expect(acceptedUSCCs.count == acceptedByFile.values.reduce(0, +))
        #expect(acceptedByFile.count >= 3)
    }
}
