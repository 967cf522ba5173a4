import Foundation
import Testing

@testable import RongheKit

/// The files in `surveys/malformed/` give exactly the messages `expected.json` lists for them.
///
/// The expected messages were first read from our reader, then each was checked against the code
/// that writes it and against the file's content (see the commit that added them); several were
/// reworded so that an enterprise can act on them.
@Suite struct MalformedSamplesTests {
    struct Expected: Decodable {
        struct Entry: Decodable {
            let accepted: Int
            let messages: [String]
        }

        let files: [String: Entry]
    }

    static let folder = Fixtures.repository.appendingPathComponent("surveys/malformed")
    static let tree = try! IndicatorTree.load(contentsOf: Fixtures.defaultTreeURL)
    static let expected = try! JSONDecoder().decode(Expected.self, from: Data(contentsOf: folder.appendingPathComponent("expected.json")))

    /// Every file in the folder, by its path inside it, except `expected.json` itself.
    static let files: [String] = {
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])!
        var names: [String] = []
        for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            let name = String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1))
            if name != "expected.json" { names.append(name) }
        }
        return names.sorted()
    }()

    /// What intake makes of a file: every issue in order (a file-level error where it stopped,
    /// then the file's warnings), and how many records were accepted.
    static func intake(_ name: String) throws -> (accepted: [SurveyResponse], messages: [String]) {
        var accepted: [SurveyResponse] = []
        var issues: [SurveyIssue] = []
        do {
            let summary = try SurveyIntake(tree: tree, currentYear: 2026).process(
                folder.appendingPathComponent(name), file: "surveys/malformed/\(name)"
            ) { _, validation in
                issues += validation.issues
                if let response = validation.response { accepted.append(response) }
            }
            issues += summary.warnings
        } catch let error as SurveyFileError {
            issues.append(error.issue)
        }
        return (accepted, issues.map { $0.formatted(.en) })
    }

    @Test func everyFileIsListedAndEveryListedFileExists() {
        #expect(Self.files == Self.expected.files.keys.sorted())
        let malformed = Self.files.filter { !$0.hasPrefix("tricky/") }
        #expect(malformed.count >= 60)
    }

    @Test(arguments: files)
    func givesExactlyTheExpectedMessages(name: String) throws {
        let entry = try #require(Self.expected.files[name], "\(name) is not listed in expected.json")
        let (accepted, messages) = try Self.intake(name)
        #expect(messages == entry.messages)
        #expect(accepted.count == entry.accepted)
        if name.hasPrefix("tricky/") {
            #expect(!messages.contains { $0.contains(": error: ") }, "a tricky file must be accepted")
        } else {
            #expect(messages.contains { $0.contains(": error: ") }, "a malformed file must be refused somewhere")
        }
    }

    // MARK: What the tricky files are accepted as

    @Test func aFormulaInANameIsKeptAsText() throws {
        let response = try #require(try Self.intake("tricky/formula-in-name.csv").accepted.first)
        #expect(response.profile.name == #"=HYPERLINK("http://example.com/subsidy","点击领取补贴")"#)
    }

    /// Text that a spreadsheet would take for a formula (`=`, `+`, `-`, `@`) is data: accepted
    /// and kept exactly as sent.
    @Test func formulaLikeNamesAreKeptAsText() throws {
        let names = try Self.intake("tricky/formula-like-text.csv").accepted.map(\.profile.name)
        #expect(names == ["=cmd|' /C calc'!A0", "+1 夏津县瑞丰棉纺有限公司", "-1 临邑县恒源化工有限公司", "@SUM(1+1)*cmd|' /C calc'!A0"])
    }

    @Test(arguments: ["tricky/utf16-unicode-text.csv", "tricky/utf16-without-byte-order-mark.csv"])
    func utf16TextIsRead(name: String) throws {
        let response = try #require(try Self.intake(name).accepted.first)
        #expect(["禹城市通达糖业有限公司", "临邑县恒源化工有限公司"].contains(response.profile.name))
        #expect(response.answers["P1"] == .number(320))
    }

    @Test func mixedLineEndingsEndLines() throws {
        let accepted = try Self.intake("tricky/mixed-line-endings.csv").accepted
        #expect(accepted.map(\.profile.employees) == [60, 16, 150])
    }

    @Test func fullWidthDigitsAreNumbers() throws {
        let response = try #require(try Self.intake("tricky/full-width-digits.csv").accepted.first)
        #expect(response.profile.employees == 150 && response.profile.revenue == 7300)
        #expect(response.answers["A2.3"] == .number(35))
        #expect(response.answers["B1.1"] == .number(1234.5))
        #expect(response.answers["B2.1"] == .number(120))
        #expect(response.answers["P1"] == .number(320) && response.answers["P2"] == .number(-45))
    }

    @Test func spreadsheetTypesAreReadAsTheirValues() throws {
        let response = try #require(try Self.intake("tricky/spreadsheet-types.xlsx").accepted.first)
        #expect(response.profile.district == "371482")
        #expect(response.profile.revenue == 26500.5)
        #expect(response.answers["F0"] == .yesNo(false) && response.answers["E2.2"] == .yesNo(true))
    }

    @Test func semicolonsSeparateFieldsWhenTheFileUsesThem() throws {
        let response = try #require(try Self.intake("tricky/semicolon-separated.csv").accepted.first)
        #expect(response.profile.name == "宁津县金丰家具有限公司" && response.profile.employees == 85)
    }

    @Test func anAnswerThatDoesNotApplyIsDropped() throws {
        let response = try #require(try Self.intake("tricky/answer-that-does-not-apply.json").accepted.first)
        #expect(response.answers["F0"] == .yesNo(false) && response.answers["F1.2"] == nil)
    }

    /// A 10 MB text field in a CSV file, made here rather than committed: refused at the field
    /// limit, with the line it is on.
    @Test func aTenMegabyteCSVFieldIsRefused() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = directory.url.appendingPathComponent("big.csv")
        let header = "统一社会信用代码,企业名称,所属区县,所属行业,企业规模,填报年度,X1 信息化建设主要成效（简述）\r\n"
        let row = "91371402MA3F2K7L17,德州华兴机械有限公司,371402,C34,中型,2026," + String(repeating: "成效显著", count: 2_621_440) + "\r\n"
        try Data((header + row).utf8).write(to: url)
        do {
            _ = try SurveyIntake(tree: Self.tree, currentYear: 2026).process(url, file: "big.csv") { _, _ in }
            Issue.record("read a 10 MB field")
        } catch let error as SurveyFileError {
            #expect(error.issue.formatted(.en) == "big.csv:2: error: field 7 is longer than the limit of 1048576 bytes")
            #expect(error.issue.formatted(.zh) == "big.csv:2: 错误: 第7个字段超过1048576字节的上限，请精简后重新保存")
        }
    }
}
