import Foundation
import RongheKit
import RongheTestSupport
import Testing

@testable import RongheCLI

@Suite struct ImportCommandTests {
    static let samples = [
        "91371400163000111R", "91371402MA3C5LXK2W", "91371425MA3D2K8L0Y", "91371427MA3R6T9W2G", "91371482MA3MBP0T1K",
        "92371400MA3Q8Y7N1E",
    ]

    @Test func importsADirectoryThenSaysAlreadyImported() throws {
        let workspace = try Workspace()
        workspace.createCampaign()
        let first = workspace.run(["import", "surveys"])
        #expect(first == Invocation(status: 0, output: Self.samples.map {
            "surveys/\($0).json: 1 record: 1 accepted (1 new), 0 rejected\n"
        }.joined() + "Campaign 德州2026: 6 files (6 imported); 6 records: 6 accepted, 0 rejected\n", error: ""))

        let again = workspace.run(["import", "surveys/91371400163000111R.json"])
        #expect(again.status == 0)
        #expect(Workspace.masked(again.output) == """
            surveys/91371400163000111R.json: already imported on <time> (import 1); nothing added
            Campaign 德州2026: 1 file (0 imported, 1 already imported); 0 records: 0 accepted, 0 rejected

            """)
        try FileManager.default.copyItem(
            at: workspace.url.appendingPathComponent("surveys/91371400163000111R.json"),
            to: workspace.url.appendingPathComponent("copy.json"))
        let copy = workspace.run(["import", "copy.json"])
        #expect(Workspace.masked(copy.output).hasPrefix(
            "copy.json: already imported as surveys/91371400163000111R.json on <time> (import 1); nothing added\n"))
    }

    @Test func rejectionsAreListedWrittenToCSVAndFailTheRun() throws {
        let workspace = try Workspace()
        workspace.createCampaign()
        workspace.run(["import", "surveys"])
        // A resubmission with an impossible link count, and a record with a mistyped credit code.
        try workspace.write(try workspace.sample("91371400163000111R", replacing: "\"D1.1\": 5", with: "\"D1.1\": 99"), as: "inbox/a.json")
        try workspace.write(
            try workspace.sample("91371402MA3C5LXK2W", replacing: "91371402MA3C5LXK2W", with: "91371402MA3C5LXK2X"), as: "inbox/b.json")
        let result = workspace.run(["import", "inbox", "--rejections", "退回意见.csv", "--lang", "en"])
        #expect(result.status == 1)
        #expect(result.output == """
            inbox/a.json: 1 record: 0 accepted, 1 rejected
            inbox/b.json: 1 record: 0 accepted, 1 rejected
            Campaign 德州2026: 2 files (2 imported); 2 records: 0 accepted, 2 rejected
            Wrote 2 rejections to 退回意见.csv

            """)
        #expect(Workspace.masked(result.error) == """
            inbox/a.json:answers["D1.1"]: error: D1.1 Integrated links among ERP, MES, PLM, CRM, SCM and EMS: 99 is above the maximum of 15
            inbox/a.json:$: note: this submission of 91371400163000111R is rejected; the one accepted earlier \
            (surveys/91371400163000111R.json:$, <time>) stays in effect
            inbox/b.json:enterprise.uscc: error: the check character of credit code 91371402MA3C5LXK2X should be "W", not "X"; \
            the code was probably mistyped

            """)
        let csv = try Data(contentsOf: workspace.url.appendingPathComponent("退回意见.csv"))
        #expect(csv.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(String(decoding: csv.dropFirst(3), as: UTF8.self) == """
            File,Place,Credit code,Enterprise,Problem\r
            inbox/a.json,"answers[""D1.1""]",91371400163000111R,山东德赛机械集团有限公司,"D1.1 Integrated links among ERP, MES, PLM, CRM, SCM and EMS: 99 is above the maximum of 15"\r
            inbox/b.json,enterprise.uscc,,德州华信化工有限公司,"the check character of credit code 91371402MA3C5LXK2X should be ""W"", not ""X""; the code was probably mistyped"\r

            """)

        // In Chinese, by default; files imported before are listed from the store.
        let chinese = workspace.run(["import", "inbox", "--rejections", "退回意见.csv"])
        #expect(chinese.status == 0)
        let text = String(decoding: try Data(contentsOf: workspace.url.appendingPathComponent("退回意见.csv")).dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("文件,位置,统一社会信用代码,企业名称,问题\r\ninbox/a.json,\"answers[\"\"D1.1\"\"]\",91371400163000111R,"))
        #expect(text.components(separatedBy: "\r\n").count == 4)
    }

    @Test func aRejectedResubmissionIsExplainedInChinese() throws {
        let workspace = try Workspace()
        workspace.createCampaign()
        workspace.run(["import", "surveys"])
        try workspace.write(try workspace.sample("91371400163000111R", replacing: "\"D1.1\": 5", with: "\"D1.1\": 99"), as: "a.json")
        let result = workspace.run(["import", "a.json"])
        #expect(Workspace.masked(result.error) == """
            a.json:answers["D1.1"]: 错误: D1.1 已实现集成的系统对数（ERP、MES、PLM、CRM、SCM、EMS之间）：99大于允许的最大值15
            a.json:$: 说明: 91371400163000111R本次提交未被接收，此前已接收的提交（surveys/91371400163000111R.json:$，<time>）继续有效

            """)
    }

    @Test func resubmissionsAndUnchangedRecordsAreCounted() throws {
        let workspace = try Workspace()
        workspace.createCampaign()
        workspace.run(["import", "surveys"])
        var maker = SurveyCSVMaker(tree: try IndicatorTree.load(contentsOf: workspace.url.appendingPathComponent("tree.json")), seed: 1)
        var rows = maker.rows(0..<3)
        // The machinery group once more, via the batch, with a changed answer; then unchanged.
        try workspace.write(try workspace.sample("91371400163000111R", replacing: "\"A2.2\": 38", with: "\"A2.2\": 39"), as: "new.json")
        try workspace.write(try workspace.sample("91371400163000111R", replacing: "\"A2.2\": 38", with: "\"A2.2\":  39"), as: "same.json")
        rows[2][0] = "not a code"
        try workspace.write(try CSVWriter.data(for: rows), as: "batch.csv")
        let result = workspace.run(["import", "new.json", "same.json", "batch.csv"])
        #expect(result.status == 1)
        #expect(result.output == """
            new.json: 1 record: 1 accepted (1 superseding earlier submissions), 0 rejected
            same.json: 1 record: 1 accepted (1 unchanged), 0 rejected
            batch.csv: 3 records: 2 accepted (2 new), 1 rejected
            Campaign 德州2026: 3 files (3 imported); 5 records: 4 accepted, 1 rejected

            """)
        #expect(result.error == "batch.csv:3: 错误: 统一社会信用代码应为18位，实际为8位（“NOTACODE”）\n")
    }

    @Test func strictRejectsTheWholeFile() throws {
        let workspace = try Workspace()
        workspace.createCampaign()
        var maker = SurveyCSVMaker(tree: try IndicatorTree.load(contentsOf: workspace.url.appendingPathComponent("tree.json")), seed: 1)
        var rows = maker.rows(0..<3)
        rows[3][0] = "not a code"
        try workspace.write(try CSVWriter.data(for: rows), as: "batch.csv")
        let result = workspace.run(["import", "batch.csv", "--strict", "--lang", "en"])
        #expect(result.status == 1)
        #expect(result.output == """
            batch.csv: 3 records: 0 accepted, 3 rejected (--strict: 1 failed, so the whole file is rejected)
            Campaign 德州2026: 1 file (1 imported); 3 records: 0 accepted, 3 rejected

            """)
        let strict = "rejected with the whole file under --strict: 1 record(s) of the file failed their checks; this record itself passed"
        #expect(result.error == """
            batch.csv:2: error: \(strict)
            batch.csv:3: error: \(strict)
            batch.csv:4: error: the unified social credit code must have 18 characters, found 8 ("NOTACODE")

            """)
    }

    @Test func anUnreadableFileIsKeptAndReported() throws {
        let workspace = try Workspace()
        workspace.createCampaign()
        try workspace.write(Data("not a workbook".utf8), as: "form.xlsx")
        let result = workspace.run(["import", "form.xlsx", "--lang", "en"])
        #expect(result.status == 1)
        #expect(result.output == """
            form.xlsx: cannot be read; kept as 1 rejected record (import 1)
            Campaign 德州2026: 1 file (1 imported); 1 record: 0 accepted, 1 rejected

            """)
        #expect(result.error.hasPrefix("form.xlsx: error: "))
    }

    @Test func severalCampaignsNeedOneNamed() throws {
        let workspace = try Workspace()
        workspace.createCampaign("德州2026")
        workspace.createCampaign("商丘2026")
        let result = workspace.run(["import", "surveys"])
        #expect(result.status == 64)
        #expect(result.error.hasPrefix(
            "error: the database has 2 campaigns; choose one with --campaign NAME: 商丘2026, 德州2026\n"))
        #expect(workspace.run(["import", "surveys", "--campaign", "商丘2026"]).status == 0)
    }

    @Test func noCampaignYet() throws {
        let workspace = try Workspace()
        _ = try CampaignStore.open(path: workspace.databasePath, createIfMissing: true)
        #expect(workspace.run(["import", "surveys"]) == Invocation(status: 1, output: "", error: """
            error: the database has no campaign yet; create one with `ronghe campaign new NAME --indicators FILE`

            """))
    }
}
