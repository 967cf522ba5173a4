/// Which row of the survey sheet holds what, and where every answer cell is: computed once from
/// the tree, then drawn by ``SurveyFormWriter`` and recorded in the ``SurveyFormMarker``.
///
/// The sheet has six columns — id, item (label and help), unit, what to enter, answer, notes —
/// and these rows: the title, the tree line, the column headers (repeated on every printed
/// page), the profile section, then one section per question section, then the signature line.
/// A multi-choice question takes a head row (no answer cell) and one row per option, each
/// answered 是/否, plus a 不适用 row when the question allows it.
struct SurveyFormLayout {
    /// What one row of the survey sheet shows.
    enum Line: Equatable {
        case title
        case treeLine
        case columnHeaders
        /// A section heading, already numbered.
        case section(String)
        case profile(ProfileField)
        /// A question; for a multi-choice question only its head row.
        case question(Question)
        case option(Question, QuestionOption)
        case notApplicable(Question)
        case blank
        case signature
    }

    /// A section as the contents list of the instructions shows it.
    struct Section: Equatable {
        var heading: String
        var itemCount: Int
        var isProfile: Bool
    }

    static let columnCount = 6
    static let idColumn = 0
    static let labelColumn = 1
    static let unitColumn = 2
    static let requirementColumn = 3
    static let answerColumn = 4
    static let notesColumn = 5
    /// The zero-based row of the column headers, repeated on printed pages.
    static let headerRow = 2

    /// The rows from the top, zero-based.
    let lines: [Line]
    let sections: [Section]
    /// Every answer cell, in row order.
    let fields: [SurveyFormField]

    init(tree: IndicatorTree, text: SurveyFormText) {
        var lines: [Line] = [.title, .treeLine, .columnHeaders]
        var sections: [Section] = []
        var fields: [SurveyFormField] = []
        func answerCell() -> CellReference {
            CellReference(column: Self.answerColumn + 1, row: lines.count + 1)!
        }

        let profileHeading = text.numbered(text.profileSection, 1)
        lines.append(.section(profileHeading))
        sections.append(Section(heading: profileHeading, itemCount: ProfileField.surveyFields.count, isProfile: true))
        for field in ProfileField.surveyFields {
            fields.append(SurveyFormField(key: field.rawValue, kind: .profile, cell: answerCell()))
            lines.append(.profile(field))
        }

        for (offset, group) in Self.groups(tree.questions).enumerated() {
            let heading = text.numbered(text.sectionHeading(group.section, questions: group.questions), offset + 2)
            lines.append(.section(heading))
            sections.append(Section(heading: heading, itemCount: group.questions.count, isProfile: false))
            for question in group.questions {
                guard question.type == .multiChoice else {
                    fields.append(SurveyFormField(key: question.id, kind: .question, cell: answerCell()))
                    lines.append(.question(question))
                    continue
                }
                lines.append(.question(question))
                for option in question.options {
                    fields.append(SurveyFormField(key: question.id, kind: .option(option.code), cell: answerCell()))
                    lines.append(.option(question, option))
                }
                if question.allowsNotApplicable {
                    fields.append(SurveyFormField(key: question.id, kind: .notApplicable, cell: answerCell()))
                    lines.append(.notApplicable(question))
                }
            }
        }
        lines.append(.blank)
        lines.append(.signature)
        self.lines = lines
        self.sections = sections
        self.fields = fields
    }

    /// Questions grouped by section, sections in order of their first question, questions in
    /// tree order within each; questions without a section form a group of their own.
    static func groups(_ questions: [Question]) -> [(section: String?, questions: [Question])] {
        var order: [String?] = []
        var members: [String?: [Question]] = [:]
        for question in questions {
            if members[question.section] == nil { order.append(question.section) }
            members[question.section, default: []].append(question)
        }
        return order.map { ($0, members[$0]!) }
    }
}
