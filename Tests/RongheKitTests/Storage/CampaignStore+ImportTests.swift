import Foundation
import RongheTestSupport
import Testing

@testable import RongheKit

extension StorageTests {
    @Suite struct CampaignStoreImportTests {
        /// The sample survey of the Dezhou machinery group, with one answer changed.
        static func machinery(replacing old: String? = nil, with new: String? = nil) throws -> Data {
            var text = try String(
                contentsOf: Fixtures.repository.appendingPathComponent("surveys/json/91371400163000111R.json"), encoding: .utf8)
            if let old, let new {
                let changed = text.replacingOccurrences(of: old, with: new)
                precondition(changed != text, "\(old) is not in the sample")
                text = changed
            }
            return Data(text.utf8)
        }

        @Test func sampleSurveysAreAcceptedAsNew() throws {
            let test = try TestStore()
            for url in TestStore.sampleSurveys {
                let report = try test.importFile(url, name: "surveys/json/\(url.lastPathComponent)")
                #expect(!report.isAlreadyImported && report.rejections.isEmpty)
                #expect(report.imported.records == 1 && report.imported.newSubmissions == 1)
                #expect(report.imported.format == .json)
            }
            #expect(try test.count("SELECT count(*) FROM current_submission") == 6)
            #expect(try test.count("SELECT count(*) FROM enterprise") == 6)
            let summary = try test.store.intakeSummary(of: test.campaign)
            #expect(summary.files == 6 && summary.submitted == 6 && summary.accepted == 6 && summary.enterprises == 6)
            #expect(summary.rejected == 0 && summary.superseded == 0 && summary.rejections.isEmpty)
        }

        @Test func storedRecordKeepsBytesRawFieldsAndAnswers() throws {
            let test = try TestStore()
            let url = TestStore.sampleSurveys[0]
            let report = try test.importFile(url, name: "surveys/json/\(url.lastPathComponent)")
            let bytes = try Data(contentsOf: url)
            #expect(try test.store.contents(ofImportedFile: report.imported.id) == bytes)
            #expect(report.imported.sha256 == SHA256.hexDigest(of: bytes))

            let row = try #require(try test.store.db.firstRow(
                "SELECT place, uscc, name, raw_json, answers_json, profile_json, outcome FROM submission"))
            #expect(try row.string(0) == "surveys/json/91371400163000111R.json:$")
            #expect(try row.string(1) == "91371400163000111R")
            #expect(try row.string(2) == "山东德赛机械集团有限公司")
            #expect(try row.string(6) == "new")
            // Read back, the raw record validates to the same survey as the file does.
            let raw = try StoredJSON.decodeRaw(row.string(3))
            let validation = SurveyValidator(tree: test.tree, currentYear: 2026).validate(raw)
            let response = try #require(validation.response)
            #expect(try StoredJSON.decodeAnswers(row.string(4)) == response.answers)
            #expect(try StoredJSON.decodeProfile(row.string(5)) == response.profile)
            #expect(raw.fields.first { $0.key == "A2.2" }?.location.description
                == "surveys/json/91371400163000111R.json:answers[\"A2.2\"]")
        }

        @Test func theSameBytesAgainAddNothing() throws {
            let test = try TestStore()
            let url = try test.write(Self.machinery(), as: "a.json")
            let first = try test.importFile(url, name: "inbox/a.json")
            let before = try test.rowCounts()
            let again = try test.importFile(url, name: "inbox/a.json")
            #expect(again.isAlreadyImported)
            #expect(again.imported == first.imported)
            // Renamed, the same bytes are still the same file.
            let renamed = try test.write(Self.machinery(), as: "copy of a.json")
            let copy = try test.importFile(renamed)
            #expect(copy.isAlreadyImported && copy.file == "copy of a.json" && copy.imported.name == "inbox/a.json")
            #expect(try test.rowCounts() == before)
        }

        @Test func theSameBytesInAnotherCampaignAreStoredOnce() throws {
            let test = try TestStore()
            let other = try test.store.createCampaign(
                name: "other", treeJSON: Data(contentsOf: Fixtures.defaultTreeURL), source: "t.json", year: 2026)
            let url = try test.write(Self.machinery(), as: "a.json")
            try test.importFile(url)
            let second = try test.importFile(url, campaign: other)
            #expect(!second.isAlreadyImported && second.imported.newSubmissions == 1)
            #expect(try test.count("SELECT count(*) FROM file_content") == 1)
            #expect(try test.count("SELECT count(*) FROM imported_file") == 2)
            #expect(try test.count("SELECT count(*) FROM current_submission") == 2)
        }

        @Test func aResubmissionSupersedesAndKeepsTheEarlierOne() throws {
            let test = try TestStore()
            let first = try test.importFile(test.write(Self.machinery(), as: "first.json"))
            let second = try test.importFile(test.write(Self.machinery(replacing: "\"A2.2\": 38", with: "\"A2.2\": 40"), as: "second.json"))
            #expect(second.imported.resubmissions == 1 && second.imported.newSubmissions == 0)
            let (new, replaced) = try #require(second.supersessions.first)
            #expect(replaced.file == "first.json" && replaced.fileID == first.imported.id)
            #expect(new.file == "second.json")

            let history = try test.store.submissionHistory(uscc: "91371400163000111R", in: test.campaign)
            #expect(history.map(\.outcome) == [.new, .resubmission])
            #expect(history.map(\.isInEffect) == [false, true])
            #expect(history[1].previousID == history[0].submission.id)
            #expect(try test.count("SELECT supersedes FROM submission WHERE id = ?", [history[1].submission.id])
                == Int(history[0].submission.id))
            #expect(try test.count("SELECT count(*) FROM submission") == 2)
            let summary = try test.store.intakeSummary(of: test.campaign)
            #expect(summary.submitted == 2 && summary.accepted == 2 && summary.superseded == 1 && summary.enterprises == 1)
        }

        @Test func anUnchangedRecordIsKeptButTheEarlierOneStaysInEffect() throws {
            let test = try TestStore()
            try test.importFile(test.write(Self.machinery(), as: "first.json"))
            // Other bytes (layout), same survey.
            let reformatted = try Self.machinery().filter { $0 != UInt8(ascii: "\n") }
            let report = try test.importFile(test.write(reformatted, as: "again.json"))
            #expect(!report.isAlreadyImported)
            #expect(report.imported.unchanged == 1 && report.imported.accepted == 1 && report.supersessions.isEmpty)
            let history = try test.store.submissionHistory(uscc: "91371400163000111R", in: test.campaign)
            #expect(history.map(\.outcome) == [.new, .unchanged])
            #expect(history.map(\.isInEffect) == [true, false])
            #expect(history[1].previousID == history[0].submission.id)
        }

        @Test func aRejectedResubmissionDoesNotDisplaceTheAcceptedOne() throws {
            let test = try TestStore()
            try test.importFile(test.write(Self.machinery(), as: "first.json"))
            let bad = try Self.machinery(replacing: "\"D1.1\": 5", with: "\"D1.1\": 99")
            let report = try test.importFile(test.write(bad, as: "bad.json"))
            #expect(report.imported.rejected == 1 && report.imported.accepted == 0)
            let rejection = try #require(report.rejections.first)
            #expect(rejection.uscc == "91371400163000111R" && rejection.name == "山东德赛机械集团有限公司")
            #expect(rejection.inEffect?.file == "first.json")
            #expect(rejection.errors.map { $0.formatted(.en) } == [
                "bad.json:answers[\"D1.1\"]: error: D1.1 Integrated links among ERP, MES, PLM, CRM, SCM and EMS: 99 is above the maximum of 15"
            ])
            let history = try test.store.submissionHistory(uscc: "91371400163000111R", in: test.campaign)
            #expect(history.map(\.outcome) == [.new, .rejectedResubmission])
            #expect(history.map(\.isInEffect) == [true, false])
            let summary = try test.store.intakeSummary(of: test.campaign)
            #expect(summary.rejected == 1 && summary.rejections.first?.inEffect?.file == "first.json")
        }

        @Test func strictRejectsTheWholeFileAndKeepsEveryRecord() throws {
            let test = try TestStore()
            var maker = SurveyCSVMaker(tree: test.tree, seed: 7)
            var rows = maker.rows(0..<3)
            rows[3][0] = "91371402MA0000002X"  // a mistyped check character
            let url = try test.write(CSVWriter.data(for: rows), as: "batch.csv")
            let report = try test.importFile(url, strict: true)
            #expect(report.imported.records == 3 && report.imported.rejected == 3 && report.imported.accepted == 0)
            #expect(report.isStrictRejection)
            #expect(report.rejections.map(\.submission.place) == ["batch.csv:2", "batch.csv:3", "batch.csv:4"])
            #expect(report.rejections[0].errors.map { $0.formatted(.en) } == [
                "batch.csv:2: error: rejected with the whole file under --strict: 1 record(s) of the file failed their checks; this record itself passed"
            ])
            #expect(report.rejections[0].uscc == SurveyCSVMaker.uscc(0))
            #expect(report.rejections[2].uscc == nil)
            #expect(try test.count("SELECT count(*) FROM current_submission") == 0)
            #expect(try test.count("SELECT count(*) FROM submission WHERE raw_json IS NOT NULL") == 3)
            #expect(try test.count("SELECT count(*) FROM submission WHERE status = 'accepted'") == 0)
        }

        @Test func withoutStrictTheGoodRecordsOfABatchAreAccepted() throws {
            let test = try TestStore()
            var maker = SurveyCSVMaker(tree: test.tree, seed: 7)
            var rows = maker.rows(0..<3)
            rows[3][0] = "91371402MA0000002X"
            let report = try test.importFile(test.write(CSVWriter.data(for: rows), as: "batch.csv"))
            #expect(report.imported.accepted == 2 && report.imported.rejected == 1 && !report.isStrictRejection)
            #expect(report.rejections.map(\.submission.place) == ["batch.csv:4"])
        }

        @Test func anUnreadableFileIsKeptAsOneRejectedRecord() throws {
            let test = try TestStore()
            let url = try test.write(Data("uscc,name\n\"91371400163000111R,unterminated\n".utf8), as: "broken.csv")
            let report = try test.importFile(url)
            #expect(!report.imported.isReadable)
            #expect(report.imported.records == 1 && report.imported.rejected == 1)
            let rejection = try #require(report.rejections.first)
            #expect(rejection.isFileError && rejection.submission.place == report.fileError?.location.description)
            #expect(report.fileError?.formatted(.zh).hasPrefix("broken.csv:2: 错误: 从这一行开始的引号没有结束") == true)
            #expect(try test.store.contents(ofImportedFile: report.imported.id) == Data(contentsOf: url))
            #expect(try test.count("SELECT count(*) FROM submission WHERE ordinal = 0 AND raw_json IS NULL") == 1)
            // The same broken bytes again are recognised.
            #expect(try test.importFile(url).isAlreadyImported)
        }

        @Test func aFailureHalfWayLeavesNothingOfTheFile() throws {
            let test = try TestStore()
            try test.importFile(test.write(Self.machinery(), as: "first.json"))
            let before = try test.rowCounts()
            var maker = SurveyCSVMaker(tree: test.tree, seed: 3)
            let url = try test.write(maker.csv(0..<40), as: "batch.csv")
            var options = ImportOptions(currentYear: 2026)
            options.failureAfterRecords = 20
            #expect(throws: InjectedFailure.self) {
                try test.store.importFile(at: url, name: "batch.csv", into: test.campaign, options: options)
            }
            #expect(try test.rowCounts() == before)
            #expect(try test.store.integrityCheck().isEmpty)
            #expect(!test.store.db.isInTransaction)
            // Running it again finishes the job.
            let report = try test.importFile(url)
            #expect(report.imported.records == 40 && report.imported.newSubmissions == 40)
        }

        @Test func aConstraintViolationHalfWayRollsTheFileBack() throws {
            let test = try TestStore()
            // A trigger stands in for a constraint the 21st record breaks.
            try test.store.db.execute(sql: """
                CREATE TRIGGER refuse_21 BEFORE INSERT ON submission WHEN NEW.ordinal = 21
                BEGIN SELECT RAISE(ABORT, 'refused'); END
                """)
            var maker = SurveyCSVMaker(tree: test.tree, seed: 4)
            let url = try test.write(maker.csv(0..<30), as: "batch.csv")
            let error = #expect(throws: DatabaseError.self) { try test.importFile(url) }
            #expect(error?.message == "refused")
            for table in ["file_content", "imported_file", "submission", "enterprise", "current_submission"] {
                #expect(try test.count("SELECT count(*) FROM \(table)") == 0, "\(table)")
            }
        }

        @Test func progressIsReportedWhileReadingThenWriting() throws {
            let test = try TestStore()
            var maker = SurveyCSVMaker(tree: test.tree, seed: 12)
            let url = try test.write(maker.csv(0..<2500), as: "big.csv")
            var steps: [ImportProgress] = []
            _ = try test.store.importFile(
                at: url, name: "big.csv", into: test.campaign, options: ImportOptions(currentYear: 2026)) { steps.append($0) }
            #expect(steps == [
                .reading(records: 1000), .reading(records: 2000), .writing(records: 1000, of: 2500),
                .writing(records: 2000, of: 2500), .writing(records: 2500, of: 2500),
            ])
        }

        @Test func recordsOfAllEnterprisesInABatchAreKeptInFileOrder() throws {
            let test = try TestStore()
            var maker = SurveyCSVMaker(tree: test.tree, seed: 11)
            let report = try test.importFile(test.write(maker.csv(0..<200), as: "big.csv"))
            #expect(report.imported.newSubmissions == 200, "\(report.rejections.first?.errors ?? [])")
            let places = try test.store.db.rows("SELECT place FROM submission ORDER BY ordinal").map { try $0.string(0) }
            #expect(places == (2...201).map { "big.csv:\($0)" })
        }
    }
}
