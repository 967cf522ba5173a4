import Foundation
import Testing

@testable import RongheKit

@Suite struct SurveyIntakeTests {
    /// A batch larger than a chunk, with the first enterprise sent again as the last record:
    /// checking in chunks on several threads gives what checking one record at a time gives, in
    /// file order, and the duplicate across chunks is caught.
    @Test func chunkedChecksAreTheSequentialChecksInFileOrder() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let tree = try IndicatorTree.load(contentsOf: Fixtures.defaultTreeURL)
        let url = directory.url.appendingPathComponent("batch.csv")
        let count = SurveyIntake.chunkSize * 2 + 17
        let writer = try SurveyCSVWriter(url: url, tree: tree)
        let generator = SurveyGenerator(tree: tree, seed: 11)
        for index in 0..<count { try writer.write(generator.response(at: index)) }
        try writer.write(generator.response(at: 0))
        try writer.close()

        let intake = SurveyIntake(tree: tree, currentYear: 2026)
        var sequential: [(FileLocation, SurveyValidation, Int)] = []
        _ = try intake.reader.forEachRecord(at: url, file: "batch.csv") { raw in
            sequential.append((raw.location, intake.validator.validate(raw), raw.fields.count))
        }
        var chunked: [(FileLocation, SurveyValidation, Int)] = []
        _ = try intake.process(url, file: "batch.csv", prepare: { raw, _ in raw.fields.count }) { raw, validation, fields in
            chunked.append((raw.location, validation, fields))
        }

        // Compared as one Boolean each, so that a failure does not print thousands of records.
        #expect(chunked.count == count + 1 && sequential.count == count + 1)
        let sameLocations = chunked.map(\.0) == sequential.map(\.0)
        #expect(sameLocations)
        let sameChecks = chunked.dropLast().map(\.1) == sequential.dropLast().map(\.1)
        #expect(sameChecks)
        let samePrepared = chunked.map(\.2) == sequential.map(\.2)
        #expect(samePrepared)
        let last = try #require(chunked.last)
        #expect(last.1.response == nil)
        #expect(sequential.last?.1.response != nil)
        let uscc = generator.response(at: 0).profile.uscc
        #expect(last.1.issues.last?.message.en == "enterprise \(uscc) appears twice in this file; it first appears at batch.csv:2")
    }

    @Test func aParallelMapKeepsTheOrder() {
        let numbers = Array(0..<10_000)
        #expect(ParallelMap.map(numbers) { $0 * 3 } == numbers.map { $0 * 3 })
        #expect(ParallelMap.map([5, 6]) { String($0) } == ["5", "6"])
        #expect(ParallelMap.map([Int]()) { $0 }.isEmpty)
    }
}
