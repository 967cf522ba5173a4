/// A text encoding that CSV files reach Ronghe in.
///
/// Chinese spreadsheet programs (Excel and WPS Office in a Chinese locale) save CSV in GBK by
/// default, which GB18030 contains; other systems write UTF-8, with or without a byte order mark;
/// Excel's "Unicode text" export is UTF-16 little-endian with a byte order mark.
public enum CSVEncoding: String, Sendable, Equatable, CaseIterable, CustomStringConvertible {
    /// UTF-8, with or without a byte order mark.
    case utf8 = "UTF-8"
    /// GB18030, which contains GBK and GB2312 and can encode every Unicode scalar.
    case gb18030 = "GB18030"
    /// UTF-16 little-endian, what Excel writes for "Unicode text".
    case utf16LittleEndian = "UTF-16LE"
    /// UTF-16 big-endian.
    case utf16BigEndian = "UTF-16BE"

    /// The name used in messages, which is also the name `iconv` knows the encoding by.
    public var description: String { rawValue }
}
