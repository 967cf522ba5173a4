import Foundation
import Testing

@testable import RongheKit

extension CSVDecodingTests {
    @Suite struct TextStreamDecoderTests {
        typealias Support = CSVTestSupport

        private func decoder(_ bytes: [UInt8], encoding: CSVEncoding? = nil, chunkSize: Int, window: Int = 1 << 20)
            -> TextStreamDecoder
        {
            let source = ByteSource(data: Data(bytes), name: "t.csv", chunkSize: chunkSize)
            return TextStreamDecoder(source: source, encoding: encoding, detectionWindow: window)
        }

        private func decode(_ bytes: [UInt8], encoding: CSVEncoding? = nil, chunkSize: Int, window: Int = 1 << 20)
            -> Result<[UInt8], CSVError>
        {
            let decoder = decoder(bytes, encoding: encoding, chunkSize: chunkSize, window: window)
            return Result { () throws(CSVError) in
                var output: [UInt8] = []
                while let chunk = try decoder.next() {
                    #expect(!chunk.isEmpty)
                    output += chunk
                }
                return output
            }
        }

        static let chunkSizes = [1, 2, 3, 4, 5, 7, 8, 13, 65_536]

        @Test(arguments: chunkSizes)
        func gb18030DecodesToItsUTF8Source(chunkSize: Int) throws {
            let input = try Support.bytes("gb18030.csv")
            let expected = try Support.bytes("gb18030-source.utf8.csv")
            #expect(try decode(Array(input), chunkSize: chunkSize).get() == Array(expected))
        }

        @Test(arguments: chunkSizes)
        func utf16DecodesLikeTheIconvTool(chunkSize: Int) throws {
            let input = try Support.bytes("utf16le-bom.txt")
            // iconv keeps the mark as U+FEFF; the decoder drops it.
            let expected = try Support.iconv(input, from: "UTF-16LE", to: "UTF-8").dropFirst(3)
            #expect(try decode(Array(input), chunkSize: chunkSize).get() == Array(expected))
        }

        @Test(arguments: chunkSizes)
        func utf8MarkIsDropped(chunkSize: Int) throws {
            let input = try Support.bytes("utf8-bom.csv")
            #expect(try decode(Array(input), chunkSize: chunkSize).get() == Array(input.dropFirst(3)))
        }

        @Test func aMarkMatchingTheForcedEncodingIsDropped() throws {
            // GB18030's own mark for U+FEFF is 84 31 95 33.
            #expect(try decode([0x84, 0x31, 0x95, 0x33, 0x61], encoding: .gb18030, chunkSize: 3).get() == [0x61])
            #expect(try decode([0x84, 0x31, 0x95, 0x33, 0xB5, 0xC2], chunkSize: 2).get() == Array("德".utf8))
            #expect(try decode([0xFF, 0xFE, 0x61, 0x00], encoding: .utf16LittleEndian, chunkSize: 1).get() == [0x61])
            // Only at the start: a later U+FEFF is text.
            #expect(try decode(Array("a\u{FEFF}".utf8), chunkSize: 1).get() == Array("a\u{FEFF}".utf8))
        }

        @Test(arguments: chunkSizes)
        func sequenceCutByTheEndOfTheFile(chunkSize: Int) {
            let utf8 = decode([0x61, 0x0A, 0x62, 0xE5, 0xBE], encoding: .utf8, chunkSize: chunkSize)
            #expect(
                utf8 == .failure(.cutOffCharacter(path: "t.csv", line: 2, offset: 3, encoding: .utf8)))
            let gb18030 = decode([0x61, 0x0D, 0x0A, 0x62, 0x95, 0x32, 0x82], encoding: .gb18030, chunkSize: chunkSize)
            #expect(
                gb18030 == .failure(.cutOffCharacter(path: "t.csv", line: 2, offset: 4, encoding: .gb18030)))
            let utf16 = decode([0x61, 0x00, 0x3D, 0xD8], encoding: .utf16LittleEndian, chunkSize: chunkSize)
            #expect(utf16 == .failure(.cutOffCharacter(path: "t.csv", line: 1, offset: 2, encoding: .utf16LittleEndian)))
        }

        @Test(arguments: chunkSizes)
        func badByteLineCountsCRLFSplitAcrossChunks(chunkSize: Int) {
            let bytes = Array("a\r\nb\r\rc\n".utf8) + [0xFF]
            #expect(
                decode(bytes, encoding: .utf8, chunkSize: chunkSize)
                    == .failure(.undecodable(path: "t.csv", line: 5, offset: 8, byte: 0xFF, encoding: .utf8, detected: false)))
        }

        @Test func encodingIsChosenAtTheFirstNonASCIIByte() throws {
            // Past the first kilobyte, which is read at once to look for UTF-16 without a mark.
            let ascii = Array(String(repeating: "id,name\n", count: 200).utf8)
            let decoder = decoder(ascii + [0xB5, 0xC2], chunkSize: 4)
            var output: [UInt8] = []
            while output.count < ascii.count, let chunk = try decoder.next() {
                output += chunk
            }
            #expect(decoder.encoding == nil)
            while let chunk = try decoder.next() {
                output += chunk
            }
            #expect(decoder.encoding == .gb18030)
            #expect(decoder.detected)
            #expect(output == ascii + Array("德".utf8))
        }

        @Test func aSmallWindowDecidesOnWhatItSees() {
            // 德 in UTF-8, then 德 in GBK: a 3-byte window sees only UTF-8.
            let bytes = Array("德".utf8) + [0xB5, 0xC2]
            #expect(
                decode(bytes, chunkSize: 1, window: 3)
                    == .failure(.undecodable(path: "t.csv", line: 1, offset: 3, byte: 0xB5, encoding: .utf8, detected: true)))
            // The whole file in the window: not UTF-8, so GB18030, where E5 BE B7 B5 C2 is
            // 寰 (E5BE) then 枋 (B7B5) then a cut-off C2.
            #expect(
                decode(bytes, chunkSize: 1) == .failure(.cutOffCharacter(path: "t.csv", line: 1, offset: 4, encoding: .gb18030)))
        }

        /// UTF-8 with a stray byte on line 2: GB18030 (chosen because the bytes are not UTF-8)
        /// fails sooner, in the well-formed header (glibc's iconv refuses `80` at offset 40 of
        /// this header's UTF-8), so the error points at the stray byte instead.
        @Test func aStrayByteInUTF8IsReportedWhereItIs() {
            let header = Array("统一社会信用代码,企业名称,所属区县,所属行业\n".utf8)
            let bytes = header + [0xFF] + Array("德州,x\n".utf8)
            #expect(
                decode(bytes, chunkSize: 4)
                    == .failure(.undecodable(path: "t.csv", line: 2, offset: header.count, byte: 0xFF, encoding: .utf8, detected: true)))
            // When GB18030 gets as far as UTF-8 did, both fail at the stray byte: neither encoding.
            let short = Array("名称,地区\n".utf8) + [0xFF]
            #expect(
                decode(short, chunkSize: 4)
                    == .failure(.undecodable(path: "t.csv", line: 2, offset: 14, byte: 0xFF, encoding: .gb18030, detected: true)))
        }

        @Test func emptyInput() throws {
            #expect(try decode([], chunkSize: 1).get() == [])
            #expect(try decode([0xEF, 0xBB, 0xBF], chunkSize: 1).get() == [])
        }
    }
}
