import Foundation
import Testing

@testable import RongheKit

@Suite struct CSVReaderTests {
    typealias Support = CSVTestSupport

    private func records(_ text: String, options: CSVReader.Options = .init()) throws -> [CSVRecord] {
        try Support.parse(text, options: options).get()
    }

    private func error(_ text: String, options: CSVReader.Options = .init()) -> String? {
        guard case let .failure(error) = Support.parse(text, options: options) else {
            return nil
        }
        return error.description
    }

    private func r(_ line: Int, _ fields: String...) -> CSVRecord {
        CSVRecord(fields: fields, line: line)
    }

    // MARK: - RFC 4180 and the rules around it

    @Test func plainRecords() throws {
        #expect(try records("a,b,c\n1,2,3\n") == [r(1, "a", "b", "c"), r(2, "1", "2", "3")])
    }

    @Test func quotedFieldsWithDoubledQuotesAndSeparators() throws {
        let text = "\"a \"\"quoted\"\" word\",\"x,y\",\"\"\"\"\n"
        #expect(text == #""a ""quoted"" word","x,y",""""# + "\"\n")
        #expect(try records(text) == [r(1, #"a "quoted" word"#, "x,y", "\"")])
    }

    @Test func embeddedLineBreaksMoveTheNextRecordDown() throws {
        let text = "id,note\n1,\"two\nlines\"\n2,\"three\r\nline\rends\"\n3,last\n"
        #expect(
            try records(text) == [
                r(1, "id", "note"), r(2, "1", "two\nlines"), r(4, "2", "three\r\nline\rends"), r(7, "3", "last"),
            ])
    }

    @Test func crlfLoneCRAndLFAllEndLines() throws {
        #expect(try records("a\r\nb\rc\nd\r\n\re") == [r(1, "a"), r(2, "b"), r(3, "c"), r(4, "d"), r(6, "e")])
    }

    @Test func lastLineWithoutLineEnd() throws {
        #expect(try records("a,b\nc,d") == [r(1, "a", "b"), r(2, "c", "d")])
        #expect(try records("a,\"b\"") == [r(1, "a", "b")])
        #expect(try records("a,") == [r(1, "a", "")])
    }

    @Test func emptyFieldsAndMissingFields() throws {
        #expect(
            try records("a,,c\n,\n\"\"\n1,2\n,,\n") == [
                r(1, "a", "", "c"), r(2, "", ""), r(3, ""), r(4, "1", "2"), r(5, "", "", ""),
            ])
    }

    @Test func blankLinesAreSkippedWhereverTheyAre() throws {
        #expect(try records("\n\na\n\r\n\nb\n\n\n\r\n") == [r(3, "a"), r(6, "b")])
    }

    @Test func nothingToRead() throws {
        #expect(try records("") == [])
        #expect(try records("\n\r\n\r") == [])
        #expect(try records("\u{FEFF}") == [])
    }

    @Test func whitespaceIsKept() throws {
        #expect(try records(" a , b \n   \n\t\n") == [r(1, " a ", " b "), r(2, "   "), r(3, "\t")])
    }

    @Test func strayQuotesAreKeptByDefault() throws {
        #expect(try records("12\" pipe,x\"y\"\n") == [r(1, "12\" pipe", "x\"y\"")])
        #expect(try records("\"abc\"def,\"q\" \n") == [r(1, "abcdef", "q ")])
    }

    @Test func strictQuotesRejectStrayQuotes() {
        let strict = CSVReader.Options(strictQuotes: true)
        #expect(
            error("a,b\nok,12\" pipe\n", options: strict)
                == #"<data>:2: error: field 2 has a quote but is not quoted; quote the field and double the quote ("")"#)
        #expect(
            error("a,b\n\"x\ny\"z,b\n", options: strict)
                == "<data>:3: error: field 1 has text after its closing quote")
        #expect((try? records("\"a\"\"b\",\"\"\n", options: strict)) == [r(1, "a\"b", "")])
    }

    @Test func unterminatedQuoteNamesTheLineItOpenedOn() {
        #expect(error("a,b\n\"open\nx\ny") == "<data>:2: error: a quoted field opened on line 2 is never closed")
        #expect(error("a,\"") == "<data>:1: error: a quoted field opened on line 1 is never closed")
    }

    @Test func errorsRepeatOnceThrown() throws {
        let reader = CSVReader(data: Data("ok\n\"open".utf8), name: "x.csv")
        #expect(try reader.next() == r(1, "ok"))
        #expect(throws: CSVError.unterminatedQuote(path: "x.csv", line: 2)) { try reader.next() }
        #expect(throws: CSVError.unterminatedQuote(path: "x.csv", line: 2)) { try reader.next() }
    }

    // MARK: - Limits

    @Test func fieldLengthLimitCountsBytesOfUTF8() throws {
        let options = CSVReader.Options(maxFieldBytes: 6)
        #expect(try records("abcdef,德州\n", options: options) == [r(1, "abcdef", "德州")])
        #expect(error("ok\nabcdef,德州市\n", options: options) == "<data>:2: error: field 2 is longer than the limit of 6 bytes")
        #expect(error("ok\n\"a\n\nbcdefg\"", options: options) == "<data>:2: error: field 1 is longer than the limit of 6 bytes")
    }

    @Test func recordLengthLimit() throws {
        let options = CSVReader.Options(maxRecordBytes: 8)
        #expect(try records("abcd,efgh\n", options: options) == [r(1, "abcd", "efgh")])
        #expect(error("abcd,efgh,i\n", options: options) == "<data>:1: error: the record is longer than the limit of 8 bytes")
    }

    @Test func fieldCountLimit() throws {
        let options = CSVReader.Options(maxFields: 3)
        #expect(try records("a,b,c\n", options: options) == [r(1, "a", "b", "c")])
        #expect(error("a\n\"b\n\",c,d,\n", options: options) == "<data>:2: error: the record has more fields than the limit of 3")
    }

    @Test func recordCountLimit() throws {
        let options = CSVReader.Options(maxRecords: 2)
        #expect(try records("a\nb\n\n\n", options: options) == [r(1, "a"), r(2, "b")])
        #expect(error("a\nb\n\nc\n", options: options) == "<data>:4: error: the file has more records than the limit of 2")
    }

    // MARK: - Separators

    @Test func separatorsWhenAsked() throws {
        #expect(try records("a;b,c\n", options: .init(separator: .semicolon)) == [r(1, "a", "b,c")])
        #expect(try records("a\tb,c\n", options: .init(separator: .tab)) == [r(1, "a", "b,c")])
    }

    @Test(arguments: [
        ("a;b;c\n1;2,5;3\n", CSVSeparator.semicolon),
        ("名称\t得分\n", .tab),
        ("a,b;c\n", .comma),
        ("\"x;y;z\",b\n", .comma),
        ("single\n", .comma),
        ("\n\n1;2\n", .semicolon),
        ("", .comma),
    ])
    func separatorDetectedFromTheFirstLine(text: String, expected: CSVSeparator) throws {
        let reader = CSVReader(data: Data(text.utf8), options: .init(separator: nil))
        #expect(reader.separator == nil)
        _ = try reader.readAll()
        #expect(reader.separator == expected)
    }

    // MARK: - Fixture files

    static let utf8Records: [CSVRecord] = [
        CSVRecord(fields: ["id", "name", "note", "score"], line: 1),
        CSVRecord(fields: ["1", "德州", "line one\nline two", "90"], line: 2),
        CSVRecord(fields: ["2", "a,b", "", ""], line: 4),
        CSVRecord(fields: ["3", "  spaced  ", "", ""], line: 5),
        CSVRecord(fields: ["4", "missing"], line: 7),
    ]

    static let utf8BOMRecords: [CSVRecord] = [
        CSVRecord(fields: ["企业名称", "统一社会信用代码", "得分"], line: 1),
        CSVRecord(fields: ["德州市经济开发区化学原料和化学制品制造业有限公司", "91371400MA3C000001", "87.5"], line: 2),
        CSVRecord(fields: [#"山东 "融合" 科技"#, "91370100MA3C000002", ""], line: 3),
    ]

    /// The text of gb18030-source.utf8.csv, typed again here rather than read back.
    static let gb18030Records: [CSVRecord] = [
        CSVRecord(fields: ["企业名称", "所在地区", "行业", "备注"], line: 1),
        CSVRecord(
            fields: ["德州市经济开发区化学原料和化学制品制造业有限公司", "德州市经济开发区", "化学原料和化学制品制造业", #"含逗号,和"引号""#],
            line: 2),
        CSVRecord(fields: ["𠀀字科技有限公司", "山东省", "信息传输、软件和\r\n信息技术服务业", "扩展B区𠀀与表情😀"], line: 3),
        CSVRecord(fields: ["欧元€商贸有限公司", "㈠区", "批发和零售业", "Bäcker GmbH™"], line: 5),
    ]

    static let crRecords: [CSVRecord] = [
        CSVRecord(fields: ["a", "b"], line: 1),
        CSVRecord(fields: ["multi\rline", "c"], line: 2),
        CSVRecord(fields: ["last", "row"], line: 5),
    ]

    static let utf16Records: [CSVRecord] = [
        CSVRecord(fields: ["企业名称", "得分"], line: 1),
        CSVRecord(fields: ["德州𠀀公司", "87.5"], line: 2),
    ]

    static let readable: [(String, CSVSeparator?, CSVEncoding?, [CSVRecord])] = [
        ("utf8.csv", .comma, .utf8, utf8Records),
        ("utf8-bom.csv", .comma, .utf8, utf8BOMRecords),
        ("gb18030.csv", .comma, .gb18030, gb18030Records),
        ("gb18030-source.utf8.csv", .comma, .utf8, gb18030Records),
        ("cr-line-ends.csv", .comma, nil, crRecords),
        ("utf16le-bom.txt", nil, .utf16LittleEndian, utf16Records),
    ]

    @Test(arguments: readable)
    func fixtureReadsAsWritten(name: String, separator: CSVSeparator?, encoding: CSVEncoding?, expected: [CSVRecord]) throws {
        let reader = try CSVReader(url: Support.fixture(name), options: .init(separator: separator))
        #expect(try reader.readAll() == expected)
        #expect(reader.encoding == encoding)
        #expect(reader.separator == (separator ?? .tab))
    }

    @Test(arguments: readable, [1, 2, 3, 7, 64])
    func fixtureReadsTheSameInTinyChunks(
        fixture: (String, CSVSeparator?, CSVEncoding?, [CSVRecord]), chunkSize: Int
    ) throws {
        let (name, separator, _, expected) = fixture
        let records = try Support.read(name, options: .init(separator: separator, chunkSize: chunkSize))
        #expect(records == expected, "chunk size \(chunkSize)")
    }

    /// Broken files: the records before the problem, then the message.
    static let broken: [(String, CSVReader.Options, [CSVRecord], String)] = [
        (
            "unterminated-quote.csv", .init(),
            [CSVRecord(fields: ["name", "note"], line: 1), CSVRecord(fields: ["ok", "fine"], line: 2)],
            "unterminated-quote.csv:3: error: a quoted field opened on line 3 is never closed"
        ),
        (
            "invalid-bytes.csv", .init(),
            [CSVRecord(fields: ["名称", "地区"], line: 1), CSVRecord(fields: ["德州", "山东"], line: 2)],
            "invalid-bytes.csv:3: error: the file is neither UTF-8 nor GB18030 (bad byte 0xFF at offset 24)"
        ),
        (
            "mixed-encodings.csv", .init(detectionWindow: 8),
            [CSVRecord(fields: ["名称", "地区"], line: 1), CSVRecord(fields: ["德州", "山东"], line: 2)],
            "mixed-encodings.csv:3: error: the file reads as UTF-8 until a bad byte 0xBC at offset 28; it may mix two encodings"
        ),
        (
            "gb18030.csv", .init(encoding: .utf8), [],
            "gb18030.csv:1: error: the file is not valid UTF-8 (bad byte 0xC6 at offset 0)"
        ),
        (
            // 195 bytes: the pairs before the last byte happen to be UTF-16 code units, the last is half of one.
            "utf8-bom.csv", .init(encoding: .utf16BigEndian), [],
            "utf8-bom.csv:1: error: the file ends in the middle of a character (UTF-16BE, at offset 194): it was probably "
                + "cut off; ask the sender to save it and send it again"
        ),
    ]

    @Test(arguments: broken, [1, 2, 3, 7, 65_536])
    func fixtureFailsTheSameWayInAnyChunkSize(
        fixture: (String, CSVReader.Options, [CSVRecord], String), chunkSize: Int
    ) throws {
        var (name, options, before, message) = fixture
        options.chunkSize = chunkSize
        let reader = try CSVReader(url: Support.fixture(name), options: options)
        var records: [CSVRecord] = []
        do {
            while let record = try reader.next() {
                records.append(record)
            }
            Issue.record("no error, chunk size \(chunkSize)")
        } catch {
            #expect(error.description == message, "chunk size \(chunkSize)")
        }
        #expect(records == before, "chunk size \(chunkSize)")
    }

    @Test func gb18030FixtureDecodesToItsUTF8Source() throws {
        // The GB18030 file was made from the UTF-8 one with iconv; both must give the same records.
        #expect(try Support.read("gb18030.csv") == Support.read("gb18030-source.utf8.csv"))
    }

    @Test func forcedEncodingWins() throws {
        let records = try Support.read("gb18030.csv", options: .init(encoding: .gb18030))
        #expect(records == Self.gb18030Records)
        let text = try Support.read("utf8-bom.csv", options: .init(encoding: .utf8))
        #expect(text == Self.utf8BOMRecords)
    }

    @Test func asciiOnlyInputLeavesTheEncodingUndecided() throws {
        let reader = CSVReader(data: Data("a,b\n1,2\n".utf8))
        _ = try reader.readAll()
        #expect(reader.encoding == nil)
    }

    @Test func missingFileAndFolder() {
        #expect(throws: CSVError.cannotOpen(path: "no-such.csv", reason: "there is no such file")) {
            try CSVReader(url: Support.fixture("no-such.csv"))
        }
        let folder = URL(fileURLWithPath: "csv", relativeTo: Support.fixtures.deletingLastPathComponent())
        #expect(throws: CSVError.cannotOpen(path: "csv", reason: "it is a directory")) {
            try CSVReader(url: folder)
        }
    }

    // MARK: - Round trips through the writer

    /// Text pieces that stress quoting, line ends and multi-byte characters. Every non-ASCII one
    /// has a GB18030 lead byte that cannot start UTF-8, so detection has a definite answer.
    static let pieces = [
        "a", "Z", "0", "42", " ", ",", ";", "\t", "\"", "\"\"", "\n", "\r", "\r\n", "德", "经济", "𠀀", "😀", "€", "ä",
        "™", "㈠", "'", "=",
    ]

    private static func lineEnds(in text: String) -> Int {
        var count = 0
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            if scalar == "\r" || (scalar == "\n" && previous != "\r") {
                count += 1
            }
            previous = scalar
        }
        return count
    }

    @Test func lineEndsAreCountedLikeAReader() {
        // CR, CRLF, LF, CR, CRLF, LF.
        #expect(Self.lineEnds(in: "a\r\r\nb\n\rc\r\n\n") == 6)
    }

    @Test(arguments: 0..<300)
    func writtenRecordsReadBackAtAnyChunkSize(seed: Int) throws {
        var random = SplitMix64(seed: UInt64(seed))
        var rows: [[String]] = []
        for _ in 0..<Int.random(in: 1...12, using: &random) {
            var row: [String] = []
            for _ in 0..<Int.random(in: 1...6, using: &random) {
                var field = ""
                for _ in 0..<Int.random(in: 0...5, using: &random) {
                    field += Self.pieces.randomElement(using: &random)!
                }
                row.append(field)
            }
            rows.append(row)
        }
        let encoding = CSVEncoding.allCases.randomElement(using: &random)!
        let writeOptions = CSVWriter.Options(
            encoding: encoding,
            byteOrderMark: Bool.random(using: &random),
            lineEnding: Bool.random(using: &random) ? .crlf : .lf,
            separator: CSVSeparator.allCases.randomElement(using: &random)!,
            bufferSize: Int.random(in: 1...100, using: &random))
        let data = try CSVWriter.data(for: rows, options: writeOptions)

        // UTF-16 without a mark cannot be detected; everything else is left to detection.
        let unicode = encoding == .utf16LittleEndian || encoding == .utf16BigEndian
        let forced = (unicode && !writeOptions.byteOrderMark) || Bool.random(using: &random)
        let chunkSize = Int.random(in: 1...17, using: &random)
        let readOptions = CSVReader.Options(
            encoding: forced ? encoding : nil, separator: writeOptions.separator, chunkSize: chunkSize)
        let records = try Support.read(data, options: readOptions).get()

        // Expected lines, counted here from the rows: each record starts after the line ends of
        // those before it (CRLF, LF and CR each count once).
        var expected: [CSVRecord] = []
        var line = 1
        for row in rows {
            expected.append(CSVRecord(fields: row, line: line))
            line += 1 + row.reduce(0) { $0 + Self.lineEnds(in: $1) }
        }
        #expect(
            records == expected,
            "seed \(seed): \(encoding), chunk size \(chunkSize), forced \(forced), options \(writeOptions)")
    }

    @Test func hundredThousandRowsStreamFromAFile() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("batch.csv")
        let writer = try CSVWriter(url: url, options: .excel)
        try writer.write(["序号", "企业名称", "地区", "得分", "备注"])
        for number in 1...100_000 {
            try writer.write(["\(number)", "德州市企业\(number)有限公司", "德州市经济开发区", "\(number % 100).5", number % 7 == 0 ? "含,逗号" : ""])
        }
        try writer.close()

        let reader = try CSVReader(url: url)
        var count = 0
        var last: CSVRecord?
        try reader.forEach { record in
            count += 1
            last = record
        }
        #expect(count == 100_001)
        #expect(last == CSVRecord(fields: ["100000", "德州市企业100000有限公司", "德州市经济开发区", "0.5", ""], line: 100_001))
    }

    @Test func theLastRecordSaysWhetherALineBreakFollowedIt() throws {
        let cut = CSVReader(data: Data("a,b,c\r\n1,2".utf8), name: "cut.csv")
        #expect(try cut.next()?.fields == ["a", "b", "c"])
        #expect(!cut.lastRecordHasNoLineBreak)
        #expect(try cut.next()?.fields == ["1", "2"])
        #expect(cut.lastRecordHasNoLineBreak)
        let whole = CSVReader(data: Data("a,b,c\r\n1,2\n".utf8), name: "whole.csv")
        _ = try whole.readAll()
        #expect(!whole.lastRecordHasNoLineBreak)
    }
}
