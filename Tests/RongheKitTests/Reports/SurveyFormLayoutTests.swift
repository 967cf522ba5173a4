import Testing

@testable import RongheKit

/// Which row holds what on the survey sheet.
@Suite struct SurveyFormLayoutTests {
    @Test func questionsAreGroupedBySectionInOrderOfFirstAppearance() {
        func question(_ id: String, _ section: String?) -> Question {
            Question(id: id, label: LocalizedText(zh: id), type: .number, section: section)
        }
        let questions = [question("a1", "A"), question("b1", "B"), question("a2", "A"), question("x", nil), question("b2", "B")]
        let groups = SurveyFormLayout.groups(questions)
        #expect(groups.map(\.section) == ["A", "B", nil])
        #expect(groups.map { $0.questions.map(\.id) } == [["a1", "a2"], ["b1", "b2"], ["x"]])
    }

    @Test func rowsOfTheDefaultTree() throws {
        let tree = try IndicatorTree.load(contentsOf: Fixtures.defaultTreeURL)
        let layout = SurveyFormLayout(tree: tree, text: SurveyFormText(language: .zh, tree: tree))
        #expect(Array(layout.lines.prefix(5)) == [.title, .treeLine, .columnHeaders, .section("一、企业基本情况"), .profile(.uscc)])
        #expect(layout.lines[15] == .question(tree.question("A1.3")!))
        #expect(layout.lines[16] == .option(tree.question("A1.3")!, tree.question("A1.3")!.options[0]))
        #expect(layout.lines.suffix(2) == [.blank, .signature])
        #expect(layout.lines.count == 75)
        #expect(layout.sections.map(\.itemCount) == [8, 6, 5, 6, 4, 5, 6, 4, 6])
        // Every answer cell is in column E, on the row of its line.
        for field in layout.fields {
            #expect(field.cell.column == 5)
            switch layout.lines[field.cell.row - 1] {
            case .profile(let profile): #expect(field.kind == .profile && field.key == profile.rawValue)
            case .question(let question): #expect(field.kind == .question && field.key == question.id)
            case .option(let question, let option): #expect(field.kind == .option(option.code) && field.key == question.id)
            default: Issue.record("\(field) is on a row without an answer")
            }
        }
    }
}
