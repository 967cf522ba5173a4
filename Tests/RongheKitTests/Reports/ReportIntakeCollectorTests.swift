import Foundation
import Testing

@testable import RongheKit

@Suite struct ReportIntakeCollectorTests {
    static let sample = Fixtures.repository.appendingPathComponent("surveys/json/91371402MA3C5LXK2W.json")

    @Test func countsRejectionsAndSupersessions() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let bad = directory.url.appendingPathComponent("bad.json")
        try Data(try String(contentsOf: Self.sample, encoding: .utf8)
            .replacingOccurrences(of: "91371402MA3C5LXK2W", with: "91371402MA3C5LXK2X").utf8).write(to: bad)
        let missing = directory.url.appendingPathComponent("missing.csv")
        var collector = ReportIntakeCollector(tree: ReportFixture.tree, currentYear: 2026)
        collector.add(Self.sample, file: "first.json")
        collector.add(bad, file: "bad.json")
        collector.add(missing, file: "missing.csv")
        collector.add(Self.sample, file: "second.json")

        let summary = collector.summary
        #expect(summary.submitted == 4)
        #expect(summary.accepted == 2)
        #expect(summary.rejected == 2)
        #expect(summary.superseded == 1)
        #expect(collector.responses.map(\.profile.uscc) == ["91371402MA3C5LXK2W"])
        #expect(collector.supersessions == [ReportIntakeCollector.Supersession(
            uscc: "91371402MA3C5LXK2W", earlier: FileLocation(file: "first.json", place: .jsonPath("$")),
            later: FileLocation(file: "second.json", place: .jsonPath("$")))])

        let rejection = summary.rejections[0]
        #expect(rejection.file == "bad.json")
        #expect(rejection.place == nil)
        #expect(rejection.uscc == "91371402MA3C5LXK2X")
        #expect(rejection.name == "德州华信化工有限公司")
        #expect(rejection.messages.map { $0.text(.en) } == [
            #"enterprise.uscc: the check character of credit code 91371402MA3C5LXK2X should be "W", not "X"; the code was probably mistyped"#,
        ])
        #expect(summary.rejections[1].file == "missing.csv")
        #expect(summary.rejections[1].uscc == nil)
        #expect(summary.rejections[1].messages.count == 1)
    }

    @Test func placesReadAsInMessages() {
        #expect(ReportInput.Rejection.placeText(.cell(sheet: "问卷", reference: "C7")) == "问卷!C7")
        #expect(ReportInput.Rejection.placeText(.line(17)) == "17")
        #expect(ReportInput.Rejection.placeText(.jsonPath(#"answers["B1.1"]"#)) == #"answers["B1.1"]"#)
        #expect(ReportInput.Rejection.placeText(.jsonPath("$")) == nil)
        #expect(ReportInput.Rejection.placeText(nil) == nil)
    }
}
