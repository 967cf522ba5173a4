/// How the figures in a generated CSV file or workbook are typed.
public enum SurveyTyping: Sendable, Equatable {
    /// Row by row as different people type: about 30% of rows with thousands separators
    /// (`12,345.6`), about 40% with percent signs (`35%`, in a workbook a cell formatted as a
    /// percentage). The choice is a fixed function of the row number, so files are reproducible.
    case varied
    /// No separators and no percent signs anywhere.
    case plain
    /// Thousands separators and percent signs everywhere.
    case formatted

    /// The style of row `row`.
    func style(forRow row: Int) -> SurveyValueFormatter.Style {
        switch self {
        case .varied: return .forRow(row)
        case .plain: return SurveyValueFormatter.Style(thousandsSeparators: false, percentSigns: false)
        case .formatted: return SurveyValueFormatter.Style(thousandsSeparators: true, percentSigns: true)
        }
    }
}
