import Testing

@testable import RongheKit

@Suite struct CellValueTests {
    @Test func describesValuesAsPlainText() {
        #expect(CellValue.empty.description == "")
        #expect(CellValue.string("杭州").description == "杭州")
        #expect(CellValue.number(42).description == "42")
        #expect(CellValue.number(-0.5).description == "-0.5")
        #expect(CellValue.number(1e20).description == "1e+20")
        #expect(CellValue.boolean(true).description == "TRUE")
        #expect(CellValue.boolean(false).description == "FALSE")
        #expect(CellValue.error("#N/A").description == "#N/A")
        #expect(CellValue.date(CellDate(serial: 45_443, uses1904DateSystem: false)!).description == "2024-05-31")
        #expect(CellValue.empty.isEmpty)
        #expect(!CellValue.string("").isEmpty)
    }
}
