/// The look of the leaders' workbook: one set of styles shared by every sheet, so titles, headers,
/// tables and notes look the same throughout.
enum ReportStyles {
    static let navy = XLSXColor(rgb: 0x1F_4E79)
    static let gridGray = XLSXColor(rgb: 0xBF_BFBF)
    static let labelFill = XLSXColor(rgb: 0xF2_F2F2)
    /// The fill of a recommended enterprise's row.
    static let recommendedFill = XLSXColor(rgb: 0xE2_EFDA)
    /// The fill of a track's title row on the recommended list.
    static let trackFill = XLSXColor(rgb: 0xDD_EBF7)
    static let warningRed = XLSXColor(rgb: 0xC0_0000)
    static let closeCallOrange = XLSXColor(rgb: 0xC6_5911)
    static let noteGray = XLSXColor(rgb: 0x59_5959)

    static let grid = CellStyle.Borders.all(.thin, color: gridGray)

    static let title = CellStyle(
        isBold: true, fontSize: 16, horizontalAlignment: .center, verticalAlignment: .center)
    static let subtitle = CellStyle(
        fontSize: 10, fontColor: noteGray, horizontalAlignment: .center, verticalAlignment: .center)
    static let section = CellStyle(
        isBold: true, fontSize: 12, fontColor: navy, borders: CellStyle.Borders(bottom: .medium, color: navy))
    static let header = CellStyle(
        isBold: true, fontColor: .white, fillColor: navy, borders: .all(.thin, color: .white),
        horizontalAlignment: .center, verticalAlignment: .center, wrapsText: true)
    static let label = CellStyle(isBold: true, fillColor: labelFill, borders: grid, verticalAlignment: .center)
    static let note = CellStyle(fontSize: 10, fontColor: noteGray, verticalAlignment: .top, wrapsText: true)
    static let plainNote = CellStyle(fontSize: 10, fontColor: noteGray)

    static let text = CellStyle(borders: grid, verticalAlignment: .center)
    static let wrappedText = CellStyle(borders: grid, verticalAlignment: .center, wrapsText: true)
    static let centered = CellStyle(borders: grid, horizontalAlignment: .center, verticalAlignment: .center)
    static let centeredWrapped = CellStyle(
        borders: grid, horizontalAlignment: .center, verticalAlignment: .center, wrapsText: true)
    static let integer = CellStyle(borders: grid, horizontalAlignment: .center, verticalAlignment: .center, numberFormat: "0")
    static let score = CellStyle(borders: grid, verticalAlignment: .center, numberFormat: "0.00")
    static let dimension = CellStyle(borders: grid, verticalAlignment: .center, numberFormat: "0.0")
    static let percent = CellStyle(borders: grid, verticalAlignment: .center, numberFormat: "0.0%")
    static let weight = CellStyle(borders: grid, verticalAlignment: .center, numberFormat: "0.0000")
    static let ratio = CellStyle(borders: grid, verticalAlignment: .center, numberFormat: "0.000")

    /// `style` with a fill, e.g. for a recommended enterprise's row.
    static func filled(_ style: CellStyle, _ color: XLSXColor?) -> CellStyle {
        guard let color else { return style }
        var copy = style
        copy.fillColor = color
        return copy
    }

    /// `style` in a coloured (and bold) font, for flags such as vetoes and close calls.
    static func flagged(_ style: CellStyle, _ color: XLSXColor) -> CellStyle {
        var copy = style
        copy.fontColor = color
        copy.isBold = true
        return copy
    }
}
