import Foundation
import Testing

@testable import RongheKit

@Suite struct FileSignatureTests {
    @Test(arguments: [
        ([], FileSignature.empty),
        ([0x50, 0x4B, 0x03, 0x04, 0x14], .zip),
        ([0x50, 0x4B, 0x05, 0x06], .emptyZip),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], .compoundFile),
        (Array("%PDF-1.4".utf8), .pdf),
        (Array("企业名称,得分\r\n".utf8), .text),
        ([0xC6, 0xF3, 0xD2, 0xB5, 0x2C, 0x31, 0x0A], .text),  // "企业,1" in GB18030, as Excel exports CSV in China
        ([0xFF, 0xFE, 0x41, 0x00], .text),  // UTF-16 text
        (Array("<!DOCTYPE html><html>".utf8), .html),
        (Array("<TABLE><TR><TD>1</TD></TR></TABLE>".utf8), .html),
        ([0x50, 0x4B, 0x03], .unknown),
        ([0x1F, 0x8B, 0x08, 0x00], .unknown),  // gzip
    ])
    func classifiesFromFirstBytes(head: [UInt8], expected: FileSignature) {
        #expect(FileSignature(head: head) == expected)
    }

    @Test(arguments: [
        (["EncryptionInfo", "EncryptedPackage"], "et", XLSXError.Problem.passwordProtected),
        (["Workbook"], "ET", .wpsSpreadsheet),
        (["Workbook"], "ett", .wpsSpreadsheet),
        ([], "et", .wpsSpreadsheet),
        (["Workbook", "WpsCustomData"], "xls", .legacyExcel),
        (["Workbook", "WpsCustomData"], "", .wpsSpreadsheet),
        (["Book"], "xlsx", .legacyExcel),
        (["WordDocument"], "xls", .otherCompoundDocument),
        ([], "xlsx", .otherCompoundDocument),
        ([], "xls", .legacyExcel),
        ([], "XLT", .legacyExcel),
    ])
    func tellsCompoundFilesApart(names: [String], fileExtension: String, expected: XLSXError.Problem) {
        #expect(FileSignature.compoundFileProblem(entryNames: names, fileExtension: fileExtension) == expected)
    }

    @Test func acceptsZipAndReportsUnreadableFiles() throws {
        try FileSignature.requireZip(path: xlsxFixture("openpyxl-survey.xlsx"))
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        #expect(xlsxErrorText { try FileSignature.requireZip(path: directory.url.path) }
            == "\(directory.url.path): error: cannot read the file (Is a directory)")
    }
}
