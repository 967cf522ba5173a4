import Foundation
import Testing

@testable import RongheKit

/// Inputs with which `ronghe-fuzz` crashed intake, kept in `Fixtures/fuzz-crashers` (see its
/// README): each now gives a clean error naming the file and the place.
@Suite struct FuzzCrasherTests {
    static let folder = Fixtures.url("fuzz-crashers")
    static let tree = try! IndicatorTree.load(contentsOf: Fixtures.defaultTreeURL)

    static let expected: [(file: String, accepted: Int, messages: [String])] = [
        ("json-employees-past-int.json", 0, [
            "json-employees-past-int.json:enterprise.employees: error: Employees (persons): 1.8446744073709552e+19 is far too "
                + "large to be a real figure; check the number and its unit",
            "json-employees-past-int.json:enterprise.year: error: the survey year must be between 2000 and 2027, found 2031",
        ]),
        ("csv-year-past-int.csv", 1, [
            "csv-year-past-int.csv:3: error: the survey year must be between 2000 and 2027, found 2.1e+23",
        ]),
        ("xlsx-utf16-unpaired-surrogate.xlsx", 0, [
            "xlsx-utf16-unpaired-surrogate.xlsx:企业填报数据: error: the workbook is damaged (malformed XML: the part's UTF-16 "
                + "text has half a character (an unpaired surrogate) at byte 1896); ask the sender to save it again in Excel "
                + "or WPS and send it again",
        ]),
        ("xlsx-processing-instruction-without-data.xlsx", 0, [
            "xlsx-processing-instruction-without-data.xlsx: error: the workbook is damaged (malformed XML: a processing "
                + "instruction without data (<?xm?>) at byte 0, which no spreadsheet program writes, in _rels/.rels); ask the "
                + "sender to save it again in Excel or WPS and send it again",
        ]),
        ("xlsx-processing-instruction-without-data-minimal.xlsx", 0, [
            "xlsx-processing-instruction-without-data-minimal.xlsx:企业填报数据: error: the workbook is damaged (malformed XML: "
                + "a processing instruction without data (<?x?>) at byte 143, which no spreadsheet program writes); ask the "
                + "sender to save it again in Excel or WPS and send it again",
        ]),
        ("xlsx-utf16-unpaired-surrogate-minimal.xlsx", 0, [
            "xlsx-utf16-unpaired-surrogate-minimal.xlsx:企业填报数据: error: the workbook is damaged (malformed XML: the "
                + "part's UTF-16 text has half a character (an unpaired surrogate) at byte 600); ask the sender to save it "
                + "again in Excel or WPS and send it again",
        ]),
    ]

    @Test func everyCrasherIsListed() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0 != "README.md" }
        #expect(files.sorted() == Self.expected.map(\.file).sorted())
    }

    @Test(arguments: expected.indices)
    func givesACleanError(index: Int) throws {
        let (file, accepted, messages) = Self.expected[index]
        var count = 0
        var issues: [SurveyIssue] = []
        do {
            let summary = try SurveyIntake(tree: Self.tree, currentYear: 2026).process(
                Self.folder.appendingPathComponent(file), file: file
            ) { _, validation in
                issues += validation.issues
                if validation.isAccepted { count += 1 }
            }
            issues += summary.warnings
        } catch let error as SurveyFileError {
            issues.append(error.issue)
        }
        #expect(issues.map { $0.formatted(.en) } == messages)
        #expect(count == accepted)
    }
}
