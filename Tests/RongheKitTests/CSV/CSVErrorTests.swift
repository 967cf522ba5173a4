import Testing

@testable import RongheKit

@Suite struct CSVErrorTests {
    @Test(arguments: [
        (
            CSVError.cannotOpen(path: "surveys/batch.csv", reason: "there is no such file"),
            "surveys/batch.csv: error: cannot open the file (there is no such file)"
        ),
        (
            .cannotRead(path: "surveys/batch.csv", reason: "this system's iconv cannot convert from GB18030"),
            "surveys/batch.csv: error: cannot read the file (this system's iconv cannot convert from GB18030)"
        ),
        (
            .cannotWrite(path: "out/report.csv", reason: "No space left on device"),
            "out/report.csv: error: cannot write the file (No space left on device)"
        ),
        (
            .undecodable(path: "surveys/gbk.csv", line: 3, offset: 1234, byte: 0xFF, encoding: .gb18030, detected: true),
            "surveys/gbk.csv:3: error: the file is neither UTF-8 nor GB18030 (bad byte 0xFF at offset 1234)"
        ),
        (
            .undecodable(path: "surveys/mixed.csv", line: 900, offset: 70000, byte: 0xB5, encoding: .utf8, detected: true),
            "surveys/mixed.csv:900: error: the file reads as UTF-8 until a bad byte 0xB5 at offset 70000; it may mix two encodings"
        ),
        (
            .undecodable(path: "a.csv", line: 1, offset: 0, byte: 0x0A, encoding: .utf8, detected: false),
            "a.csv:1: error: the file is not valid UTF-8 (bad byte 0x0A at offset 0)"
        ),
        (
            .undecodable(path: "a.txt", line: 2, offset: 9, byte: 0xD8, encoding: .utf16LittleEndian, detected: false),
            "a.txt:2: error: the file is not valid UTF-16LE (bad byte 0xD8 at offset 9)"
        ),
        (
            .unterminatedQuote(path: "surveys/batch.csv", line: 17),
            "surveys/batch.csv:17: error: a quoted field opened on line 17 is never closed"
        ),
        (
            .strayQuote(path: "b.csv", line: 4, field: 2),
            #"b.csv:4: error: field 2 has a quote but is not quoted; quote the field and double the quote ("")"#
        ),
        (
            .textAfterClosingQuote(path: "b.csv", line: 5, field: 1),
            "b.csv:5: error: field 1 has text after its closing quote"
        ),
        (
            .fieldTooLong(path: "b.csv", line: 6, field: 3, limit: 1_048_576),
            "b.csv:6: error: field 3 is longer than the limit of 1048576 bytes"
        ),
        (
            .recordTooLong(path: "b.csv", line: 7, limit: 67_108_864),
            "b.csv:7: error: the record is longer than the limit of 67108864 bytes"
        ),
        (
            .tooManyFields(path: "b.csv", line: 8, limit: 16_384),
            "b.csv:8: error: the record has more fields than the limit of 16384"
        ),
        (
            .tooManyRecords(path: "b.csv", line: 100_002, limit: 100_000),
            "b.csv:100002: error: the file has more records than the limit of 100000"
        ),
        (
            .unencodable(path: "<memory>", line: 2, field: 1, scalar: "\u{E5E5}", encoding: .gb18030),
            "<memory>:2: error: field 1 has U+E5E5, which cannot be written in GB18030"
        ),
        (
            .unencodable(path: "x.csv", line: 1, field: 4, scalar: "\u{7}", encoding: .gb18030),
            "x.csv:1: error: field 4 has U+0007, which cannot be written in GB18030"
        ),
    ])
    func messages(error: CSVError, expected: String) {
        #expect(error.description == expected)
    }

    @Test func pathAndLine() {
        let error = CSVError.unterminatedQuote(path: "surveys/batch.csv", line: 17)
        #expect(error.path == "surveys/batch.csv")
        #expect(error.line == 17)
        #expect(CSVError.cannotOpen(path: "x.csv", reason: "r").line == nil)
    }
}
