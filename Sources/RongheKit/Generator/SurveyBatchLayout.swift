/// The columns of a batch sheet or CSV file of a tree's surveys: the profile fields, then one
/// column per question, headed the way a bureau's summary sheet is (统一社会信用代码, 企业名称, …,
/// `B1.1 本年度信息化投入（万元）`).
///
/// Every header is checked against ``FieldMapper``: a header that would be read as another field
/// falls back to the bare question id, which always maps to its question.
struct SurveyBatchLayout {
    let tree: IndicatorTree
    /// The header texts: profile fields, then questions in tree order.
    let headers: [String]

    init(tree: IndicatorTree) {
        self.tree = tree
        let mapper = FieldMapper(tree: tree)
        var headers: [String] = []
        for field in ProfileField.surveyFields {
            let candidates = [field.label.zh, field.label.en ?? "", field.rawValue]
            headers.append(candidates.first { mapper.target(forKey: $0) == .profile(field) } ?? field.rawValue)
        }
        for question in tree.questions {
            var labelled = "\(question.id) \(question.label.zh)"
            if let unit = question.unit?.zh, !unit.isEmpty { labelled += "（\(unit)）" }
            let candidates = [labelled, question.id]
            headers.append(candidates.first { mapper.target(forKey: $0) == .question(question.id) } ?? question.id)
        }
        self.headers = headers
    }

    /// The row of `response`: profile cells, then answer cells, as `formatter` writes them.
    func cells(_ response: SurveyResponse, formatter: SurveyValueFormatter, style: SurveyValueFormatter.Style) -> [SurveyCell] {
        formatter.profileCells(response.profile)
            + tree.questions.map { formatter.cell(response.answers[$0.id], for: $0, style: style) }
    }

    /// The row of `response` as CSV fields.
    func fields(_ response: SurveyResponse, formatter: SurveyValueFormatter, style: SurveyValueFormatter.Style) -> [String] {
        formatter.profileTexts(response.profile, style: style)
            + tree.questions.map { formatter.text(response.answers[$0.id], for: $0, style: style) }
    }
}
