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

/// Synthetic batch CSV files for the default tree: valid credit codes, profiles that agree with
/// their size class, answers within every question's bounds, about 3% of answers left blank.
struct SurveyCSVMaker {
    static let districts = ["371402", "371403", "371421", "371422", "371423", "371424", "371425", "371426"]
    static let industries = ["C13", "C17", "C26", "C30", "C34", "C35", "C38", "I65"]

    let tree: IndicatorTree
    var random: RongheKit.SplitMix64

    init(tree: IndicatorTree, seed: UInt64) {
        self.tree = tree
        random = RongheKit.SplitMix64(seed: seed)
    }

    /// The credit code of synthetic enterprise `index`.
    static func uscc(_ index: Int) -> String {
        let body = "91371402MA" + String(format: "%07d", index)
        return body + String(CreditCode.checkCharacter(for: body))
    }

    /// A number as a person types it: whole numbers without `.0`.
    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int64(value)) : String(value)
    }

    var header: [String] {
        ["uscc", "name", "district", "industry", "size", "employees", "revenue", "year"] + tree.questions.map(\.id)
    }

    /// One record per index in `indices`, with the header first.
    mutating func rows(_ indices: Range<Int>) -> [[String]] {
        [header] + indices.map { row(index: $0) }
    }

    mutating func csv(_ indices: Range<Int>) -> Data {
        let rows = rows(indices)
        return (try? CSVWriter.data(for: rows)) ?? Data()
    }

    mutating func row(index: Int) -> [String] {
        let employees = Int.random(in: 20...2500, using: &random)
        let revenue = Double(Int.random(in: 300...90_000, using: &random))
        var fields = [
            Self.uscc(index), "测试企业\(index)有限公司", Self.districts.randomElement(using: &random)!,
            Self.industries.randomElement(using: &random)!,
            SizeClass.classify(employees: employees, revenue: revenue).rawValue, String(employees),
            String(Int(revenue)), "2026",
        ]
        var energyKeyUser = false
        for question in tree.questions {
            fields.append(answer(question, energyKeyUser: &energyKeyUser))
        }
        return fields
    }

    private mutating func answer(_ question: Question, energyKeyUser: inout Bool) -> String {
        let required = question.id.hasPrefix("V") || question.id.hasPrefix("P") || question.id == "F0"
        if !required && random.nextUnit() < 0.03 { return "" }
        switch question.type {
        case .number:
            let low = question.minimum ?? -500
            let high = question.maximum ?? 5000
            let value = low + (high - low) * random.nextUnit()
            return Self.number(question.integer ? value.rounded(.down) : (value * 10).rounded() / 10)
        case .percent:
            let low = max(question.minimum ?? 0, 0)
            let high = min(question.maximum ?? 100, 100)
            return Self.number(((low + (high - low) * random.nextUnit()) * 10).rounded() / 10) + "%"
        case .yesNo:
            if question.id == "F1.2" && !energyKeyUser { return "" }
            let yes = random.nextUnit() < (question.id.hasPrefix("V") ? 0.03 : 0.6)
            if question.id == "F0" { energyKeyUser = yes }
            return yes ? "是" : "否"
        case .choice:
            return question.options.randomElement(using: &random)?.code ?? ""
        case .multiChoice:
            let chosen = question.options.filter { _ in random.nextUnit() < 0.5 }.map(\.code)
            return chosen.isEmpty ? "无" : chosen.joined(separator: ";")
        case .text:
            return ""
        }
    }
}

