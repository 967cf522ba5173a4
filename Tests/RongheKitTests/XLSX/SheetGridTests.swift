import Testing

@testable import RongheKit

@Suite struct SheetGridTests {
    @Test func subscriptsAreOneBasedAndEmptyOutside() {
        let grid = SheetGrid(rows: [[.string("a"), .empty], [.number(1), .boolean(true)]])
        #expect(grid.rowCount == 2)
        #expect(grid.columnCount == 2)
        #expect(grid[1, 1] == .string("a"))
        #expect(grid[2, 2] == .boolean(true))
        #expect(grid[CellReference("A2")!] == .number(1))
        #expect(grid[0, 1] == .empty)
        #expect(grid[3, 1] == .empty)
        #expect(grid[1, 3] == .empty)
        let empty = SheetGrid(rows: [])
        #expect(empty.rowCount == 0)
        #expect(empty[1, 1] == .empty)
    }
}
