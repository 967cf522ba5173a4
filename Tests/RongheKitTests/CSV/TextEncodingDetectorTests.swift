import Testing

@testable import RongheKit

extension CSVDecodingTests {
    @Suite struct TextEncodingDetectorTests {
        @Test(arguments: [
            ([0xEF, 0xBB, 0xBF, 0x61], CSVEncoding.utf8, 3),
            ([0xFF, 0xFE, 0x61, 0x00], .utf16LittleEndian, 2),
            ([0xFE, 0xFF, 0x00, 0x61], .utf16BigEndian, 2),
        ] as [([UInt8], CSVEncoding, Int)])
        func byteOrderMarks(bytes: [UInt8], encoding: CSVEncoding, length: Int) {
            let mark = TextEncodingDetector.byteOrderMark(at: bytes)
            #expect(mark?.encoding == encoding)
            #expect(mark?.length == length)
            #expect(TextEncodingDetector.detect(bytes) == encoding)
        }

        @Test func utf16WithoutAMarkIsToldByItsZeroBytes() {
            let text = "统一社会信用代码,企业名称\r\n91371402MA3F2K7L17,德州华兴机械有限公司\r\n"
            let little = Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
            let big = Array(text.utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
            #expect(TextEncodingDetector.utf16WithoutByteOrderMark(at: little) == .utf16LittleEndian)
            #expect(TextEncodingDetector.utf16WithoutByteOrderMark(at: big) == .utf16BigEndian)
            #expect(TextEncodingDetector.utf16WithoutByteOrderMark(at: Array(text.utf8)) == nil)
            // A stray NUL or two in UTF-8 is not UTF-16.
            #expect(TextEncodingDetector.utf16WithoutByteOrderMark(at: Array("a\0b,c\0d".utf8)) == nil)
            // Zeros at both parities alike: binary data.
            #expect(TextEncodingDetector.utf16WithoutByteOrderMark(at: [UInt8](repeating: 0, count: 64)) == nil)
        }

        @Test func noMark() {
            #expect(TextEncodingDetector.byteOrderMark(at: [UInt8]()) == nil)
            #expect(TextEncodingDetector.byteOrderMark(at: [0xEF, 0xBB]) == nil)
            #expect(TextEncodingDetector.byteOrderMark(at: Array("德".utf8)) == nil)
        }

        @Test(arguments: [
            ([], CSVEncoding.utf8),
            (Array("id,name\n1,2\n".utf8), .utf8),
            (Array("德州市经济开发区".utf8), .utf8),
            (Array("a,𠀀😀,b".utf8), .utf8),
            // 德州 in GBK, typed from the GBK code table: B5C2 D6DD.
            ([0xB5, 0xC2, 0xD6, 0xDD], .gb18030),
            // 𠀀 in GB18030: 95 32 82 36.
            ([0x61, 0x95, 0x32, 0x82, 0x36], .gb18030),
            // Overlong NUL, an encoded surrogate, and a scalar past U+10FFFF are not UTF-8.
            ([0xC0, 0x80], .gb18030),
            ([0xED, 0xA0, 0x80], .gb18030),
            ([0xF4, 0x90, 0x80, 0x80], .gb18030),
            // 说 (CBB5) happens to be well-formed UTF-8 (U+02F5) on its own: too little to tell.
            ([0xCB, 0xB5], .utf8),
        ] as [([UInt8], CSVEncoding)])
        func detection(bytes: [UInt8], expected: CSVEncoding) {
            #expect(TextEncodingDetector.detect(bytes) == expected)
        }

        @Test func aWindowCutInsideACharacterStillCountsAsUTF8() {
            let cut = Array("ab德".utf8.dropLast())
            #expect(TextEncodingDetector.detect(cut, isComplete: false) == .utf8)
            #expect(TextEncodingDetector.detect(cut, isComplete: true) == .gb18030)
        }
    }
}
