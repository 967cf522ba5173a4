import Foundation
import RongheKit
import Testing

@testable import RongheCLI

/// A temporary working directory with a copy of the default tree (`tree.json`) and the sample
/// surveys (`surveys/`), where `ronghe` runs in-process against `ronghe.sqlite`.
final class Workspace {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("ronghe-cli-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: CLITest.repository.appendingPathComponent("indicators/lianghua-default.json"), to: url.appendingPathComponent("tree.json"))
        try FileManager.default.copyItem(
            at: CLITest.repository.appendingPathComponent("surveys/json"), to: url.appendingPathComponent("surveys"))
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    var databasePath: String { url.appendingPathComponent("ronghe.sqlite").path }

    /// Runs `ronghe --db ronghe.sqlite ARGUMENTS` here.
    @discardableResult
    func run(_ arguments: [String]) -> Invocation {
        CLITest.run(["--db", "ronghe.sqlite"] + arguments, in: url)
    }

    /// Creates campaign `name` with the default tree, expecting success.
    func createCampaign(_ name: String = "德州2026") {
        let result = run(["campaign", "new", name, "--indicators", "tree.json", "--year", "2026"])
        #expect(result.status == 0, "\(result)")
    }

    /// Writes a file here and returns its name.
    @discardableResult
    func write(_ data: Data, as name: String) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
        return name
    }

    /// A sample survey with one piece of text replaced.
    func sample(_ uscc: String, replacing old: String, with new: String) throws -> Data {
        let text = try String(contentsOf: url.appendingPathComponent("surveys/\(uscc).json"), encoding: .utf8)
        let changed = text.replacingOccurrences(of: old, with: new)
        precondition(changed != text, "\(old) is not in the sample")
        return Data(changed.utf8)
    }

    /// The cells of a table line: the text between runs of two or more spaces.
    static func cells(_ line: String) -> [String] {
        line.components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The text with local times (`2026-05-01 10:00:00`) replaced by `<time>`.
    static func masked(_ text: String) -> String {
        text.replacingOccurrences(of: #"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}"#, with: "<time>", options: .regularExpression)
    }
}
