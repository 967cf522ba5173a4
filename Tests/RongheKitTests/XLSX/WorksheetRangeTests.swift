import Testing

@testable import RongheKit

@Suite struct WorksheetRangeTests {
    @Test(arguments: [
        (0, "A"), (1, "B"), (25, "Z"), (26, "AA"), (51, "AZ"), (52, "BA"), (701, "ZZ"), (702, "AAA"), (16_383, "XFD"),
    ])
    func columnNames(column: Int, expected: String) {
        #expect(XLSXWriter.columnName(column) == expected)
    }

    @Test func cellNames() {
        #expect(XLSXWriter.cellName(row: 0, column: 0) == "A1")
        #expect(XLSXWriter.cellName(row: 6, column: 1) == "B7")
        #expect(XLSXWriter.cellName(row: 6, column: 1, absolute: true) == "$B$7")
        #expect(XLSXWriter.cellName(row: 1_048_575, column: 16_383) == "XFD1048576")
        // Outside the grid the name falls back to one-based R…C… so messages stay readable.
        #expect(XLSXWriter.cellName(row: 1_048_576, column: 0) == "R1048577C1")
        #expect(XLSXWriter.cellName(row: -1, column: 3) == "R0C4")
    }

    @Test func rangesInA1Notation() {
        let range = WorksheetRange(firstRow: 1, firstColumn: 1, lastRow: 8, lastColumn: 3)
        #expect(range.a1() == "B2:D9")
        #expect(range.a1(absolute: true) == "$B$2:$D$9")
        #expect(WorksheetRange(row: 4, column: 2).a1() == "C5")
        #expect(WorksheetRange(rows: 0...4, column: 0).a1() == "A1:A5")
        #expect(WorksheetRange(row: 0, columns: 0...6).description == "A1:G1")
    }

    @Test func qualifiedRangesQuoteTheSheet() {
        let lists = QualifiedRange(sheet: "_lists", range: WorksheetRange(rows: 0...4, column: 0))
        #expect(lists.formula == "'_lists'!$A$1:$A$5")
        let chinese = QualifiedRange(sheet: "区县 对比", range: WorksheetRange(row: 1, column: 1))
        #expect(chinese.formula == "'区县 对比'!$B$2")
        let apostrophe = QualifiedRange(sheet: "O'Brien", range: WorksheetRange(row: 0, column: 0))
        #expect(apostrophe.formula == "'O''Brien'!$A$1")
    }

    @Test func overlap() {
        let a = WorksheetRange(firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: 2)
        #expect(a.overlaps(WorksheetRange(row: 0, column: 2)))
        #expect(!a.overlaps(WorksheetRange(row: 0, column: 3)))
        #expect(!a.overlaps(WorksheetRange(row: 1, column: 0)))
        #expect(a.overlaps(WorksheetRange(firstRow: 0, firstColumn: 1, lastRow: 5, lastColumn: 1)))
    }

    /// Decodes column letters independently of the code under test (base 26 without zero).
    private func decode(_ letters: String) -> Int {
        letters.unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 } - 1
    }

    @Test(arguments: [1, 2, 3, 42, 2024])
    func columnNamesRoundTripOverSeeds(seed: UInt64) {
        var generator = WriterTestSupport.SplitMix64(seed: seed)
        for _ in 0..<500 {
            let column = Int(generator.next() % UInt64(XLSXWriter.maximumColumns))
            let name = XLSXWriter.columnName(column)
            #expect(decode(name) == column, "seed \(seed): column \(column) named \(name)")
            #expect((1...3).contains(name.count) && name.allSatisfy { ("A"..."Z").contains($0) }, "seed \(seed)")
        }
    }
}
