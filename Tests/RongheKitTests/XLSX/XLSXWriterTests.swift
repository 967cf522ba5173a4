import Foundation
import Testing

@testable import RongheKit

@Suite struct XLSXWriterTests {
    @Test func writesAZipFileOnClose() throws {
        let directory = try WriterTestSupport.TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("排名.xlsx")
        let book = try XLSXWriter(path: path)
        let sheet = try book.addWorksheet(named: "排名")
        try sheet.write("企业名称", row: 0, column: 0)
        // Nothing is on disk until close.
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(!book.isClosed)
        try book.close()
        #expect(book.isClosed)
        #expect(WriterTestSupport.isZipFile(path))
    }

    @Test func closingTwiceAndWritingAfterCloseThrow() throws {
        let directory = try WriterTestSupport.TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("twice.xlsx")
        let book = try XLSXWriter(path: path)
        let sheet = try book.addWorksheet(named: "排名")
        try book.close()
        let closed = "\(path): error: the workbook has already been closed; nothing more can be written to it"
        #expect(WriterTestSupport.errorText { try book.close() } == closed)
        #expect(WriterTestSupport.errorText { _ = try book.addWorksheet(named: "新") } == closed)
        #expect(WriterTestSupport.errorText { try book.defineName("行业", refersTo: "=1") } == closed)
        #expect(
            WriterTestSupport.errorText { try sheet.write("x", row: 0, column: 0) }
                == "\(path):排名: error: the workbook has already been closed; nothing more can be written to it")
        #expect(WriterTestSupport.errorText { try sheet.setZoom(120) }.hasSuffix("error: the workbook has already been closed; nothing more can be written to it"))
    }

    @Test func aWorksheetKeepsItsWorkbookAlive() throws {
        let directory = try WriterTestSupport.TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("kept.xlsx")
        func makeSheet() throws -> Worksheet {
            try XLSXWriter(path: path).addWorksheet(named: "数据")
        }
        let sheet = try makeSheet()
        try sheet.write("仍然可写", row: 0, column: 0)
        try sheet.workbook.close()
        #expect(WriterTestSupport.isZipFile(path))
    }

    @Test func droppedWorkbookWritesNothing() throws {
        let directory = try WriterTestSupport.TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("dropped.xlsx")
        for constantMemory in [false, true] {
            let book = try XLSXWriter(path: path, options: .init(constantMemory: constantMemory))
            try book.addWorksheet(named: "数据").write("x", row: 0, column: 0)
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func missingDirectoryIsReportedByClose() throws {
        let directory = try WriterTestSupport.TemporaryDirectory()
        defer { directory.remove() }
        let missing = directory.path("no-such-dir")
        let path = missing + "/out.xlsx"
        let book = try XLSXWriter(path: path)
        _ = try book.addWorksheet(named: "排名")
        #expect(
            WriterTestSupport.errorText { try book.close() }
                == "\(path): error: libxlsxwriter error 2 in workbook_close: Error creating output xlsx file. "
                + "Usually a permissions error. The directory \(missing) does not exist.")
        // Closed even though writing failed: a second close reports that, not the I/O error again.
        #expect(book.isClosed)
    }

    @Test func missingTemporaryDirectoryIsRefusedUpFront() {
        #expect(
            WriterTestSupport.errorText {
                _ = try XLSXWriter(path: "a.xlsx", options: .init(constantMemory: true, temporaryDirectory: "/no/such/tmp"))
            } == "a.xlsx: error: temporary directory /no/such/tmp does not exist")
    }

    @Test func sameContentAndCreationDateGiveIdenticalFiles() throws {
        let directory = try WriterTestSupport.TemporaryDirectory()
        defer { directory.remove() }
        func write(_ name: String, company: String) throws -> Data {
            let path = directory.path(name)
            let book = try XLSXWriter(path: path)
            try book.setProperties(
                .init(title: "两化融合评估", author: "ronghe", company: company, created: Date(timeIntervalSince1970: 1_700_000_000)))
            let sheet = try book.addWorksheet(named: "排名")
            try sheet.write("企业", row: 0, column: 0)
            try sheet.write(87.5, row: 0, column: 1)
            try book.close()
            return try Data(contentsOf: URL(fileURLWithPath: path))
        }
        let first = try write("a.xlsx", company: "经信局")
        let second = try write("b.xlsx", company: "经信局")
        let other = try write("c.xlsx", company: "工信局")
        #expect(first == second)
        #expect(first != other)
    }

    @Test func definedNames() throws {
        let book = try XLSXWriter(path: "names.xlsx")
        try book.defineName("行业列表", refersTo: "='_lists'!$A$1:$A$20")
        #expect(
            WriterTestSupport.errorText { try book.defineName("行业列表", refersTo: "=1") }
                == "names.xlsx: error: defined name \"行业列表\" is already defined")
        #expect(
            WriterTestSupport.errorText { try book.defineName("AB12", refersTo: "=1") }
                == "names.xlsx: error: defined name \"AB12\" looks like a cell reference")
        #expect(
            WriterTestSupport.errorText { try book.defineName("R1C1", refersTo: "=1") }
                == "names.xlsx: error: defined name \"R1C1\" looks like a cell reference")
        #expect(
            WriterTestSupport.errorText { try book.defineName("1st", refersTo: "=1") }
                == "names.xlsx: error: defined name \"1st\" must start with a letter, an underscore or a backslash")
        #expect(
            WriterTestSupport.errorText { try book.defineName("two words", refersTo: "=1") }
                == "names.xlsx: error: defined name \"two words\" contains \" \"; only letters, digits, underscores and dots are allowed")
        #expect(
            WriterTestSupport.errorText { try book.defineName("空", refersTo: "=") }
                == "names.xlsx: error: defined name \"空\" refers to an empty formula")
        try book.defineName("Score.Max", refersTo: "100")
    }

    @Test func activeSheetMustBeVisible() throws {
        let directory = try WriterTestSupport.TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("hidden.xlsx")
        let book = try XLSXWriter(path: path)
        let lists = try book.addWorksheet(named: "_lists")
        let report = try book.addWorksheet(named: "排名")
        try lists.hide()
        #expect(
            WriterTestSupport.errorText { try book.close() }
                == "\(path):_lists: error: the active sheet is hidden; activate a visible sheet (the first sheet is active unless another is activated)")
        #expect(
            WriterTestSupport.errorText { try lists.activate() } == "\(path):_lists: error: a hidden sheet cannot be activated")
        // The failed check left the workbook open, so it can be fixed and closed.
        #expect(!book.isClosed)
        try report.activate()
        try book.close()
        #expect(WriterTestSupport.isZipFile(path))
    }

    @Test func worksheetsAreFoundIgnoringCase() throws {
        let book = try XLSXWriter(path: "find.xlsx")
        let data = try book.addWorksheet(named: "Data")
        _ = try book.addWorksheet(named: "排名")
        #expect(book.worksheet(named: "DATA")?.index == data.index)
        #expect(book.worksheet(named: "排名")?.index == 1)
        #expect(book.worksheet(named: "missing") == nil)
        #expect(book.worksheets.map(\.name) == ["Data", "排名"])
    }
}
