import Foundation
import Testing

@testable import RongheKit

/// The sample surveys in `surveys/` (outside `malformed/`) import cleanly, cover every format, and
/// hold no enterprise twice except in `resubmissions/`.
@Suite struct SampleSurveysTests {
    static let folder = Fixtures.repository.appendingPathComponent("surveys")
    static let tree = try! IndicatorTree.load(contentsOf: Fixtures.defaultTreeURL)

    /// Every survey file, by its path inside `surveys/`.
    static let files: [String] = {
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])!
        var names: [String] = []
        for case let url as URL in enumerator where ["json", "csv", "xlsx"].contains(url.pathExtension) {
            let name = String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1))
            if !name.hasPrefix("malformed/") { names.append(name) }
        }
        return names.sorted()
    }()

    static func read(_ name: String) throws -> (responses: [SurveyResponse], issues: [SurveyIssue], records: [RawSurvey]) {
        var responses: [SurveyResponse] = []
        var issues: [SurveyIssue] = []
        var records: [RawSurvey] = []
        let summary = try SurveyIntake(tree: tree, currentYear: 2026).process(folder.appendingPathComponent(name), file: name) { raw, validation in
            records.append(raw)
            issues += validation.issues
            if let response = validation.response { responses.append(response) }
        }
        return (responses, issues + summary.warnings, records)
    }

    @Test(arguments: files)
    func importsCleanly(name: String) throws {
        let (responses, issues, records) = try Self.read(name)
        #expect(!responses.isEmpty)
        #expect(responses.count == records.count)
        // Only the size-class warning the generator provokes on purpose is allowed.
        #expect(issues.allSatisfy { $0.severity == .warning && $0.field == "size" }, "\(issues.map { $0.formatted() })")
    }

    @Test func enoughEnterprisesInEveryFormatAndNoneTwice() throws {
        var owners: [String: String] = [:]
        var resubmitted: [String] = []
        var profiles: [EnterpriseProfile] = []
        for name in Self.files {
            for response in try Self.read(name).responses {
                let code = response.profile.uscc
                if name.hasPrefix("resubmissions/") {
                    resubmitted.append(code)
                    continue
                }
                #expect(owners[code] == nil, "\(code) is in \(owners[code] ?? "") and \(name)")
                owners[code] = name
                profiles.append(response.profile)
            }
        }
        #expect(profiles.count >= 30)
        #expect(Set(profiles.map(\.district)).count >= 8)
        #expect(Set(profiles.map(\.industry)).count >= 12)
        #expect(Set(profiles.map(\.industrySection)).isSuperset(of: ["C", "F"]))
        #expect(Set(profiles.map(\.size)) == Set(SizeClass.allCases))
        // A resubmission is a second record of an enterprise that is already in the samples.
        #expect(!resubmitted.isEmpty && resubmitted.allSatisfy { owners[$0] != nil })
    }

    @Test func theFormatsAreWhatTheirNamesSay() throws {
        func bytes(_ name: String) throws -> Data { try Data(contentsOf: Self.folder.appendingPathComponent(name)) }
        #expect(Self.files.contains { $0.hasPrefix("json/") } && Self.files.contains { $0.hasPrefix("xlsx/") })
        #expect(try bytes("json-array/dezhou-2026-batch.json").first == UInt8(ascii: "["))
        #expect(Array(try bytes("csv/dezhou-batch-utf8-bom.csv").prefix(3)) == [0xEF, 0xBB, 0xBF])
        let gbk = try bytes("csv/dezhou-batch-gb18030.csv")
        #expect(String(data: gbk, encoding: .utf8) == nil && gbk.first != 0xEF)
        let reader = try CSVReader(url: Self.folder.appendingPathComponent("csv/dezhou-batch-gb18030.csv"))
        _ = try reader.next()
        #expect(reader.encoding == .gb18030)
        // The title row sits above the header, so the first enterprise is on line 3.
        #expect(try Self.read("csv/dezhou-batch-title-row.csv").records.first?.location.description == "csv/dezhou-batch-title-row.csv:3")
        #expect(try Self.read("xlsx/dezhou-batch.xlsx").records.first?.location.description == "xlsx/dezhou-batch.xlsx:企业填报数据!3")
    }
}
