import Foundation
import Testing

@testable import RongheKit

@Suite struct CellStyleTests {
    @Test func colorsFromHex() {
        #expect(XLSXColor(hex: "#1F4E79")?.rgb == 0x1F_4E79)
        #expect(XLSXColor(hex: "c00000")?.rgb == 0xC0_0000)
        #expect(XLSXColor(hex: "#12345") == nil)
        #expect(XLSXColor(hex: "#GG0000") == nil)
        #expect(XLSXColor(red: 0x44, green: 0x72, blue: 0xC4) == .blue)
        #expect(XLSXColor(rgb: 0x00_0A0B).description == "#000A0B")
    }

    @Test(arguments: [
        (CellStyle(fontSize: 0.5), "font size 0.5 is outside Excel's 1...409 points"),
        (CellStyle(fontName: "这是一个非常非常非常非常非常非常长的字体名称而且还要更长一些才行"), "font name \"这是一个非常非常非常非常非常非常长的字体名称而且还要更长一些才行\" is longer than Excel's 31 characters"),
        (CellStyle(numberFormat: ""), "number format is empty; use nil for General"),
        (CellStyle(numberFormat: String(repeating: "0", count: 128)), "number format \"\(String(repeating: "0", count: 128))\" is 128 bytes long in UTF-8; libxlsxwriter 1.1.4 keeps at most 127"),
        (CellStyle(indent: 16), "indent 16 is outside 0...15"),
        (CellStyle(textRotation: 120), "text rotation 120 is neither in -90...90 nor 270"),
    ])
    func problems(style: CellStyle, expected: String) {
        #expect(style.problem() == expected)
    }

    @Test func acceptableStyles() {
        #expect(CellStyle().problem() == nil)
        #expect(CellStyle(isBold: true, fontName: "等线", fontSize: 14, textRotation: 270, numberFormat: "0.0%").problem() == nil)
        #expect(CellStyle(indent: 15, textRotation: -90).problem() == nil)
    }

    @Test func equalStylesShareOneFormat() throws {
        let directory = try WriterTestSupport.TemporaryDirectory()
        defer { directory.remove() }
        let book = try XLSXWriter(path: directory.path("styles.xlsx"))
        let sheet = try book.addWorksheet(named: "样式")
        let header = CellStyle(isBold: true, fillColor: .lightGray, borders: .all(.thin))
        let score = CellStyle(numberFormat: "0.0")
        for row in 0..<50 {
            // A fresh but equal value each time, as report code builds them.
            try sheet.write("企业\(row)", row: row, column: 0, style: CellStyle(isBold: true, fillColor: .lightGray, borders: .all(.thin)))
            try sheet.write(Double(row), row: row, column: 1, style: score)
            try sheet.write("无格式", row: row, column: 2)
            try sheet.write("默认", row: row, column: 3, style: .default)
        }
        #expect(book.cellFormatCount == 2)
        var bolder = header
        bolder.fontSize = 12
        try sheet.write("标题", row: 60, column: 0, style: bolder)
        #expect(book.cellFormatCount == 3)
        try book.close()
        #expect(WriterTestSupport.isZipFile(directory.path("styles.xlsx")))
    }

    @Test func badStyleIsReportedAtTheCell() throws {
        let book = try XLSXWriter(path: "out/styles.xlsx")
        let sheet = try book.addWorksheet(named: "样式")
        #expect(
            WriterTestSupport.errorText { try sheet.write("x", row: 6, column: 1, style: CellStyle(indent: 99)) }
                == "out/styles.xlsx:样式!B7: error: indent 99 is outside 0...15")
    }
}
