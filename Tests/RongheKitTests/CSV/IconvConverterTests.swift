import Foundation
import Testing

@testable import RongheKit

extension CSVDecodingTests {
    @Suite struct IconvConverterTests {
        private func convert(_ bytes: [UInt8], from source: String, to target: String = "UTF-8") -> ([UInt8], IconvConverter.Outcome) {
            let converter = IconvConverter(from: source, to: target)!
            var output: [UInt8] = []
            let outcome = bytes.withUnsafeBufferPointer { converter.convert($0, appendingTo: &output) }
            return (output, outcome)
        }

        @Test func unknownEncodingIsNil() {
            #expect(IconvConverter(from: "NO-SUCH-ENCODING", to: "UTF-8") == nil)
        }

        @Test func decodesTwoAndFourByteGB18030() {
            // 德 B5C2, 𠀀 95328236, ™ 8136BE34, from the GB18030 code table.
            let (output, outcome) = convert([0xB5, 0xC2, 0x95, 0x32, 0x82, 0x36, 0x81, 0x36, 0xBE, 0x34], from: "GB18030")
            #expect(outcome == .complete)
            #expect(output == Array("德𠀀™".utf8))
        }

        @Test func bytesThatWerePrivateUseIn2005ReadAsStandardCharacters() {
            // GB18030-2022's mapping: A6D9 is U+FE10 (2005: U+E78D), FE51 is U+20087 (2005: U+E816).
            let (output, outcome) = convert([0xA6, 0xD9, 0xFE, 0x51], from: "GB18030")
            #expect(outcome == .complete)
            #expect(output == Array("\u{FE10}\u{20087}".utf8))
        }

        @Test func stopsBeforeACutSequence() {
            let (output, outcome) = convert([0x61, 0xB5, 0xC2, 0x95, 0x32, 0x82], from: "GB18030")
            #expect(outcome == .incomplete(index: 3))
            #expect(output == Array("a德".utf8))
        }

        @Test func stopsAtABadSequence() {
            let (output, outcome) = convert([0x61, 0xB5, 0xC2, 0xFF, 0x61], from: "GB18030")
            #expect(outcome == .invalid(index: 3))
            #expect(output == Array("a德".utf8))
            #expect(convert([0x81, 0x2C], from: "GB18030").1 == .invalid(index: 0))
            #expect(convert([0x80], from: "GB18030").1 == .invalid(index: 0))
        }

        @Test func unmappedScalarWhenWriting() {
            let (output, outcome) = convert(Array("a\u{E78D}".utf8), from: "UTF-8", to: "GB18030")
            #expect(outcome == .invalid(index: 1))
            #expect(output == [0x61])
        }

        @Test func loneSurrogateInUTF16IsInvalid() {
            #expect(convert([0x61, 0x00, 0x00, 0xDC, 0x62, 0x00], from: "UTF-16LE").1 == .invalid(index: 2))
        }

        @Test func outputLargerThanItsScratchBufferMatchesTheIconvTool() throws {
            let gb18030 = try CSVTestSupport.bytes("gb18030.csv")
            var input: [UInt8] = []
            for _ in 0..<400 {
                input += gb18030
            }
            let (output, outcome) = convert(input, from: "GB18030")
            #expect(outcome == .complete)
            #expect(output.count > 16 << 10)
            #expect(Data(output) == (try CSVTestSupport.iconv(Data(input), from: "GB18030", to: "UTF-8")))
        }
    }
}
