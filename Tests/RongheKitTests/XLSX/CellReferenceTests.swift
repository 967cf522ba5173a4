import Testing

@testable import RongheKit

@Suite struct CellReferenceTests {
    @Test(arguments: [
        ("A1", 1, 1), ("C7", 3, 7), ("Z9", 26, 9), ("AA100", 27, 100), ("AZ1", 52, 1), ("BA1", 53, 1),
        ("XFD1048576", 16_384, 1_048_576), ("c7", 3, 7),
    ])
    func parses(text: String, column: Int, row: Int) throws {
        let reference = try #require(CellReference(text))
        #expect(reference.column == column)
        #expect(reference.row == row)
        #expect(reference.description == text.uppercased())
    }

    @Test(arguments: ["", "A", "7", "A0", "A01", "1A", "$A$1", "A1:B2", "XFE1", "A1048577", "AAAA1", "A 1", "Ａ1", "A-1"])
    func rejects(text: String) {
        #expect(CellReference(text) == nil)
    }

    @Test func boundsAndOrder() {
        #expect(CellReference(column: 0, row: 1) == nil)
        #expect(CellReference(column: 1, row: 0) == nil)
        #expect(CellReference(column: 16_385, row: 1) == nil)
        #expect(CellReference(column: 1, row: 1_048_577) == nil)
        #expect(CellReference("B1")! < CellReference("A2")!)
        #expect(CellReference("A2")! < CellReference("B2")!)
    }

    @Test func columnNamesAndNumbers() {
        #expect(CellReference.columnName(1) == "A")
        #expect(CellReference.columnName(26) == "Z")
        #expect(CellReference.columnName(27) == "AA")
        #expect(CellReference.columnName(702) == "ZZ")
        #expect(CellReference.columnName(703) == "AAA")
        #expect(CellReference.columnNumber("xfd") == 16_384)
        #expect(CellReference.columnNumber("A1") == nil)
        #expect(CellReference.columnNumber("") == nil)
    }

    @Test func formatsAndParsesBackOverManySeeds() {
        for seed in UInt64(1)...200 {
            var generator = SplitMix64(seed: seed)
            let column = generator.next(in: 1...CellReference.maxColumn)
            let row = generator.next(in: 1...CellReference.maxRow)
            let reference = CellReference(column: column, row: row)!
            #expect(CellReference(reference.description) == reference, "seed \(seed)")
            #expect(CellReference.columnNumber(CellReference.columnName(column)) == column, "seed \(seed)")
        }
    }
}
