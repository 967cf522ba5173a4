import Foundation
import RongheKit
import RongheTestSupport
import Testing

@testable import RongheCLI

/// Real `ronghe` processes on one database: killed half-way through an import, and two imports
/// at once. They run the executable built next to the tests.
@Suite(.serialized) struct ImportProcessTests {
    /// The `ronghe` executable of this build: next to the test bundle, else in `.build/debug`.
    static let executable: URL? = {
        var candidates: [URL] = []
        for base in [Bundle.main.bundleURL, Bundle.main.executableURL, URL(fileURLWithPath: CommandLine.arguments[0])].compactMap({ $0 }) {
            var directory = base.deletingLastPathComponent()
            for _ in 0..<3 {
                candidates.append(directory.appendingPathComponent("ronghe"))
                directory = directory.deletingLastPathComponent()
            }
        }
        candidates.append(CLITest.repository.appendingPathComponent(".build/debug/ronghe"))
        return candidates.first { url in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && !isDirectory.boolValue
                && FileManager.default.isExecutableFile(atPath: url.path)
        }
    }()

    /// Starts `ronghe ARGUMENTS` in `directory`, its outputs captured in files there.
    static func start(_ arguments: [String], in directory: URL, name: String) throws -> Process {
        let executable = try #require(executable, "the ronghe executable was not found; build it with swift build --build-tests")
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        _ = FileManager.default.createFile(atPath: directory.appendingPathComponent("\(name).out").path, contents: nil)
        _ = FileManager.default.createFile(atPath: directory.appendingPathComponent("\(name).err").path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: directory.appendingPathComponent("\(name).out"))
        process.standardError = try FileHandle(forWritingTo: directory.appendingPathComponent("\(name).err"))
        try process.run()
        return process
    }

    static func output(_ name: String, in directory: URL) -> String {
        (try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)) ?? ""
    }

    /// Everything the store holds about imports, without ids and times, to compare two databases.
    static func contents(of path: String) throws -> [String] {
        let db = try SQLiteConnection(path: path, configuration: .init(mode: .readWrite))
        var lines: [String] = []
        let queries = [
            "SELECT sha256, size, hex(bytes) FROM file_content ORDER BY sha256",
            """
            SELECT f.name, f.format, f.strict, f.readable, f.record_count, f.new_count, f.resubmission_count,
                f.unchanged_count, f.rejected_count, f.warnings_json, c.sha256
            FROM imported_file f JOIN file_content c ON c.id = f.content_id ORDER BY f.name
            """,
            """
            SELECT f.name, s.ordinal, s.place, s.uscc, s.name, s.status, s.outcome, s.raw_json, s.profile_json,
                s.answers_json, s.issues_json
            FROM submission s JOIN imported_file f ON f.id = s.file_id ORDER BY f.name, s.ordinal
            """,
            "SELECT uscc, name, district, industry, size FROM enterprise ORDER BY uscc",
            """
            SELECT c.uscc, s.ordinal, f.name FROM current_submission c JOIN submission s ON s.id = c.submission_id
                JOIN imported_file f ON f.id = s.file_id ORDER BY c.uscc
            """,
        ]
        for sql in queries {
            for row in try db.rows(sql) {
                lines.append(row.values.map { "\($0)" }.joined(separator: "|"))
            }
        }
        return lines
    }

    static func tableCount(_ table: String, in path: String) throws -> Int {
        try SQLiteConnection(path: path, configuration: .init(mode: .readWrite)).scalar("SELECT count(*) FROM \(table)", as: Int.self)
    }

    @Test(.timeLimit(.minutes(2)))
    func anImportKilledHalfWayLeavesNothingAndARunAgainFinishesIt() throws {
        let workspace = try Workspace()
        workspace.createCampaign()
        _ = CLITest.run(["--db", "control.sqlite", "campaign", "new", "德州2026", "--indicators", "tree.json", "--year", "2026"], in: workspace.url)
        var maker = SurveyCSVMaker(tree: try IndicatorTree.load(contentsOf: workspace.url.appendingPathComponent("tree.json")), seed: 42)
        let count = 1500
        try workspace.write(try CSVWriter.data(for: maker.rows(0..<count)), as: "large.csv")

        // An uninterrupted run into another database, alongside, for comparison.
        let control = try Self.start(["--db", "control.sqlite", "import", "large.csv"], in: workspace.url, name: "control")
        let victim = try Self.start(["--db", "ronghe.sqlite", "import", "large.csv"], in: workspace.url, name: "victim")

        // The import parses first, then writes in one transaction: wait until it holds the write
        // lock (a probe cannot begin one), then kill it at once.
        let probe = try SQLiteConnection(path: workspace.databasePath, configuration: .init(mode: .readWrite, busyTimeout: .zero))
        let deadline = Date().addingTimeInterval(90)
        var writing = false
        while victim.isRunning && Date() < deadline {
            do {
                try probe.execute(sql: "BEGIN IMMEDIATE")
                try probe.execute(sql: "ROLLBACK")
                usleep(500)
            } catch let error as DatabaseError where error.resultCode == .busy {
                writing = true
                break
            }
        }
        kill(victim.processIdentifier, SIGKILL)
        victim.waitUntilExit()
        try probe.close()
        #expect(writing, "the import ended before it could be interrupted: \(Self.output("victim.out", in: workspace.url))")
        #expect(victim.terminationReason == .uncaughtSignal)

        // Consistent, and nothing of the file is visible.
        let store = try CampaignStore.open(path: workspace.databasePath)
        #expect(try store.integrityCheck().isEmpty)
        for table in ["file_content", "imported_file", "submission", "enterprise", "current_submission"] {
            #expect(try Self.tableCount(table, in: workspace.databasePath) == 0, "\(table)")
        }

        // Running it again finishes the job, exactly as the uninterrupted run did.
        let again = try Self.start(["--db", "ronghe.sqlite", "import", "large.csv"], in: workspace.url, name: "again")
        again.waitUntilExit()
        control.waitUntilExit()
        #expect(again.terminationStatus == 0, "\(Self.output("again.err", in: workspace.url))")
        #expect(control.terminationStatus == 0, "\(Self.output("control.err", in: workspace.url))")
        #expect(Self.output("again.out", in: workspace.url).hasPrefix(
            "large.csv: \(count) records: \(count) accepted (\(count) new), 0 rejected\n"))
        let recovered = try Self.contents(of: workspace.databasePath)
        #expect(recovered.count > count * 2)
        #expect(recovered == (try Self.contents(of: workspace.url.appendingPathComponent("control.sqlite").path)))
        #expect(try store.integrityCheck().isEmpty)
    }

    @Test(.timeLimit(.minutes(2)))
    func twoImportsAtOnceBothSucceed() throws {
        let workspace = try Workspace()
        workspace.createCampaign()
        var maker = SurveyCSVMaker(tree: try IndicatorTree.load(contentsOf: workspace.url.appendingPathComponent("tree.json")), seed: 8)
        try workspace.write(try CSVWriter.data(for: maker.rows(0..<700)), as: "east.csv")
        try workspace.write(try CSVWriter.data(for: [maker.header] + (700..<1400).map { maker.row(index: $0) }), as: "west.csv")

        let east = try Self.start(["import", "east.csv"], in: workspace.url, name: "east")
        let west = try Self.start(["import", "west.csv"], in: workspace.url, name: "west")
        east.waitUntilExit()
        west.waitUntilExit()
        #expect(east.terminationStatus == 0, "\(Self.output("east.err", in: workspace.url))")
        #expect(west.terminationStatus == 0, "\(Self.output("west.err", in: workspace.url))")
        #expect(Self.output("east.out", in: workspace.url).hasPrefix("east.csv: 700 records: 700 accepted (700 new), 0 rejected\n"))
        #expect(Self.output("west.out", in: workspace.url).hasPrefix("west.csv: 700 records: 700 accepted (700 new), 0 rejected\n"))

        let store = try CampaignStore.open(path: workspace.databasePath)
        #expect(try store.integrityCheck().isEmpty)
        #expect(try Self.tableCount("submission", in: workspace.databasePath) == 1400)
        #expect(try Self.tableCount("current_submission", in: workspace.databasePath) == 1400)
        let campaign = try store.resolveCampaign(nil)
        #expect(try store.importedFiles(of: campaign).map(\.name).sorted() == ["east.csv", "west.csv"])
        let stored = try SQLiteConnection(path: workspace.databasePath).rows("SELECT uscc FROM current_submission ORDER BY uscc")
            .map { try $0.string(0) }
        #expect(stored == (0..<1400).map(SurveyCSVMaker.uscc).sorted())
    }
}
