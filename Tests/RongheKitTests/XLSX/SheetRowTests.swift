import Testing

@testable import RongheKit

@Suite struct SheetRowTests {
    @Test func looksUpCellsByColumn() {
        let row = SheetRow(number: 3, cells: [
            SheetCell(reference: CellReference("B3")!, value: .number(2)),
            SheetCell(reference: CellReference("AA3")!, value: .string("远")),
        ])
        #expect(row[2] == .number(2))
        #expect(row[1] == .empty)
        #expect(row[column: "AA"] == .string("远"))
        #expect(row[column: "aa"] == .string("远"))
        #expect(row[column: "3"] == .empty)
    }
}
