/// The character that separates fields in a CSV record.
public enum CSVSeparator: Sendable, Equatable, CaseIterable, CustomStringConvertible {
    /// `,`, RFC 4180's separator and what Chinese-locale spreadsheet programs write.
    case comma
    /// `;`, what spreadsheet programs write in locales whose decimal mark is a comma.
    case semicolon
    /// A tab, what Excel's "Unicode text" export writes.
    case tab

    /// The separator's byte, the same in UTF-8 and in the decoded text the reader parses.
    var byte: UInt8 {
        switch self {
        case .comma: UInt8(ascii: ",")
        case .semicolon: UInt8(ascii: ";")
        case .tab: UInt8(ascii: "\t")
        }
    }

    /// A name for messages.
    public var description: String {
        switch self {
        case .comma: "comma"
        case .semicolon: "semicolon"
        case .tab: "tab"
        }
    }
}
