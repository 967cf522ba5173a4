import Foundation
import Testing

@testable import RongheKit

@Suite struct CSVWriterTests {
    typealias Support = CSVTestSupport

    private func text(_ records: [[String]], options: CSVWriter.Options = .init(lineEnding: .lf)) throws -> String {
        String(decoding: try CSVWriter.data(for: records, options: options), as: UTF8.self)
    }

    @Test(arguments: [
        ("plain", "plain"),
        ("德州市", "德州市"),
        ("a,b", #""a,b""#),
        (#"say "hi""#, #""say ""hi""""#),
        (#"""#, #""""""#),
        ("two\nlines", "\"two\nlines\""),
        ("cr\r", "\"cr\r\""),
        ("crlf\r\n", "\"crlf\r\n\""),
        (" lead", #"" lead""#),
        ("trail ", #""trail ""#),
        ("\ttab", "\"\ttab\""),
        ("in side", "in side"),
        ("a;b", "a;b"),
        ("\u{FEFF}mark", "\"\u{FEFF}mark\""),
        ("=1+2", "=1+2"),
    ])
    func fieldsAreQuotedOnlyWhenNeeded(field: String, expected: String) throws {
        #expect(try text([["x", field]]) == "x,\(expected)\n")
    }

    @Test func emptyFieldsAndRecords() throws {
        #expect(try text([["", "", ""]]) == ",,\n")
        #expect(try text([[""]]) == "\"\"\n")
        #expect(try text([[]]) == "\n")
    }

    @Test func separatorDecidesWhatNeedsQuotes() throws {
        let semicolon = CSVWriter.Options(lineEnding: .lf, separator: .semicolon)
        #expect(try text([["a;b", "a,b", "c"]], options: semicolon) == "\"a;b\";a,b;c\n")
        let tab = CSVWriter.Options(lineEnding: .lf, separator: .tab)
        #expect(try text([["a\tb", "a,b", "c d"]], options: tab) == "\"a\tb\"\ta,b\tc d\n")
    }

    @Test func lineEndingsAndByteOrderMark() throws {
        let records = [["a", "b"], ["c", "d"]]
        #expect(try CSVWriter.data(for: records) == Data("a,b\r\nc,d\r\n".utf8))
        #expect(try CSVWriter.data(for: records, options: .init(lineEnding: .lf)) == Data("a,b\nc,d\n".utf8))
        let marked = try CSVWriter.data(for: records, options: .init(byteOrderMark: true))
        #expect(marked == Data([0xEF, 0xBB, 0xBF] + Array("a,b\r\nc,d\r\n".utf8)))
        #expect(try CSVWriter.data(for: [], options: .init(byteOrderMark: true)) == Data([0xEF, 0xBB, 0xBF]))
        let utf16 = try CSVWriter.data(for: [["德"]], options: .init(encoding: .utf16LittleEndian, byteOrderMark: true))
        #expect(utf16 == Data([0xFF, 0xFE, 0xB7, 0x5F, 0x0D, 0x00, 0x0A, 0x00]))
    }

    @Test(arguments: [
        ("=SUM(A1:A9)", "'=SUM(A1:A9)"),
        ("+86 138 0000 0000", "'+86 138 0000 0000"),
        ("-", "'-"),
        ("-2+3", "'-2+3"),
        ("@cmd", "'@cmd"),
        ("\tx", "'\tx"),
        ("\r=1", "\"'\r=1\""),
        ("-3.5", "-3.5"),
        ("+12", "+12"),
        ("-0.25", "-0.25"),
        ("-1.2.3", "'-1.2.3"),
        ("1-2", "1-2"),
        ("a=b", "a=b"),
        ("德=州", "德=州"),
        ("", ""),
    ])
    func formulaGuard(field: String, expected: String) throws {
        let guarded = CSVWriter.Options(lineEnding: .lf, formulaGuard: true)
        #expect(try text([[field, "x"]], options: guarded) == "\(expected),x\n")
    }

    @Test func formulaGuardIsOffByDefaultAndOnForExcel() throws {
        #expect(try text([["=1+2"]]) == "=1+2\n")
        #expect(CSVWriter.Options.excel.formulaGuard)
        #expect(CSVWriter.Options.excel.byteOrderMark)
        #expect(CSVWriter.Options.excel.encoding == .utf8)
        #expect(CSVWriter.Options.excel.lineEnding == .crlf)
    }

    /// The records behind writer-sample.utf8.csv, typed here.
    static let sample: [[String]] = [
        ["企业名称", "得分", "备注"],
        ["德州市经济开发区化学原料和化学制品制造业有限公司", "87.5", #"含逗号,和"引号""#],
        ["𠀀字科技", "-3", " 前后空格 "],
        ["Bäcker™", "", "两行\n文字"],
    ]

    @Test func sampleMatchesTheHandWrittenFixture() throws {
        #expect(try CSVWriter.data(for: Self.sample) == Support.bytes("writer-sample.utf8.csv"))
    }

    @Test func gb18030OutputMatchesIconvsBytes() throws {
        let written = try CSVWriter.data(for: Self.sample, options: .init(encoding: .gb18030))
        #expect(written == (try Support.bytes("writer-sample.gb18030.csv")))
        let records = try CSVReader(data: written).readAll()
        #expect(records.map(\.fields) == Self.sample)
        #expect(records.map(\.line) == [1, 2, 3, 4])
    }

    @Test(arguments: 0..<20)
    func gb18030OutputMatchesTheIconvToolOnRandomText(seed: Int) throws {
        var random = SplitMix64(seed: UInt64(seed))
        // CJK, extension B (4-byte in GB18030), Latin-1, symbols and emoji.
        let ranges: [ClosedRange<UInt32>] = [0x4E00...0x9FA5, 0x20000...0x2A6D6, 0xA0...0xFF, 0x2000...0x2BFF, 0x1F300...0x1F64F]
        var rows: [[String]] = []
        for _ in 0..<50 {
            rows.append((0..<4).map { _ in
                let range = ranges.randomElement(using: &random)!
                let scalars = (0..<Int.random(in: 0...6, using: &random)).compactMap { _ in
                    Unicode.Scalar(UInt32.random(in: range, using: &random))
                }
                return String(String.UnicodeScalarView(scalars))
            })
        }
        let utf8 = try CSVWriter.data(for: rows)
        let gb18030 = try CSVWriter.data(for: rows, options: .init(encoding: .gb18030))
        #expect(gb18030 == (try Support.iconv(utf8, from: "UTF-8", to: "GB18030")), "seed \(seed)")
    }

    @Test func unencodableScalarNamesFieldAndLine() throws {
        let options = CSVWriter.Options(encoding: .gb18030)
        #expect(throws: CSVError.unencodable(path: "<memory>", line: 3, field: 2, scalar: "\u{E78D}", encoding: .gb18030)) {
            try CSVWriter.data(for: [["ok"], ["two\nlines", "德\u{E78D}"]], options: options)
        }
        #expect(throws: CSVError.unencodable(path: "<memory>", line: 5, field: 1, scalar: "\u{E816}", encoding: .gb18030)) {
            try CSVWriter.data(for: [["a\r\nb", "c\rd"], ["e"], ["\u{E816}"]], options: options)
        }
        let error = CSVError.unencodable(path: "<memory>", line: 3, field: 2, scalar: "\u{E78D}", encoding: .gb18030)
        #expect(error.description == "<memory>:3: error: field 2 has U+E78D, which cannot be written in GB18030")
    }

    @Test func writesAFileInSmallBuffers() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("out.csv")
        let writer = try CSVWriter(url: url, options: .init(bufferSize: 1))
        for record in Self.sample {
            try writer.write(record)
        }
        try writer.close()
        #expect(try Data(contentsOf: url) == Support.bytes("writer-sample.utf8.csv"))
    }

    @Test func unencodableRecordIsNotWrittenAndTheWriterGoesOn() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("out.csv")
        let writer = try CSVWriter(url: url, options: .init(encoding: .gb18030, lineEnding: .lf))
        try writer.write(["德"])
        #expect(throws: CSVError.self) { try writer.write(["州", "\u{E796}"]) }
        try writer.write(["州"])
        try writer.close()
        #expect(try Data(contentsOf: url) == Data([0xB5, 0xC2, 0x0A, 0xD6, 0xDD, 0x0A]))
    }

    @Test func deinitFlushesWhatIsLeft() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("out.csv")
        do {
            let writer = try CSVWriter(url: url)
            try writer.write(["a"])
        }
        #expect(try Data(contentsOf: url) == Data("a\r\n".utf8))
    }

    @Test func missingFolder() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = URL(fileURLWithPath: "missing/out.csv", relativeTo: folder)
        #expect(throws: CSVError.cannotOpen(path: "missing/out.csv", reason: "its folder does not exist")) {
            try CSVWriter(url: url)
        }
    }
}
