import Foundation

@testable import RongheKit

/// Synthetic batch CSV files for the default tree: valid credit codes, profiles that agree with
/// their size class, answers within every question's bounds, about 3% of answers left blank.
public struct SurveyCSVMaker {
    public static let districts = ["371402", "371403", "371421", "371422", "371423", "371424", "371425", "371426"]
    public static let industries = ["C13", "C17", "C26", "C30", "C34", "C35", "C38", "I65"]

    public let tree: IndicatorTree
    var random: SplitMix64

    public init(tree: IndicatorTree, seed: UInt64) {
        self.tree = tree
        random = SplitMix64(seed: seed)
    }

    /// The credit code of synthetic enterprise `index`.
    public static func uscc(_ index: Int) -> String {
        let body = "91371402MA" + String(format: "%07d", index)
        return body + String(CreditCode.checkCharacter(for: body))
    }

    public var header: [String] {
        ["uscc", "name", "district", "industry", "size", "employees", "revenue", "year"] + tree.questions.map(\.id)
    }

    /// One record per index in `indices`, with the header first.
    public mutating func rows(_ indices: Range<Int>) -> [[String]] {
        [header] + indices.map { row(index: $0) }
    }

    public mutating func csv(_ indices: Range<Int>) -> Data {
        let rows = rows(indices)
        return (try? CSVWriter.data(for: rows)) ?? Data()
    }

    public mutating func row(index: Int) -> [String] {
        let employees = Int.random(in: 20...2500, using: &random)
        let revenue = Double(Int.random(in: 300...90_000, using: &random))
        var fields = [
            Self.uscc(index), "测试企业\(index)有限公司", Self.districts.randomElement(using: &random)!,
            Self.industries.randomElement(using: &random)!,
            SizeClass.classify(employees: employees, revenue: revenue).rawValue, String(employees),
            formatNumber(revenue), "2026",
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
            return formatNumber(question.integer ? value.rounded(.down) : (value * 10).rounded() / 10)
        case .percent:
            let low = max(question.minimum ?? 0, 0)
            let high = min(question.maximum ?? 100, 100)
            return formatNumber(((low + (high - low) * random.nextUnit()) * 10).rounded() / 10) + "%"
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
