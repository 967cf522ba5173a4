import Foundation
import Testing

@testable import RongheKit

@Suite struct WorksheetConditionalFormatTests {
    @Test func everyKindIsWritten() throws {
        let directory = try WriterTestSupport.TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("scores.xlsx")
        let book = try XLSXWriter(path: path)
        let sheet = try book.addWorksheet(named: "排名")
        for row in 1...20 {
            try sheet.write("企业\(row)", row: row, column: 0)
            try sheet.write(Double(row * 5), row: row, column: 1)
            try sheet.write(Double(100 - row * 3), row: row, column: 2)
        }
        let scores = WorksheetRange(rows: 1...20, column: 1)
        try sheet.addConditionalFormat(.dataBar(.init(color: .blue, minimum: .number(0), maximum: .number(100), isSolid: true)), to: scores)
        try sheet.addConditionalFormat(.dataBar(.init(color: .green, minimum: .percentile(10), maximum: .percent(90))), to: WorksheetRange(rows: 1...20, column: 2))
        try sheet.addConditionalFormat(.twoColorScale(minimum: .white, maximum: .green), to: WorksheetRange(rows: 1...20, column: 2))
        try sheet.addConditionalFormat(.threeColorScale(minimum: .red, midpoint: .yellow, maximum: .green), to: scores)
        let low = CellStyle(fontColor: XLSXColor(rgb: 0x9C_0006), fillColor: XLSXColor(rgb: 0xFF_C7CE))
        try sheet.addConditionalFormat(.cellValue(.lessThan(60), style: low), to: scores)
        try sheet.addConditionalFormat(.cellValue(.between(60, 80), style: CellStyle(isBold: true)), to: scores)
        try sheet.addConditionalFormat(.cellValue(.greaterThanOrEqualTo(90), style: CellStyle(fillColor: .green)), to: scores)
        try sheet.addConditionalFormat(.formula("=$B2<$C2", style: low), to: WorksheetRange(firstRow: 1, firstColumn: 0, lastRow: 20, lastColumn: 2))
        try book.close()
        #expect(WriterTestSupport.isZipFile(path))
    }

    @Test func problems() {
        #expect(
            ConditionalFormat.dataBar(.init(minimum: .percent(120))).problem() == "data bar bound 120.0 must be within 0...100")
        #expect(
            ConditionalFormat.cellValue(.equalTo(.infinity), style: CellStyle()).problem()
                == "conditional format value inf must be finite")
        #expect(ConditionalFormat.formula("=", style: CellStyle()).problem() == "conditional format formula is empty")
        #expect(ConditionalFormat.twoColorScale(minimum: .white, maximum: .red).problem() == nil)
    }

    @Test func errorsCarryTheRange() throws {
        let book = try XLSXWriter(path: "r.xlsx")
        let sheet = try book.addWorksheet(named: "排名")
        #expect(
            WriterTestSupport.errorText {
                try sheet.addConditionalFormat(.dataBar(.init(maximum: .number(.nan))), to: WorksheetRange(rows: 1...9, column: 4))
            } == "r.xlsx:排名!E2:E10: error: data bar bound nan must be finite")
    }
}
