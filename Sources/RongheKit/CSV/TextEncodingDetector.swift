/// Decides which encoding a CSV file is in, from its bytes.
///
/// The rule, in order: a byte order mark names the encoding (UTF-8 `EF BB BF`, UTF-16LE `FF FE`,
/// UTF-16BE `FE FF`); zero bytes at one parity only are UTF-16 without a mark; bytes that are well-formed UTF-8 are UTF-8 (so are ASCII-only bytes, which
/// read the same in every encoding here); anything else is taken to be GB18030, the superset of
/// GBK and GB2312 that Chinese spreadsheet programs write. Whether GB18030 really decodes is found
/// out by decoding: this type only chooses. Chinese text in GBK is practically never well-formed
/// UTF-8 for more than a few characters (most GBK lead bytes are UTF-8 continuation bytes), so the
/// choice is safe once a few non-ASCII characters have been seen.
public enum TextEncodingDetector {
    /// The encoding announced by a byte order mark at the start of `bytes`, with the mark's length.
    ///
    /// `FF FE` is taken as UTF-16LE; UTF-32 is not supported, so `FF FE 00 00` reads as UTF-16LE
    /// starting with U+0000.
    public static func byteOrderMark<Bytes: Collection>(
        at bytes: Bytes
    ) -> (encoding: CSVEncoding, length: Int)? where Bytes.Element == UInt8 {
        let head = Array(bytes.prefix(3))
        if head.count >= 3, head[0] == 0xEF, head[1] == 0xBB, head[2] == 0xBF {
            return (.utf8, 3)
        }
        if head.count >= 2, head[0] == 0xFF, head[1] == 0xFE {
            return (.utf16LittleEndian, 2)
        }
        if head.count >= 2, head[0] == 0xFE, head[1] == 0xFF {
            return (.utf16BigEndian, 2)
        }
        return nil
    }

    /// UTF-16 without a byte order mark, as some conversion tools write it, told from its zero
    /// bytes: ASCII characters (separators, digits, credit codes) have a zero high byte, so in the
    /// first kilobyte zeros fall almost all on odd offsets (little-endian) or on even offsets
    /// (big-endian). Text in UTF-8 or GB18030 has no zero bytes at all.
    public static func utf16WithoutByteOrderMark<Bytes: Collection>(
        at bytes: Bytes
    ) -> CSVEncoding? where Bytes.Element == UInt8 {
        var zeros = (even: 0, odd: 0)
        for (offset, byte) in bytes.prefix(1024).enumerated() where byte == 0 {
            if offset % 2 == 0 { zeros.even += 1 } else { zeros.odd += 1 }
        }
        // A few CJK characters have a zero low byte (一 is U+4E00), so the other parity may have some.
        if zeros.odd >= 8 && zeros.even * 8 <= zeros.odd { return .utf16LittleEndian }
        if zeros.even >= 8 && zeros.odd * 8 <= zeros.even { return .utf16BigEndian }
        return nil
    }

    /// Chooses the encoding of `bytes` by the rule above.
    ///
    /// Pass `isComplete: false` when `bytes` is a window cut from a longer stream: a UTF-8
    /// sequence cut short at the window's end then does not count against UTF-8.
    public static func detect<Bytes: Collection>(
        _ bytes: Bytes,
        isComplete: Bool = true
    ) -> CSVEncoding where Bytes.Element == UInt8 {
        if let mark = byteOrderMark(at: bytes) {
            return mark.encoding
        }
        let result =
            bytes.withContiguousStorageIfAvailable { UTF8Validator.check($0) }
            ?? Array(bytes).withUnsafeBufferPointer { UTF8Validator.check($0) }
        switch result {
        case .valid:
            return .utf8
        case .incomplete:
            return isComplete ? .gb18030 : .utf8
        case .invalid:
            return .gb18030
        }
    }
}
